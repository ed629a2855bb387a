/**
 * Grayscale plumbing for the CT and MRI physics operators: they simulate a
 * single intensity channel, so an RGB input is reduced to its luma
 * (0.299 R + 0.587 G + 0.114 B) and the result is written back to every
 * channel. Internal to src/degrade/; `signal.ts` makes both functions public.
 *
 * @module
 */

import type { FloatImage } from "./types.ts";

/**
 * The luma plane of an image in float64 (a copy for 1-channel images).
 *
 * @example Usage
 * ```ts
 * import { lumaPlane } from "./signal.ts";
 * const g = lumaPlane({ width: 1, height: 1, channels: 3, data: new Float32Array([1, 0, 0]) });
 * console.assert(Math.abs(g[0] - 0.299) < 1e-6);
 * ```
 */
export function lumaPlane(image: FloatImage): Float64Array {
  const n = image.width * image.height, d = image.data;
  if (image.channels === 1) return Float64Array.from(d);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = 0.299 * d[i] + 0.587 * d[n + i] + 0.114 * d[2 * n + i];
  }
  return out;
}

/**
 * An image shaped like `image` whose every channel is `plane`, clipped to
 * [0, 1].
 *
 * @example Usage
 * ```ts
 * import { fromLuma } from "./signal.ts";
 * const img = { width: 2, height: 1, channels: 3 as const, data: new Float32Array(6) };
 * const out = fromLuma(img, new Float64Array([-1, 0.5]));
 * console.assert(out.data.join() === "0,0.5,0,0.5,0,0.5");
 * ```
 */
export function fromLuma(
  image: FloatImage,
  plane: ArrayLike<number>,
): FloatImage {
  const n = image.width * image.height;
  const data = new Float32Array(n * image.channels);
  for (let i = 0; i < n; i++) {
    const v = plane[i];
    data[i] = v < 0 ? 0 : v > 1 ? 1 : v;
  }
  for (let c = 1; c < image.channels; c++) data.copyWithin(c * n, 0, n);
  return {
    width: image.width,
    height: image.height,
    channels: image.channels,
    data,
  };
}
