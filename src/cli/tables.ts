/**
 * `deno task tables --data DIR --out DIR`: load a results directory, build
 * every table, write each as CSV and Markdown, print where.
 *
 * @module
 */

import { parseArgs, runMain } from "./_args.ts";
import { loadResults } from "../results/load_results.ts";
import { buildTables, writeTables } from "../tables/mod.ts";

const USAGE =
  "deno task tables --data DIR --out DIR [--seed N] [--resamples N]";

if (import.meta.main) {
  await runMain(async () => {
    const args = parseArgs(Deno.args, {
      string: ["data", "out", "seed", "resamples"],
      required: ["data", "out"],
      maxPositional: 0,
      usage: USAGE,
    });
    if (args.options.help) {
      console.log(USAGE);
      return 0;
    }
    const data = args.options.data as string, out = args.options.out as string;
    const t0 = performance.now();
    const results = await loadResults(data);
    for (const w of results.warnings) console.error(`warning: ${w}`);
    const tables = buildTables(results, {
      seed: args.options.seed === undefined
        ? undefined
        : Number(args.options.seed),
      resamples: args.options.resamples === undefined
        ? undefined
        : Number(args.options.resamples),
    });
    const paths = await writeTables(out, tables);
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(
      `Wrote ${paths.length} tables (CSV and Markdown) to ${out} in ${s} s:`,
    );
    for (const p of paths) console.log(`  ${p}`);
  });
}
