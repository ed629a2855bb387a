// Private: check table rows at the figure boundary. Rows may come from the
// table builders (`Record<string, TableCell>`), from a CSV reader or from
// user code; a wrong cell is reported with its 1-based row, column and value
// instead of failing inside Plot.

import { AVERAGE_ROW as AVERAGE_MODEL } from "../tables/format.ts";

/** The label of the tables' "mean over models" row (src/tables). */
export { AVERAGE_MODEL };

/** A column kind: text, number-or-null (NaN counts as null), number, integer >= 0, optional number-or-null. */
export type Kind = "string" | "number?" | "number" | "int" | "optional number?";

/** The columns of a calibration row, as the calibration figures read them. */
export const CALIBRATION_ROW: Readonly<Record<string, Kind>> = {
  model: "string",
  level: "string",
  accuracy: "number?",
  confidence: "number?",
  delta_calib: "number?",
  ece: "optional number?",
};

function describe(v: unknown): string {
  return v === undefined ? "missing" : `${JSON.stringify(v)} (${typeof v})`;
}

/**
 * Validate `rows` against `spec` and return them typed; rows whose model is
 * {@link AVERAGE_MODEL} are dropped unless `keepAverage`.
 */
export function checkRows<T>(
  figure: string,
  rows: unknown,
  spec: Readonly<Record<string, Kind>>,
  keepAverage = false,
): T[] {
  if (!Array.isArray(rows)) {
    throw new TypeError(
      `Cannot draw ${figure}: expected an array of table rows, got ${
        describe(rows)
      }`,
    );
  }
  const out: T[] = [];
  rows.forEach((row: unknown, i: number) => {
    if (row === null || typeof row !== "object") {
      throw new TypeError(
        `Cannot draw ${figure}: row ${i + 1} is ${
          describe(row)
        }; expected an object`,
      );
    }
    const r = row as Record<string, unknown>;
    for (const [column, kind] of Object.entries(spec)) {
      const v = r[column];
      const ok = kind === "string"
        ? typeof v === "string"
        : kind === "number"
        ? typeof v === "number" && Number.isFinite(v)
        : kind === "int"
        ? Number.isInteger(v) && (v as number) >= 0
        : kind === "number?"
        ? v === null || typeof v === "number"
        : v === undefined || v === null || typeof v === "number";
      if (!ok) {
        const expected = kind === "string"
          ? "a string"
          : kind === "number"
          ? "a finite number"
          : kind === "int"
          ? "an integer >= 0"
          : "a number or null";
        throw new TypeError(
          `Cannot draw ${figure}: row ${i + 1}, column "${column}" is ${
            describe(v)
          }; expected ${expected}`,
        );
      }
    }
    if (keepAverage || r.model !== AVERAGE_MODEL) out.push(r as T);
  });
  if (out.length === 0) {
    throw new TypeError(
      `Cannot draw ${figure}: expected at least one model row, got ${
        rows.length === 0 ? "0 rows" : "only the average row"
      }`,
    );
  }
  return out;
}
