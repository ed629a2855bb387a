import assert from "node:assert/strict";
import { runCli } from "./_cli_test_helpers.ts";

const CLI = new URL("./simulate.ts", import.meta.url).pathname;

const run = (args: string[]) => runCli(CLI, args);

Deno.test("simulate CLI writes a FORMAT.md directory from model profiles", async () => {
  const dir = await Deno.makeTempDir();
  const profiles = `${dir}/profiles.json`;
  await Deno.writeTextFile(
    profiles,
    JSON.stringify([{
      model: "m1",
      accuracy: [0.8, 0.7, 0.6],
      confidence: [0.9, 0.9, 0.9],
    }]),
  );
  const r = await run([
    "--out",
    `${dir}/out`,
    "--questions",
    "30",
    "--trials",
    "2",
    "--seed",
    "4",
    "--models",
    profiles,
    "--format",
    "tsv",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const models = await Deno.readTextFile(`${dir}/out/models.tsv`);
  assert.equal(
    models,
    "model\tdisplay_name\tgroup\tparams_b\nm1\tm1\topen-source\t\n",
  );
  const preds = (await Deno.readTextFile(`${dir}/out/predictions.tsv`)).trim()
    .split("\n");
  const items = (await Deno.readTextFile(`${dir}/out/items.tsv`)).trim().split(
    "\n",
  );
  assert.equal(preds.length - 1, 2 * (items.length - 1));
});

Deno.test("simulate CLI rejects bad options with exit code 2 and a message", async () => {
  const r = await run(["--out", "/tmp/x", "--questions", "many"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Option "--questions" must be an integer, got "many"/);
  const f = await run(["--out", "/tmp/x", "--format", "xml"]);
  assert.equal(f.code, 2);
  assert.match(f.stderr, /"--format" must be csv, tsv or jsonl, got "xml"/);
  const missing = await run([]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /Missing "--out DIR"/);
});
