/**
 * Checks shared by the operators: severity level, parameter ranges, image
 * shape. Internal to src/degrade/.
 *
 * @module
 */

import type { DegradeLevel, FloatImage, ParameterSpec } from "./types.ts";

/**
 * Return the level typed, or throw a RangeError for anything but 1 or 2
 * (0 is the clean image: no operator runs; never index a table with level - 1).
 */
export function checkLevel(id: string, level: number): DegradeLevel {
  if (level === 1 || level === 2) return level;
  throw new RangeError(
    `Cannot sample ${id} at level ${level}: expected 1 (mild) or 2 (severe)`,
  );
}

/**
 * Check every documented parameter is a finite number inside its range
 * (and an integer when named in `integers`), and that no other is given
 * (a misspelt name would be silently unused); throw a RangeError naming
 * the parameter, its value, the range and the unit otherwise.
 */
export function checkParams(
  id: string,
  specs: readonly ParameterSpec[],
  params: Record<string, unknown>,
  integers: readonly string[] = [],
): void {
  if (typeof params !== "object" || params === null) {
    throw new TypeError(
      `Cannot apply ${id} with parameters ${
        JSON.stringify(params)
      }: expected an object`,
    );
  }
  for (const name of Object.keys(params)) {
    if (!specs.some((spec) => spec.name === name)) {
      throw new RangeError(
        `Cannot apply ${id} with parameter "${name}": expected only ${
          specs.map((spec) => spec.name).join(", ")
        }`,
      );
    }
  }
  for (const spec of specs) {
    const value = params[spec.name];
    const integer = integers.includes(spec.name);
    if (
      typeof value !== "number" || !Number.isFinite(value) ||
      value < spec.min || value > spec.max ||
      (integer && !Number.isInteger(value))
    ) {
      throw new RangeError(
        `Cannot apply ${id} with ${spec.name} = ${
          JSON.stringify(value)
        }: expected ${
          integer ? "an integer" : "a number"
        } in [${spec.min}, ${spec.max}] (${spec.unit})`,
      );
    }
  }
}

/** Throw unless the image has a valid shape. */
export function checkImage(id: string, image: FloatImage): void {
  const { width, height, channels, data } = image ?? {};
  if (
    !Number.isInteger(width) || !Number.isInteger(height) || width < 1 ||
    height < 1 || (channels !== 1 && channels !== 3) ||
    !(data instanceof Float32Array) ||
    data.length !== width * height * channels
  ) {
    throw new TypeError(
      `Cannot apply ${id} to an image of ${width}×${height}×${channels} with ${data?.length} samples: expected a FloatImage with 1 or 3 planar channels`,
    );
  }
}

/** A new image of the same shape with `data` replaced. */
export function like(image: FloatImage, data: Float32Array): FloatImage {
  return {
    width: image.width,
    height: image.height,
    channels: image.channels,
    data,
  };
}

/** A copy of the image (operators never mutate their input). */
export function copyImage(image: FloatImage): FloatImage {
  return like(image, new Float32Array(image.data));
}

/** A uniform draw in [lo, hi). */
export function uniform(
  prng: { next(): number },
  lo: number,
  hi: number,
): number {
  return lo + (hi - lo) * prng.next();
}

/** Round to `digits` decimals so recorded parameters stay readable. */
export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The `centerRow` / `centerCol` parameters of an overlay centred on a point. */
export function centerParameters(what: string): ParameterSpec[] {
  return [
    {
      name: "centerRow",
      unit: "pixels",
      min: -1e5,
      max: 1e5,
      description: `row of the ${what} centre`,
    },
    {
      name: "centerCol",
      unit: "pixels",
      min: -1e5,
      max: 1e5,
      description: `column of the ${what} centre`,
    },
  ];
}
