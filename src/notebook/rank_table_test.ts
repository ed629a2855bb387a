import assert from "node:assert/strict";
import { rankTable } from "./rank_table.ts";

Deno.test("rankTable: ranks with ties, hand-computed correlations", () => {
  const t = rankTable({
    x: { a: 3, b: 2, c: 1 },
    y: { a: 1, b: 2, c: 3 },
    z: { a: 5, b: 5, c: 1 },
  });
  const rank = (c: string, m: string) =>
    t.rows.find((r) => r.condition === c && r.model === m)!.rank;
  assert.equal(rank("x", "a"), 1);
  assert.equal(rank("y", "a"), 3);
  // a and b tie for first: average rank 1.5.
  assert.equal(rank("z", "a"), 1.5);
  assert.equal(rank("z", "b"), 1.5);
  assert.deepEqual(t.pairs.map((p) => `${p.a}-${p.b}`), ["x-y", "x-z", "y-z"]);
  // Reversed order: rho = tau = -1; exact p for n = 3 is 2/6 = 1/3.
  assert.ok(Math.abs(t.pairs[0].spearman_rho + 1) < 1e-12);
  assert.ok(Math.abs(t.pairs[0].kendall_tau + 1) < 1e-12);
  assert.ok(Math.abs(t.pairs[0].spearman_p - 1 / 3) < 1e-12);
  assert.equal(t.pairs[0].p_method, "exact");
  assert.equal(t.pairs[0].n, 3);
  assert.throws(() => rankTable({ x: { a: NaN } }), RangeError);
});
