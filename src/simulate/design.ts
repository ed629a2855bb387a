/**
 * The design of a simulated benchmark: how many questions, their modalities,
 * and how many degraded items each degradation and each skill gets per
 * severity level. `paperDesign()` is the MedQ-Deg design reconstructed from
 * the paper's Tables 1, 4 and 5 (see data/raw/README.md for every choice).
 *
 * @module
 */
import {
  type Degradation,
  DEGRADATIONS,
  MODALITIES,
  type Modality,
  type Skill,
  SKILLS,
  taskOf,
  TASKS,
} from "../taxonomy/mod.ts";
import { apportion } from "./apportion.ts";
import {
  loadPaperTable2,
  loadPaperTable4,
  loadPaperTable5,
  loadPaperTable6,
} from "../paper/tables.ts";
import { fitTaskShares } from "./task_shares.ts";

/** How a benchmark's items are laid out. */
export interface ItemDesign {
  /** Number of questions (= L0 items). */
  questions: number;
  /** Questions per modality (sums to `questions`). */
  modalities: Record<Modality, number>;
  /** Degraded items per degradation at each of L1 and L2. */
  degradations: Record<Degradation, number>;
  /** Degraded items per skill at each of L1 and L2 (same total). */
  skills: Record<Skill, number>;
}

/**
 * Assumed question counts per modality (the paper gives none); chosen so
 * that every modality-specific degradation fits with at most 3 degradations
 * per question.
 */
export const PAPER_MODALITY_COUNTS: Readonly<Record<Modality, number>> = {
  CT: 1000,
  MRI: 700,
  "X-ray": 900,
  Ultrasound: 500,
  Endoscopy: 450,
  Histopathology: 400,
  Dermoscopy: 356,
};

/** Items per level given to `xray_motion_blur_artifact` out of Table 5's "motion blur" (assumed). */
export const PAPER_XRAY_MOTION_BLUR: number = 330;

/**
 * The MedQ-Deg design: 4,306 questions; per level 10,294 degraded items
 * split as Table 5 (halved; "motion blur" split into `motion_blur` and
 * `xray_motion_blur_artifact`); task totals in the shares under which
 * Table 2 re-aggregates to Table 6 ({@linkcode fitTaskShares}: Table 4's
 * counts are inconsistent, their 21,587 exceeding the 20,588 degraded
 * items), and skills within each task in Table 4's proportions, every count
 * by largest remainder.
 *
 * @returns The design.
 *
 * @example Usage
 * ```ts
 * import { paperDesign } from "./design.ts";
 * const d = paperDesign();
 * console.assert(d.questions === 4306);
 * console.assert(Object.values(d.skills).reduce((a, b) => a + b) === 10294);
 * ```
 */
export function paperDesign(): ItemDesign {
  const degradations = Object.fromEntries(
    DEGRADATIONS.map((d) => [d, 0]),
  ) as Record<Degradation, number>;
  for (const row of loadPaperTable5()) {
    if (row.isSubtotal || row.degradation === null) continue;
    degradations[row.degradation] = row.count / 2;
  }
  degradations.motion_blur -= PAPER_XRAY_MOTION_BLUR;
  degradations.xray_motion_blur_artifact = PAPER_XRAY_MOTION_BLUR;
  const perLevel = Object.values(degradations).reduce((a, b) => a + b, 0);
  // Task totals from the shares under which Table 2 re-aggregates to
  // Table 6; skills within a task in Table 4's proportions.
  const { shares } = fitTaskShares(loadPaperTable2(), loadPaperTable6());
  const taskTotals = apportion(TASKS.map((t) => shares[t]), perLevel);
  const t4 = loadPaperTable4();
  const skills = Object.fromEntries(SKILLS.map((s) => [s, 0])) as Record<
    Skill,
    number
  >;
  TASKS.forEach((task, ti) => {
    const rows = t4.filter((r) => taskOf(r.skill) === task);
    const counts = apportion(rows.map((r) => r.count), taskTotals[ti]!);
    rows.forEach((r, i) => (skills[r.skill] = counts[i]!));
  });
  return {
    questions: 4306,
    modalities: { ...PAPER_MODALITY_COUNTS },
    degradations,
    skills,
  };
}

/**
 * Scale a design to another number of questions, keeping every proportion
 * (largest remainder at each step).
 *
 * @param design The design to scale.
 * @param questions The new number of questions (at least 1).
 * @returns The scaled design.
 *
 * @example Usage
 * ```ts
 * import { paperDesign, scaleDesign } from "./design.ts";
 * const small = scaleDesign(paperDesign(), 100);
 * console.assert(Object.values(small.modalities).reduce((a, b) => a + b) === 100);
 * ```
 */
export function scaleDesign(design: ItemDesign, questions: number): ItemDesign {
  if (!Number.isInteger(questions) || questions < 1) {
    throw new RangeError(
      `Cannot scale a design to ${questions} questions: expected a positive integer`,
    );
  }
  const degTotal = Object.values(design.degradations).reduce((a, b) => a + b);
  const perLevel = Math.max(
    questions,
    Math.round((degTotal * questions) / design.questions),
  );
  const pick = <K extends string>(
    keys: readonly K[],
    rec: Record<K, number>,
    total: number,
  ) => {
    const parts = apportion(keys.map((k) => rec[k]), total);
    return Object.fromEntries(keys.map((k, i) => [k, parts[i]])) as Record<
      K,
      number
    >;
  };
  return {
    questions,
    modalities: pick(MODALITIES, design.modalities, questions),
    degradations: pick(DEGRADATIONS, design.degradations, perLevel),
    skills: pick(SKILLS, design.skills, perLevel),
  };
}
