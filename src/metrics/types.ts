/**
 * Shared result and option types of the metrics.
 *
 * @module
 */

/** An aggregate over items: `value` is `null` when no item contributed. */
export interface MetricValue {
  /** The aggregate (a fraction, not a percentage), or `null` for an empty set. */
  value: number | null;
  /** Number of items that contributed (items the model answered). */
  n: number;
}

/**
 * How correct(x) is computed: `"mean"` = fraction of trials correct (the
 * paper's default), `"majority"` = 1 if the strict plurality choice is the
 * answer (ties wrong).
 */
export type AccuracyMode = "mean" | "majority";

/** Options shared by the accuracy-based metrics. */
export interface AccuracyOptions {
  /** Per-item correctness (default `"mean"`). */
  mode?: AccuracyMode;
}

/**
 * How unparsed trials enter the majority vote: `"compete"` (default) = they
 * form one more pseudo-choice, so an answer must also outnumber them
 * strictly; `"ignore"` = only parsed votes are counted.
 */
export type MajorityUnparsed = "compete" | "ignore";

/** Options of the per-item scoring. */
export interface ScoreOptions {
  /** Unparsed trials in the majority vote (default `"compete"`). */
  majorityUnparsed?: MajorityUnparsed;
}
