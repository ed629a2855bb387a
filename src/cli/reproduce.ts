/**
 * `deno task reproduce [--data DIR] [--out DIR] [--fidelity] [--no-png] [--no-tsne]`:
 * rebuild every table, figure, the fidelity report and out/index.html from
 * the shipped raw results (regenerated and checksum-verified when missing),
 * or from any results directory given with --data.
 *
 * @module
 */

import { basename } from "node:path";
import { parseArgs, runMain } from "./_args.ts";
import { reproduce } from "../report/reproduce.ts";
import { type Progress, progress } from "./_progress.ts";

const USAGE =
  "deno task reproduce [--data DIR] [--out DIR] [--fidelity] [--no-png] [--no-tsne]";

if (import.meta.main) {
  await runMain(async () => {
    const args = parseArgs(Deno.args, {
      string: ["data", "out"],
      boolean: ["fidelity", "no-png", "no-tsne"],
      maxPositional: 0,
      usage: USAGE,
    });
    if (args.options.help) {
      console.log(USAGE);
      return 0;
    }
    const t0 = performance.now();
    const dir = args.options.data as string | undefined;
    // A bar per step of the raw-data regeneration on a terminal, quiet lines otherwise.
    let bar: { label: string; p: Progress; done: number } | null = null;
    const onRawProgress = (label: string, done: number, total: number) => {
      if (bar?.label !== label) {
        bar?.p.done();
        bar = { label, p: progress(`  ${label}`, total), done: 0 };
      }
      bar.p.tick(done - bar.done);
      bar.done = done;
      if (done === total) {
        bar.p.done();
        bar = null;
      }
    };
    const summary = await reproduce({
      onRawProgress,
      data: dir === undefined
        ? undefined
        : { [basename(dir.replace(/\/+$/, "")) || "data"]: dir },
      out: (args.options.out as string | undefined) ?? "out",
      fidelity: args.options.fidelity ? true : undefined,
      png: !args.options["no-png"],
      tsne: !args.options["no-tsne"],
    });
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(`Done in ${s} s. Open ${summary.index}`);
  });
}
