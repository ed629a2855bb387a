import assert from "node:assert/strict";
import {
  categorySchema,
  degradationSchema,
  modalitySchema,
  severitySchema,
  skillSchema,
  taskSchema,
} from "./schemas.ts";
import { DEGRADATIONS, MODALITIES, SKILLS } from "../taxonomy/mod.ts";

Deno.test("taxonomy schemas accept exactly the FORMAT.md values", () => {
  for (const m of MODALITIES) assert.ok(modalitySchema.safeParse(m).success);
  for (const s of SKILLS) assert.ok(skillSchema.safeParse(s).success);
  for (const d of [...DEGRADATIONS, "none"]) {
    assert.ok(degradationSchema.safeParse(d).success);
  }
  for (const bad of ["ct", "X-Ray", "", "PET"]) {
    assert.ok(!modalitySchema.safeParse(bad).success);
  }
  assert.ok(!skillSchema.safeParse("Treatment-Understanding").success);
  assert.ok(!degradationSchema.safeParse("motion blur").success);
  assert.ok(
    taskSchema.safeParse("Treat").success &&
      !taskSchema.safeParse("Treat.").success,
  );
  assert.ok(
    categorySchema.safeParse("RB").success &&
      !categorySchema.safeParse("R&B").success,
  );
  assert.ok(
    severitySchema.safeParse(0).success &&
      !severitySchema.safeParse("0").success,
  );
  assert.ok(!severitySchema.safeParse(-1).success);
});
