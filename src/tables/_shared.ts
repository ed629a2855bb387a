import { AVERAGE_ROW, type TableRow } from "./format.ts";
import type { ItemScores } from "../metrics/score_items.ts";
import { accuracy } from "../metrics/accuracy.ts";
import { type DropLevel, pairedDrop } from "../metrics/paired_drop.ts";
import type { Results } from "../results/results.ts";

/** Accuracy in percent, or null for an empty set. */
export function pct(
  scores: ItemScores,
  items: ArrayLike<number>,
): number | null {
  const v = accuracy(scores, items).value;
  return v === null ? null : 100 * v;
}

/** a - b, or null when either is null. */
export function diff(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

/**
 * The unweighted mean over model rows of each numeric column, grouped by the
 * `keys` columns (e.g. `task`); null cells are left out, all-null gives null.
 */
export function averageRows(
  rows: readonly TableRow[],
  keys: readonly string[],
  values: readonly string[],
): TableRow[] {
  const groups = new Map<string, TableRow[]>();
  for (const r of rows) {
    const k = JSON.stringify(keys.map((c) => r[c]));
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const out: TableRow[] = [];
  for (const g of groups.values()) {
    const row: TableRow = { model: AVERAGE_ROW };
    for (const k of keys) row[k] = g[0][k];
    for (const v of values) {
      const xs = g.map((r) => r[v]).filter((x): x is number =>
        typeof x === "number"
      );
      row[v] = xs.length === 0
        ? null
        : xs.reduce((a, b) => a + b, 0) / xs.length;
    }
    out.push(row);
  }
  return out;
}

/** The paired drop (METRICS.md) of a slice at a level, in percent, or null. */
export function dropPct(
  results: Results,
  scores: ItemScores,
  slice: Int32Array,
  level: DropLevel,
): number | null {
  const v = pairedDrop(results, scores, slice, level).value;
  return v === null ? null : 100 * v;
}
