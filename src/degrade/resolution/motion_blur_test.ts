import assert from "node:assert/strict";
import { motionBlur, motionKernel } from "./motion_blur.ts";
import { operatorContract } from "../_contract_test.ts";

operatorContract(motionBlur, { integers: ["length"] });

Deno.test("motion_blur kernel k=8, 315° equals the impulse response in SPEC §3.16", () => {
  const taps = motionKernel(8, 315);
  const at = (dy: number, dx: number) =>
    taps.find((t) => t.dy === dy && t.dx === dx)?.w ?? 0;
  const table: [number, number, number][] = [
    [-2, 1, 0.07927],
    [-2, 2, 0.12570],
    [-1, 0, 0.07927],
    [-1, 1, 0.12570],
    [-1, 2, 0.01360],
    [0, -1, 0.07927],
    [0, 0, 0.12570],
    [0, 1, 0.01360],
    [1, -2, 0.07927],
    [1, -1, 0.12570],
    [1, 0, 0.01360],
    [2, -2, 0.12570],
    [2, -1, 0.01360],
  ];
  for (const [dy, dx, w] of table) {
    assert.ok(Math.abs(at(dy, dx) - w) < 5e-5, `(${dy}, ${dx})`);
  }
  const sum = taps.reduce((s, t) => s + t.w, 0);
  assert.ok(Math.abs(sum - 1) < 1e-6);
});

Deno.test("motion_blur kernel k=11, 315° has main taps 0.08557 and side taps 0.02506", () => {
  const taps = motionKernel(11, 315);
  const at = (dy: number, dx: number) =>
    taps.find((t) => t.dy === dy && t.dx === dx)?.w ?? 0;
  for (let j = -3; j <= 3; j++) {
    assert.ok(Math.abs(at(j, -j) - 0.08557) < 5e-5, `main ${j}`);
    assert.ok(Math.abs(at(j, -j + 1) - 0.02506) < 5e-5, `side ${j}`);
  }
});
