/**
 * Write a results directory (items, predictions, models) in the FORMAT.md
 * layout, so that `loadResults` reads it back unchanged.
 *
 * @module
 */

import { DEGRADATIONS, MODALITIES, SKILLS } from "../taxonomy/mod.ts";
import { join } from "node:path";
import { NO_DEGRADATION, type Results, UNPARSED } from "./results.ts";
import {
  type Cell,
  type Column,
  type TableFormat,
  writeTable,
} from "./write_table.ts";

/** The parts of {@linkcode Results} that are written out. */
export type ResultsData = Pick<Results, "items" | "predictions" | "models">;

/** Options of {@linkcode writeResults}. */
export interface WriteResultsOptions {
  /** File format (default `"csv"`). */
  format?: TableFormat;
  /** Gzip every file (`.gz` suffix; default `false`). */
  gzip?: boolean;
}

/**
 * The letters A..Z; a letter's index is its answer or choice code.
 *
 * @example Usage
 * ```ts
 * import { LETTERS } from "./write_results.ts";
 * console.assert(LETTERS[2] === "C");
 * ```
 */
export const LETTERS: string = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function extraColumns(
  extra: Record<string, readonly string[]>,
  taken: readonly string[],
): [string, readonly string[]][] {
  return Object.entries(extra).filter(([name]) => !taken.includes(name));
}

function optionsCell(text: string): Cell {
  if (text === "") return null;
  try {
    const v = JSON.parse(text);
    if (Array.isArray(v) && v.every((s) => typeof s === "string")) return v;
  } catch { /* kept verbatim below */ }
  return text;
}

/**
 * Write `items`, `predictions` and `models` files into `dir` (created if
 * needed). Codes are decoded back to FORMAT.md strings; an unparsed choice is
 * written as an empty `choice` (keep any `response` text unparseable if it
 * must stay unparsed on reading: a non-empty response is re-extracted).
 *
 * @param dir The target directory.
 * @param data Loaded or built results.
 * @param options Format and compression.
 *
 * @example Round trip
 * ```ts
 * import { writeResults } from "./write_results.ts";
 * import { resultsFromRows } from "./load_results.ts";
 * const results = resultsFromRows({
 *   models: [{ model: "m", display_name: "M", group: "medical" }],
 *   items: [{ item_id: "i1", question_id: "q1", source: "s", modality: "CT",
 *     skill: "Counting", degradation: "none", severity: 0, n_options: 4, answer: "B" }],
 *   predictions: [{ model: "m", item_id: "i1", trial: 1, choice: "B" }],
 * });
 * const dir = await Deno.makeTempDir();
 * await writeResults(dir, results, { format: "tsv" });
 * console.assert(Deno.readTextFileSync(`${dir}/models.tsv`).startsWith("model\t"));
 * ```
 */
export async function writeResults(
  dir: string,
  data: ResultsData,
  options: WriteResultsOptions = {},
): Promise<void> {
  const format = options.format ?? "csv";
  const ext = `.${format}${options.gzip ? ".gz" : ""}`;
  await Deno.mkdir(dir, { recursive: true });
  const { items, predictions, models } = data;

  const itemNames = [
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
  const itemExtra = extraColumns(items.extra, itemNames);
  const itemCols: Column[] = [
    items.itemId,
    items.questionId,
    items.source,
    Array.from(items.modality, (c) => MODALITIES[c]),
    Array.from(items.skill, (c) => SKILLS[c]),
    Array.from(
      items.degradation,
      (c) => c === NO_DEGRADATION ? "none" : DEGRADATIONS[c],
    ),
    items.severity,
    items.nOptions,
    Array.from(items.answer, (c) => LETTERS[c]),
    ...itemExtra.map(([name, col]) =>
      format === "jsonl" && name === "options" ? col.map(optionsCell) : col
    ),
  ];
  await writeTable(
    join(dir, `items${ext}`),
    [...itemNames, ...itemExtra.map(([n]) => n)],
    { length: items.n, columns: itemCols },
  );

  const predNames = ["model", "item_id", "trial", "choice"];
  const predExtra = extraColumns(predictions.extra, predNames);
  const modelIds = models.map((m) => m.model);
  await writeTable(
    join(dir, `predictions${ext}`),
    [...predNames, ...predExtra.map(([n]) => n)],
    {
      length: predictions.n,
      columns: [
        (r) => modelIds[predictions.model[r]],
        (r) => items.itemId[predictions.item[r]],
        predictions.trial,
        (r) => {
          const c = predictions.choice[r];
          return c === UNPARSED ? "" : LETTERS[c];
        },
        ...predExtra.map(([, col]) => col),
      ],
    },
  );

  const modelExtra = extraColumns(
    Object.fromEntries(
      [...new Set(models.flatMap((m) => Object.keys(m.extra)))].map((k) => [
        k,
        models.map((m) => m.extra[k] ?? ""),
      ]),
    ),
    ["model", "display_name", "group", "params_b"],
  );
  await writeTable(
    join(dir, `models${ext}`),
    [
      "model",
      "display_name",
      "group",
      "params_b",
      ...modelExtra.map(([n]) => n),
    ],
    models.map((m, i) => [
      m.model,
      m.displayName,
      m.group,
      m.paramsB,
      ...modelExtra.map(([, col]) => col[i]),
    ]),
  );
}
