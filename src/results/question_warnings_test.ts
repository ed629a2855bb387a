import assert from "node:assert/strict";
import { resultsFromRows } from "./load_results.ts";
import { questionWarnings } from "./question_warnings.ts";

const ITEM = { source: "s", n_options: 4, answer: "B" };

function items(rows: Record<string, string | number>[]) {
  return resultsFromRows({ models: [], predictions: [], items: rows }).items;
}

function row(
  item_id: string,
  question_id: string,
  severity: 0 | 1 | 2,
  modality = "CT",
  skill = "Counting",
) {
  return {
    ...ITEM,
    item_id,
    question_id,
    severity,
    modality,
    skill,
    degradation: severity === 0
      ? "none"
      : modality === "CT"
      ? "low_dose"
      : "ghosting_artifact",
  };
}

Deno.test("questionWarnings: none for one L0 item and its variants per question", () => {
  assert.deepEqual(
    questionWarnings(items([
      row("a0", "q1", 0),
      row("a1", "q1", 1),
      row("a2", "q1", 2),
      row("b0", "q2", 0, "MRI", "Neurovascular"),
      row("b2", "q2", 2, "MRI", "Neurovascular"),
      row("c0", "q3", 0), // a clean question alone is fine
    ])),
    [],
  );
});

Deno.test("questionWarnings: one warning per kind, counted, with examples", () => {
  const w = questionWarnings(items([
    row("a0", "q1", 0),
    row("a0b", "q1", 0), // a second L0 item
    row("a1", "q1", 1, "MRI"), // another modality
    row("b1", "q2", 1), // no L0 item
    row("c1", "q3", 2),
    row("d1", "q4", 1),
    row("e1", "q5", 1),
    row("f0", "q6", 0),
    row("f1", "q6", 1, "CT", "Disease Diagnosis"), // another skill
  ]));
  assert.equal(w.length, 4, w.join("\n"));
  assert.match(
    w[0],
    /^4 questions have degraded items but no L0 item \("q2", "q3", "q4", \.\.\.\)/,
  );
  assert.match(w[1], /^1 question has more than one L0 item \("q1"\)/);
  assert.match(w[2], /^1 question mixes modalities across its items \("q1"\)/);
  assert.match(w[3], /^1 question mixes skills across its items \("q6"\)/);
});

Deno.test("questionWarnings: a degraded-only set (no L0 item at all) is not warned about", () => {
  assert.deepEqual(
    questionWarnings(items([row("a1", "q1", 1), row("b2", "q2", 2)])),
    [],
  );
});

Deno.test("loadResults-style warnings include the question warnings after the missing-answer ones", () => {
  const r = resultsFromRows({
    models: [{ model: "m", display_name: "M", group: "medical" }],
    items: [row("a0", "q1", 0), row("b1", "q2", 1)],
    predictions: [{ model: "m", item_id: "a0", trial: 1, choice: "B" }],
  });
  assert.equal(r.warnings.length, 2);
  assert.match(r.warnings[0], /Model "m" has no prediction for 1 of 2 items/);
  assert.match(r.warnings[1], /1 question has degraded items but no L0 item/);
});
