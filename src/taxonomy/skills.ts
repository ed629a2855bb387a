/**
 * The 30 fine-grained clinical skills, their 6 mid-level tasks and 2
 * high-level capabilities (FORMAT.md "Taxonomy").
 *
 * @module
 */

/** The six mid-level task abbreviations, in the paper's Table 2 order. */
export const TASKS: readonly ["CU", "IP", "AR", "BS", "Diag", "Treat"] = [
  "CU",
  "IP",
  "AR",
  "BS",
  "Diag",
  "Treat",
] as const;

/** A mid-level task abbreviation. */
export type Task = typeof TASKS[number];

/** The two high-level capabilities. */
export const CAPABILITIES: readonly [
  "Medical Perception",
  "Clinical Reasoning",
] = [
  "Medical Perception",
  "Clinical Reasoning",
] as const;

/** A high-level capability. */
export type Capability = typeof CAPABILITIES[number];

/** Full names of the mid-level tasks, keyed by abbreviation. */
export const TASK_NAMES: Readonly<Record<Task, string>> = {
  CU: "Clinical Understanding",
  IP: "Imaging Perception",
  AR: "Anatomical Recognition",
  BS: "Basic Science Reasoning",
  Diag: "Diagnosis Reasoning",
  Treat: "Treatment Reasoning",
};

/** The capability each task belongs to. */
export const TASK_CAPABILITY: Readonly<Record<Task, Capability>> = {
  CU: "Medical Perception",
  IP: "Medical Perception",
  AR: "Medical Perception",
  BS: "Clinical Reasoning",
  Diag: "Clinical Reasoning",
  Treat: "Clinical Reasoning",
};

/** The 30 fine-grained skills, grouped by task in FORMAT.md order. */
export const SKILLS: readonly [
  "Disease Diagnosis",
  "Severity Grading",
  "Basic Science Understanding",
  "Lesion Grading",
  "Attribute Recognition",
  "Treatment Understanding",
  "Skeletal System",
  "Cardiovascular",
  "Abdominal Structures",
  "Respiratory System",
  "Gastrointestinal Tract",
  "Neurovascular",
  "General Structures",
  "Muscle Recognition",
  "Cell and Microbes",
  "Counting",
  "Surgical Workflow Recognition",
  "Image Quality Grading",
  "Surgical Instrument Recognition",
  "General Science Reasoning",
  "Pathophysiological Reasoning",
  "Clinical Correlation",
  "General Diagnosis Reasoning",
  "Laboratory/Imaging Interpretation",
  "Clinical Presentation Analysis",
  "Disease Mechanism Recognition",
  "Treatment Reasoning",
  "Pharmacological Treatment",
  "Initial/Emergency Management",
  "Surgical Treatment Selection",
] = [
  "Disease Diagnosis",
  "Severity Grading",
  "Basic Science Understanding",
  "Lesion Grading",
  "Attribute Recognition",
  "Treatment Understanding",
  "Skeletal System",
  "Cardiovascular",
  "Abdominal Structures",
  "Respiratory System",
  "Gastrointestinal Tract",
  "Neurovascular",
  "General Structures",
  "Muscle Recognition",
  "Cell and Microbes",
  "Counting",
  "Surgical Workflow Recognition",
  "Image Quality Grading",
  "Surgical Instrument Recognition",
  "General Science Reasoning",
  "Pathophysiological Reasoning",
  "Clinical Correlation",
  "General Diagnosis Reasoning",
  "Laboratory/Imaging Interpretation",
  "Clinical Presentation Analysis",
  "Disease Mechanism Recognition",
  "Treatment Reasoning",
  "Pharmacological Treatment",
  "Initial/Emergency Management",
  "Surgical Treatment Selection",
] as const;

/** One fine-grained skill. */
export type Skill = typeof SKILLS[number];

function taskOfIndex(i: number): Task {
  if (i < 6) return "CU";
  if (i < 15) return "AR";
  if (i < 19) return "IP";
  if (i < 22) return "BS";
  if (i < 26) return "Diag";
  return "Treat";
}

/** The mid-level task of each skill. */
export const SKILL_TASK: Readonly<Record<Skill, Task>> = Object.fromEntries(
  SKILLS.map((s, i) => [s, taskOfIndex(i)]),
) as Record<Skill, Task>;

/**
 * Whether a string is one of the 30 skill names.
 *
 * @example Usage
 * ```ts
 * import { isSkill } from "./skills.ts";
 * console.assert(isSkill("Counting"));
 * ```
 */
export function isSkill(value: string): value is Skill {
  return (SKILLS as readonly string[]).includes(value);
}

/**
 * The mid-level task of a skill.
 *
 * @example Usage
 * ```ts
 * import { taskOf } from "./skills.ts";
 * console.assert(taskOf("Counting") === "IP");
 * ```
 */
export function taskOf(skill: Skill): Task {
  return SKILL_TASK[skill];
}

/**
 * The high-level capability of a skill.
 *
 * @example Usage
 * ```ts
 * import { capabilityOf } from "./skills.ts";
 * console.assert(capabilityOf("Treatment Reasoning") === "Clinical Reasoning");
 * ```
 */
export function capabilityOf(skill: Skill): Capability {
  return TASK_CAPABILITY[SKILL_TASK[skill]];
}
