/**
 * A documented, deterministic image-quality feature vector for a
 * {@linkcode FloatImage}: what to embed when no neural embedding (such as
 * BiomedCLIP) is at hand. Every component is a plain statistic of the image;
 * {@linkcode FEATURE_INFO} gives each name and formula.
 *
 * Notation: L is the luma plane (0.299 R + 0.587 G + 0.114 B, or the single
 * channel) at native size W x H; S is L resampled by area averaging to
 * 128 x 128, mean removed, times a 2-D Hann window; P(u, v) = |FFT2(S)|^2 is
 * its power spectrum with normalized radial frequency r = sqrt(u^2 + v^2) in
 * cycles per sample (0 .. 0.707) and angle a = atan2(v, u) folded to [0, 180).
 *
 * @module
 */

import { fft2, lumaPlane } from "../degrade/signal.ts";
import type { FloatImage } from "../degrade/types.ts";
import { resampleArea } from "./_resample.ts";

/** Name and formula of one feature component. */
export interface FeatureInfo {
  /** Column name (also the CSV header). */
  name: string;
  /** What it measures and how. */
  formula: string;
}

const BAND_EDGES = [0, 1 / 64, 1 / 32, 1 / 16, 1 / 8, 1 / 4, 1 / 2];
const SECTORS = 12;
const SPEC = 128;

/** Every feature component, in vector order. */
export const FEATURE_INFO: readonly FeatureInfo[] = [
  { name: "mean", formula: "mean of L" },
  { name: "std", formula: "standard deviation of L (divisor N)" },
  ...[1, 5, 25, 50, 75, 95, 99].map((p) => ({
    name: `p${String(p).padStart(2, "0")}`,
    formula: `${p}th percentile of L (nearest rank on 1024-bin histogram)`,
  })),
  { name: "skewness", formula: "E[(L - mean)^3] / std^3 (0 if std = 0)" },
  { name: "kurtosis", formula: "E[(L - mean)^4] / std^4 - 3 (0 if std = 0)" },
  {
    name: "entropy",
    formula: "Shannon entropy (bits) of the 64-bin histogram of L on [0, 1]",
  },
  {
    name: "frac_dark",
    formula: "share of pixels with L <= 0.02 (under-exposure, clipping)",
  },
  {
    name: "frac_bright",
    formula: "share of pixels with L >= 0.98 (over-exposure, clipping)",
  },
  {
    name: "noise_immerkaer",
    formula:
      "Immerkaer noise sigma: sqrt(pi/2) / (6 (W-2)(H-2)) * sum |L * N|, N = [[1,-2,1],[-2,4,-2],[1,-2,1]]",
  },
  {
    name: "noise_mad",
    formula:
      "1.4826 * median |R - median R| / 6 with R = L * N (robust Immerkaer)",
  },
  {
    name: "laplacian_var",
    formula: "variance of the 4-neighbour Laplacian of L (sharpness)",
  },
  {
    name: "gradient_energy",
    formula: "mean of gx^2 + gy^2, central differences of L (sharpness)",
  },
  ...BAND_EDGES.slice(0, -1).map((lo, b) => ({
    name: `band_${b}`,
    formula: `log10 share of spectral power P (DC excluded) with ${
      lo.toFixed(4)
    } <= r < ${BAND_EDGES[b + 1].toFixed(4)}`,
  })),
  {
    name: "spectral_slope",
    formula:
      "least-squares slope of log10 radial mean power against log10 r, r in [2/128, 0.5]",
  },
  {
    name: "blockiness",
    formula:
      "(mean |horizontal and vertical differences of L| across 8-pixel block borders + 1e-6) / (mean elsewhere + 1e-6) (JPEG-like blocks)",
  },
  {
    name: "flat_diff",
    formula:
      "share of horizontal neighbour differences |dL| < 1e-4 (pixel replication, flat clipping)",
  },
  {
    name: "angular_cv",
    formula:
      `coefficient of variation of P summed in ${SECTORS} angular sectors over 0.03 <= r < 0.45 (streaks, directional blur)`,
  },
  {
    name: "angular_peak",
    formula: "max sector power / mean sector power, same sectors",
  },
  {
    name: "ring_energy",
    formula:
      "mean squared residual of the radial profile of L about the image centre (1-px annuli) after a 7-bin moving average, / variance of L",
  },
  {
    name: "kspace_centre",
    formula:
      "share of spectral power (DC excluded) with max(|u|, |v|) < 1/16 (MRI k-space centre)",
  },
  {
    name: "kspace_xy_asym",
    formula:
      "log10 (P in |u| >= 1/8, |v| < 1/16 + 1e-12) - log10 (P in |v| >= 1/8, |u| < 1/16 + 1e-12): high-frequency loss along one axis (undersampling, directional blur)",
  },
  {
    name: "ghost_autocorr",
    formula:
      "max normalized autocorrelation of S at shifts (0, 32), (0, 64), (32, 0), (64, 0) (ghost copies)",
  },
  { name: "is_rgb", formula: "1 for a 3-channel image, 0 for grayscale" },
  { name: "rg_mean", formula: "mean of R - G (0 for grayscale)" },
  { name: "yb_mean", formula: "mean of (R + G)/2 - B (0 for grayscale)" },
  {
    name: "colorfulness",
    formula:
      "Hasler-Suesstrunk: sqrt(sd_rg^2 + sd_yb^2) + 0.3 sqrt(mean_rg^2 + mean_yb^2) (0 for grayscale)",
  },
  {
    name: "sat_mean",
    formula: "mean HSV saturation (max - min) / max (0 for grayscale)",
  },
  {
    name: "sat_std",
    formula: "standard deviation of HSV saturation (0 for grayscale)",
  },
];

/** The feature names, in vector order. */
export const FEATURE_NAMES: readonly string[] = FEATURE_INFO.map((f) => f.name);

/**
 * Compute the feature vector of an image (length `FEATURE_NAMES.length`).
 * Pure and deterministic; images smaller than 8 x 8 are rejected.
 *
 * @param image A float image with samples nominally in [0, 1].
 * @returns The features in {@linkcode FEATURE_NAMES} order.
 *
 * @example Usage
 * ```ts
 * import { FEATURE_NAMES, imageFeatures } from "./features.ts";
 * const data = new Float32Array(32 * 32).map((_, i) => (i % 32) / 31);
 * const f = imageFeatures({ width: 32, height: 32, channels: 1, data });
 * console.assert(f.length === FEATURE_NAMES.length);
 * console.assert(Math.abs(f[FEATURE_NAMES.indexOf("mean")] - 0.5) < 1e-6);
 * ```
 */
export function imageFeatures(image: FloatImage): Float64Array {
  const { width: w, height: h } = image;
  if (!(w >= 8 && h >= 8)) {
    throw new RangeError(
      `Cannot compute features of a ${w} x ${h} image: expected at least 8 x 8`,
    );
  }
  if (image.data.length !== w * h * image.channels) {
    throw new RangeError(
      `Cannot compute features: data has ${image.data.length} samples, expected ${
        w * h * image.channels
      }`,
    );
  }
  const l = lumaPlane(image);
  const sp = spectral(resampleArea(l, w, h, SPEC, SPEC));
  const ordered = [
    ...intensityStats(l),
    ...noiseStats(l, w, h),
    ...sharpness(l, w, h),
    ...sp.bands,
    sp.slope,
    ...blockStats(l, w, h),
    sp.angularCv,
    sp.angularPeak,
    ringEnergy(l, w, h),
    sp.kspaceCentre,
    sp.kspaceAsym,
    sp.ghost,
    ...colourStats(image),
  ];
  const v = Float64Array.from(ordered);
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) v[i] = 0;
  return v;
}

function intensityStats(l: Float64Array): number[] {
  const n = l.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += l[i];
  mean /= n;
  let m2 = 0, m3 = 0, m4 = 0;
  const hist = new Float64Array(1024);
  const hist64 = new Float64Array(64);
  let dark = 0, bright = 0;
  for (let i = 0; i < n; i++) {
    const d = l[i] - mean, d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
    const v = Math.min(Math.max(l[i], 0), 1);
    hist[Math.min(1023, Math.floor(v * 1024))]++;
    hist64[Math.min(63, Math.floor(v * 64))]++;
    if (l[i] <= 0.02) dark++;
    if (l[i] >= 0.98) bright++;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  const sd = Math.sqrt(m2);
  const pct = [1, 5, 25, 50, 75, 95, 99].map((p) => {
    const rank = Math.ceil((p / 100) * n);
    let acc = 0;
    for (let b = 0; b < 1024; b++) {
      acc += hist[b];
      if (acc >= rank) return (b + 0.5) / 1024;
    }
    return 1;
  });
  let entropy = 0;
  for (const c of hist64) if (c > 0) entropy -= (c / n) * Math.log2(c / n);
  return [
    mean,
    sd,
    ...pct,
    sd > 1e-12 ? m3 / (sd * sd * sd) : 0,
    sd > 1e-12 ? m4 / (m2 * m2) - 3 : 0,
    entropy,
    dark / n,
    bright / n,
  ];
}

function noiseStats(l: Float64Array, w: number, h: number): number[] {
  const r = new Float64Array((w - 2) * (h - 2));
  let sum = 0, k = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const v = l[i - w - 1] - 2 * l[i - w] + l[i - w + 1] -
        2 * l[i - 1] + 4 * l[i] - 2 * l[i + 1] +
        l[i + w - 1] - 2 * l[i + w] + l[i + w + 1];
      r[k++] = v;
      sum += Math.abs(v);
    }
  }
  const immerkaer = Math.sqrt(Math.PI / 2) * sum / (6 * (w - 2) * (h - 2));
  const med = median(r);
  const dev = r.map((v) => Math.abs(v - med));
  return [immerkaer, 1.4826 * median(dev) / 6];
}

function median(a: Float64Array): number {
  const s = Float64Array.from(a).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function sharpness(l: Float64Array, w: number, h: number): number[] {
  let s = 0, s2 = 0, g = 0, n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const lap = l[i - 1] + l[i + 1] + l[i - w] + l[i + w] - 4 * l[i];
      s += lap;
      s2 += lap * lap;
      const gx = (l[i + 1] - l[i - 1]) / 2, gy = (l[i + w] - l[i - w]) / 2;
      g += gx * gx + gy * gy;
      n++;
    }
  }
  const mean = s / n;
  return [s2 / n - mean * mean, g / n];
}

interface Spectral {
  bands: number[];
  slope: number;
  angularCv: number;
  angularPeak: number;
  kspaceCentre: number;
  kspaceAsym: number;
  ghost: number;
}

function spectral(s: Float64Array): Spectral {
  const n = SPEC;
  let mean = 0;
  for (const v of s) mean += v;
  mean /= s.length;
  const re = new Float64Array(n * n), im = new Float64Array(n * n);
  const hann = Float64Array.from(
    { length: n },
    (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1)),
  );
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      re[y * n + x] = (s[y * n + x] - mean) * hann[x] * hann[y];
    }
  }
  const windowed = Float64Array.from(re);
  fft2(re, im, n, n);
  const p = new Float64Array(n * n);
  let total = 0;
  for (let i = 0; i < n * n; i++) {
    p[i] = re[i] * re[i] + im[i] * im[i];
    if (i > 0) total += p[i];
  }
  total = Math.max(total, 1e-30);
  const bands = new Float64Array(BAND_EDGES.length - 1);
  const radial = new Float64Array(n), radialCount = new Float64Array(n);
  const sectors = new Float64Array(SECTORS);
  let centre = 0, hiX = 0, hiY = 0;
  for (let y = 0; y < n; y++) {
    const v = (y < n / 2 ? y : y - n) / n;
    for (let x = 0; x < n; x++) {
      if (x === 0 && y === 0) continue;
      const u = (x < n / 2 ? x : x - n) / n;
      const r = Math.hypot(u, v), pw = p[y * n + x];
      for (let b = 0; b < bands.length; b++) {
        if (r >= BAND_EDGES[b] && r < BAND_EDGES[b + 1]) bands[b] += pw;
      }
      const ri = Math.round(r * n);
      if (ri < n) {
        radial[ri] += pw;
        radialCount[ri]++;
      }
      if (r >= 0.03 && r < 0.45) {
        let a = Math.atan2(v, u);
        if (a < 0) a += Math.PI;
        sectors[Math.min(SECTORS - 1, Math.floor((a / Math.PI) * SECTORS))] +=
          pw;
      }
      if (Math.max(Math.abs(u), Math.abs(v)) < 1 / 16) centre += pw;
      if (Math.abs(u) >= 1 / 8 && Math.abs(v) < 1 / 16) hiX += pw;
      if (Math.abs(v) >= 1 / 8 && Math.abs(u) < 1 / 16) hiY += pw;
    }
  }
  const bandShares = Array.from(bands, (b) => Math.log10(b / total + 1e-12));
  // Spectral slope over 2 <= ri <= 64.
  let sx = 0, sy = 0, sxx = 0, sxy = 0, m = 0;
  for (let ri = 2; ri <= n / 2; ri++) {
    if (radialCount[ri] === 0) continue;
    const lx = Math.log10(ri / n),
      ly = Math.log10(radial[ri] / radialCount[ri] + 1e-30);
    sx += lx;
    sy += ly;
    sxx += lx * lx;
    sxy += lx * ly;
    m++;
  }
  const slope = (m * sxy - sx * sy) / Math.max(m * sxx - sx * sx, 1e-30);
  let smean = 0;
  for (const v of sectors) smean += v;
  smean /= SECTORS;
  let svar = 0, smax = 0;
  for (const v of sectors) {
    svar += (v - smean) ** 2;
    smax = Math.max(smax, v);
  }
  const cv = smean > 0 ? Math.sqrt(svar / SECTORS) / smean : 0;
  // Autocorrelation: inverse FFT of the power spectrum = FFT of P / n^2 (P is real, even).
  const are = Float64Array.from(p), aim = new Float64Array(n * n);
  fft2(are, aim, n, n);
  let energy = 0;
  for (const v of windowed) energy += v * v;
  const ac = (dx: number, dy: number) =>
    energy > 0 ? are[dy * n + dx] / (n * n) / energy : 0;
  const ghost = Math.max(ac(0, 32), ac(0, 64), ac(32, 0), ac(64, 0));
  return {
    bands: bandShares,
    slope,
    angularCv: cv,
    angularPeak: smean > 0 ? smax / smean : 0,
    kspaceCentre: centre / total,
    kspaceAsym: Math.log10(hiX + 1e-12) - Math.log10(hiY + 1e-12),
    ghost,
  };
}

function blockStats(l: Float64Array, w: number, h: number): number[] {
  let border = 0, nb = 0, inner = 0, ni = 0, flat = 0, nf = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w - 1; x++) {
      const d = Math.abs(l[y * w + x + 1] - l[y * w + x]);
      if (x % 8 === 7) {
        border += d;
        nb++;
      } else {
        inner += d;
        ni++;
      }
      if (d < 1e-4) flat++;
      nf++;
    }
  }
  for (let y = 0; y < h - 1; y++) {
    for (let x = 0; x < w; x++) {
      const d = Math.abs(l[(y + 1) * w + x] - l[y * w + x]);
      if (y % 8 === 7) {
        border += d;
        nb++;
      } else {
        inner += d;
        ni++;
      }
    }
  }
  const eps = 1e-6;
  return [
    (border / Math.max(nb, 1) + eps) / (inner / Math.max(ni, 1) + eps),
    flat / nf,
  ];
}

function ringEnergy(l: Float64Array, w: number, h: number): number {
  const cx = (w - 1) / 2, cy = (h - 1) / 2;
  const rmax = Math.floor(Math.min(w, h) / 2);
  const sum = new Float64Array(rmax), cnt = new Float64Array(rmax);
  let mean = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = l[y * w + x];
      mean += v;
      const r = Math.floor(Math.hypot(x - cx, y - cy));
      if (r < rmax) {
        sum[r] += v;
        cnt[r]++;
      }
    }
  }
  mean /= l.length;
  let variance = 0;
  for (const v of l) variance += (v - mean) ** 2;
  variance /= l.length;
  const prof = Float64Array.from(sum, (s, i) => s / Math.max(cnt[i], 1));
  let res = 0, m = 0;
  for (let r = 3; r < rmax - 3; r++) {
    let sm = 0;
    for (let t = -3; t <= 3; t++) sm += prof[r + t];
    res += (prof[r] - sm / 7) ** 2;
    m++;
  }
  return variance > 1e-12 && m > 0 ? res / m / variance : 0;
}

function colourStats(image: FloatImage): number[] {
  if (image.channels !== 3) return [0, 0, 0, 0, 0, 0];
  const n = image.width * image.height, d = image.data;
  let srg = 0, syb = 0, srg2 = 0, syb2 = 0, ss = 0, ss2 = 0;
  for (let i = 0; i < n; i++) {
    const r = d[i], g = d[n + i], b = d[2 * n + i];
    const rg = r - g, yb = (r + g) / 2 - b;
    srg += rg;
    syb += yb;
    srg2 += rg * rg;
    syb2 += yb * yb;
    const mx = Math.max(r, g, b), mn = Math.min(r, g, b);
    const s = mx > 0 ? (mx - mn) / mx : 0;
    ss += s;
    ss2 += s * s;
  }
  const mrg = srg / n, myb = syb / n;
  const vrg = Math.max(srg2 / n - mrg * mrg, 0);
  const vyb = Math.max(syb2 / n - myb * myb, 0);
  const ms = ss / n;
  return [
    1,
    mrg,
    myb,
    Math.sqrt(vrg + vyb) + 0.3 * Math.hypot(mrg, myb),
    ms,
    Math.sqrt(Math.max(ss2 / n - ms * ms, 0)),
  ];
}
