import assert from "node:assert/strict";
import {
  appliesTo,
  assertSeverity,
  CATEGORIES,
  categoryOf,
  DEGRADATION_INFO,
  DEGRADATIONS,
  degradationsFor,
  isDegradation,
  isSkill,
  MODALITIES,
  SKILL_TASK,
  SKILLS,
  taskOf,
  TASKS,
} from "./mod.ts";

Deno.test("taxonomy has 30 skills in 6 tasks with FORMAT.md's group sizes", () => {
  assert.equal(SKILLS.length, 30);
  assert.equal(new Set(SKILLS).size, 30);
  const sizes = Object.fromEntries(TASKS.map((t) => [t, 0]));
  for (const s of SKILLS) sizes[SKILL_TASK[s]]++;
  assert.deepEqual(sizes, { CU: 6, IP: 4, AR: 9, BS: 3, Diag: 4, Treat: 4 });
  assert.equal(taskOf("Cell and Microbes"), "AR");
  assert.equal(taskOf("Surgical Instrument Recognition"), "IP");
  assert.equal(taskOf("Clinical Correlation"), "BS");
  assert.equal(taskOf("Disease Mechanism Recognition"), "Diag");
  assert.equal(taskOf("Initial/Emergency Management"), "Treat");
  assert.ok(isSkill("Treatment Understanding"));
  assert.ok(!isSkill("Treatment-Understanding"));
});

Deno.test("taxonomy has 19 degradations in 5 categories with FORMAT.md's sizes", () => {
  assert.equal(DEGRADATIONS.length, 19);
  assert.equal(MODALITIES.length, 7);
  const sizes = Object.fromEntries(CATEGORIES.map((c) => [c, 0]));
  for (const d of DEGRADATIONS) sizes[categoryOf(d)]++;
  assert.deepEqual(sizes, { Intens: 3, Noise: 2, RB: 5, Artif: 7, Motio: 2 });
  assert.ok(!isDegradation("none"));
  for (const d of DEGRADATIONS) assert.equal(DEGRADATION_INFO[d].id, d);
});

Deno.test("appliesTo() restricts modality-specific degradations", () => {
  assert.ok(appliesTo("sparse_view", "CT"));
  assert.ok(!appliesTo("sparse_view", "X-ray"));
  assert.ok(appliesTo("ghosting_artifact", "MRI"));
  assert.ok(!appliesTo("bubble_artifact", "Dermoscopy"));
  assert.ok(appliesTo("xray_motion_blur_artifact", "X-ray"));
  assert.deepEqual(
    degradationsFor("Histopathology").filter((d) =>
      DEGRADATION_INFO[d].modality
    ),
    [
      "blood_cell_artifact",
      "dark_spots_artifact",
      "bubble_artifact",
    ],
  );
  // General ids (modality null) apply everywhere: 9 of them, as Table 1 says.
  assert.equal(
    DEGRADATIONS.filter((d) => DEGRADATION_INFO[d].modality === null).length,
    9,
  );
});

Deno.test("assertSeverity() accepts 0, 1, 2 and rejects everything else", () => {
  assert.equal(assertSeverity(0), 0);
  assert.equal(assertSeverity(2), 2);
  for (const bad of [-1, 3, 1.5, NaN]) {
    assert.throws(() => assertSeverity(bad), RangeError);
  }
});
