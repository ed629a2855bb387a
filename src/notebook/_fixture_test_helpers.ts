// Hand-made results for the notebook helper tests.
import { resultsFromRows } from "../results/load_results.ts";
import type { Results } from "../results/results.ts";

/** Items q1..q4, each at L0 and L2 (gaussian_noise), 4 options, answer A. */
export function items(): Record<string, string | number>[] {
  return ["q1", "q2", "q3", "q4"].flatMap((q) => [
    {
      item_id: `${q}_L0`,
      question_id: q,
      source: "s",
      modality: "CT",
      skill: "Disease Diagnosis",
      degradation: "none",
      severity: 0,
      n_options: 4,
      answer: "A",
    },
    {
      item_id: `${q}_L2`,
      question_id: q,
      source: "s",
      modality: "CT",
      skill: "Disease Diagnosis",
      degradation: "gaussian_noise",
      severity: 2,
      n_options: 4,
      answer: "A",
    },
  ]);
}

/**
 * Results from per-model answer strings: `answers[model][itemId]` is a
 * string of choices, one letter per trial ("" = not asked, "-" = unparsed).
 */
export function results(
  answers: Record<string, Record<string, string>>,
  itemRows: Record<string, string | number>[] = items(),
): Results {
  const predictions = Object.entries(answers).flatMap(([model, byItem]) =>
    Object.entries(byItem).flatMap(([item_id, s]) =>
      [...s].map((c, t) => ({
        model,
        item_id,
        trial: t + 1,
        choice: c === "-" ? "" : c,
      }))
    )
  );
  return resultsFromRows({
    items: itemRows,
    models: Object.keys(answers).map((model) => ({
      model,
      display_name: model.toUpperCase(),
      group: "open-source",
      params_b: null,
    })),
    predictions,
  }, { source: "fixture" });
}
