/**
 * Read a VLMEvalKit-style prediction sheet (one CSV/TSV per model, with
 * `index`, `answer`, `prediction` and option columns `A`, `B`, ...) into
 * FORMAT.md prediction rows. Sheets are matched by columns, never by file
 * name; `.xlsx` sheets must be exported to CSV/TSV first.
 *
 * @module
 */

import { KeyTable } from "./_key_table.ts";
import { parseChoice } from "./parse_choice.ts";
import { DEFAULT_MAX_PROBLEMS, ProblemList } from "./problems.ts";
import { openCursor, tableFromCursor } from "./read_table.ts";
import type { ItemColumns } from "./results.ts";
import { LETTERS } from "./write_results.ts";

/** One prediction row, as FORMAT.md's predictions.csv has it. */
export interface PredictionRow {
  /** Model id. */
  model: string;
  /** Item id. */
  item_id: string;
  /** 1-based trial. */
  trial: number;
  /** Extracted letter, or `""` when unparsed. */
  choice: string;
  /** The raw `prediction` text. */
  response: string;
}

/** Options of {@linkcode loadVlmevalkitSheet}. */
export interface VlmevalkitOptions {
  /** The model id to write in every row. */
  model: string;
  /** Map the sheet's `index` to an `item_id` of `items`. */
  itemIdOf: (index: string) => string;
  /** The items (for `n_options` and the answer cross-check). */
  items: ItemColumns;
  /** Trial number of every row (default 1). */
  trial?: number;
  /** Problems listed in detail before "and N more" (default 20). */
  maxProblems?: number;
}

/**
 * Read a VLMEvalKit prediction sheet into prediction rows: `choice` is
 * extracted from `prediction` with `parseChoice` (K = the item's
 * `n_options`), `response` keeps the text. Throws a `ResultsError` for a
 * missing column, an index that maps to no item, a repeated index, or a
 * sheet `answer` that disagrees with the item's answer (a sign that the
 * sheet belongs to another data set or another item mapping).
 *
 * @param path A `.csv` or `.tsv` sheet, optionally `.gz`.
 * @param options Model id, index mapping and items.
 * @returns One row per sheet row, in sheet order.
 *
 * @example Usage
 * ```ts
 * import { loadVlmevalkitSheet } from "./vlmevalkit.ts";
 * import { loadItems } from "./load_results.ts";
 * const items = await loadItems("data/sample/items.csv");
 * const path = await Deno.makeTempFile({ suffix: ".tsv" });
 * await Deno.writeTextFile(path,
 *   "index\tquestion\tA\tB\tC\tD\tanswer\tprediction\n" +
 *   "0\tWhich finding?\tNormal\tPneumonia\tFracture\tEffusion\tB\tThe answer is B.\n");
 * const rows = await loadVlmevalkitSheet(path, {
 *   model: "my-model", items, itemIdOf: (i) => ["q01_L0"][Number(i)],
 * });
 * console.assert(rows[0].choice === "B" && rows[0].item_id === "q01_L0");
 * ```
 */
export async function loadVlmevalkitSheet(
  path: string,
  options: VlmevalkitOptions,
): Promise<PredictionRow[]> {
  const problems = new ProblemList(options.maxProblems ?? DEFAULT_MAX_PROBLEMS);
  const trial = options.trial ?? 1;
  if (!Number.isInteger(trial) || trial < 1) {
    throw new RangeError(
      `Cannot use trial ${trial}: expected a positive integer`,
    );
  }
  const cursor = await openCursor(path, problems);
  problems.throwIfAny();
  const table = tableFromCursor(cursor!);
  for (const name of ["index", "prediction"]) {
    if (!table.columns.includes(name)) {
      problems.add(
        "missing_column",
        path,
        0,
        name,
        table.columns.join(","),
        `a VLMEvalKit sheet column named "${name}"`,
      );
    }
  }
  problems.throwIfAny();
  const { items } = options;
  const keys = new KeyTable(items.itemId);
  const answers = table.values.answer;
  const firstLine = new Map<string, number>();
  const rows: PredictionRow[] = [];
  for (let r = 0; r < table.n; r++) {
    const line = table.lines[r];
    const index = table.values.index[r];
    const seen = firstLine.get(index);
    if (seen !== undefined) {
      problems.add(
        "duplicate",
        path,
        line,
        "index",
        index,
        `a unique index (already on line ${seen})`,
      );
      continue;
    }
    firstLine.set(index, line);
    let id: string;
    try {
      id = options.itemIdOf(index);
    } catch (e) {
      problems.add(
        "unknown_item",
        path,
        line,
        "index",
        index,
        `an index that itemIdOf maps to an item (it threw: ${
          (e as Error).message
        })`,
      );
      continue;
    }
    const it = keys.findString(id);
    if (it < 0) {
      problems.add(
        "unknown_item",
        path,
        line,
        "index",
        index,
        `an index that maps to an item_id of items (got "${id}")`,
      );
      continue;
    }
    const answer = answers?.[r] ?? "";
    if (answer !== "" && answer !== LETTERS[items.answer[it]]) {
      problems.add(
        "answer_mismatch",
        path,
        line,
        "answer",
        answer,
        `the answer of item "${id}" (${
          LETTERS[items.answer[it]]
        }): is the sheet from another data set or mapping?`,
      );
      continue;
    }
    const response = table.values.prediction[r];
    const choice = parseChoice(response, items.nOptions[it]) ?? "";
    rows.push({ model: options.model, item_id: id, trial, choice, response });
  }
  problems.throwIfAny();
  return rows;
}
