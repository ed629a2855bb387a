/**
 * Paper-vs-reproduced views for the notebooks: turn the table builders'
 * rows into the shapes {@linkcode fidelity} reads, and condense fidelity
 * rows into a per-source summary, the largest differences, and a
 * side-by-side table (one row per model).
 *
 * @module
 */
import type {
  FidelityRow,
  FidelitySummary,
  ReproducedTables,
} from "../paper/fidelity.ts";
import {
  fidelity,
  FIDELITY_TOLERANCE,
  summarizeFidelity,
} from "../paper/fidelity.ts";
import { attainableTargets } from "../paper/attainable.ts";
import { benchmarkCounts } from "../paper/benchmark_counts.ts";
import { paperNumbers } from "../paper/numbers.ts";
import type { Results } from "../results/results.ts";

/** A table as the table builders return it (`buildTables(...)[name]`). */
export interface RowsTable {
  /** The rows: column name -> cell. */
  rows: readonly Readonly<Record<string, unknown>>[];
}

/** Built tables by name, from one or more results directories. */
export interface ReproducedSources {
  /** `buildTables(main)`: overall, capability, category, degradation_heatmap. */
  main?: Readonly<Record<string, RowsTable>>;
  /** `buildTables(calibration)`: its calibration table. */
  calibration?: Readonly<Record<string, RowsTable>>;
  /** `buildTables(realworld)`: its overall table (L1, L2). */
  realworld?: Readonly<Record<string, RowsTable>>;
}

function rowsOf(
  tables: Readonly<Record<string, RowsTable>> | undefined,
  name: string,
): Record<string, unknown>[] {
  return (tables?.[name]?.rows ?? []).map((r) => ({ ...r }));
}

/** Keep rows whose numeric columns all hold finite numbers. */
function complete<T>(rows: Record<string, unknown>[], numeric: string[]): T[] {
  return rows.filter((r) =>
    numeric.every((c) => typeof r[c] === "number" && Number.isFinite(r[c]))
  ) as T[];
}

/**
 * Convert built tables into {@linkcode ReproducedTables}: `task` and
 * `category` become `slice`, the real-world overall table becomes one row
 * per model and level, and rows with an empty numeric cell are left out (the
 * fidelity check then reports that number as missing, not as a difference).
 *
 * @param sources Built tables of the main, calibration and real-world runs.
 * @returns The rows {@linkcode fidelity} compares with the paper.
 *
 * @example Usage
 * ```ts
 * import { reproducedTables } from "./fidelity_view.ts";
 * const t = reproducedTables({ main: { capability: { rows: [
 *   { model: "m", task: "CU", acc_l12: 60, drop_l12: -2 },
 *   { model: "m", task: "IP", acc_l12: null, drop_l12: null },
 * ] } } });
 * console.assert(t.capability!.length === 1 && t.capability![0].slice === "CU");
 * ```
 */
export function reproducedTables(sources: ReproducedSources): ReproducedTables {
  const slice = (rows: Record<string, unknown>[], key: string) =>
    rows.map((r) => ({ ...r, slice: r[key] }));
  const real = rowsOf(sources.realworld, "overall").flatMap((r) =>
    ["L1", "L2"].map((level) => ({
      model: r.model,
      level,
      accuracy: r[level],
    }))
  );
  return {
    overall: complete(rowsOf(sources.main, "overall"), [
      "L0",
      "L1",
      "L2",
      "L1_minus_L0",
      "L2_minus_L0",
    ]),
    capability: complete(slice(rowsOf(sources.main, "capability"), "task"), [
      "acc_l12",
      "drop_l12",
    ]),
    category: complete(slice(rowsOf(sources.main, "category"), "category"), [
      "acc_l12",
      "drop_l12",
    ]),
    degradationHeatmap: complete(rowsOf(sources.main, "degradation_heatmap"), [
      "drop_L1",
      "drop_L2",
    ]),
    calibration: complete(rowsOf(sources.calibration, "calibration"), [
      "accuracy",
      "confidence",
      "delta_calib",
    ]),
    realworld: complete(real, ["accuracy"]),
  };
}

/** Options of {@linkcode fidelityView}. */
export interface FidelityViewOptions {
  /** Keep only these sources ("table6", "table2", "table3", "heatmap", "calibration", "rank"). */
  source?: string | readonly string[];
  /** How many of the largest differences to list (default 10). */
  top?: number;
  /** Decimals of the listed numbers (default 3). */
  digits?: number;
}

/** A fidelity row rounded for reading. */
export interface FidelityLine {
  /** The paper's table or figure. */
  source: string;
  /** Model id. */
  model: string;
  /** Which number. */
  column: string;
  /** Published value. */
  paper: number;
  /** Reproduced value, `null` if missing. */
  reproduced: number | null;
  /** reproduced - paper. */
  difference: number | null;
  /** Allowed |difference|. */
  tolerance: number;
  /** Within tolerance. */
  within: boolean;
  /** Why a number cannot match. */
  note: string;
  /** Nearest value consistent with higher-priority published numbers. */
  attainable: number;
  /** Allowed |reproduced - attainable|. */
  attainableTolerance: number;
  /** Within tolerance of the printed or the attainable value. */
  withinAttainable: boolean;
}

/** Summary and notable rows of a fidelity comparison. */
export interface FidelityView {
  /** Per source: compared, within tolerance, missing, largest |difference|. */
  summary: FidelitySummary[];
  /** The rows outside their tolerance (or missing), largest |difference| first. */
  outside: FidelityLine[];
  /** The `top` largest |differences| (numbers we reproduced), within tolerance or not. */
  largest: FidelityLine[];
}

function roundTo(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/**
 * Condense fidelity rows: the per-source summary, every row outside its
 * tolerance (missing numbers first), and the largest differences among the
 * numbers we reproduced, rounded for reading.
 *
 * @param rows Rows from {@linkcode fidelity}.
 * @param options Source filter, how many rows, decimals.
 * @returns The view.
 * @throws {RangeError} If `top` or `digits` is not a non-negative integer.
 *
 * @example Usage
 * ```ts
 * import { fidelityView } from "./fidelity_view.ts";
 * const v = fidelityView([
 *   { source: "table6", model: "m", column: "L0", paper: 50, reproduced: 50.004,
 *     difference: 0.004, tolerance: 0.01, within: true, note: "",
 *     attainable: 50, attainableTolerance: 0.01, withinAttainable: true },
 *   { source: "table3", model: "m", column: "Avg drop_l12", paper: -4, reproduced: -3.5,
 *     difference: 0.5, tolerance: 0.06, within: false, note: "paper inconsistent",
 *     attainable: -3.52, attainableTolerance: 0.06, withinAttainable: true },
 * ], { source: "table3" });
 * console.assert(v.summary.length === 1 && v.outside.length === 1);
 * ```
 */
export function fidelityView(
  rows: readonly FidelityRow[],
  options: FidelityViewOptions = {},
): FidelityView {
  const top = options.top ?? 10, digits = options.digits ?? 3;
  for (const [name, v] of [["top", top], ["digits", digits]] as const) {
    if (!Number.isInteger(v) || v < 0) {
      throw new RangeError(
        `Cannot show fidelity with ${name} ${v}: expected a non-negative integer`,
      );
    }
  }
  const wanted = options.source === undefined ? null : new Set(
    typeof options.source === "string" ? [options.source] : options.source,
  );
  const kept = rows.filter((r) => wanted === null || wanted.has(r.source));
  const size = (r: FidelityRow) =>
    r.difference === null ? Infinity : Math.abs(r.difference);
  const line = (r: FidelityRow): FidelityLine => ({
    ...r,
    paper: roundTo(r.paper, digits),
    reproduced: r.reproduced === null ? null : roundTo(r.reproduced, digits),
    difference: r.difference === null ? null : roundTo(r.difference, digits),
    attainable: roundTo(r.attainable, digits),
  });
  const sorted = [...kept].sort((a, b) => size(b) - size(a));
  return {
    summary: summarizeFidelity(kept),
    outside: sorted.filter((r) => !r.within).map(line),
    largest: sorted.filter((r) => r.difference !== null).slice(0, top).map(
      line,
    ),
  };
}

/**
 * One row per model with the published and reproduced value of each column
 * side by side (`<column> paper`, `<column> ours`), in the paper's model
 * order.
 *
 * @param rows Rows from {@linkcode fidelity}.
 * @param source The source to lay out, e.g. "table6".
 * @param digits Decimals (default 2).
 * @returns The side-by-side rows.
 *
 * @example Usage
 * ```ts
 * import { sideBySide } from "./fidelity_view.ts";
 * const t = sideBySide([{ source: "table6", model: "m", column: "L0", paper: 50,
 *   reproduced: 50.004, difference: 0.004, tolerance: 0.01, within: true, note: "",
 *   attainable: 50, attainableTolerance: 0.01, withinAttainable: true }], "table6");
 * console.assert(t[0]["L0 paper"] === 50 && t[0]["L0 ours"] === 50);
 * ```
 */
export function sideBySide(
  rows: readonly FidelityRow[],
  source: string,
  digits = 2,
): Record<string, string | number | null>[] {
  const byModel = new Map<string, Record<string, string | number | null>>();
  for (const r of rows) {
    if (r.source !== source) continue;
    let out = byModel.get(r.model);
    if (!out) byModel.set(r.model, out = { model: r.model });
    out[`${r.column} paper`] = roundTo(r.paper, digits);
    out[`${r.column} ours`] = r.reproduced === null
      ? null
      : roundTo(r.reproduced, digits);
  }
  return [...byModel.values()];
}

/**
 * Compare reproduced tables with every published number, with attainable
 * targets computed from the `main` results' item counts (the nearest values
 * consistent with the paper's higher-priority tables; see
 * src/paper/attainable.ts). Without `main`, rows are compared with the
 * printed values only.
 *
 * @param sources Built tables per results directory.
 * @param main The loaded `main` results the tables were built from.
 * @returns Fidelity rows.
 *
 * @example Usage
 * ```ts
 * import { paperFidelity } from "./fidelity_view.ts";
 * const rows = paperFidelity({});
 * console.assert(rows.length === 2354 && rows.every((r) => !r.within));
 * ```
 */
export function paperFidelity(
  sources: ReproducedSources,
  main?: Results,
): FidelityRow[] {
  const paper = paperNumbers();
  if (!main) return fidelity(reproducedTables(sources), paper);
  const counts = benchmarkCounts(main);
  // Heatmap tolerance: max(1 point, one item's worth) per type and level.
  const heatmapItems = new Map<string, number>();
  for (const m of main.models) {
    for (const [d, n] of counts.degradations) {
      heatmapItems.set(`${m.model}|${d}|L1`, n);
      heatmapItems.set(`${m.model}|${d}|L2`, n);
    }
  }
  return fidelity(
    reproducedTables(sources),
    paper,
    heatmapItems,
    attainableTargets(paper, counts, FIDELITY_TOLERANCE),
  );
}
