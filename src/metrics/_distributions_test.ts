import assert from "node:assert/strict";
import { logGamma, normalTwoSided, tTwoSided } from "./_distributions.ts";

// Reference values from scipy 1.10.1 (numpy 1.24.2):
//   2 * scipy.stats.t.sf(abs(t), df)  and  2 * scipy.stats.norm.sf(abs(z))
const T_REF: [number, number, number][] = [
  [0.5, 3, 0.651447964848151],
  [2.5, 8, 0.03694203771362407],
  [-1.2, 28, 0.24019458975022084],
  [4.0, 10, 0.0025183326247366924],
  [12.0, 5, 7.089492517161528e-05],
  [0.0, 7, 1.0],
  [0.001, 1, 0.9993633804398389],
  [30.0, 38, 4.589323546563176e-28],
  [2.0, 1, 0.2951672353008664],
  [1.7, 2, 0.23123342620157117],
];
const Z_REF: [number, number][] = [
  [0, 1.0],
  [0.3, 0.7641771556220948],
  [1.0, 0.31731050786291415],
  [1.96, 0.04999579029644087],
  [2.5, 0.012419330651552265],
  [4.0, 6.334248366623973e-05],
  [6.0, 1.973175290075389e-09],
  [8.5, 1.89590696444065e-17],
  [12.0, 3.552964224155306e-33],
];

const rel = (a: number, b: number, tol: number) =>
  assert.ok(
    Math.abs(a - b) <= tol * Math.max(Math.abs(b), 1e-300),
    `${a} != ${b}`,
  );

Deno.test("tTwoSided() matches scipy.stats.t.sf to 1e-12 relative", () => {
  for (const [t, df, p] of T_REF) rel(tTwoSided(t, df), p, 1e-12);
  assert.equal(tTwoSided(Infinity, 3), 0);
  assert.ok(Number.isNaN(tTwoSided(1, 0)));
});

Deno.test("normalTwoSided() matches scipy.stats.norm.sf to 1e-12 relative", () => {
  for (const [z, p] of Z_REF) {
    rel(normalTwoSided(z), p, 1e-12);
    rel(normalTwoSided(-z), p, 1e-12);
  }
});

Deno.test("logGamma() matches factorials", () => {
  // Γ(n) = (n-1)!: Γ(5) = 24, Γ(11) = 3628800; Γ(1/2) = sqrt(pi).
  rel(logGamma(5), Math.log(24), 1e-14);
  rel(logGamma(11), Math.log(3628800), 1e-14);
  rel(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-13);
});
