import assert from "node:assert/strict";
import { loadResults } from "../results/load_results.ts";
import { runEvaluation } from "../evaluate/run.ts";
import { writeEvalSubset } from "./eval_subset.ts";
import { startFakeVlm } from "./fake_vlm.ts";

const SAMPLE = new URL("../../data/sample", import.meta.url).pathname;

async function run(
  dir: string,
  accuracy: [number, number, number],
  out: string,
) {
  const sub = await writeEvalSubset(await loadResults(SAMPLE), dir, {
    questions: 2,
    seed: 1,
    size: 16,
  });
  const server = await startFakeVlm(sub.items, {
    accuracy,
    consistency: 1,
    unparsedRate: 0,
    seed: 2,
  });
  try {
    await runEvaluation({
      items: sub.dir,
      model: "fake",
      endpoint: server.url,
      out,
      trials: 2,
      concurrency: 1,
      onEvent: () => {},
    });
  } finally {
    await server.close();
  }
  return { sub, text: await Deno.readTextFile(out) };
}

Deno.test("writeEvalSubset + startFakeVlm: the harness runs offline; accuracy follows the profile", async () => {
  const dir = await Deno.makeTempDir();
  const right = await run(`${dir}/a`, [1, 1, 1], `${dir}/a.jsonl`);
  // 2 questions of the sample, each with L0, L1, L2 items.
  assert.equal(right.sub.items.length, 6);
  const rows = right.text.trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(rows.length, 12);
  const answer = new Map(
    right.sub.items.map((i) => [i.itemId, "ABCDE"[i.answer]]),
  );
  assert.ok(rows.every((r) => r.choice === answer.get(r.item_id)));
  const wrong = await run(`${dir}/b`, [0, 0, 0], `${dir}/b.jsonl`);
  const wrows = wrong.text.trim().split("\n").map((l) => JSON.parse(l));
  assert.ok(
    wrows.every((r) => r.choice !== "" && r.choice !== answer.get(r.item_id)),
  );
  // The subset's items file loads with the core loader (FORMAT.md).
  await Deno.writeTextFile(
    `${dir}/a/models.csv`,
    "model,display_name,group,params_b\nfake,Fake,open-source,\n",
  );
  await Deno.copyFile(`${dir}/a.jsonl`, `${dir}/a/predictions.jsonl`);
  const loaded = await loadResults(`${dir}/a`);
  assert.equal(loaded.predictions.n, 12);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("writeEvalSubset: same seed, same files; bad sizes rejected", async () => {
  const r = await loadResults(SAMPLE);
  const d1 = await Deno.makeTempDir(), d2 = await Deno.makeTempDir();
  const a = await writeEvalSubset(r, d1, { questions: 3, seed: 5, size: 12 });
  const b = await writeEvalSubset(r, d2, { questions: 3, seed: 5, size: 12 });
  assert.equal(
    await Deno.readTextFile(a.itemsFile),
    await Deno.readTextFile(b.itemsFile),
  );
  assert.deepEqual(
    await Deno.readFile(a.items[0].imagePath),
    await Deno.readFile(b.items[0].imagePath),
  );
  await assert.rejects(
    () => writeEvalSubset(r, d1, { questions: 99 }),
    /99 questions/,
  );
  await assert.rejects(
    () => writeEvalSubset(r, d1, { questions: 2, size: 4 }),
    /4-pixel/,
  );
  await Deno.remove(d1, { recursive: true });
  await Deno.remove(d2, { recursive: true });
});

Deno.test("startFakeVlm: rejects probabilities outside [0, 1]", async () => {
  await assert.rejects(
    () => startFakeVlm([], { consistency: 2 }),
    /consistency 2/,
  );
});
