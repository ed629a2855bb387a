import assert from "node:assert/strict";
import fc from "fast-check";
import { symmetricEigen } from "./_eigen.ts";

Deno.test("symmetricEigen() decomposes a hand-checked 2x2 matrix", () => {
  // [[2, 1], [1, 2]] has eigenvalues 3 and 1 with vectors (1,1)/√2, (1,-1)/√2.
  const { values, vectors } = symmetricEigen(new Float64Array([2, 1, 1, 2]), 2);
  assert.ok(Math.abs(values[0] - 3) < 1e-12);
  assert.ok(Math.abs(values[1] - 1) < 1e-12);
  assert.ok(Math.abs(vectors[0] - Math.SQRT1_2) < 1e-12);
  assert.ok(Math.abs(vectors[2] - Math.SQRT1_2) < 1e-12);
  assert.ok(Math.abs(Math.abs(vectors[1]) - Math.SQRT1_2) < 1e-12);
  assert.ok(Math.abs(vectors[1] + vectors[3]) < 1e-12);
});

Deno.test("symmetricEigen() satisfies A v = λ v with orthonormal vectors", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 9 }),
      fc.array(fc.double({ min: -10, max: 10, noNaN: true }), {
        minLength: 81,
        maxLength: 81,
      }),
      (n, raw) => {
        const a = new Float64Array(n * n);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j <= i; j++) {
            a[i * n + j] = a[j * n + i] = raw[i * 9 + j];
          }
        }
        const { values, vectors } = symmetricEigen(a, n);
        for (let k = 0; k < n; k++) {
          if (k > 0) assert.ok(values[k] <= values[k - 1] + 1e-9);
          for (let i = 0; i < n; i++) {
            let av = 0;
            for (let j = 0; j < n; j++) av += a[i * n + j] * vectors[j * n + k];
            assert.ok(Math.abs(av - values[k] * vectors[i * n + k]) < 1e-8);
          }
          for (let l = 0; l < n; l++) {
            let dot = 0;
            for (let i = 0; i < n; i++) {
              dot += vectors[i * n + k] * vectors[i * n + l];
            }
            assert.ok(Math.abs(dot - (k === l ? 1 : 0)) < 1e-9);
          }
        }
      },
    ),
    { seed: 7, numRuns: 200 },
  );
});
