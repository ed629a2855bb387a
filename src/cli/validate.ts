/**
 * `deno task validate DIR [--max-problems N] [--json]`: check a results
 * directory against FORMAT.md without building any table, and say what it
 * holds. Valid: a summary (items by severity and modality, models by group,
 * per model its rows, answered and missing items, trials and unparsed
 * answers), exit 0. Invalid: every problem with its file, line, column and
 * value (the first N in detail, then how many more), exit 2. `--json`
 * prints the same as one JSON object on stdout, for other tools and CI
 * (`{valid: true, ...summarizeResults()}`, a model without rows with
 * `unparsedRate: null`; or `{valid: false, source, total, problems}`).
 *
 * @module
 */

import { parseArgs, runMain, UsageError } from "./_args.ts";
import { progress } from "./_progress.ts";
import { loadResults } from "../results/load_results.ts";
import { ResultsError } from "../results/problems.ts";
import { type ResultsSummary, summarizeResults } from "../results/summary.ts";

const USAGE = "deno task validate DIR [--max-problems N] [--json]";

const count = (n: number) => n.toLocaleString("en-US");
const percent = (x: number) =>
  Number.isNaN(x) ? "-" : `${(100 * x).toFixed(1)}%`;

/** The summary as the lines printed for a valid directory. */
export function summaryText(s: ResultsSummary): string {
  const modalities = Object.entries(s.byModality)
    .map(([m, n]) => `${m} ${count(n)}`).join(", ");
  const groups = Object.entries(s.byGroup)
    .map(([g, n]) => `${g} ${count(n)}`).join(", ");
  const lines = [
    `${s.source}: valid (FORMAT.md), every row accounted for`,
    `items: ${count(s.items)} in ${count(s.questions)} questions (L0 ${
      count(s.bySeverity[0])
    }, L1 ${count(s.bySeverity[1])}, L2 ${
      count(s.bySeverity[2])
    }); ${s.skills} skills, ${s.degradations} degradation ids`,
    `modalities: ${modalities || "none"}`,
    `models: ${count(s.models)} (${groups || "none"})`,
    `predictions: ${count(s.rows)} rows, ${count(s.unparsed)} unparsed (${
      percent(s.rows ? s.unparsed / s.rows : NaN)
    })`,
  ];
  if (s.perModel.length === 0) {
    lines.push(
      "no models yet: `deno task evaluate` asks a model and writes its predictions",
    );
  } else lines.push("", ...modelTable(s));
  for (const w of s.warnings) lines.push(`warning: ${w}`);
  return lines.join("\n");
}

/** One aligned line per model, after a header. */
function modelTable(s: ResultsSummary): string[] {
  const lines: string[] = [];
  const header = [
    "model",
    "group",
    "rows",
    "answered",
    "missing",
    "trials",
    "unparsed",
  ];
  const table = s.perModel.map((m) => [
    m.model,
    m.group,
    count(m.rows),
    count(m.answered),
    count(m.missing),
    m.minTrials === m.maxTrials
      ? String(m.maxTrials)
      : `${m.minTrials}-${m.maxTrials}`,
    percent(m.unparsedRate),
  ]);
  const widths = header.map((h, c) =>
    Math.max(h.length, ...table.map((r) => r[c].length))
  );
  for (const row of [header, ...table]) {
    lines.push(
      row.map((v, c) => c < 2 ? v.padEnd(widths[c]) : v.padStart(widths[c]))
        .join("  ").trimEnd(),
    );
  }
  return lines;
}

if (import.meta.main) {
  await runMain(async () => {
    const args = parseArgs(Deno.args, {
      string: ["max-problems"],
      boolean: ["json"],
      minPositional: 1,
      maxPositional: 1,
      usage: USAGE,
    });
    if (args.options.help) {
      console.log(USAGE);
      return 0;
    }
    const raw = args.options["max-problems"];
    const maxProblems = raw === undefined ? undefined : Number(raw);
    if (
      maxProblems !== undefined &&
      (!Number.isInteger(maxProblems) || maxProblems < 1)
    ) {
      throw new UsageError(
        `Option "--max-problems" must be a positive integer, got ${raw}. Usage: ${USAGE}`,
      );
    }
    const json = args.options.json === true;
    const bar = progress("checking predictions", 100, { silent: json });
    let shown = 0;
    try {
      const results = await loadResults(args.positional[0], {
        maxProblems,
        onProgress(fraction) {
          const next = Math.floor(100 * fraction);
          if (next > shown) bar.tick(next - shown), shown = next;
        },
      });
      bar.done();
      const summary = summarizeResults(results);
      console.log(
        json
          ? JSON.stringify({ valid: true, ...summary })
          : summaryText(summary),
      );
      return 0;
    } catch (error) {
      bar.done();
      if (!(json && error instanceof ResultsError)) throw error;
      console.log(JSON.stringify({
        valid: false,
        source: args.positional[0],
        total: error.total,
        problems: error.problems,
      }));
      return 2;
    }
  });
}
