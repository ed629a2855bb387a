import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import {
  calibrate,
  measuredMask,
  parseSignatures,
  signature,
} from "./calibration.ts";
import { testImage } from "./_contract_test.ts";

const REFERENCE = fileURLToPath(
  new URL("../../../shared/reference/degradations", import.meta.url),
);
const hasReference = await Deno.stat(`${REFERENCE}/signatures.csv`).then(
  () => true,
  () => false,
);
if (!hasReference) {
  console.warn(
    `calibration_test: ${REFERENCE} not found beside the repository; the reference calibration is skipped`,
  );
}

Deno.test({
  name:
    "calibration: our L1/L2 on the authors' L0 land within 3 dB / 0.08 SSIM (deterministic ids)",
  ignore: !hasReference,
  async fn() {
    const ids = [
      "adjust_brightness",
      "reduce_contrast",
      "gaussian_blur",
      "dark_spots_artifact",
    ] as const;
    const rows = await calibrate(REFERENCE, { ids, seed: 0 });
    assert.equal(rows.length, 8);
    for (const r of rows) {
      assert.ok(
        r.pass,
        `${r.id} L${r.level}: ΔPSNR ${r.deltaPsnr}, ΔSSIM ${r.deltaSsim}`,
      );
    }
    // Exact models reproduce the published signature to the rounding.
    const bright = rows.find((r) =>
      r.id === "adjust_brightness" && r.level === 1
    )!;
    assert.ok(
      Math.abs(bright.deltaPsnr) < 0.01 && Math.abs(bright.deltaSsim) < 0.001,
    );
    assert.ok(Math.abs(bright.ours.measured - 0.925) < 0.001); // "pixels measured" 92.5 %
  },
});

Deno.test("parseSignatures deduplicates long rows and names bad cells", () => {
  const head =
    "degradation,level,psnr,ssim,mean_ratio,hf_ratio,param_name,param_value\n";
  const rows = parseSignatures(
    head +
      "gaussian_blur,1,31,0.9,0.99,0.006,a,1\ngaussian_blur,1,31,0.9,0.99,0.006,b,2\n",
  );
  assert.equal(rows.length, 1);
  assert.throws(
    () => parseSignatures(head + "gaussian_blur,1,x,0.9,1,1,a,1\n", "s.csv"),
    /s\.csv:2: column 3 \(psnr\) is "x": expected a number/,
  );
  assert.throws(
    () => parseSignatures(head + "blur,1,1,1,1,1,a,1\n"),
    /column 1 \(degradation\) is "blur"/,
  );
  assert.throws(
    () => parseSignatures(head + "gaussian_blur,3,1,1,1,1,a,1\n"),
    /level\) is "3": expected 1 or 2/,
  );
});

Deno.test("measuredMask drops a dilated coloured outline and a 5-pixel border", () => {
  const img = testImage(3, 30, 30);
  const n = 900;
  img.data.fill(0.5);
  img.data[15 * 30 + 15] = 1; // a red pixel: chroma 127 > 20
  const mask = measuredMask("gaussian_noise", img, []);
  assert.equal(mask[15 * 30 + 15], 0);
  assert.equal(mask[(15 + 6) * 30 + 15 + 6], 0); // dilated by 6
  assert.equal(mask[(15 + 7) * 30 + 15], 1);
  assert.equal(mask[4 * 30 + 15], 0);
  assert.equal(mask[5 * 30 + 5], 1);
  assert.equal(img.data.length, 3 * n);
  const s = signature(img, img, mask);
  assert.equal(s.psnr, Infinity);
  assert.ok(Math.abs(s.ssim - 1) < 1e-12);
});
