import assert from "node:assert/strict";
import fc from "fast-check";
import { scoreAll, scoreItems } from "./score_items.ts";
import { votingConfidence } from "./voting_confidence.ts";
import { makeResults } from "./testdata/make_results.ts";

const close = (a: number, b: number, tol = 1e-12) =>
  assert.ok(Math.abs(a - b) <= tol, `${a} != ${b}`);

const fixture = () =>
  makeResults([
    { q: "q1", sev: 0, k: 4, answer: 0 },
    { q: "q1", sev: 2, k: 4, answer: 0 },
    { q: "q2", sev: 0, k: 2, answer: 1 },
    { q: "q2", sev: 1, k: 2, answer: 1 },
  ], {
    m: [[0, 0, 0, 1], [1, -1], [1, 0], undefined],
    n: [[-1, -1, 0], undefined, undefined, [1]],
  });

Deno.test("scoreItems() computes per-item scores by hand", () => {
  const s = scoreItems(fixture(), "m");
  assert.equal(s.model, 0);
  assert.deepEqual([...s.trials], [4, 2, 2, 0]);
  assert.deepEqual([...s.parsed], [4, 1, 2, 0]);
  // item0 A,A,A,B (answer A): 3/4; item1 B,unparsed (answer A): 0;
  // item2 B,A (answer B, K=2): 1/2; item3 no prediction: 0.
  assert.deepEqual([...s.correct], [0.75, 0, 0.5, 0]);
  // item2 is a 1-1 tie -> wrong.
  assert.deepEqual([...s.majority], [1, 0, 0, 0]);
  // item0: 1 - H(.75,.25)/ln 4 = 0.5943609377704335; item1: (1/2)*1;
  // item2: 1 - ln2/ln2 = 0.
  close(s.confidence[0], 0.5943609377704335);
  assert.equal(s.confidence[1], 0.5);
  close(s.confidence[2], 0);
  assert.equal(s.confidence[3], 0);
  // Brier: item0 p=(.75,.25,0,0): .25^2+.25^2 = .125;
  // item1 p=(0,.5,0,0): 1 + .25 = 1.25; item2 p=(.5,.5): .25+.25 = .5.
  assert.deepEqual([...s.brier], [0.125, 1.25, 0.5, 0]);
});

Deno.test("scoreAll() scores every model like scoreItems()", () => {
  const r = fixture();
  const all = scoreAll(r);
  assert.equal(all.length, 2);
  assert.deepEqual(all[0], scoreItems(r, 0));
  const n = all[1];
  assert.equal(n.modelId, "n");
  // item0 unparsed,unparsed,A: correct 1/3, the unparsed pair outvotes A
  // -> majority 0, C = (1/3)*1, Brier (1/3 - 1)^2 = 4/9.
  close(n.correct[0], 1 / 3);
  assert.equal(n.majority[0], 0);
  close(n.confidence[0], 1 / 3);
  close(n.brier[0], 4 / 9);
  assert.deepEqual([...n.trials], [3, 0, 0, 1]);
  assert.deepEqual([n.correct[3], n.majority[3], n.confidence[3], n.brier[3]], [
    1,
    1,
    1,
    0,
  ]);
});

Deno.test("scoreAll() majorityUnparsed option", () => {
  // Model n, item 0: unparsed, unparsed, A (answer A): wrong when unparsed
  // competes (2 >= 1), right when only parsed votes count.
  const r = fixture();
  assert.equal(scoreAll(r)[1].majority[0], 0);
  assert.equal(scoreAll(r, { majorityUnparsed: "ignore" })[1].majority[0], 1);
  assert.equal(
    scoreItems(r, "n", { majorityUnparsed: "ignore" }).majority[0],
    1,
  );
  assert.throws(
    // deno-lint-ignore no-explicit-any
    () => scoreAll(r, { majorityUnparsed: "drop" as any }),
    /expected "compete" or "ignore"/,
  );
});

Deno.test("scoreItems() rejects unknown models and bad choices", () => {
  const r = fixture();
  assert.throws(() => scoreItems(r, "zz"), /Cannot find model "zz"/);
  assert.throws(() => scoreItems(r, 2), RangeError);
  r.predictions.choice[0] = 4;
  assert.throws(() => scoreItems(r, "m"), /choice code 4 is outside/);
  r.predictions.choice[0] = 0;
  r.predictions.item[0] = 9;
  assert.throws(() => scoreAll(r), /row 1 .*item index 9/);
});

Deno.test("scoreAll() is invariant to row order and agrees with votingConfidence()", () => {
  const arb = fc.array(
    fc.array(fc.integer({ min: -1, max: 3 }), { maxLength: 5 }),
    { minLength: 1, maxLength: 6 },
  ).chain((lists) =>
    fc.tuple(
      fc.constant(lists),
      fc.shuffledSubarray(
        lists.flatMap((l, i) => l.map((_, t) => [i, t] as const)),
        { minLength: lists.flat().length },
      ),
    )
  );
  fc.assert(fc.property(arb, ([lists, order]) => {
    const items = lists.map((_, i) => ({ q: `q${i}`, sev: 0 as const }));
    const r = makeResults(items, { m: lists });
    const s = scoreAll(r)[0];
    // Same rows, shuffled.
    const r2 = makeResults(items, { m: lists });
    order.forEach(([i, t], row) => {
      r2.predictions.item[row] = i;
      r2.predictions.choice[row] = lists[i][t];
    });
    assert.deepEqual(scoreAll(r2)[0], s);
    lists.forEach((l, i) => {
      assert.equal(s.trials[i], l.length);
      close(s.confidence[i], votingConfidence(l, 4));
      close(
        s.correct[i],
        l.length ? l.filter((c) => c === 0).length / l.length : 0,
      );
    });
  }));
});
