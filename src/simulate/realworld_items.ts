/**
 * Items of the `realworld` reconstruction: images that come degraded (no
 * clean counterpart), each its own question, labelled with the degradation
 * its image shows, at L1 and L2.
 *
 * @module
 */
import {
  appliesTo,
  CATEGORIES,
  categoryOf,
  DEGRADATIONS,
  MODALITIES,
  SKILLS,
  taskOf,
  TASKS,
} from "../taxonomy/mod.ts";
import type { Prng } from "../random/prng.ts";
import { emptyItemColumns, type ItemColumns } from "../results/results.ts";
import { apportion } from "./apportion.ts";
import { paperDesign } from "./design.ts";

/**
 * Build `perLevel` real-world items at each of L1 and L2: modalities, skills
 * and degradations in the proportions of the paper design (a degradation
 * only on a modality it applies to), source "MedQ-Deg real-world", 4 options.
 *
 * @param perLevel Items per level.
 * @param prng Random source.
 * @returns The items.
 *
 * @example Usage
 * ```ts
 * import { realworldItems } from "./realworld_items.ts";
 * import { createPrng } from "../random/prng.ts";
 * const items = realworldItems(20, createPrng(1));
 * console.assert(items.n === 40 && items.severity.every((s) => s > 0));
 * ```
 */
export function realworldItems(perLevel: number, prng: Prng): ItemColumns {
  const design = paperDesign();
  const n = 2 * perLevel;
  const items: ItemColumns = emptyItemColumns(n);
  const width = String(n).length;
  let i = 0;
  for (const sev of [1, 2] as const) {
    const modal = apportion(
      MODALITIES.map((m) => design.modalities[m]),
      perLevel,
    );
    const skills = apportion(SKILLS.map((s) => design.skills[s]), perLevel);
    const skillList = skills.flatMap((c, s) => Array(c).fill(s) as number[]);
    for (let j = skillList.length - 1; j > 0; j--) {
      const r = prng.int(j + 1);
      [skillList[j], skillList[r]] = [skillList[r]!, skillList[j]!];
    }
    let s = 0;
    modal.forEach((count, m) => {
      const allowed = DEGRADATIONS.map((d, di) =>
        appliesTo(d, MODALITIES[m]!) ? design.degradations[d] + 1 : 0 * di
      );
      const total = allowed.reduce((a, b) => a + b, 0);
      for (let c = 0; c < count; c++) {
        let u = prng.next() * total, d = 0;
        while (u >= allowed[d]!) u -= allowed[d++]!;
        const qid = `rw${String(i + 1).padStart(width, "0")}`;
        items.itemId.push(`${qid}_L${sev}_${DEGRADATIONS[d]}`);
        items.questionId.push(qid);
        items.questionIds.push(qid);
        items.question[i] = i;
        items.source.push("MedQ-Deg real-world");
        items.modality[i] = m;
        const sk = skillList[s++]!;
        items.skill[i] = sk;
        items.task[i] = TASKS.indexOf(taskOf(SKILLS[sk]!));
        items.degradation[i] = d;
        items.category[i] = CATEGORIES.indexOf(categoryOf(DEGRADATIONS[d]!));
        items.severity[i] = sev;
        items.nOptions[i] = 4;
        items.answer[i] = prng.int(4);
        i++;
      }
    });
  }
  return items;
}
