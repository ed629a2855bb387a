/**
 * `ghosting_artifact` (MRI): periodic ghosts along the phase-encode
 * (vertical) direction, as the authors' examples show them (SPEC §3.5):
 * y(r, c) = x(r, c) + Σ_{j=1}^{n−1} w_j · x(r − j·d, c), d = ⌊H/n⌋, copies
 * moving down only, without wrap-around, w_j = intensity·(1 − decay·j/n).
 * TorchIO `Ghosting` (every n-th k-space line scaled by 1 − intensity)
 * would give circular ghosts in both directions, which the examples do not
 * have. The luma is ghosted and written to every channel, clipped to [0, 1].
 *
 * @module
 */

import type { Degrader, ParameterSpec } from "../types.ts";
import { checkImage, checkLevel, checkParams, copyImage } from "../_check.ts";
import { LUMA32, simdArena } from "../_simd.ts";
import { CHUNK, CHUNK_BYTES, chunkFor } from "../_chunk.ts";

/** Parameters of {@linkcode ghostingArtifact}. */
export interface GhostingParams extends Record<string, unknown> {
  /** Ghost period n: copies every ⌊H/n⌋ rows, n − 1 of them. */
  ghosts: number;
  /** Weight of the first ghost; 0 = no degradation (identity). */
  intensity: number;
  /** How fast the weights fall: w_j = intensity·(1 − decay·j/n). */
  decay: number;
}

const PARAMETERS: ParameterSpec[] = [
  {
    name: "ghosts",
    unit: "period (image height / ghost spacing)",
    min: 2,
    max: 32,
    description: "ghost period n: n − 1 copies spaced ⌊height/n⌋ rows apart",
  },
  {
    name: "intensity",
    unit: "fraction of the image",
    min: 0,
    max: 2,
    description: "weight of the nearest ghost; 0 = no degradation (identity)",
  },
  {
    name: "decay",
    unit: "fraction",
    min: 0,
    max: 1,
    description:
      "linear fall-off of the ghost weights with their order (0 = equal weights)",
  },
];

/** Measured periods and weights (SPEC §3.5): faint falling ghosts, then strong flat ones. */
const PRESETS: Record<1 | 2, GhostingParams> = {
  1: { ghosts: 6, intensity: 0.15, decay: 1 },
  2: { ghosts: 7, intensity: 0.45, decay: 0 },
};

/**
 * Ghosting operator.
 *
 * @example Usage
 * ```ts
 * import { ghostingArtifact } from "./ghosting_artifact.ts";
 * const data = new Float32Array(4);
 * data[0] = 0.5;
 * const img = { width: 1, height: 4, channels: 1 as const, data };
 * const out = await ghostingArtifact.apply(img, { ghosts: 2, intensity: 0.5, decay: 0 });
 * console.assert(out.data[2] === 0.25);
 * ```
 */
export const ghostingArtifact: Degrader<GhostingParams> = {
  id: "ghosting_artifact",
  description:
    "MRI ghosting: weighted copies shifted along the phase-encode direction",
  parameters: PARAMETERS,
  identity: { ghosts: 2, intensity: 0, decay: 0 },
  sample(_prng, level) {
    return { ...PRESETS[checkLevel("ghosting_artifact", level)] };
  },
  apply(image, params) {
    checkImage("ghosting_artifact", image);
    checkParams("ghosting_artifact", PARAMETERS, params, ["ghosts"]);
    const { ghosts, intensity, decay } = params;
    if (intensity === 0) return Promise.resolve(copyImage(image));
    const { width: w, height: h, channels } = image;
    const n = w * h, src = image.data;
    const step = Math.floor(h / ghosts);
    const weights: number[] = [], shifts: number[] = [];
    for (let j = 1; j < ghosts && step > 0; j++) {
      weights.push(intensity * (1 - (decay * j) / ghosts));
      shifts.push(j * step * w);
    }
    const count = weights.length;
    // Float32 luma and sums, WebAssembly SIMD when available (same bits).
    const arena = simdArena(
      4 * n + 5 * CHUNK_BYTES + 4 * w + 16 * count,
      count,
    );
    // With SIMD the output starts as a copy of the source, which the
    // blocks below read back while it is still in the cache (the copy
    // constructor skips the zero fill of a fresh array; each block reads
    // its rows of every plane before it overwrites them).
    const data = arena ? new Float32Array(src) : new Float32Array(n * channels);
    if (arena) {
      const luma = arena.f32(n), wts = arena.f32(count);
      wts.set(weights);
      const r = chunkFor(arena, data), g = chunkFor(arena, data);
      const b = chunkFor(arena, data);
      // Views of r, g and b for the last length asked (blocks repeat one).
      let views = [r, g, b], viewLength = CHUNK;
      /**
       * The luma of samples [i0, i1), into `luma` and into `into` (RGB: by
       * chunks through r, g, b).
       */
      const lumaOf = (i0: number, i1: number, into: Float32Array) => {
        if (channels === 1) {
          const gray = data.subarray(i0, i1);
          luma.set(gray, i0);
          into.set(gray);
          return;
        }
        for (let i = i0; i < i1; i += CHUNK) {
          const m = Math.min(CHUNK, i1 - i);
          if (m !== viewLength) {
            views = [r, g, b].map((a) => a.subarray(0, m));
            viewLength = m;
          }
          const [vr, vg, vb] = views;
          vr.set(data.subarray(i, i + m));
          vg.set(data.subarray(n + i, n + i + m));
          vb.set(data.subarray(2 * n + i, 2 * n + i + m));
          arena.luma32(
            luma.subarray(i, i + m),
            into.subarray(i - i0, i - i0 + m),
            vr,
            vg,
            vb,
          );
        }
      };
      // Rows in blocks of about one chunk: their luma (kept, and copied to
      // the block; the rows above are done), then each ghost added over the
      // rows it reaches (acc32: taps in order, float32, as ghostRows), then
      // clipped (1·v + −0 is v, −0 included) and copied to every plane
      // while they are in the cache.
      const rows = Math.max(1, Math.floor(CHUNK / w));
      const block = rows === 1 ? arena.f32(w) : chunkFor(arena, data);
      const offs = new Int32Array(count);
      for (let r0 = 0; r0 < h; r0 += rows) {
        const r1 = Math.min(h, r0 + rows);
        const done = block.subarray(0, (r1 - r0) * w);
        lumaOf(r0 * w, r1 * w, done);
        // Runs of rows [ra, rb) with the same ghosts (shift <= row·w).
        for (let ra = r0, rb = r0; ra < r1; ra = rb) {
          let active = 0;
          while (active < count && shifts[active] <= ra * w) active++;
          rb = active < count
            ? Math.min(r1, Math.ceil(shifts[active] / w))
            : r1;
          for (let t = 0; t < active; t++) offs[t] = ra * w - shifts[t];
          if (active > 0) {
            arena.acc32(
              block,
              (ra - r0) * w,
              luma,
              offs,
              wts,
              active,
              (rb - ra) * w,
            );
          }
        }
        arena.clamp32(done, done, 1, -0);
        for (let c = 0; c < channels; c++) data.set(done, c * n + r0 * w);
      }
    } else {
      // The same float32 operations in JavaScript: the luma of RGB lives
      // in the output's last plane until the copies at the end (each
      // output row of plane 0 only reads luma rows at or above it).
      const luma = channels === 1 ? src : data.subarray(2 * n);
      if (channels === 3) writeLuma(src, n, luma);
      ghostRows(luma, data, w, n, weights, shifts);
      for (let c = 1; c < channels; c++) data.copyWithin(c * n, 0, n);
    }
    return Promise.resolve({
      width: w,
      height: h,
      channels: image.channels,
      data,
    });
  },
};

/** Float32 Rec. 601 luma of a planar RGB image (luma32's operations). */
function writeLuma(src: Float32Array, n: number, luma: Float32Array): void {
  const f = Math.fround, [kr, kg, kb] = LUMA32;
  for (let i = 0; i < n; i++) {
    luma[i] = f(f(kr * src[i]) + f(kg * src[n + i])) + f(kb * src[2 * n + i]);
  }
}

/**
 * One pass: each output row sums its own row and the weighted rows above
 * it in float32 (a Float32Array row rounds every sum; products of two
 * float32 values are exact in float64, so one fround gives the float32
 * product), clipped straight into `data` (the JavaScript path).
 */
function ghostRows(
  luma: Float32Array,
  data: Float32Array,
  w: number,
  n: number,
  weights: number[],
  shifts: number[],
): void {
  const f = Math.fround, row = new Float32Array(w);
  const w32 = weights.map(f);
  for (let o = 0; o < n; o += w) {
    let active = 0;
    while (active < w32.length && shifts[active] <= o) active++;
    row.set(luma.subarray(o, o + w));
    for (let g = 0; g < active; g++) {
      const wg = w32[g], s = o - shifts[g];
      for (let c = 0; c < w; c++) row[c] = row[c] + f(wg * luma[s + c]);
    }
    for (let c = 0; c < w; c++) {
      const v = row[c];
      data[o + c] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
  }
}
