/**
 * Re-encode an image file for a request: PNG (lossless, so degradations
 * reach the model unchanged), longest side at most `maxPx`, as a `data:` URL.
 *
 * @module
 */

import sharp from "sharp";
import { Buffer } from "node:buffer";

/**
 * Read an image file, shrink it (never enlarge) so its longest side is at
 * most `maxPx`, re-encode it as PNG and return a `data:image/png;base64`
 * URL. Downscaling alters fine degradations (noise, blur): choose `maxPx`
 * at least the benchmark's image size to send images untouched in content.
 *
 * @param path The image file (any format sharp reads).
 * @param maxPx Largest width or height sent.
 * @returns The data URL.
 * @throws {TypeError} When the file cannot be read as an image, naming it.
 *
 * @example Usage
 * ```ts
 * import sharp from "sharp";
 * import { imageDataUrl } from "./image_data_url.ts";
 * const path = (await Deno.makeTempFile()) + ".png";
 * await sharp({ create: { width: 40, height: 20, channels: 3, background: "#123" } })
 *   .png().toFile(path);
 * const url = await imageDataUrl(path, 10);
 * console.assert(url.startsWith("data:image/png;base64,"));
 * ```
 */
export async function imageDataUrl(
  path: string,
  maxPx: number,
): Promise<string> {
  if (!Number.isInteger(maxPx) || maxPx < 1) {
    throw new RangeError(
      `Cannot limit images to ${maxPx} px: expected a positive integer`,
    );
  }
  let png: Buffer;
  try {
    png = await sharp(path)
      .resize({
        width: maxPx,
        height: maxPx,
        fit: "inside",
        withoutEnlargement: true,
      })
      .png()
      .toBuffer();
  } catch (error) {
    throw new TypeError(
      `Cannot read image ${path}: ${
        error instanceof Error ? error.message : error
      }`,
    );
  }
  return `data:image/png;base64,${Buffer.from(png).toString("base64")}`;
}

/**
 * Check that a file is a readable image without decoding its pixels.
 *
 * @param path The image file.
 * @returns `null` when readable, otherwise the reason.
 *
 * @example Usage
 * ```ts
 * import { imageProblem } from "./image_data_url.ts";
 * const path = await Deno.makeTempFile();
 * await Deno.writeTextFile(path, "not an image");
 * console.assert(imageProblem(path) !== null);
 * ```
 */
export async function imageProblem(path: string): Promise<string | null> {
  try {
    const meta = await sharp(path).metadata();
    if (!meta.width || !meta.height) return "it has no width or height";
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
