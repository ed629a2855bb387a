import assert from "node:assert/strict";
import { loadResults } from "../results/load_results.ts";
import { writeResults } from "../results/write_results.ts";
import { calibrationTable } from "./aggregate.ts";
import { simulate } from "./simulate.ts";

async function bytesOf(dir: string): Promise<string> {
  let all = "";
  for (const f of ["items.csv", "predictions.csv", "models.csv"]) {
    all += await Deno.readTextFile(`${dir}/${f}`);
  }
  return all;
}

Deno.test("same seed gives the same bytes; another seed does not", async () => {
  const a = await Deno.makeTempDir(), b = await Deno.makeTempDir();
  const c = await Deno.makeTempDir();
  await writeResults(a, simulate({ questions: 40, seed: 5 }));
  await writeResults(b, simulate({ questions: 40, seed: 5 }));
  await writeResults(c, simulate({ questions: 40, seed: 6 }));
  assert.equal(await bytesOf(a), await bytesOf(b));
  assert.notEqual(await bytesOf(a), await bytesOf(c));
});

Deno.test("a simulated directory loads as valid FORMAT.md results", async () => {
  const dir = await Deno.makeTempDir();
  const sim = simulate({ questions: 60, trials: 4, seed: 1 });
  await writeResults(dir, sim, { gzip: true });
  const loaded = await loadResults(dir);
  assert.equal(loaded.items.n, sim.items.n);
  assert.equal(loaded.predictions.n, 3 * sim.items.n * 4);
  assert.deepEqual(loaded.warnings, []);
  assert.deepEqual(
    Array.from(loaded.predictions.choice),
    Array.from(sim.predictions.choice),
  );
});

Deno.test("profiles are hit: accuracy to one trial, confidence closely", () => {
  const models = [
    { model: "a", accuracy: [0.7, 0.65, 0.55], confidence: [0.85, 0.86, 0.88] },
    { model: "b", accuracy: [0.5, 0.48, 0.4], confidence: [0.95, 0.95, 0.96] },
  ] as const;
  const sim = simulate({ questions: 400, trials: 10, seed: 3, models });
  const rows = calibrationTable(sim);
  const nLevel = [0, 1, 2].map((L) =>
    sim.items.severity.filter((s) => s === L).length
  );
  for (const [m, spec] of models.entries()) {
    for (const L of [0, 1, 2]) {
      const r = rows.find((r) =>
        r.model === spec.model && r.level === `L${L}`
      )!;
      assert.ok(
        Math.abs(r.accuracy - spec.accuracy[L]!) <=
          1 / (10 * nLevel[L]!) + 1e-12,
        `${m} L${L} accuracy ${r.accuracy}`,
      );
      assert.ok(
        Math.abs(r.confidence - spec.confidence[L]!) < 0.01,
        `${m} L${L} confidence ${r.confidence}`,
      );
    }
  }
});

Deno.test("bad profiles are rejected with the value and what was expected", () => {
  assert.throws(
    () => simulate({ models: [{ model: "x", accuracy: [0.5, 1.2, 0.3] }] }),
    /model "x" with accuracy \[0\.5,1\.2,0\.3\]: expected three numbers in \[0, 1\]/,
  );
  assert.throws(() => simulate({ trials: 0 }), /0 trials: expected an integer/);
  assert.throws(
    () =>
      simulate({
        models: [
          { model: "x", accuracy: [0.5, 0.5, 0.5] },
          { model: "x", accuracy: [0.5, 0.5, 0.5] },
        ],
      }),
    /model id "x": expected a unique/,
  );
});

Deno.test("overconfidence profiles set confidence = accuracy + shift", () => {
  const sim = simulate({
    questions: 300,
    trials: 10,
    seed: 9,
    models: [{
      model: "dk",
      accuracy: [0.7, 0.6, 0.5],
      overconfidence: [0.1, 0.2, 0.3],
    }],
  });
  for (const r of calibrationTable(sim).filter((r) => r.level !== "L12")) {
    const L = Number(r.level[1]);
    assert.ok(
      Math.abs(r.delta_calib - [0.1, 0.2, 0.3][L]!) < 0.012,
      `${r.level} ${r.delta_calib}`,
    );
  }
});
