import assert from "node:assert/strict";
import { bloodCellArtifact } from "./blood_cell_artifact.ts";
import { operatorContract } from "../_contract_test.ts";

operatorContract(bloodCellArtifact, { integers: ["count", "layoutSeed"] });

Deno.test("blood_cell_artifact paints reddish, semi-transparent cells", async () => {
  const n = 64 * 64;
  const img = {
    width: 64,
    height: 64,
    channels: 3 as const,
    data: new Float32Array(3 * n).fill(0.8),
  };
  const out = await bloodCellArtifact.apply(img, {
    count: 5,
    diameter: 16,
    opacity: 0.35,
    layoutSeed: 3,
  });
  let changed = 0, redder = 0;
  for (let i = 0; i < n; i++) {
    const r = out.data[i]!, g = out.data[n + i]!;
    if (Math.abs(r - 0.8) + Math.abs(g - 0.8) > 0.01) {
      changed++;
      if (r - g > 0.005) redder++;
    }
    // One cell at opacity 0.35 cannot move a sample by more than 0.35·0.8.
  }
  assert.ok(changed > 200, `changed ${changed}`);
  assert.equal(redder, changed);
  const single = await bloodCellArtifact.apply(img, {
    count: 1,
    diameter: 16,
    opacity: 0.35,
    layoutSeed: 3,
  });
  assert.ok(single.data.every((v) => Math.abs(v - 0.8) <= 0.35 * 0.8 + 1e-6));
});
