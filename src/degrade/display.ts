/**
 * Show float images inline in a Deno Jupyter notebook: a side-by-side
 * montage and a displayable object (`Symbol.for("Jupyter.display")` returning
 * a base64 PNG bundle).
 *
 * @module
 */

import type { FloatImage } from "./types.ts";
import { encodeImage } from "./image_io.ts";

/** An object Deno's Jupyter kernel renders as a PNG. */
export interface JupyterImage {
  /** Returns the MIME bundle `{ "image/png": base64 }`. */
  [key: symbol]: () => Record<string, string>;
}

/** Options of {@linkcode montage}. */
export interface MontageOptions {
  /** Gap between images in pixels (default 4). */
  gap?: number;
  /** Gap colour, 0..1 grey (default 1, white). */
  background?: number;
}

/**
 * Place images side by side (top-aligned), as RGB if any of them is RGB.
 *
 * @param images The images, left to right.
 * @param options Gap and background.
 * @returns One image.
 *
 * @example Usage
 * ```ts
 * import { montage } from "./display.ts";
 * const a = { width: 2, height: 2, channels: 1 as const, data: new Float32Array(4) };
 * const m = montage([a, a], { gap: 1 });
 * console.assert(m.width === 5 && m.height === 2);
 * ```
 */
export function montage(
  images: readonly FloatImage[],
  options: MontageOptions = {},
): FloatImage {
  if (images.length === 0) {
    throw new RangeError(
      "Cannot make a montage of 0 images: expected at least one",
    );
  }
  const gap = options.gap ?? 4, bg = options.background ?? 1;
  const channels = images.some((i) => i.channels === 3) ? 3 : 1;
  const width = images.reduce((s, i) => s + i.width, 0) +
    gap * (images.length - 1);
  const height = Math.max(...images.map((i) => i.height));
  const n = width * height;
  const data = new Float32Array(channels * n).fill(bg);
  let left = 0;
  for (const img of images) {
    const m = img.width * img.height;
    for (let c = 0; c < channels; c++) {
      const sc = img.channels === 3 ? c : 0;
      for (let y = 0; y < img.height; y++) {
        for (let x = 0; x < img.width; x++) {
          data[c * n + y * width + left + x] = img
            .data[sc * m + y * img.width + x]!;
        }
      }
    }
    left += img.width + gap;
  }
  return { width, height, channels, data };
}

function base64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

/**
 * Encode an image (or a row of images, as a montage) for inline display:
 * the last expression of a notebook cell, or `Deno.jupyter.display(...)`.
 *
 * @param image An image or a list of images shown side by side.
 * @returns A displayable object.
 *
 * @example Usage
 * ```ts
 * import { showImage } from "./display.ts";
 * const img = { width: 2, height: 2, channels: 1 as const, data: new Float32Array(4) };
 * const shown = await showImage(img);
 * const bundle = shown[Symbol.for("Jupyter.display")]!();
 * console.assert(bundle["image/png"]!.startsWith("iVBOR"));
 * ```
 */
export async function showImage(
  image: FloatImage | readonly FloatImage[],
): Promise<JupyterImage> {
  const img = Array.isArray(image) ? montage(image) : image as FloatImage;
  const png = base64(await encodeImage(img, "png"));
  return { [Symbol.for("Jupyter.display")]: () => ({ "image/png": png }) };
}
