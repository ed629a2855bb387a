/**
 * Modality radar charts: accuracy on the seven modalities at L0 / L1 / L2,
 * built from Plot primitives (rings and spokes as lines in projected x, y;
 * one closed polygon per severity or model).
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { MODALITIES } from "../taxonomy/mod.ts";
import {
  fmt1,
  LEVEL_COLORS,
  MODEL_PALETTE,
  modelLookup,
  newDocument,
  plotSvg,
} from "./_dom.ts";
import { checkRows } from "./_rows.ts";
import { compose, type LegendGroup } from "./_compose.ts";
import type { FigureSvg, ModalityRow, ModelMeta, TableRows } from "./types.ts";

/** Options of {@link modalityRadar}. */
export interface ModalityRadarOptions {
  /** Draw the tables\' "Average (All Models)" row as a model. Default false. */
  includeAverage?: boolean;
  /** `"small-multiples"` (default): one radar per model, L0/L1/L2 polygons; `"overlay"`: one radar, one color per model. */
  mode?: "small-multiples" | "overlay";
  /** Models to draw, in order. Default: every model in the rows, in order of appearance. */
  select?: readonly string[];
  /** Severities drawn. Default `["L0", "L1", "L2"]` (small multiples) or `["L0", "L2"]` (overlay). */
  levels?: readonly ("L0" | "L1" | "L2")[];
  /** Model names and groups; unknown models print their id in gray. */
  models?: readonly ModelMeta[];
  /** Radial domain in percent (center, outer ring). Default: from 10 below the lowest value (rounded to 10, at least 0) to the highest rounded up to 10. */
  rDomain?: [number, number];
  /** Radars per row in small-multiples mode. Default 4. */
  columns?: number;
  /** Size of one radar in px. Default 260 (small multiples) or 460 (overlay). */
  size?: number;
  /** Default "Accuracy by modality". */
  title?: string;
  /** A line under the title. Default: none (or a short reading guide). */
  subtitle?: string;
}

type Level = "L0" | "L1" | "L2";
const X_SPAN = 3.4;
const Y_SPAN = 2.5;
const DASH: Record<Level, string> = { L0: "none", L1: "5,3", L2: "2,2" };

interface Vertex {
  model: string;
  level: Level;
  modality: string;
  value: number;
  x: number;
  y: number;
  fx?: number;
  fy?: number;
}

/**
 * Draw modality radars from modality rows (accuracy in percent). Spokes
 * follow the taxonomy's modality order (others after it); a `null` value
 * leaves that vertex out of the polygon.
 *
 * @example Usage
 * ```ts
 * import { modalityRadar } from "./radar.ts";
 * const svg = modalityRadar([
 *   { model: "GPT-5", modality: "CT", L0: 70, L1: 68, L2: 61 },
 *   { model: "GPT-5", modality: "MRI", L0: 66, L1: 64, L2: 58 },
 *   { model: "GPT-5", modality: "X-ray", L0: 74, L1: 72, L2: 66 },
 * ]);
 * console.assert(svg.querySelectorAll('g[aria-label="dot"] circle').length === 9);
 * ```
 */
export function modalityRadar(
  input: readonly ModalityRow[] | TableRows,
  options: ModalityRadarOptions = {},
): FigureSvg {
  const rows = checkRows<ModalityRow>(
    "modality radar",
    input,
    {
      model: "string",
      modality: "string",
      L0: "number?",
      L1: "number?",
      L2: "number?",
    },
    options.includeAverage,
  );
  const overlay = options.mode === "overlay";
  const levels: readonly Level[] = options.levels ??
    (overlay ? ["L0", "L2"] : ["L0", "L1", "L2"]);
  const look = modelLookup(options.models);
  const present = [...new Set(rows.map((r) => r.model))];
  const select = options.select ?? present;
  for (const m of select) {
    if (!present.includes(m)) {
      throw new RangeError(
        `Cannot draw modality radar: selected model ${
          JSON.stringify(m)
        } has no rows; expected one of ${JSON.stringify(present)}`,
      );
    }
  }
  const seen = [...new Set(rows.map((r) => r.modality))];
  const spokes = [
    ...MODALITIES.filter((m) => seen.includes(m)),
    ...seen.filter((m) => !(MODALITIES as readonly string[]).includes(m)),
  ];
  const used = rows.filter((r) => select.includes(r.model));
  const values = used.flatMap((r) => levels.map((l) => r[l])).filter((
    v,
  ): v is number => v != null && Number.isFinite(v));
  const [r0, r1] = options.rDomain ??
    [
      Math.max(0, Math.floor((Math.min(...values) - 10) / 10) * 10),
      Math.min(100, Math.ceil(Math.max(...values) / 10) * 10),
    ];
  const span = Math.max(1e-9, r1 - r0);
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / spokes.length;
  const project = (modality: string, value: number) => {
    const a = angle(spokes.indexOf(modality));
    const r = Math.max(0, Math.min(1.05, (value - r0) / span));
    return { x: r * Math.cos(a), y: -r * Math.sin(a) };
  };
  const cols = overlay
    ? 1
    : Math.max(1, Math.min(options.columns ?? 4, select.length));
  const place = (model: string) => {
    const i = select.indexOf(model);
    return overlay ? {} : { fx: i % cols, fy: Math.floor(i / cols) };
  };
  const vertices: Vertex[] = used.flatMap((r) =>
    levels.flatMap((level) => {
      const v = r[level];
      return v == null || !Number.isFinite(v) ? [] : [{
        model: r.model,
        level,
        modality: r.modality,
        value: v,
        ...project(r.modality, v),
        ...place(r.model),
      }];
    })
  ).sort((a, b) => spokes.indexOf(a.modality) - spokes.indexOf(b.modality));
  const step = span > 50 ? 20 : span > 20 ? 10 : 5;
  const rings = Array.from(
    { length: Math.floor(span / step) + 1 },
    (_, i) => r0 + i * step,
  ).filter((v) => v > r0);
  const ringPts = rings.flatMap((v) =>
    spokes.map((m) => ({ ring: v, ...project(m, v) }))
  );
  const spokeData = spokes.map((m, i) => ({ m, i, ...project(m, r1) }));
  const between = (value: number) => {
    const a = (angle(0) + angle(1)) / 2;
    const r = (value - r0) / span;
    return { x: r * Math.cos(a), y: -r * Math.sin(a) };
  };
  const spokeAnchor = (x: number) =>
    Math.abs(x) < 0.1 ? "middle" : x > 0 ? "start" : "end";
  const colorOf = (m: string) =>
    MODEL_PALETTE[select.indexOf(m) % MODEL_PALETTE.length];
  const size = options.size ?? (overlay ? 560 : 340);
  const rowsN = overlay ? 1 : Math.ceil(select.length / cols);
  const doc = newDocument();
  const key = (v: Vertex) => overlay ? `${v.model}|${v.level}` : v.level;
  const panel = plotSvg(doc, {
    // no facet padding, and a height that gives x and y the same px per unit
    width: 20 + cols * size,
    height: 10 + (overlay ? 10 : 20) + rowsN * size * (Y_SPAN / X_SPAN),
    margin: 10,
    marginTop: overlay ? 10 : 20,
    x: { domain: [-X_SPAN / 2, X_SPAN / 2], axis: null },
    y: { domain: [-1.2, Y_SPAN - 1.2], axis: null },
    ...(overlay ? {} : {
      fx: {
        domain: Array.from({ length: cols }, (_, i) => i),
        axis: null,
        padding: 0,
      },
      fy: {
        domain: Array.from({ length: rowsN }, (_, i) => i),
        axis: null,
        padding: 0,
      },
    }),
    marks: [
      Plot.line(ringPts, {
        x: "x",
        y: "y",
        z: "ring",
        curve: "linear-closed",
        stroke: "#d9d9d9",
      }),
      Plot.link(spokeData, {
        x1: 0,
        y1: 0,
        x2: "x",
        y2: "y",
        stroke: "#d9d9d9",
      }),
      ...(["start", "middle", "end"] as const).map((anchor) =>
        Plot.text(spokeData.filter((d) => spokeAnchor(d.x) === anchor), {
          x: (d: { x: number }) => d.x * 1.1,
          y: (d: { y: number }) => d.y * 1.1,
          text: "m",
          fontSize: 11,
          textAnchor: anchor,
        })
      ),
      Plot.text(rings.map((v) => ({ v, ...between(v) })), {
        x: "x",
        y: "y",
        text: (d: { v: number }) => String(d.v),
        fontSize: 9,
        fill: "#888",
        textAnchor: "middle",
      }),
      ...levels.map((level) =>
        Plot.line(vertices.filter((v) => v.level === level), {
          x: "x",
          y: "y",
          z: key,
          curve: "linear-closed",
          stroke: (v: Vertex) =>
            overlay ? colorOf(v.model) : LEVEL_COLORS[level],
          strokeDasharray: overlay ? DASH[level] : "none",
          fill: overlay || level !== levels[0] ? "none" : LEVEL_COLORS[level],
          fillOpacity: 0.12,
          strokeWidth: 1.8,
          ...(overlay ? {} : { fx: "fx", fy: "fy" }),
        })
      ),
      Plot.dot(vertices, {
        x: "x",
        y: "y",
        r: 2.5,
        fill: (v: Vertex) => overlay ? colorOf(v.model) : LEVEL_COLORS[v.level],
        title: (v: Vertex) =>
          `${look.name(v.model)} · ${v.modality} · ${v.level}: ${
            fmt1(v.value)
          }%`,
        ...(overlay ? {} : { fx: "fx", fy: "fy" }),
      }),
      ...(overlay ? [] : [
        Plot.text(select.map((m) => ({ m, ...place(m) })), {
          fx: "fx",
          fy: "fy",
          text: (d: { m: string }) => look.name(d.m),
          frameAnchor: "top",
          dy: -14,
          fontSize: 13,
          fontWeight: "bold",
          fill: (d: { m: string }) => look.color(d.m),
        }),
      ]),
    ],
  });
  const legend: LegendGroup[] = overlay
    ? [
      {
        title: "Model",
        items: select.map((m) => ({
          label: look.name(m),
          color: colorOf(m),
          shape: "line" as const,
        })),
      },
      {
        title: "Line",
        items: levels.map((l) => ({
          label: `${l} ${
            DASH[l] === "none"
              ? "solid"
              : DASH[l] === "5,3"
              ? "dashed"
              : "dotted"
          }`,
          color: "#333",
          shape: "text" as const,
        })),
      },
    ]
    : [{
      title: "Severity",
      items: levels.map((l) => ({
        label: l,
        color: LEVEL_COLORS[l],
        shape: "line" as const,
      })),
    }];
  return compose(doc, {
    title: options.title ?? "Accuracy by modality",
    subtitle: options.subtitle ??
      `Radius: accuracy (%) from ${r0} (centre) to ${r1} (outer ring)`,
    legend,
    rows: [[panel]],
  });
}
