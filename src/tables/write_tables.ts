/**
 * Write built tables to a folder: `<name>.csv` (full precision) and
 * `<name>.md` (rounded for reading) for each.
 *
 * @module
 */

import { join } from "node:path";
import { writeTable } from "../results/write_table.ts";
import { formatCell, type TableRow } from "./format.ts";
import { toMarkdown } from "./to_markdown.ts";

/** A built table: its rows and the columns to write, in order. */
export interface BuiltTable {
  /** Column names, in order. */
  columns: readonly string[];
  /** The rows. */
  rows: TableRow[];
  /** A note printed under the Markdown table (e.g. how p-values were computed). */
  note?: string;
}

/**
 * Write each table as `<dir>/<name>.csv` and `<dir>/<name>.md`, creating
 * the folder. CSV cells are written at full precision, booleans as
 * `true`/`false`, "not defined" as an empty cell.
 *
 * @param dir Output folder.
 * @param tables Tables by file name (without extension).
 * @returns The CSV paths written, in order.
 *
 * @example Usage
 * ```ts
 * import { writeTables } from "./write_tables.ts";
 * const dir = await Deno.makeTempDir();
 * await writeTables(dir, { t: { columns: ["a", "b"], rows: [{ a: 1 / 3, b: null }] } });
 * console.assert(Deno.readTextFileSync(`${dir}/t.csv`) === "a,b\n0.3333333333333333,\n");
 * ```
 */
export async function writeTables(
  dir: string,
  tables: Record<string, BuiltTable>,
): Promise<string[]> {
  await Deno.mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, t] of Object.entries(tables)) {
    const csv = join(dir, `${name}.csv`);
    const cells = t.rows.map((r) =>
      t.columns.map((c) => formatCell(r[c] ?? null))
    );
    await writeTable(csv, t.columns, cells);
    const note = t.note ? `\n${t.note}\n` : "";
    await Deno.writeTextFile(
      join(dir, `${name}.md`),
      toMarkdown(t.rows, { columns: [...t.columns] }) + note,
    );
    written.push(csv);
  }
  return written;
}
