// Private helpers shared by the figure files: a linkedom document, Plot
// defaults (font, background), model metadata look-up and the palette.
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import type { FigureSvg, ModelGroup, ModelMeta } from "./types.ts";

/** The minimal DOM surface the figures touch. */
export interface DomElement extends FigureSvg {
  setAttribute(name: string, value: string): void;
  appendChild(child: DomElement): DomElement;
  insertBefore(child: DomElement, ref: DomElement | null): DomElement;
  readonly firstChild: DomElement | null;
  textContent: string | null;
}

/** The minimal document surface the figures touch. */
export interface Doc {
  createElementNS(ns: string, name: string): DomElement;
  createTextNode(text: string): DomElement;
}

export const SVG_NS: string = "http://www.w3.org/2000/svg";

/** Fonts present on the build machine (fc-list) first, generic last. */
export const FONT_FAMILY: string =
  "Liberation Sans, Arial, Helvetica, sans-serif";
export const FONT_SIZE: number = 11;

/** Severity colors, used by every figure: green, amber, red. */
export const LEVEL_COLORS: Readonly<Record<string, string>> = {
  L0: "#4d9050",
  L1: "#e8901c",
  L2: "#c8423f",
  L12: "#7b3f99",
};

/** Label colors per model group, as the paper colors model names. */
export const GROUP_COLORS: Readonly<Record<ModelGroup | "unknown", string>> = {
  proprietary: "#8c4a2f",
  "open-source": "#1f5fbf",
  medical: "#6a2c9e",
  unknown: "#555555",
};

/** Plot's categorical palette for per-model lines. */
export const MODEL_PALETTE: readonly string[] = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
];

/** A fresh linkedom document. */
export function newDocument(): Doc {
  const { document } = parseHTML(
    "<!DOCTYPE html><html><body></body></html>",
  ) as unknown as { document: Doc };
  return document;
}

/**
 * Plot.plot with the house defaults (font, white background); asserts the
 * result is a bare `<svg>` (no HTML `<figure>` wrapper, which a PNG renderer
 * cannot draw).
 */
export function plotSvg(doc: Doc, options: Plot.PlotOptions): DomElement {
  const out = Plot.plot({
    ...options,
    document: doc as unknown as Plot.PlotOptions["document"],
    style: {
      fontFamily: FONT_FAMILY,
      fontSize: `${FONT_SIZE}px`,
      background: "white",
      overflow: "visible",
    },
  }) as unknown as DomElement;
  if (out.tagName.toLowerCase() !== "svg") {
    throw new TypeError(
      `Expected Plot to return an <svg>, got <${out.tagName.toLowerCase()}>`,
    );
  }
  out.setAttribute("font-family", FONT_FAMILY);
  return out;
}

/** Look-up of display names and groups, tolerant of unknown models. */
export interface ModelLookup {
  name(model: string): string;
  group(model: string): ModelGroup | "unknown";
  color(model: string): string;
}

/** Build a {@link ModelLookup} from optional metadata. */
export function modelLookup(models: readonly ModelMeta[] = []): ModelLookup {
  const byId = new Map(models.map((m) => [m.model, m]));
  const group = (model: string) => byId.get(model)?.group ?? "unknown";
  return {
    name: (model) => byId.get(model)?.displayName ?? model,
    group,
    color: (model) => GROUP_COLORS[group(model)],
  };
}

/** Legend entries (colored names) for the groups present among `models`. */
export function groupLegendItems(
  look: ModelLookup,
  models: readonly string[],
): { label: string; color: string; shape: "text" }[] {
  const groups = ["proprietary", "open-source", "medical", "unknown"] as const;
  return groups.filter((g) => models.some((m) => look.group(m) === g)).map((
    g,
  ) => ({
    label: g === "unknown" ? "other" : g,
    color: GROUP_COLORS[g],
    shape: "text",
  }));
}

/** Approximate rendered width of a string in px (sans-serif). */
export function textWidth(text: string, size: number = FONT_SIZE): number {
  let w = 0;
  for (const ch of text) {
    if ("il.,:;|!'()[]".includes(ch)) w += 0.3;
    else if ("mwMW".includes(ch)) w += 0.85;
    else if (ch >= "A" && ch <= "Z") w += 0.67;
    else if (ch >= "0" && ch <= "9") w += 0.56;
    else w += 0.52;
  }
  return w * size;
}

/** Round to one decimal for labels, `""` for null. */
export function fmt1(v: number | null | undefined): string {
  return v == null || !Number.isFinite(v) ? "" : v.toFixed(1);
}
