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
    const summary = await reproduce({
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
