import assert from "node:assert/strict";
import fc from "fast-check";
import { dkeIntra } from "./dke_intra.ts";
import { scoreItems } from "./score_items.ts";
import { createPrng } from "../random/prng.ts";
import { dropFixture } from "./testdata/drop_fixture.ts";
import { type ItemSpec, makeResults } from "./testdata/make_results.ts";

const close = (a: number | null, b: number, tol = 1e-12) =>
  assert.ok(a !== null && Math.abs(a - b) <= tol, `${a} != ${b}`);

Deno.test("dkeIntra() point condition by hand (testdata/drop_fixture.ts)", () => {
  const r = dropFixture();
  const d = dkeIntra(r, scoreItems(r, "m"), { resamples: 0 });
  // D0 answered = items 0, 3, 6: acc 2.75/3, C 2.5943609377704335/3.
  // D2 = items 2, 5, 7, 9: acc .125, C .625 -> dcalib2 = .5.
  close(d.acc0, 2.75 / 3);
  assert.equal(d.acc2, 0.125);
  close(d.dcalib0, -0.15563906222956647 / 3);
  assert.equal(d.dcalib2, 0.5);
  close(d.accDrop, 2.75 / 3 - 0.125);
  close(d.calibIncrease, 0.5 + 0.15563906222956647 / 3);
  assert.equal(d.holds, true);
  assert.deepEqual([d.n0, d.n2, d.nQuestions, d.resamples], [3, 4, 4, 0]);
  assert.ok(Number.isNaN(d.pAccDrop) && Number.isNaN(d.accDropCi[0]));
  // L0 vs L1: D1 = items 1 (.5, C .5), 4 (1, C 1): acc .75, dcalib 0;
  // .917 > .75 and dcalib0 = -.052 <= 0 = dcalib1: holds.
  const l1 = dkeIntra(r, scoreItems(r, "m"), { resamples: 0, level: 1 });
  assert.equal(l1.acc2, 0.75);
  assert.equal(l1.dcalib2, 0);
  assert.equal(l1.holds, true);
  // Reversed (L2 as "clean"): accuracy rises -> does not hold.
  assert.equal(
    dkeIntra(r, scoreItems(r, "m"), { resamples: 0, level0: 2, level: 0 })
      .holds,
    false,
  );
});

// Three questions, each: L0 answered right unanimously (C 1), L2 answered
// wrong unanimously (C 1). Every resample: acc drop 1 - 0 = 1, dcalib0 = 0,
// dcalib2 = 1 - 0 = 1 -> increase 1; no wrong sign -> p = 1/(B+1).
Deno.test("dkeIntra() bootstrap is degenerate when every question agrees", () => {
  const items: ItemSpec[] = ["a", "b", "c"].flatMap((q) => [
    { q, sev: 0 as const },
    { q, sev: 2 as const },
  ]);
  const r = makeResults(items, {
    m: [[0, 0], [1, 1], [0], [2], [0, 0, 0], [3]],
  });
  const d = dkeIntra(r, scoreItems(r, 0), { resamples: 99, seed: 7 });
  assert.equal(d.holds, true);
  assert.deepEqual(d.accDropCi, [1, 1]);
  assert.deepEqual(d.calibIncreaseCi, [1, 1]);
  assert.equal(d.pAccDrop, 0.01);
  assert.equal(d.pCalibIncrease, 0.01);
  assert.equal(d.resamples, 99);
});

Deno.test("dkeIntra() finds no effect when degraded answers copy the clean ones", () => {
  const items: ItemSpec[] = ["a", "b", "c", "d"].flatMap((q) => [
    { q, sev: 0 as const },
    { q, sev: 2 as const },
  ]);
  const v = [[0, 1], [0, 1], [2], [2], [0], [0], [0, 0, 3], [0, 0, 3]];
  const r = makeResults(items, { m: v });
  const d = dkeIntra(r, scoreItems(r, 0), { resamples: 50 });
  // Acc(D0) = Acc(D2): no drop, the point condition fails; every resample
  // has drop 0 (<= 0, wrong sign) -> p = 51/51; increase 0 is not < 0 -> p = 1/51.
  assert.equal(d.holds, false);
  assert.equal(d.accDrop, 0);
  assert.equal(d.pAccDrop, 1);
  assert.equal(d.pCalibIncrease, 1 / 51);
});

Deno.test("dkeIntra() is seeded and matches a naive item-level bootstrap", () => {
  const arb = fc.array(
    fc.tuple(
      fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 1, maxLength: 3 }),
      fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 1, maxLength: 3 }),
      fc.boolean(),
    ),
    { minLength: 1, maxLength: 6 },
  );
  fc.assert(
    fc.property(arb, fc.integer({ min: 0, max: 1e6 }), (qs, seed) => {
      // Each question: an L0 item, an L2 item, and sometimes a second L2 item.
      const items: ItemSpec[] = [], votes: number[][] = [];
      qs.forEach(([v0, v2, extra], i) => {
        items.push({ q: `q${i}`, sev: 0, k: 3 }, { q: `q${i}`, sev: 2, k: 3 });
        votes.push(v0, v2);
        if (extra) {
          items.push({ q: `q${i}`, sev: 2, k: 3 });
          votes.push(v0);
        }
      });
      const r = makeResults(items, { m: votes });
      const s = scoreItems(r, 0);
      const B = 30;
      const d = dkeIntra(r, s, { resamples: B, seed });
      assert.deepEqual(dkeIntra(r, s, { resamples: B, seed }), d);
      // Naive: draw questions with the same generator, gather their items.
      const prng = createPrng(seed);
      const byQ = qs.map((_, i) =>
        items.flatMap((it, x) => it.q === `q${i}` ? [x] : [])
      );
      const drops: number[] = [];
      let wrong = 0;
      for (let b = 0; b < B; b++) {
        const xs = Array.from(
          { length: qs.length },
          () => byQ[prng.int(qs.length)],
        ).flat();
        const mean = (lvl: number, col: Float64Array) => {
          const sel = xs.filter((x) => items[x].sev === lvl);
          return sel.reduce((a, x) => a + col[x], 0) / sel.length;
        };
        const drop = mean(0, s.correct) - mean(2, s.correct);
        drops.push(drop);
        if (Math.round(drop * 1e12) / 1e12 <= 0) wrong++;
      }
      close(d.pAccDrop, (wrong + 1) / (B + 1));
      drops.sort((a, b) => a - b);
      close(d.accDropCi[0], drops[0] + 0.725 * (drops[1] - drops[0]), 1e-9);
    }),
    { numRuns: 40 },
  );
});

Deno.test("dkeIntra() rejects bad options", () => {
  const r = dropFixture(), s = scoreItems(r, 0);
  assert.throws(
    () => dkeIntra(r, s, { resamples: -1 }),
    /non-negative integer/,
  );
  assert.throws(() => dkeIntra(r, s, { level0: 2 }), /with itself/);
  assert.throws(
    () => dkeIntra(r, s, { level: 3 as unknown as 2 }),
    /expected 0, 1 or 2/,
  );
  assert.throws(() => dkeIntra(r, s, { confidenceLevel: 95 }), /coverage/);
});
