import assert from "node:assert/strict";
import { resultsFromRows } from "./load_results.ts";
import { summarizeResults } from "./summary.ts";

const ITEM = { source: "s", n_options: 4, answer: "B" };

// Hand-counted fixture: 4 items (2 questions), 3 models.
//   items: a (CT, L0), b (CT, L2 low_dose), c (MRI, L0), d (MRI, L1 ghosting)
//   m1: a×3 (one unparsed), b×3, c×3, d×3 -> 12 rows, 1 unparsed, trials 3..3
//   m2: a×1, c×2 ("xyz" unparsed, "(b)" parsed) -> 3 rows, 1 unparsed, 2 missing
//   m3: no rows at all
const results = resultsFromRows({
  models: [
    { model: "m1", display_name: "M1", group: "proprietary" },
    { model: "m2", display_name: "M2", group: "open-source" },
    { model: "m3", display_name: "M3", group: "open-source" },
  ],
  items: [
    {
      ...ITEM,
      item_id: "a",
      question_id: "q1",
      modality: "CT",
      skill: "Counting",
      degradation: "none",
      severity: 0,
    },
    {
      ...ITEM,
      item_id: "b",
      question_id: "q1",
      modality: "CT",
      skill: "Counting",
      degradation: "low_dose",
      severity: 2,
    },
    {
      ...ITEM,
      item_id: "c",
      question_id: "q2",
      modality: "MRI",
      skill: "Neurovascular",
      degradation: "none",
      severity: 0,
    },
    {
      ...ITEM,
      item_id: "d",
      question_id: "q2",
      modality: "MRI",
      skill: "Neurovascular",
      degradation: "ghosting_artifact",
      severity: 1,
    },
  ],
  predictions: [
    ...["a", "b", "c", "d"].flatMap((item_id) =>
      [1, 2, 3].map((trial) => ({
        model: "m1",
        item_id,
        trial,
        choice: item_id === "a" && trial === 2 ? "" : "A",
      }))
    ),
    { model: "m2", item_id: "a", trial: 1, choice: "C" },
    { model: "m2", item_id: "c", trial: 1, response: "xyz" },
    { model: "m2", item_id: "c", trial: 2, response: "(b)" },
  ],
});

Deno.test("summarizeResults counts a hand-counted fixture", () => {
  const s = summarizeResults(results);
  assert.equal(s.items, 4);
  assert.equal(s.questions, 2);
  assert.deepEqual(s.bySeverity, [2, 1, 1]);
  assert.deepEqual(s.byModality, { CT: 2, MRI: 2 });
  assert.equal(s.skills, 2);
  assert.equal(s.degradations, 2);
  assert.equal(s.models, 3);
  assert.deepEqual(s.byGroup, { proprietary: 1, "open-source": 2 });
  assert.equal(s.rows, 15);
  assert.equal(s.unparsed, 2);
  assert.deepEqual(s.perModel[0], {
    model: "m1",
    group: "proprietary",
    rows: 12,
    answered: 4,
    missing: 0,
    minTrials: 3,
    maxTrials: 3,
    unparsed: 1,
    unparsedRate: 1 / 12,
  });
  assert.deepEqual(s.perModel[1], {
    model: "m2",
    group: "open-source",
    rows: 3,
    answered: 2,
    missing: 2,
    minTrials: 1,
    maxTrials: 2,
    unparsed: 1,
    unparsedRate: 1 / 3,
  });
  assert.equal(s.perModel[2].rows, 0);
  assert.equal(s.perModel[2].missing, 4);
  assert.equal(s.perModel[2].minTrials, 0);
  assert.ok(Number.isNaN(s.perModel[2].unparsedRate));
  // The loader's missing-answer warnings, for m2 and m3.
  assert.equal(s.warnings.length, 2);
  assert.match(s.warnings[0], /"m2" has no prediction for 2 of 4 items/);
});

Deno.test("summarizeResults: per-model rows and unparsed add up to the totals", () => {
  const s = summarizeResults(results);
  assert.equal(s.perModel.reduce((a, m) => a + m.rows, 0), s.rows);
  assert.equal(s.perModel.reduce((a, m) => a + m.unparsed, 0), s.unparsed);
  for (const m of s.perModel) assert.equal(m.answered + m.missing, s.items);
  assert.equal(s.bySeverity.reduce((a, b) => a + b, 0), s.items);
});
