/**
 * Load the items of a results directory for evaluation and check, before
 * any request is sent, that every item has a question, valid options and a
 * readable image.
 *
 * @module
 */

import { dirname, resolve } from "node:path";
import { ProblemList } from "../results/problems.ts";
import { findTable, loadItems, readTable } from "./_results.ts";
import { imageProblem } from "./image_data_url.ts";

/** One item, ready to be asked. */
export interface EvalItem {
  /** The item id. */
  itemId: string;
  /** Number of options K. */
  nOptions: number;
  /** The question text. */
  question: string;
  /** The K option texts, in letter order. */
  options: string[];
  /** Absolute path of the image. */
  imagePath: string;
}

/** The checked items of a results directory. */
export interface EvalItems {
  /** The items file that was read. */
  file: string;
  /** The items, in file order. */
  items: EvalItem[];
}

/**
 * Find the items file of a results directory (`items.csv`, `.tsv`, `.jsonl`,
 * each optionally `.gz`); a path to a file is returned as is.
 *
 * @param dirOrFile A results directory or an items file.
 * @returns The items file path.
 * @throws {ResultsError} When no items file (or more than one) is found.
 * @throws {TypeError} When the path does not exist.
 *
 * @example Usage
 * ```ts
 * import { findItemsFile } from "./items.ts";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/items.csv`, "item_id\n");
 * console.assert((await findItemsFile(dir)).endsWith("items.csv"));
 * ```
 */
export async function findItemsFile(dirOrFile: string): Promise<string> {
  let info: Deno.FileInfo;
  try {
    info = await Deno.stat(dirOrFile);
  } catch (error) {
    throw new TypeError(
      `Cannot read items from "${dirOrFile}": ${
        error instanceof Deno.errors.NotFound
          ? "no such file or directory"
          : (error as Error).message
      }`,
    );
  }
  if (info.isFile) return dirOrFile;
  const problems = new ProblemList();
  const file = await findTable(dirOrFile, "items", problems);
  problems.throwIfAny();
  return file!;
}

/**
 * Load and check the items of a results directory for evaluation. Every
 * item needs a non-empty `question`, an `options` JSON array of exactly
 * `n_options` strings, and an `image` path (relative to the items file)
 * that sharp can read. All problems are collected and thrown together,
 * each naming the file, line, item and column, before anything is sent.
 *
 * @param dirOrFile A results directory or its items file.
 * @returns The items file and the checked items.
 * @throws {ResultsError} Listing every problem found.
 *
 * @example Usage
 * ```ts ignore
 * import { loadEvalItems } from "./items.ts";
 * const { items } = await loadEvalItems("data/benchmark");
 * console.log(items.length);
 * ```
 */
export async function loadEvalItems(dirOrFile: string): Promise<EvalItems> {
  const file = await findItemsFile(dirOrFile);
  const columns = await loadItems(file);
  const lines = (await readTable(file)).lines;
  const problems = new ProblemList();
  for (const column of ["question", "options", "image"]) {
    if (!(column in columns.extra)) {
      problems.add(
        "missing_column",
        file,
        0,
        column,
        "",
        `a column "${column}" (needed to evaluate a model)`,
      );
    }
  }
  problems.throwIfAny();
  const { question, options, image } = columns.extra as Record<
    string,
    string[]
  >;
  const root = dirname(resolve(file));
  const items: EvalItem[] = [];
  const checks: Promise<void>[] = [];
  for (let i = 0; i < columns.n; i++) {
    const itemId = columns.itemId[i]!;
    const line = lines[i] ?? 0;
    const k = columns.nOptions[i]!;
    const add = (column: string, value: string, expected: string) =>
      problems.add(
        `bad_${column}`,
        file,
        line,
        column,
        value,
        `${expected} (item "${itemId}")`,
      );
    if (question![i] === "") add("question", "", "a non-empty question");
    let opts: unknown = null;
    try {
      opts = JSON.parse(options![i]!);
    } catch { /* reported below */ }
    if (
      !Array.isArray(opts) || opts.length !== k ||
      !opts.every((o) => typeof o === "string")
    ) {
      add("options", options![i]!, `a JSON array of ${k} strings (n_options)`);
      opts = [];
    }
    const imagePath = resolve(root, image![i]!);
    if (image![i] === "") add("image", "", "an image path");
    else {
      checks.push(
        imageProblem(imagePath).then((why) => {
          if (why !== null) {
            add("image", image![i]!, `a readable image: ${why}`);
          }
        }),
      );
    }
    items.push({
      itemId,
      nOptions: k,
      question: question![i]!,
      options: opts as string[],
      imagePath,
    });
    if (checks.length >= 16) await Promise.all(checks.splice(0));
  }
  await Promise.all(checks);
  problems.throwIfAny();
  return { file, items };
}
