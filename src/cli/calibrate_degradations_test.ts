import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import {
  DEFAULT_REFERENCE,
  formatCalibration,
} from "./calibrate_degradations.ts";
import { runCli } from "./_cli_test_helpers.ts";

const CLI = fileURLToPath(
  new URL("./calibrate_degradations.ts", import.meta.url),
);
const hasReference = await Deno.stat(`${DEFAULT_REFERENCE}/signatures.csv`)
  .then(() => true, () => false);
if (!hasReference) {
  console.warn(
    `calibrate_degradations_test: ${DEFAULT_REFERENCE} not found; the report run is skipped`,
  );
}

const run = (...args: string[]) => runCli(CLI, args);

Deno.test({
  name:
    "calibrate-degradations prints a passing table for an exact model (reference beside the repo)",
  ignore: !hasReference,
  async fn() {
    const r = await run("--only", "exposure_artifact");
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /exposure_artifact +1 +17\.4\d +17\.43 .* pass/);
    assert.match(r.stdout, /2\/2 pass/);
  },
});

Deno.test("calibrate-degradations exits 2 on a missing folder or unknown id", async () => {
  const missing = await run("/no/such/folder");
  assert.equal(missing.code, 2);
  assert.match(
    missing.stderr,
    /Cannot find "\/no\/such\/folder\/signatures.csv"/,
  );
  const bad = await run("--only", "nope", "/no/such/folder");
  assert.equal(bad.code, 2);
});

Deno.test("formatCalibration marks failures", () => {
  const row = {
    id: "gaussian_blur" as const,
    level: 1 as const,
    ours: { psnr: 20, ssim: 0.5, meanRatio: 1, hfRatio: 1, measured: 1 },
    theirs: {
      id: "gaussian_blur" as const,
      level: 1 as const,
      psnr: 31.38,
      ssim: 0.895,
      meanRatio: 1,
      hfRatio: 0,
    },
    deltaPsnr: -11.38,
    deltaSsim: -0.395,
    pass: false,
    params: {},
  };
  const text = formatCalibration([row]);
  assert.match(
    text.split("\n")[1]!,
    /gaussian_blur +1 +20\.00 +31\.38 +-11\.38 +0\.500 +0\.895 +-0\.395 FAIL/,
  );
});
