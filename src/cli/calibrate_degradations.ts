/**
 * `deno task calibrate-degradations [DIR] [--seed N] [--only id,id]`:
 * applies our L1/L2 presets to the authors' L0 examples in DIR (default
 * ../shared/reference/degradations beside the repository) and prints, per
 * id and level, our PSNR/SSIM against theirs, the deltas and pass/fail
 * (|ΔPSNR| ≤ 3 dB, |ΔSSIM| ≤ 0.08). Exit code 1 if any row fails, 2 on a
 * usage or input error. The reference images are only read, never copied.
 *
 * @module
 */

import { fileURLToPath } from "node:url";
import { integerOption, parseArgs, runMain, UsageError } from "./_args.ts";
import { progress } from "./_progress.ts";
import { calibrate, type CalibrationRow } from "../degrade/calibration.ts";
import { DEGRADERS } from "../degrade/registry.ts";
import {
  type Degradation,
  DEGRADATIONS,
  isDegradation,
} from "../taxonomy/degradations.ts";

const USAGE =
  "deno task calibrate-degradations [DIR] [--seed N] [--only id,id]";

/** Default reference folder: ../shared/reference/degradations next to the repository. */
export const DEFAULT_REFERENCE: string = fileURLToPath(
  new URL("../../../shared/reference/degradations", import.meta.url),
);

/**
 * Format calibration rows as a fixed-width text table.
 *
 * @param rows Calibration rows.
 * @returns The table, one line per row plus a header.
 *
 * @example Usage
 * ```ts ignore
 * import { formatCalibration } from "./calibrate_degradations.ts";
 * console.log(formatCalibration([]));
 * ```
 */
export function formatCalibration(rows: readonly CalibrationRow[]): string {
  const head = [
    "id".padEnd(26),
    "L",
    "PSNR ours".padStart(9),
    "theirs".padStart(7),
    "Δ".padStart(6),
    "SSIM ours".padStart(9),
    "theirs".padStart(7),
    "Δ".padStart(7),
    "result",
  ].join(" ");
  const lines = rows.map((r) =>
    [
      r.id.padEnd(26),
      String(r.level),
      r.ours.psnr.toFixed(2).padStart(9),
      r.theirs.psnr.toFixed(2).padStart(7),
      r.deltaPsnr.toFixed(2).padStart(6),
      r.ours.ssim.toFixed(3).padStart(9),
      r.theirs.ssim.toFixed(3).padStart(7),
      r.deltaSsim.toFixed(3).padStart(7),
      r.pass ? "pass" : "FAIL",
    ].join(" ")
  );
  return [head, ...lines].join("\n");
}

async function main(): Promise<number> {
  const args = parseArgs(Deno.args, {
    string: ["seed", "only"],
    maxPositional: 1,
    usage: USAGE,
  });
  if (args.options.help) {
    console.log(`Usage: ${USAGE}`);
    return 0;
  }
  const dir = args.positional[0] ?? DEFAULT_REFERENCE;
  const exists = await Deno.stat(`${dir}/signatures.csv`).then(
    () => true,
    () => false,
  );
  if (!exists) {
    throw new UsageError(
      `Cannot find "${dir}/signatures.csv": give the folder holding the authors' <id>_L0/L1/L2.png examples and signatures.csv`,
    );
  }
  const seed = integerOption(args, "seed", 0) ?? 0;
  let ids: Degradation[] = DEGRADATIONS.filter((id) => DEGRADERS[id]);
  if (typeof args.options.only === "string") {
    ids = args.options.only.split(",").map((id) => {
      if (!isDegradation(id) || !DEGRADERS[id]) {
        throw new UsageError(
          `Option "--only" names "${id}": expected ids among ${
            Object.keys(DEGRADERS).join(", ")
          }`,
        );
      }
      return id;
    });
  }
  const bar = progress("calibrating", 2 * ids.length);
  const rows = await calibrate(dir, { seed, ids, onRow: () => bar.tick() });
  bar.done();
  console.log(formatCalibration(rows));
  const failed = rows.filter((r) => !r.pass).length;
  console.log(
    `\n${
      rows.length - failed
    }/${rows.length} pass (|ΔPSNR| ≤ 3 dB, |ΔSSIM| ≤ 0.08, seed ${seed})`,
  );
  return failed ? 1 : 0;
}

if (import.meta.main) await runMain(main);
