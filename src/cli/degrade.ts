/**
 * `deno task degrade --type ID --level 1|2 [--seed N] [--bit-depth 8|16] IN OUT`
 * degrades one image (IN a file) or every image of a folder, sub-folders
 * included (IN and OUT folders; progress on stderr and a manifest.csv in
 * OUT). `--type` also takes a comma-separated list or `all` (with
 * `--modality M`: the ids valid for M) and `--level 1,2`: a robustness
 * set in one call, written to OUT/<id>/L<level>/. Each output gets
 * `<out>.json` with the parameters drawn. Outputs keep the input's bit
 * depth where the format allows (16-bit PNG/TIFF in, 16-bit out) unless
 * `--bit-depth` says otherwise. `--list` prints the ids with
 * their categories, modalities, parameters (units and ranges) and what L1
 * and L2 draw.
 * Errors: exit code 2 with a one-paragraph message.
 *
 * @module
 */

import { basename, dirname, join } from "node:path";
import { integerOption, parseArgs, runMain, UsageError } from "./_args.ts";
import { progress } from "./_progress.ts";
import { DEGRADERS } from "../degrade/registry.ts";
import {
  degradeFile,
  type DegradeRecord,
  deriveSeed,
} from "../degrade/files.ts";
import { formatOf } from "../degrade/image_io.ts";
import { createPrng } from "../random/prng.ts";
import {
  appliesTo,
  CATEGORY_NAMES,
  type Degradation,
  DEGRADATION_INFO,
  DEGRADATIONS,
  isDegradation,
} from "../taxonomy/degradations.ts";
import {
  isModality,
  MODALITIES,
  type Modality,
} from "../taxonomy/modalities.ts";
import type { DegradeLevel } from "../degrade/types.ts";

const USAGE =
  "deno task degrade --type ID[,ID...]|all [--modality M] --level 1|2|1,2 [--seed N] [--bit-depth 8|16] IN OUT | --list";

const IMAGE_EXT = /\.(png|jpe?g|tiff?|webp)$/i;

/**
 * The text `--list` prints: every id with category, modality, parameters,
 * and the parameters L1 and L2 draw for a 512×512 image with seed 0 (marked
 * "varies with the seed" when seed 1 draws different ones).
 *
 * @returns Multi-line text.
 *
 * @example Usage
 * ```ts
 * import { listText } from "./degrade.ts";
 * console.assert(listText().includes("gaussian_blur"));
 * ```
 */
export function listText(): string {
  const out: string[] = [];
  for (const id of DEGRADATIONS) {
    const info = DEGRADATION_INFO[id];
    const d = DEGRADERS[id];
    out.push(
      `${id}  [${info.category}: ${CATEGORY_NAMES[info.category]}; modality: ${
        info.modality ?? "any"
      }]`,
    );
    out.push(`    ${d.description}`);
    for (const p of d.parameters) {
      out.push(
        `    ${p.name} in [${p.min}, ${p.max}] ${p.unit}: ${p.description}`,
      );
    }
    for (const level of [1, 2] as const) {
      const drawn = d.sample(createPrng(0), level, LIST_SIZE);
      const again = d.sample(createPrng(1), level, LIST_SIZE);
      const varies = JSON.stringify(drawn) !== JSON.stringify(again);
      out.push(
        `    L${level}${varies ? " (varies with the seed; seed 0)" : ""}: ${
          compactParams(drawn)
        }`,
      );
    }
  }
  return out.join("\n");
}

/** The image size `--list` draws its example parameters for. */
const LIST_SIZE = { width: 512, height: 512 };

/** `name=value` pairs, numbers to at most 4 significant digits. */
function compactParams(params: Record<string, unknown>): string {
  return Object.entries(params).map(([k, v]) =>
    `${k}=${
      typeof v === "number" && !Number.isInteger(v)
        ? String(Number(v.toPrecision(4)))
        : JSON.stringify(v)
    }`
  ).join(" ");
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The manifest CSV of a batch: input, output, id, level, seed, parameters
 * (as JSON).
 *
 * @param records One record per degraded file.
 * @returns CSV text with a header line.
 *
 * @example Usage
 * ```ts
 * import { manifestCsv } from "./degrade.ts";
 * const csv = manifestCsv([{ input: "a.png", output: "b.png", id: "gaussian_blur", level: 1, seed: 3, params: { sigma: 3 } }]);
 * console.assert(csv.split("\n")[1] === 'a.png,b.png,gaussian_blur,1,3,"{""sigma"":3}"');
 * ```
 */
export function manifestCsv(records: readonly DegradeRecord[]): string {
  const lines = ["input,output,id,level,seed,parameters"];
  for (const r of records) {
    lines.push(
      [
        r.input,
        r.output,
        r.id,
        String(r.level),
        String(r.seed),
        JSON.stringify(r.params),
      ]
        .map(csvCell).join(","),
    );
  }
  return lines.join("\n") + "\n";
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isDirectory;
  } catch {
    throw new UsageError(`Cannot read input "${path}": no such file or folder`);
  }
}

async function main(): Promise<number> {
  const args = parseArgs(Deno.args, {
    string: ["type", "level", "seed", "bit-depth", "modality"],
    boolean: ["list"],
    maxPositional: 2,
    usage: USAGE,
  });
  if (args.options.help) {
    console.log(`Usage: ${USAGE}`);
    return 0;
  }
  if (args.options.list) {
    console.log(listText());
    return 0;
  }
  const types = parseTypes(args.options.type, args.options.modality);
  const levels = parseLevels(args.options.level);
  const seed = integerOption(args, "seed", 0) ?? 0;
  // Without --bit-depth each output keeps its input's depth where the
  // format allows (16-bit PNG/TIFF in, 16-bit out).
  const bits = integerOption(args, "bit-depth", 8, 16);
  if (bits !== undefined && bits !== 8 && bits !== 16) {
    throw new UsageError(`Option "--bit-depth" must be 8 or 16, got ${bits}`);
  }
  if (args.positional.length !== 2) {
    throw new UsageError(
      `Expected IN and OUT, got ${args.positional.length} path(s). Usage: ${USAGE}`,
    );
  }
  const [input, output] = args.positional as [string, string];
  const options = { bitDepth: bits as 8 | 16 | undefined };
  const jobs = types.flatMap((id) => levels.map((level) => ({ id, level })));
  const single = jobs.length === 1;
  if (!(await isDirectory(input))) {
    if (single) {
      formatOf(output);
      const { id, level } = jobs[0]!;
      const record = await degradeFile(input, output, id, level, seed, options);
      console.log(
        `${output}: ${id} L${level} seed ${seed} ${
          JSON.stringify(record.params)
        }`,
      );
      return 0;
    }
  }
  // A folder (walked recursively, sub-folders mirrored), or one file under
  // several ids/levels: OUT is a folder, OUT/<id>/L<level>/... when there
  // is more than one (id, level). Each file's seed comes from --seed and
  // its path relative to IN, so the same file gets the same draw whichever
  // ids are run with it.
  const files = (await isDirectory(input))
    ? await imagesUnder(input)
    : [basename(input)];
  const root = (await isDirectory(input)) ? input : dirname(input);
  if (files.length === 0) {
    throw new UsageError(
      `Folder "${input}" holds no .png, .jpg, .jpeg, .tif, .tiff or .webp file (sub-folders included)`,
    );
  }
  const label = single
    ? `${jobs[0]!.id} L${jobs[0]!.level}`
    : `${types.length} id(s) × ${levels.length} level(s)`;
  const bar = progress(`degrading (${label})`, files.length * jobs.length);
  const records: DegradeRecord[] = [];
  for (const rel of files) {
    const fileSeed = deriveSeed(seed, rel);
    for (const { id, level } of jobs) {
      const target = single
        ? join(output, rel)
        : join(output, id, `L${level}`, rel);
      await Deno.mkdir(dirname(target), { recursive: true });
      records.push(
        await degradeFile(
          join(root, rel),
          target,
          id,
          level,
          fileSeed,
          options,
        ),
      );
      bar.tick();
    }
  }
  bar.done();
  await Deno.mkdir(output, { recursive: true });
  await Deno.writeTextFile(join(output, "manifest.csv"), manifestCsv(records));
  console.log(`${records.length} image(s) written to ${output} (manifest.csv)`);
  return 0;
}

/**
 * The ids of `--type`: one id, a comma-separated list, or `all` (every id,
 * or with `--modality` every id valid for that modality).
 */
function parseTypes(
  raw: string | boolean | undefined,
  modality: string | boolean | undefined,
): Degradation[] {
  if (typeof raw !== "string") {
    throw new UsageError(`Option "--type" is required. Usage: ${USAGE}`);
  }
  if (modality !== undefined && typeof modality !== "string") {
    throw new UsageError(`Option "--modality" needs a value`);
  }
  if (modality !== undefined && !isModality(modality)) {
    throw new UsageError(
      `Unknown modality "${modality}": expected one of ${
        MODALITIES.join(", ")
      }`,
    );
  }
  const names = raw === "all" ? [...DEGRADATIONS] : raw.split(",");
  const ids: Degradation[] = [];
  for (const name of names) {
    if (!isDegradation(name)) {
      throw new UsageError(
        `Unknown degradation "${name}": expected one of ${
          DEGRADATIONS.join(", ")
        }, a comma-separated list of them, or all (see --list)`,
      );
    }
    if (modality !== undefined && !appliesTo(name, modality as Modality)) {
      if (raw === "all") continue;
      throw new UsageError(
        `Degradation "${name}" does not apply to ${modality}: it is ${
          DEGRADATION_INFO[name].modality
        }-only`,
      );
    }
    if (!ids.includes(name)) ids.push(name);
  }
  return ids;
}

/** The levels of `--level`: 1, 2, or "1,2". */
function parseLevels(raw: string | boolean | undefined): DegradeLevel[] {
  if (typeof raw !== "string") {
    throw new UsageError(
      `Option "--level" is required (1, 2 or 1,2). Usage: ${USAGE}`,
    );
  }
  const levels: DegradeLevel[] = [];
  for (const part of raw.split(",")) {
    if (part !== "1" && part !== "2") {
      throw new UsageError(
        `Option "--level" must be 1, 2 or 1,2, got "${raw}" (0 is the clean image: there is nothing to apply)`,
      );
    }
    const level = Number(part) as DegradeLevel;
    if (!levels.includes(level)) levels.push(level);
  }
  return levels;
}

/** Image files under `dir`, recursively, as sorted paths relative to it. */
async function imagesUnder(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for await (const entry of Deno.readDir(join(dir, prefix))) {
    const rel = prefix ? join(prefix, entry.name) : entry.name;
    if (entry.isDirectory) out.push(...await imagesUnder(dir, rel));
    else if (entry.isFile && IMAGE_EXT.test(entry.name)) out.push(rel);
  }
  return out.sort();
}

if (import.meta.main) await runMain(main);
