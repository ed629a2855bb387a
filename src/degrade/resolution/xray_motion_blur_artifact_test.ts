import assert from "node:assert/strict";
import {
  lineKernel,
  xrayMotionBlurArtifact,
} from "./xray_motion_blur_artifact.ts";
import { operatorContract } from "../_contract_test.ts";

operatorContract(xrayMotionBlurArtifact, { integers: ["length"] });

Deno.test("xray_motion_blur line kernel: L taps of 1/L on a one-pixel line", () => {
  const taps = lineKernel(12, -15.3);
  assert.equal(taps.length, 12);
  assert.deepEqual(taps.map((t) => t.dx), [
    -6,
    -5,
    -4,
    -3,
    -2,
    -1,
    0,
    1,
    2,
    3,
    4,
    5,
  ]);
  assert.ok(taps.every((t) => t.w === 1 / 12));
  // 15.3° below the horizontal: dy grows with dx, by ≈ 0.27 per pixel.
  assert.equal(taps.at(-1)!.dy, 1);
  assert.equal(taps[0]!.dy, -2);
  const vertical = lineKernel(5, 90);
  assert.deepEqual(vertical.map((t) => [t.dy, t.dx]), [
    [-2, 0],
    [-1, 0],
    [0, 0],
    [1, 0],
    [2, 0],
  ]);
});
