/**
 * Reliability diagrams (beyond the paper): per severity level, accuracy per
 * confidence bin against the diagonal of perfect calibration, the gap from
 * each bin's mean confidence to its accuracy, and the bin counts.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { LEVEL_COLORS, modelLookup, newDocument, plotSvg } from "./_dom.ts";
import { checkRows } from "./_rows.ts";
import { compose } from "./_compose.ts";
import type {
  CalibrationRow,
  FigureSvg,
  ModelMeta,
  ReliabilityBinRow,
  TableRows,
} from "./types.ts";

/** Options of {@link reliabilityDiagram}. */
export interface ReliabilityDiagramOptions {
  /** Model names and groups; unknown models print their id in gray. */
  models?: readonly ModelMeta[];
  /** Models drawn (one row of panels each), in order. Default: all, in order of appearance. */
  select?: readonly string[];
  /** Levels drawn (one column each). Default: those present, in the order L0, L1, L2, L12, then others. */
  levels?: readonly string[];
  /** Calibration rows; when given, each panel prints that level's ECE and accuracy/confidence. */
  calibration?: readonly CalibrationRow[] | TableRows;
  /** Size of one square panel in px. Default 260. */
  size?: number;
  /** Default "Reliability diagrams". */
  title?: string;
  /** A line under the title. Default: none (or a short reading guide). */
  subtitle?: string;
}

const LEVEL_ORDER = ["L0", "L1", "L2", "L12"];

/**
 * Draw reliability diagrams from reliability-bin rows: bars span each bin
 * `[lo, hi)` up to its accuracy, a dot marks (mean confidence, accuracy), a
 * red segment the gap to the diagonal, and the count `n` sits at the foot of each bin
 * (empty bins print 0 and draw no bar).
 *
 * @example Usage
 * ```ts
 * import { reliabilityDiagram } from "./reliability_diagram.ts";
 * const svg = reliabilityDiagram([
 *   { model: "m", level: "L0", bin: 0, lo: 0, hi: 0.5, n: 10, confidence: 0.4, accuracy: 0.3 },
 *   { model: "m", level: "L0", bin: 1, lo: 0.5, hi: 1, n: 90, confidence: 0.9, accuracy: 0.7 },
 * ]);
 * console.assert(svg.querySelectorAll('g[aria-label="rect"] rect').length === 2);
 * ```
 */
export function reliabilityDiagram(
  input: readonly ReliabilityBinRow[] | TableRows,
  options: ReliabilityDiagramOptions = {},
): FigureSvg {
  const rows = checkRows<ReliabilityBinRow>(
    "reliability diagram",
    input,
    {
      model: "string",
      level: "string",
      bin: "int",
      lo: "number",
      hi: "number",
      n: "int",
      confidence: "number?",
      accuracy: "number?",
    },
    true,
  );
  rows.forEach((r, i) => {
    if (
      !(r.lo >= 0 && r.hi <= 1 && r.lo < r.hi) ||
      !(Number.isInteger(r.n) && r.n >= 0)
    ) {
      throw new RangeError(
        `Cannot draw reliability diagram: row ${i + 1} (model ${
          JSON.stringify(r.model)
        }, ${r.level}, bin ${r.bin}) has lo ${r.lo}, hi ${r.hi}, n ${r.n}; expected 0 <= lo < hi <= 1 and an integer n >= 0`,
      );
    }
  });
  const look = modelLookup(options.models);
  const present = [...new Set(rows.map((r) => r.model))];
  const select = options.select ?? present;
  const seenLevels = [...new Set(rows.map((r) => r.level))];
  const levels = options.levels ??
    [
      ...LEVEL_ORDER.filter((l) => seenLevels.includes(l)),
      ...seenLevels.filter((l) => !LEVEL_ORDER.includes(l)),
    ];
  const used = rows.filter((r) =>
    select.includes(r.model) && levels.includes(r.level)
  );
  if (used.length === 0) {
    throw new RangeError(
      `Cannot draw reliability diagram: no rows for models ${
        JSON.stringify(select)
      } at levels ${JSON.stringify(levels)}`,
    );
  }
  const full = used.filter((r) =>
    r.n > 0 && r.accuracy != null && r.confidence != null
  );
  const size = options.size ?? 260;
  const calibration = options.calibration
    ? checkRows<CalibrationRow>(
      "reliability diagram (calibration option)",
      options.calibration,
      {
        model: "string",
        level: "string",
        accuracy: "number?",
        confidence: "number?",
        ece: "optional number?",
      },
      true,
    )
    : [];
  const notes = select.flatMap((model) =>
    levels.map((level) => {
      const c = calibration.find((c) => c.model === model && c.level === level);
      const n = used.filter((r) => r.model === model && r.level === level)
        .reduce((s, r) => s + r.n, 0);
      return {
        model,
        level,
        text: [
          `N = ${n}`,
          c?.ece != null ? `ECE ${c.ece.toFixed(3)}` : "",
          c?.accuracy != null && c?.confidence != null
            ? `acc ${c.accuracy.toFixed(3)} · conf ${c.confidence.toFixed(3)}`
            : "",
        ].filter(Boolean).join("\n"),
      };
    })
  );
  const many = select.length > 1;
  const doc = newDocument();
  const panel = plotSvg(doc, {
    width: 60 + levels.length * size + (many ? 120 : 20),
    height: 60 + select.length * size,
    marginLeft: 50,
    marginRight: many ? 130 : 20,
    marginTop: 30,
    marginBottom: 40,
    fx: { domain: [...levels], label: null, padding: 0.1, axis: "top" },
    fy: {
      domain: [...select],
      label: null,
      padding: 0.1,
      axis: many ? "right" : null,
      tickFormat: look.name,
    },
    x: {
      domain: [0, 1],
      label: "Confidence",
      labelAnchor: "center",
      labelArrow: "none",
      ticks: 5,
    },
    y: {
      domain: [0, 1.08],
      label: "Accuracy",
      labelAnchor: "center",
      labelArrow: "none",
      ticks: 5,
      grid: true,
    },
    marks: [
      Plot.frame({ stroke: "#ccc" }),
      Plot.line([[0, 0], [1, 1]], { stroke: "#888", strokeDasharray: "4,3" }),
      Plot.rectY(full, {
        x1: "lo",
        x2: "hi",
        y: "accuracy",
        fx: "level",
        fy: "model",
        inset: 1,
        fill: (r: ReliabilityBinRow) => LEVEL_COLORS[r.level] ?? "#777",
        fillOpacity: 0.55,
      }),
      Plot.link(full, {
        x1: "confidence",
        x2: "confidence",
        y1: "accuracy",
        y2: "confidence",
        fx: "level",
        fy: "model",
        stroke: "#b00020",
        strokeWidth: 2,
      }),
      Plot.dot(full, {
        x: "confidence",
        y: "accuracy",
        fx: "level",
        fy: "model",
        r: 2.5,
        fill: "#222",
        title: (r: ReliabilityBinRow) =>
          `${
            look.name(r.model)
          } ${r.level} bin [${r.lo}, ${r.hi}): n ${r.n}, conf ${r.confidence}, acc ${r.accuracy}`,
      }),
      Plot.text(used, {
        x: (r: ReliabilityBinRow) => (r.lo + r.hi) / 2,
        y: 0,
        text: (r: ReliabilityBinRow) => String(r.n),
        fx: "level",
        fy: "model",
        dy: -6,
        fontSize: 8,
        fill: "#444",
      }),
      Plot.text(notes, {
        fx: "level",
        fy: "model",
        text: "text",
        frameAnchor: "top-left",
        dx: 4,
        dy: 4,
        fontSize: 10,
        lineHeight: 1.2,
      }),
    ],
  });
  return compose(doc, {
    title: options.title ?? "Reliability diagrams",
    subtitle: options.subtitle ??
      "Bars: accuracy per confidence bin (count at its foot); dot: mean confidence; red: gap to the diagonal (overconfidence below it)",
    rows: [[panel]],
  });
}
