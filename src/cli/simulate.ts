/**
 * `deno task simulate`: write a simulated benchmark (FORMAT.md results
 * directory) of any size, or (re)generate and verify the shipped
 * reconstruction of the paper's raw results.
 *
 *     deno task simulate --out DIR [--questions N] [--trials T] [--seed S]
 *                        [--models profiles.json] [--format csv|tsv|jsonl] [--gzip]
 *     deno task simulate --paper [--force] [--dir DIR]
 *     deno task simulate --paper --update-manifest   (maintainers: after changing the generator)
 *
 * `profiles.json` is an array of `{ "model", "accuracy": [L0, L1, L2],
 * "confidence"?: [L0, L1, L2], "overconfidence"?: [L0, L1, L2], "group"?,
 * "paramsB"? }` (fractions; overconfidence = confidence - accuracy).
 *
 * @module
 */
import { integerOption, parseArgs, runMain, UsageError } from "./_args.ts";
import { type Progress, progress } from "./_progress.ts";
import { writeResults } from "../results/write_results.ts";
import { join } from "node:path";
import {
  ensureRawData,
  generateRawData,
  manifestModule,
  RAW_DIR,
  type RawProgress,
  writeManifest,
} from "../simulate/raw_data.ts";
import { PAPER_SEED } from "../simulate/reconstruct.ts";
import { simulate, type SimulatedModel } from "../simulate/simulate.ts";

const USAGE =
  "deno task simulate --out DIR [--questions N] [--trials T] [--seed S] [--models FILE.json] [--format csv|tsv|jsonl] [--gzip] | --paper [--force] [--update-manifest] [--dir DIR]";

function barProgress(): RawProgress {
  let label = "";
  let bar: Progress | null = null;
  let last = 0;
  return (l, done, total) => {
    if (l !== label) {
      bar?.done();
      label = l;
      bar = progress(l, total);
      last = 0;
    }
    bar!.tick(done - last);
    last = done;
    if (done === total) {
      bar!.done();
      bar = null;
      label = "";
    }
  };
}

async function readProfiles(path: string): Promise<SimulatedModel[]> {
  let value: unknown;
  try {
    value = JSON.parse(await Deno.readTextFile(path));
  } catch (error) {
    throw new UsageError(
      `Cannot read model profiles "${path}": ${(error as Error).message}`,
    );
  }
  if (!Array.isArray(value)) {
    throw new UsageError(
      `Model profiles "${path}" hold ${typeof value}: expected a JSON array of { model, accuracy: [L0, L1, L2], confidence? }`,
    );
  }
  return value as SimulatedModel[];
}

if (import.meta.main) {
  await runMain(async () => {
    const args = parseArgs(Deno.args, {
      string: ["out", "questions", "trials", "seed", "models", "format", "dir"],
      boolean: ["gzip", "paper", "force", "update-manifest"],
      usage: USAGE,
      maxPositional: 0,
    });
    if (args.options.help) {
      console.log(`Usage: ${USAGE}`);
      return 0;
    }
    if (args.options.paper) {
      const dir = (args.options.dir as string | undefined) ?? RAW_DIR;
      if (args.options["update-manifest"]) {
        // Maintainers only: after a deliberate change to the generator.
        await generateRawData(dir, PAPER_SEED, barProgress());
        const text = await writeManifest(dir);
        console.error(`wrote ${join(dir, "MANIFEST.sha256")}`);
        if (dir === RAW_DIR) {
          const mod = new URL("../simulate/_manifest.ts", import.meta.url);
          await Deno.writeTextFile(mod, manifestModule(text));
          console.error(`wrote ${mod.pathname}`);
        }
        return 0;
      }
      await ensureRawData(dir, {
        force: args.options.force === true,
        onProgress: barProgress(),
      });
      console.error(`raw data in ${dir} matches MANIFEST.sha256`);
      return 0;
    }
    const out = args.options.out;
    if (typeof out !== "string") {
      throw new UsageError(`Missing "--out DIR". Usage: ${USAGE}`);
    }
    const format = (args.options.format as string | undefined) ?? "csv";
    if (!["csv", "tsv", "jsonl"].includes(format)) {
      throw new UsageError(
        `Option "--format" must be csv, tsv or jsonl, got "${format}"`,
      );
    }
    const models = typeof args.options.models === "string"
      ? await readProfiles(args.options.models)
      : undefined;
    const results = simulate({
      questions: integerOption(args, "questions", 1, 1_000_000),
      trials: integerOption(args, "trials", 1, 255),
      seed: integerOption(args, "seed"),
      models,
    });
    await writeResults(out, results, {
      format: format as "csv" | "tsv" | "jsonl",
      gzip: args.options.gzip === true,
    });
    console.error(
      `wrote ${results.items.n} items, ${results.predictions.n} predictions, ${results.models.length} models to ${out}`,
    );
    return 0;
  });
}
