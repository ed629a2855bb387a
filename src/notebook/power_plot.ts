/**
 * The power curve of the intra-model Dunning-Kruger test: detection rate
 * against benchmark size, one line per trial count.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import type { FigureSvg } from "../figures/types.ts";
import type { DkePowerRow } from "./power.ts";

/** Options of {@linkcode powerPlot}. */
export interface PowerPlotOptions {
  /** Which rate to draw (default "rate_both"). */
  rate?: "rate_both" | "rate_acc" | "rate_calib";
  /** Dashed reference line (default 0.8). */
  target?: number;
  /** Title drawn inside the SVG (default "Detection rate of the intra-model DKE test"). */
  title?: string;
  /** Width in px (default 640). */
  width?: number;
}

/**
 * Draw detection rate against the number of questions (log scale), one
 * colored line per trial count (keyed at the lower right), with a dashed
 * line at the target power. A bare `<svg>` (no legend wrapper), so it also
 * renders to PNG.
 *
 * @param rows Rows from {@linkcode dkePower}.
 * @param options Which rate, target, title, width.
 * @returns The SVG element (show it with `display` from the figures module).
 * @throws {RangeError} If there are no rows.
 *
 * @example Usage
 * ```ts
 * import { powerPlot } from "./power_plot.ts";
 * const svg = powerPlot([
 *   { questions: 50, trials: 3, items: 290, replicates: 10, rate_acc: 0.6,
 *     rate_calib: 0.3, rate_both: 0.2, mean_acc_drop: 0.05, mean_calib_increase: 0.03 },
 *   { questions: 100, trials: 3, items: 580, replicates: 10, rate_acc: 0.9,
 *     rate_calib: 0.5, rate_both: 0.5, mean_acc_drop: 0.05, mean_calib_increase: 0.03 },
 * ]);
 * console.assert(svg.tagName.toLowerCase() === "svg");
 * ```
 */
export function powerPlot(
  rows: readonly DkePowerRow[],
  options: PowerPlotOptions = {},
): FigureSvg {
  if (rows.length === 0) {
    throw new RangeError("Cannot plot no power rows: expected at least one");
  }
  const rate = options.rate ?? "rate_both";
  const { document } = parseHTML(
    "<!DOCTYPE html><html><body></body></html>",
  ) as unknown as { document: unknown };
  const data = rows.map((r) => ({ ...r, T: `T = ${r.trials}` }));
  // A legend in data coordinates at the lower right, one entry per T.
  const xMax = Math.max(...rows.map((r) => r.questions));
  const legend = [...new Set(data.map((d) => d.T))].map((T, i) => ({
    T,
    x: xMax,
    y: 0.06 + 0.07 * i,
  }));
  const svg = Plot.plot({
    document: document as unknown as Plot.PlotOptions["document"],
    width: options.width ?? 640,
    height: 380,
    marginLeft: 50,
    marginRight: 70,
    style: { fontFamily: "sans-serif", fontSize: "11px", background: "white" },
    marginTop: 52,
    x: { type: "log", label: "Questions (each with L0, L1, L2 items)" },
    y: { domain: [0, 1], grid: true, label: "Detection rate" },
    color: { label: "Trials per item" },
    marks: [
      Plot.text(
        [options.title ?? "Detection rate of the intra-model DKE test"],
        {
          frameAnchor: "top",
          dy: -40,
          fontSize: 13,
          fontWeight: "bold",
        },
      ),
      Plot.ruleY([options.target ?? 0.8], { strokeDasharray: "4,3" }),
      Plot.line(data, { x: "questions", y: rate, stroke: "T" }),
      Plot.dot(data, { x: "questions", y: rate, fill: "T" }),
      Plot.dot(legend, { x: "x", y: "y", fill: "T", dx: -60 }),
      Plot.text(legend, {
        x: "x",
        y: "y",
        text: "T",
        dx: -52,
        textAnchor: "start",
      }),
    ],
  }) as unknown as FigureSvg;
  if (svg.tagName.toLowerCase() !== "svg") {
    throw new TypeError(
      `Expected Plot to return an <svg>, got <${svg.tagName.toLowerCase()}>`,
    );
  }
  return svg;
}
