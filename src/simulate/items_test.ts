import assert from "node:assert/strict";
import {
  DEGRADATION_INFO,
  DEGRADATIONS,
  MODALITIES,
  SKILLS,
} from "../taxonomy/mod.ts";
import { NO_DEGRADATION } from "../results/results.ts";
import { createPrng } from "../random/prng.ts";
import { paperDesign } from "./design.ts";
import { buildItems } from "./items.ts";

Deno.test("the paper design has Table 1's sizes and Table 4/5's totals", () => {
  const d = paperDesign();
  assert.equal(d.questions, 4306);
  const sum = (r: Record<string, number>) =>
    Object.values(r).reduce((a, b) => a + b, 0);
  assert.equal(sum(d.modalities), 4306);
  assert.equal(sum(d.degradations), 10294);
  assert.equal(sum(d.skills), 10294);
  assert.equal(d.degradations.limited_angle, 720);
  assert.equal(
    d.degradations.motion_blur + d.degradations.xray_motion_blur_artifact,
    1410,
  );
});

Deno.test("built items respect counts, modality constraints and FORMAT rules", () => {
  const design = paperDesign();
  const { items } = buildItems(design, createPrng(11));
  assert.equal(items.n, 24894);
  const perQ = new Map<number, number>();
  const degCount = new Array(DEGRADATIONS.length).fill(0);
  const skillCount = new Array(SKILLS.length).fill(0);
  const ids = new Set(items.itemId);
  assert.equal(ids.size, items.n);
  for (let i = 0; i < items.n; i++) {
    const k = items.nOptions[i]!;
    assert.ok(k >= 2 && k <= 5 && items.answer[i]! < k);
    const d = items.degradation[i]!;
    assert.equal(d === NO_DEGRADATION, items.severity[i] === 0);
    if (items.severity[i] !== 1) continue;
    perQ.set(items.question[i]!, (perQ.get(items.question[i]!) ?? 0) + 1);
    degCount[d]++;
    skillCount[items.skill[i]!]++;
    const only = DEGRADATION_INFO[DEGRADATIONS[d]!].modality;
    if (only !== null) assert.equal(MODALITIES[items.modality[i]!], only);
  }
  assert.equal(perQ.size, 4306);
  for (const c of perQ.values()) assert.ok(c >= 1 && c <= 3);
  assert.ok([...perQ.values()].some((c) => c === 1));
  DEGRADATIONS.forEach((d, j) =>
    assert.equal(degCount[j], design.degradations[d], d)
  );
  SKILLS.forEach((s, j) => assert.equal(skillCount[j], design.skills[s], s));
});
