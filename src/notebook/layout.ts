/**
 * Reshape long table rows for reading in a notebook: a plain pivot, and the
 * paper's "acc(↓drop)" cells of Tables 2 and 3.
 *
 * @module
 */

/** A long row: column name -> cell. */
export type LongRow = Readonly<Record<string, unknown>>;

/** Options of {@linkcode pivot}. */
export interface PivotOptions {
  /** The column whose values become rows (e.g. "model"). */
  row: string;
  /** The column whose values become columns (e.g. "task"). */
  column: string;
  /** The column holding the cell values. */
  value: string;
  /** Round numbers to this many decimals (default: as they are). */
  digits?: number;
}

function rounded(v: unknown, digits?: number): unknown {
  if (typeof v !== "number" || digits === undefined) return v ?? null;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/**
 * Pivot long rows into one row per `row` value with one column per
 * `column` value, in order of first appearance. A repeated (row, column)
 * pair is an error, not silently overwritten.
 *
 * @param rows The long rows.
 * @param options Which columns to use, rounding.
 * @returns The wide rows.
 * @throws {RangeError} On a repeated (row, column) pair.
 *
 * @example Usage
 * ```ts
 * import { pivot } from "./layout.ts";
 * const wide = pivot([
 *   { model: "m", level: "L0", ece: 0.1234 },
 *   { model: "m", level: "L2", ece: 0.2 },
 * ], { row: "model", column: "level", value: "ece", digits: 2 });
 * console.assert(wide[0].L0 === 0.12 && wide[0].L2 === 0.2);
 * ```
 */
export function pivot(
  rows: readonly LongRow[],
  options: PivotOptions,
): Record<string, unknown>[] {
  const out = new Map<unknown, Record<string, unknown>>();
  rows.forEach((r, i) => {
    const key = r[options.row], col = String(r[options.column]);
    let o = out.get(key);
    if (!o) out.set(key, o = { [options.row]: key });
    if (col in o) {
      throw new RangeError(
        `Cannot pivot row ${i + 1}: ${options.row} ${
          JSON.stringify(key)
        } already has a ${options.column} ${
          JSON.stringify(col)
        } (expected one value per pair)`,
      );
    }
    o[col] = rounded(r[options.value], options.digits);
  });
  return [...out.values()];
}

/**
 * The paper's layout of Tables 2 and 3: one row per model, one cell per
 * slice reading `acc(↓drop)` with one decimal (`↑` for a gain, empty for
 * a missing value), from rows with `acc_l12` and `drop_l12` (drops negative
 * = worse, as the table builders write them).
 *
 * @param rows Capability or category rows.
 * @param key The slice column ("task" or "category").
 * @returns The wide rows.
 *
 * @example Usage
 * ```ts
 * import { paperCells } from "./layout.ts";
 * const t = paperCells([{ model: "m", task: "CU", acc_l12: 67.21, drop_l12: -4.33 }], "task");
 * console.assert(t[0].CU === "67.2(↓4.3)");
 * ```
 */
export function paperCells(
  rows: readonly LongRow[],
  key: string,
): Record<string, unknown>[] {
  const cells = rows.map((r) => {
    const acc = r.acc_l12, drop = r.drop_l12;
    let text = "";
    if (typeof acc === "number") {
      text = acc.toFixed(1);
      if (typeof drop === "number") {
        const d = Math.round(drop * 10) / 10;
        text += `(${d <= 0 ? "↓" : "↑"}${Math.abs(d).toFixed(1)})`;
      }
    }
    return { model: r.model, [key]: r[key], cell: text };
  });
  return pivot(cells, { row: "model", column: key, value: "cell" });
}
