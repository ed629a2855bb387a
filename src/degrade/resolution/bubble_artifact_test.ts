import assert from "node:assert/strict";
import { bubbleArtifact } from "./bubble_artifact.ts";
import { gaussianBlur } from "./gaussian_blur.ts";
import { operatorContract, testImage } from "../_contract_test.ts";

operatorContract(bubbleArtifact);

Deno.test("bubble_artifact blurs inside the disk only", async () => {
  const img = testImage(1, 30, 30);
  const params = { radius: 6, blurSigma: 2, centerRow: 15, centerCol: 12 };
  const out = await bubbleArtifact.apply(img, params);
  const blurred = await gaussianBlur.apply(img, { sigma: 2 });
  for (let r = 0; r < 30; r++) {
    for (let c = 0; c < 30; c++) {
      const inside = (r - 15) ** 2 + (c - 12) ** 2 <= 36;
      const want = inside ? blurred.data[r * 30 + c]! : img.data[r * 30 + c]!;
      assert.equal(out.data[r * 30 + c], want, `(${r}, ${c})`);
    }
  }
});
