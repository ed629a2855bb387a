/**
 * The reproduction pipeline behind `deno task reproduce`: tables for every
 * results directory, the paper's figures, the fidelity of every published
 * number, and one self-contained HTML page.
 *
 * @module
 */

import { join } from "node:path";
import { loadResults } from "../results/load_results.ts";
import { DEGRADATIONS } from "../taxonomy/degradations.ts";
import type { Results } from "../results/results.ts";
import {
  buildTables,
  type BuiltTable,
  type TableContext,
  tableContext,
  writeTables,
} from "../tables/mod.ts";
import { AVERAGE_ROW, type TableRow } from "../tables/format.ts";
import { rankConsistency } from "../metrics/rank_consistency.ts";
import {
  calibrationDots,
  dkeArrows,
  dropHeatmap,
  type FigureSvg,
  modalityRadar,
  type ModelMeta,
  rankBump,
  reliabilityDiagram,
  severityBars,
  toSvgString,
  tsneFigure,
  writePng,
} from "../figures/mod.ts";
import {
  fidelity,
  FIDELITY_TOLERANCE,
  type FidelityRow,
  paperNumbers,
  summarizeFidelity,
} from "../paper/mod.ts";
import type { ReproducedTables } from "../paper/fidelity.ts";
import { attainableTargets } from "../paper/attainable.ts";
import { benchmarkCounts } from "../paper/benchmark_counts.ts";
import { writeTable } from "../results/write_table.ts";
import { htmlReport, type ReportSection } from "./html_report.ts";

/** Options of {@linkcode reproduce}. */
export interface ReproduceOptions {
  /**
   * Results directories by name. Default: the shipped reconstruction
   * (`main`, `calibration`, `realworld` under data/raw/, regenerated and
   * checksum-verified when missing).
   */
  data?: Record<string, string>;
  /** Output folder (default `out`). */
  out?: string;
  /** Compare with the paper's published numbers (default: only for the shipped data). */
  fidelity?: boolean;
  /** Write PNG next to every SVG (default true). */
  png?: boolean;
  /**
   * Also build the simulated-vs-real t-SNE map (Fig. 5a) from our sample
   * images (default true).
   */
  tsne?: boolean;
  /** Progress lines (default: to stderr). */
  log?: (line: string) => void;
  /**
   * Progress of regenerating the shipped raw data (step label, units done,
   * total). Default: a line per step and every 10 models through `log`.
   */
  onRawProgress?: (label: string, done: number, total: number) => void;
}

/** What {@linkcode reproduce} wrote. */
export interface ReproduceSummary {
  /** Output folder. */
  out: string;
  /** CSV tables written, per results directory. */
  tables: Record<string, string[]>;
  /** Figure files written (SVG and PNG). */
  figures: string[];
  /** Fidelity rows (empty when not compared). */
  fidelity: FidelityRow[];
  /** The HTML page. */
  index: string;
}

interface Loaded {
  name: string;
  results: Results;
  ctx: TableContext;
  tables: Record<string, BuiltTable>;
}

function metaOf(results: Results): ModelMeta[] {
  return results.models.map((m) => ({
    model: m.model,
    displayName: m.displayName,
    group: m.group,
  }));
}

const num = (v: unknown): number => (typeof v === "number" ? v : Number.NaN);

/** Rank rows (simulated vs real-world) for the models of the real-world set. */
function rankRows(
  main: Loaded,
  real: Loaded,
): { rows: TableRow[]; note: string } {
  const models = new Set(real.results.models.map((m) => m.model));
  const conditions: Record<string, Record<string, number>> = {
    sim_L1: {},
    sim_L2: {},
    real_L1: {},
    real_L2: {},
  };
  for (const r of main.tables.overall.rows) {
    if (!models.has(r.model as string)) continue;
    conditions.sim_L1[r.model as string] = num(r.L1);
    conditions.sim_L2[r.model as string] = num(r.L2);
  }
  for (const r of real.tables.overall.rows) {
    if (!models.has(r.model as string)) continue;
    conditions.real_L1[r.model as string] = num(r.L1);
    conditions.real_L2[r.model as string] = num(r.L2);
  }
  const rc = rankConsistency(conditions);
  const rows: TableRow[] = [];
  for (const [condition, accs] of Object.entries(conditions)) {
    for (const [model, accuracy] of Object.entries(accs)) {
      rows.push({
        model,
        condition,
        accuracy,
        rank: rc.ranks[condition][model],
      });
    }
  }
  const note = rc.pairs.map((p) =>
    `${p.a} vs ${p.b}: Spearman ${p.spearman.statistic.toFixed(3)} (p ${
      p.spearman.p.toPrecision(3)
    }, ${p.spearman.pMethod}), Kendall ${p.kendall.statistic.toFixed(3)} (p ${
      p.kendall.p.toPrecision(3)
    })`
  ).join("; ");
  return { rows, note };
}

/** Up to `k` model ids spread evenly over the L0 accuracy ranking. */
function spread(overall: readonly TableRow[], k: number): string[] {
  const ranked = overall.filter((r) =>
    r.model !== AVERAGE_ROW && typeof r.L0 === "number"
  )
    .sort((a, b) => (b.L0 as number) - (a.L0 as number)).map((r) =>
      r.model as string
    );
  if (ranked.length <= k) return ranked;
  return Array.from(
    { length: k },
    (_, i) => ranked[Math.round((i * (ranked.length - 1)) / (k - 1))],
  );
}

type Figure = { name: string; title: string; plot: FigureSvg; caption: string };

function figuresFor(sets: Loaded[]): Figure[] {
  const by = new Map(sets.map((s) => [s.name, s]));
  const main = by.get("main") ?? sets[0];
  const calib = by.get("calibration") ?? main;
  const figs: Figure[] = [];
  const models = [
    ...new Map(sets.flatMap((s) => metaOf(s.results)).map((m) => [m.model, m]))
      .values(),
  ];
  const t = main.tables;
  figs.push({
    name: "severity_bars",
    title: "Accuracy by severity (Fig. 3/4)",
    plot: severityBars(t.overall.rows, { models }),
    caption:
      `Accuracy on clean (L0), mild (L1) and severe (L2) items, ${main.name} results.`,
  });
  figs.push({
    name: "heatmap_degradation",
    title: "Accuracy drop by degradation type",
    plot: dropHeatmap(t.degradation_heatmap.rows, {
      by: "degradation",
      models,
    }),
    caption:
      "Paired drop (points) of each degradation at L1 and L2 against the same questions' clean items.",
  });
  figs.push({
    name: "heatmap_skill",
    title: "Accuracy drop by skill",
    plot: dropHeatmap(t.skill_heatmap.rows, { by: "skill", models }),
    caption: "Paired drop (points) per fine-grained skill at L1 and L2.",
  });
  figs.push({
    name: "modality_radar",
    title: "Accuracy by modality",
    plot: modalityRadar(t.modality.rows, { models }),
    caption: "Accuracy per imaging modality at L0, L1 and L2.",
  });
  const cal = calib.tables.calibration.rows.filter((r) => r.level !== "L12");
  figs.push({
    name: "calibration_shift",
    title: "Calibration shift (the AI Dunning-Kruger effect)",
    plot: calibrationDots(cal, { models }),
    caption:
      `Accuracy, voting confidence and Δcalib per level, ${calib.name} results.`,
  });
  figs.push({
    name: "dke_arrows",
    title: "From clean to severe: accuracy falls, confidence stays",
    plot: dkeArrows(cal, { models }),
    caption:
      "Each arrow goes from a model's (accuracy, confidence) at L0 to L2; the diagonal is perfect calibration.",
  });
  figs.push({
    name: "reliability",
    title: "Reliability diagrams",
    plot: reliabilityDiagram(
      calib.tables.reliability.rows.filter((r) => r.level !== "L12"),
      {
        models,
        select: spread(calib.tables.overall.rows, 6),
        calibration: cal,
      },
    ),
    caption:
      "Accuracy against voting confidence per bin (beyond the paper), for six models spread over the accuracy range; every model's bins are in reliability.csv.",
  });
  const real = by.get("realworld");
  if (real && by.has("main")) {
    const rank = rankRows(main, real);
    figs.push({
      name: "rank_bump",
      title: "Rank consistency: simulated vs real-world",
      plot: rankBump(rank.rows, { models }),
      caption: rank.note,
    });
  }
  return figs;
}

function reproducedFor(sets: Map<string, Loaded>): ReproducedTables {
  const rows = (name: string, table: string) =>
    sets.get(name)?.tables[table]?.rows ?? [];
  const slice = (r: TableRow, key: string) => ({ ...r, slice: r[key] });
  const cast = <T>(x: unknown): T => x as T;
  return {
    overall: cast(rows("main", "overall")),
    capability: cast(rows("main", "capability").map((r) => slice(r, "task"))),
    category: cast(rows("main", "category").map((r) => slice(r, "category"))),
    degradationHeatmap: cast(rows("main", "degradation_heatmap")),
    calibration: cast(rows("calibration", "calibration")),
    realworld: cast(
      rows("realworld", "overall").flatMap((r) => [
        { model: r.model, level: "L1", accuracy: r.L1 },
        { model: r.model, level: "L2", accuracy: r.L2 },
      ]),
    ),
  };
}

/** The t-SNE map of simulated vs stand-in real degradations of our sample images. */
async function tsneStep(
  out: string,
  figDir: string,
  summary: ReproduceSummary,
  png: boolean,
  log: (line: string) => void,
): Promise<ReportSection> {
  const t0 = performance.now();
  const { buildSampleEmbeddingSet, colocation, embeddingMap } = await import(
    "../embed/mod.ts"
  );
  const set = await buildSampleEmbeddingSet(0);
  const map = embeddingMap(set, { seed: 0 });
  const rows = colocation(set, { seed: 0 }).map((r) => ({ ...r }));
  const plot = tsneFigure(map.points, {
    subtitle:
      `${set.n} sample images; "real" = stand-ins (other crops, seeds, jittered parameters), not real-world images`,
  });
  const svg = join(figDir, "tsne_map.svg");
  const svgText = toSvgString(plot);
  await Deno.writeTextFile(svg, svgText);
  summary.figures.push(svg);
  if (png) {
    await writePng(join(figDir, "tsne_map.png"), plot);
    summary.figures.push(join(figDir, "tsne_map.png"));
  }
  await Deno.mkdir(join(out, "embed"), { recursive: true });
  const columns = [
    "modality",
    "degradation",
    "nReal",
    "nSimulated",
    "k",
    "observed",
    "expected",
    "lift",
    "pValue",
  ];
  await writeTable(
    join(out, "embed", "colocation.csv"),
    columns,
    rows.map((r) =>
      columns.map((c) => {
        const v = (r as Record<string, unknown>)[c];
        return typeof v === "number" && !Number.isFinite(v)
          ? null
          : v as string | number;
      })
    ),
  );
  log(
    `t-SNE map of ${set.n} sample images -> ${svg} (${
      ((performance.now() - t0) / 1000).toFixed(1)
    } s)`,
  );
  return {
    title: "Simulated vs real degradations (Fig. 5a)",
    text:
      "Image-quality features of our sample images, degraded by every valid id at L1 and L2, mapped with t-SNE. Without real-world degraded images at hand, the 'real' points are stand-ins (other crops, seeds and jittered parameters): the co-location numbers test the tooling, not the paper's claim. Run `deno task embed --embeddings FILE` on features of real images to test the claim.",
    figures: [{ title: "t-SNE map", svg: svgText }],
    tables: [{
      title: "Co-location of real among simulated images",
      rows: rows.filter((r) => r.degradation === "all") as never,
      href: "embed/colocation.csv",
    }],
  };
}

/**
 * Items per model, degradation and level ("model|id|L1"), so a heatmap cell's
 * tolerance can be one item's worth where that exceeds 1 point.
 */
function heatmapItemCounts(main: Loaded | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  if (!main) return counts;
  const { items } = main.results;
  for (const s of main.ctx.scores) {
    const n = new Map<string, number>();
    for (let i = 0; i < items.n; i++) {
      if (items.severity[i] === 0 || s.trials[i] === 0) continue;
      const key = `${s.modelId}|${DEGRADATIONS[items.degradation[i]]}|L${
        items.severity[i]
      }`;
      n.set(key, (n.get(key) ?? 0) + 1);
    }
    for (const [k, v] of n) counts.set(k, v);
  }
  return counts;
}

/**
 * Rebuild every output: `out/<name>/tables/*.csv|md` per results directory,
 * `out/figures/*.svg|png`, `out/fidelity.csv` (the shipped data, or when
 * asked) and `out/index.html`.
 *
 * @param options Data directories, output folder, progress.
 * @returns What was written.
 *
 * @example Usage
 * ```ts ignore
 * import { reproduce } from "./reproduce.ts";
 * const s = await reproduce({ data: { mine: "path/to/results" }, out: "out-mine" });
 * console.log(s.index);
 * ```
 */
export async function reproduce(
  options: ReproduceOptions = {},
): Promise<ReproduceSummary> {
  const log = options.log ?? ((l: string) => console.error(l));
  const out = options.out ?? "out";
  const shipped = options.data === undefined;
  let data = options.data;
  if (!data) {
    const { ensureRawData, RAW_SETS } = await import("../simulate/raw_data.ts");
    log(
      "Checking the shipped raw results (regenerated from the seed when missing) ...",
    );
    const dir = await ensureRawData(undefined, {
      // A line per step and every 10 models while regenerating (about a minute cold).
      onProgress: options.onRawProgress ?? ((label, done, total) => {
        if (done === total || done % 10 === 0) {
          log(`  ${label}: ${done}/${total}`);
        }
      }),
    });
    data = Object.fromEntries(RAW_SETS.map((s) => [s, join(dir, s)]));
  }
  const summary: ReproduceSummary = {
    out,
    tables: {},
    figures: [],
    fidelity: [],
    index: join(out, "index.html"),
  };
  const sets = new Map<string, Loaded>();
  for (const [name, dir] of Object.entries(data)) {
    const t0 = performance.now();
    const results = await loadResults(dir);
    for (const w of results.warnings) log(`  warning (${name}): ${w}`);
    const ctx = tableContext(results);
    const tables = buildTables(ctx);
    summary.tables[name] = await writeTables(join(out, name, "tables"), tables);
    sets.set(name, { name, results, ctx, tables });
    log(
      `Tables for ${name}: ${results.predictions.n} predictions, ${results.items.n} items, ${results.models.length} models -> ${
        join(out, name, "tables")
      } (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
  }

  const t1 = performance.now();
  const figDir = join(out, "figures");
  await Deno.mkdir(figDir, { recursive: true });
  const figures = figuresFor([...sets.values()]);
  const svgText = new Map(figures.map((f) => [f.name, toSvgString(f.plot)]));
  for (const f of figures) {
    const svg = join(figDir, `${f.name}.svg`);
    await Deno.writeTextFile(svg, svgText.get(f.name)!);
    summary.figures.push(svg);
    if (options.png ?? true) {
      const png = join(figDir, `${f.name}.png`);
      await writePng(png, f.plot);
      summary.figures.push(png);
    }
  }
  const embedSection = (options.tsne ?? true)
    ? await tsneStep(out, figDir, summary, options.png ?? true, log)
    : null;
  log(
    `Figures: ${
      summary.figures.filter((f) => f.endsWith(".svg")).length
    } -> ${figDir} (${((performance.now() - t1) / 1000).toFixed(1)} s)`,
  );

  const sections: ReportSection[] = [];
  if (options.fidelity ?? shipped) {
    const paper = paperNumbers();
    const main = sets.get("main");
    const rows = fidelity(
      reproducedFor(sets),
      paper,
      heatmapItemCounts(main),
      main
        ? attainableTargets(
          paper,
          benchmarkCounts(main.results),
          FIDELITY_TOLERANCE,
        )
        : undefined,
    );
    summary.fidelity = rows;
    const cols = [
      "source",
      "model",
      "column",
      "paper",
      "reproduced",
      "difference",
      "tolerance",
      "within",
      "attainable",
      "attainable_tolerance",
      "within_attainable",
      "note",
    ];
    await writeTable(
      join(out, "fidelity.csv"),
      cols,
      rows.map((r) =>
        cols.map((c) => {
          const v = (r as unknown as Record<string, unknown>)[
            c.replace(/_(\w)/g, (_, x: string) => x.toUpperCase())
          ];
          return v === null
            ? null
            : typeof v === "boolean"
            ? String(v)
            : v as string | number;
        })
      ),
    );
    const s = summarizeFidelity(rows);
    const within = rows.filter((r) => r.within).length;
    const reach = rows.filter((r) => r.withinAttainable).length;
    log(
      `Fidelity: ${within}/${rows.length} published numbers within tolerance, ${reach}/${rows.length} within tolerance of the nearest value consistent with the paper's higher-priority tables -> ${
        join(out, "fidelity.csv")
      }`,
    );
    sections.push({
      title: "Fidelity to the paper",
      text:
        `Every published number compared with its reproduction: ${within} of ${rows.length} within tolerance of the printed value; ${reach} of ${rows.length} within tolerance of the attainable value (the nearest value consistent with higher-priority published numbers and our item counts, where the paper contradicts itself; the note says which tables disagree). The shipped raw results are a reconstruction fitted to the paper's published aggregates, not the authors' data.`,
      tables: [
        {
          title: "Summary per published source",
          rows: s.map((x) => ({ ...x })),
          href: "fidelity.csv",
        },
        {
          title: "Numbers outside tolerance",
          rows: rows.filter((r) => !r.within).map((r) => ({ ...r })),
          limit: 40,
        },
      ],
    });
  }
  sections.push({
    title: "Figures",
    figures: figures.map((f) => ({
      title: f.title,
      svg: svgText.get(f.name)!,
      caption: f.caption,
    })),
  });
  if (embedSection) sections.push(embedSection);
  for (const [name, set] of sets) {
    sections.push({
      title: `Tables: ${name}`,
      text:
        `${set.results.models.length} models, ${set.results.items.n} items, ${set.results.predictions.n} predictions, from ${
          data[name]
        }.`,
      tables: Object.entries(set.tables).map(([t, b]) => ({
        title: t,
        rows: b.rows,
        columns: b.columns,
        href: `${name}/tables/${t}.csv`,
      })),
    });
  }
  await Deno.writeTextFile(
    summary.index,
    htmlReport({
      title: "MedQ-Deg: reproduced tables and figures",
      intro: `Generated by medq-deg's reproduce task on ${
        Object.keys(data).join(", ")
      }. Accuracy tables are in percent, calibration and DKE statistics in fractions.`,
      sections,
    }),
  );
  log(`Report: ${summary.index}`);
  return summary;
}
