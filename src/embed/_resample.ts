/**
 * Area-average resampling of one float plane, and cropping of a float image.
 *
 * @module
 */

import type { FloatImage } from "../degrade/types.ts";

/** Resample a `w x h` plane to `tw x th` by averaging the covered source area. */
export function resampleArea(
  l: Float64Array,
  w: number,
  h: number,
  tw: number,
  th: number,
): Float64Array {
  const out = new Float64Array(tw * th);
  for (let ty = 0; ty < th; ty++) {
    const y0 = (ty * h) / th, y1 = ((ty + 1) * h) / th;
    for (let tx = 0; tx < tw; tx++) {
      const x0 = (tx * w) / tw, x1 = ((tx + 1) * w) / tw;
      let acc = 0, wsum = 0;
      for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
        const wy = Math.min(y + 1, y1) - Math.max(y, y0);
        for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
          const wx = Math.min(x + 1, x1) - Math.max(x, x0);
          acc += wx * wy * l[Math.min(y, h - 1) * w + Math.min(x, w - 1)];
          wsum += wx * wy;
        }
      }
      out[ty * tw + tx] = acc / wsum;
    }
  }
  return out;
}

/**
 * Crop the window (x0, y0, cw, ch) of an image (may be fractional) and
 * resample it to `size x size`, optionally mirrored left-right.
 */
export function cropResize(
  image: FloatImage,
  x0: number,
  y0: number,
  cw: number,
  ch: number,
  size: number,
  mirror = false,
): FloatImage {
  const { width: w, height: h, channels } = image;
  const plane = w * h;
  const data = new Float32Array(size * size * channels);
  for (let c = 0; c < channels; c++) {
    const src = new Float64Array(plane);
    for (let i = 0; i < plane; i++) src[i] = image.data[c * plane + i];
    const xs = Math.floor(x0), ys = Math.floor(y0);
    const xe = Math.min(w, Math.ceil(x0 + cw)),
      ye = Math.min(h, Math.ceil(y0 + ch));
    const sw = xe - xs, sh = ye - ys;
    const sub = new Float64Array(sw * sh);
    for (let y = 0; y < sh; y++) {
      for (let x = 0; x < sw; x++) {
        const sx = mirror ? xe - 1 - x : xs + x;
        sub[y * sw + x] = src[(ys + y) * w + sx];
      }
    }
    data.set(resampleArea(sub, sw, sh, size, size), c * size * size);
  }
  return { width: size, height: size, channels, data };
}
