/**
 * The 1-based physical line on which each data record of a table file
 * starts (a quoted CSV/TSV field may span lines), for error messages.
 *
 * @module
 */

/**
 * Start lines of the data records (header excluded for CSV/TSV).
 *
 * @param text The decoded file text.
 * @param format `csv`, `tsv` or `jsonl`.
 * @returns One 1-based line number per data record.
 */
export function recordStartLines(
  text: string,
  format: "csv" | "tsv" | "jsonl",
): number[] {
  const starts: number[] = [];
  let line = 1;
  let quoted = false;
  let atRecordStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (atRecordStart && c !== "\n" && c !== "\r") {
      starts.push(line);
      atRecordStart = false;
    }
    if (c === '"' && format !== "jsonl") quoted = !quoted;
    else if (c === "\n") {
      line++;
      if (!quoted) atRecordStart = true;
    }
  }
  return format === "jsonl" ? starts : starts.slice(1);
}
