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
  model: string;
  L0: number | null;
  L1: number | null;
  L2: number | null;
}

/** A row of the calibration table (fractions). */
export interface CalibrationRow {
  model: string;
  /** `L0`, `L1`, `L2` or `L12` (pooled degraded levels). */
  level: string;
  accuracy: number | null;
  confidence: number | null;
  /** Confidence minus accuracy. */
  delta_calib: number | null;
  ece?: number | null;
}

/** A row of the degradation or skill heatmap table: drops in percent points, negative = worse. */
export interface DropRow {
  model: string;
  /** The degradation id (degradation heatmap). */
  degradation?: string;
  /** The skill name (skill heatmap). */
  skill?: string;
  drop_L1: number | null;
  drop_L2: number | null;
}

/** A row of the modality table: accuracy (percent) per severity. */
export interface ModalityRow {
  model: string;
  modality: string;
  L0: number | null;
  L1: number | null;
  L2: number | null;
}

/** One reliability bin: items with confidence in `[lo, hi)` (last bin closed). */
export interface ReliabilityBinRow {
  model: string;
  level: string;
  bin: number;
  lo: number;
  hi: number;
  n: number;
  /** Mean confidence of the bin, `null` when empty. */
  confidence: number | null;
  /** Accuracy of the bin (fraction), `null` when empty. */
  accuracy: number | null;
}

/** A row of the rank-consistency table. */
export interface RankRow {
  model: string;
  /** `sim_L1`, `sim_L2`, `real_L1` or `real_L2`. */
  condition: string;
  /** Accuracy in percent. */
  accuracy: number;
  /** 1 = best. */
  rank: number;
}

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
