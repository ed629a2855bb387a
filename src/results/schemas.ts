/**
 * The taxonomy as zod schemas, for users who validate their own rows with
 * zod (the loaders use the same enums with FORMAT.md's error messages).
 * Each value is a real zod schema (`z.enum(...)`), typed as the small
 * {@linkcode TaxonomySchema} interface so that the package has no JSR "slow
 * types" and no zod types in its public API; pass it to zod as it is, or
 * cast it to `z.ZodEnum` for zod's other methods.
 *
 * @module
 */

import { z } from "zod";
import { MODALITIES, type Modality } from "../taxonomy/modalities.ts";
import { type Skill, SKILLS, type Task, TASKS } from "../taxonomy/skills.ts";
import {
  CATEGORIES,
  type Category,
  type Degradation,
  DEGRADATIONS,
} from "../taxonomy/degradations.ts";
import type { Severity } from "../taxonomy/severity.ts";

/** What the taxonomy schemas offer: zod's `parse` and `safeParse`. */
export interface TaxonomySchema<T> {
  /** Return the value typed, or throw a zod error. */
  parse(value: unknown): T;
  /** Return `{ success: true, data }` or `{ success: false, error }`. */
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: unknown };
}

/**
 * One of the seven modality ids.
 *
 * @example Usage
 * ```ts
 * import { modalitySchema } from "./schemas.ts";
 * console.assert(modalitySchema.safeParse("CT").success);
 * console.assert(!modalitySchema.safeParse("PET").success);
 * ```
 */
export const modalitySchema: TaxonomySchema<Modality> = z.enum(MODALITIES);

/**
 * One of the 30 skill names.
 *
 * @example Usage
 * ```ts
 * import { skillSchema } from "./schemas.ts";
 * console.assert(skillSchema.safeParse("Counting").success);
 * ```
 */
export const skillSchema: TaxonomySchema<Skill> = z.enum(SKILLS);

/**
 * One of the six mid-level task abbreviations.
 *
 * @example Usage
 * ```ts
 * import { taskSchema } from "./schemas.ts";
 * console.assert(taskSchema.safeParse("Diag").success);
 * ```
 */
export const taskSchema: TaxonomySchema<Task> = z.enum(TASKS);

/**
 * One of the 19 degradation ids, or `none` (FORMAT.md's `degradation` column).
 *
 * @example Usage
 * ```ts
 * import { degradationSchema } from "./schemas.ts";
 * console.assert(degradationSchema.safeParse("none").success);
 * console.assert(degradationSchema.safeParse("low_dose").success);
 * ```
 */
export const degradationSchema: TaxonomySchema<Degradation | "none"> = z.enum([
  "none",
  ...DEGRADATIONS,
]);

/**
 * One of the five degradation category abbreviations.
 *
 * @example Usage
 * ```ts
 * import { categorySchema } from "./schemas.ts";
 * console.assert(categorySchema.safeParse("Artif").success);
 * ```
 */
export const categorySchema: TaxonomySchema<Category> = z.enum(CATEGORIES);

/**
 * A severity level: 0, 1 or 2 (numbers, not strings).
 *
 * @example Usage
 * ```ts
 * import { severitySchema } from "./schemas.ts";
 * console.assert(severitySchema.safeParse(2).success);
 * console.assert(!severitySchema.safeParse(3).success);
 * ```
 */
export const severitySchema: TaxonomySchema<Severity> = z.union([
  z.literal(0),
  z.literal(1),
  z.literal(2),
]);
