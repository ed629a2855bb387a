/**
 * A small RFC 4180 CSV reader for the bundled paper tables, keeping the
 * 1-based line on which each record starts (for error messages).
 *
 * @module
 */

/** One parsed record: its cells and the 1-based line where it starts. */
export interface CsvRecord {
  /** Cell values, unquoted. */
  cells: string[];
  /** 1-based physical line on which the record starts. */
  line: number;
}

/**
 * Parse CSV text into records (the header is the first record).
 *
 * @param text The file content.
 * @param file The file name, for messages.
 * @returns Every record in order.
 *
 * @example Usage
 * ```ts
 * import { parseCsv } from "./_csv.ts";
 * const rows = parseCsv('a,b\n1,"x,y"\n', "t.csv");
 * console.assert(rows[1]!.cells[1] === "x,y" && rows[1]!.line === 2);
 * ```
 */
export function parseCsv(text: string, file: string): CsvRecord[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let start = 1;
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    records.push({ cells, line: start });
    cells = [];
    cell = "";
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell === "") quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      start = line;
    } else cell += ch;
    i++;
  }
  if (quoted) {
    throw new SyntaxError(
      `${file}:${start}: unterminated quoted field: expected a closing '"'`,
    );
  }
  if (cell !== "" || cells.length > 0) endRecord();
  return records;
}
