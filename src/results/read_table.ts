/**
 * Read a CSV, TSV or JSONL table (each optionally gzip-compressed) with the
 * 1-based physical line on which each record starts. The CSV/TSV path is a
 * hand-written single pass over the bytes (RFC 4180 quoting, fields spanning
 * lines, BOM tolerated, blank lines rejected).
 *
 * @module
 */

import { gunzipSync } from "node:zlib";
import { basename, join } from "node:path";
import { ObjectCursor, type RecordCursor } from "./_cursor.ts";
import { DelimitedCursor } from "./_delimited_cursor.ts";
import { DEFAULT_MAX_PROBLEMS, ProblemList } from "./problems.ts";
import { tableKind } from "./write_table.ts";

/** A table read into string columns. */
export interface Table {
  /** The file it came from. */
  file: string;
  /** Column names, in header (or first-appearance, for JSONL) order. */
  columns: string[];
  /** Number of records. */
  n: number;
  /** 1-based physical line on which each record starts. */
  lines: Int32Array;
  /** Cells by column name, `""` for an empty cell. */
  values: Record<string, string[]>;
}

/** Options of {@linkcode readTable}. */
export interface ReadTableOptions {
  /** Problems kept in detail before "and N more" (default 20). */
  maxProblems?: number;
}

/** Read a file into one preallocated buffer (half the work of readFile). */
async function readWhole(path: string): Promise<Uint8Array> {
  using file = await Deno.open(path);
  const size = (await file.stat()).size;
  let bytes = new Uint8Array(size);
  let at = 0;
  for (;;) {
    if (at === bytes.length) {
      // The file grew (or stat lied): keep reading in doubled buffers.
      const bigger = new Uint8Array(Math.max(65536, bytes.length * 2));
      bigger.set(bytes);
      bytes = bigger;
    }
    const n = await file.read(bytes.subarray(at));
    if (n === null) break;
    at += n;
  }
  return at === bytes.length ? bytes : bytes.subarray(0, at);
}

/**
 * Read a file's bytes, gunzipping a `.gz` file; an unreadable file or bad
 * gzip data is recorded in `problems` and gives `null`.
 *
 * @example Usage
 * ```ts
 * import { readBytes } from "./read_table.ts";
 * import { ProblemList } from "./problems.ts";
 * const problems = new ProblemList();
 * console.assert(await readBytes("no/such/file.csv", problems) === null);
 * console.assert(problems.kept[0].code === "unreadable");
 * ```
 */
export async function readBytes(
  path: string,
  problems: ProblemList,
): Promise<Uint8Array | null> {
  let bytes: Uint8Array;
  try {
    bytes = await readWhole(path);
  } catch (e) {
    problems.add(
      "unreadable",
      path,
      0,
      "",
      String((e as Error).message),
      "a readable file",
    );
    return null;
  }
  if (!path.endsWith(".gz")) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (e) {
    problems.add(
      "bad_gzip",
      path,
      0,
      "",
      String((e as Error).message),
      "a gzip-compressed file",
    );
    return null;
  }
}

/** Split JSONL bytes into parsed objects with their line numbers. */
function jsonlCursor(
  file: string,
  bytes: Uint8Array,
  problems: ProblemList,
  baseColumns: readonly string[],
): ObjectCursor {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let pos = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const objects: unknown[] = [];
  const lines: number[] = [];
  let line = 0;
  while (pos < bytes.length) {
    line++;
    let end = bytes.indexOf(10, pos);
    if (end < 0) end = bytes.length;
    let stop = end;
    if (stop > pos && bytes[stop - 1] === 13) stop--;
    const raw = bytes.subarray(pos, stop);
    pos = end + 1;
    if (raw.length === 0) {
      problems.add("blank_line", file, line, "", "", "a JSON object");
      continue;
    }
    let text: string;
    try {
      text = decoder.decode(raw);
    } catch {
      problems.add(
        "bad_utf8",
        file,
        line,
        "",
        new TextDecoder().decode(raw),
        "valid UTF-8 text",
      );
      continue;
    }
    try {
      objects.push(JSON.parse(text));
      lines.push(line);
    } catch (e) {
      problems.add(
        "bad_json",
        file,
        line,
        "",
        text,
        `one JSON object (${(e as Error).message})`,
      );
    }
  }
  // No header in JSONL: an empty file is a table without rows.
  return new ObjectCursor(file, objects, lines, problems, baseColumns, true);
}

/**
 * Open a cursor over a table file; `null` (with a problem recorded) if the
 * file cannot be read or decompressed. For JSONL, where a missing key means
 * an empty cell, `baseColumns` exist even if no line has them.
 *
 * @example Usage
 * ```ts
 * import { openCursor } from "./read_table.ts";
 * import { ProblemList } from "./problems.ts";
 * const cursor = await openCursor("data/sample/models.csv", new ProblemList());
 * console.assert(cursor !== null && cursor.columns[0] === "model");
 * ```
 */
export async function openCursor(
  path: string,
  problems: ProblemList,
  baseColumns: readonly string[] = [],
): Promise<RecordCursor | null> {
  const { format } = tableKind(path);
  const bytes = await readBytes(path, problems);
  if (bytes === null) return null;
  if (format === "jsonl") {
    return jsonlCursor(path, bytes, problems, baseColumns);
  }
  return new DelimitedCursor(
    path,
    bytes,
    format === "csv" ? "," : "\t",
    problems,
  );
}

/**
 * Read every record of a cursor into string columns.
 *
 * @example Usage
 * ```ts
 * import { openCursor, tableFromCursor } from "./read_table.ts";
 * import { ProblemList } from "./problems.ts";
 * const cursor = await openCursor("data/sample/models.csv", new ProblemList());
 * console.assert(tableFromCursor(cursor!).n === 3);
 * ```
 */
export function tableFromCursor(cursor: RecordCursor): Table {
  const columns = [...cursor.columns];
  const cols = columns.map(() => [] as string[]);
  const lines: number[] = [];
  while (cursor.next()) {
    lines.push(cursor.line);
    for (let c = 0; c < cols.length; c++) cols[c].push(cursor.text(c));
  }
  const values: Record<string, string[]> = {};
  columns.forEach((name, c) => values[name] = cols[c]);
  return {
    file: cursor.file,
    columns,
    n: lines.length,
    lines: Int32Array.from(lines),
    values,
  };
}

/**
 * Read a whole table into string columns. Syntax problems (bad quoting,
 * field counts, blank lines, invalid UTF-8 or JSON) are thrown together as a
 * `ResultsError` naming file, line, column and value.
 *
 * @param path A `.csv`, `.tsv` or `.jsonl` file, optionally `.gz`.
 * @param options The problem cap.
 * @returns The table with each record's starting line.
 *
 * @example Usage
 * ```ts
 * import { readTable } from "./read_table.ts";
 * const path = await Deno.makeTempFile({ suffix: ".csv" });
 * await Deno.writeTextFile(path, 'id,note\na,"two\nlines"\nb,x\n');
 * const table = await readTable(path);
 * console.assert(table.values.note[0] === "two\nlines");
 * console.assert(table.lines[1] === 4);
 * ```
 */
export async function readTable(
  path: string,
  options: ReadTableOptions = {},
): Promise<Table> {
  const problems = new ProblemList(
    options.maxProblems ?? DEFAULT_MAX_PROBLEMS,
  );
  const cursor = await openCursor(path, problems);
  problems.throwIfAny();
  const table = tableFromCursor(cursor!);
  problems.throwIfAny();
  return table;
}

/**
 * Find the one file named `<name>.csv|.tsv|.jsonl[.gz]` in `dir`; a problem
 * (and `null`) if there is none or several.
 *
 * @example Usage
 * ```ts
 * import { findTable } from "./read_table.ts";
 * import { ProblemList } from "./problems.ts";
 * const path = await findTable("data/sample", "items", new ProblemList());
 * console.assert(path?.endsWith("items.csv"));
 * ```
 */
export async function findTable(
  dir: string,
  name: string,
  problems: ProblemList,
): Promise<string | null> {
  const found: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      if (!entry.isFile && !entry.isSymlink) continue;
      const m = /^(.+)\.(csv|tsv|jsonl)(\.gz)?$/.exec(entry.name);
      if (m && m[1] === name) found.push(entry.name);
    }
  } catch (e) {
    problems.add(
      "unreadable",
      dir,
      0,
      "",
      String((e as Error).message),
      "a readable results directory",
    );
    return null;
  }
  if (found.length === 1) return join(dir, found[0]);
  found.sort();
  problems.add(
    found.length === 0 ? "missing_file" : "several_files",
    join(dir, basename(name)),
    0,
    "",
    found.join(", "),
    `exactly one of ${name}.csv, ${name}.tsv, ${name}.jsonl (optionally .gz)`,
  );
  return null;
}
