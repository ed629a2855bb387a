/**
 * `deno task build-benchmark --items clean.csv [--images DIR] --out DIR
 * [--seed N] [--max-per-question 1..3] [--jobs N|auto]`: degrade every
 * clean question at L1 and L2 with 1–3 degradations valid for its modality
 * and write a results directory the loaders accept, on `--jobs` Web
 * Workers (default one per logical CPU, at most 8; the output does not
 * depend on it). Errors: exit code 2, one paragraph.
 *
 * @module
 */

import { integerOption, jobsOption, parseArgs, runMain } from "./_args.ts";
import { progress } from "./_progress.ts";
import { buildBenchmark } from "../benchmark/build_benchmark.ts";

const USAGE =
  "deno task build-benchmark --items clean.csv [--images DIR] --out DIR [--seed N] [--max-per-question 1..3] [--jobs N|auto]";

async function main(): Promise<number> {
  const args = parseArgs(Deno.args, {
    string: ["items", "images", "out", "seed", "max-per-question", "jobs"],
    required: ["items", "out"],
    maxPositional: 0,
    usage: USAGE,
  });
  if (args.options.help) {
    console.log(`Usage: ${USAGE}`);
    return 0;
  }
  let bar: ReturnType<typeof progress> | null = null;
  const summary = await buildBenchmark({
    items: args.options.items as string,
    images: args.options.images as string | undefined,
    out: args.options.out as string,
    seed: integerOption(args, "seed", 0) ?? 0,
    maxPerQuestion: integerOption(args, "max-per-question", 1, 3) ?? 3,
    workers: jobsOption(args.options.jobs),
    onProgress: (done, total) => {
      bar ??= progress("degrading", total);
      bar.tick();
      if (done === total) bar.done();
    },
  });
  console.log(
    `${summary.questions} question(s) -> ${summary.items} item(s), ${summary.images} degraded image(s) in ${args.options.out}`,
  );
  return 0;
}

if (import.meta.main) await runMain(main);
