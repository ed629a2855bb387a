/**
 * Warnings about how items group into questions. FORMAT.md groups a clean
 * (L0) item with its degraded variants by `question_id`, and METRICS.md
 * pairs every drop with the L0 items of the same questions (`base(S)`).
 * A question without an L0 item, with several, or whose items disagree on
 * modality or skill is not a rule violation, but it changes those pairings
 * silently; the loaders warn instead.
 *
 * @module
 */

import type { ItemColumns } from "./results.ts";

/** Up to three examples, quoted, then "..." when there are more. */
function examples(ids: string[]): string {
  const shown = ids.slice(0, 3).map((id) => JSON.stringify(id)).join(", ");
  return ids.length > 3 ? `${shown}, ...` : shown;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Warnings (one per kind, with a count and examples) for questions with
 * degraded items but no L0 item (unless no question has one: a
 * degraded-only set such as `data/raw/realworld`), with more than one L0
 * item, or whose items disagree on modality or skill.
 *
 * @param items A validated items table.
 * @returns The warnings, empty when every question is one L0 item and
 *   degraded variants of the same modality and skill.
 *
 * @example Usage
 * ```ts
 * import { resultsFromRows } from "./load_results.ts";
 * import { questionWarnings } from "./question_warnings.ts";
 * const item = { source: "s", skill: "Counting", n_options: 4, answer: "A" };
 * const { items } = resultsFromRows({
 *   models: [],
 *   predictions: [],
 *   items: [
 *     { ...item, item_id: "a", question_id: "q1", modality: "CT", degradation: "none", severity: 0 },
 *     { ...item, item_id: "b", question_id: "q2", modality: "CT", degradation: "low_dose", severity: 1 },
 *   ],
 * });
 * console.assert(questionWarnings(items)[0].startsWith('1 question has degraded items but no L0 item ("q2")'));
 * ```
 */
export function questionWarnings(items: ItemColumns): string[] {
  const nq = items.questionIds.length;
  const clean = new Int32Array(nq), degraded = new Int32Array(nq);
  const modality = new Int16Array(nq).fill(-1);
  const skill = new Int16Array(nq).fill(-1);
  const mixedModality = new Uint8Array(nq), mixedSkill = new Uint8Array(nq);
  for (let i = 0; i < items.n; i++) {
    const q = items.question[i];
    if (items.severity[i] === 0) clean[q]++;
    else degraded[q]++;
    if (modality[q] < 0) modality[q] = items.modality[i];
    else if (modality[q] !== items.modality[i]) mixedModality[q] = 1;
    if (skill[q] < 0) skill[q] = items.skill[i];
    else if (skill[q] !== items.skill[i]) mixedSkill[q] = 1;
  }
  const noClean: string[] = [], severalClean: string[] = [];
  const modalities: string[] = [], skills: string[] = [];
  for (let q = 0; q < nq; q++) {
    const id = items.questionIds[q];
    if (clean[q] === 0 && degraded[q] > 0) noClean.push(id);
    if (clean[q] > 1) severalClean.push(id);
    if (mixedModality[q]) modalities.push(id);
    if (mixedSkill[q]) skills.push(id);
  }
  // A set without any L0 item (real-world degraded images, say) has no
  // pairing to lose.
  const anyClean = clean.some((c) => c > 0);
  const kinds: [ids: string[], one: string, many: string, what: string][] = [
    [
      anyClean ? noClean : [],
      "question has",
      "questions have",
      "degraded items but no L0 item (%): they count in L1/L2 accuracies with no clean baseline in the paired drops (METRICS.md base(S))",
    ],
    [
      severalClean,
      "question has",
      "questions have",
      "more than one L0 item (%): each counts in the clean baseline of the question's drops",
    ],
    [
      modalities,
      "question mixes",
      "questions mix",
      "modalities across its items (%): modality slices then pair degraded items with another modality's clean ones",
    ],
    [
      skills,
      "question mixes",
      "questions mix",
      "skills across its items (%): skill and task slices then pair degraded items with another skill's clean ones",
    ],
  ];
  return kinds.filter(([ids]) => ids.length > 0).map(([ids, one, many, what]) =>
    `${plural(ids.length, one, many)} ${what.replace("%", () => examples(ids))}`
  );
}
