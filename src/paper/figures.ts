/**
 * Typed loaders for the paper's digitized figures (data/paper/fig_*.csv):
 * the calibration-shift figure, the degradation and skill heatmaps and the
 * rank-consistency figure. Model names are mapped to Table 6 ids where the
 * figure spells them differently.
 *
 * @module
 */
import { DEGRADATIONS } from "../taxonomy/mod.ts";
import type { Degradation } from "../taxonomy/mod.ts";
import { readPaperFile } from "./_read.ts";

/** Figure spellings that differ from Table 6 ids, and their Table 6 id. */
export const FIGURE_NAME_TO_MODEL: Readonly<Record<string, string>> = {
  "InternVL3-78B-Instruct": "InternVL3-Instruct(78B)",
  "InternVL3-38B-Instruct": "InternVL3-Instruct(38B)",
  "InternVL2_5-38B-MPO": "InternVL2.5-MPO(38B)",
  "InternVL2_5-26B": "InternVL2.5(26B)",
  "gemini-2.5-flash": "Gemini-2.5-Flash",
  "medgemma-27b-it": "MedGemma(27B)",
  "UniMedVL2": "UniMedVL",
};

/**
 * Map a figure's model name to its Table 6 id (unchanged when the figure
 * uses the Table 6 spelling or the model is not in Table 6).
 *
 * @param name The name as printed in a figure.
 * @returns The Table 6 id, or `name` itself.
 *
 * @example Usage
 * ```ts
 * import { modelIdOf } from "./figures.ts";
 * console.assert(modelIdOf("UniMedVL2") === "UniMedVL");
 * console.assert(modelIdOf("InternVL2_5-8B-MPO") === "InternVL2_5-8B-MPO");
 * ```
 */
export function modelIdOf(name: string): string {
  return FIGURE_NAME_TO_MODEL[name] ?? name;
}

/** A severity label of the figures. */
export type Level = "L0" | "L1" | "L2";

/** One point of the calibration-shift figure (fractions). */
export interface CalibrationPoint {
  /** Model id (Table 6 id where one exists). */
  model: string;
  /** Name as printed in the figure. */
  modelFigure: string;
  /** Severity. */
  level: Level;
  /** Accuracy, fraction. */
  accuracy: number;
  /** Mean voting confidence, fraction. */
  confidence: number;
  /** Δcalib as drawn, or null where the marker is off the axis. */
  deltaCalib: number | null;
  /** Confidence minus accuracy (always present). */
  confMinusAcc: number;
}

/**
 * Load the calibration-shift figure: 19 models x L0/L1/L2.
 *
 * @param dir Directory of the paper CSVs (default: bundled data/paper/).
 * @returns 57 points.
 *
 * @example Usage
 * ```ts
 * import { loadPaperCalibration } from "./figures.ts";
 * const pts = loadPaperCalibration();
 * console.assert(new Set(pts.map((p) => p.model)).size === 19);
 * ```
 */
export function loadPaperCalibration(dir?: string | URL): CalibrationPoint[] {
  return readPaperFile("fig_calibration_shift.csv", [
    ["model_figure", "modelFigure", "nonempty"],
    ["level", "level", ["L0", "L1", "L2"]],
    ["accuracy", "accuracy", "number"],
    ["confidence", "confidence", "number"],
    ["delta_calib", "deltaCalib", "number?"],
    ["conf_minus_acc", "confMinusAcc", "number"],
  ], dir).map((r) => ({
    model: modelIdOf(r.modelFigure as string),
    ...r,
  })) as unknown as CalibrationPoint[];
}

/** A condition of the rank-consistency figure. */
export type RankCondition = "sim_L1" | "sim_L2" | "real_L1" | "real_L2";

/** One printed point of the rank-consistency figure. */
export interface RankPoint {
  /** Model id (Table 6 spelling). */
  model: string;
  /** Simulated (benchmark) or real-world degradation, at L1 or L2. */
  condition: RankCondition;
  /** Printed accuracy, percent (1 decimal). */
  accuracy: number;
  /** Drawn rank (1 = best). */
  rank: number;
}

/**
 * Load the rank-consistency figure: 10 models x 4 conditions.
 *
 * @param dir Directory of the paper CSVs (default: bundled data/paper/).
 * @returns 40 points.
 *
 * @example Usage
 * ```ts
 * import { loadPaperRank } from "./figures.ts";
 * const p = loadPaperRank().find((p) => p.model === "GPT-5" && p.condition === "real_L1");
 * console.assert(p?.accuracy === 70.8);
 * ```
 */
export function loadPaperRank(dir?: string | URL): RankPoint[] {
  return readPaperFile("fig_rank_consistency.csv", [
    ["model", "model", "nonempty"],
    ["condition", "condition", ["sim_L1", "sim_L2", "real_L1", "real_L2"]],
    ["accuracy", "accuracy", "number"],
    ["rank", "rank", "integer"],
  ], dir) as unknown as RankPoint[];
}

/** One cell of a heatmap: accuracy L0 minus L(k), a fraction (positive = worse). */
export interface HeatmapCell<R extends string> {
  /** "mild" (L1) or "severe" (L2). */
  panel: "mild" | "severe";
  /** The row: a degradation id or the heatmap's skill name. */
  row: R;
  /** Model id (Table 6 id where one exists). */
  model: string;
  /** Name as printed in the figure. */
  modelFigure: string;
  /** L0 accuracy minus degraded accuracy, fraction (white cells: 0, anywhere within the white band). */
  value: number;
}

/**
 * Load heatmap panels a/b: 25 models x 19 degradations, mild and severe.
 *
 * @param dir Directory of the paper CSVs (default: bundled data/paper/).
 * @returns 950 cells.
 *
 * @example Usage
 * ```ts
 * import { loadPaperHeatmapDegradation } from "./figures.ts";
 * const cells = loadPaperHeatmapDegradation();
 * console.assert(cells.length === 950);
 * ```
 */
export function loadPaperHeatmapDegradation(
  dir?: string | URL,
): HeatmapCell<Degradation>[] {
  return readPaperFile("fig_heatmap_degradation.csv", [
    ["panel", "panel", ["mild", "severe"]],
    ["degradation", "row", DEGRADATIONS],
    ["model", "modelFigure", "nonempty"],
    ["value", "value", "number"],
  ], dir).map((r) => ({
    ...r,
    model: modelIdOf(r.modelFigure as string),
  })) as unknown as HeatmapCell<Degradation>[];
}

/**
 * Load heatmap panels c/d: 25 models x 26 skill rows (the figure's own
 * names, see data/paper/README.md for their mapping), mild and severe.
 *
 * @param dir Directory of the paper CSVs (default: bundled data/paper/).
 * @returns 1300 cells.
 *
 * @example Usage
 * ```ts
 * import { loadPaperHeatmapSkill } from "./figures.ts";
 * console.assert(loadPaperHeatmapSkill().length === 1300);
 * ```
 */
export function loadPaperHeatmapSkill(
  dir?: string | URL,
): HeatmapCell<string>[] {
  return readPaperFile("fig_heatmap_skill.csv", [
    ["panel", "panel", ["mild", "severe"]],
    ["capability", "row", "nonempty"],
    ["model", "modelFigure", "nonempty"],
    ["value", "value", "number"],
  ], dir).map((r) => ({
    ...r,
    model: modelIdOf(r.modelFigure as string),
  })) as unknown as HeatmapCell<string>[];
}
