/**
 * A small, self-contained evaluation set taken from a benchmark's items:
 * an items table with `question`, `options` and `image` (FORMAT.md optional
 * columns) and one small synthetic PNG per item, so the evaluation harness
 * can run offline in a notebook.
 *
 * @module
 */
import sharp from "sharp";
import { join } from "node:path";
import { createPrng } from "../random/prng.ts";
import type { Results } from "../results/results.ts";
import { NO_DEGRADATION } from "../results/results.ts";
import { LETTERS } from "../results/write_results.ts";
import { writeTable } from "../results/write_table.ts";
import { DEGRADATIONS, MODALITIES, SKILLS } from "../taxonomy/mod.ts";

/** Options of {@linkcode writeEvalSubset}. */
export interface EvalSubsetOptions {
  /** Questions drawn (each with its L0, L1 and L2 items; default 20). */
  questions?: number;
  /** Seed of the draw and of the images (default 0). */
  seed?: number;
  /** Side of the square images in pixels (default 64). */
  size?: number;
}

/** One written item, as a fake model server needs it. */
export interface SubsetItem {
  /** The item id (the benchmark's). */
  itemId: string;
  /** Absolute path of its PNG. */
  imagePath: string;
  /** Correct option, 0-based. */
  answer: number;
  /** Number of options K. */
  nOptions: number;
  /** 0, 1 or 2. */
  severity: number;
}

/** What {@linkcode writeEvalSubset} wrote. */
export interface EvalSubset {
  /** The directory (pass it as `items` to the harness). */
  dir: string;
  /** The items file. */
  itemsFile: string;
  /** The items, in file order. */
  items: SubsetItem[];
}

/** A gray disc whose noise grows with severity (seeded). */
async function png(
  size: number,
  severity: number,
  seed: number,
): Promise<Uint8Array> {
  const prng = createPrng(seed);
  const px = new Uint8Array(size * size);
  const r = size * (0.2 + 0.15 * prng.next());
  const cx = size / 2 + (prng.next() - 0.5) * size * 0.2;
  const sd = [4, 30, 70][severity];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inside = (x - cx) ** 2 + (y - size / 2) ** 2 < r * r;
      const v = (inside ? 190 : 60) + sd * prng.normal();
      px[y * size + x] = Math.max(0, Math.min(255, Math.round(v)));
    }
  }
  const out = await sharp(px, {
    raw: { width: size, height: size, channels: 1 },
  })
    .png().toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * Draw `questions` question ids from a benchmark (seeded), and write their
 * items (every severity) to `dir/items.csv` with a placeholder question,
 * options "Option A".. and a synthetic PNG per item in `dir/images/`. Item
 * ids, severities, degradations and answers are the benchmark's, so results
 * from these items can be compared with the benchmark's models.
 *
 * @param benchmark The benchmark's results.
 * @param dir Output directory (created).
 * @param options Size of the draw, seed, image size.
 * @returns The directory, items file and written items.
 * @throws {RangeError} If `questions` is not a positive integer up to the
 * number of questions, or `size` not an integer in [8, 1024].
 *
 * @example Usage
 * ```ts ignore
 * import { loadResults } from "../results/mod.ts";
 * import { writeEvalSubset } from "./eval_subset.ts";
 * const sub = await writeEvalSubset(await loadResults("data/sample"), await Deno.makeTempDir(), { questions: 3 });
 * console.log(sub.items.length);
 * ```
 */
export async function writeEvalSubset(
  benchmark: Results,
  dir: string,
  options: EvalSubsetOptions = {},
): Promise<EvalSubset> {
  const it = benchmark.items;
  const nq = it.questionIds.length;
  const questions = options.questions ?? 20, size = options.size ?? 64;
  const seed = options.seed ?? 0;
  if (!Number.isInteger(questions) || questions < 1 || questions > nq) {
    throw new RangeError(
      `Cannot draw ${questions} questions from "${benchmark.source}": expected an integer from 1 to ${nq}`,
    );
  }
  if (!Number.isInteger(size) || size < 8 || size > 1024) {
    throw new RangeError(
      `Cannot draw ${size}-pixel images: expected an integer from 8 to 1024`,
    );
  }
  const prng = createPrng(seed);
  const order = Array.from({ length: nq }, (_, i) => i);
  for (let i = 0; i < questions; i++) {
    const j = i + prng.int(nq - i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const chosen = new Uint8Array(nq);
  for (const q of order.slice(0, questions)) chosen[q] = 1;
  await Deno.mkdir(join(dir, "images"), { recursive: true });
  const rows: (string | number | string[])[][] = [];
  const items: SubsetItem[] = [];
  for (let x = 0; x < it.n; x++) {
    if (!chosen[it.question[x]]) continue;
    const k = it.nOptions[x], id = it.itemId[x];
    const image = `images/${id.replace(/[^A-Za-z0-9_.-]/g, "_")}.png`;
    const imagePath = join(dir, image);
    await Deno.writeFile(imagePath, await png(size, it.severity[x], seed + x));
    rows.push([
      id,
      it.questionId[x],
      it.source[x],
      MODALITIES[it.modality[x]],
      SKILLS[it.skill[x]],
      it.degradation[x] === NO_DEGRADATION
        ? "none"
        : DEGRADATIONS[it.degradation[x]],
      it.severity[x],
      k,
      LETTERS[it.answer[x]],
      `Question ${it.questionId[x]} (${
        SKILLS[it.skill[x]]
      }): which option is correct?`,
      Array.from({ length: k }, (_, i) => `Option ${LETTERS[i]}`),
      image,
    ]);
    items.push({
      itemId: id,
      imagePath,
      answer: it.answer[x],
      nOptions: k,
      severity: it.severity[x],
    });
  }
  const itemsFile = join(dir, "items.csv");
  await writeTable(itemsFile, [
    "item_id",
    "question_id",
    "source",
    "modality",
    "skill",
    "degradation",
    "severity",
    "n_options",
    "answer",
    "question",
    "options",
    "image",
  ], rows);
  return { dir, itemsFile, items };
}
