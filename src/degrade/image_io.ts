/**
 * Image input/output on sharp: read PNG/JPEG/TIFF/WebP (8 or 16 bit) into a
 * planar float {@linkcode FloatImage} in [0, 1], write one back with fixed
 * encoder options (no metadata, no timestamps: same image, same bytes).
 *
 * @module
 */

import sharp from "sharp";
import type { Sharp } from "sharp";
import type { FloatImage } from "./types.ts";

/** Options of {@linkcode readImage}. */
export interface ReadImageOptions {
  /** Largest accepted width × height (default 64 megapixels). */
  maxPixels?: number;
  /** Name used in error messages when reading bytes (default "<bytes>"). */
  name?: string;
}

/** Options of {@linkcode writeImage} and {@linkcode encodeImage}. */
export interface WriteImageOptions {
  /** Bits per sample: 8 (default) or 16 (PNG and TIFF only). */
  bitDepth?: 8 | 16;
}

/** What {@linkcode readImageFile} read: the image and facts about the source. */
export interface ReadImageResult {
  /** The planar float image in [0, 1]. */
  image: FloatImage;
  /** Bits per sample of the source: 16 for 16-bit PNG/TIFF, else 8. */
  bitDepth: 8 | 16;
  /** Whether the source had an alpha channel (dropped from `image`). */
  hadAlpha: boolean;
}

/** An output format {@linkcode encodeImage} knows. */
export type ImageFormat = "png" | "jpeg" | "tiff" | "webp";

/** Default pixel limit of {@linkcode readImage}: 64 megapixels. */
export const DEFAULT_MAX_PIXELS: number = 64 * 1024 * 1024;

/**
 * Convert a sharp pipeline's output into a float image (alpha dropped,
 * grayscale kept as one channel, 16-bit input kept at 16-bit precision).
 *
 * @param pipeline A sharp instance (not yet consumed).
 * @returns The decoded float image.
 *
 * @example Usage
 * ```ts
 * import sharp from "sharp";
 * import { fromSharp } from "./image_io.ts";
 * const s = sharp({ create: { width: 2, height: 1, channels: 3, background: "#ff0000" } });
 * const img = await fromSharp(s.png());
 * console.assert(img.channels === 3 && img.data[0] === 1 && img.data[2] === 0);
 * ```
 */
export async function fromSharp(pipeline: Sharp): Promise<FloatImage> {
  const bytes = await pipeline.png().toBuffer();
  return (await decode(bytes, DEFAULT_MAX_PIXELS)).image;
}

async function decode(
  input: Uint8Array,
  maxPixels: number,
): Promise<ReadImageResult> {
  const meta = await sharp(input, { limitInputPixels: false, failOn: "error" })
    .metadata();
  const width = meta.width ?? 0, height = meta.height ?? 0;
  if (!(width > 0 && height > 0)) {
    throw new TypeError(`has no readable size (got ${width}×${height})`);
  }
  if (width * height > maxPixels) {
    throw new RangeError(
      `is ${width}×${height} = ${
        width * height
      } pixels: expected at most ${maxPixels} (raise maxPixels to allow it)`,
    );
  }
  const bands = (meta.channels ?? 3) - (meta.hasAlpha ? 1 : 0);
  const gray = bands === 1;
  const wide = meta.depth === "ushort" || meta.depth === "short";
  const space = gray ? (wide ? "grey16" : "b-w") : (wide ? "rgb16" : "srgb");
  const { data, info } = await sharp(input, {
    limitInputPixels: false,
    failOn: "error",
  })
    .removeAlpha()
    .toColourspace(space)
    .raw({ depth: wide ? "ushort" : "uchar" })
    .toBuffer({ resolveWithObject: true });
  const channels = gray ? 1 : 3;
  if (info.channels !== channels) {
    throw new TypeError(
      `decoded to ${info.channels} channels: expected ${channels}`,
    );
  }
  const n = width * height;
  const out = new Float32Array(channels * n);
  const samples = wide
    ? new Uint16Array(data.buffer, data.byteOffset, data.byteLength / 2)
    : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const scale = wide ? 65535 : 255;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < channels; c++) {
      out[c * n + i] = samples[i * channels + c]! / scale;
    }
  }
  return {
    image: { width, height, channels, data: out },
    bitDepth: wide ? 16 : 8,
    hadAlpha: meta.hasAlpha === true,
  };
}

/**
 * Read an image file (or its bytes) into a planar float image in [0, 1].
 * Grayscale stays 1 channel, colour becomes 3 (sRGB), alpha is dropped.
 *
 * @param source A file path or the encoded bytes.
 * @param options Pixel limit and the name used in errors.
 * @returns The image.
 * @throws {RangeError} If the image has more than `maxPixels` pixels.
 * @throws {TypeError} If the file is missing, corrupt or not an image.
 *
 * @example Usage
 * ```ts
 * import { encodeImage, readImage } from "./image_io.ts";
 * const png = await encodeImage(
 *   { width: 1, height: 1, channels: 1, data: new Float32Array([1]) },
 *   "png",
 * );
 * const img = await readImage(png);
 * console.assert(img.channels === 1 && img.data[0] === 1);
 * ```
 */
export async function readImage(
  source: string | Uint8Array,
  options: ReadImageOptions = {},
): Promise<FloatImage> {
  return (await readImageFile(source, options)).image;
}

/**
 * {@linkcode readImage}, also saying the source's bit depth and whether it
 * had alpha, so a writer can keep 16-bit data 16-bit
 * ({@linkcode outputBitDepth}).
 *
 * @param source A file path or the encoded bytes.
 * @param options Pixel limit and the name used in errors.
 * @returns The image, the source's bits per sample, and its alpha flag.
 * @throws {RangeError} If the image has more than `maxPixels` pixels.
 * @throws {TypeError} If the file is missing, corrupt or not an image.
 *
 * @example Usage
 * ```ts
 * import { encodeImage, readImageFile } from "./image_io.ts";
 * const png = await encodeImage(
 *   { width: 1, height: 1, channels: 1, data: new Float32Array([0.5]) },
 *   "png",
 *   { bitDepth: 16 },
 * );
 * const { image, bitDepth } = await readImageFile(png);
 * console.assert(bitDepth === 16 && image.channels === 1);
 * ```
 */
export async function readImageFile(
  source: string | Uint8Array,
  options: ReadImageOptions = {},
): Promise<ReadImageResult> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  const name = typeof source === "string"
    ? source
    : (options.name ?? "<bytes>");
  let bytes: Uint8Array;
  if (typeof source === "string") {
    try {
      bytes = await Deno.readFile(source);
    } catch (error) {
      throw new TypeError(
        `Cannot read image "${name}": ${(error as Error).message}`,
      );
    }
  } else bytes = source;
  try {
    return await decode(bytes, maxPixels);
  } catch (error) {
    const message = (error as Error).message.replace(/\s+/g, " ").trim();
    if (error instanceof RangeError) {
      throw new RangeError(`Cannot read image "${name}": it ${message}`);
    }
    throw new TypeError(
      `Cannot read image "${name}": expected a PNG, JPEG, TIFF or WebP file (${message})`,
    );
  }
}

function checkImage(image: FloatImage): void {
  const { width, height, channels, data } = image;
  if (
    !Number.isInteger(width) || !Number.isInteger(height) || width < 1 ||
    height < 1
  ) {
    throw new RangeError(
      `Cannot use an image of ${width}×${height}: expected positive integer sizes`,
    );
  }
  if (channels !== 1 && channels !== 3) {
    throw new RangeError(
      `Cannot use an image with ${channels} channels: expected 1 or 3`,
    );
  }
  if (data.length !== width * height * channels) {
    throw new RangeError(
      `Cannot use an image with ${data.length} samples: expected ${channels}×${width}×${height} = ${
        width * height * channels
      }`,
    );
  }
}

/**
 * Quantise a float image to interleaved 8- or 16-bit samples (clip to
 * [0, 1], round half up; NaN becomes 0).
 *
 * @param image The float image.
 * @param bitDepth 8 or 16.
 * @returns Interleaved samples, `channels` per pixel.
 *
 * @example Usage
 * ```ts
 * import { quantize } from "./image_io.ts";
 * const q = quantize({ width: 2, height: 1, channels: 1, data: new Float32Array([0.5, 2]) }, 8);
 * console.assert(q[0] === 128 && q[1] === 255);
 * ```
 */
export function quantize(
  image: FloatImage,
  bitDepth: 8 | 16 = 8,
): Uint8Array | Uint16Array {
  checkImage(image);
  const { width, height, channels, data } = image;
  const n = width * height;
  const max = bitDepth === 16 ? 65535 : 255;
  const out = bitDepth === 16
    ? new Uint16Array(n * channels)
    : new Uint8Array(n * channels);
  for (let c = 0; c < channels; c++) {
    for (let i = 0; i < n; i++) {
      const v = data[c * n + i]!;
      const clipped = v > 1 ? 1 : v >= 0 ? v : 0;
      out[i * channels + c] = Math.floor(clipped * max + 0.5);
    }
  }
  return out;
}

/**
 * A sharp pipeline holding the image as raw 8- or 16-bit samples.
 *
 * @param image The float image.
 * @param bitDepth 8 (default) or 16.
 * @returns A sharp instance (encode it with `.png()` etc.).
 *
 * @example Usage
 * ```ts
 * import { toSharp } from "./image_io.ts";
 * const s = toSharp({ width: 2, height: 2, channels: 1, data: new Float32Array(4) });
 * const meta = await s.png().toBuffer({ resolveWithObject: true });
 * console.assert(meta.info.width === 2);
 * ```
 */
export function toSharp(image: FloatImage, bitDepth: 8 | 16 = 8): Sharp {
  const samples = quantize(image, bitDepth);
  const pipeline = sharp(samples, {
    raw: {
      width: image.width,
      height: image.height,
      channels: image.channels,
    },
  });
  if (bitDepth === 16) {
    return pipeline.toColourspace(image.channels === 1 ? "grey16" : "rgb16");
  }
  return pipeline.toColourspace(image.channels === 1 ? "b-w" : "srgb");
}

/**
 * Encode a float image with fixed options: PNG (compression 9, no
 * filtering choice left to heuristics), JPEG (quality 95, 4:4:4), TIFF
 * (deflate), WebP (lossless). No metadata is written.
 *
 * @param image The float image.
 * @param format Output format.
 * @param options Bit depth (16 only for PNG and TIFF).
 * @returns The encoded bytes.
 *
 * @example Usage
 * ```ts
 * import { encodeImage } from "./image_io.ts";
 * const bytes = await encodeImage(
 *   { width: 1, height: 1, channels: 3, data: new Float32Array([1, 0, 0]) },
 *   "png",
 * );
 * console.assert(bytes[1] === 0x50); // "P" of the PNG signature
 * ```
 */
export async function encodeImage(
  image: FloatImage,
  format: ImageFormat,
  options: WriteImageOptions = {},
): Promise<Uint8Array> {
  const bitDepth = options.bitDepth ?? 8;
  if (bitDepth !== 8 && bitDepth !== 16) {
    throw new RangeError(
      `Cannot write ${bitDepth}-bit samples: expected 8 or 16`,
    );
  }
  if (bitDepth === 16 && (format === "jpeg" || format === "webp")) {
    throw new RangeError(
      `Cannot write a 16-bit ${format.toUpperCase()}: use PNG or TIFF for 16 bits`,
    );
  }
  const pipeline = toSharp(image, bitDepth);
  const encoded = format === "png"
    ? pipeline.png({
      compressionLevel: 9,
      adaptiveFiltering: false,
      palette: false,
    })
    : format === "jpeg"
    ? pipeline.jpeg({ quality: 95, chromaSubsampling: "4:4:4", mozjpeg: false })
    : format === "tiff"
    ? pipeline.tiff({ compression: "deflate", predictor: "horizontal" })
    : pipeline.webp({ lossless: true, effort: 4 });
  return new Uint8Array(await encoded.toBuffer());
}

/**
 * The output format for a file name, from its extension.
 *
 * @param path A file path ending in .png, .jpg/.jpeg, .tif/.tiff or .webp.
 * @returns The format.
 *
 * @example Usage
 * ```ts
 * import { formatOf } from "./image_io.ts";
 * console.assert(formatOf("out/a.JPG") === "jpeg");
 * ```
 */
export function formatOf(path: string): ImageFormat {
  const ext = path.toLowerCase().match(/\.([a-z]+)$/)?.[1] ?? "";
  const format = ({
    png: "png",
    jpg: "jpeg",
    jpeg: "jpeg",
    tif: "tiff",
    tiff: "tiff",
    webp: "webp",
  } as Record<string, ImageFormat>)[ext];
  if (!format) {
    throw new TypeError(
      `Cannot tell the image format of "${path}": expected an extension .png, .jpg, .jpeg, .tif, .tiff or .webp`,
    );
  }
  return format;
}

/**
 * Write a float image to a file, format chosen by extension, with
 * deterministic bytes (see {@linkcode encodeImage}).
 *
 * @param path Output file path.
 * @param image The float image.
 * @param options Bit depth.
 *
 * @example Usage
 * ```ts
 * import { readImage, writeImage } from "./image_io.ts";
 * const path = await Deno.makeTempFile({ suffix: ".png" });
 * await writeImage(path, { width: 1, height: 1, channels: 1, data: new Float32Array([0]) });
 * console.assert((await readImage(path)).data[0] === 0);
 * await Deno.remove(path);
 * ```
 */
export async function writeImage(
  path: string,
  image: FloatImage,
  options: WriteImageOptions = {},
): Promise<void> {
  const bytes = await encodeImage(image, formatOf(path), options);
  await Deno.writeFile(path, bytes);
}

/**
 * The bit depth to write `format` in when the source had `sourceBitDepth`
 * and the caller asked for nothing: 16-bit sources stay 16-bit where the
 * format allows it (PNG, TIFF), everything else is 8-bit.
 *
 * @param format The output format.
 * @param sourceBitDepth Bits per sample of the source.
 * @returns 8 or 16.
 *
 * @example Usage
 * ```ts
 * import { outputBitDepth } from "./image_io.ts";
 * console.assert(outputBitDepth("png", 16) === 16);
 * console.assert(outputBitDepth("jpeg", 16) === 8);
 * ```
 */
export function outputBitDepth(
  format: ImageFormat,
  sourceBitDepth: 8 | 16,
): 8 | 16 {
  return sourceBitDepth === 16 && (format === "png" || format === "tiff")
    ? 16
    : 8;
}

/**
 * Luma of an image (0.299 R + 0.587 G + 0.114 B, as in SPEC §4); a
 * 1-channel image is returned as is.
 *
 * @param image The image.
 * @returns A 1-channel image.
 *
 * @example Usage
 * ```ts
 * import { toGray } from "./image_io.ts";
 * const g = toGray({ width: 1, height: 1, channels: 3, data: new Float32Array([1, 1, 1]) });
 * console.assert(Math.abs(g.data[0]! - 1) < 1e-6);
 * ```
 */
export function toGray(image: FloatImage): FloatImage {
  checkImage(image);
  if (image.channels === 1) return image;
  const n = image.width * image.height;
  const d = image.data;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = 0.299 * d[i]! + 0.587 * d[n + i]! + 0.114 * d[2 * n + i]!;
  }
  return { width: image.width, height: image.height, channels: 1, data: out };
}
