import {
  CAPABILITIES,
  type Capability,
  CATEGORIES,
  type Category,
  type Degradation,
  DEGRADATIONS,
  MODALITIES,
  type Modality,
  type Severity,
  type Skill,
  SKILLS,
  type Task,
  TASK_CAPABILITY,
  TASKS,
} from "../taxonomy/mod.ts";
import {
  type ItemColumns,
  NO_DEGRADATION,
  type Results,
} from "../results/results.ts";

/** One value or a list of accepted values. */
export type OneOrMany<T> = T | readonly T[];

/**
 * A filter on item attributes; every given field must match (AND), a list
 * means any of its values (OR). Omitted fields do not filter.
 */
export interface ItemFilter {
  /** Severity level(s) 0, 1, 2. */
  severity?: OneOrMany<Severity>;
  /** Degradation id(s), or `"none"` for clean items. */
  degradation?: OneOrMany<Degradation | "none">;
  /** Degradation category abbreviation(s) (clean items never match). */
  category?: OneOrMany<Category>;
  /** Fine-grained skill(s). */
  skill?: OneOrMany<Skill>;
  /** Mid-level task abbreviation(s). */
  task?: OneOrMany<Task>;
  /** High-level capability(ies). */
  capability?: OneOrMany<Capability>;
  /** Modality(ies). */
  modality?: OneOrMany<Modality>;
  /** Source name(s), compared exactly. */
  source?: OneOrMany<string>;
  /** Any other predicate over the item columns (e.g. an `extra` column). */
  where?: (item: number, items: ItemColumns) => boolean;
}

/** An item subset: explicit item indexes or a filter. */
export type ItemSlice = Int32Array | ItemFilter;

function codes(
  field: string,
  wanted: unknown,
  names: readonly (string | number)[],
  codeOf: (i: number) => number = (i) => i,
): Uint8Array {
  const mask = new Uint8Array(256);
  const list = Array.isArray(wanted) ? wanted : [wanted];
  for (const w of list) {
    const i = names.indexOf(w as string);
    if (i < 0) {
      throw new RangeError(
        `Cannot filter items by ${field} ${
          JSON.stringify(w)
        }: expected one of ${names.map((n) => JSON.stringify(n)).join(", ")}`,
      );
    }
    mask[codeOf(i)] = 1;
  }
  return mask;
}

/**
 * Indexes of the items matching a filter, in item order.
 *
 * @param results Loaded results.
 * @param filter Attributes to match (see {@linkcode ItemFilter}); `{}` selects every item.
 * @returns Item indexes (ascending).
 * @throws {RangeError} If a filter value is not a known name.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { itemsWhere } from "./items_where.ts";
 * import { resultsFromRows } from "../results/load_results.ts";
 * const item = (id: string, severity: number, degradation: string) => ({
 *   item_id: id, question_id: "q1", source: "s", modality: "CT",
 *   skill: "Counting", degradation, severity, n_options: 4, answer: "A",
 * });
 * const results = resultsFromRows({
 *   models: [{ model: "m", display_name: "M", group: "open-source" }],
 *   items: [item("clean", 0, "none"), item("noisy", 2, "gaussian_noise")],
 *   predictions: [
 *     { model: "m", item_id: "clean", trial: 1, choice: "A" },
 *     { model: "m", item_id: "noisy", trial: 1, choice: "B" },
 *   ],
 * });
 * assert.ok(itemsWhere(results, { severity: 2, category: "Noise" })[0] === 1);
 * assert.ok(itemsWhere(results, { modality: "MRI" }).length === 0);
 * ```
 */
export function itemsWhere(results: Results, filter: ItemFilter): Int32Array {
  const it = results.items;
  const tests: ((x: number) => boolean)[] = [];
  const add = (col: Uint8Array, mask: Uint8Array) =>
    tests.push((x) => mask[col[x]] === 1);
  if (filter.severity !== undefined) {
    add(it.severity, codes("severity", filter.severity, [0, 1, 2]));
  }
  if (filter.degradation !== undefined) {
    const names = [...DEGRADATIONS, "none"];
    const mask = codes(
      "degradation",
      filter.degradation,
      names,
      (i) => i === DEGRADATIONS.length ? NO_DEGRADATION : i,
    );
    add(it.degradation, mask);
  }
  if (filter.category !== undefined) {
    add(it.category, codes("category", filter.category, CATEGORIES));
  }
  if (filter.skill !== undefined) {
    add(it.skill, codes("skill", filter.skill, SKILLS));
  }
  if (filter.task !== undefined) {
    add(it.task, codes("task", filter.task, TASKS));
  }
  if (filter.capability !== undefined) {
    const caps = codes("capability", filter.capability, CAPABILITIES);
    const mask = new Uint8Array(256);
    TASKS.forEach((t, i) => {
      mask[i] = caps[CAPABILITIES.indexOf(TASK_CAPABILITY[t])];
    });
    add(it.task, mask);
  }
  if (filter.modality !== undefined) {
    add(it.modality, codes("modality", filter.modality, MODALITIES));
  }
  if (filter.where !== undefined) {
    const where = filter.where;
    tests.push((x) => where(x, it));
  }
  if (filter.source !== undefined) {
    const set = new Set<string>(
      Array.isArray(filter.source) ? filter.source : [filter.source as string],
    );
    tests.push((x) => set.has(it.source[x]));
  }
  const out = new Int32Array(it.n);
  let k = 0;
  outer: for (let x = 0; x < it.n; x++) {
    for (const t of tests) if (!t(x)) continue outer;
    out[k++] = x;
  }
  return out.slice(0, k);
}

/**
 * Resolve a slice to item indexes: a filter goes through
 * {@linkcode itemsWhere}, explicit indexes are returned as they are.
 *
 * @param results Loaded results.
 * @param slice Item indexes or a filter.
 * @returns Item indexes.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { resolveSlice } from "./items_where.ts";
 * import { resultsFromRows } from "../results/load_results.ts";
 * const item = (id: string, severity: number, degradation: string) => ({
 *   item_id: id, question_id: "q1", source: "s", modality: "CT",
 *   skill: "Counting", degradation, severity, n_options: 4, answer: "A",
 * });
 * const results = resultsFromRows({
 *   models: [{ model: "m", display_name: "M", group: "open-source" }],
 *   items: [item("clean", 0, "none"), item("noisy", 2, "gaussian_noise")],
 *   predictions: [
 *     { model: "m", item_id: "clean", trial: 1, choice: "A" },
 *     { model: "m", item_id: "noisy", trial: 1, choice: "B" },
 *   ],
 * });
 * assert.ok(resolveSlice(results, { severity: 0 })[0] === 0);
 * ```
 */
export function resolveSlice(results: Results, slice: ItemSlice): Int32Array {
  return slice instanceof Int32Array ? slice : itemsWhere(results, slice);
}
