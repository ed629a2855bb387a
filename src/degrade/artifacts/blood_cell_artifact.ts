/**
 * `blood_cell_artifact` (histopathology): semi-transparent red blood cells
 * composited at random positions, out = a·cell + (1 − a)·src per cell, in
 * sequence (SPEC §3.6; FrOoDo blood cells). The cells are procedural:
 * slightly elliptical discs of erythrocyte colour with a soft edge and a
 * paler centre, laid out by `createPrng(layoutSeed)`.
 *
 * @module
 */

import type { Degrader, ParameterSpec } from "../types.ts";
import { createPrng } from "../../random/prng.ts";
import {
  checkImage,
  checkLevel,
  checkParams,
  like,
  roundTo,
  uniform,
} from "../_check.ts";

/** Parameters of {@linkcode bloodCellArtifact}. */
export interface BloodCellParams extends Record<string, unknown> {
  /** Number of cells, an integer in [0, 1000] (0 = none). */
  count: number;
  /** Mean cell diameter in pixels, in [1, 10000]. */
  diameter: number;
  /** Opacity of a cell's interior, in [0, 1]. */
  opacity: number;
  /** Seed of positions, shapes and colours, an integer in [0, 2^31 − 1]. */
  layoutSeed: number;
}

const PARAMETERS: ParameterSpec[] = [
  {
    name: "count",
    unit: "cells",
    min: 0,
    max: 1000,
    description: "number of red cells composited",
  },
  {
    name: "diameter",
    unit: "pixels",
    min: 1,
    max: 1e4,
    description: "mean cell diameter",
  },
  {
    name: "opacity",
    unit: "alpha",
    min: 0,
    max: 1,
    description: "opacity of one cell (overlaps add up)",
  },
  {
    name: "layoutSeed",
    unit: "integer seed",
    min: 0,
    max: 2147483647,
    description: "seeds positions, shapes, colours",
  },
];

/**
 * Measured on 256-px examples: 7 / ≈ 22 cells of FrOoDo scale 1.5
 * (≈ 44 px), opacity ≈ 0.35 (SPEC §3.6). Diameter scales with the width.
 */
const PRESETS: Record<1 | 2, number> = { 1: 7, 2: 22 };

function smoothstep(x: number): number {
  const t = x < 0 ? 0 : x > 1 ? 1 : x;
  return t * t * (3 - 2 * t);
}

/**
 * Blood cell overlay operator.
 *
 * @example Usage
 * ```ts
 * import { bloodCellArtifact } from "./blood_cell_artifact.ts";
 * const img = { width: 32, height: 32, channels: 3 as const, data: new Float32Array(3 * 1024).fill(1) };
 * const out = await bloodCellArtifact.apply(img, { count: 3, diameter: 10, opacity: 0.5, layoutSeed: 1 });
 * console.assert(out.data.some((v) => v < 1));
 * ```
 */
export const bloodCellArtifact: Degrader<BloodCellParams> = {
  id: "blood_cell_artifact",
  description: "Red blood cells composited semi-transparently",
  parameters: PARAMETERS,
  identity: { count: 0, diameter: 48, opacity: 0, layoutSeed: 0 },
  sample(prng, level, { width }) {
    const count = PRESETS[checkLevel("blood_cell_artifact", level)];
    return {
      count,
      diameter: Math.max(
        1,
        roundTo(48 * (width / 256) * uniform(prng, 0.9, 1.1), 2),
      ),
      opacity: 0.35,
      layoutSeed: prng.int(2147483647),
    };
  },
  apply(image, params) {
    checkImage("blood_cell_artifact", image);
    checkParams("blood_cell_artifact", PARAMETERS, params, [
      "count",
      "layoutSeed",
    ]);
    const { width, height, channels } = image;
    const n = width * height;
    const out = new Float32Array(image.data);
    const prng = createPrng(params.layoutSeed);
    for (let k = 0; k < params.count; k++) {
      const rx = (params.diameter / 2) * uniform(prng, 0.85, 1.1);
      const ry = rx * uniform(prng, 0.75, 1);
      const theta = uniform(prng, 0, Math.PI);
      const cy = uniform(prng, 0.05, 0.95) * height;
      const cx = uniform(prng, 0.05, 0.95) * width;
      const rgb = [
        uniform(prng, 158, 213) / 255,
        uniform(prng, 50, 84) / 255,
        uniform(prng, 72, 118) / 255,
      ];
      const colour = channels === 3
        ? rgb
        : [0.299 * rgb[0]! + 0.587 * rgb[1]! + 0.114 * rgb[2]!];
      const cos = Math.cos(theta), sin = Math.sin(theta);
      const reach = Math.ceil(rx) + 1;
      const r0 = Math.max(0, Math.floor(cy - reach)),
        r1 = Math.min(height - 1, Math.ceil(cy + reach));
      const c0 = Math.max(0, Math.floor(cx - reach)),
        c1 = Math.min(width - 1, Math.ceil(cx + reach));
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          const y = r - cy, x = c - cx;
          const u = (cos * x + sin * y) / rx, v = (-sin * x + cos * y) / ry;
          const rho = Math.sqrt(u * u + v * v);
          if (rho >= 1) continue;
          // Soft edge, darker rim, paler centre (central pallor).
          const edge = smoothstep((1 - rho) / 0.2);
          const pallor = 1 + 0.25 * Math.exp(-((rho / 0.45) ** 2));
          const a = params.opacity * edge;
          for (let ch = 0; ch < channels; ch++) {
            const i = ch * n + r * width + c;
            const cell = Math.min(1, colour[ch]! * pallor);
            out[i] = a * cell + (1 - a) * out[i]!;
          }
        }
      }
    }
    return Promise.resolve(like(image, out));
  },
};
