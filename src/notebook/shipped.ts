/**
 * The shipped raw results for the notebooks: make sure they exist
 * (regenerated from the seed and checked against the manifest on first use)
 * and load one set. The data are a reconstruction from the paper's
 * published aggregates, not the authors' raw answers.
 *
 * @module
 */
import { join } from "node:path";
import { loadResults } from "../results/load_results.ts";
import type { Results } from "../results/results.ts";
import { ensureRawData, RAW_SETS } from "../simulate/raw_data.ts";

/** A shipped results set: the main run (40 models, T = 3), the calibration run (19 models, T = 10), the real-world run (10 models). */
export type ShippedSet = "main" | "calibration" | "realworld";

/**
 * Load one shipped results set, regenerating data/raw/ first if a file is
 * missing (about a minute, with progress lines on stderr) and verifying
 * every file's checksum.
 *
 * @param set Which set (default "main").
 * @returns The validated results.
 * @throws {RangeError} If `set` is not a shipped set.
 *
 * @example Usage
 * ```ts ignore
 * import { loadShipped } from "./shipped.ts";
 * const main = await loadShipped("main");
 * console.log(main.models.length); // 40
 * ```
 */
export async function loadShipped(set: ShippedSet = "main"): Promise<Results> {
  if (!(RAW_SETS as readonly string[]).includes(set)) {
    throw new RangeError(
      `Cannot load shipped set ${JSON.stringify(set)}: expected one of ${
        RAW_SETS.map((s) => `"${s}"`).join(", ")
      }`,
    );
  }
  const dir = await ensureRawData();
  return await loadResults(join(dir, set));
}
