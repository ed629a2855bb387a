/**
 * Degrade image files: read, degrade, write the image plus a `<out>.json`
 * record of what was done (id, level, seed, parameters), and derive stable
 * per-item seeds from a base seed and a key.
 *
 * @module
 */

import type { Degradation } from "../taxonomy/degradations.ts";
import type { DegradeLevel } from "./types.ts";
import { formatOf, readImageFile } from "./image_io.ts";
import { degrade } from "./registry.ts";
import { writeWithRecord } from "./_write_record.ts";

/** The record written next to a degraded file as `<out>.json`. */
export interface DegradeRecord {
  /** The input file, as given. */
  input: string;
  /** The output file, as given. */
  output: string;
  /** Degradation id. */
  id: Degradation;
  /** Level (1 or 2). */
  level: DegradeLevel;
  /** The seed the parameters were drawn from. */
  seed: number;
  /** The parameters drawn (replay them with `replay`). */
  params: Record<string, unknown>;
  /** Bits per sample of the output file. */
  bitDepth: 8 | 16;
}

/** Options of {@linkcode degradeFile}. */
export interface DegradeFileOptions {
  /**
   * Bits per sample of the output (16 for PNG/TIFF only). Default: the
   * input's, where the output format allows it ({@linkcode outputBitDepth}),
   * so 16-bit scans stay 16-bit.
   */
  bitDepth?: 8 | 16;
  /** Largest accepted input size in pixels. */
  maxPixels?: number;
  /**
   * The input as the records name it (default: the path read), e.g. a
   * path relative to a benchmark's image folder.
   */
  recordInput?: string;
}

/**
 * A seed for one item, derived from a base seed and a key (e.g. a file name
 * or item id) with FNV-1a: stable whatever else is in the batch.
 *
 * @param seed The base seed (a safe integer).
 * @param key The item's key.
 * @returns An integer in [0, 2^31 − 1).
 *
 * @example Usage
 * ```ts
 * import { deriveSeed } from "./files.ts";
 * console.assert(deriveSeed(1, "a.png") === deriveSeed(1, "a.png"));
 * console.assert(deriveSeed(1, "a.png") !== deriveSeed(2, "a.png"));
 * ```
 */
export function deriveSeed(seed: number, key: string): number {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(
      `Cannot derive a seed from ${seed}: expected a safe integer`,
    );
  }
  let h = 0x811c9dc5;
  const text = `${seed}\u0000${key}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % 2147483647;
}

/** One output of an input file: where to write it, id and level. */
export interface DegradeTarget {
  /** Output image path (format by extension). */
  output: string;
  /** Degradation id. */
  id: Degradation;
  /** 1 or 2. */
  level: DegradeLevel;
  /**
   * The output as the record names it (default: the path written), e.g. a
   * path relative to a benchmark folder.
   */
  recordOutput?: string;
}

/**
 * Read `input`, degrade it and write `output` (format by extension) and
 * `output + ".json"` (a {@linkcode DegradeRecord}). Same input, id, level
 * and seed give byte-identical files.
 *
 * @param input Input image path.
 * @param output Output image path.
 * @param id Degradation id.
 * @param level 1 or 2.
 * @param seed Integer seed.
 * @param options Bit depth and pixel limit.
 * @returns The record written.
 *
 * @example Usage
 * ```ts ignore
 * import { degradeFile } from "./files.ts";
 * const rec = await degradeFile("in.png", "out.png", "gaussian_blur", 1, 0);
 * console.log(rec.params); // { sigma: 3 }
 * ```
 */
export async function degradeFile(
  input: string,
  output: string,
  id: Degradation,
  level: DegradeLevel,
  seed: number,
  options: DegradeFileOptions = {},
): Promise<DegradeRecord> {
  const [record] = await degradeFileTo(
    input,
    [{ output, id, level }],
    seed,
    options,
  );
  return record!;
}

/**
 * {@linkcode degradeFile} for several outputs of one input: the input is
 * read and decoded once, then each target is degraded from the same seed
 * and written (image and `.json`) in order, with the bytes
 * {@linkcode degradeFile} would write.
 *
 * @param input Input image path.
 * @param targets Outputs with their id and level.
 * @param seed Integer seed (each target draws from it afresh).
 * @param options Bit depth and pixel limit.
 * @param onWritten Called after each target is written.
 * @returns The records written, in the order of `targets`.
 *
 * @example Usage
 * ```ts ignore
 * import { degradeFileTo } from "./files.ts";
 * const records = await degradeFileTo("in.png", [
 *   { output: "blur_L1.png", id: "gaussian_blur", level: 1 },
 *   { output: "blur_L2.png", id: "gaussian_blur", level: 2 },
 * ], 0);
 * console.log(records.map((r) => r.params));
 * ```
 */
export async function degradeFileTo(
  input: string,
  targets: readonly DegradeTarget[],
  seed: number,
  options: DegradeFileOptions = {},
  onWritten?: (record: DegradeRecord) => void,
): Promise<DegradeRecord[]> {
  for (const { output } of targets) formatOf(output);
  const source = await readImageFile(input, { maxPixels: options.maxPixels });
  const records: DegradeRecord[] = [];
  for (const { output, id, level, recordOutput } of targets) {
    const result = await degrade(source.image, id, level, seed);
    const record = await writeWithRecord(
      output,
      result.image,
      source.bitDepth,
      options.bitDepth,
      {
        input: options.recordInput ?? input,
        output: recordOutput ?? output,
        id,
        level,
        seed,
        params: result.params,
      },
    );
    records.push(record);
    onWritten?.(record);
  }
  return records;
}
