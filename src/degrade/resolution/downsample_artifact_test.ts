import assert from "node:assert/strict";
import { downsampleArtifact } from "./downsample_artifact.ts";
import { operatorContract } from "../_contract_test.ts";

operatorContract(downsampleArtifact);

Deno.test("downsample_artifact equals ndimage.zoom order 1 down, order 0 up", async () => {
  const data = Float32Array.from(
    { length: 35 },
    (_, i) => ((i * 37) % 11) / 10,
  );
  const out = await downsampleArtifact.apply({
    width: 7,
    height: 5,
    channels: 1,
    data,
  }, { scale: 0.6 });
  // Recorded from SciPy: zoom(zoom(q, (3/5, 4/7), order=1), (5/3, 7/4), order=0).
  const expected = [
    0,
    0.8,
    0.8,
    0.5,
    0.5,
    0.2,
    0.2,
    0.1,
    0.9,
    0.9,
    0.6,
    0.6,
    0.3,
    0.3,
    0.1,
    0.9,
    0.9,
    0.6,
    0.6,
    0.3,
    0.3,
    0.2,
    1,
    1,
    0.7,
    0.7,
    0.4,
    0.4,
    0.2,
    1,
    1,
    0.7,
    0.7,
    0.4,
    0.4,
  ];
  expected.forEach((v, i) =>
    assert.ok(Math.abs(out.data[i]! - v) < 1e-6, `at ${i}`)
  );
});

Deno.test("downsample_artifact L1/L2 give 611 and 61 px blocks on a 1024 image", () => {
  const { scale: s1 } = downsampleArtifact.sample(null!, 1, {
    width: 1024,
    height: 1024,
  });
  const { scale: s2 } = downsampleArtifact.sample(null!, 2, {
    width: 1024,
    height: 1024,
  });
  assert.equal(Math.round(1024 * s1), 611);
  assert.equal(Math.round(1024 * s2), 61);
});
