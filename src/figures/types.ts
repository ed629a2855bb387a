/**
 * Row shapes the figure functions read: the same columns as the CSV tables
 * written by `deno task tables` (accuracies in percent, calibration in
 * fractions, `null` for "not defined"), plus model metadata. They are
 * structural, so the table builders' rows can be passed as they are.
 *
 * @module
 */

/** The three model families of the paper. */
export type ModelGroup = "proprietary" | "open-source" | "medical";

/** How a model is named and grouped in figures. */
export interface ModelMeta {
  /** The model id used in result rows. */
  model: string;
  /** The label printed in figures. */
  displayName: string;
  /** The family, which sets label and bar colors. */
  group: ModelGroup;
}

/** A row of the overall table: accuracy (percent) per severity. */
export interface OverallRow {
  /** The model id. */
  model: string;
  /** Accuracy (%) on clean images, `null` if not defined. */
  L0: number | null;
  /** Accuracy (%) at mild degradation. */
  L1: number | null;
  /** Accuracy (%) at severe degradation. */
  L2: number | null;
}

/** A row of the calibration table (fractions). */
export interface CalibrationRow {
  /** The model id. */
  model: string;
  /** `L0`, `L1`, `L2` or `L12` (pooled degraded levels). */
  level: string;
  /** Accuracy (fraction). */
  accuracy: number | null;
  /** Mean confidence (fraction). */
  confidence: number | null;
  /** Confidence minus accuracy. */
  delta_calib: number | null;
  /** Expected calibration error, if the table has it. */
  ece?: number | null;
}

/** A row of the degradation or skill heatmap table: drops in percent points, negative = worse. */
export interface DropRow {
  /** The model id. */
  model: string;
  /** The degradation id (degradation heatmap). */
  degradation?: string;
  /** The skill name (skill heatmap). */
  skill?: string;
  /** Drop at L1 (points). */
  drop_L1: number | null;
  /** Drop at L2 (points). */
  drop_L2: number | null;
}

/** A row of the modality table: accuracy (percent) per severity. */
export interface ModalityRow {
  /** The model id. */
  model: string;
  /** The modality. */
  modality: string;
  /** Accuracy (%) at L0. */
  L0: number | null;
  /** Accuracy (%) at L1. */
  L1: number | null;
  /** Accuracy (%) at L2. */
  L2: number | null;
}

/** One reliability bin: items with confidence in `[lo, hi)` (last bin closed). */
export interface ReliabilityBinRow {
  /** The model id. */
  model: string;
  /** The severity level (`L0`, `L1`, `L2`, `L12`). */
  level: string;
  /** 0-based bin index. */
  bin: number;
  /** Lower bin edge (included). */
  lo: number;
  /** Upper bin edge (excluded, except for the last bin). */
  hi: number;
  /** Number of items in the bin. */
  n: number;
  /** Mean confidence of the bin, `null` when empty. */
  confidence: number | null;
  /** Accuracy of the bin (fraction), `null` when empty. */
  accuracy: number | null;
}

/** A row of the rank-consistency table. */
export interface RankRow {
  /** The model id. */
  model: string;
  /** `sim_L1`, `sim_L2`, `real_L1` or `real_L2`. */
  condition: string;
  /** Accuracy in percent. */
  accuracy: number;
  /** 1 = best. */
  rank: number;
}

/**
 * Rows as the table builders return them (`Record<string, TableCell>`) or as
 * read from their CSVs: checked column by column when a figure is drawn.
 */
export type TableRows = readonly Readonly<Record<string, unknown>>[];

/**
 * The SVG element a figure function returns: a linkedom element, typed only
 * as far as the figures use it (there are no DOM types in Deno).
 */
export interface FigureSvg {
  /** `"svg"` (linkedom may report it upper-case). */
  readonly tagName: string;
  /** The serialized SVG. */
  readonly outerHTML: string;
  /** Read an attribute such as `width`. */
  getAttribute(name: string): string | null;
  /** All descendants matching a CSS selector. */
  querySelectorAll(selectors: string): ArrayLike<FigureSvg>;
  /** The text inside the element. */
  readonly textContent: string | null;
}
