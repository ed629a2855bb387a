/**
 * Row rules of items and models tables (FORMAT.md), as zod schemas over the
 * cells' text, plus plain interfaces for the parsed rows. zod validates every
 * items and models row; the predictions table (millions of rows) is checked
 * by a hand-written checker with the same rules (see `build_predictions.ts`).
 *
 * @module
 */

import { z } from "zod";
import { DEGRADATIONS, MODALITIES, SKILLS } from "../taxonomy/mod.ts";
import { parseUint } from "./_cursor.ts";

/** A validated items row. */
export interface ItemRow {
  /** Unique, non-empty id. */
  item_id: string;
  /** Groups the clean item with its degraded variants. */
  question_id: string;
  /** Source benchmark, free text. */
  source: string;
  /** Imaging modality, one of `MODALITIES`. */
  modality: string;
  /** Fine-grained skill, one of `SKILLS`. */
  skill: string;
  /** Degradation id or `none`. */
  degradation: string;
  /** 0, 1 or 2. */
  severity: number;
  /** K, 2..26. */
  n_options: number;
  /** Correct letter, within the first K letters. */
  answer: string;
}

/** A validated models row. */
export interface ModelRow {
  /** Unique, non-empty id. */
  model: string;
  /** Name printed in figures and tables. */
  display_name: string;
  /** Model group. */
  group: "proprietary" | "open-source" | "medical";
  /** Parameter count in billions, `null` if empty. */
  params_b: number | null;
}

/**
 * Required columns of items tables.
 *
 * @example Usage
 * ```ts
 * import { ITEM_COLUMNS } from "./rows.ts";
 * console.assert(ITEM_COLUMNS.includes("n_options"));
 * ```
 */
export const ITEM_COLUMNS: readonly string[] = [
  "item_id",
  "question_id",
  "source",
  "modality",
  "skill",
  "degradation",
  "severity",
  "n_options",
  "answer",
];

/**
 * Required columns of models tables (`params_b` is optional).
 *
 * @example Usage
 * ```ts
 * import { MODEL_COLUMNS } from "./rows.ts";
 * console.assert(!MODEL_COLUMNS.includes("params_b"));
 * ```
 */
export const MODEL_COLUMNS: readonly string[] = [
  "model",
  "display_name",
  "group",
];

/**
 * Model groups.
 *
 * @example Usage
 * ```ts
 * import { GROUPS } from "./rows.ts";
 * console.assert(GROUPS.includes("medical"));
 * ```
 */
export const GROUPS: readonly ["proprietary", "open-source", "medical"] = [
  "proprietary",
  "open-source",
  "medical",
] as const;

function listOf(values: readonly string[], noun = "ids"): string {
  return values.length <= 8
    ? `one of ${values.join(", ")}`
    : `one of the ${values.length} ${noun} in FORMAT.md (e.g. ${
      values.slice(0, 2).join(", ")
    })`;
}

function intCell(min: number, max: number, expected: string) {
  return z.string().refine((s) => {
    const v = parseUint(s);
    return v >= min && v <= max;
  }, { error: expected }).transform((s) => parseUint(s));
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const itemSchema = z.object({
  item_id: z.string().min(1, { error: "a non-empty item_id" }),
  question_id: z.string(),
  source: z.string(),
  modality: z.enum(MODALITIES, { error: listOf(MODALITIES) }),
  skill: z.enum(SKILLS, { error: listOf(SKILLS, "skill names") }),
  degradation: z.enum(["none", ...DEGRADATIONS], {
    error: `none or ${listOf(DEGRADATIONS, "degradation ids")}`,
  }),
  severity: intCell(0, 2, "0, 1 or 2 (L0 clean, L1 mild, L2 severe)"),
  n_options: intCell(2, 26, "an integer number of options from 2 to 26"),
  answer: z.string().regex(/^[A-Z]$/, { error: "one upper-case letter" }),
  options: z.string().optional().refine((s) => {
    if (s === undefined || s === "") return true;
    try {
      const v = JSON.parse(s);
      return Array.isArray(v) && v.every((o) => typeof o === "string");
    } catch {
      return false;
    }
  }, { error: "a JSON array of strings" }),
}).superRefine((row, ctx) => {
  // Cross-column rules run only on cells that passed their own rule.
  const severityOk = typeof row.severity === "number";
  if (severityOk && (row.degradation === "none") !== (row.severity === 0)) {
    ctx.addIssue({
      code: "custom",
      path: ["degradation"],
      message: row.severity === 0
        ? "none, since severity is 0"
        : `a degradation id (not none), since severity is ${row.severity}`,
    });
  }
  if (
    /^[A-Z]$/.test(row.answer) && typeof row.n_options === "number" &&
    row.answer.charCodeAt(0) - 65 >= row.n_options
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["answer"],
      message: `a letter from A to ${
        String.fromCharCode(64 + row.n_options)
      } (n_options is ${row.n_options})`,
    });
  }
});

const modelSchema = z.object({
  model: z.string().min(1, { error: "a non-empty model id" }),
  display_name: z.string(),
  group: z.enum(GROUPS, { error: listOf(GROUPS) }),
  params_b: z.string().optional().refine(
    (s) => s === undefined || s === "" || (NUMBER.test(s) && Number(s) >= 0),
    { error: "a non-negative number of billions, or empty" },
  ).transform((s) => s === undefined || s === "" ? null : Number(s)),
});

/** One failed rule of a row: the column and what was expected. */
export interface RowIssue {
  /** Column name. */
  column: string;
  /** What was expected. */
  expected: string;
}

/** The result of checking one row. */
export type RowCheck<T> = { ok: true; row: T } | {
  ok: false;
  issues: RowIssue[];
};

function check<T>(schema: z.ZodType<T>, cells: unknown): RowCheck<T> {
  const r = schema.safeParse(cells);
  if (r.success) return { ok: true, row: r.data };
  return {
    ok: false,
    issues: r.error.issues.map((i) => ({
      column: String(i.path[0] ?? ""),
      expected: i.message,
    })),
  };
}

/**
 * Check one items row given as cell text by column name.
 *
 * @example Usage
 * ```ts
 * import { parseItemRow } from "./rows.ts";
 * const r = parseItemRow({
 *   item_id: "i1", question_id: "q1", source: "s", modality: "CT",
 *   skill: "Counting", degradation: "low_dose", severity: "01",
 *   n_options: "4", answer: "B",
 * });
 * console.assert(r.ok && r.row.severity === 1);
 * ```
 */
export function parseItemRow(cells: Record<string, string>): RowCheck<ItemRow> {
  return check(itemSchema as z.ZodType<ItemRow>, cells);
}

/**
 * Check one models row given as cell text by column name.
 *
 * @example Usage
 * ```ts
 * import { parseModelRow } from "./rows.ts";
 * const r = parseModelRow({ model: "m", display_name: "M", group: "medical", params_b: "7" });
 * console.assert(r.ok && r.row.params_b === 7);
 * ```
 */
export function parseModelRow(
  cells: Record<string, string>,
): RowCheck<ModelRow> {
  return check(modelSchema as z.ZodType<ModelRow>, cells);
}
