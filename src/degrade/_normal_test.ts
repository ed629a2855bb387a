import assert from "node:assert/strict";
import fc from "fast-check";
import { addClippedNormal } from "./_normal.ts";
import { setSimd } from "./_simd.ts";

/** Start of the ziggurat tail (256 layers). */
const R = 3.6541528853610088;

/** Φ(x) via erfc (W. J. Cody's rational fit, |error| < 1.2e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2, t = 1 / (1 + 0.5 * z);
  const erfc = t * Math.exp(
    -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
                  t *
                    (-0.18628806 +
                      t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 +
                                  t * (-0.82215223 + t * 0.17087277)))))))),
  );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/**
 * 2^20 deviates recovered from the operator's own output: 0.5 + 0.05·n
 * stays inside [0, 1] for |n| < 10, so (out − 0.5) / 0.05 is n to within
 * the float32 step near 0.5 (1.2e-6 in units of sigma).
 */
function deviates(seed: number): Float64Array {
  const n = 1 << 20, sigma = 0.05;
  const out = addClippedNormal(new Float32Array(n).fill(0.5), sigma, seed);
  return Float64Array.from(out, (v) => (v - 0.5) / sigma);
}

const Z = deviates(2026);
const N = Z.length;

Deno.test("addClippedNormal() gives the same bytes for the same seed, any length", () => {
  fc.assert(
    fc.property(
      fc.float32Array({ minLength: 0, maxLength: 9000, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.maxSafeInteger(),
      (src, sigma, seed) => {
        const a = addClippedNormal(src, sigma, seed);
        const b = addClippedNormal(src, sigma, seed);
        assert.deepEqual(new Uint8Array(a.buffer), new Uint8Array(b.buffer));
      },
    ),
    { numRuns: 30 },
  );
});

Deno.test("addClippedNormal() noise differs between seeds", () => {
  const src = new Float32Array(64).fill(0.5);
  assert.notDeepEqual(
    addClippedNormal(src, 0.1, 1),
    addClippedNormal(src, 0.1, 2),
  );
});

Deno.test("addClippedNormal() deviates have mean 0, variance 1, skewness 0, kurtosis 3", () => {
  let s1 = 0, s2 = 0, s3 = 0, s4 = 0;
  for (const z of Z) {
    const z2 = z * z;
    s1 += z;
    s2 += z2;
    s3 += z2 * z;
    s4 += z2 * z2;
  }
  // Bounds: 4 standard errors of each estimate for N(0, 1).
  const mean = s1 / N, variance = s2 / N, skew = s3 / N, kurt = s4 / N;
  assert.ok(Math.abs(mean) < 4 / Math.sqrt(N), `mean ${mean}`);
  assert.ok(
    Math.abs(variance - 1) < 4 * Math.sqrt(2 / N),
    `variance ${variance}`,
  );
  assert.ok(Math.abs(skew) < 4 * Math.sqrt(15 / N), `skewness ${skew}`);
  assert.ok(Math.abs(kurt - 3) < 4 * Math.sqrt(96 / N), `kurtosis ${kurt}`);
});

Deno.test("addClippedNormal() deviates pass a Kolmogorov-Smirnov test against N(0, 1)", () => {
  const sorted = Float64Array.from(Z).sort();
  let d = 0;
  for (let i = 0; i < N; i++) {
    const f = normalCdf(sorted[i]);
    d = Math.max(d, (i + 1) / N - f, f - i / N);
  }
  // 1.95 / √N is the 0.1% critical value of the KS statistic.
  assert.ok(d < 1.95 / Math.sqrt(N), `KS statistic ${d}`);
});

Deno.test("addClippedNormal() deviates fill 80 bins of [-4, 4] as N(0, 1) does (chi-square)", () => {
  // The bins are narrower than the ziggurat's layers near the top: a wrong
  // wedge test or table shows up here even when the moments look right.
  const bins = 80, counts = new Float64Array(bins + 2);
  for (const z of Z) {
    const b = z < -4 ? 0 : z >= 4 ? bins + 1 : 1 + Math.floor((z + 4) * 10);
    counts[b]++;
  }
  let chi2 = 0;
  for (let b = 0; b < bins + 2; b++) {
    const lo = b === 0 ? -Infinity : -4 + (b - 1) / 10;
    const hi = b === bins + 1 ? Infinity : -4 + b / 10;
    const expected = N * (normalCdf(hi) - normalCdf(lo));
    chi2 += (counts[b] - expected) ** 2 / expected;
  }
  // 81 degrees of freedom: the 0.1% critical value is 126.
  assert.ok(chi2 < 126, `chi-square ${chi2}`);
});

Deno.test("addClippedNormal() tails beyond the ziggurat's base match N(0, 1) on both sides", () => {
  let above = 0, below = 0, far = 0;
  for (const z of Z) {
    if (z > R) above++;
    if (z < -R) below++;
    if (Math.abs(z) > 4.5) far++;
  }
  const pTail = 1 - normalCdf(R); // 1.29e-4: about 135 of 2^20 per side
  for (const count of [above, below]) {
    const expected = N * pTail, sd = Math.sqrt(expected);
    assert.ok(Math.abs(count - expected) < 4 * sd, `tail count ${count}`);
  }
  // Beyond 4.5σ (inside the tail algorithm): expected 7.1, so 0 or 25+ fails.
  const expectedFar = 2 * N * (1 - normalCdf(4.5));
  assert.ok(
    far > 0 && far < expectedFar + 5 * Math.sqrt(expectedFar),
    `far ${far}`,
  );
});

Deno.test("addClippedNormal() clips to [0, 1]", () => {
  const src = new Float32Array(10000);
  for (let i = 0; i < src.length; i++) src[i] = i % 2;
  const out = addClippedNormal(src, 0.5, 9);
  let zeros = 0, ones = 0;
  for (const v of out) {
    assert.ok(v >= 0 && v <= 1, `sample ${v}`);
    if (v === 0) zeros++;
    if (v === 1) ones++;
  }
  // Half of the noise pushes each of the 0s below 0 and each of the 1s above 1.
  assert.ok(Math.abs(zeros - 2500) < 200, `zeros ${zeros}`);
  assert.ok(Math.abs(ones - 2500) < 200, `ones ${ones}`);
});

Deno.test("addClippedNormal() with sigma 0 returns the clipped input", () => {
  const src = new Float32Array([-0.5, 0, 0.25, 1, 1.5]);
  assert.deepEqual(
    addClippedNormal(src, 0, 4),
    new Float32Array([0, 0, 0.25, 1, 1]),
  );
});

Deno.test("addClippedNormal() rejects a seed that is not a safe integer", () => {
  assert.throws(
    () => addClippedNormal(new Float32Array(2), 0.1, 0.5),
    /Cannot seed a generator with 0.5: expected a safe integer/,
  );
});

Deno.test("addClippedNormal(): the WebAssembly path gives the bytes of the JavaScript path (odd lengths, chunk edges, tails, clipping)", () => {
  const src = new Float32Array(3 * 4096 + 7);
  for (let i = 0; i < src.length; i++) {
    src[i] = i % 7 === 0 ? 0 : i % 11 === 0 ? 1 : ((i * 0.618) % 1.4) - 0.2;
  }
  for (const n of [0, 1, 3, 4, 5, 4095, 4096, 4097, src.length]) {
    for (const [sigma, seed] of [[0.08, 0], [0.5, 12345], [3, 2 ** 31 - 1]]) {
      const part = src.subarray(0, n);
      const simd = addClippedNormal(part, sigma, seed);
      setSimd(false);
      try {
        const js = addClippedNormal(part, sigma, seed);
        assert.deepEqual(
          new Uint8Array(simd.buffer),
          new Uint8Array(js.buffer),
          `n ${n}, sigma ${sigma}, seed ${seed}`,
        );
      } finally {
        setSimd(true);
      }
    }
  }
});
