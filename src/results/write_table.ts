/**
 * Write a table as CSV (RFC 4180 quoting), TSV or JSONL, chosen by the file
 * extension, gzip-compressed when the path ends in `.gz`. Output is streamed
 * in chunks, so millions of rows never sit in memory as one string.
 *
 * @module
 */

/** One cell: a string, a number, empty (`null`), or a string array (JSONL `options`). */
export type Cell = string | number | null | readonly string[];

/** A column: an array-like of cells, or a function giving the cell of a row. */
export type Column = ArrayLike<Cell> | ((row: number) => Cell);

/** Column-major data: one column per name, each `length` rows long. */
export interface ColumnData {
  /** Number of rows. */
  length: number;
  /** One column per name, in the order of the column names. */
  columns: readonly Column[];
}

/** A text table format. */
export type TableFormat = "csv" | "tsv" | "jsonl";

/** A table format and whether it is gzip-compressed, from a path. */
export interface TableKind {
  /** The format. */
  format: TableFormat;
  /** Whether the path ends in `.gz`. */
  gzip: boolean;
}

/**
 * Tell a table's format from its path (`.csv`, `.tsv`, `.jsonl`, each
 * optionally followed by `.gz`).
 *
 * @example Usage
 * ```ts
 * import { tableKind } from "./write_table.ts";
 * const kind = tableKind("out/predictions.tsv.gz");
 * console.assert(kind.format === "tsv" && kind.gzip);
 * ```
 */
export function tableKind(path: string): TableKind {
  const gzip = path.endsWith(".gz");
  const base = gzip ? path.slice(0, -3) : path;
  for (const format of ["csv", "tsv", "jsonl"] as const) {
    if (base.endsWith(`.${format}`)) return { format, gzip };
  }
  throw new TypeError(
    `Cannot tell the table format of "${path}": expected a name ending in .csv, .tsv or .jsonl, optionally followed by .gz`,
  );
}

const NEEDS_QUOTE_CSV = /[",\r\n]/;
const NEEDS_QUOTE_TSV = /["\t\r\n]/;

function cellText(cell: Cell, column: string): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) {
      throw new RangeError(
        `Cannot write ${cell} in column "${column}": expected a finite number`,
      );
    }
    return String(cell);
  }
  return JSON.stringify(cell);
}

function jsonValue(cell: Cell, column: string): string {
  if (cell === null || cell === undefined) return "null";
  if (typeof cell === "number") return cellText(cell, column);
  return JSON.stringify(cell);
}

function rowEncoder(
  format: TableFormat,
  columns: readonly string[],
): (cells: (i: number) => Cell) => string {
  if (format === "jsonl") {
    const keys = columns.map((c) => JSON.stringify(c) + ":");
    return (cells) => {
      let s = "{";
      for (let i = 0; i < keys.length; i++) {
        s += (i ? "," : "") + keys[i] + jsonValue(cells(i), columns[i]);
      }
      return s + "}\n";
    };
  }
  const delim = format === "csv" ? "," : "\t";
  const needs = format === "csv" ? NEEDS_QUOTE_CSV : NEEDS_QUOTE_TSV;
  return (cells) => {
    let s = "";
    for (let i = 0; i < columns.length; i++) {
      const t = cellText(cells(i), columns[i]);
      if (i) s += delim;
      s += needs.test(t) ? `"${t.replaceAll('"', '""')}"` : t;
    }
    // A lone empty cell would make a blank line, which readers reject.
    return (s === "" ? '""' : s) + "\n";
  };
}

const CHUNK_ROWS = 16384;

/**
 * Write a table to `path`; the format comes from the extension (see
 * {@linkcode tableKind}). `data` is either an array of rows or column-major
 * {@linkcode ColumnData} (arrays or per-row functions). CSV and TSV get a header row and RFC 4180 quoting
 * (a field holding the delimiter, a quote or a line break is quoted, quotes
 * doubled); JSONL gets one object per row with `null` for empty cells and
 * real arrays for array cells.
 *
 * @param path Where to write; `.gz` compresses with gzip.
 * @param columns The column names, in output order.
 * @param data Rows (each as long as `columns`) or column arrays.
 *
 * @example Usage
 * ```ts
 * import { writeTable } from "./write_table.ts";
 * const path = await Deno.makeTempFile({ suffix: ".csv" });
 * await writeTable(path, ["model", "note"], [["m1", "a, b"], ["m2", null]]);
 * console.assert(Deno.readTextFileSync(path) === 'model,note\nm1,"a, b"\nm2,\n');
 * ```
 */
export async function writeTable(
  path: string,
  columns: readonly string[],
  data: readonly (readonly Cell[])[] | ColumnData,
): Promise<void> {
  const { format, gzip } = tableKind(path);
  if (new Set(columns).size !== columns.length) {
    throw new TypeError(
      `Cannot write "${path}" with columns ${
        JSON.stringify(columns)
      }: expected unique column names`,
    );
  }
  const byRows = Array.isArray(data);
  const n = byRows ? data.length : (data as ColumnData).length;
  const cols = byRows ? [] : (data as ColumnData).columns;
  if (!byRows && cols.length !== columns.length) {
    throw new RangeError(
      `Cannot write "${path}" with ${cols.length} column arrays: expected ${columns.length}, one per column name`,
    );
  }
  const encode = rowEncoder(format, columns);
  const file = await Deno.open(path, {
    write: true,
    create: true,
    truncate: true,
  });
  let writer: WritableStreamDefaultWriter<Uint8Array<ArrayBuffer>>;
  let piped: Promise<void> | null = null;
  if (gzip) {
    const cs = new CompressionStream("gzip");
    piped = cs.readable.pipeTo(file.writable);
    writer = (cs.writable as WritableStream<Uint8Array<ArrayBuffer>>)
      .getWriter();
  } else {
    writer = file.writable.getWriter();
  }
  const te = new TextEncoder();
  try {
    const parts: string[] = [];
    if (format !== "jsonl") {
      parts.push(encode((i) => columns[i]));
    }
    let row: readonly Cell[] = [];
    let r = 0;
    const fromRow = (i: number): Cell => row[i];
    const getters = cols.map((c) =>
      typeof c === "function" ? c : (row: number): Cell => c[row]
    );
    const fromCols = (i: number): Cell => getters[i](r);
    for (r = 0; r < n; r++) {
      if (byRows) {
        row = (data as readonly (readonly Cell[])[])[r];
        if (row.length !== columns.length) {
          throw new RangeError(
            `Cannot write row ${
              r + 1
            } of "${path}" with ${row.length} cells: expected ${columns.length}`,
          );
        }
        parts.push(encode(fromRow));
      } else {
        parts.push(encode(fromCols));
      }
      if (parts.length >= CHUNK_ROWS) {
        await writer.write(te.encode(parts.join("")));
        parts.length = 0;
      }
    }
    if (parts.length) await writer.write(te.encode(parts.join("")));
    await writer.close();
    if (piped) await piped;
  } catch (e) {
    await writer.abort(e).catch(() => {});
    if (piped) await piped.catch(() => {});
    throw e;
  }
}
