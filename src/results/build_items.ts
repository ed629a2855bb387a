/**
 * Validate an items table (zod, row by row) and turn it into the columnar,
 * integer-coded {@linkcode ItemColumns}.
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
  SKILLS,
  taskOf,
  TASKS,
} from "../taxonomy/mod.ts";
import type { ProblemList } from "./problems.ts";
import type { Table } from "./read_table.ts";
import { type ItemColumns, NO_DEGRADATION } from "./results.ts";
import { ITEM_COLUMNS, parseItemRow } from "./rows.ts";

/**
 * Report required columns missing from a table; `true` if all present.
 *
 * @example Usage
 * ```ts
 * import { requireColumns } from "./build_items.ts";
 * import { ProblemList } from "./problems.ts";
 * const problems = new ProblemList();
 * const ok = requireColumns({ file: "m.csv", columns: ["model"] }, ["model", "group"], problems);
 * console.assert(!ok && problems.kept[0].column === "group");
 * ```
 */
export function requireColumns(
  table: Pick<Table, "file" | "columns">,
  required: readonly string[],
  problems: ProblemList,
): boolean {
  let ok = true;
  for (const name of required) {
    if (!table.columns.includes(name)) {
      ok = false;
      problems.add(
        "missing_column",
        table.file,
        0,
        name,
        table.columns.join(","),
        `a column named "${name}"`,
      );
    }
  }
  return ok;
}

/**
 * Build the items columns from a table read as text; every rule violation
 * goes to `problems` (the columns are then incomplete and must not be used).
 *
 * @example Usage
 * ```ts
 * import { buildItems } from "./build_items.ts";
 * import { ProblemList } from "./problems.ts";
 * const problems = new ProblemList();
 * const items = buildItems({
 *   file: "items.csv", columns: ["item_id", "question_id", "source", "modality",
 *     "skill", "degradation", "severity", "n_options", "answer"],
 *   n: 1, lines: Int32Array.of(2),
 *   values: { item_id: ["i1"], question_id: ["q1"], source: ["s"], modality: ["CT"],
 *     skill: ["Counting"], degradation: ["none"], severity: ["0"],
 *     n_options: ["4"], answer: ["C"] },
 * }, problems);
 * console.assert(problems.total === 0 && items.answer[0] === 2);
 * ```
 */
export function buildItems(table: Table, problems: ProblemList): ItemColumns {
  const { file, n, values, lines } = table;
  const present = requireColumns(table, ITEM_COLUMNS, problems);
  const extraNames = table.columns.filter((c) => !ITEM_COLUMNS.includes(c));
  const extra: Record<string, string[]> = {};
  for (const name of extraNames) extra[name] = values[name];
  const items: ItemColumns = {
    n: present ? n : 0,
    itemId: present ? values.item_id : [],
    questionId: present ? values.question_id : [],
    question: new Int32Array(present ? n : 0),
    questionIds: [],
    source: present ? values.source : [],
    modality: new Uint8Array(present ? n : 0),
    skill: new Uint8Array(present ? n : 0),
    task: new Uint8Array(present ? n : 0),
    degradation: new Uint8Array(present ? n : 0),
    category: new Uint8Array(present ? n : 0),
    severity: new Uint8Array(present ? n : 0),
    nOptions: new Uint8Array(present ? n : 0).fill(26),
    answer: new Uint8Array(present ? n : 0),
    extra: present ? extra : {},
  };
  if (!present) return items;

  const firstLine = new Map<string, number>();
  const questionCode = new Map<string, number>();
  const columns = table.columns;
  for (let r = 0; r < n; r++) {
    const cells: Record<string, string> = {};
    for (const c of columns) cells[c] = values[c][r];
    const id = cells.item_id;
    const seen = firstLine.get(id);
    if (seen !== undefined && id !== "") {
      problems.add(
        "duplicate",
        file,
        lines[r],
        "item_id",
        id,
        `a unique item_id (already on line ${seen})`,
      );
    } else firstLine.set(id, lines[r]);

    let q = questionCode.get(cells.question_id);
    if (q === undefined) {
      q = items.questionIds.length;
      questionCode.set(cells.question_id, q);
      items.questionIds.push(cells.question_id);
    }
    items.question[r] = q;

    const checked = parseItemRow(cells);
    if (!checked.ok) {
      for (const issue of checked.issues) {
        problems.add(
          "bad_value",
          file,
          lines[r],
          issue.column,
          cells[issue.column] ?? "",
          issue.expected,
        );
      }
      continue;
    }
    const row = checked.row;
    const skill = row.skill as Skill;
    items.modality[r] = MODALITIES.indexOf(row.modality as Modality);
    items.skill[r] = SKILLS.indexOf(skill);
    items.task[r] = TASKS.indexOf(taskOf(skill));
    if (row.degradation === "none") {
      items.degradation[r] = NO_DEGRADATION;
      items.category[r] = NO_DEGRADATION;
    } else {
      const d = row.degradation as Degradation;
      items.degradation[r] = DEGRADATIONS.indexOf(d);
      items.category[r] = CATEGORIES.indexOf(categoryOf(d));
    }
    items.severity[r] = row.severity;
    items.nOptions[r] = row.n_options;
    items.answer[r] = row.answer.charCodeAt(0) - 65;
  }
  return items;
}
