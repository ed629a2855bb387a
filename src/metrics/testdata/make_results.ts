/**
 * Test helper: build a small `Results` by hand, without the loaders.
 *
 * @module
 */
import {
  CATEGORIES,
  categoryOf,
  type Degradation,
  DEGRADATIONS,
  MODALITIES,
  type Modality,
  type Skill,
  SKILL_TASK,
  SKILLS,
  TASKS,
} from "../../taxonomy/mod.ts";
import { NO_DEGRADATION, type Results } from "../../results/results.ts";

/** One hand-written item. */
export interface ItemSpec {
  /** question_id. */
  q: string;
  /** Severity. */
  sev: 0 | 1 | 2;
  /** Degradation id (default gaussian_noise for L1/L2, none for L0). */
  deg?: Degradation;
  /** Skill (default Disease Diagnosis). */
  skill?: Skill;
  /** Modality (default CT). */
  modality?: Modality;
  /** Source (default "S"). */
  source?: string;
  /** K (default 4). */
  k?: number;
  /** Answer index (default 0). */
  answer?: number;
}

/**
 * Build Results. `votes[model][i]` lists the choice codes of item i's trials
 * (-1 = unparsed); an empty list or a missing entry means no prediction.
 */
export function makeResults(
  items: ItemSpec[],
  votes: Record<string, (number[] | undefined)[]>,
): Results {
  const n = items.length;
  const models = Object.keys(votes);
  const col = {
    modality: new Uint8Array(n),
    skill: new Uint8Array(n),
    task: new Uint8Array(n),
    degradation: new Uint8Array(n),
    category: new Uint8Array(n),
    severity: new Uint8Array(n),
    nOptions: new Uint8Array(n),
    answer: new Uint8Array(n),
  };
  const questionIds: string[] = [];
  const question = new Int32Array(n);
  items.forEach((it, i) => {
    let qi = questionIds.indexOf(it.q);
    if (qi < 0) qi = questionIds.push(it.q) - 1;
    question[i] = qi;
    const skill = it.skill ?? "Disease Diagnosis";
    col.modality[i] = MODALITIES.indexOf(it.modality ?? "CT");
    col.skill[i] = SKILLS.indexOf(skill);
    col.task[i] = TASKS.indexOf(SKILL_TASK[skill]);
    const deg = it.sev === 0 ? null : it.deg ?? "gaussian_noise";
    col.degradation[i] = deg === null
      ? NO_DEGRADATION
      : DEGRADATIONS.indexOf(deg);
    col.category[i] = deg === null
      ? NO_DEGRADATION
      : CATEGORIES.indexOf(categoryOf(deg));
    col.severity[i] = it.sev;
    col.nOptions[i] = it.k ?? 4;
    col.answer[i] = it.answer ?? 0;
  });
  const pm: number[] = [],
    pi: number[] = [],
    pt: number[] = [],
    pc: number[] = [];
  models.forEach((m, mi) => {
    votes[m].forEach((list, i) => {
      (list ?? []).forEach((c, t) => {
        pm.push(mi);
        pi.push(i);
        pt.push(t + 1);
        pc.push(c);
      });
    });
  });
  return {
    source: "fixture",
    models: models.map((m) => ({
      model: m,
      displayName: m,
      group: "open-source",
      paramsB: null,
      extra: {},
    })),
    items: {
      n,
      itemId: items.map((_, i) => `i${i}`),
      questionId: items.map((it) => it.q),
      question,
      questionIds,
      source: items.map((it) => it.source ?? "S"),
      ...col,
      extra: {},
    },
    predictions: {
      n: pm.length,
      model: Uint16Array.from(pm),
      item: Int32Array.from(pi),
      trial: Uint16Array.from(pt),
      choice: Int8Array.from(pc),
      extra: {},
    },
    warnings: [],
  };
}
