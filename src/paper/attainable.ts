/**
 * Attainable targets: for each published number, the nearest value that is
 * consistent with the higher-priority published numbers (Table 6 over
 * Table 3 over Table 2 over the degradation heatmap) and reachable with a
 * given benchmark's item counts. Where the paper contradicts itself, a
 * number cannot be met as printed by any data set; its attainable value
 * says how close data can come, and its reason says which tables disagree
 * and by how much. The reconstruction fits these values; `fidelity()`
 * reports both the printed and the attainable comparison.
 *
 * @module
 */
import {
  CATEGORIES,
  categoryOf,
  type Degradation,
  DEGRADATIONS,
  TASKS,
} from "../taxonomy/mod.ts";
import type { PaperNumbers } from "./numbers.ts";

/** Item counts of one slice (task or category) of a benchmark. */
export interface SliceCounts {
  /** Degraded items of the slice (L1 and L2 together). */
  degraded: number;
  /** Its paired L0 base: questions with a degraded item in the slice. */
  base: number;
}

/** The item counts attainable targets depend on. */
export interface BenchmarkCounts {
  /** Trials per item. */
  trials: number;
  /** Per task (Table 2 abbreviation) and category (Table 3 abbreviation). */
  slices: ReadonlyMap<string, SliceCounts>;
  /** Degraded items per degradation id at each of L1 and L2. */
  degradations: ReadonlyMap<string, number>;
}

/** One published number's attainable target. */
export interface Attainable {
  /** Nearest value consistent with higher-priority numbers (same unit as the fidelity row). */
  value: number;
  /** Allowed |reproduced - value|. */
  tolerance: number;
  /** Which published numbers disagree, and by how much ("" when none). */
  reason: string;
}

/** Largest shift spread over every slice before the rest goes to the largest one (points). */
const SPREAD = 0.04;

const f2 = (x: number) => x.toFixed(2);

/**
 * Shift slice values so that their count-weighted mean equals `pooled`:
 * every slice by up to SPREAD points, the rest on the largest slice (so at
 * most one printed number per model moves by more than rounding).
 */
function reconcile(
  values: ReadonlyMap<string, number>,
  size: (s: string) => number,
  pooled: number,
): { shift: Map<string, number>; gap: number; largest: string } {
  let n = 0, sum = 0, largest = "", largestSize = 0;
  for (const [s, v] of values) {
    n += size(s);
    sum += size(s) * v;
    if (size(s) > largestSize) [largest, largestSize] = [s, size(s)];
  }
  const shift = new Map<string, number>();
  if (n === 0) return { shift, gap: 0, largest };
  const gap = pooled - sum / n;
  const step = Math.sign(gap) * Math.min(Math.abs(gap), SPREAD);
  const rest = (gap - step) * n / largestSize;
  for (const s of values.keys()) {
    shift.set(s, step + (s === largest ? rest : 0));
  }
  return { shift, gap, largest };
}

/**
 * Key of an attainable target: `${source}|${model}|${column}` as in fidelity rows.
 *
 * @param source The fidelity source ("table2", "table3", "heatmap", ...).
 * @param model Model id.
 * @param column The fidelity column, e.g. "CU acc_l12".
 * @returns The key.
 *
 * @example Usage
 * ```ts
 * import { attainableKey } from "./attainable.ts";
 * console.assert(attainableKey("table2", "GPT-5", "CU acc_l12") === "table2|GPT-5|CU acc_l12");
 * ```
 */
export function attainableKey(
  source: string,
  model: string,
  column: string,
): string {
  return `${source}|${model}|${column}`;
}

/**
 * Half a grid step of Table 2's numbers: a task's accuracy moves in steps
 * of one vote over its degraded votes, its paired base in steps of one vote
 * over its base votes; the nearest reachable accuracy is within half the
 * first, the drop within half of both.
 *
 * @param c The task's item counts.
 * @param trials Trials per item.
 * @returns Half-steps (points) of the accuracy and of the drop.
 *
 * @example Usage
 * ```ts
 * import { reachableGrain } from "./attainable.ts";
 * const g = reachableGrain({ degraded: 100, base: 50 }, 1);
 * console.assert(g.acc === 0.5 && g.drop === 1.5);
 * ```
 */
export function reachableGrain(
  c: SliceCounts,
  trials: number,
): { acc: number; drop: number } {
  const acc = 50 / (trials * c.degraded);
  return { acc, drop: acc + 50 / (trials * c.base) };
}

/**
 * Attainable targets for Tables 2 and 3 and the degradation heatmap of every
 * Table 6 model, keyed by {@linkcode attainableKey} (numbers not listed are
 * attainable as printed).
 *
 * - Table 3 and Table 2 accuracies: their count-weighted mean must equal
 *   Table 6's pooled L1&L2 accuracy; the gap is spread (up to 0.04 pt per
 *   slice, the rest on the largest slice).
 * - Table 2 drops: a task's accuracy minus its drop is its base (the L0
 *   accuracy of its questions); tasks partition the questions, so the
 *   question-weighted bases must average to Table 6's L0 (the "—-" drops
 *   enter with the table picture's values); reconciled the same way. Small
 *   tasks get their grid as tolerance ({@linkcode reachableGrain}).
 * - "Avg" columns: Table 3's follows Table 6; Table 2's is the plain mean
 *   of the six attainable task values.
 * - Heatmap: a model's L2 minus L1 type drops, count-weighted over all
 *   types, must give Table 6's L2 minus L1 exactly (a type's L1 and L2
 *   items share one base); the smallest uniform shift per level that does.
 *   Where a category's types average more than a point away from Table 3's
 *   category drop, the reason says so (that identity is not exact, so no
 *   shift is derived from it).
 *
 * @param paper The published numbers.
 * @param counts The benchmark's item counts.
 * @param tolerance Base tolerances per source (points), e.g. FIDELITY_TOLERANCE.
 * @returns Attainable targets.
 *
 * @example Usage
 * ```ts
 * import { attainableTargets, attainableKey } from "./attainable.ts";
 * import { paperNumbers } from "./numbers.ts";
 * const paper = paperNumbers();
 * const slices = new Map(["CU", "IP", "AR", "BS", "Diag", "Treat", "Artif", "Motio",
 *   "Intens", "Noise", "RB"].map((s) => [s, { degraded: 2000, base: 800 }]));
 * const degradations = new Map(paper.table5.filter((r) => r.degradation)
 *   .map((r) => [r.degradation!, r.count / 2]));
 * const t = attainableTargets(paper, { trials: 3, slices, degradations },
 *   { table2: 0.06, table3: 0.06, heatmap: 1 });
 * console.assert(t.has(attainableKey("table3", "GPT-5", "Artif acc_l12")));
 * ```
 */
export function attainableTargets(
  paper: PaperNumbers,
  counts: BenchmarkCounts,
  tolerance: Readonly<Record<string, number>>,
): Map<string, Attainable> {
  const out = new Map<string, Attainable>();
  const size = (s: string, side: "degraded" | "base") =>
    counts.slices.get(s)?.[side] ?? 0;
  for (const t6 of paper.table6) {
    const m = t6.model;
    const pooled = (t6.L1 + t6.L2) / 2;
    for (
      const [source, rows, keys] of [
        ["table3", paper.table3, CATEGORIES],
        ["table2", paper.table2, TASKS],
      ] as const
    ) {
      const mine = rows.filter((r) =>
        r.model === m && r.slice !== "Avg" && r.accL12 !== null
      );
      if (mine.length !== keys.length) continue;
      const acc = new Map(mine.map((r) => [r.slice as string, r.accL12!]));
      const a = reconcile(acc, (s) => size(s, "degraded"), pooled);
      const what = source === "table3" ? "categories" : "tasks";
      const accWhy = Math.abs(a.gap) > 0.005
        ? `${
          Math.abs(a.gap) > 0.05 ? "paper inconsistent" : "reconciled"
        }: the ${what}' accuracies, weighted by their item counts, average ${
          f2(pooled - a.gap)
        } where Table 6's (L1+L2)/2 is ${f2(pooled)}`
        : "";
      const grain = (s: string) =>
        source === "table2"
          ? reachableGrain(counts.slices.get(s)!, counts.trials)
          : { acc: 0, drop: 0 };
      const tol = (g: number) => Math.max(tolerance[source]!, g);
      const grainWhy = (g: number) =>
        g > tolerance[source]!
          ? `tolerance is the grain our item counts allow (${f2(g)} pt)`
          : "";
      const join = (...s: string[]) => s.filter(Boolean).join("; ");
      for (const r of mine) {
        const sh = a.shift.get(r.slice)!;
        out.set(attainableKey(source, m, `${r.slice} acc_l12`), {
          value: r.accL12! + sh,
          tolerance: tol(grain(r.slice).acc),
          reason: Math.abs(sh) > 1e-9
            ? join(accWhy, grainWhy(grain(r.slice).acc))
            : grainWhy(grain(r.slice).acc),
        });
      }
      // Drops: Table 3's as printed; Table 2's reconciled through their bases.
      const drop = new Map<string, number>();
      for (const r of mine) {
        const d = r.dropL12 ??
          paper.table2PictureDrops.find((p) =>
            p.model === m && p.task === r.slice
          )?.dropPicture;
        if (d !== undefined) drop.set(r.slice, d);
      }
      let dropShift = new Map<string, number>(), dropWhy = "";
      if (source === "table2" && drop.size === keys.length) {
        const base = new Map(
          [...drop].map((
            [s, d],
          ) => [s, acc.get(s)! + a.shift.get(s)! - d]),
        );
        const b = reconcile(base, (s) => size(s, "base"), t6.L0);
        dropShift = new Map([...b.shift].map(([s, v]) => [s, -v]));
        if (Math.abs(b.gap) > 0.005) {
          dropWhy = `${
            Math.abs(b.gap) > 0.05 ? "paper inconsistent" : "reconciled"
          }: the tasks' bases (accuracy minus drop), weighted by their questions, average ${
            f2(t6.L0 - b.gap)
          } where Table 6's L0 is ${f2(t6.L0)}`;
        }
      }
      for (const r of mine) {
        const printed = drop.get(r.slice);
        if (printed === undefined) continue;
        const sh = dropShift.get(r.slice) ?? 0;
        // A "—-" cell gets an entry too (the table picture's value, known to
        // about a point), for fitting; it has no fidelity row.
        out.set(attainableKey(source, m, `${r.slice} drop_l12`), {
          value: printed + sh,
          tolerance: r.dropL12 === null ? 1 : tol(grain(r.slice).drop),
          reason: r.dropL12 === null
            ? `"—-" in the paper: the table picture's value${
              Math.abs(sh) > 1e-9 ? ", reconciled" : ""
            }`
            : Math.abs(sh) > 1e-9
            ? join(dropWhy, grainWhy(grain(r.slice).drop))
            : grainWhy(grain(r.slice).drop),
        });
      }
      const avg = rows.find((r) => r.model === m && r.slice === "Avg");
      if (!avg || avg.accL12 === null) continue;
      if (source === "table3") {
        out.set(attainableKey(source, m, "Avg acc_l12"), {
          value: pooled,
          tolerance: tolerance.table3!,
          reason: "",
        });
        if (avg.dropL12 !== null) {
          out.set(attainableKey(source, m, "Avg drop_l12"), {
            value: pooled - t6.L0,
            tolerance: tolerance.table3!,
            reason:
              `paper inconsistent: Table 3's Avg drop is not Table 6's (L1+L2)/2 - L0 = ${
                f2(pooled - t6.L0)
              }`,
          });
        }
        continue;
      }
      const mean = (f: (s: string) => number) =>
        keys.reduce((s, k) => s + f(k), 0) / keys.length;
      const cell = (k: string, c: string) =>
        out.get(attainableKey(source, m, `${k} ${c}`));
      out.set(attainableKey(source, m, "Avg acc_l12"), {
        value: mean((k) => cell(k, "acc_l12")!.value),
        tolerance: Math.max(
          tolerance.table2!,
          mean((k) => cell(k, "acc_l12")!.tolerance),
        ),
        reason: "the mean of the six task values",
      });
      if (avg.dropL12 !== null) {
        const dashes = mine.filter((r) => r.dropL12 === null);
        out.set(attainableKey(source, m, "Avg drop_l12"), {
          value: mean((k) => cell(k, "drop_l12")?.value ?? 0),
          tolerance: Math.max(
            tolerance.table2!,
            mean((k) => cell(k, "drop_l12")?.tolerance ?? 1),
          ),
          reason: dashes.length
            ? `paper counts its ${dashes.length} "—-" drop(s) as 0 in this mean; ours use the table picture's values`
            : "the mean of the six task values",
        });
      }
    }
    heatmapTargets(paper, counts, m, out);
  }
  return out;
}

/** The heatmap's attainable values for one model (see attainableTargets). */
function heatmapTargets(
  paper: PaperNumbers,
  counts: BenchmarkCounts,
  model: string,
  out: Map<string, Attainable>,
): void {
  const t6 = paper.table6.find((r) => r.model === model)!;
  const cells = paper.heatmapDegradation.filter((c) => c.model === model);
  const drop = (d: string, panel: string) => {
    const c = cells.find((x) => x.row === d && x.panel === panel);
    return c === undefined ? undefined : -100 * c.value;
  };
  const present = DEGRADATIONS.filter((d) =>
    (counts.degradations.get(d) ?? 0) > 0 &&
    drop(d, "mild") !== undefined && drop(d, "severe") !== undefined
  );
  if (present.length === 0) return;
  const n = (d: Degradation) => counts.degradations.get(d)!;
  const total = present.reduce((s, d) => s + n(d), 0);
  // Exact: the count-weighted L2 minus L1 drop difference is L2 - L1.
  const levelGap = present.reduce(
        (s, d) => s + n(d) * (drop(d, "severe")! - drop(d, "mild")!),
        0,
      ) / total - (t6.L2 - t6.L1);
  for (const k of CATEGORIES) {
    const ds = present.filter((d) => categoryOf(d) === k);
    const t3 = paper.table3.find((r) => r.model === model && r.slice === k);
    if (ds.length === 0 || !t3 || t3.dropL12 === null) continue;
    const nk = ds.reduce((s, d) => s + n(d), 0);
    const mean = ds.reduce(
      (s, d) => s + n(d) * (drop(d, "mild")! + drop(d, "severe")!) / 2,
      0,
    ) / nk;
    const excess = mean - t3.dropL12;
    for (
      const [panel, level, sign] of [["mild", 1, 1], ["severe", 2, -1]] as const
    ) {
      // Only the level gap is exact (the base cancels); the category excess
      // is not, since a type's base counts its questions once each and a
      // category's too, and questions carry 1-3 types: reported, not shifted.
      const shift = sign * levelGap / 2;
      const why: string[] = [];
      if (Math.abs(levelGap) > 0.25) {
        why.push(
          `L2 minus L1 over all types, weighted by their item counts, is ${
            f2(levelGap + t6.L2 - t6.L1)
          } where Table 6 gives ${f2(t6.L2 - t6.L1)} (shift ${
            shift >= 0 ? "+" : ""
          }${f2(shift)} pt)`,
        );
      }
      if (Math.abs(excess) > 1) {
        why.push(
          `the ${k} types average ${
            f2(mean)
          } over L1 and L2 where Table 3 prints ${
            f2(t3.dropL12)
          } (not exact: shifted by the fit where it must)`,
        );
      }
      for (const d of ds) {
        out.set(attainableKey("heatmap", model, `${d} drop_L${level}`), {
          value: drop(d, panel)! + shift,
          tolerance: Math.max(1, 100 / n(d)),
          reason: why.length ? `paper inconsistent: ${why.join("; ")}` : "",
        });
      }
    }
  }
}
