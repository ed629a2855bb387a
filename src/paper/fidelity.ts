/**
 * Fidelity: every published number next to the value our pipeline
 * reproduces, with the tolerance it must meet. Takes parsed table rows (from
 * any source: the library's table builders, CSV files, a notebook), so it
 * does not care who computed them.
 *
 * @module
 */
import type { PaperNumbers } from "./numbers.ts";
import { parseCsv } from "./_csv.ts";
import { type Attainable, attainableKey } from "./attainable.ts";

/** overall.csv: accuracy per model and severity, percent. */
export interface OverallRow {
  /** Model id. */
  model: string;
  /** Accuracy at L0 (percent). */
  L0: number;
  /** Accuracy at L1 (percent). */
  L1: number;
  /** Accuracy at L2 (percent). */
  L2: number;
  /** L1 minus L0 (points). */
  L1_minus_L0: number;
  /** L2 minus L0 (points). */
  L2_minus_L0: number;
}

/** capability.csv / category.csv: acc over L1&L2 and paired drop, percent. */
export interface SliceAccuracyRow {
  /** Model id. */
  model: string;
  /** Task (capability.csv) or category (category.csv) abbreviation, or "Avg". */
  slice: string;
  /** Accuracy over L1&L2 (percent). */
  acc_l12: number;
  /** Drop against the paired L0 base (points, negative = worse). */
  drop_l12: number;
}

/** degradation_heatmap.csv: paired drop per degradation and level, percent (negative = worse). */
export interface HeatmapDropRow {
  /** Model id. */
  model: string;
  /** Degradation id. */
  degradation: string;
  /** Acc(L1 items of the type) minus Acc(base), points. */
  drop_L1: number;
  /** Acc(L2 items of the type) minus Acc(base), points. */
  drop_L2: number;
}

/** calibration.csv: per model and level, fractions. */
export interface CalibrationRow {
  /** Model id. */
  model: string;
  /** "L0", "L1", "L2" or "L12". */
  level: string;
  /** Accuracy (fraction). */
  accuracy: number;
  /** Mean voting confidence (fraction). */
  confidence: number;
  /** Confidence minus accuracy (fraction). */
  delta_calib: number;
}

/** Real-world accuracy per model and level, percent. */
export interface RealworldRow {
  /** Model id. */
  model: string;
  /** "L1" or "L2". */
  level: string;
  /** Accuracy (percent). */
  accuracy: number;
}

/** The reproduced tables (any subset). */
export interface ReproducedTables {
  /** overall.csv rows. */
  overall?: readonly OverallRow[];
  /** capability.csv rows (`slice` = task). */
  capability?: readonly SliceAccuracyRow[];
  /** category.csv rows (`slice` = category). */
  category?: readonly SliceAccuracyRow[];
  /** degradation_heatmap.csv rows. */
  degradationHeatmap?: readonly HeatmapDropRow[];
  /** calibration.csv rows (from the calibration run). */
  calibration?: readonly CalibrationRow[];
  /** Real-world accuracy rows. */
  realworld?: readonly RealworldRow[];
}

/** One published number against its reproduction. */
export interface FidelityRow {
  /** "table6", "table3", "table2", "heatmap", "calibration", "rank". */
  source: string;
  /** Model id. */
  model: string;
  /** What: e.g. "L1", "Artif acc_l12", "limited_angle drop_L2", "L0 confidence". */
  column: string;
  /** The published value (in the reproduced table's unit). */
  paper: number;
  /** Our value, or null when the reproduced tables lack it. */
  reproduced: number | null;
  /** reproduced - paper (null when missing). */
  difference: number | null;
  /** Allowed |difference|. */
  tolerance: number;
  /** |difference| <= tolerance (+1e-9). */
  within: boolean;
  /** Why a number cannot match, where the paper is inconsistent. */
  note: string;
  /**
   * The nearest value consistent with higher-priority published numbers
   * and our item counts (see attainableTargets); the printed value where
   * none was computed.
   */
  attainable: number;
  /** Allowed |reproduced - attainable|. */
  attainableTolerance: number;
  /** `within`, or |reproduced - attainable| <= attainableTolerance (+1e-9). */
  withinAttainable: boolean;
}

/** Tolerances per source (in the reproduced tables' units). */
export const FIDELITY_TOLERANCE: Readonly<Record<string, number>> = {
  table6: 0.01,
  calibration: 0.002,
  table3: 0.06,
  table2: 0.06,
  heatmap: 1,
  rank: 0.05,
};

/**
 * Compare reproduced tables with the published numbers, one row per
 * published number (Table 2 "—-" drops and the missing "Average (All
 * Models)" cells are not numbers and get no row).
 *
 * @param tables The reproduced rows.
 * @param paper The published numbers.
 * @param heatmapItems Optional item count per "model|degradation|L1" key;
 * the heatmap tolerance is then max(1 point, one item's worth).
 * @param attainable Optional attainable targets (attainableTargets()); rows
 * without one are attainable as printed.
 * @returns The fidelity rows.
 *
 * @example Usage
 * ```ts
 * import { fidelity } from "./fidelity.ts";
 * import { paperNumbers } from "./numbers.ts";
 * const paper = paperNumbers();
 * const overall = paper.table6.map((r) => ({ model: r.model, L0: r.L0, L1: r.L1,
 *   L2: r.L2, L1_minus_L0: r.L1MinusL0, L2_minus_L0: r.L2MinusL0 }));
 * const rows = fidelity({ overall }, paper).filter((r) => r.source === "table6");
 * console.assert(rows.length === 200 && rows.every((r) => r.within));
 * ```
 */
export function fidelity(
  tables: ReproducedTables,
  paper: PaperNumbers,
  heatmapItems?: ReadonlyMap<string, number>,
  attainable?: ReadonlyMap<string, Attainable>,
): FidelityRow[] {
  const out: FidelityRow[] = [];
  const add = (
    source: string,
    model: string,
    column: string,
    published: number,
    reproduced: number | null | undefined,
    tolerance = FIDELITY_TOLERANCE[source]!,
    note = "",
  ) => {
    const r = reproduced ?? null;
    const difference = r === null ? null : r - published;
    const a = attainable?.get(attainableKey(source, model, column));
    const target = a?.value ?? published;
    const aTol = a ? Math.max(a.tolerance, tolerance) : tolerance;
    out.push({
      source,
      model,
      column,
      paper: published,
      reproduced: r,
      difference,
      tolerance,
      within: difference !== null && Math.abs(difference) <= tolerance + 1e-9,
      note: a?.reason || note,
      attainable: target,
      attainableTolerance: aTol,
      withinAttainable: r !== null &&
        (Math.abs(r - published) <= tolerance + 1e-9 ||
          Math.abs(r - target) <= aTol + 1e-9),
    });
  };
  const overall = new Map((tables.overall ?? []).map((r) => [r.model, r]));
  for (const r of paper.table6) {
    const o = overall.get(r.model);
    add("table6", r.model, "L0", r.L0, o?.L0);
    add("table6", r.model, "L1", r.L1, o?.L1);
    add("table6", r.model, "L2", r.L2, o?.L2);
    add("table6", r.model, "L1_minus_L0", r.L1MinusL0, o?.L1_minus_L0);
    add("table6", r.model, "L2_minus_L0", r.L2MinusL0, o?.L2_minus_L0);
  }
  for (
    const [source, rows, mine] of [
      ["table3", paper.table3, tables.category],
      ["table2", paper.table2, tables.capability],
    ] as const
  ) {
    const got = new Map((mine ?? []).map((r) => [`${r.model}|${r.slice}`, r]));
    for (const r of rows) {
      if (r.group === "all" || r.accL12 === null) continue;
      const g = got.get(`${r.model}|${r.slice}`);
      add(source, r.model, `${r.slice} acc_l12`, r.accL12, g?.acc_l12);
      if (r.dropL12 === null) continue;
      const note = source === "table3" && r.slice === "Avg"
        ? "paper inconsistent: Table 3 Avg drop is not Table 6 (L1+L2)/2 - L0"
        : source === "table2" && r.slice === "Avg"
        ? 'paper counts "—-" drops as 0 in this mean'
        : "";
      add(
        source,
        r.model,
        `${r.slice} drop_l12`,
        r.dropL12,
        g?.drop_l12,
        undefined,
        note,
      );
    }
  }
  const heat = new Map(
    (tables.degradationHeatmap ?? []).map((
      r,
    ) => [`${r.model}|${r.degradation}`, r]),
  );
  for (const c of paper.heatmapDegradation) {
    const h = heat.get(`${c.model}|${c.row}`);
    const level = c.panel === "mild" ? "L1" : "L2";
    const n = heatmapItems?.get(`${c.model}|${c.row}|${level}`);
    const tol = Math.max(FIDELITY_TOLERANCE.heatmap!, n ? 100 / n : 0);
    add(
      "heatmap",
      c.model,
      `${c.row} drop_${level}`,
      -100 * c.value,
      level === "L1" ? h?.drop_L1 : h?.drop_L2,
      tol,
      c.value === 0 ? "white cell: anywhere within ±1.4 points" : "",
    );
  }
  const calib = new Map(
    (tables.calibration ?? []).map((r) => [`${r.model}|${r.level}`, r]),
  );
  for (const p of paper.calibration) {
    const c = calib.get(`${p.model}|${p.level}`);
    add("calibration", p.model, `${p.level} accuracy`, p.accuracy, c?.accuracy);
    add(
      "calibration",
      p.model,
      `${p.level} confidence`,
      p.confidence,
      c?.confidence,
    );
    add(
      "calibration",
      p.model,
      `${p.level} delta_calib`,
      p.deltaCalib ?? p.confMinusAcc,
      c?.delta_calib,
      undefined,
      p.deltaCalib === null
        ? "marker not drawn: paper value is confidence - accuracy"
        : "",
    );
  }
  const real = new Map(
    (tables.realworld ?? []).map((r) => [`${r.model}|${r.level}`, r]),
  );
  for (const p of paper.rank) {
    const [kind, level] = p.condition.split("_") as [
      "sim" | "real",
      "L1" | "L2",
    ];
    const value = kind === "real"
      ? real.get(`${p.model}|${level}`)?.accuracy
      : overall.get(p.model)?.[level];
    add("rank", p.model, `${p.condition} accuracy`, p.accuracy, value);
  }
  return out;
}

/** Summary of one source's fidelity. */
export interface FidelitySummary {
  /** The source. */
  source: string;
  /** Published numbers compared. */
  count: number;
  /** How many are within tolerance. */
  within: number;
  /** How many are within tolerance of their attainable value. */
  withinAttainable: number;
  /** How many the reproduced tables lack. */
  missing: number;
  /** Largest |difference| (null when all are missing). */
  maxAbsDifference: number | null;
}

/**
 * Summarize fidelity rows per source: count, within tolerance, missing,
 * largest |difference|.
 *
 * @param rows Fidelity rows.
 * @returns One summary per source, in first-appearance order.
 *
 * @example Usage
 * ```ts
 * import { summarizeFidelity } from "./fidelity.ts";
 * const s = summarizeFidelity([{ source: "table6", model: "m", column: "L0", paper: 1,
 *   reproduced: 1.004, difference: 0.004, tolerance: 0.01, within: true, note: "",
 *   attainable: 1, attainableTolerance: 0.01, withinAttainable: true }]);
 * console.assert(s[0]!.within === 1 && s[0]!.maxAbsDifference === 0.004);
 * ```
 */
export function summarizeFidelity(
  rows: readonly FidelityRow[],
): FidelitySummary[] {
  const by = new Map<string, FidelitySummary>();
  for (const r of rows) {
    const s = by.get(r.source) ??
      {
        source: r.source,
        count: 0,
        within: 0,
        withinAttainable: 0,
        missing: 0,
        maxAbsDifference: null,
      };
    s.count++;
    if (r.within) s.within++;
    if (r.withinAttainable) s.withinAttainable++;
    if (r.difference === null) s.missing++;
    else {
      s.maxAbsDifference = Math.max(
        s.maxAbsDifference ?? 0,
        Math.abs(r.difference),
      );
    }
    by.set(r.source, s);
  }
  return [...by.values()];
}

const TABLE_FILES = {
  overall: ["overall.csv", ["L0", "L1", "L2", "L1_minus_L0", "L2_minus_L0"]],
  capability: ["capability.csv", ["acc_l12", "drop_l12"]],
  category: ["category.csv", ["acc_l12", "drop_l12"]],
  degradationHeatmap: ["degradation_heatmap.csv", ["drop_L1", "drop_L2"]],
  calibration: ["calibration.csv", ["accuracy", "confidence", "delta_calib"]],
  realworld: ["realworld.csv", ["accuracy"]],
} as const;

/**
 * Read the reproduced tables our pipeline writes into a directory
 * (overall.csv, capability.csv, category.csv, degradation_heatmap.csv,
 * calibration.csv, realworld.csv; absent files are skipped). Numeric columns
 * are checked; a bad cell throws naming file, line, column and value.
 * capability.csv's `task` and category.csv's `category` become `slice`.
 *
 * @param dir The tables directory.
 * @returns The parsed rows.
 *
 * @example Usage
 * ```ts
 * import { readReproducedTables } from "./fidelity.ts";
 * const dir = Deno.makeTempDirSync();
 * Deno.writeTextFileSync(`${dir}/overall.csv`, "model,L0,L1,L2,L1_minus_L0,L2_minus_L0\nm,1,2,3,1,2\n");
 * console.assert(readReproducedTables(dir).overall![0]!.L2 === 3);
 * ```
 */
export function readReproducedTables(dir: string): ReproducedTables {
  const out: Record<string, unknown[]> = {};
  for (const [key, [file, numeric]] of Object.entries(TABLE_FILES)) {
    const path = `${dir}/${file}`;
    let text: string;
    try {
      text = Deno.readTextFileSync(path);
    } catch {
      continue;
    }
    const records = parseCsv(text, path);
    const header = records[0]?.cells ?? [];
    out[key] = records.slice(1).map(({ cells, line }) => {
      const row: Record<string, string | number> = {};
      header.forEach((h, i) => {
        const v = cells[i] ?? "";
        if ((numeric as readonly string[]).includes(h)) {
          const x = Number(v);
          if (v.trim() === "" || !Number.isFinite(x)) {
            throw new TypeError(
              `${path}:${line}: column "${h}": value "${v}" is not a number`,
            );
          }
          row[h] = x;
        } else row[h === "task" || h === "category" ? "slice" : h] = v;
      });
      return row;
    });
  }
  return out as ReproducedTables;
}
