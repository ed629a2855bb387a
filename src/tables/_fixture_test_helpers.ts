// A hand-computed fixture shared by the table tests (see tables_test.ts for the arithmetic).
import { resultsFromRows } from "../results/load_results.ts";
import type { Results } from "../results/results.ts";

const item = (
  item_id: string,
  question_id: string,
  modality: string,
  skill: string,
  degradation: string,
  severity: number,
  n_options: number,
  answer: string,
) => ({
  item_id,
  question_id,
  source: "fixture",
  modality,
  skill,
  degradation,
  severity,
  n_options,
  answer,
});

/** Two questions x three levels, two models (m1: 2 trials per item, m2: 1). */
export function fixtureResults(): Results {
  const items = [
    item("a0", "q1", "CT", "Disease Diagnosis", "none", 0, 4, "A"),
    item("a1", "q1", "CT", "Disease Diagnosis", "gaussian_noise", 1, 4, "A"),
    item("a2", "q1", "CT", "Disease Diagnosis", "sparse_view", 2, 4, "A"),
    item("b0", "q2", "X-ray", "Skeletal System", "none", 0, 2, "B"),
    item("b1", "q2", "X-ray", "Skeletal System", "motion_blur", 1, 2, "B"),
    item("b2", "q2", "X-ray", "Skeletal System", "motion_blur", 2, 2, "B"),
  ];
  const votes: Record<string, Record<string, string[]>> = {
    m1: {
      a0: ["A", "A"],
      a1: ["A", "B"],
      a2: ["B", "B"],
      b0: ["B", "B"],
      b1: ["B", "A"],
      b2: ["", "B"],
    },
    m2: { a0: ["A"], a1: ["A"], a2: ["A"], b0: ["A"], b1: ["A"], b2: ["B"] },
  };
  const predictions = Object.entries(votes).flatMap(([model, byItem]) =>
    Object.entries(byItem).flatMap(([item_id, choices]) =>
      choices.map((choice, t) => ({ model, item_id, trial: t + 1, choice }))
    )
  );
  return resultsFromRows({
    models: [
      { model: "m1", display_name: "M1", group: "proprietary", params_b: null },
      { model: "m2", display_name: "M2", group: "medical", params_b: 7 },
    ],
    items,
    predictions,
  }, { source: "fixture" });
}
