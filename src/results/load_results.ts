/**
 * Load a FORMAT.md results directory (or single tables, or in-memory rows)
 * into the validated, columnar {@linkcode Results}.
 *
 * @module
 */

import { ObjectCursor, type RecordCursor } from "./_cursor.ts";
import { buildItems } from "./build_items.ts";
import { buildModels } from "./build_models.ts";
import {
  buildPredictions,
  missingAnswerWarnings,
} from "./build_predictions.ts";
import { DEFAULT_MAX_PROBLEMS, ProblemList } from "./problems.ts";
import { questionWarnings } from "./question_warnings.ts";
import { findTable, openCursor, tableFromCursor } from "./read_table.ts";
import { ITEM_COLUMNS, MODEL_COLUMNS } from "./rows.ts";
import type {
  ItemColumns,
  ModelInfo,
  PredictionColumns,
  Results,
} from "./results.ts";

/** Options of the loaders. */
export interface LoadOptions {
  /** Problems listed in detail before "and N more" (default 20). */
  maxProblems?: number;
  /**
   * Called now and then while the predictions table is checked, with the
   * share read so far (0 to 1); e.g. to drive a progress bar.
   */
  onProgress?: (fraction: number) => void;
}

/** A row given in memory: cells by FORMAT.md column name. */
export type RowObject = Record<
  string,
  string | number | null | undefined | readonly string[]
>;

/** In-memory rows for {@linkcode resultsFromRows}. */
export interface ResultRows {
  /** items.csv rows. */
  items: readonly RowObject[];
  /** predictions.csv rows. */
  predictions: readonly RowObject[];
  /** models.csv rows. */
  models: readonly RowObject[];
}

/** Columns a JSONL or in-memory predictions table always has (empty if absent). */
const PREDICTION_COLUMNS = ["model", "item_id", "trial", "choice"];

function problemList(options: LoadOptions): ProblemList {
  return new ProblemList(options.maxProblems ?? DEFAULT_MAX_PROBLEMS);
}

async function itemsFrom(path: string, problems: ProblemList) {
  const cursor = await openCursor(path, problems, ITEM_COLUMNS);
  return cursor ? buildItems(tableFromCursor(cursor), problems) : null;
}

async function modelsFrom(path: string, problems: ProblemList) {
  const cursor = await openCursor(path, problems, MODEL_COLUMNS);
  return cursor ? buildModels(tableFromCursor(cursor), problems) : null;
}

/**
 * Load and validate one items table (`.csv`, `.tsv`, `.jsonl`, optionally
 * `.gz`). Throws a `ResultsError` listing every problem.
 *
 * @example Usage
 * ```ts
 * import { loadItems } from "./load_results.ts";
 * const items = await loadItems("data/sample/items.csv");
 * console.assert(items.n > 0);
 * ```
 */
export async function loadItems(
  path: string,
  options: LoadOptions = {},
): Promise<ItemColumns> {
  const problems = problemList(options);
  const items = await itemsFrom(path, problems);
  problems.throwIfAny();
  return items!;
}

/**
 * Load and validate one models table. Throws a `ResultsError` listing every
 * problem.
 *
 * @example Usage
 * ```ts
 * import { loadModels } from "./load_results.ts";
 * const models = await loadModels("data/sample/models.csv");
 * console.assert(models.length > 0);
 * ```
 */
export async function loadModels(
  path: string,
  options: LoadOptions = {},
): Promise<ModelInfo[]> {
  const problems = problemList(options);
  const models = await modelsFrom(path, problems);
  problems.throwIfAny();
  return models!;
}

async function predictionsFrom(
  path: string,
  items: ItemColumns,
  models: readonly ModelInfo[],
  problems: ProblemList,
  onProgress?: (fraction: number) => void,
): Promise<PredictionColumns | null> {
  const cursor: RecordCursor | null = await openCursor(
    path,
    problems,
    PREDICTION_COLUMNS,
  );
  if (!cursor) return null;
  let sizeHint = 1024;
  try {
    const info = await Deno.stat(path);
    sizeHint = Math.ceil(info.size / (path.endsWith(".gz") ? 6 : 24));
  } catch { /* the hint only sizes buffers */ }
  return buildPredictions(
    cursor,
    { items, models, sizeHint, onProgress },
    problems,
  );
}

/**
 * Load and check one predictions table against items and models. Throws a
 * `ResultsError` listing every problem.
 *
 * @example Usage
 * ```ts
 * import { loadItems, loadModels, loadPredictions } from "./load_results.ts";
 * const items = await loadItems("data/sample/items.csv");
 * const models = await loadModels("data/sample/models.csv");
 * const p = await loadPredictions("data/sample/predictions.csv", { items, models });
 * console.assert(p.n > 0);
 * ```
 */
export async function loadPredictions(
  path: string,
  context: { items: ItemColumns; models: readonly ModelInfo[] },
  options: LoadOptions = {},
): Promise<PredictionColumns> {
  const problems = problemList(options);
  const p = await predictionsFrom(
    path,
    context.items,
    context.models,
    problems,
    options.onProgress,
  );
  problems.throwIfAny();
  return p!;
}

/**
 * Load a results directory holding exactly one `items`, `predictions` and
 * `models` table each (`.csv`, `.tsv` or `.jsonl`, optionally `.gz`),
 * validating every FORMAT.md rule. Either every row is accounted for or a
 * `ResultsError` lists the problems (file, line, column, value, expected).
 * Models lacking answers for some items get a warning each.
 *
 * @param dir The directory.
 * @param options The problem cap.
 * @returns The columnar results.
 *
 * @example Usage
 * ```ts
 * import { loadResults } from "./load_results.ts";
 * const results = await loadResults("data/sample");
 * console.assert(results.models.length === 3);
 * console.assert(results.warnings.length === 1);
 * ```
 */
export async function loadResults(
  dir: string,
  options: LoadOptions = {},
): Promise<Results> {
  const problems = problemList(options);
  const itemsPath = await findTable(dir, "items", problems);
  // An unreadable directory is one problem, not one per table.
  if (problems.kept.some((p) => p.code === "unreadable")) {
    problems.throwIfAny();
  }
  const paths = {
    items: itemsPath,
    predictions: await findTable(dir, "predictions", problems),
    models: await findTable(dir, "models", problems),
  };
  const items = paths.items ? await itemsFrom(paths.items, problems) : null;
  const models = paths.models ? await modelsFrom(paths.models, problems) : null;
  const predictions = paths.predictions && items && models
    ? await predictionsFrom(
      paths.predictions,
      items,
      models,
      problems,
      options.onProgress,
    )
    : null;
  problems.throwIfAny();
  const results: Results = {
    source: dir,
    models: models!,
    items: items!,
    predictions: predictions!,
    warnings: [],
  };
  results.warnings = [
    ...missingAnswerWarnings(results),
    ...questionWarnings(results.items),
  ];
  return results;
}

/**
 * Build validated {@linkcode Results} from rows held in memory (tests,
 * notebooks, the simulator), with exactly the rules of the file loaders.
 * Values may be strings or numbers; `null` or a missing key is empty.
 * Problems name `<source>/items` etc. and the 1-based row index as the line.
 *
 * @example Usage
 * ```ts
 * import { resultsFromRows } from "./load_results.ts";
 * const r = resultsFromRows({
 *   models: [{ model: "m", display_name: "M", group: "open-source", params_b: 7 }],
 *   items: [{ item_id: "i1", question_id: "q1", source: "s", modality: "MRI",
 *     skill: "Neurovascular", degradation: "ghosting_artifact", severity: 2,
 *     n_options: 5, answer: "E" }],
 *   predictions: [{ model: "m", item_id: "i1", trial: 1, choice: "E" }],
 * });
 * console.assert(r.predictions.choice[0] === 4);
 * ```
 */
export function resultsFromRows(
  rows: ResultRows,
  options: LoadOptions & { source?: string } = {},
): Results {
  const problems = problemList(options);
  const source = options.source ?? "rows";
  const base = {
    items: ITEM_COLUMNS,
    models: MODEL_COLUMNS,
    predictions: PREDICTION_COLUMNS,
  };
  const cursorOf = (name: keyof ResultRows) =>
    new ObjectCursor(
      `${source}/${name}`,
      rows[name],
      rows[name].map((_, i) => i + 1),
      problems,
      base[name],
    );
  const items = buildItems(tableFromCursor(cursorOf("items")), problems);
  const models = buildModels(tableFromCursor(cursorOf("models")), problems);
  const predictions = buildPredictions(
    cursorOf("predictions"),
    { items, models, sizeHint: rows.predictions.length },
    problems,
  );
  problems.throwIfAny();
  const results: Results = { source, models, items, predictions, warnings: [] };
  results.warnings = [
    ...missingAnswerWarnings(results),
    ...questionWarnings(results.items),
  ];
  return results;
}
