/**
 * Turning figures into files and notebook output: SVG strings, SVG and PNG
 * files (PNG through sharp, white background, deterministic), a Deno Jupyter
 * display wrapper, and HTML tables for row arrays or arquero tables.
 *
 * @module
 */
import sharp from "sharp";
import { writeFile } from "node:fs/promises";
import type { FigureSvg } from "./types.ts";

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * Serialize a figure as a standalone SVG document string. Plot numbers its
 * clip-path, pattern and marker ids with process-wide counters; they are
 * renumbered in order of appearance, so the same rows always give the same
 * string.
 *
 * @example Usage
 * ```ts
 * import { severityBars, toSvgString } from "./mod.ts";
 * const svg = toSvgString(severityBars([{ model: "m", L0: 70, L1: 68, L2: 60 }]));
 * console.assert(svg.startsWith("<svg"));
 * ```
 */
export function toSvgString(plot: FigureSvg): string {
  const tag = String(plot?.tagName ?? "").toLowerCase();
  if (tag !== "svg") {
    throw new TypeError(
      `Expected an <svg> element, got ${
        tag ? `<${tag}>` : JSON.stringify(typeof plot)
      }: pass the value a figure function returned`,
    );
  }
  let svg = plot.outerHTML;
  if (!/^<svg[^>]*\sxmlns=/.test(svg)) {
    svg = svg.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
  }
  const ids = new Map<string, string>();
  return svg.replace(
    /plot-(clip|pattern|marker)-\d+/g,
    (id, kind: string) => {
      let fresh = ids.get(id);
      if (!fresh) {
        fresh = `plot-${kind}-${ids.size + 1}`;
        ids.set(id, fresh);
      }
      return fresh;
    },
  );
}

/**
 * Write a figure as an SVG file.
 *
 * @example Usage
 * ```ts
 * import { severityBars, writeSvg } from "./mod.ts";
 * const path = await Deno.makeTempFile({ suffix: ".svg" });
 * await writeSvg(path, severityBars([{ model: "m", L0: 70, L1: 68, L2: 60 }]));
 * console.assert((await Deno.readTextFile(path)).startsWith("<svg"));
 * ```
 */
export async function writeSvg(path: string, plot: FigureSvg): Promise<void> {
  await writeFile(path, toSvgString(plot) + "\n");
}

/** Options of {@link toPng} and {@link writePng}. */
export interface PngOptions {
  /** Pixel density relative to the SVG's own size. Default 2. */
  scale?: number;
}

/**
 * Render a figure to PNG bytes on a white background (sharp/librsvg; the
 * same figure gives the same bytes).
 *
 * @example Usage
 * ```ts
 * import { severityBars, toPng } from "./mod.ts";
 * const png = await toPng(severityBars([{ model: "m", L0: 70, L1: 68, L2: 60 }]), { scale: 1 });
 * console.assert(png[1] === 0x50); // "PNG"
 * ```
 */
export async function toPng(
  plot: FigureSvg,
  options: PngOptions = {},
): Promise<Uint8Array> {
  const scale = options.scale ?? 2;
  if (!(Number.isFinite(scale) && scale > 0 && scale <= 10)) {
    throw new RangeError(
      `Expected scale to be a number in (0, 10], got ${JSON.stringify(scale)}`,
    );
  }
  const svg = new TextEncoder().encode(toSvgString(plot));
  const out = await sharp(svg, { density: 72 * scale })
    .flatten({ background: "#ffffff" })
    .png({ compressionLevel: 9 })
    .toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * Write a figure as a PNG file.
 *
 * @example Usage
 * ```ts
 * import { severityBars, writePng } from "./mod.ts";
 * const path = await Deno.makeTempFile({ suffix: ".png" });
 * await writePng(path, severityBars([{ model: "m", L0: 70, L1: 68, L2: 60 }]), { scale: 1 });
 * console.assert((await Deno.stat(path)).size > 1000);
 * ```
 */
export async function writePng(
  path: string,
  plot: FigureSvg,
  options: PngOptions = {},
): Promise<void> {
  await writeFile(path, await toPng(plot, options));
}

/** A value Deno Jupyter shows as rich output. */
export interface Displayable {
  /** The markup (`<svg ...` or `<table ...`). */
  readonly outerHTML: string;
  /** The Deno Jupyter display hook. */
  [key: symbol]: () => Record<string, string>;
}

const JUPYTER_DISPLAY: symbol = Symbol.for("Jupyter.display");

/**
 * Wrap a figure for Deno Jupyter: the last expression of a cell renders as
 * SVG.
 *
 * @example Usage
 * ```ts
 * import { display, severityBars } from "./mod.ts";
 * const shown = display(severityBars([{ model: "m", L0: 70, L1: 68, L2: 60 }]));
 * console.assert(shown.outerHTML.startsWith("<svg"));
 * ```
 */
export function display(plot: FigureSvg): Displayable {
  const svg = toSvgString(plot);
  return {
    outerHTML: svg,
    [JUPYTER_DISPLAY]: () => ({ "image/svg+xml": svg }),
  };
}

function escapeHtml(value: unknown): string {
  const s = value == null
    ? ""
    : typeof value === "number"
    ? (Number.isInteger(value)
      ? String(value)
      : String(Number(value.toPrecision(6))))
    : String(value);
  return s.replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!,
  );
}

/** Options of {@link tableHtml}. */
export interface TableHtmlOptions {
  /** At most this many rows are shown (a note says how many were left out). Default 50. */
  limit?: number;
  /** Columns to show, in order. Default: the keys of the first row. */
  columns?: readonly string[];
}

/** Anything with arquero's `objects()` method. */
export interface ObjectsTable {
  /** The rows as plain objects. */
  objects(): Record<string, unknown>[];
}

/**
 * An HTML table of row objects or an arquero table, displayable in Deno
 * Jupyter (`text/html`). `null` shows as an empty cell.
 *
 * @example Usage
 * ```ts
 * import { tableHtml } from "./mod.ts";
 * const t = tableHtml([{ model: "GPT-5", L0: 70.27 }]);
 * console.assert(t.outerHTML.includes("<td>GPT-5</td>"));
 * ```
 */
export function tableHtml(
  rows: readonly Record<string, unknown>[] | ObjectsTable,
  options: TableHtmlOptions = {},
): Displayable {
  const list = Array.isArray(rows)
    ? rows as readonly Record<string, unknown>[]
    : typeof (rows as ObjectsTable)?.objects === "function"
    ? (rows as ObjectsTable).objects()
    : undefined;
  if (!list) {
    throw new TypeError(
      `Expected an array of row objects or an arquero table, got ${typeof rows}`,
    );
  }
  const limit = options.limit ?? 50;
  const columns = options.columns ?? Object.keys(list[0] ?? {});
  const head = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("");
  const body = list.slice(0, limit).map((r) =>
    `<tr>${columns.map((c) => `<td>${escapeHtml(r[c])}</td>`).join("")}</tr>`
  ).join("\n");
  const more = list.length > limit
    ? `\n<caption style="caption-side:bottom">${
      list.length - limit
    } more rows not shown</caption>`
    : "";
  const html =
    `<table class="medq-deg">${more}\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
  return { outerHTML: html, [JUPYTER_DISPLAY]: () => ({ "text/html": html }) };
}

/**
 * Alias of {@link tableHtml}.
 *
 * @example Usage
 * ```ts
 * import { toHTML } from "./mod.ts";
 * console.assert(toHTML([{ a: 1 }]).outerHTML.includes("<th>a</th>"));
 * ```
 */
export const toHTML: typeof tableHtml = tableHtml;
