/**
 * Typed, validated reading of the bundled paper CSVs: every cell is checked
 * against its column's kind, and a bad cell throws an error naming the file,
 * the 1-based line, the column, the value and what was expected.
 *
 * @module
 */
import { resolve } from "node:path";
import { fileURLToPath as fromFileUrl } from "node:url";
import { parseCsv } from "./_csv.ts";
import { PAPER_CSV } from "./_bundled.ts";

/** What a column holds. */
export type ColumnKind =
  | "string"
  | "nonempty"
  | "number"
  | "number?"
  | "integer"
  | "boolean"
  | readonly string[];

/** One column: its CSV header, the key it becomes, and its kind. */
export type ColumnSpec = readonly [
  header: string,
  key: string,
  kind: ColumnKind,
];

/**
 * Where the paper CSVs (data/paper/) sit next to this module: a file: URL in
 * a checkout, an https: URL when the library is imported remotely (JSR). The
 * loaders no longer read from it by default (they use the text bundled in
 * the module graph, see {@linkcode readPaperFile}); pass it, or any other
 * directory, as `dir` to read the CSVs from disk instead.
 */
export const PAPER_DIR: URL = new URL("../../data/paper/", import.meta.url);

function describe(kind: ColumnKind): string {
  if (typeof kind !== "string") {
    return `one of ${kind.map((k) => `"${k}"`).join(", ")}`;
  }
  return {
    string: "a string",
    nonempty: "a non-empty string",
    number: "a number",
    "number?": "a number or an empty cell",
    integer: "a non-negative integer",
    boolean: '"true" or "false"',
  }[kind];
}

function convert(value: string, kind: ColumnKind): unknown {
  if (typeof kind !== "string") return kind.includes(value) ? value : undefined;
  switch (kind) {
    case "string":
      return value;
    case "nonempty":
      return value.trim() === "" ? undefined : value;
    case "number":
    case "number?": {
      if (value === "") return kind === "number?" ? null : undefined;
      if (!/^[-+]?\d+(\.\d+)?$/.test(value)) return undefined;
      return Number(value);
    }
    case "integer":
      return /^\d+$/.test(value) ? Number(value) : undefined;
    case "boolean":
      return value === "true" ? true : value === "false" ? false : undefined;
  }
}

/**
 * Parse CSV text against column specs (extra columns are ignored, missing
 * ones are an error).
 *
 * @param text The CSV content.
 * @param file The file name used in messages.
 * @param columns The expected columns.
 * @returns One object per data row, keyed by each spec's key.
 *
 * @example Usage
 * ```ts
 * import { readRows } from "./_read.ts";
 * const rows = readRows("a,b\nx,1.5\n", "t.csv", [
 *   ["a", "name", "nonempty"],
 *   ["b", "value", "number"],
 * ]);
 * console.assert(rows[0]!.value === 1.5);
 * ```
 */
export function readRows(
  text: string,
  file: string,
  columns: readonly ColumnSpec[],
): Record<string, unknown>[] {
  const records = parseCsv(text, file);
  if (records.length === 0) {
    throw new SyntaxError(`${file}:1: empty file: expected a header row`);
  }
  const header = records[0]!.cells;
  const index = columns.map(([name]) => {
    const at = header.indexOf(name);
    if (at < 0) {
      throw new SyntaxError(
        `${file}:1: missing column "${name}": expected a header with ${
          columns.map(([n]) => n).join(", ")
        }`,
      );
    }
    return at;
  });
  const out: Record<string, unknown>[] = [];
  for (const { cells, line } of records.slice(1)) {
    if (cells.length !== header.length) {
      throw new SyntaxError(
        `${file}:${line}: found ${cells.length} cells: expected ${header.length} (one per header column)`,
      );
    }
    const row: Record<string, unknown> = {};
    columns.forEach(([name, key, kind], c) => {
      const raw = cells[index[c]!]!;
      const value = convert(raw, kind);
      if (value === undefined) {
        throw new TypeError(
          `${file}:${line}: column "${name}": value "${raw}" is not ${
            describe(kind)
          }`,
        );
      }
      row[key] = value;
    });
    out.push(row);
  }
  return out;
}

/**
 * Parse one paper CSV against column specs: by default the copy bundled in
 * the module graph (src/paper/_bundled.ts, generated from data/paper/ by
 * `deno task bundle-paper`), so no file system access is needed and it works
 * when the library is imported from an https: URL; with `dir`, the file
 * `name` read synchronously from that directory on disk.
 *
 * @param name File name (a data/paper/*.csv name, or a file inside `dir`).
 * @param columns The expected columns.
 * @param dir A directory to read from instead of the bundled copy (a path,
 * or a file: URL).
 * @returns One object per data row.
 *
 * @example Usage
 * ```ts
 * import { readPaperFile } from "./_read.ts";
 * const rows = readPaperFile("table1_statistics.csv", [
 *   ["attribute", "attribute", "nonempty"],
 * ]);
 * console.assert(rows.length === 7);
 * ```
 */
export function readPaperFile(
  name: string,
  columns: readonly ColumnSpec[],
  dir?: string | URL,
): Record<string, unknown>[] {
  if (dir === undefined) {
    if (!Object.hasOwn(PAPER_CSV, name)) {
      throw new TypeError(
        `Cannot read paper table "${name}": not a bundled file: expected one of ${
          Object.keys(PAPER_CSV).join(", ")
        }`,
      );
    }
    return readRows(PAPER_CSV[name]!, `data/paper/${name}`, columns);
  }
  const path = typeof dir === "string"
    ? resolve(dir, name)
    : fromFileUrl(new URL(name, dir.href.endsWith("/") ? dir : dir.href + "/"));
  let text: string;
  try {
    text = Deno.readTextFileSync(path);
  } catch (error) {
    throw new TypeError(
      `Cannot read paper table "${path}": ${(error as Error).message}`,
    );
  }
  return readRows(text, path, columns);
}
