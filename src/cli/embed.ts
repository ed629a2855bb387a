/**
 * `deno task embed [--embeddings FILE] [--out DIR] [--seed N] [--k N]
 * [--permutations N] [--layout facets|single] [--no-standardize] [--umap]`
 *
 * The Fig. 5a check: map images to 2-D with t-SNE and measure, per modality,
 * whether real degraded images sit among simulated images of the same
 * degradation type. Reads a user's embedding file (CSV/TSV with f0..fN or
 * JSONL with `vector`, see src/embed/load_embeddings.ts) when given, else
 * builds the default set from our sample images (whose "real" images are
 * stand-ins: see src/embed/sample_set.ts). Writes to DIR (default
 * out/embed): `tsne_map.csv`, `colocation.csv`, `tsne_map.svg`,
 * `tsne_map.png`, and for the default set `features.csv` (a loadable
 * embeddings file whose f0..fN follow `FEATURE_NAMES` order). Progress goes to stderr; exit code 2 on errors.
 *
 * @module
 */

import { join } from "node:path";
import { integerOption, parseArgs, runMain, UsageError } from "./_args.ts";
import { progress } from "./_progress.ts";
import { writeTable } from "../results/write_table.ts";
import { writePng, writeSvg } from "../figures/render.ts";
import { colocation } from "../embed/colocation.ts";
import { embeddingMap } from "../embed/embedding_map.ts";
import type { EmbeddingSet } from "../embed/embedding_set.ts";
import { loadEmbeddings } from "../embed/load_embeddings.ts";
import { buildSampleEmbeddingSet } from "../embed/sample_set.ts";
import { tsneFigure } from "../figures/tsne_map.ts";

const USAGE =
  "deno task embed [--embeddings FILE] [--out DIR] [--seed N] [--k N] [--permutations N] [--layout facets|single] [--no-standardize] [--umap]";

/**
 * Run the command with the given arguments.
 *
 * @param argv Command-line arguments.
 * @returns The exit code (0).
 *
 * @example Usage
 * ```ts ignore
 * import { main } from "./embed.ts";
 * await main(["--out", "/tmp/embed"]);
 * ```
 */
export async function main(
  argv: readonly string[] = Deno.args,
): Promise<number> {
  const args = parseArgs(argv, {
    string: ["embeddings", "out", "seed", "k", "permutations", "layout"],
    boolean: ["no-standardize", "umap"],
    default: { out: "out/embed", layout: "facets" },
    maxPositional: 0,
    usage: USAGE,
  });
  if (args.options.help) {
    console.log(USAGE);
    return 0;
  }
  const seed = integerOption(args, "seed", 0) ?? 0;
  const k = integerOption(args, "k", 1, 1000) ?? 10;
  const permutations = integerOption(args, "permutations", 0, 100000) ?? 999;
  const layout = args.options.layout as string;
  if (layout !== "facets" && layout !== "single") {
    throw new UsageError(
      `Option "--layout" must be facets or single, got "${layout}"`,
    );
  }
  const out = args.options.out as string;
  const file = args.options.embeddings as string | undefined;
  let set: EmbeddingSet;
  if (file) {
    set = await loadEmbeddings(file);
    console.error(`loaded ${set.n} image(s) x ${set.dims} dims from ${file}`);
  } else {
    let bar: ReturnType<typeof progress> | null = null;
    set = await buildSampleEmbeddingSet(seed, {
      onProgress: (done, total) => {
        bar ??= progress("degrading sample images + features", total);
        bar.tick();
        if (done === total) bar.done();
      },
    });
  }
  await Deno.mkdir(out, { recursive: true });
  if (!file) {
    await writeTable(
      join(out, "features.csv"),
      [
        "image_id",
        "modality",
        "degradation",
        "severity",
        "source",
        ...set.names.map((_, i) => `f${i}`),
      ],
      set.imageId.map((id, i) => [
        id,
        set.modality[i],
        set.degradation[i],
        set.severity[i],
        set.source[i],
        ...Array.from(set.vectors[i]),
      ]),
    );
  }
  const bar = progress("t-SNE iterations", 1000, {
    silent: !!args.options.umap,
  });
  let last = 0;
  const map = embeddingMap(set, {
    seed,
    standardize: !args.options["no-standardize"],
    reducer: args.options.umap ? "umap" : "tsne",
    onProgress: (i) => {
      bar.tick(i - last);
      last = i;
    },
  });
  bar.done();
  await writeTable(
    join(out, "tsne_map.csv"),
    ["image_id", "modality", "degradation", "severity", "source", "x", "y"],
    map.points.map((
      p,
    ) => [
      p.imageId,
      p.modality,
      p.degradation,
      p.severity,
      p.source,
      p.x,
      p.y,
    ]),
  );
  const rows = colocation(set, { k, permutations, seed });
  await writeTable(
    join(out, "colocation.csv"),
    [
      "modality",
      "degradation",
      "n_real",
      "n_simulated",
      "k",
      "observed",
      "expected",
      "lift",
      "p_value",
    ],
    rows.map((r) => [
      r.modality,
      r.degradation,
      r.nReal,
      r.nSimulated,
      r.k,
      r.observed,
      r.expected,
      Number.isFinite(r.lift) ? r.lift : null,
      Number.isFinite(r.pValue) ? r.pValue : null,
    ]),
  );
  const how = map.tsne
    ? `t-SNE KL ${map.tsne.klDivergence.toFixed(3)}`
    : "UMAP";
  const subtitle = file
    ? `${set.n} images from ${file}; ${how}`
    : `${set.n} sample images (${how}); "real" = stand-ins (other crops, seeds, jittered parameters), not real-world images`;
  const svg = tsneFigure(map.points, {
    layout: layout as "facets" | "single",
    subtitle,
    ...(map.tsne ? {} : { title: "Simulated vs real degradations (UMAP)" }),
  });
  await writeSvg(join(out, "tsne_map.svg"), svg);
  await writePng(join(out, "tsne_map.png"), svg);
  for (const r of rows.filter((r) => r.degradation === "all")) {
    console.log(
      `${r.modality}: ${r.nReal} real, share of same-type simulated neighbours ${
        r.observed.toFixed(3)
      } vs ${r.expected.toFixed(3)} by chance (lift ${r.lift.toFixed(2)}, p = ${
        r.pValue.toFixed(4)
      })`,
    );
  }
  if (rows.length === 0) {
    console.log(
      "no modality has real images of a known degradation type: co-location not computed",
    );
  }
  console.log(
    `wrote ${out}/{tsne_map.csv,colocation.csv,tsne_map.svg,tsne_map.png}`,
  );
  return 0;
}

if (import.meta.main) await runMain(() => main());
