/**
 * The calibration-shift dot plot (the paper's calibration_shift.png): three
 * panels, accuracy, confidence and Δcalib, one row per model, one marker per
 * severity, joined by a gray line.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import {
  type DomElement,
  groupLegendItems,
  LEVEL_COLORS,
  modelLookup,
  newDocument,
  plotSvg,
  textWidth,
} from "./_dom.ts";
import { CALIBRATION_ROW, checkRows } from "./_rows.ts";
import { compose } from "./_compose.ts";
import type {
  CalibrationRow,
  FigureSvg,
  ModelMeta,
  TableRows,
} from "./types.ts";

/** Options of {@link calibrationDots}. */
export interface CalibrationDotsOptions {
  /** Draw the tables\' "Average (All Models)" row as a model. Default false. */
  includeAverage?: boolean;
  /** Model names and groups; unknown models print their id in gray. */
  models?: readonly ModelMeta[];
  /** Levels drawn, in order. Default `["L0", "L1", "L2"]`. */
  levels?: readonly string[];
  /** Total width in px. Default 1200. */
  width?: number;
  /** Height per model row in px. Default 22. */
  rowHeight?: number;
  /** Default "Calibration shift: accuracy falls, confidence stays". */
  title?: string;
  /** A line under the title. Default: none (or a short reading guide). */
  subtitle?: string;
  /** Panel headers. Default "Actual performance", "Perceived performance", "Calibration shift". */
  panelTitles?: readonly [string, string, string];
}

const SYMBOLS = ["circle", "triangle", "square", "diamond"];
type Metric = "accuracy" | "confidence" | "delta_calib";
interface Point {
  model: string;
  level: string;
  value: number;
}

/**
 * Draw the three-panel calibration-shift plot from calibration rows
 * (fractions). Models are sorted by accuracy at the first level; the Δcalib
 * axis always includes 0 (perfect calibration, dashed). Missing values draw
 * no marker.
 *
 * @example Usage
 * ```ts
 * import { calibrationDots } from "./calibration_dots.ts";
 * const svg = calibrationDots([
 *   { model: "GPT-5", level: "L0", accuracy: 0.703, confidence: 0.912, delta_calib: 0.209 },
 *   { model: "GPT-5", level: "L2", accuracy: 0.643, confidence: 0.89, delta_calib: 0.247 },
 * ]);
 * console.assert(svg.querySelectorAll('g[aria-label="dot"] path').length === 6);
 * ```
 */
export function calibrationDots(
  input: readonly CalibrationRow[] | TableRows,
  options: CalibrationDotsOptions = {},
): FigureSvg {
  const rows = checkRows<CalibrationRow>(
    "calibration dots",
    input,
    CALIBRATION_ROW,
    options.includeAverage,
  );
  const levels = options.levels ?? ["L0", "L1", "L2"];
  const look = modelLookup(options.models);
  const used = rows.filter((r) => levels.includes(r.level));
  if (used.length === 0) {
    throw new RangeError(
      `Cannot draw calibration dots: no row has a level in ${
        JSON.stringify(levels)
      }, got levels ${JSON.stringify([...new Set(rows.map((r) => r.level))])}`,
    );
  }
  const first = new Map(
    used.filter((r) => r.level === levels[0]).map((
      r,
    ) => [r.model, r.accuracy ?? -1]),
  );
  const order = [...new Set(used.map((r) => r.model))].sort((a, b) =>
    (first.get(b) ?? -1) - (first.get(a) ?? -1) || a.localeCompare(b)
  );
  const rowHeight = options.rowHeight ?? 22;
  const height = order.length * rowHeight + 70;
  const labelWidth =
    Math.ceil(Math.max(...order.map((m) => textWidth(look.name(m))))) + 16;
  const width = options.width ?? 1200;
  const inner = (width - labelWidth - 2 * 12) / 3;
  const titles = options.panelTitles ??
    ["Actual performance", "Perceived performance", "Calibration shift"];
  const axisLabels = [
    "Accuracy",
    "Confidence",
    "Δcalib = confidence − accuracy",
  ];
  const metrics: Metric[] = ["accuracy", "confidence", "delta_calib"];
  const doc = newDocument();
  const panels: DomElement[] = metrics.map((metric, i) => {
    const points: Point[] = used.flatMap((r) => {
      const v = r[metric];
      return v == null || !Number.isFinite(v)
        ? []
        : [{ model: r.model, level: r.level, value: v }];
    });
    const spans = order.flatMap((model) => {
      const vs = points.filter((p) => p.model === model).map((p) => p.value);
      return vs.length
        ? [{ model, lo: Math.min(...vs), hi: Math.max(...vs) }]
        : [];
    });
    const domain = metric === "delta_calib"
      ? [
        Math.min(0, ...points.map((p) => p.value)),
        Math.max(0.05, ...points.map((p) => p.value)),
      ]
      : undefined;
    const left = i === 0 ? labelWidth : 14;
    return plotSvg(doc, {
      width: Math.round(inner + left),
      height,
      marginLeft: left,
      marginRight: 14,
      marginTop: 32,
      marginBottom: 38,
      x: {
        grid: true,
        nice: true,
        inset: 6,
        label: axisLabels[i],
        labelAnchor: "center",
        labelArrow: "none",
        ...(domain ? { domain } : {}),
      },
      y: { domain: order, axis: null },
      symbol: { domain: [...levels], range: SYMBOLS.slice(0, levels.length) },
      color: {
        domain: [...levels],
        range: levels.map((l) => LEVEL_COLORS[l] ?? "#333"),
      },
      marks: [
        Plot.frame({ stroke: "#bbb" }),
        ...(metric === "delta_calib"
          ? [Plot.ruleX([0], { strokeDasharray: "4,3", stroke: "#666" })]
          : []),
        ...(i === 0
          ? [Plot.axisY({
            tickFormat: (m: string) => look.name(m),
            fill: (m: string) => look.color(m),
            tickSize: 0,
            fontSize: 11.5,
            label: null,
          })]
          : []),
        Plot.link(spans, {
          x1: "lo",
          x2: "hi",
          y1: "model",
          y2: "model",
          stroke: "#c8c8c8",
          strokeWidth: 2,
        }),
        Plot.dot(points, {
          x: "value",
          y: "model",
          symbol: "level",
          fill: "level",
          stroke: "white",
          strokeWidth: 0.8,
          r: 4.5,
          title: (p: Point) =>
            `${look.name(p.model)} ${p.level}: ${p.value.toFixed(3)}`,
        }),
        Plot.text([titles[i]], {
          frameAnchor: "top",
          dy: -22,
          fontSize: 14,
          fontWeight: "bold",
        }),
      ],
    });
  });
  return compose(doc, {
    title: options.title ??
      "Calibration shift: accuracy falls, confidence stays",
    subtitle: options.subtitle,
    legend: [{
      title: "Severity",
      items: levels.map((l, i) => ({
        label: l,
        color: LEVEL_COLORS[l] ?? "#333",
        shape: (["circle", "triangle", "square"] as const)[i] ?? "rect",
      })),
    }, { title: "Model group", items: groupLegendItems(look, order) }],
    rows: [panels],
  });
}
