/**
 * Render table rows as a GitHub-flavoured Markdown table.
 *
 * @module
 */

import { formatReadable, type TableCell, type TableRow } from "./format.ts";

/** Options of {@linkcode toMarkdown}. */
export interface MarkdownOptions {
  /** Columns to show, in order (default: the keys of the first row). */
  columns?: string[];
  /** Decimals for numbers >= 1 in magnitude (default 2). */
  digits?: number;
}

function escape(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

/**
 * Render rows as a Markdown table (numbers rounded for reading; the CSV
 * keeps full precision). Numeric columns are right-aligned.
 *
 * @param rows The rows.
 * @param options Columns and rounding.
 * @returns The Markdown text, ending with a newline.
 *
 * @example Usage
 * ```ts
 * import { toMarkdown } from "./to_markdown.ts";
 * const md = toMarkdown([{ model: "m", L0: 71.391 }]);
 * console.assert(md === "| model | L0 |\n| --- | ---: |\n| m | 71.39 |\n");
 * ```
 */
export function toMarkdown(
  rows: readonly TableRow[],
  options: MarkdownOptions = {},
): string {
  const columns = options.columns ?? Object.keys(rows[0] ?? {});
  const numeric = columns.map((c) =>
    rows.some((r) => typeof r[c] === "number")
  );
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |\n`;
  let out = line(columns.map(escape));
  out += line(numeric.map((n) => (n ? "---:" : "---")));
  for (const r of rows) {
    out += line(
      columns.map((c) =>
        escape(formatReadable(r[c] as TableCell | undefined, options.digits))
      ),
    );
  }
  return out;
}
