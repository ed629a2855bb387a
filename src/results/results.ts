/**
 * The in-memory shape of a loaded results directory: columnar, integer-coded
 * and indexed, so metrics over millions of prediction rows stay fast.
 *
 * Codes: `modality`, `skill`, `degradation` and `category` hold indexes into
 * the taxonomy arrays (`MODALITIES`, `SKILLS`, `DEGRADATIONS`); a degradation
 * code of `NO_DEGRADATION` (255) means `none`. `answer` and `choice` hold
 * 0-based letter indexes (A = 0); a choice of `UNPARSED` (-1) means the answer
 * could not be parsed.
 *
 * @module
 */

/** Degradation code of a clean (`none`) item. */
export const NO_DEGRADATION = 255 as const;
/** Choice code of an unparsed answer. */
export const UNPARSED: number = -1;

/** One row of models.csv. */
export interface ModelInfo {
  /** Unique id used in predictions. */
  model: string;
  /** Name printed in figures and tables. */
  displayName: string;
  /** `proprietary`, `open-source` or `medical`. */
  group: "proprietary" | "open-source" | "medical";
  /** Parameter count in billions, `null` if unknown. */
  paramsB: number | null;
  /** Extra columns, kept verbatim. */
  extra: Record<string, string>;
}

/** The items table, one entry per item in each column (file order). */
export interface ItemColumns {
  /** Number of items. */
  n: number;
  /** `item_id` per item. */
  itemId: string[];
  /** `question_id` per item. */
  questionId: string[];
  /** Dense 0-based code of `question_id` (first appearance order). */
  question: Int32Array;
  /** Distinct question ids, indexed by `question` code. */
  questionIds: string[];
  /** `source` per item. */
  source: string[];
  /** Index into `MODALITIES`. */
  modality: Uint8Array;
  /** Index into `SKILLS`. */
  skill: Uint8Array;
  /** Index into `TASKS` (derived from skill). */
  task: Uint8Array;
  /** Index into `DEGRADATIONS`, or `NO_DEGRADATION`. */
  degradation: Uint8Array;
  /** Index into `CATEGORIES`, or `NO_DEGRADATION` for clean items. */
  category: Uint8Array;
  /** 0, 1 or 2. */
  severity: Uint8Array;
  /** Number of options K (2..26). */
  nOptions: Uint8Array;
  /** Correct letter as 0-based index. */
  answer: Uint8Array;
  /** Optional and extra columns (`question`, `options`, `image`, ...), verbatim strings; empty string = empty cell. */
  extra: Record<string, string[]>;
}

/** The predictions table, one entry per row in each column (file order). */
export interface PredictionColumns {
  /** Number of prediction rows. */
  n: number;
  /** Index into `Results.models`. */
  model: Uint16Array;
  /** Index into the items table. */
  item: Int32Array;
  /** 1-based trial number. */
  trial: Uint16Array;
  /** 0-based letter index, or `UNPARSED`. */
  choice: Int8Array;
  /** Extra columns (`response`, latency, ...), verbatim strings. */
  extra: Record<string, string[]>;
}

/** A validated, loaded results directory. */
export interface Results {
  /** Where it was loaded from (for messages), or a label. */
  source: string;
  /** The models, in models.csv order. */
  models: ModelInfo[];
  /** The items, columnar. */
  items: ItemColumns;
  /** The predictions, columnar. */
  predictions: PredictionColumns;
  /** Warnings raised while loading (e.g. missing (model, item) pairs per model). */
  warnings: string[];
}

/**
 * An items table of `n` items with every column allocated and zeroed (empty
 * string arrays, zero codes): the starting point for code that builds items
 * row by row (loaders, the simulator, test fixtures).
 *
 * @param n Number of items.
 * @returns The zeroed columns.
 *
 * @example Usage
 * ```ts
 * import { emptyItemColumns } from "./results.ts";
 * const items = emptyItemColumns(3);
 * console.assert(items.n === 3 && items.severity.length === 3 && items.itemId.length === 0);
 * ```
 */
export function emptyItemColumns(n: number): ItemColumns {
  return {
    n,
    itemId: [],
    questionId: [],
    question: new Int32Array(n),
    questionIds: [],
    source: [],
    modality: new Uint8Array(n),
    skill: new Uint8Array(n),
    task: new Uint8Array(n),
    degradation: new Uint8Array(n),
    category: new Uint8Array(n),
    severity: new Uint8Array(n),
    nOptions: new Uint8Array(n),
    answer: new Uint8Array(n),
    extra: {},
  };
}
