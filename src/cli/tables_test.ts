import assert from "node:assert/strict";
import { join } from "node:path";
import { runCli } from "./_cli_test_helpers.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const SAMPLE = join(ROOT, "data/sample");

const tablesCli = (args: string[]) =>
  runCli(join(ROOT, "src/cli/tables.ts"), args);

const HEADERS: Record<string, string> = {
  overall: "model,L0,L1,L2,L1_minus_L0,L2_minus_L0",
  capability: "model,task,acc_l12,drop_l12",
  category: "model,category,acc_l12,drop_l12",
  degradation_heatmap: "model,degradation,drop_L1,drop_L2",
  skill_heatmap: "model,skill,drop_L1,drop_L2",
  modality: "model,modality,L0,L1,L2",
  calibration: "model,level,accuracy,confidence,delta_calib,ece,brier,n_items",
  dke_inter: "level,pair_share,spearman_rho,spearman_p,kendall_tau,kendall_p",
  coverage: "model,level,items,answered,missing,trials",
};

Deno.test("deno task tables writes every table with its exact columns", async () => {
  const out = await Deno.makeTempDir();
  const r = await tablesCli(["--data", SAMPLE, "--out", out]);
  assert.equal(r.code, 0, r.stderr);
  for (const [name, header] of Object.entries(HEADERS)) {
    const text = await Deno.readTextFile(join(out, `${name}.csv`));
    assert.equal(text.split("\n")[0], header, name);
    assert.ok(text.split("\n").length > 2, `${name} has rows`);
    assert.ok((await Deno.stat(join(out, `${name}.md`))).size > 0);
  }
  const intra = (await Deno.readTextFile(join(out, "dke_intra.csv"))).split(
    "\n",
  );
  assert.ok(
    intra[0].startsWith("model,acc_L0,acc_L2,delta_L0,delta_L2,holds,"),
  );
  assert.match(intra[1], /,(true|false),/, "booleans as true/false");
  const overall = (await Deno.readTextFile(join(out, "overall.csv"))).trim()
    .split("\n");
  assert.equal(overall.length, 1 + 3 + 1, "3 models and the average row");
  assert.ok(overall.at(-1)!.startsWith("Average (All Models),"));
  // The sample's llava-med misses answers: the loader warns, nothing fails.
  assert.match(r.stderr, /llava-med/);
});

Deno.test("deno task tables rejects an invalid directory with exit 2 and no stack trace", async () => {
  const dir = await Deno.makeTempDir();
  for (const f of ["models.csv", "predictions.csv"]) {
    await Deno.copyFile(join(SAMPLE, f), join(dir, f));
  }
  const items = (await Deno.readTextFile(join(SAMPLE, "items.csv"))).split(
    "\n",
  );
  items[3] = items[3].replace(",CT,", ",PET,");
  await Deno.writeTextFile(join(dir, "items.csv"), items.join("\n"));
  const r = await tablesCli(["--data", dir, "--out", join(dir, "out")]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /items\.csv:4:/, "file and 1-based line");
  assert.match(r.stderr, /modality/);
  assert.match(r.stderr, /PET/);
  assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
});

Deno.test("deno task tables explains a missing option", async () => {
  const r = await tablesCli(["--data", SAMPLE]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--out/);
});
