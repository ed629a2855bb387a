/**
 * Replay a recorded degradation on an image file: read the `<out>.json`
 * record `degradeFile` wrote (or one written by hand), apply its
 * parameters exactly to an input, and write the output with a record of its
 * own. The same record on the same input gives the same bytes as the
 * original run.
 *
 * @module
 */

import { isDegradation } from "../taxonomy/degradations.ts";
import type { DegradeFileOptions, DegradeRecord } from "./files.ts";
import { formatOf, readImageFile } from "./image_io.ts";
import { replay } from "./registry.ts";
import { writeWithRecord } from "./_write_record.ts";

/**
 * Check a degradation record's JSON text: `id` a degradation id, `level` 1
 * or 2, `params` an object (checked against the operator's ranges when
 * applied); `seed` a safe integer (default 0), `bitDepth` 8 or 16
 * (optional), `input` and `output` strings (default ""). Throws a
 * TypeError naming `source`, the field and the value otherwise.
 *
 * @param text The record's JSON.
 * @param source Where it came from (a file path), for the messages.
 * @returns The record (`bitDepth` undefined when absent).
 *
 * @example Usage
 * ```ts
 * import { parseDegradeRecord } from "./replay_file.ts";
 * const r = parseDegradeRecord('{"id":"gaussian_blur","level":1,"params":{"sigma":2}}', "blur.json");
 * console.assert(r.id === "gaussian_blur" && r.seed === 0 && r.params.sigma === 2);
 * ```
 */
export function parseDegradeRecord(
  text: string,
  source: string,
): Omit<DegradeRecord, "bitDepth"> & { bitDepth?: 8 | 16 } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new TypeError(
      `Cannot read record ${source}: not JSON (${(e as Error).message})`,
    );
  }
  const bad = (field: string, value: unknown, expected: string) =>
    new TypeError(
      `Cannot use record ${source}: field "${field}" is ${
        JSON.stringify(value) ?? "missing"
      }, expected ${expected}`,
    );
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw bad("(record)", raw, "an object");
  }
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== "string" || !isDegradation(r.id)) {
    throw bad("id", r.id, "a degradation id (deno task degrade --list)");
  }
  if (r.level !== 1 && r.level !== 2) throw bad("level", r.level, "1 or 2");
  const params = r.params;
  if (typeof params !== "object" || params === null || Array.isArray(params)) {
    throw bad("params", params, "an object of parameters");
  }
  const seed = r.seed ?? 0;
  if (typeof seed !== "number" || !Number.isSafeInteger(seed)) {
    throw bad("seed", r.seed, "a safe integer");
  }
  if (r.bitDepth !== undefined && r.bitDepth !== 8 && r.bitDepth !== 16) {
    throw bad("bitDepth", r.bitDepth, "8 or 16");
  }
  for (const field of ["input", "output"] as const) {
    if (r[field] !== undefined && typeof r[field] !== "string") {
      throw bad(field, r[field], "a path");
    }
  }
  return {
    input: (r.input as string | undefined) ?? "",
    output: (r.output as string | undefined) ?? "",
    id: r.id,
    level: r.level,
    seed,
    params: params as Record<string, unknown>,
    bitDepth: r.bitDepth as 8 | 16 | undefined,
  };
}

/**
 * Apply a record's parameters to `input` and write `output` (format by
 * extension) plus `<output>.json`: the same id, level, seed and parameters,
 * this input and output. A parameter the operator does not have is an
 * error (RangeError naming it), as is one out of its range. Bits per sample: `options.bitDepth`, else the
 * input's where the format allows it (as `degradeFile`).
 *
 * @param input Image file to degrade.
 * @param output Image file to write.
 * @param record What to apply (from {@linkcode parseDegradeRecord}).
 * @param options Bit depth, pixel limit, the input as the record names it.
 * @returns The new record.
 *
 * @example Usage
 * ```ts ignore
 * import { parseDegradeRecord, replayFile } from "./replay_file.ts";
 * const record = parseDegradeRecord(await Deno.readTextFile("out/a.png.json"), "out/a.png.json");
 * await replayFile("b.png", "out/b.png", record); // a's parameters on b
 * ```
 */
export async function replayFile(
  input: string,
  output: string,
  record: Pick<DegradeRecord, "id" | "level" | "seed" | "params">,
  options: DegradeFileOptions = {},
): Promise<DegradeRecord> {
  formatOf(output);
  const source = await readImageFile(input, { maxPixels: options.maxPixels });
  const image = await replay(source.image, record.id, record.params);
  return await writeWithRecord(
    output,
    image,
    source.bitDepth,
    options.bitDepth,
    {
      input: options.recordInput ?? input,
      output,
      id: record.id,
      level: record.level,
      seed: record.seed,
      params: record.params,
    },
  );
}
