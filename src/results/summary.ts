/**
 * What a loaded results directory holds, in counts: items by severity,
 * models by group, and per model the prediction rows, the items it
 * answered and missed, its trials per answered item and its unparsed
 * answers (the rate VLMEvalKit users ask to see per model, since answer
 * extraction decides scores). `deno task validate` prints it.
 *
 * @module
 */

import { MODALITIES, type Modality } from "../taxonomy/modalities.ts";
import { type Results, UNPARSED } from "./results.ts";

/** Counts for one model of a {@linkcode ResultsSummary}. */
export interface ModelSummary {
  /** The model id (models.csv `model`). */
  model: string;
  /** models.csv `group`. */
  group: string;
  /** Prediction rows of this model. */
  rows: number;
  /** Items with at least one prediction row. */
  answered: number;
  /** Items without any (they leave the model's item set, METRICS.md). */
  missing: number;
  /** Fewest trials over the answered items (0 when none is answered). */
  minTrials: number;
  /** Most trials over the answered items (0 when none is answered). */
  maxTrials: number;
  /** Rows whose answer could not be parsed (empty `choice`, no letter in `response`). */
  unparsed: number;
  /** `unparsed / rows` (NaN when the model has no rows). */
  unparsedRate: number;
}

/** Counts of a loaded results directory; see {@linkcode summarizeResults}. */
export interface ResultsSummary {
  /** Where the results came from. */
  source: string;
  /** Number of items. */
  items: number;
  /** Number of distinct question ids. */
  questions: number;
  /** Items at severity 0, 1 and 2. */
  bySeverity: [number, number, number];
  /** Items per modality, for the modalities present (taxonomy order). */
  byModality: Partial<Record<Modality, number>>;
  /** Distinct skills present. */
  skills: number;
  /** Distinct degradation ids present (clean items not counted). */
  degradations: number;
  /** Number of models. */
  models: number;
  /** Models per group, for the groups present. */
  byGroup: Record<string, number>;
  /** Number of prediction rows. */
  rows: number;
  /** Rows whose answer could not be parsed. */
  unparsed: number;
  /** One entry per model, in models.csv order. */
  perModel: ModelSummary[];
  /** The loader's warnings (e.g. models with missing answers). */
  warnings: string[];
}

/**
 * Count what `results` holds: items by severity and modality, models by
 * group, and per model its rows, answered and missing items, trials per
 * answered item and unparsed answers.
 *
 * @param results Validated results (from `loadResults` or `resultsFromRows`).
 * @returns The counts.
 *
 * @example Usage
 * ```ts
 * import { resultsFromRows } from "./load_results.ts";
 * import { summarizeResults } from "./summary.ts";
 * const item = { question_id: "q1", source: "s", modality: "CT",
 *   skill: "Counting", n_options: 4, answer: "B" };
 * const r = resultsFromRows({
 *   models: [{ model: "m", display_name: "M", group: "medical" }],
 *   items: [
 *     { ...item, item_id: "a", degradation: "none", severity: 0 },
 *     { ...item, item_id: "b", degradation: "low_dose", severity: 2 },
 *   ],
 *   predictions: [
 *     { model: "m", item_id: "a", trial: 1, choice: "B" },
 *     { model: "m", item_id: "a", trial: 2, response: "no idea" },
 *   ],
 * });
 * const s = summarizeResults(r);
 * console.assert(s.bySeverity.join() === "1,0,1");
 * console.assert(s.perModel[0].answered === 1 && s.perModel[0].missing === 1);
 * console.assert(s.perModel[0].maxTrials === 2 && s.perModel[0].unparsedRate === 0.5);
 * ```
 */
export function summarizeResults(results: Results): ResultsSummary {
  const { items, predictions, models } = results;
  const bySeverity: [number, number, number] = [0, 0, 0];
  const modalityCounts = new Array<number>(MODALITIES.length).fill(0);
  const skills = new Set<number>(), degradations = new Set<number>();
  for (let i = 0; i < items.n; i++) {
    bySeverity[items.severity[i]]++;
    modalityCounts[items.modality[i]]++;
    skills.add(items.skill[i]);
    if (items.severity[i] > 0) degradations.add(items.degradation[i]);
  }
  const byModality: Partial<Record<Modality, number>> = {};
  MODALITIES.forEach((m, k) => {
    if (modalityCounts[k] > 0) byModality[m] = modalityCounts[k];
  });
  const byGroup: Record<string, number> = {};
  for (const m of models) byGroup[m.group] = (byGroup[m.group] ?? 0) + 1;

  // Trials per (model, item); a model's rows and unparsed answers.
  const trials = new Uint32Array(models.length * items.n);
  const rows = new Array<number>(models.length).fill(0);
  const unparsed = new Array<number>(models.length).fill(0);
  for (let r = 0; r < predictions.n; r++) {
    const m = predictions.model[r];
    trials[m * items.n + predictions.item[r]]++;
    rows[m]++;
    if (predictions.choice[r] === UNPARSED) unparsed[m]++;
  }
  const perModel = models.map((info, m): ModelSummary => {
    let answered = 0, minTrials = Infinity, maxTrials = 0;
    for (let i = 0; i < items.n; i++) {
      const t = trials[m * items.n + i];
      if (t === 0) continue;
      answered++;
      if (t < minTrials) minTrials = t;
      if (t > maxTrials) maxTrials = t;
    }
    return {
      model: info.model,
      group: info.group,
      rows: rows[m],
      answered,
      missing: items.n - answered,
      minTrials: answered ? minTrials : 0,
      maxTrials,
      unparsed: unparsed[m],
      unparsedRate: rows[m] ? unparsed[m] / rows[m] : NaN,
    };
  });
  return {
    source: results.source,
    items: items.n,
    questions: items.questionIds.length,
    bySeverity,
    byModality,
    skills: skills.size,
    degradations: degradations.size,
    models: models.length,
    byGroup,
    rows: predictions.n,
    unparsed: unparsed.reduce((a, b) => a + b, 0),
    perModel,
    warnings: [...results.warnings],
  };
}
