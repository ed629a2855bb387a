/**
 * The t-SNE map of simulated and real degraded images (the paper's Fig. 5a,
 * `tsne_degtype.png`): either one panel per modality colored by degradation
 * type (`facets`, the default), or the paper's single map colored by
 * modality with a numbered marker at the centre of each degradation type
 * (`single`). Real images are circles, simulated ones triangles.
 *
 * @module
 */

import * as Plot from "@observablehq/plot";
import { compose, type LegendItem } from "./_compose.ts";
import { type DomElement, newDocument, plotSvg } from "./_dom.ts";
import type { FigureSvg } from "./types.ts";
import { type Degradation, DEGRADATIONS } from "../taxonomy/degradations.ts";
import { MODALITIES, type Modality } from "../taxonomy/modalities.ts";

/** A map label: a degradation id, `none` for a clean image, or `real` when unknown. */
export type MapLabel = Degradation | "none" | "real";

/** One image placed on the map. */
export interface MapPoint {
  /** Map x. */
  x: number;
  /** Map y. */
  y: number;
  /** The image's modality. */
  modality: Modality;
  /** Its degradation id, `none` for a clean image, or `real` when unknown. */
  degradation: MapLabel;
  /** Simulated or real. */
  source: "simulated" | "real";
}

/** Options of {@linkcode tsneFigure}. */
export interface TsneFigureOptions {
  /** `facets` (one panel per modality, color = degradation) or `single` (paper layout, color = modality). Default `facets`. */
  layout?: "facets" | "single";
  /** Title. Default "Simulated vs real degradations (t-SNE)". */
  title?: string;
  /** Line under the title. Default: none. */
  subtitle?: string;
  /** Panel width in px (facets) or map width (single). Default 300 / 900. */
  width?: number;
  /** Panels per row (facets). Default 4. */
  columns?: number;
}

/** Colors of the 19 degradation ids (in `DEGRADATIONS` order), then `none` and `real`. */
export const DEGRADATION_COLORS: Readonly<Record<MapLabel, string>> = Object
  .fromEntries([
    ...DEGRADATIONS.map((d, i) => [d, PALETTE19()[i]]),
    ["none", "#9e9e9e"],
    ["real", "#000000"],
  ]);

/** Colors of the modalities, as in the paper's map. */
export const MODALITY_COLORS: Readonly<Record<Modality, string>> = {
  CT: "#1f77b4",
  MRI: "#d62728",
  "X-ray": "#e377c2",
  Ultrasound: "#8c564b",
  Endoscopy: "#2ca02c",
  Histopathology: "#9467bd",
  Dermoscopy: "#ff7f0e",
};

function PALETTE19(): string[] {
  return [
    "#1f77b4",
    "#aec7e8",
    "#ff7f0e",
    "#ffbb78",
    "#2ca02c",
    "#98df8a",
    "#d62728",
    "#ff9896",
    "#9467bd",
    "#c5b0d5",
    "#8c564b",
    "#c49c94",
    "#e377c2",
    "#f7b6d2",
    "#7f7f7f",
    "#bcbd22",
    "#dbdb8d",
    "#17becf",
    "#9edae5",
  ];
}

/**
 * Draw the map.
 *
 * @param points One point per image (e.g. from {@linkcode mapPoints}).
 * @param options Layout, title, sizes.
 * @returns A standalone `<svg>` element (write it with `writeSvg`/`writePng`).
 *
 * @example Usage
 * ```ts
 * import { tsneFigure } from "./tsne_map.ts";
 * const svg = tsneFigure([
 *   { x: 0, y: 0, modality: "CT", degradation: "low_dose", source: "simulated" },
 *   { x: 1, y: 1, modality: "CT", degradation: "low_dose", source: "real" },
 * ]);
 * console.assert(svg.outerHTML.startsWith("<svg"));
 * ```
 */
export function tsneFigure(
  points: readonly MapPoint[],
  options: TsneFigureOptions = {},
): FigureSvg {
  if (points.length === 0) {
    throw new RangeError(
      "Cannot draw a t-SNE map of 0 points: expected at least one",
    );
  }
  const layout = options.layout ?? "facets";
  if (layout !== "facets" && layout !== "single") {
    throw new TypeError(
      `Cannot use layout "${layout}": expected "facets" or "single"`,
    );
  }
  const title = options.title ?? "Simulated vs real degradations (t-SNE)";
  return layout === "facets"
    ? facets(points, title, options)
    : single(points, title, options);
}

function sourceLegend(): LegendItem[] {
  return [
    { label: "Real", color: "#333", shape: "circle" },
    { label: "Simulated", color: "#333", shape: "triangle" },
  ];
}

function facets(
  points: readonly MapPoint[],
  title: string,
  options: TsneFigureOptions,
): FigureSvg {
  const doc = newDocument();
  const width = options.width ?? 300;
  const columns = options.columns ?? 4;
  const mods = MODALITIES.filter((m) => points.some((p) => p.modality === m));
  const labels = [...DEGRADATIONS, "none", "real"] as MapLabel[];
  const used = labels.filter((d) => points.some((p) => p.degradation === d));
  const panels = mods.map((m) => {
    const pts = points.filter((p) => p.modality === m);
    // Real images drawn last, on top.
    pts.sort((
      a,
      b,
    ) => (a.source === b.source ? 0 : a.source === "real" ? 1 : -1));
    return plotSvg(doc, {
      width,
      height: width,
      marginTop: 24,
      marginBottom: 8,
      marginLeft: 8,
      marginRight: 8,
      inset: 8,
      x: { axis: null },
      y: { axis: null },
      color: { domain: used, range: used.map((d) => DEGRADATION_COLORS[d]) },
      symbol: { domain: ["real", "simulated"], range: ["circle", "triangle"] },
      marks: [
        Plot.frame({ stroke: "#bbb" }),
        Plot.dot(pts, {
          x: "x",
          y: "y",
          fill: "degradation",
          symbol: "source",
          r: (p: MapPoint) => (p.source === "real" ? 3.6 : 2.6),
          stroke: (p: MapPoint) => (p.source === "real" ? "#111" : "none"),
          strokeWidth: 0.6,
          fillOpacity: 0.85,
        }),
        Plot.text([m], {
          frameAnchor: "top",
          dy: -16,
          text: (d: string) => `${d} (${pts.length})`,
          fontWeight: "bold",
          fontSize: 13,
        }),
      ],
    }) as DomElement;
  });
  const rows: DomElement[][] = [];
  for (let i = 0; i < panels.length; i += columns) {
    rows.push(panels.slice(i, i + columns));
  }
  return compose(doc, {
    title,
    ...(options.subtitle ? { subtitle: options.subtitle } : {}),
    legend: [
      { title: "Source", items: sourceLegend() },
      {
        title: "Degradation",
        items: used.map((d) => ({
          label: d,
          color: DEGRADATION_COLORS[d],
          shape: "rect",
        })),
      },
    ],
    rows,
  }) as unknown as FigureSvg;
}

function single(
  points: readonly MapPoint[],
  title: string,
  options: TsneFigureOptions,
): FigureSvg {
  const doc = newDocument();
  const width = options.width ?? 900;
  const mods = MODALITIES.filter((m) => points.some((p) => p.modality === m));
  const types = DEGRADATIONS.filter((d) =>
    points.some((p) => p.degradation === d && p.source === "real")
  );
  const number = new Map(types.map((d, i) => [d as MapLabel, i + 1]));
  const centres: { x: number; y: number; modality: Modality; n: number }[] = [];
  for (const m of mods) {
    for (const d of types) {
      const pts = points.filter((p) => p.modality === m && p.degradation === d);
      if (!pts.some((p) => p.source === "real")) continue;
      centres.push({
        x: pts.reduce((s, p) => s + p.x, 0) / pts.length,
        y: pts.reduce((s, p) => s + p.y, 0) / pts.length,
        modality: m,
        n: number.get(d)!,
      });
    }
  }
  const ordered = [...points].sort((a, b) =>
    a.source === b.source ? 0 : a.source === "real" ? 1 : -1
  );
  const panel = plotSvg(doc, {
    width,
    height: Math.round(width * 0.62),
    marginTop: 10,
    marginBottom: 30,
    marginLeft: 30,
    marginRight: 10,
    inset: 12,
    x: {
      ticks: [],
      label: "t-SNE dimension 1",
      labelAnchor: "center",
      labelArrow: "none",
    },
    y: {
      ticks: [],
      label: "t-SNE dimension 2",
      labelAnchor: "center",
      labelArrow: "none",
    },
    color: { domain: mods, range: mods.map((m) => MODALITY_COLORS[m]) },
    symbol: { domain: ["real", "simulated"], range: ["circle", "triangle"] },
    marks: [
      Plot.frame({ stroke: "#bbb" }),
      Plot.dot(ordered, {
        x: "x",
        y: "y",
        fill: "modality",
        symbol: "source",
        r: 2.8,
        fillOpacity: 0.6,
      }),
      Plot.dot(centres, {
        x: "x",
        y: "y",
        r: 10,
        fill: "white",
        stroke: "modality",
        strokeWidth: 1.6,
      }),
      Plot.text(centres, {
        x: "x",
        y: "y",
        text: (c: { n: number }) => String(c.n),
        fontWeight: "bold",
        fontSize: 11,
      }),
    ],
  }) as DomElement;
  return compose(doc, {
    title,
    ...(options.subtitle ? { subtitle: options.subtitle } : {}),
    legend: [
      {
        title: "Modality",
        items: mods.map((m) => ({
          label: m,
          color: MODALITY_COLORS[m],
          shape: "square",
        })),
      },
      { title: "Source", items: sourceLegend() },
      {
        title: "Degradation type",
        items: types.map((d, i) => ({
          label: `${i + 1}. ${d}`,
          color: "#222",
          shape: "text",
        })),
      },
    ],
    rows: [[panel]],
  }) as unknown as FigureSvg;
}
