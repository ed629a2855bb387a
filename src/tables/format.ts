/**
 * How table cells are written: full precision, no rounding, booleans as
 * `true`/`false`, and an empty cell for "not defined" (null, undefined, NaN).
 *
 * @module
 */

/** A table cell value. */
export type TableCell = string | number | boolean | null;

/** The `model` label of the row that averages the model rows (unweighted mean over models). */
export const AVERAGE_ROW: string = "Average (All Models)";

/** A table row: column name -> cell. */
export type TableRow = Record<string, TableCell>;

/**
 * Format one cell for CSV: numbers at full precision (JavaScript's shortest
 * round-trip form), booleans as `true`/`false`, null/NaN as an empty string.
 *
 * @param value The cell.
 * @returns Its text.
 *
 * @example Usage
 * ```ts
 * import { formatCell } from "./format.ts";
 * console.assert(formatCell(1 / 3) === "0.3333333333333333");
 * console.assert(formatCell(null) === "");
 * console.assert(formatCell(Number.NaN) === "");
 * console.assert(formatCell(true) === "true");
 * ```
 */
export function formatCell(value: TableCell | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    return Number.isFinite(value) ? String(value) : "";
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  return value;
}

/**
 * Format one cell for reading (Markdown, HTML): integers as they are, other
 * numbers with `digits` decimals when |v| >= 1, otherwise 4 significant
 * digits; others as
 * {@linkcode formatCell}.
 *
 * @param value The cell.
 * @param digits Decimals for numbers >= 1 in magnitude (default 2).
 * @returns Its text.
 *
 * @example Usage
 * ```ts
 * import { formatReadable } from "./format.ts";
 * console.assert(formatReadable(71.3912) === "71.39");
 * console.assert(formatReadable(0.0123456) === "0.01235");
 * console.assert(formatReadable(200) === "200");
 * ```
 */
export function formatReadable(
  value: TableCell | undefined,
  digits = 2,
): string {
  if (typeof value !== "number") return formatCell(value);
  if (!Number.isFinite(value)) return "";
  if (Number.isInteger(value)) return String(value);
  if (Math.abs(value) >= 1) return value.toFixed(digits);
  return String(Number(value.toPrecision(4)));
}
