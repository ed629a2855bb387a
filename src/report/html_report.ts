/**
 * One self-contained HTML page with every table, figure and the fidelity
 * summary of a reproduction run (`out/index.html`): inline CSS and inline
 * SVG, no scripts, no external resources.
 *
 * @module
 */

import { formatReadable, type TableRow } from "../tables/format.ts";

/** A table shown in the report. */
export interface ReportTable {
  /** Heading. */
  title: string;
  /** Rows (numbers are rounded for reading; the CSVs keep full precision). */
  rows: readonly TableRow[];
  /** Columns to show (default: keys of the first row). */
  columns?: readonly string[];
  /** Link to the full CSV, relative to the page. */
  href?: string;
  /** Show at most this many rows (default 60); the rest are counted. */
  limit?: number;
}

/** A figure shown in the report. */
export interface ReportFigure {
  /** Heading. */
  title: string;
  /** The SVG markup. */
  svg: string;
  /** A caption. */
  caption?: string;
}

/** One section of the report. */
export interface ReportSection {
  /** Heading. */
  title: string;
  /** A paragraph of plain text (escaped). */
  text?: string;
  /** Tables, in order. */
  tables?: readonly ReportTable[];
  /** Figures, in order. */
  figures?: readonly ReportFigure[];
}

/** The whole report. */
export interface Report {
  /** Page title. */
  title: string;
  /** An introductory paragraph (plain text). */
  intro: string;
  /** Sections, in order. */
  sections: readonly ReportSection[];
}

/**
 * Escape text for HTML.
 *
 * @example Usage
 * ```ts
 * import { escapeHtml } from "./html_report.ts";
 * console.assert(escapeHtml("a<b & c") === "a&lt;b &amp; c");
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!,
  );
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function tableHtml(t: ReportTable): string {
  const columns = t.columns ?? Object.keys(t.rows[0] ?? {});
  const limit = t.limit ?? 60;
  const numeric = columns.map((c) =>
    t.rows.some((r) => typeof r[c] === "number")
  );
  const head = columns.map((c, j) =>
    `<th${numeric[j] ? ' class="n"' : ""}>${escapeHtml(c)}</th>`
  ).join("");
  const body = t.rows.slice(0, limit).map((r) =>
    "<tr>" + columns.map((c, j) => {
      const v = r[c];
      const cls = numeric[j] ? ' class="n"' : "";
      return `<td${cls}>${escapeHtml(formatReadable(v ?? null))}</td>`;
    }).join("") + "</tr>"
  ).join("\n");
  const more = t.rows.length > limit
    ? `<p class="note">${t.rows.length - limit} more rows in the CSV.</p>`
    : "";
  const link = t.href ? ` <a href="${escapeHtml(t.href)}">CSV</a>` : "";
  return `<h3 id="${slug(t.title)}">${escapeHtml(t.title)}${link}</h3>
<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></div>${more}`;
}

function figureHtml(f: ReportFigure): string {
  const caption = f.caption
    ? `<figcaption>${escapeHtml(f.caption)}</figcaption>`
    : "";
  return `<figure id="${slug(f.title)}"><h3>${
    escapeHtml(f.title)
  }</h3>${f.svg}${caption}</figure>`;
}

const STYLE = `
body{font-family:system-ui,-apple-system,"DejaVu Sans",sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2em}h3{font-size:1.05em}
table{border-collapse:collapse;font-size:.82em}th,td{padding:2px 8px;border-bottom:1px solid #eee;text-align:left;white-space:nowrap}
th{background:#f6f6f6;position:sticky;top:0}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.scroll{max-height:420px;overflow:auto;border:1px solid #eee}figure{margin:1em 0}figure svg{max-width:100%;height:auto}
figcaption,.note{color:#666;font-size:.85em}nav a{margin-right:1em}`;

/**
 * Render a report as one self-contained HTML page.
 *
 * @param report Title, intro and sections.
 * @returns The HTML document.
 *
 * @example Usage
 * ```ts
 * import { htmlReport } from "./html_report.ts";
 * const html = htmlReport({
 *   title: "t",
 *   intro: "i",
 *   sections: [{ title: "S", tables: [{ title: "T", rows: [{ a: 1.234 }] }] }],
 * });
 * console.assert(html.startsWith("<!doctype html>"));
 * console.assert(html.includes("<td class=\"n\">1.23</td>"));
 * ```
 */
export function htmlReport(report: Report): string {
  const nav = report.sections.map((s) =>
    `<a href="#${slug(s.title)}">${escapeHtml(s.title)}</a>`
  ).join("");
  const sections = report.sections.map((s) =>
    [
      `<section><h2 id="${slug(s.title)}">${escapeHtml(s.title)}</h2>`,
      s.text ? `<p>${escapeHtml(s.text)}</p>` : "",
      ...(s.figures ?? []).map(figureHtml),
      ...(s.tables ?? []).map(tableHtml),
      "</section>",
    ].join("\n")
  ).join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${
    escapeHtml(report.title)
  }</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body><h1>${escapeHtml(report.title)}</h1><p>${
    escapeHtml(report.intro)
  }</p><nav>${nav}</nav>
${sections}
</body></html>
`;
}
