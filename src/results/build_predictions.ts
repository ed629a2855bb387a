/**
 * Check a predictions table and turn it into {@linkcode PredictionColumns}.
 *
 * This is a hand-written checker, not zod: a zod call per row is too slow for
 * the ~5 million rows of the full benchmark. It implements exactly the
 * FORMAT.md predictions rules: `model` in models, `item_id` in items, `trial`
 * a positive integer (`01` = 1), (model, item_id, trial) unique, `choice`
 * empty or one upper-case letter within the item's `n_options`, and the
 * letter extracted from `response` by `parseChoice` when `choice` is empty or
 * absent. Cells are read from the file's bytes without building strings.
 *
 * @module
 */

import type { RecordCursor } from "./_cursor.ts";
import { KeyTable } from "./_key_table.ts";
import { parseChoice } from "./parse_choice.ts";
import type { ProblemList } from "./problems.ts";
import {
  type ItemColumns,
  type ModelInfo,
  type PredictionColumns,
  UNPARSED,
} from "./results.ts";

const REQUIRED = ["model", "item_id", "trial"];
const MAX_TRIAL = 65535;
const MAX_DENSE_PAIRS = 64_000_000;

/** Growable typed columns. */
class Columns {
  size = 0;
  model: Uint16Array;
  item: Int32Array;
  trial: Uint16Array;
  choice: Int8Array;
  constructor(capacity: number) {
    this.model = new Uint16Array(capacity);
    this.item = new Int32Array(capacity);
    this.trial = new Uint16Array(capacity);
    this.choice = new Int8Array(capacity);
  }
  grow(): void {
    const cap = Math.max(1024, this.model.length * 2);
    const m = new Uint16Array(cap), i = new Int32Array(cap);
    const t = new Uint16Array(cap), c = new Int8Array(cap);
    m.set(this.model);
    i.set(this.item);
    t.set(this.trial);
    c.set(this.choice);
    this.model = m;
    this.item = i;
    this.trial = t;
    this.choice = c;
  }
}

/** Which (model, item, trial) triples were seen: a bit per trial up to 31. */
class SeenTriples {
  private _dense: Uint32Array | null;
  private _sparse = new Map<number, number>();
  private _big = new Set<number>();
  constructor(pairs: number) {
    this._dense = pairs <= MAX_DENSE_PAIRS ? new Uint32Array(pairs) : null;
  }
  /** Mark a triple; `false` if it was already there. */
  add(pair: number, trial: number): boolean {
    if (trial > 31) {
      const key = pair * 65536 + trial;
      if (this._big.has(key)) return false;
      this._big.add(key);
      this._mark(pair, 0);
      return true;
    }
    return this._mark(pair, 1 << (trial - 1));
  }
  private _mark(pair: number, bit: number): boolean {
    const flags = bit | (1 << 31);
    const d = this._dense;
    const old = d ? d[pair] : this._sparse.get(pair) ?? 0;
    if (bit !== 0 && (old & bit) !== 0) return false;
    if (d) d[pair] = old | flags;
    else this._sparse.set(pair, old | flags);
    return true;
  }
}

/** Inputs of {@linkcode buildPredictions}. */
export interface PredictionContext {
  /** The validated items (their ids and `nOptions`). */
  items: ItemColumns;
  /** The models. */
  models: readonly ModelInfo[];
  /** Expected number of rows (sizes the columns; they grow if needed). */
  sizeHint?: number;
  /** Called now and then with the share of the input read (0 to 1). */
  onProgress?: (fraction: number) => void;
}

/**
 * Check every predictions record of a cursor and build the columns. Problems
 * go to `problems`; rows with a problem are not added (the load then fails).
 *
 * @example Usage
 * ```ts
 * import { buildPredictions } from "./build_predictions.ts";
 * import { ObjectCursor } from "./_cursor.ts";
 * import { ProblemList } from "./problems.ts";
 * import { resultsFromRows } from "./load_results.ts";
 * const base = resultsFromRows({
 *   models: [{ model: "m", display_name: "M", group: "medical" }],
 *   items: [{ item_id: "i", question_id: "q", source: "s", modality: "CT",
 *     skill: "Counting", degradation: "none", severity: 0, n_options: 4, answer: "A" }],
 *   predictions: [],
 * });
 * const problems = new ProblemList();
 * const cursor = new ObjectCursor("p", [
 *   { model: "m", item_id: "i", trial: 1, choice: "", response: "The answer is B" },
 * ], [1], problems);
 * const p = buildPredictions(cursor, base, problems);
 * console.assert(problems.total === 0 && p.choice[0] === 1);
 * ```
 */
export function buildPredictions(
  cursor: RecordCursor,
  context: PredictionContext,
  problems: ProblemList,
): PredictionColumns {
  const { items, models } = context;
  const file = cursor.file;
  const col = (name: string) => cursor.columns.indexOf(name);
  const [cModel, cItem, cTrial] = REQUIRED.map(col);
  const cChoice = col("choice"), cResponse = col("response");
  let ok = true;
  for (const [i, name] of REQUIRED.entries()) {
    if ([cModel, cItem, cTrial][i] < 0) {
      ok = false;
      problems.add(
        "missing_column",
        file,
        0,
        name,
        cursor.columns.join(","),
        `a column named "${name}"`,
      );
    }
  }
  if (cChoice < 0 && cResponse < 0) {
    ok = false;
    problems.add(
      "missing_column",
      file,
      0,
      "choice",
      cursor.columns.join(","),
      'a column named "choice" (or "response" to extract it from)',
    );
  }
  const extraCols = cursor.columns
    .map((name, c) => [name, c] as const)
    .filter(([name]) =>
      !["model", "item_id", "trial", "choice"].includes(name)
    );
  const extraValues = extraCols.map(() => [] as string[]);
  const out = new Columns(Math.max(16, context.sizeHint ?? 1024));
  if (!ok) return finish(out, extraCols, extraValues);

  const modelKeys = new KeyTable(models.map((m) => m.model));
  const itemKeys = new KeyTable(items.itemId);
  const nItems = items.n;
  const nOptions = items.nOptions;
  const seen = new SeenTriples(models.length * nItems);

  const onProgress = context.onProgress;
  let tick = 0;
  while (cursor.next()) {
    if (onProgress && (++tick & 0xffff) === 0) onProgress(cursor.fraction);
    let bad = false;
    const m = cursor.lookup(cModel, modelKeys);
    if (m < 0) {
      bad = true;
      problems.add(
        "unknown_model",
        file,
        cursor.line,
        "model",
        cursor.text(cModel),
        "a model listed in models",
      );
    }
    const it = cursor.lookup(cItem, itemKeys);
    if (it < 0) {
      bad = true;
      problems.add(
        "unknown_item",
        file,
        cursor.line,
        "item_id",
        cursor.text(cItem),
        "an item_id listed in items",
      );
    }
    const trial = cursor.uint(cTrial);
    if (trial < 1 || trial > MAX_TRIAL) {
      bad = true;
      problems.add(
        "bad_trial",
        file,
        cursor.line,
        "trial",
        cursor.text(cTrial),
        `a positive integer trial number (1-based, at most ${MAX_TRIAL})`,
      );
    }
    const k = it >= 0 ? nOptions[it] : 26;
    let choice = UNPARSED;
    const letter = cChoice >= 0 ? cursor.letter(cChoice) : -1;
    if (letter >= 65 && letter - 65 < k) {
      choice = letter - 65;
    } else if (letter !== -1) {
      bad = true;
      problems.add(
        "bad_choice",
        file,
        cursor.line,
        "choice",
        cursor.text(cChoice),
        `empty or one upper-case letter from A to ${
          String.fromCharCode(64 + k)
        }`,
      );
    } else if (cResponse >= 0 && !cursor.isEmpty(cResponse)) {
      const parsed = parseChoice(cursor.text(cResponse), k);
      if (parsed !== null) choice = parsed.charCodeAt(0) - 65;
    }
    if (bad) continue;
    if (!seen.add(m * nItems + it, trial)) {
      problems.add(
        "duplicate",
        file,
        cursor.line,
        "trial",
        `${cursor.text(cModel)}, ${cursor.text(cItem)}, ${trial}`,
        "a unique (model, item_id, trial)",
      );
      continue;
    }
    if (out.size === out.model.length) out.grow();
    const r = out.size++;
    out.model[r] = m;
    out.item[r] = it;
    out.trial[r] = trial;
    out.choice[r] = choice;
    for (let e = 0; e < extraCols.length; e++) {
      extraValues[e].push(cursor.text(extraCols[e][1]));
    }
  }
  onProgress?.(1);
  return finish(out, extraCols, extraValues);
}

function finish(
  out: Columns,
  extraCols: readonly (readonly [string, number])[],
  extraValues: string[][],
): PredictionColumns {
  const n = out.size;
  const extra: Record<string, string[]> = {};
  extraCols.forEach(([name], e) => extra[name] = extraValues[e]);
  return {
    n,
    model: out.model.slice(0, n),
    item: out.item.slice(0, n),
    trial: out.trial.slice(0, n),
    choice: out.choice.slice(0, n),
    extra,
  };
}

/**
 * One warning per model that lacks predictions for some items (METRICS.md
 * "Missing answers": those items leave that model's item set).
 *
 * @example Usage
 * ```ts
 * import { missingAnswerWarnings } from "./build_predictions.ts";
 * import { resultsFromRows } from "./load_results.ts";
 * const r = resultsFromRows({
 *   models: [{ model: "m", display_name: "M", group: "medical" }],
 *   items: [{ item_id: "i", question_id: "q", source: "s", modality: "CT",
 *     skill: "Counting", degradation: "none", severity: 0, n_options: 4, answer: "A" }],
 *   predictions: [],
 * });
 * console.assert(missingAnswerWarnings(r)[0].includes("1 of 1 items"));
 * ```
 */
export function missingAnswerWarnings(
  results: {
    items: ItemColumns;
    predictions: PredictionColumns;
    models: readonly ModelInfo[];
  },
): string[] {
  const nItems = results.items.n;
  const answered = new Uint8Array(results.models.length * nItems);
  const { model, item, n } = results.predictions;
  for (let r = 0; r < n; r++) answered[model[r] * nItems + item[r]] = 1;
  const warnings: string[] = [];
  results.models.forEach((m, mi) => {
    let missing = 0;
    for (let i = 0; i < nItems; i++) missing += 1 - answered[mi * nItems + i];
    if (missing > 0) {
      warnings.push(
        `Model "${m.model}" has no prediction for ${missing} of ${nItems} items; they leave its item set (METRICS.md "Missing answers")`,
      );
    }
  });
  return warnings;
}
