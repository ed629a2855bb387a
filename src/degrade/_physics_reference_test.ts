/**
 * Reference check shared by the CT/MRI physics operators' tests: our L1/L2
 * applied to the authors' L0 must land within 3 dB PSNR and 0.08 SSIM of
 * the authors' L1/L2 signatures (SPEC §4). The reference folder is read at
 * test time only (`MEDQ_DEG_REFERENCE_DIR`, default
 * /work/shared/reference/degradations); without it the test is skipped with
 * a message.
 *
 * @module
 */

import assert from "node:assert/strict";
import type { Degrader, FloatImage } from "./types.ts";
import { createPrng } from "../random/prng.ts";
import { readImage } from "./image_io.ts";
import {
  CALIBRATION_TOLERANCE,
  measuredMask,
  parseSignatures,
  signature,
} from "./calibration.ts";

const DIR = Deno.env.get("MEDQ_DEG_REFERENCE_DIR") ??
  "/work/shared/reference/degradations";

function present(): boolean {
  try {
    return Deno.statSync(`${DIR}/signatures.csv`).isFile;
  } catch {
    return false;
  }
}

function to8bit(image: FloatImage): FloatImage {
  const data = image.data.map((v) =>
    Math.round(Math.min(1, Math.max(0, v)) * 255) / 255
  );
  return { ...image, data };
}

/** Register the reference-signature test of an operator (seed 0 draws). */
export function referenceSignatureTest(degrader: Degrader): void {
  const id = degrader.id;
  const available = present();
  if (!available) {
    console.log(
      `${id}: reference folder ${DIR} not found; skipping the signature check`,
    );
  }
  Deno.test({
    name:
      `${id}: L1/L2 on the authors' L0 match their signatures (±3 dB PSNR, ±0.08 SSIM)`,
    ignore: !available,
    fn: async () => {
      const refs = parseSignatures(
        await Deno.readTextFile(`${DIR}/signatures.csv`),
      );
      const [l0, l1, l2] = await Promise.all(
        [0, 1, 2].map((k) => readImage(`${DIR}/${id}_L${k}.png`)),
      );
      const problems: string[] = [];
      for (const level of [1, 2] as const) {
        const theirs = refs.find((r) => r.id === id && r.level === level)!;
        const params = degrader.sample(createPrng(0), level, l0);
        const ours8 = to8bit(await degrader.apply(l0, params));
        const ours = signature(
          l0,
          ours8,
          measuredMask(id, l0, [l1, l2, ours8]),
        );
        const dp = ours.psnr - theirs.psnr, ds = ours.ssim - theirs.ssim;
        if (
          Math.abs(dp) > CALIBRATION_TOLERANCE.psnr ||
          Math.abs(ds) > CALIBRATION_TOLERANCE.ssim
        ) {
          problems.push(
            `L${level}: PSNR ${ours.psnr.toFixed(2)} vs ${theirs.psnr} (Δ ${
              dp.toFixed(2)
            }), SSIM ${ours.ssim.toFixed(3)} vs ${theirs.ssim} (Δ ${
              ds.toFixed(3)
            })`,
          );
        }
      }
      assert.deepEqual(problems, []);
    },
  });
}
