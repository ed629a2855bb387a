/**
 * Grouped bars of accuracy at L0 / L1 / L2 for every model (the paper's
 * Fig. 3), model names colored by group.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import {
  GROUP_COLORS,
  groupLegendItems,
  LEVEL_COLORS,
  modelLookup,
  newDocument,
  plotSvg,
  textWidth,
} from "./_dom.ts";
import { checkRows } from "./_rows.ts";
import { compose } from "./_compose.ts";
import type { FigureSvg, ModelMeta, OverallRow, TableRows } from "./types.ts";

/** Options of {@link severityBars}. */
export interface SeverityBarsOptions {
  /** Draw the tables\' "Average (All Models)" row as a model. Default false. */
  includeAverage?: boolean;
  /** Model names and groups; unknown models print their id in gray. */
  models?: readonly ModelMeta[];
  /** `"rank"` (default): all models sorted by L0; `"group"`: proprietary, open-source, medical blocks, each sorted by L0. */
  arrange?: "rank" | "group";
  /** Plot width in px. Default: 30 px per model + margins, at least 640. */
  width?: number;
  /** Plot height in px, without title and legend. Default 420. */
  height?: number;
  /** Default "Accuracy under degradation (L0 clean, L1 mild, L2 severe)". */
  title?: string;
  /** A line under the title. Default: none (or a short reading guide). */
  subtitle?: string;
  /** y domain in percent. Default `[0, max rounded up to 10]`: bars start at zero. */
  yDomain?: [number, number];
}

const LEVELS = ["L0", "L1", "L2"] as const;
const GROUP_ORDER = ["proprietary", "open-source", "medical", "unknown"];

/**
 * Grouped bars of the overall table: one group of three bars per model,
 * sorted by clean accuracy. Rows with a `null` level draw no bar there.
 *
 * @example Usage
 * ```ts
 * import { severityBars } from "./severity_bars.ts";
 * const svg = severityBars([
 *   { model: "GPT-5", L0: 70.27, L1: 69.09, L2: 64.3 },
 *   { model: "MedGemma(27B)", L0: 54.6, L1: 52.9, L2: 49.3 },
 * ], { models: [{ model: "GPT-5", displayName: "GPT-5", group: "proprietary" }] });
 * console.assert(svg.querySelectorAll("rect").length > 6);
 * ```
 */
export function severityBars(
  input: readonly OverallRow[] | TableRows,
  options: SeverityBarsOptions = {},
): FigureSvg {
  const rows = checkRows<OverallRow>(
    "severity bars",
    input,
    { model: "string", L0: "number?", L1: "number?", L2: "number?" },
    options.includeAverage,
  );
  const look = modelLookup(options.models);
  const byL0 = (a: OverallRow, b: OverallRow) =>
    (b.L0 ?? -Infinity) - (a.L0 ?? -Infinity) || a.model.localeCompare(b.model);
  const sorted = [...rows].sort(
    options.arrange === "group"
      ? (a, b) =>
        GROUP_ORDER.indexOf(look.group(a.model)) -
          GROUP_ORDER.indexOf(look.group(b.model)) || byL0(a, b)
      : byL0,
  );
  const order = sorted.map((r) => r.model);
  const long = sorted.flatMap((r) =>
    LEVELS.filter((l) => r[l] != null && Number.isFinite(r[l])).map((
      level,
    ) => ({
      model: r.model,
      level,
      value: r[level] as number,
    }))
  );
  const max = Math.max(...long.map((d) => d.value), 10);
  const yDomain = options.yDomain ?? [0, Math.ceil(max / 10) * 10];
  const longest = Math.max(...order.map((m) => textWidth(look.name(m))));
  const marginBottom = Math.ceil(longest * 0.66) + 16;
  const width = options.width ?? Math.max(640, 30 * order.length + 90);
  const doc = newDocument();
  const headers = options.arrange === "group"
    ? GROUP_ORDER.map((g) => ({
      g,
      first: order.find((m) => look.group(m) === g),
    }))
      .filter((h) => h.first !== undefined)
    : [];
  const panel = plotSvg(doc, {
    width,
    height: (options.height ?? 420) + marginBottom - 60,
    // the first rotated label reaches left of its bar group
    marginLeft: Math.max(
      56,
      Math.ceil(textWidth(look.name(order[0])) * 0.66) - 6,
    ),
    marginBottom,
    marginTop: headers.length ? 24 : 12,
    fx: { domain: order, padding: 0.18, label: null },
    x: { domain: [...LEVELS], axis: null, paddingInner: 0.08 },
    y: {
      domain: yDomain,
      grid: true,
      label: "Accuracy (%)",
      labelAnchor: "center",
      labelArrow: "none",
    },
    color: { domain: [...LEVELS], range: LEVELS.map((l) => LEVEL_COLORS[l]) },
    marks: [
      Plot.axisFx({
        anchor: "bottom",
        tickRotate: -45,
        tickSize: 0,
        textAnchor: "end",
        tickFormat: (m: string) => look.name(m),
        fill: (m: string) => look.color(m),
        fontSize: 11,
        label: null,
      }),
      Plot.barY(long, {
        fx: "model",
        x: "level",
        y: "value",
        fill: "level",
        title: (d: { model: string; level: string; value: number }) =>
          `${look.name(d.model)} ${d.level}: ${d.value.toFixed(2)}%`,
      }),
      Plot.ruleY([yDomain[0]]),
      ...(headers.length
        ? [
          Plot.text(headers, {
            fx: "first",
            text: "g",
            frameAnchor: "top-left",
            dy: -18,
            fontWeight: "bold",
            fontSize: 12,
            textAnchor: "start",
            fill: (h: { g: keyof typeof GROUP_COLORS }) => GROUP_COLORS[h.g],
          }),
        ]
        : []),
    ],
  });
  return compose(doc, {
    title: options.title ??
      "Accuracy under degradation (L0 clean, L1 mild, L2 severe)",
    subtitle: options.subtitle,
    legend: [
      {
        title: "Severity",
        items: LEVELS.map((l) => ({
          label: l,
          color: LEVEL_COLORS[l],
          shape: "rect",
        })),
      },
      { title: "Model group", items: groupLegendItems(look, order) },
    ],
    rows: [[panel]],
  });
}
