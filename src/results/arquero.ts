/**
 * The loaded results as arquero tables with decoded string columns, for
 * notebooks and ad-hoc analysis (`groupby`, `rollup`, `toMarkdown`, ...).
 *
 * @module
 */

import { type ColumnTable, table } from "arquero";
import {
  CATEGORIES,
  DEGRADATIONS,
  MODALITIES,
  SKILLS,
  TASKS,
} from "../taxonomy/mod.ts";
import { NO_DEGRADATION, type Results, UNPARSED } from "./results.ts";
import { LETTERS } from "./write_results.ts";

function decode<T>(
  codes: ArrayLike<number>,
  names: readonly T[],
  none: T,
): T[] {
  return Array.from(codes, (c) => c === NO_DEGRADATION ? none : names[c]);
}

/**
 * One row per item: `item_id`, `question_id`, `source`, `modality`,
 * `skill`, `task`, `degradation` and `category` (`"none"` for clean items),
 * `severity`, `n_options`, `answer` (a letter), then the extra columns.
 *
 * @example Usage
 * ```ts
 * import { itemsTable } from "./arquero.ts";
 * import { loadResults } from "./load_results.ts";
 * const t = itemsTable(await loadResults("data/sample"));
 * console.assert(t.get("modality", 0) === "CT");
 * ```
 */
export function itemsTable(results: Pick<Results, "items">): ColumnTable {
  const it = results.items;
  return table({
    item_id: it.itemId,
    question_id: it.questionId,
    source: it.source,
    modality: decode(it.modality, MODALITIES, "none"),
    skill: decode(it.skill, SKILLS, "none"),
    task: decode(it.task, TASKS, "none"),
    degradation: decode(it.degradation, DEGRADATIONS, "none"),
    category: decode(it.category, CATEGORIES, "none"),
    severity: Array.from(it.severity),
    n_options: Array.from(it.nOptions),
    answer: Array.from(it.answer, (a) => LETTERS[a]),
    ...it.extra,
  });
}

/**
 * One row per prediction: `model`, `item_id`, `trial`, `choice` (a letter,
 * or `null` when unparsed), `correct` (unparsed counts as wrong), then the
 * extra columns (e.g. `response`). Join with {@linkcode itemsTable} on
 * `item_id` for item attributes.
 *
 * @example Usage
 * ```ts
 * import { predictionsTable } from "./arquero.ts";
 * import { loadResults } from "./load_results.ts";
 * const t = predictionsTable(await loadResults("data/sample"));
 * console.assert(t.numRows() === 180);
 * ```
 */
export function predictionsTable(
  results: Pick<Results, "items" | "predictions" | "models">,
): ColumnTable {
  const { items, predictions: p, models } = results;
  const ids = models.map((m) => m.model);
  return table({
    model: Array.from(p.model, (m) => ids[m]),
    item_id: Array.from(p.item, (i) => items.itemId[i]),
    trial: Array.from(p.trial),
    choice: Array.from(p.choice, (c) => c === UNPARSED ? null : LETTERS[c]),
    correct: Array.from(p.choice, (c, r) => c === items.answer[p.item[r]]),
    ...p.extra,
  });
}
