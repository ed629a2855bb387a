import assert from "node:assert/strict";
import { join } from "node:path";
import { runCli } from "./_cli_test_helpers.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const SAMPLE = join(ROOT, "data/sample");

const validateCli = (args: string[]) =>
  runCli(join(ROOT, "src/cli/validate.ts"), args);

/** A copy of the sample with two bad cells in items.csv (lines 4 and 6). */
async function brokenSample(): Promise<string> {
  const dir = await Deno.makeTempDir();
  for (const f of ["models.csv", "predictions.csv"]) {
    await Deno.copyFile(join(SAMPLE, f), join(dir, f));
  }
  const items = (await Deno.readTextFile(join(SAMPLE, "items.csv"))).split(
    "\n",
  );
  items[3] = items[3].replace(",CT,", ",PET,");
  items[5] = items[5].replace(/,(\d),(\d),([A-Z]),/, ",$1,$2,Z,");
  await Deno.writeTextFile(join(dir, "items.csv"), items.join("\n"));
  return dir;
}

Deno.test("validate: the sample is valid; counts, per-model table and the missing-answer warning", async () => {
  const r = await validateCli([SAMPLE]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /valid \(FORMAT\.md\)/);
  assert.match(r.stdout, /items: 21 in 7 questions \(L0 7, L1 7, L2 7\)/);
  assert.match(
    r.stdout,
    /models: 3 \(proprietary 1, open-source 1, medical 1\)/,
  );
  // llava-med: 54 rows, 18 answered, 3 missing, 3 trials.
  assert.match(r.stdout, /llava-med\s+medical\s+54\s+18\s+3\s+3\s+\d/);
  assert.match(r.stdout, /warning: Model "llava-med" has no prediction for 3/);
});

Deno.test("validate --json: one JSON object whose per-model counts add up", async () => {
  const r = await validateCli([SAMPLE, "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const s = JSON.parse(r.stdout);
  assert.equal(s.valid, true);
  assert.equal(s.items, 21);
  assert.equal(s.rows, 180);
  assert.equal(
    s.perModel.reduce((a: number, m: { rows: number }) => a + m.rows, 0),
    s.rows,
  );
  assert.equal(r.stderr, "", "no progress lines with --json");
});

Deno.test("validate: a broken directory exits 2 naming file, line, column and value; --max-problems caps the detail", async () => {
  const dir = await brokenSample();
  const r = await validateCli([dir]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /found 2 problems/);
  assert.match(r.stderr, /items\.csv:4: column "modality": value "PET"/);
  assert.match(r.stderr, /items\.csv:6: column "answer": value "Z"/);
  assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  const capped = await validateCli([dir, "--max-problems", "1"]);
  assert.equal(capped.code, 2);
  assert.match(capped.stderr, /and 1 more/);
  const json = await validateCli([dir, "--json"]);
  assert.equal(json.code, 2);
  const report = JSON.parse(json.stdout);
  assert.equal(report.valid, false);
  assert.equal(report.total, 2);
  assert.deepEqual(
    report.problems.map((p: { line: number; column: string }) => [
      p.line,
      p.column,
    ]),
    [[4, "modality"], [6, "answer"]],
  );
});

Deno.test("validate: usage errors exit 2", async () => {
  for (
    const [args, pattern] of [
      [
        [],
        /Expected 1 positional argument\(s\), got 0\. Usage: deno task validate DIR/,
      ],
      [
        [SAMPLE, "--max-problems", "0"],
        /"--max-problems" must be a positive integer, got 0/,
      ],
    ] as [string[], RegExp][]
  ) {
    const r = await validateCli(args);
    assert.equal(r.code, 2, args.join(" "));
    assert.match(r.stderr, pattern);
  }
});

Deno.test("validate: a benchmark without predictions yet (as build-benchmark writes it) is valid and says so", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.copyFile(join(SAMPLE, "items.csv"), join(dir, "items.csv"));
  await Deno.writeTextFile(
    join(dir, "models.csv"),
    "model,display_name,group,params_b\n",
  );
  await Deno.writeTextFile(
    join(dir, "predictions.csv"),
    "model,item_id,trial,choice\n",
  );
  const r = await validateCli([dir]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /models: 0 \(none\)/);
  assert.match(r.stdout, /no models yet: `deno task evaluate`/);
  assert.doesNotMatch(r.stdout, /answered/);
});
