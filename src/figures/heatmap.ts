/**
 * Heatmaps of accuracy drops (percent points, negative = worse) by
 * degradation type or by skill, one panel per severity (the paper's
 * heatmap.png), with the value printed in each cell.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { DEGRADATION_INFO, isDegradation } from "../taxonomy/mod.ts";
import {
  type Doc,
  type DomElement,
  fmt1,
  groupLegendItems,
  modelLookup,
  newDocument,
  plotSvg,
  textWidth,
} from "./_dom.ts";
import { checkRows } from "./_rows.ts";
import { compose } from "./_compose.ts";
import type { DropRow, FigureSvg, ModelMeta, TableRows } from "./types.ts";

/** Options of {@link dropHeatmap}. */
export interface DropHeatmapOptions {
  /** Draw the tables\' "Average (All Models)" row as a model. Default false. */
  includeAverage?: boolean;
  /** Which key the rows are for. Default: `"degradation"` if the first row has one, else `"skill"`. */
  by?: "degradation" | "skill";
  /** Severities, one panel each. Default `["L1", "L2"]`. */
  levels?: readonly ("L1" | "L2")[];
  /** Model names and groups; unknown models print their id in gray. */
  models?: readonly ModelMeta[];
  /** Column order. Default: least mean drop (most robust) first. */
  modelOrder?: readonly string[];
  /** Row order. Default: largest mean drop (most harmful) on top. */
  keyOrder?: readonly string[];
  /** Color saturates at ±this many points. Default: the largest |drop|. */
  maxAbs?: number;
  /** Print values in cells. Default true. */
  showValues?: boolean;
  /** Cell size in px. Default `[34, 20]`. */
  cellSize?: [number, number];
  /** Panels side by side (`"columns"`) or stacked (`"rows"`, default). */
  layout?: "rows" | "columns";
  /** Default "Accuracy drop by degradation type" / "... by skill". */
  title?: string;
  /** A line under the title. Default: none (or a short reading guide). */
  subtitle?: string;
}

interface Cell {
  model: string;
  key: string;
  value: number | null;
}

function mean(values: readonly (number | null)[]): number {
  const v = values.filter((x): x is number => x != null && Number.isFinite(x));
  return v.length ? v.reduce((s, x) => s + x, 0) / v.length : 0;
}

function colorbar(doc: Doc, maxAbs: number, width: number): DomElement {
  const steps = Array.from(
    { length: 81 },
    (_, i) => -maxAbs + (2 * maxAbs * i) / 80,
  );
  const step = (2 * maxAbs) / 80;
  return plotSvg(doc, {
    width,
    height: 58,
    marginLeft: 12,
    marginRight: 12,
    marginTop: 20,
    marginBottom: 22,
    x: {
      domain: [-maxAbs, maxAbs],
      label: null,
      tickFormat: (v: number) => `${v > 0 ? "+" : ""}${v}`,
    },
    y: { axis: null },
    color: {
      type: "diverging",
      scheme: "rdbu",
      domain: [-maxAbs, maxAbs],
      pivot: 0,
    },
    marks: [
      Plot.rectX(steps, {
        x1: (v: number) => v - step / 2,
        x2: (v: number) => v + step / 2,
        fill: (v: number) => v,
      }),
      Plot.text(
        ["Accuracy change vs L0 (points): red = worse, blue = better"],
        {
          frameAnchor: "top-left",
          dy: -12,
          fontSize: 11.5,
          textAnchor: "start",
        },
      ),
    ],
  });
}

/**
 * Draw drop heatmaps, models (columns) x degradation types or skills (rows),
 * one panel per severity, a shared diverging scale centred at 0 (red =
 * worse). Null drops draw a light gray cell without a number.
 *
 * @example Usage
 * ```ts
 * import { dropHeatmap } from "./heatmap.ts";
 * const svg = dropHeatmap([
 *   { model: "GPT-5", degradation: "low_dose", drop_L1: -2.5, drop_L2: -9.1 },
 *   { model: "GPT-5", degradation: "gaussian_blur", drop_L1: 0.4, drop_L2: -3.0 },
 * ]);
 * console.assert(svg.querySelectorAll('g[aria-label="cell"] rect').length === 4);
 * ```
 */
export function dropHeatmap(
  input: readonly DropRow[] | TableRows,
  options: DropHeatmapOptions = {},
): FigureSvg {
  const first = Array.isArray(input)
    ? input[0] as { degradation?: unknown } | undefined
    : undefined;
  const by = options.by ??
    (first?.degradation !== undefined ? "degradation" : "skill");
  const rows = checkRows<DropRow>(
    "drop heatmap",
    input,
    { model: "string", [by]: "string", drop_L1: "number?", drop_L2: "number?" },
    options.includeAverage,
  );
  const levels = options.levels ?? ["L1", "L2"];
  const look = modelLookup(options.models);
  const cells = (level: "L1" | "L2"): Cell[] =>
    rows.map((r) => ({
      model: r.model,
      key: r[by] as string,
      value: r[`drop_${level}`],
    }));
  const all = levels.flatMap(cells);
  const uniq = (xs: string[]) => [...new Set(xs)];
  const meanBy = (f: (c: Cell) => string) => (name: string) =>
    mean(all.filter((c) => f(c) === name).map((c) => c.value));
  const modelMean = meanBy((c) => c.model);
  const keyMean = meanBy((c) => c.key);
  const modelOrder = options.modelOrder ??
    uniq(all.map((c) => c.model)).sort((a, b) =>
      modelMean(b) - modelMean(a) || a.localeCompare(b)
    );
  const keyOrder = options.keyOrder ??
    uniq(all.map((c) => c.key)).sort((a, b) =>
      keyMean(a) - keyMean(b) || a.localeCompare(b)
    );
  const finite = all.map((c) => c.value).filter((v): v is number =>
    v != null && Number.isFinite(v)
  );
  const maxAbs = options.maxAbs ??
    Math.max(1, Math.ceil(Math.max(...finite.map(Math.abs))));
  const keyName = (k: string) =>
    by === "degradation" && isDegradation(k)
      ? DEGRADATION_INFO[k].displayName
      : k;
  const [cw, ch] = options.cellSize ?? [34, 20];
  const marginLeft =
    Math.ceil(Math.max(...keyOrder.map((k) => textWidth(keyName(k))))) + 14;
  const marginBottom = Math.ceil(
    Math.max(...modelOrder.map((m) => textWidth(look.name(m)))) * 0.7,
  ) + 16;
  const width = marginLeft + cw * modelOrder.length + 10;
  const doc = newDocument();
  const what = by === "degradation" ? "degradation type" : "skill";
  const panels = levels.map((level) => {
    const data = cells(level);
    const present = data.filter((c) =>
      c.value != null && Number.isFinite(c.value)
    );
    return plotSvg(doc, {
      width,
      height: 30 + ch * keyOrder.length + marginBottom,
      marginLeft,
      marginRight: 10,
      marginTop: 30,
      marginBottom,
      x: { domain: [...modelOrder], label: null, tickSize: 0, padding: 0 },
      y: { domain: [...keyOrder], label: null, tickSize: 0, padding: 0 },
      color: {
        type: "diverging",
        scheme: "rdbu",
        domain: [-maxAbs, maxAbs],
        pivot: 0,
      },
      marks: [
        Plot.axisX({
          anchor: "bottom",
          tickRotate: -45,
          textAnchor: "end",
          tickSize: 0,
          tickFormat: (m: string) => look.name(m),
          fill: (m: string) => look.color(m),
          label: null,
        }),
        Plot.axisY({ tickFormat: keyName, tickSize: 0, label: null }),
        Plot.cell(data.filter((c) => !present.includes(c)), {
          x: "model",
          y: "key",
          fill: "#eeeeee",
          inset: 0.5,
        }),
        Plot.cell(present, {
          x: "model",
          y: "key",
          fill: "value",
          inset: 0.5,
          title: (c: Cell) =>
            `${look.name(c.model)} · ${keyName(c.key)} · ${level}: ${
              fmt1(c.value)
            }`,
        }),
        ...(options.showValues === false ? [] : [
          Plot.text(present, {
            x: "model",
            y: "key",
            text: (c: Cell) => fmt1(c.value),
            fontSize: Math.min(10, ch * 0.5),
            fill: (c: Cell) =>
              Math.abs(c.value!) > 0.6 * maxAbs ? "white" : "#222",
          }),
        ]),
        Plot.text([
          `${
            level === "L1" ? "Mild (L1)" : "Severe (L2)"
          } vs clean (L0), by ${what}`,
        ], {
          frameAnchor: "top-left",
          dy: -18,
          fontSize: 13.5,
          fontWeight: "bold",
          textAnchor: "start",
        }),
      ],
    });
  });
  const bar = colorbar(doc, maxAbs, Math.min(420, width));
  return compose(doc, {
    title: options.title ?? `Accuracy drop by ${what}`,
    subtitle: options.subtitle,
    legend: [{
      title: "Model group",
      items: groupLegendItems(look, modelOrder),
    }],
    rows: options.layout === "columns"
      ? [[bar], panels]
      : [[bar], ...panels.map((p) => [p])],
  });
}
