import assert from "node:assert/strict";
import { lowDose, samplePoisson } from "./low_dose.ts";
import { createPrng } from "../../random/prng.ts";
import { operatorContract } from "../_contract_test.ts";
import { referenceSignatureTest } from "../_physics_reference_test.ts";

operatorContract(lowDose, { integers: ["views", "noiseSeed"] });
referenceSignatureTest(lowDose);

Deno.test("samplePoisson() has mean and variance lambda (small and large means)", () => {
  const prng = createPrng(11);
  for (const lambda of [0.5, 4, 30, 2500, 1e5]) {
    let s = 0, s2 = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const k = samplePoisson(prng, lambda);
      assert.ok(Number.isInteger(k) && k >= 0);
      s += k;
      s2 += k * k;
    }
    const mean = s / n, variance = s2 / n - mean * mean;
    const se = Math.sqrt(lambda / n);
    assert.ok(
      Math.abs(mean - lambda) < 5 * se,
      `lambda ${lambda}: mean ${mean}`,
    );
    assert.ok(
      Math.abs(variance / lambda - 1) < 0.06,
      `lambda ${lambda}: var ${variance}`,
    );
  }
  assert.equal(samplePoisson(prng, 0), 0);
  assert.throws(() => samplePoisson(prng, -1), RangeError);
  assert.throws(() => samplePoisson(prng, NaN), RangeError);
});

Deno.test("samplePoisson() matches P(k) for lambda = 12 (PTRS branch)", () => {
  const prng = createPrng(5), n = 40000, counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const k = samplePoisson(prng, 12);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let logFact = 0;
  for (let k = 0; k <= 24; k++) {
    if (k > 0) logFact += Math.log(k);
    const p = Math.exp(-12 + k * Math.log(12) - logFact);
    const observed = (counts.get(k) ?? 0) / n;
    assert.ok(
      Math.abs(observed - p) < 5 * Math.sqrt(p / n) + 1e-4,
      `k ${k}: ${observed} vs ${p}`,
    );
  }
});

Deno.test("low_dose: fewer photons give more noise", async () => {
  const n = 48, data = new Float32Array(n * n);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      data[y * n + x] = (x - 24) ** 2 + (y - 24) ** 2 < 300 ? 0.6 : 0.1;
    }
  }
  const img = { width: n, height: n, channels: 1 as const, data };
  const err = async (photons: number) => {
    const out = await lowDose.apply(img, {
      ...lowDose.identity,
      photons,
      noiseSeed: 2,
    });
    let s = 0;
    for (let i = 0; i < data.length; i++) s += (out.data[i] - data[i]) ** 2;
    return s / data.length;
  };
  const high = await err(1e6), low = await err(1e4);
  // Variance scales like 1/I0: 100x fewer photons, about 100x the variance.
  assert.ok(low > 30 * high, `${low} vs ${high}`);
});
