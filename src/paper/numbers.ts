/**
 * All the paper's published numbers at once.
 *
 * @module
 */
import {
  type CalibrationPoint,
  type HeatmapCell,
  loadPaperCalibration,
  loadPaperHeatmapDegradation,
  loadPaperHeatmapSkill,
  loadPaperRank,
  type RankPoint,
} from "./figures.ts";
import {
  loadPaperModels,
  loadPaperTable1,
  loadPaperTable2,
  loadPaperTable2PictureDrops,
  loadPaperTable3,
  loadPaperTable4,
  loadPaperTable5,
  loadPaperTable6,
  type PaperModel,
  type PictureDrop,
  type SliceRow,
  type Table1Row,
  type Table4Row,
  type Table5Row,
  type Table6Row,
} from "./tables.ts";
import type { Category, Degradation, Task } from "../taxonomy/mod.ts";

/** Every published number, validated. */
export interface PaperNumbers {
  /** Table 1, verbatim. */
  table1: Table1Row[];
  /** Table 2, per task. */
  table2: SliceRow<Task>[];
  /** Table 2 "—-" drops as the table picture shows them (not targets). */
  table2PictureDrops: PictureDrop[];
  /** Table 3, per category. */
  table3: SliceRow<Category>[];
  /** Table 4, skills. */
  table4: Table4Row[];
  /** Table 5, degradations. */
  table5: Table5Row[];
  /** Table 6, overall accuracy. */
  table6: Table6Row[];
  /** The 40 models. */
  models: PaperModel[];
  /** Calibration figure. */
  calibration: CalibrationPoint[];
  /** Rank figure. */
  rank: RankPoint[];
  /** Degradation heatmap (panels a/b). */
  heatmapDegradation: HeatmapCell<Degradation>[];
  /** Skill heatmap (panels c/d). */
  heatmapSkill: HeatmapCell<string>[];
}

/**
 * Load and validate every bundled paper table and figure.
 *
 * @param dir Directory of the paper CSVs (default: bundled data/paper/).
 * @returns All published numbers.
 *
 * @example Usage
 * ```ts
 * import { paperNumbers } from "./numbers.ts";
 * const p = paperNumbers();
 * console.assert(p.table6.length === 40 && p.models.length === 40);
 * ```
 */
export function paperNumbers(dir?: string | URL): PaperNumbers {
  return {
    table1: loadPaperTable1(dir),
    table2: loadPaperTable2(dir),
    table2PictureDrops: loadPaperTable2PictureDrops(dir),
    table3: loadPaperTable3(dir),
    table4: loadPaperTable4(dir),
    table5: loadPaperTable5(dir),
    table6: loadPaperTable6(dir),
    models: loadPaperModels(dir),
    calibration: loadPaperCalibration(dir),
    rank: loadPaperRank(dir),
    heatmapDegradation: loadPaperHeatmapDegradation(dir),
    heatmapSkill: loadPaperHeatmapSkill(dir),
  };
}
