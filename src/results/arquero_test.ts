import assert from "node:assert/strict";
import { op } from "arquero";
import { itemsTable, predictionsTable } from "./arquero.ts";
import { loadResults } from "./load_results.ts";

const SAMPLE = new URL("../../data/sample", import.meta.url).pathname;
const results = await loadResults(SAMPLE);

Deno.test("itemsTable() decodes taxonomy codes to strings", () => {
  const t = itemsTable(results);
  assert.equal(t.numRows(), 21);
  assert.deepEqual(t.object(1), {
    item_id: "q01_L1",
    question_id: "q01",
    source: "GMAI-MMBench",
    modality: "CT",
    skill: "Disease Diagnosis",
    task: "CU",
    degradation: "low_dose",
    category: "Noise",
    severity: 1,
    n_options: 4,
    answer: "B",
    question: "Which finding is most likely?",
    options: '["Normal", "Pneumonia", "Fracture", "Effusion"]',
    image: "images/q01_L1.png",
    split: "sample",
  });
  assert.equal(t.get("degradation", 0), "none");
  assert.equal(t.get("category", 0), "none");
});

Deno.test("predictionsTable() gives letters, null for unparsed, and correctness", () => {
  const t = predictionsTable(results);
  assert.equal(t.numRows(), 180);
  const nulls = t.filter((d: { choice: string | null }) => d.choice === null)
    .numRows();
  assert.equal(nulls, 17);
  // Correct rows counted from the columnar results directly.
  let correct = 0;
  const p = results.predictions;
  for (let r = 0; r < p.n; r++) {
    correct += p.choice[r] === results.items.answer[p.item[r]] ? 1 : 0;
  }
  const sum = t.rollup({ c: (d: { correct: boolean }) => op.sum(d.correct) })
    .get("c", 0);
  assert.equal(sum, correct);
  assert.equal(t.get("item_id", 1), "q01_L0");
  assert.equal(t.get("choice", 1), "B");
  assert.equal(t.get("response", 1), "Answer: (B)");
});
