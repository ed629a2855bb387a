/**
 * Build a degraded benchmark from clean items: for every clean (severity 0)
 * question, pick 1–3 degradations valid for its modality, apply each at L1
 * and L2, write the images (plus `<image>.json` parameter records) and a
 * complete results directory — items.csv with the clean and degraded rows,
 * and empty-with-header models.csv and predictions.csv — that the core
 * loaders accept. Every choice is seeded per question: same input and seed,
 * same bytes.
 *
 * @module
 */

import { dirname, extname, join, resolve } from "node:path";
import type { Degradation } from "../taxonomy/degradations.ts";
import { degradationsFor, MODALITIES, SKILLS } from "../taxonomy/mod.ts";
import { createPrng, type Prng } from "../random/prng.ts";
import { loadItems } from "../results/load_results.ts";
import { ITEM_COLUMNS } from "../results/rows.ts";
import { writeTable } from "../results/write_table.ts";
import { DEGRADERS } from "../degrade/registry.ts";
import { deriveSeed } from "../degrade/files.ts";
import { degradeBatch, type DegradeTask } from "../degrade/batch.ts";

/** Options of {@linkcode buildBenchmark}. */
export interface BuildBenchmarkOptions {
  /** The clean items table (FORMAT.md columns at severity 0, plus `image`). */
  items: string;
  /** Folder the `image` paths are relative to (default: the items file's folder). */
  images?: string;
  /** Output results directory (created). */
  out: string;
  /** Base seed (default 0). */
  seed?: number;
  /** Most degradations per question, 1..3 (default 3); at least 1 is used. */
  maxPerQuestion?: number;
  /**
   * Web Workers to degrade on (default 1: this thread); the output is the
   * same whatever the number.
   */
  workers?: number;
  /** Called after each degraded image with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** What {@linkcode buildBenchmark} wrote. */
export interface BuildBenchmarkSummary {
  /** Clean questions read. */
  questions: number;
  /** Rows written to items.csv (clean + degraded). */
  items: number;
  /** Degraded images written. */
  images: number;
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** `k` distinct elements of `pool`, chosen with a partial Fisher–Yates shuffle. */
function choose<T>(prng: Prng, pool: readonly T[], k: number): T[] {
  const a = [...pool];
  for (let i = 0; i < k; i++) {
    const j = i + prng.int(a.length - i);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, k);
}

function safeName(id: string, used: Set<string>): string {
  const base = id.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 80) || "q";
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
  used.add(name);
  return name;
}

/**
 * Build the benchmark (see the module doc).
 *
 * @param options Input, output, seed.
 * @returns Counts of what was written.
 * @throws {TypeError} For a clean-items file that breaks FORMAT.md (via the
 *   core loader: file, line, column, value) or whose rows are not clean,
 *   lack `image`, or name a missing image (row, item id, column, value).
 *
 * @example Usage
 * ```ts ignore
 * import { buildBenchmark } from "./build_benchmark.ts";
 * await buildBenchmark({ items: "clean/items.csv", out: "out/bench", seed: 1 });
 * ```
 */
export async function buildBenchmark(
  options: BuildBenchmarkOptions,
): Promise<BuildBenchmarkSummary> {
  const maxPer = options.maxPerQuestion ?? 3;
  if (!Number.isInteger(maxPer) || maxPer < 1 || maxPer > 3) {
    throw new RangeError(
      `Cannot use ${maxPer} degradations per question: expected an integer in [1, 3]`,
    );
  }
  const seed = options.seed ?? 0;
  const items = await loadItems(options.items);
  const imageDir = options.images ?? dirname(options.items);
  const images = items.extra.image;
  if (!images) {
    throw new TypeError(
      `${options.items}: no "image" column: expected the path of each clean item's image (relative to ${imageDir})`,
    );
  }
  const where = (i: number) =>
    `${options.items}: row ${i + 1} (item_id "${items.itemId[i]}")`;
  const seenQuestions = new Set<string>();
  for (let i = 0; i < items.n; i++) {
    if (items.severity[i] !== 0) {
      throw new TypeError(
        `${where(i)}, column severity: ${
          items.severity[i]
        }: expected 0 (clean items only; the builder makes L1 and L2)`,
      );
    }
    if (seenQuestions.has(items.questionId[i]!)) {
      throw new TypeError(
        `${where(i)}, column question_id: "${
          items.questionId[i]
        }" appears twice: expected one clean item per question`,
      );
    }
    seenQuestions.add(items.questionId[i]!);
    const path = images[i]!;
    if (path === "") {
      throw new TypeError(
        `${where(i)}, column image: empty: expected an image path`,
      );
    }
    const full = resolve(imageDir, path);
    const ok = await Deno.stat(full).then((s) => s.isFile, () => false);
    if (!ok) {
      throw new TypeError(
        `${
          where(i)
        }, column image: "${path}": no such file (looked for ${full})`,
      );
    }
  }

  await Deno.mkdir(join(options.out, "images"), { recursive: true });
  const extraNames = Object.keys(items.extra).filter((c) => c !== "image");
  const columns = [
    ...ITEM_COLUMNS,
    "image",
    ...extraNames,
    "degradation_params",
  ];
  // Clean images copied and degradations chosen question by question; the
  // degraded images made in one batch (on workers when asked); then the
  // rows in question order, with the parameters each image drew.
  const used = new Set<string>();
  const tasks: DegradeTask[] = [];
  const plan: {
    clean: string[];
    degraded: {
      task: number;
      row: (level: 1 | 2, params: string) => string[];
    }[];
  }[] = [];
  for (let i = 0; i < items.n; i++) {
    const qid = items.questionId[i]!;
    const modality = MODALITIES[items.modality[i]!]!;
    const folder = safeName(qid, used);
    await Deno.mkdir(join(options.out, "images", folder), { recursive: true });
    const src = resolve(imageDir, images[i]!);
    const cleanRel = `images/${folder}/L0${extname(src).toLowerCase()}`;
    await Deno.copyFile(src, join(options.out, cleanRel));
    const base = [
      items.itemId[i]!,
      qid,
      items.source[i]!,
      modality,
      SKILLS[items.skill[i]!]!,
    ];
    const tail = (params: string) => [
      ...extraNames.map((c) => items.extra[c]![i]!),
      params,
    ];
    const n = String(items.nOptions[i]!), answer = LETTERS[items.answer[i]!]!;
    const prng = createPrng(deriveSeed(seed, qid));
    const pool = degradationsFor(modality).filter((d) => DEGRADERS[d]);
    const k = 1 + prng.int(Math.min(maxPer, pool.length));
    const chosen: Degradation[] = choose(prng, pool, k);
    const degraded = chosen.map((id) => {
      // L1 and L2 from one seed per (question, id), as PNG (16-bit sources
      // give 16-bit PNGs); the records name the images as items.csv does.
      const rel = (level: 1 | 2) => `images/${folder}/${id}_L${level}.png`;
      tasks.push({
        input: src,
        targets: ([1, 2] as const).map((level) => ({
          output: join(options.out, rel(level)),
          id,
          level,
          recordOutput: rel(level),
        })),
        seed: deriveSeed(seed, `${qid}\u0000${id}`),
        options: { recordInput: images[i] },
      });
      return {
        task: tasks.length - 1,
        row: (level: 1 | 2, params: string) => [
          `${items.itemId[i]}__${id}__L${level}`,
          ...base.slice(1),
          id,
          String(level),
          n,
          answer,
          rel(level),
          ...tail(params),
        ],
      };
    });
    plan.push({
      clean: [...base, "none", "0", n, answer, cleanRel, ...tail("")],
      degraded,
    });
  }
  let done = 0;
  const made = await degradeBatch(tasks, {
    workers: options.workers ?? 1,
    onWritten: () => options.onProgress?.(++done, 2 * tasks.length),
  });
  const rows = plan.flatMap(({ clean, degraded }) => [
    clean,
    ...degraded.flatMap(({ task, row }) =>
      made[task]!.map((r) => row(r.level, JSON.stringify(r.params)))
    ),
  ]);
  const written = 2 * tasks.length;
  await writeTable(join(options.out, "items.csv"), columns, rows);
  await writeTable(join(options.out, "models.csv"), [
    "model",
    "display_name",
    "group",
    "params_b",
  ], []);
  await writeTable(join(options.out, "predictions.csv"), [
    "model",
    "item_id",
    "trial",
    "choice",
    "response",
  ], []);
  return { questions: items.n, items: rows.length, images: written };
}
