import assert from "node:assert/strict";
import { ghostingArtifact } from "./ghosting_artifact.ts";
import type { GhostingParams } from "./ghosting_artifact.ts";
import { setSimd } from "../_simd.ts";
import { createPrng } from "../../random/prng.ts";
import { operatorContract } from "../_contract_test.ts";
import { referenceSignatureTest } from "../_physics_reference_test.ts";

operatorContract(ghostingArtifact, { integers: ["ghosts"] });
referenceSignatureTest(ghostingArtifact);

Deno.test("ghosting_artifact adds weighted copies every ⌊H/n⌋ rows, downwards, no wrap", async () => {
  const h = 9, data = new Float32Array(h);
  data[0] = 0.4;
  data[8] = 0.1;
  const img = { width: 1, height: h, channels: 1 as const, data };
  // n = 3: step 3, weights 0.5·(1 − 0.5·j/3) = 5/12 and 1/3.
  const out = await ghostingArtifact.apply(img, {
    ghosts: 3,
    intensity: 0.5,
    decay: 0.5,
  });
  const expected = [0.4, 0, 0, 0.4 * 5 / 12, 0, 0, 0.4 / 3, 0, 0.1];
  expected.forEach((v, i) =>
    assert.ok(Math.abs(out.data[i] - v) < 1e-6, `row ${i}: ${out.data[i]}`)
  );
});

Deno.test("ghosting_artifact L2 brightens far more than L1 (mean ratio 2.18 vs 1.21 in the examples)", async () => {
  const img = {
    width: 4,
    height: 42,
    channels: 1 as const,
    data: new Float32Array(168).fill(0.2),
  };
  const mean = (d: Float32Array) => d.reduce((a, b) => a + b, 0) / d.length;
  const l1 = await ghostingArtifact.apply(
    img,
    ghostingArtifact.sample(createPrng(1), 1, img),
  );
  const l2 = await ghostingArtifact.apply(
    img,
    ghostingArtifact.sample(createPrng(1), 2, img),
  );
  assert.ok(mean(l1.data) / 0.2 > 1.1 && mean(l1.data) / 0.2 < 1.4);
  assert.ok(mean(l2.data) / 0.2 > 1.8);
});

Deno.test("ghosting_artifact: the SIMD path gives the bytes of the JavaScript path (odd sizes, several chunks, gray and RGB, values out of [0, 1])", async () => {
  const prng = createPrng(77);
  const cases: [number, number, 1 | 3, GhostingParams][] = [
    [37, 23, 3, { ghosts: 6, intensity: 0.15, decay: 1 }],
    [64, 70, 1, { ghosts: 7, intensity: 0.45, decay: 0 }],
    [5, 9, 3, { ghosts: 3, intensity: 2, decay: 0.5 }],
    [1, 40, 1, { ghosts: 32, intensity: 0.3, decay: 0.3 }],
    [8, 1, 3, { ghosts: 2, intensity: 1, decay: 0 }],
    [6, 30, 3, { ghosts: 5, intensity: 0.7, decay: 0.2 }],
    [11, 16, 1, { ghosts: 4, intensity: 0.45, decay: 0 }],
    // More than one 4096-sample chunk per plane; rows wider than a chunk.
    [70, 65, 3, { ghosts: 7, intensity: 0.45, decay: 0 }],
    [4100, 3, 3, { ghosts: 2, intensity: 0.8, decay: 0 }],
    // Rows longer than a chunk: each row's luma in a full and a short chunk.
    [4200, 4, 3, { ghosts: 2, intensity: 0.8, decay: 0.5 }],
  ];
  for (const [width, height, channels, params] of cases) {
    const data = new Float32Array(width * height * channels);
    for (let i = 0; i < data.length; i++) data[i] = prng.next() * 1.4 - 0.2;
    const img = { width, height, channels, data };
    const simd = await ghostingArtifact.apply(img, params);
    setSimd(false);
    try {
      const js = await ghostingArtifact.apply(img, params);
      assert.deepEqual(
        new Uint8Array(simd.data.buffer),
        new Uint8Array(js.data.buffer),
        `${width}×${height}×${channels} ${JSON.stringify(params)}`,
      );
    } finally {
      setSimd(true);
    }
  }
});

Deno.test("ghosting_artifact ghosts each channel on its own (SPEC §3.5): an RGB plane comes out as that plane alone would", async () => {
  const prng = createPrng(5);
  const [width, height] = [23, 41];
  const n = width * height;
  const data = new Float32Array(3 * n);
  for (let i = 0; i < data.length; i++) data[i] = prng.next();
  // A red outline: ghosted, it must stay red (a luma ghost would be grey).
  for (let c = 3; c < 20; c++) data[2 * width + c] = 1;
  const params = { ghosts: 7, intensity: 0.45, decay: 0 };
  const rgb = await ghostingArtifact.apply(
    { width, height, channels: 3, data },
    params,
  );
  for (let c = 0; c < 3; c++) {
    const plane = await ghostingArtifact.apply({
      width,
      height,
      channels: 1,
      data: data.slice(c * n, (c + 1) * n),
    }, params);
    assert.deepEqual(rgb.data.subarray(c * n, (c + 1) * n), plane.data);
  }
  assert.notDeepEqual(
    rgb.data.subarray(0, n),
    rgb.data.subarray(n, 2 * n),
    "the channels differ after ghosting",
  );
});

Deno.test("ghosting_artifact: an image too large to ghost whole in the kernel's memory goes plane by plane, with the bytes of the JavaScript path", async () => {
  // 1700×1700×3 = 8,670,000 samples > WHOLE_SAMPLES (2^23).
  const [width, height] = [1700, 1700];
  const data = new Float32Array(width * height * 3);
  const prng = createPrng(9);
  for (let i = 0; i < data.length; i += 97) data[i] = prng.next() * 1.4 - 0.2;
  const img = { width, height, channels: 3 as const, data };
  const params = { ghosts: 5, intensity: 0.6, decay: 0.4 };
  const simd = await ghostingArtifact.apply(img, params);
  setSimd(false);
  try {
    const js = await ghostingArtifact.apply(img, params);
    assert.ok(
      simd.data.every((v, i) => Object.is(v, js.data[i])),
      "SIMD plane by plane and JavaScript disagree",
    );
  } finally {
    setSimd(true);
  }
});
