/**
 * Build the items of a simulated benchmark from an {@linkcode ItemDesign}:
 * questions get a modality, 1-3 distinct degradations that apply to it
 * (each at L1 and L2), a skill (so that every skill gets its designed number
 * of degraded items), a source, 2-5 options and a correct letter.
 *
 * @module
 */
import {
  appliesTo,
  CATEGORIES,
  categoryOf,
  type Degradation,
  DEGRADATION_INFO,
  DEGRADATIONS,
  MODALITIES,
  type Modality,
  type Skill,
  SKILLS,
  taskOf,
  TASKS,
} from "../taxonomy/mod.ts";
import type { Prng } from "../random/prng.ts";
import {
  emptyItemColumns,
  type ItemColumns,
  NO_DEGRADATION,
} from "../results/results.ts";
import type { ItemDesign } from "./design.ts";

/** Most degradations one question gets. */
export const MAX_DEGRADATIONS_PER_QUESTION = 3;

/** Modalities a skill prefers when questions are drawn for it. */
const PREFERRED: Partial<Record<Skill, readonly Modality[]>> = {
  "Cell and Microbes": ["Histopathology"],
  Counting: ["Histopathology", "Endoscopy"],
  "Surgical Workflow Recognition": ["Endoscopy"],
  "Surgical Instrument Recognition": ["Endoscopy"],
  "Skeletal System": ["X-ray", "CT"],
  "Respiratory System": ["X-ray", "CT"],
  Cardiovascular: ["CT", "MRI", "Ultrasound"],
  "Abdominal Structures": ["CT", "MRI", "Ultrasound"],
  Neurovascular: ["MRI", "CT"],
  "Gastrointestinal Tract": ["Endoscopy", "CT"],
  "Muscle Recognition": ["MRI", "Ultrasound"],
  "Lesion Grading": ["Dermoscopy"],
};

/** Built items plus per-question facts the simulator needs. */
export interface SimItems {
  /** The items, columnar, in file order (each question: L0, its L1 items, its L2 items). */
  items: ItemColumns;
  /** Per question: the item index of its L0 item. */
  l0Item: Int32Array;
}

function shuffle<T>(a: T[], prng: Prng): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = prng.int(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

function sourceFor(skill: Skill, prng: Prng): string {
  const task = taskOf(skill);
  if (task === "BS" || task === "Diag" || task === "Treat") return "MedXpertQA";
  return prng.next() < 0.5 ? "GMAI-MMBench" : "OmniMedVQA";
}

function optionsFor(source: string, prng: Prng): number {
  if (source === "MedXpertQA") return 5;
  if (source === "OmniMedVQA") return 2 + prng.int(3);
  return 2 + prng.int(4);
}

/**
 * Build the items of a design. Deterministic for a given generator state.
 *
 * @param design Questions, modalities, degradation and skill counts.
 * @param prng The random source.
 * @returns The items and the L0 item of each question.
 *
 * @example Usage
 * ```ts
 * import { buildItems } from "./items.ts";
 * import { paperDesign, scaleDesign } from "./design.ts";
 * import { createPrng } from "../random/prng.ts";
 * const { items } = buildItems(scaleDesign(paperDesign(), 40), createPrng(1));
 * console.assert(items.questionIds.length === 40);
 * ```
 */
export function buildItems(design: ItemDesign, prng: Prng): SimItems {
  const nq = design.questions;
  const modality: Modality[] = [];
  for (const m of MODALITIES) {
    for (let i = 0; i < design.modalities[m]; i++) modality.push(m);
  }
  if (modality.length !== nq) {
    throw new RangeError(
      `Cannot build ${nq} questions from modality counts summing to ${modality.length}: expected equal`,
    );
  }
  shuffle(modality, prng);
  const degs: Degradation[][] = Array.from({ length: nq }, () => []);
  const key = Float64Array.from({ length: nq }, () => prng.next());
  // A soft cap per question (1, 2 or 3) so that counts vary as the paper's
  // "one to three degradations per question" says.
  const cap = Uint8Array.from({ length: nq }, () => {
    const u = prng.next();
    return u < 0.15 ? 1 : u < 0.4 ? 2 : 3;
  });
  // Modality-specific degradations first, then the general ones, largest first.
  const order = [...DEGRADATIONS].sort((a, b) =>
    (DEGRADATION_INFO[a].modality === null ? 1 : 0) -
      (DEGRADATION_INFO[b].modality === null ? 1 : 0) ||
    design.degradations[b] - design.degradations[a]
  );
  for (const d of order) {
    const need = design.degradations[d];
    if (need === 0) continue;
    const eligible: number[] = [];
    for (let q = 0; q < nq; q++) {
      if (
        appliesTo(d, modality[q]!) &&
        !(d === "motion_blur" && modality[q] === "X-ray" &&
          design.degradations.xray_motion_blur_artifact > 0) &&
        degs[q]!.length < MAX_DEGRADATIONS_PER_QUESTION
      ) eligible.push(q);
    }
    if (eligible.length < need) {
      throw new RangeError(
        `Cannot place ${need} "${d}" items per level on ${eligible.length} eligible questions: expected more questions of that modality`,
      );
    }
    for (let q = 0; q < nq; q++) key[q] = prng.next();
    const rank = (q: number) =>
      (degs[q]!.length >= cap[q]! ? 1 : 0) + degs[q]!.length / cap[q]! / 4;
    eligible.sort((a, b) => rank(a) - rank(b) || key[a]! - key[b]!);
    for (let i = 0; i < need; i++) degs[eligible[i]!]!.push(d);
  }
  const empty = degs.findIndex((d) => d.length === 0);
  if (empty >= 0) {
    throw new RangeError(
      `Cannot give every question a degradation: question ${
        empty + 1
      } has none (expected at least as many degraded items per level as questions)`,
    );
  }
  const skill = assignSkills(design, modality, degs, prng);
  return layout(modality, degs, skill, prng);
}

function assignSkills(
  design: ItemDesign,
  modality: Modality[],
  degs: Degradation[][],
  prng: Prng,
): Skill[] {
  const nq = modality.length;
  const skill: (Skill | null)[] = new Array(nq).fill(null);
  const total = degs.reduce((s, d) => s + d.length, 0);
  const designed = SKILLS.reduce((s, k) => s + design.skills[k], 0);
  if (designed !== total) {
    throw new RangeError(
      `Cannot assign skills summing to ${designed} degraded items per level to questions carrying ${total}: expected equal`,
    );
  }
  const largest = [...SKILLS].sort((a, b) =>
    design.skills[b] - design.skills[a]
  )[0]!;
  const rest = SKILLS.filter((s) => s !== largest && design.skills[s] > 0)
    .sort((a, b) => design.skills[a] - design.skills[b]);
  const order = shuffle([...Array(nq).keys()], prng);
  for (const s of rest) {
    let left = design.skills[s];
    const pref = PREFERRED[s] ?? [];
    const pass = (q: number, preferred: boolean) =>
      skill[q] === null && (!preferred || pref.includes(modality[q]!));
    for (const preferred of pref.length ? [true, false] : [false]) {
      for (const q of order) {
        if (left === 0) break;
        if (pass(q, preferred) && degs[q]!.length <= left) {
          skill[q] = s;
          left -= degs[q]!.length;
        }
      }
    }
    while (left > 0) {
      // No exact fit left (small designs): overshoot with the smallest question;
      // the largest skill absorbs the difference.
      let pick = -1;
      for (const q of order) {
        if (
          skill[q] === null &&
          (pick < 0 || degs[q]!.length < degs[pick]!.length)
        ) pick = q;
      }
      if (pick < 0) {
        throw new RangeError(
          `Cannot give skill "${s}" its ${
            design.skills[s]
          } degraded items: ${left} left over (expected more questions)`,
        );
      }
      skill[pick] = s;
      left -= Math.min(left, degs[pick]!.length);
    }
  }
  for (let q = 0; q < nq; q++) skill[q] ??= largest;
  return skill as Skill[];
}

function layout(
  modality: Modality[],
  degs: Degradation[][],
  skill: Skill[],
  prng: Prng,
): SimItems {
  const nq = modality.length;
  const n = nq + 2 * degs.reduce((s, d) => s + d.length, 0);
  const width = String(nq).length;
  const items: ItemColumns = emptyItemColumns(n);
  const l0Item = new Int32Array(nq);
  let i = 0;
  for (let q = 0; q < nq; q++) {
    const qid = `q${String(q + 1).padStart(width, "0")}`;
    items.questionIds.push(qid);
    const s = skill[q]!;
    const source = sourceFor(s, prng);
    const k = optionsFor(source, prng);
    const answer = prng.int(k);
    const put = (sev: 0 | 1 | 2, d: Degradation | null) => {
      items.itemId.push(d === null ? `${qid}_L0` : `${qid}_L${sev}_${d}`);
      items.questionId.push(qid);
      items.question[i] = q;
      items.source.push(source);
      items.modality[i] = MODALITIES.indexOf(modality[q]!);
      items.skill[i] = SKILLS.indexOf(s);
      items.task[i] = TASKS.indexOf(taskOf(s));
      items.degradation[i] = d === null
        ? NO_DEGRADATION
        : DEGRADATIONS.indexOf(d);
      items.category[i] = d === null
        ? NO_DEGRADATION
        : CATEGORIES.indexOf(categoryOf(d));
      items.severity[i] = sev;
      items.nOptions[i] = k;
      items.answer[i] = answer;
      i++;
    };
    l0Item[q] = i;
    put(0, null);
    const ds = [...degs[q]!].sort((a, b) =>
      DEGRADATIONS.indexOf(a) - DEGRADATIONS.indexOf(b)
    );
    for (const sev of [1, 2] as const) for (const d of ds) put(sev, d);
  }
  return { items, l0Item };
}
