/**
 * Write a degraded image and the `<output>.json` record next to it, as
 * `degradeFileTo` and `replayFile` both do. Internal to src/degrade/.
 *
 * @module
 */

import type { DegradeRecord } from "./files.ts";
import type { FloatImage } from "./types.ts";
import { formatOf, outputBitDepth, writeImage } from "./image_io.ts";

/**
 * Write `image` to `output` at `bitDepth` (default: the source's, where
 * the output format allows it) and the record `fields` plus that bit depth
 * to `<output>.json`; return the record.
 *
 * @example Usage
 * ```ts ignore
 * import { writeWithRecord } from "./_write_record.ts";
 * await writeWithRecord("out.png", image, 8, undefined, {
 *   input: "in.png", output: "out.png", id: "gaussian_blur", level: 1, seed: 0, params: { sigma: 3 },
 * });
 * ```
 */
export async function writeWithRecord(
  output: string,
  image: FloatImage,
  sourceBitDepth: 8 | 16,
  bitDepth: 8 | 16 | undefined,
  fields: Omit<DegradeRecord, "bitDepth">,
): Promise<DegradeRecord> {
  const bits = bitDepth ?? outputBitDepth(formatOf(output), sourceBitDepth);
  await writeImage(output, image, { bitDepth: bits });
  const record: DegradeRecord = { ...fields, bitDepth: bits };
  await Deno.writeTextFile(
    `${output}.json`,
    JSON.stringify(record, null, 2) + "\n",
  );
  return record;
}
