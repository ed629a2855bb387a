/**
 * The rank bump chart (the paper's rank_bump.png): model ranks under
 * simulated and real-world degradation at L1 and L2, with Spearman and
 * Kendall rank correlations between simulated and real-world ranks.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import {
  fmt1,
  MODEL_PALETTE,
  modelLookup,
  newDocument,
  plotSvg,
  textWidth,
} from "./_dom.ts";
import { checkRows } from "./_rows.ts";
import { compose } from "./_compose.ts";
import { kendall, spearman } from "../metrics/rank_correlation.ts";
import type { FigureSvg, ModelMeta, RankRow, TableRows } from "./types.ts";

/** Options of {@link rankBump}. */
export interface RankBumpOptions {
  /** Model names and groups; unknown models print their id in gray. */
  models?: readonly ModelMeta[];
  /** Columns, left to right. Default `["sim_L1", "sim_L2", "real_L1", "real_L2"]`. */
  conditions?: readonly string[];
  /** Column labels. Default "Simulated L1", ... for the default conditions, else the condition. */
  conditionLabels?: Readonly<Record<string, string>>;
  /** Print Spearman's rho and Kendall's tau-b (ties averaged) of simulated vs real-world accuracy per level. Default true. */
  annotate?: boolean;
  /** Width in px. Default 900. */
  width?: number;
  /** Height per rank in px. Default 48. */
  rowHeight?: number;
  /** Default "Rank consistency: simulated vs real-world degradation". */
  title?: string;
  /** A line under the title. Default: none (or a short reading guide). */
  subtitle?: string;
}

const DEFAULT_LABELS: Record<string, string> = {
  sim_L1: "Simulated\nL1",
  sim_L2: "Simulated\nL2",
  real_L1: "Real-world\nL1",
  real_L2: "Real-world\nL2",
};

interface Point extends RankRow {
  i: number;
}

/** The correlation notes under the chart (one line per level present in both columns). */
function correlationNotes(
  rows: readonly RankRow[],
  conditions: readonly string[],
): string[] {
  const levels = [
    ...new Set(conditions.map((c) => c.replace(/^(sim|real)_/, ""))),
  ];
  return levels.flatMap((level) => {
    const sim = new Map(
      rows.filter((r) => r.condition === `sim_${level}`).map((
        r,
      ) => [r.model, r.accuracy]),
    );
    const real = new Map(
      rows.filter((r) => r.condition === `real_${level}`).map((
        r,
      ) => [r.model, r.accuracy]),
    );
    const both = [...sim.keys()].filter((m) => real.has(m)).sort();
    if (both.length < 3) return [];
    const x = both.map((m) => sim.get(m)!);
    const y = both.map((m) => real.get(m)!);
    const f = (v: number) => Number.isFinite(v) ? v.toFixed(3) : "undefined";
    return [
      `${level}, simulated vs real-world (n = ${both.length} models): Spearman ρ = ${
        f(spearman(x, y).statistic)
      }, Kendall τ-b = ${f(kendall(x, y).statistic)}`,
    ];
  });
}

/**
 * Draw the rank bump chart from rank-consistency rows: one line per model
 * across the conditions, accuracy printed above each dot, "#rank model" on
 * the left, "#rank" on the right, a dashed divider between simulated and
 * real-world columns.
 *
 * @example Usage
 * ```ts
 * import { rankBump } from "./rank_bump.ts";
 * const svg = rankBump([
 *   { model: "A", condition: "sim_L1", accuracy: 70, rank: 1 },
 *   { model: "B", condition: "sim_L1", accuracy: 60, rank: 2 },
 *   { model: "A", condition: "real_L1", accuracy: 58, rank: 2 },
 *   { model: "B", condition: "real_L1", accuracy: 61, rank: 1 },
 * ], { conditions: ["sim_L1", "real_L1"] });
 * console.assert(svg.querySelectorAll('g[aria-label="dot"] circle').length === 4);
 * ```
 */
export function rankBump(
  input: readonly RankRow[] | TableRows,
  options: RankBumpOptions = {},
): FigureSvg {
  const rows = checkRows<RankRow>(
    "rank bump",
    input,
    { model: "string", condition: "string", accuracy: "number", rank: "int" },
    true,
  );
  const conditions = options.conditions ??
    ["sim_L1", "sim_L2", "real_L1", "real_L2"];
  const labels = { ...DEFAULT_LABELS, ...options.conditionLabels };
  const look = modelLookup(options.models);
  rows.forEach((r, i) => {
    if (!Number.isInteger(r.rank) || r.rank < 1) {
      throw new RangeError(
        `Cannot draw rank bump: row ${i + 1} (model ${
          JSON.stringify(r.model)
        }, ${r.condition}) has rank ${
          JSON.stringify(r.rank)
        }; expected an integer >= 1`,
      );
    }
  });
  const points: Point[] = rows
    .filter((r) => conditions.includes(r.condition))
    .map((r) => ({ ...r, i: conditions.indexOf(r.condition) }))
    .sort((a, b) => a.i - b.i);
  if (points.length === 0) {
    throw new RangeError(
      `Cannot draw rank bump: no row has a condition in ${
        JSON.stringify(conditions)
      }`,
    );
  }
  const firstCol = points.filter((p) => p.i === points[0].i).sort((a, b) =>
    a.rank - b.rank
  );
  const lastI = points.at(-1)!.i;
  const lastCol = points.filter((p) => p.i === lastI);
  const order = [
    ...new Set([
      ...firstCol.map((p) => p.model),
      ...points.map((p) => p.model),
    ]),
  ];
  const color = (m: string) =>
    MODEL_PALETTE[order.indexOf(m) % MODEL_PALETTE.length];
  const maxRank = Math.max(...points.map((p) => p.rank));
  const leftText = (p: Point) => `#${p.rank}  ${look.name(p.model)}`;
  const marginLeft =
    Math.ceil(Math.max(...firstCol.map((p) => textWidth(leftText(p), 13)))) +
    30;
  const simIdx = conditions.map((c, i) => c.startsWith("sim") ? i : -1).filter((
    i,
  ) => i >= 0);
  const realIdx = conditions.map((c, i) => c.startsWith("real") ? i : -1)
    .filter((i) => i >= 0);
  const divider = simIdx.length && realIdx.length &&
      Math.max(...simIdx) < Math.min(...realIdx)
    ? [(Math.max(...simIdx) + Math.min(...realIdx)) / 2]
    : [];
  const doc = newDocument();
  const panel = plotSvg(doc, {
    width: options.width ?? 900,
    height: maxRank * (options.rowHeight ?? 48) + 80,
    marginLeft,
    marginRight: 50,
    marginTop: 28,
    marginBottom: 48,
    x: { domain: [-0.15, conditions.length - 0.85], axis: null },
    y: { domain: [maxRank + 0.5, 0.5], axis: null },
    marks: [
      Plot.ruleX(divider, { stroke: "#999", strokeDasharray: "6,4" }),
      Plot.ruleX(conditions.map((_, i) => i), { stroke: "#eee" }),
      Plot.text(conditions.map((c, i) => ({ c, i })), {
        x: "i",
        text: (d: { c: string }) => labels[d.c] ?? d.c,
        frameAnchor: "bottom",
        lineAnchor: "top",
        dy: 12,
        fontSize: 13,
      }),
      Plot.line(points, {
        x: "i",
        y: "rank",
        z: "model",
        stroke: (p: Point) => color(p.model),
        strokeWidth: 3,
        curve: "bump-x",
      }),
      Plot.dot(points, {
        x: "i",
        y: "rank",
        r: 7,
        fill: (p: Point) => color(p.model),
        stroke: "white",
        strokeWidth: 1.5,
        title: (p: Point) =>
          `${look.name(p.model)} · ${p.condition}: ${
            fmt1(p.accuracy)
          }% (#${p.rank})`,
      }),
      Plot.text(points, {
        x: "i",
        y: "rank",
        text: (p: Point) => fmt1(p.accuracy),
        dy: -15,
        fontSize: 11,
        fill: (p: Point) => color(p.model),
      }),
      Plot.text(firstCol, {
        x: "i",
        y: "rank",
        text: leftText,
        dx: -14,
        textAnchor: "end",
        fontSize: 13,
        fill: (p: Point) => color(p.model),
      }),
      Plot.text(lastCol, {
        x: "i",
        y: "rank",
        text: (p: Point) => `#${p.rank}`,
        dx: 14,
        textAnchor: "start",
        fontSize: 13,
        fill: (p: Point) => color(p.model),
      }),
    ],
  });
  return compose(doc, {
    title: options.title ??
      "Rank consistency: simulated vs real-world degradation",
    subtitle: options.subtitle ?? "Accuracy (%) above each dot; rank 1 = best",
    rows: [[panel]],
    notes: options.annotate === false ? [] : correlationNotes(rows, conditions),
  });
}
