/**
 * Typed loaders for the paper's tables (data/paper/table*.csv): Table 1
 * (statistics), 2 (tasks), 3 (categories), 4 (skills), 5 (degradations),
 * 6 (overall accuracy) and the model list.
 *
 * @module
 */
import {
  CATEGORIES,
  DEGRADATIONS as DEGRADATION_IDS,
  SKILLS,
  TASKS,
} from "../taxonomy/mod.ts";
import type { Category, Degradation, Skill, Task } from "../taxonomy/mod.ts";
import { type ColumnSpec, readPaperFile } from "./_read.ts";

/** A model group as the paper prints it. */
export type PaperGroup = "proprietary" | "open-source" | "medical";
const GROUPS = ["proprietary", "open-source", "medical"] as const;
const GROUPS_ALL = [...GROUPS, "all"] as const;
const MARKERS = ["down", "up", "dash", "missing"] as const;

/** One row of Table 6: accuracy (percent) per severity and the drops. */
export interface Table6Row {
  /** Model id (Table 6 spelling). */
  model: string;
  /** Model group. */
  group: PaperGroup;
  /** Accuracy at L0, percent. */
  L0: number;
  /** Accuracy at L1, percent. */
  L1: number;
  /** Accuracy at L2, percent. */
  L2: number;
  /** L1 minus L0, points. */
  L1MinusL0: number;
  /** L2 minus L0, points. */
  L2MinusL0: number;
}

/** One cell of Table 2 (per task) or Table 3 (per category). */
export interface SliceRow<S extends string> {
  /** Model id, or "Average (All Models)". */
  model: string;
  /** Model group, or "all" for the average row. */
  group: PaperGroup | "all";
  /** Task or category, or "Avg". */
  slice: S | "Avg";
  /** Accuracy over L1&L2, percent; null where not printed. */
  accL12: number | null;
  /** Drop (L1&L2 minus base), points; null for a "—-" or missing cell. */
  dropL12: number | null;
  /** The printed marker: ↓ down, ↑ up, "—-" dash, or not printed. */
  dropMarker: "down" | "up" | "dash" | "missing";
}

/** One row of Table 4: a fine-grained skill and its count. */
export interface Table4Row {
  /** Skill name as printed. */
  skillPaper: string;
  /** Mid-level task name as printed. */
  taskName: string;
  /** Printed count. */
  count: number;
  /** Printed ratio in parent task, percent. */
  ratioInParentPct: number;
  /** Printed ratio in total, percent. */
  ratioInTotalPct: number;
  /** FORMAT.md skill name. */
  skill: Skill;
}

/** One row of Table 5: a degradation type or a category subtotal. */
export interface Table5Row {
  /** Name as printed. */
  namePaper: string;
  /** Category as printed (empty on subtotal rows). */
  categoryPaper: string;
  /** Count over L1 and L2 items. */
  count: number;
  /** Ratio in parent, percent (null on subtotal rows). */
  ratioInParentPct: number | null;
  /** Ratio in total, percent. */
  ratioInTotalPct: number;
  /** Modality as printed ("All", "CT", "MRI", "Pathology"). */
  modality: string;
  /** FORMAT.md degradation id (null on subtotal rows). */
  degradation: Degradation | null;
  /** Whether this is a category subtotal row. */
  isSubtotal: boolean;
}

/** One row of Table 1 (dataset statistics), verbatim. */
export interface Table1Row {
  /** Attribute as printed. */
  attribute: string;
  /** Value as printed (numbers without separators). */
  value: string;
}

/** One of the 40 models of Table 6. */
export interface PaperModel {
  /** Model id (Table 6 spelling). */
  model: string;
  /** Model group. */
  group: PaperGroup;
  /** Parameter count in billions, null when the paper gives none. */
  paramsB: number | null;
  /** Other spellings used in tables and figures (Table 6 spelling first). */
  otherNames: string[];
}

const T6: ColumnSpec[] = [
  ["model", "model", "nonempty"],
  ["group", "group", GROUPS],
  ["L0", "L0", "number"],
  ["L1", "L1", "number"],
  ["L2", "L2", "number"],
  ["L1_minus_L0", "L1MinusL0", "number"],
  ["L2_minus_L0", "L2MinusL0", "number"],
];

/**
 * Load Table 6: accuracy per model at L0, L1, L2 (percent, 2 decimals).
 *
 * @param dir Directory of the paper CSVs (default: bundled data/paper/).
 * @returns 40 rows in the printed order.
 *
 * @example Usage
 * ```ts
 * import { loadPaperTable6 } from "./tables.ts";
 * const rows = loadPaperTable6();
 * console.assert(rows.length === 40 && rows[0]!.model === "Gemini-2.5-Pro");
 * ```
 */
export function loadPaperTable6(dir?: string | URL): Table6Row[] {
  return readPaperFile("table6_overall.csv", T6, dir) as unknown as Table6Row[];
}

function sliceSpec(header: string, slices: readonly string[]): ColumnSpec[] {
  return [
    ["model", "model", "nonempty"],
    ["group", "group", GROUPS_ALL],
    [header, "slice", ["Avg", ...slices]],
    ["acc_l12", "accL12", "number?"],
    ["drop_l12", "dropL12", "number?"],
    ["drop_marker", "dropMarker", MARKERS],
  ];
}

/**
 * Load Table 2: accuracy over L1&L2 and drop per mid-level task.
 *
 * @param dir Directory of the paper CSVs (default: bundled data/paper/).
 * @returns 287 cells (40 models x 7 columns + the average row).
 *
 * @example Usage
 * ```ts
 * import { loadPaperTable2 } from "./tables.ts";
 * const cu = loadPaperTable2().find((r) => r.model === "GPT-5" && r.slice === "CU");
 * console.assert(cu?.accL12 === 67.2);
 * ```
 */
export function loadPaperTable2(dir?: string | URL): SliceRow<Task>[] {
  return readPaperFile(
    "table2_capability.csv",
    sliceSpec("task", TASKS),
    dir,
  ) as unknown as SliceRow<Task>[];
}

/**
 * Load Table 3: accuracy over L1&L2 and drop per degradation category.
 *
 * @param dir Directory of the paper CSVs (default: bundled data/paper/).
 * @returns 246 cells (40 models x 6 columns + the average row).
 *
 * @example Usage
 * ```ts
 * import { loadPaperTable3 } from "./tables.ts";
 * const rows = loadPaperTable3();
 * console.assert(rows.some((r) => r.slice === "Motio"));
 * ```
 */
export function loadPaperTable3(dir?: string | URL): SliceRow<Category>[] {
  return readPaperFile(
    "table3_category.csv",
    sliceSpec("category", CATEGORIES),
    dir,
  ) as unknown as SliceRow<Category>[];
}

/**
 * Load Table 4: the 30 fine-grained skills with their printed counts.
 *
 * @param dir Directory of the paper CSVs (default: bundled data/paper/).
 * @returns 30 rows.
 *
 * @example Usage
 * ```ts
 * import { loadPaperTable4 } from "./tables.ts";
 * console.assert(loadPaperTable4().length === 30);
 * ```
 */
export function loadPaperTable4(dir?: string | URL): Table4Row[] {
  return readPaperFile("table4_skills.csv", [
    ["skill_paper", "skillPaper", "nonempty"],
    ["task", "taskName", "nonempty"],
    ["count", "count", "integer"],
    ["ratio_in_parent_pct", "ratioInParentPct", "number"],
    ["ratio_in_total_pct", "ratioInTotalPct", "number"],
    ["skill", "skill", SKILLS],
  ], dir) as unknown as Table4Row[];
}

/**
 * Load Table 5: the 18 degradation types and 5 category subtotals.
 *
 * @param dir Directory of the paper CSVs (default: bundled data/paper/).
 * @returns 23 rows in printed order.
 *
 * @example Usage
 * ```ts
 * import { loadPaperTable5 } from "./tables.ts";
 * const rows = loadPaperTable5().filter((r) => !r.isSubtotal);
 * console.assert(rows.reduce((s, r) => s + r.count, 0) === 20588);
 * ```
 */
export function loadPaperTable5(dir?: string | URL): Table5Row[] {
  const rows = readPaperFile("table5_degradations.csv", [
    ["name_paper", "namePaper", "nonempty"],
    ["category_paper", "categoryPaper", "string"],
    ["count", "count", "integer"],
    ["ratio_in_parent_pct", "ratioInParentPct", "number?"],
    ["ratio_in_total_pct", "ratioInTotalPct", "number"],
    ["modality", "modality", ["All", "CT", "MRI", "Pathology"]],
    ["degradation_id", "degradation", ["", ...DEGRADATION_IDS]],
    ["is_subtotal", "isSubtotal", "boolean"],
  ], dir);
  for (const r of rows) if (r.degradation === "") r.degradation = null;
  return rows as unknown as Table5Row[];
}

/**
 * Load Table 1 verbatim (attribute, value).
 *
 * @param dir Directory of the paper CSVs (default: bundled data/paper/).
 * @returns 7 rows.
 *
 * @example Usage
 * ```ts
 * import { loadPaperTable1 } from "./tables.ts";
 * console.assert(loadPaperTable1()[0]!.value === "24894");
 * ```
 */
export function loadPaperTable1(dir?: string | URL): Table1Row[] {
  return readPaperFile("table1_statistics.csv", [
    ["attribute", "attribute", "nonempty"],
    ["value", "value", "nonempty"],
  ], dir) as unknown as Table1Row[];
}

/**
 * Load the 40 models of Table 6 with group, size and other spellings.
 *
 * @param dir Directory of the paper CSVs (default: bundled data/paper/).
 * @returns 40 models in Table 6 order.
 *
 * @example Usage
 * ```ts
 * import { loadPaperModels } from "./tables.ts";
 * const m = loadPaperModels().find((m) => m.model === "Lingshu(7B)");
 * console.assert(m?.paramsB === 7 && m.group === "medical");
 * ```
 */
export function loadPaperModels(dir?: string | URL): PaperModel[] {
  return readPaperFile("models.csv", [
    ["model", "model", "nonempty"],
    ["group", "group", GROUPS],
    ["params_b", "paramsB", "number?"],
    ["names_in_other_places", "otherNames", "string"],
  ], dir).map((r) => ({
    ...r,
    otherNames: (r.otherNames as string).split("|").filter((s) => s !== ""),
  })) as unknown as PaperModel[];
}

/** A Table 2 drop printed "—-" in the PDF, as the table picture shows it. */
export interface PictureDrop {
  /** Model id. */
  model: string;
  /** Task abbreviation. */
  task: Task;
  /** Drop in the picture version of Table 2 (points). */
  dropPicture: number;
}

/**
 * Load the 47 Table 2 drops the PDF prints as "—-", read from the table
 * picture (figures/table2_capability.jpg, a different version of the
 * table). Plausible values, not published targets.
 *
 * @param dir Directory of the paper CSVs (default: bundled data/paper/).
 * @returns 47 rows.
 *
 * @example Usage
 * ```ts
 * import { loadPaperTable2PictureDrops } from "./tables.ts";
 * console.assert(loadPaperTable2PictureDrops().length === 47);
 * ```
 */
export function loadPaperTable2PictureDrops(dir?: string | URL): PictureDrop[] {
  return readPaperFile("table2_picture_dash_drops.csv", [
    ["model", "model", "nonempty"],
    ["task", "task", TASKS],
    ["drop_picture", "dropPicture", "number"],
  ], dir) as unknown as PictureDrop[];
}
