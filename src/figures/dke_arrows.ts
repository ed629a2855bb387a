/**
 * The "AI Dunning-Kruger" picture (beyond the paper): for each model an
 * arrow from its (accuracy, confidence) on clean images to the same pair
 * under severe degradation, against the diagonal of perfect calibration.
 * Arrows that run left but not down are accuracy lost without doubt.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { groupLegendItems, modelLookup, newDocument, plotSvg } from "./_dom.ts";
import { CALIBRATION_ROW, checkRows } from "./_rows.ts";
import { compose } from "./_compose.ts";
import type {
  CalibrationRow,
  FigureSvg,
  ModelMeta,
  TableRows,
} from "./types.ts";

/** Options of {@link dkeArrows}. */
export interface DkeArrowsOptions {
  /** Draw the tables\' "Average (All Models)" row as a model. Default false. */
  includeAverage?: boolean;
  /** Model names and groups (arrow colors); unknown models are gray. */
  models?: readonly ModelMeta[];
  /** Start level. Default `"L0"`. */
  from?: string;
  /** End level. Default `"L2"`. */
  to?: string;
  /** Label each arrow with its model name. Default true. */
  labels?: boolean;
  /** Width in px. Default 700. */
  width?: number;
  /** Height in px. Default 620. */
  height?: number;
  /** Default "Accuracy falls, confidence stays". */
  title?: string;
  /** A line under the title. Default: a reading guide naming the levels. */
  subtitle?: string;
}

interface Arrow {
  model: string;
  a0: number;
  c0: number;
  a1: number;
  c1: number;
}

/**
 * Draw one arrow per model from `(accuracy, confidence)` at `from` to the
 * same at `to`, using calibration rows (fractions). Models missing either
 * level, or a value at it, are left out.
 *
 * @example Usage
 * ```ts
 * import { dkeArrows } from "./dke_arrows.ts";
 * const svg = dkeArrows([
 *   { model: "GPT-5", level: "L0", accuracy: 0.703, confidence: 0.912, delta_calib: 0.209 },
 *   { model: "GPT-5", level: "L2", accuracy: 0.643, confidence: 0.89, delta_calib: 0.247 },
 * ]);
 * console.assert(svg.querySelectorAll('g[aria-label="arrow"] path').length === 1);
 * ```
 */
export function dkeArrows(
  input: readonly CalibrationRow[] | TableRows,
  options: DkeArrowsOptions = {},
): FigureSvg {
  const rows = checkRows<CalibrationRow>(
    "DKE arrows",
    input,
    CALIBRATION_ROW,
    options.includeAverage,
  );
  const from = options.from ?? "L0";
  const to = options.to ?? "L2";
  const look = modelLookup(options.models);
  const at = (level: string) =>
    new Map(
      rows.filter((r) =>
        r.level === level && r.accuracy != null && r.confidence != null &&
        Number.isFinite(r.accuracy) && Number.isFinite(r.confidence)
      ).map((r) => [r.model, r]),
    );
  const start = at(from);
  const end = at(to);
  const arrows: Arrow[] = [...start.keys()].filter((m) => end.has(m)).map((
    model,
  ) => ({
    model,
    a0: start.get(model)!.accuracy!,
    c0: start.get(model)!.confidence!,
    a1: end.get(model)!.accuracy!,
    c1: end.get(model)!.confidence!,
  }));
  if (arrows.length === 0) {
    throw new RangeError(
      `Cannot draw DKE arrows: no model has accuracy and confidence at both ${from} and ${to}`,
    );
  }
  const values = arrows.flatMap((d) => [d.a0, d.a1, d.c0, d.c1]);
  const lo = Math.max(0, Math.floor(Math.min(...values) * 10) / 10);
  const hi = Math.min(1, Math.ceil(Math.max(...values) * 10) / 10);
  const doc = newDocument();
  const panel = plotSvg(doc, {
    width: options.width ?? 700,
    height: options.height ?? 620,
    marginLeft: 56,
    marginBottom: 44,
    marginRight: 20,
    x: {
      domain: [lo, hi],
      grid: true,
      label: "Accuracy",
      labelAnchor: "center",
      labelArrow: "none",
    },
    y: {
      domain: [lo, hi],
      grid: true,
      label: "Confidence",
      labelAnchor: "center",
      labelArrow: "none",
    },
    marks: [
      Plot.frame({ stroke: "#bbb" }),
      Plot.line([[lo, lo], [hi, hi]], {
        stroke: "#777",
        strokeDasharray: "5,4",
      }),
      Plot.text(["perfect calibration"], {
        x: hi,
        y: hi,
        dx: -6,
        dy: 14,
        textAnchor: "end",
        fill: "#666",
        fontSize: 11,
      }),
      Plot.text([
        "above the dashed line: overconfident\nbelow it: underconfident",
      ], {
        frameAnchor: "bottom-right",
        dx: -10,
        dy: -10,
        fill: "#555",
        fontSize: 11.5,
        textAnchor: "end",
        lineHeight: 1.3,
      }),
      // labels under the arrows, so no arrow is hidden by a label halo
      ...(options.labels === false ? [] : [
        Plot.text(arrows, {
          x: "a0",
          y: "c0",
          text: (d: Arrow) => look.name(d.model),
          dx: 6,
          textAnchor: "start",
          fontSize: 10,
          fill: (d: Arrow) => look.color(d.model),
          stroke: "white",
          strokeWidth: 3,
          paintOrder: "stroke",
        }),
      ]),
      Plot.dot(arrows, {
        x: "a0",
        y: "c0",
        r: 3,
        fill: (d: Arrow) => look.color(d.model),
      }),
      Plot.arrow(arrows, {
        x1: "a0",
        y1: "c0",
        x2: "a1",
        y2: "c1",
        stroke: (d: Arrow) => look.color(d.model),
        strokeWidth: 1.6,
        headLength: 7,
        title: (d: Arrow) =>
          `${look.name(d.model)}: accuracy ${d.a0.toFixed(3)} → ${
            d.a1.toFixed(3)
          }, confidence ${d.c0.toFixed(3)} → ${d.c1.toFixed(3)}`,
      }),
    ],
  });
  return compose(doc, {
    title: options.title ?? "Accuracy falls, confidence stays",
    subtitle: options.subtitle ??
      `Each arrow: one model from ${from} to ${to}; a flat arrow pointing left is accuracy lost without doubt`,
    legend: [{
      title: "Model group",
      items: groupLegendItems(look, arrows.map((d) => d.model)),
    }],
    rows: [[panel]],
  });
}
