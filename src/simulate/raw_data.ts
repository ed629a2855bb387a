/**
 * The shipped raw results (data/raw/{main,calibration,realworld}/): a
 * reconstruction regenerated locally from the seed and verified against the
 * checksum manifest data/raw/MANIFEST.sha256, so every user gets the same
 * bytes.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeResults } from "../results/write_results.ts";
import { RAW_MANIFEST } from "./_manifest.ts";
import {
  type FitResidual,
  PAPER_SEED,
  reconstructCalibration,
  reconstructMain,
  reconstructRealworld,
} from "./reconstruct.ts";

/** The raw-results directory (data/raw/ of this checkout). */
export const RAW_DIR: string = import.meta.url.startsWith("file:")
  ? fileURLToPath(new URL("../../data/raw/", import.meta.url))
  : "data/raw/"; // imported remotely: a data/raw/ under the working directory

/** The three results directories of the reconstruction. */
export const RAW_SETS: readonly ["main", "calibration", "realworld"] = [
  "main",
  "calibration",
  "realworld",
];

/** The files of each results directory. */
export const RAW_FILES: readonly string[] = RAW_SETS.flatMap((s) =>
  ["items", "predictions", "models"].map((f) => `${s}/${f}.csv.gz`)
);

/** Progress callback: a step label, units done, units in total. */
export type RawProgress = (label: string, done: number, total: number) => void;

/**
 * Quiet progress lines on stderr (one per step and every 10 models).
 *
 * @example Usage
 * ```ts
 * import { quietProgress } from "./raw_data.ts";
 * quietProgress("fitting main", 40, 40); // prints "fitting main: 40/40"
 * ```
 */
export const quietProgress: RawProgress = (label, done, total) => {
  if (done === total || done % 10 === 0) {
    console.error(`${label}: ${done}/${total}`);
  }
};

/**
 * Generate the three results directories into `dir` (gzip CSV).
 *
 * @param dir Target directory (default {@linkcode RAW_DIR}).
 * @param seed Seed (default the shipped one).
 * @param onProgress Progress callback.
 * @returns The residual of every fitted target.
 *
 * @example Usage
 * ```ts ignore
 * import { generateRawData } from "./raw_data.ts";
 * await generateRawData("/tmp/raw");
 * ```
 */
export async function generateRawData(
  dir: string = RAW_DIR,
  seed: number = PAPER_SEED,
  onProgress: RawProgress = quietProgress,
): Promise<FitResidual[]> {
  const main = reconstructMain(
    seed,
    (d, t) => onProgress("fitting main", d, t),
  );
  onProgress("writing main", 0, 1);
  await writeResults(join(dir, "main"), main.data, { gzip: true });
  onProgress("writing main", 1, 1);
  const calib = reconstructCalibration(
    main,
    seed,
    (d, t) => onProgress("fitting calibration", d, t),
  );
  onProgress("writing calibration", 0, 1);
  await writeResults(join(dir, "calibration"), calib.data, { gzip: true });
  onProgress("writing calibration", 1, 1);
  const real = reconstructRealworld(seed);
  await writeResults(join(dir, "realworld"), real.data, { gzip: true });
  onProgress("writing realworld", 1, 1);
  return [...main.residuals, ...calib.residuals, ...real.residuals];
}

/**
 * SHA-256 of a file's content, gunzipped first when the name ends in `.gz`
 * (so the manifest does not depend on the gzip implementation).
 *
 * @param path The file.
 * @returns The hex digest.
 *
 * @example Usage
 * ```ts
 * import { contentSha256 } from "./raw_data.ts";
 * const p = await Deno.makeTempFile();
 * await Deno.writeTextFile(p, "abc");
 * console.assert((await contentSha256(p)).startsWith("ba7816bf"));
 * ```
 */
export async function contentSha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  const file = await Deno.open(path);
  let stream: ReadableStream<Uint8Array> = file.readable;
  if (path.endsWith(".gz")) {
    stream = stream.pipeThrough(
      new DecompressionStream("gzip") as unknown as ReadableWritablePair<
        Uint8Array,
        Uint8Array
      >,
    );
  }
  for await (const chunk of stream) hash.update(chunk);
  return hash.digest("hex");
}

/**
 * Parse a manifest: lines `<sha256>  <relative path>`; `#` lines are comments.
 *
 * @param text The manifest text.
 * @param file Its name, for messages.
 * @returns Digest per relative path.
 *
 * @example Usage
 * ```ts
 * import { parseManifest } from "./raw_data.ts";
 * const m = parseManifest("# c\n" + "a".repeat(64) + "  main/items.csv.gz\n", "M");
 * console.assert(m.get("main/items.csv.gz") === "a".repeat(64));
 * ```
 */
export function parseManifest(text: string, file: string): Map<string, string> {
  const out = new Map<string, string>();
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const m = /^([0-9a-f]{64}) {2}(\S+)$/.exec(line);
    if (!m) {
      throw new SyntaxError(
        `${file}:${
          i + 1
        }: malformed manifest line "${line}": expected "<64 hex digits>  <path>"`,
      );
    }
    out.set(m[2]!, m[1]!);
  });
  return out;
}

/**
 * Write the manifest of the files in `dir` (used when the generator
 * changes on purpose; commit the result).
 *
 * @param dir The raw-data directory (default {@linkcode RAW_DIR}).
 * @returns The manifest text.
 *
 * @example Usage
 * ```ts ignore
 * import { writeManifest } from "./raw_data.ts";
 * await writeManifest();
 * ```
 */
export async function writeManifest(dir: string = RAW_DIR): Promise<string> {
  let text =
    "# sha256 of the UNCOMPRESSED content of each generated file (gunzip first)\n" +
    `# seed ${PAPER_SEED}; regenerate with \`deno task simulate --paper\`\n`;
  for (const f of RAW_FILES) {
    text += `${await contentSha256(join(dir, f))}  ${f}\n`;
  }
  await Deno.writeTextFile(join(dir, "MANIFEST.sha256"), text);
  return text;
}

/**
 * The TypeScript module that bundles a manifest's text (so a remote import,
 * which has no data/raw/MANIFEST.sha256 beside it, can still verify the
 * data it generates).
 *
 * @param text The manifest text.
 * @returns The module source of src/simulate/_manifest.ts.
 *
 * @example Usage
 * ```ts
 * import { manifestModule } from "./raw_data.ts";
 * console.assert(manifestModule("# x\n").includes("RAW_MANIFEST"));
 * ```
 */
export function manifestModule(text: string): string {
  return `// deno-fmt-ignore-file
/**
 * GENERATED by \`deno task simulate --paper --update-manifest\` from
 * data/raw/MANIFEST.sha256: do not edit by hand. The manifest's text, used
 * when no MANIFEST.sha256 sits beside the data (e.g. a JSR import).
 *
 * @module
 */

/** Text of data/raw/MANIFEST.sha256. */
export const RAW_MANIFEST: string = ${JSON.stringify(text)};
`;
}

/** Options of {@linkcode ensureRawData}. */
export interface EnsureOptions {
  /** Progress callback (default: quiet lines on stderr). */
  onProgress?: RawProgress;
  /** Regenerate even when the files exist. */
  force?: boolean;
}

/**
 * Make sure the raw results exist and match the manifest: regenerate the
 * three directories when a file is missing (or `force`), then verify every
 * file's checksum; a mismatch throws naming the file and both digests.
 *
 * @param dir The raw-data directory (default {@linkcode RAW_DIR}); it must
 * hold MANIFEST.sha256.
 * @param options Progress and force.
 * @returns `dir`.
 *
 * @example Usage
 * ```ts ignore
 * import { ensureRawData } from "./raw_data.ts";
 * const dir = await ensureRawData();
 * ```
 */
export async function ensureRawData(
  dir: string = RAW_DIR,
  options: EnsureOptions = {},
): Promise<string> {
  let manifestPath = join(dir, "MANIFEST.sha256");
  let manifestText: string;
  try {
    manifestText = await Deno.readTextFile(manifestPath);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
    // No manifest beside the data (a fresh directory, or a JSR import):
    // the bundled copy of the shipped one.
    manifestText = RAW_MANIFEST;
    manifestPath = "the bundled MANIFEST.sha256 (src/simulate/_manifest.ts)";
  }
  const manifest = parseManifest(manifestText, manifestPath);
  const exists = async (f: string) => {
    try {
      await Deno.stat(join(dir, f));
      return true;
    } catch {
      return false;
    }
  };
  let missing = options.force ?? false;
  for (const f of manifest.keys()) if (!(await exists(f))) missing = true;
  const progress = options.onProgress ?? quietProgress;
  if (missing) await generateRawData(dir, PAPER_SEED, progress);
  for (const [f, want] of manifest) {
    let got: string;
    try {
      got = await contentSha256(join(dir, f));
    } catch (error) {
      throw new Error(
        `Raw data file "${join(dir, f)}" cannot be read: ${
          (error as Error).message
        } (expected a gzip CSV matching ${manifestPath}; delete the data/raw/*/ directories to regenerate)`,
      );
    }
    if (got !== want) {
      throw new Error(
        `Raw data file "${
          join(dir, f)
        }" has sha256 ${got}: expected ${want} from ${manifestPath} (delete the data/raw/*/ directories to regenerate, or report a bug if it persists)`,
      );
    }
    progress("verifying", [...manifest.keys()].indexOf(f) + 1, manifest.size);
  }
  return dir;
}
