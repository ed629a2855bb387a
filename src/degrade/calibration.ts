/**
 * Calibration of the severity presets against the authors' examples
 * (SPEC §4): apply our L1/L2 to their L0, compute the signature (PSNR, SSIM,
 * mean ratio, HF ratio on luma, annotation outlines and a 5-pixel border
 * masked) and compare it with `signatures.csv`. The reference images are
 * read from a folder at run time and never copied into the repository.
 *
 * @module
 */

import type { Degradation } from "../taxonomy/degradations.ts";
import { DEGRADATIONS, isDegradation } from "../taxonomy/degradations.ts";
import type { FloatImage } from "./types.ts";
import { quantize, readImage, toGray } from "./image_io.ts";
import { psnr, ssim } from "./quality.ts";
import { degrade, DEGRADERS } from "./registry.ts";

/** The four numbers SPEC §4 uses to characterise a degraded image. */
export interface Signature {
  /** PSNR of the luma in dB. */
  psnr: number;
  /** Mean SSIM of the luma. */
  ssim: number;
  /** mean(degraded) / mean(clean). */
  meanRatio: number;
  /** var(Laplacian(degraded)) / var(Laplacian(clean)). */
  hfRatio: number;
  /** Fraction of the pixels measured. */
  measured: number;
}

/** Published signature values of one (id, level). */
export interface ReferenceSignature {
  /** Degradation id. */
  id: Degradation;
  /** Level. */
  level: 1 | 2;
  /** PSNR in dB. */
  psnr: number;
  /** SSIM. */
  ssim: number;
  /** Mean ratio. */
  meanRatio: number;
  /** HF ratio. */
  hfRatio: number;
}

/** One line of the calibration report. */
export interface CalibrationRow {
  /** Degradation id. */
  id: Degradation;
  /** Level. */
  level: 1 | 2;
  /** Our signature on the authors' L0. */
  ours: Signature;
  /** The authors' published signature. */
  theirs: ReferenceSignature;
  /** ours.psnr − theirs.psnr (dB). */
  deltaPsnr: number;
  /** ours.ssim − theirs.ssim. */
  deltaSsim: number;
  /** Whether |ΔPSNR| ≤ 3 dB and |ΔSSIM| ≤ 0.08. */
  pass: boolean;
  /** The parameters our operator drew. */
  params: Record<string, unknown>;
}

/** Tolerances of the check (SPEC §4). */
export const CALIBRATION_TOLERANCE: { psnr: number; ssim: number } = {
  psnr: 3,
  ssim: 0.08,
};

type Rule = "chroma" | "red" | "green" | "none";

interface MaskRule {
  clean: Rule;
  degraded: Rule;
  threshold: number;
  radius: number;
}

/** SPEC §4 "Annotation mask": the rule, threshold and dilation per id. */
function maskRule(id: Degradation): MaskRule {
  const radius = id === "gaussian_blur" || id === "xray_motion_blur_artifact"
    ? 24
    : id === "downsample_artifact"
    ? 20
    : id === "motion_blur"
    ? 8
    : 6;
  switch (id) {
    case "blood_cell_artifact":
    case "bubble_artifact":
    case "random_motion_artifact":
      return { clean: "none", degraded: "none", threshold: 0, radius: 0 };
    case "adjust_brightness":
    case "motion_blur":
    case "gaussian_blur":
      return { clean: "green", degraded: "green", threshold: 40, radius };
    case "dark_spots_artifact":
      return { clean: "red", degraded: "red", threshold: 40, radius };
    case "gaussian_noise":
    case "undersampling_artifact":
      return { clean: "chroma", degraded: "red", threshold: 20, radius };
    case "ghosting_artifact":
      return { clean: "chroma", degraded: "chroma", threshold: 10, radius };
    default:
      return { clean: "chroma", degraded: "chroma", threshold: 20, radius };
  }
}

function markRule(
  out: Uint8Array,
  image: FloatImage,
  rule: Rule,
  threshold: number,
): void {
  if (rule === "none" || image.channels === 1) return;
  const q = quantize(image, 8);
  for (let i = 0; i < out.length; i++) {
    const r = q[3 * i]!, g = q[3 * i + 1]!, b = q[3 * i + 2]!;
    let hit = false;
    if (rule === "chroma") {
      hit = Math.max(r, g, b) - Math.min(r, g, b) > threshold;
    } else if (rule === "red") {
      const gb = Math.max(g, b);
      hit = r - gb > (threshold === 40 ? 40 : 100) && gb < 0.4 * r;
    } else hit = g - Math.max(r, b) > threshold;
    if (hit) out[i] = 1;
  }
}

function dilate(
  mask: Uint8Array,
  w: number,
  h: number,
  radius: number,
): Uint8Array {
  if (radius === 0) return mask;
  const rows = new Uint8Array(mask.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!mask[y * w + x]) continue;
      const x0 = Math.max(0, x - radius), x1 = Math.min(w - 1, x + radius);
      for (let k = x0; k <= x1; k++) rows[y * w + k] = 1;
    }
  }
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!rows[y * w + x]) continue;
      const y0 = Math.max(0, y - radius), y1 = Math.min(h - 1, y + radius);
      for (let k = y0; k <= y1; k++) out[k * w + x] = 1;
    }
  }
  return out;
}

/**
 * The measured-pixel mask of SPEC §4 for an id: 1 where measured. Outline
 * pixels found by the id's colour rule in the clean image and in any of the
 * degraded images are excluded (after dilation), as is a 5-pixel border.
 *
 * @param id The degradation id (selects the rule).
 * @param clean The L0 image.
 * @param degraded The degraded images (reference L1, L2 and ours).
 * @returns A mask, 1 = measured.
 *
 * @example Usage
 * ```ts
 * import { measuredMask } from "./calibration.ts";
 * const img = { width: 20, height: 20, channels: 1 as const, data: new Float32Array(400) };
 * const m = measuredMask("gaussian_noise", img, []);
 * console.assert(m[0] === 0 && m[10 * 20 + 10] === 1);
 * ```
 */
export function measuredMask(
  id: Degradation,
  clean: FloatImage,
  degraded: readonly FloatImage[],
): Uint8Array {
  const { width: w, height: h } = clean;
  const rule = maskRule(id);
  let outline: Uint8Array = new Uint8Array(w * h);
  markRule(outline, clean, rule.clean, rule.threshold);
  for (const d of degraded) markRule(outline, d, rule.degraded, rule.threshold);
  outline = dilate(outline, w, h, rule.radius);
  const mask = new Uint8Array(w * h);
  for (let y = 5; y < h - 5; y++) {
    for (let x = 5; x < w - 5; x++) {
      mask[y * w + x] = outline[y * w + x] ? 0 : 1;
    }
  }
  return mask;
}

function laplaceVariance(
  g: Float32Array,
  w: number,
  h: number,
  mask: Uint8Array,
): number {
  const at = (y: number, x: number) =>
    g[Math.min(h - 1, Math.max(0, y)) * w + Math.min(w - 1, Math.max(0, x))]!;
  let s = 0, s2 = 0, n = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!mask[y * w + x]) continue;
      const v = at(y - 1, x) + at(y + 1, x) + at(y, x - 1) + at(y, x + 1) -
        4 * at(y, x);
      s += v;
      s2 += v * v;
      n++;
    }
  }
  return s2 / n - (s / n) ** 2;
}

/**
 * The SPEC §4 signature of a degraded image against its clean image, over a
 * mask of measured pixels.
 *
 * @param clean The clean image.
 * @param degraded The degraded image.
 * @param mask 1 where measured.
 * @returns PSNR, SSIM, mean ratio, HF ratio, measured fraction.
 *
 * @example Usage
 * ```ts
 * import { signature } from "./calibration.ts";
 * const a = { width: 4, height: 4, channels: 1 as const, data: new Float32Array(16).fill(0.5) };
 * const s = signature(a, a, new Uint8Array(16).fill(1));
 * console.assert(s.psnr === Infinity && s.meanRatio === 1);
 * ```
 */
export function signature(
  clean: FloatImage,
  degraded: FloatImage,
  mask: Uint8Array,
): Signature {
  const g0 = toGray(clean).data, g1 = toGray(degraded).data;
  let m0 = 0, m1 = 0, n = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    m0 += g0[i]!;
    m1 += g1[i]!;
    n++;
  }
  const { width: w, height: h } = clean;
  return {
    psnr: psnr(clean, degraded, { mask }),
    ssim: ssim(clean, degraded, { mask }),
    meanRatio: m1 / m0,
    hfRatio: laplaceVariance(g1, w, h, mask) / laplaceVariance(g0, w, h, mask),
    measured: n / mask.length,
  };
}

/**
 * Parse `signatures.csv` (long format, SPEC §4) into one signature per
 * (id, level). Throws a SyntaxError naming the line and column of a bad
 * value.
 *
 * @param text The CSV text.
 * @param name File name for error messages.
 * @returns The reference signatures.
 *
 * @example Usage
 * ```ts
 * import { parseSignatures } from "./calibration.ts";
 * const csv = "degradation,level,psnr,ssim,mean_ratio,hf_ratio,param_name,param_value\n" +
 *   "gaussian_blur,1,31.3,0.89,0.99,0.006,sigma_px,3.0\n";
 * console.assert(parseSignatures(csv)[0]!.psnr === 31.3);
 * ```
 */
export function parseSignatures(
  text: string,
  name = "signatures.csv",
): ReferenceSignature[] {
  const lines = text.split(/\r?\n/);
  const header = lines[0]?.split(",") ?? [];
  const want = [
    "degradation",
    "level",
    "psnr",
    "ssim",
    "mean_ratio",
    "hf_ratio",
  ];
  want.forEach((col, j) => {
    if (header[j] !== col) {
      throw new SyntaxError(
        `${name}:1: column ${j + 1} is "${header[j]}": expected "${col}"`,
      );
    }
  });
  const seen = new Map<string, ReferenceSignature>();
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]!.trim() === "") continue;
    const f = lines[i]!.split(",");
    const id = f[0]!;
    if (!isDegradation(id)) {
      throw new SyntaxError(
        `${name}:${i + 1}: column 1 (degradation) is "${id}": expected one of ${
          DEGRADATIONS.join(", ")
        }`,
      );
    }
    const nums = [1, 2, 3, 4, 5].map((j) => {
      const v = Number(f[j]);
      if (f[j] === undefined || f[j] === "" || !Number.isFinite(v)) {
        throw new SyntaxError(
          `${name}:${i + 1}: column ${j + 1} (${want[j]}) is "${
            f[j] ?? ""
          }": expected a number`,
        );
      }
      return v;
    });
    const level = nums[0];
    if (level !== 1 && level !== 2) {
      throw new SyntaxError(
        `${name}:${i + 1}: column 2 (level) is "${f[1]}": expected 1 or 2`,
      );
    }
    const key = `${id}/${level}`;
    if (!seen.has(key)) {
      seen.set(key, {
        id,
        level,
        psnr: nums[1]!,
        ssim: nums[2]!,
        meanRatio: nums[3]!,
        hfRatio: nums[4]!,
      });
    }
  }
  return [...seen.values()];
}

/** Options of {@linkcode calibrate}. */
export interface CalibrateOptions {
  /** Seed of the parameter draws (default 0). */
  seed?: number;
  /** Only these ids (default: every id with an operator). */
  ids?: readonly Degradation[];
  /** Called after each (id, level). */
  onRow?: (row: CalibrationRow) => void;
}

/**
 * Run the calibration against a reference folder holding `<id>_L{0,1,2}.png`
 * and `signatures.csv`.
 *
 * @param dir The reference folder.
 * @param options Seed, ids, per-row callback.
 * @returns One row per (id, level).
 *
 * @example Usage
 * ```ts ignore
 * import { calibrate } from "./calibration.ts";
 * const rows = await calibrate("../shared/reference/degradations", { ids: ["gaussian_blur"] });
 * console.log(rows.every((r) => r.pass));
 * ```
 */
export async function calibrate(
  dir: string,
  options: CalibrateOptions = {},
): Promise<CalibrationRow[]> {
  const file = `${dir}/signatures.csv`;
  const refs = parseSignatures(await Deno.readTextFile(file), file);
  const ids = options.ids ??
    DEGRADATIONS.filter((id) => DEGRADERS[id] !== undefined);
  const rows: CalibrationRow[] = [];
  for (const id of ids) {
    const [l0, l1, l2] = await Promise.all(
      [0, 1, 2].map((k) => readImage(`${dir}/${id}_L${k}.png`)),
    );
    for (const level of [1, 2] as const) {
      const theirs = refs.find((r) => r.id === id && r.level === level);
      if (!theirs) {
        throw new RangeError(
          `${file} has no row for ${id} level ${level}: expected one`,
        );
      }
      const { image, params } = await degrade(
        l0!,
        id,
        level,
        options.seed ?? 0,
      );
      const ours8 = roundTo8(image);
      const mask = measuredMask(id, l0!, [l1!, l2!, ours8]);
      const ours = signature(l0!, ours8, mask);
      const deltaPsnr = ours.psnr - theirs.psnr;
      const deltaSsim = ours.ssim - theirs.ssim;
      const row: CalibrationRow = {
        id,
        level,
        ours,
        theirs,
        deltaPsnr,
        deltaSsim,
        pass: Math.abs(deltaPsnr) <= CALIBRATION_TOLERANCE.psnr &&
          Math.abs(deltaSsim) <= CALIBRATION_TOLERANCE.ssim,
        params,
      };
      options.onRow?.(row);
      rows.push(row);
    }
  }
  return rows;
}

/** The image as it would be written to an 8-bit file. */
function roundTo8(image: FloatImage): FloatImage {
  const q = quantize(image, 8);
  const n = image.width * image.height;
  const data = new Float32Array(q.length);
  for (let c = 0; c < image.channels; c++) {
    for (let i = 0; i < n; i++) {
      data[c * n + i] = q[i * image.channels + c]! / 255;
    }
  }
  return { ...image, data };
}
