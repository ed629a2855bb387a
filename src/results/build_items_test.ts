import assert from "node:assert/strict";
import { loadItems } from "./load_results.ts";
import { ResultsError } from "./problems.ts";
import { problemsOf } from "./testdata/problems_of.ts";

const BAD = new URL("./testdata/bad/", import.meta.url).pathname;
const GOOD = new URL("./testdata/good/", import.meta.url).pathname;

const cases: [string, [string, number, string, string][]][] = [
  ["items_duplicate_id.csv", [["duplicate", 4, "item_id", "i1"]]],
  ["items_empty_id.csv", [["bad_value", 3, "item_id", ""]]],
  ["items_bad_modality.csv", [["bad_value", 2, "modality", "ct"]]],
  ["items_bad_skill.csv", [["bad_value", 2, "skill", "counting"]]],
  ["items_bad_degradation.csv", [["bad_value", 3, "degradation", "blur"]]],
  ["items_bad_severity.csv", [["bad_value", 2, "severity", "3"]]],
  ["items_non_integer_severity.csv", [["bad_value", 2, "severity", "1.0"]]],
  ["items_none_when_degraded.csv", [["bad_value", 2, "degradation", "none"]]],
  ["items_degraded_at_l0.csv", [["bad_value", 2, "degradation", "low_dose"]]],
  ["items_bad_n_options.csv", [
    ["bad_value", 2, "n_options", "27"],
    ["bad_value", 3, "n_options", "1"],
  ]],
  ["items_answer_out_of_range.csv", [["bad_value", 2, "answer", "E"]]],
  ["items_lowercase_answer.csv", [["bad_value", 2, "answer", "b"]]],
  ["items_bad_options.csv", [["bad_value", 2, "options", '["yes", 2]']]],
];

for (const [file, want] of cases) {
  Deno.test(`loadItems() reports ${file.slice(6, -4).replaceAll("_", " ")}`, async () => {
    assert.deepEqual(await problemsOf(() => loadItems(BAD + file)), want);
  });
}

Deno.test("loadItems() names a missing required column", async () => {
  const got = await problemsOf(() =>
    loadItems(BAD + "items_missing_column.csv")
  );
  assert.deepEqual(got.map(([c, l, col]) => [c, l, col]), [
    ["missing_column", 0, "answer"],
  ]);
});

Deno.test("loadItems() reports a corrupt gzip file", async () => {
  const got = await problemsOf(() => loadItems(BAD + "items_corrupt.csv.gz"));
  assert.equal(got[0][0], "bad_gzip");
});

Deno.test("loadItems() explains the expectation in the message", async () => {
  const e = await loadItems(BAD + "items_answer_out_of_range.csv").catch((e) =>
    e
  );
  assert.ok(e instanceof ResultsError);
  assert.match(
    e.message,
    /items_answer_out_of_range\.csv:2: column "answer": value "E": expected a letter from A to D \(n_options is 4\)/,
  );
});

Deno.test("loadItems() accepts '01' as 1 and keeps extra columns", async () => {
  const path = await Deno.makeTempFile({ suffix: ".csv" });
  const text = await Deno.readTextFile(GOOD + "items.csv");
  await Deno.writeTextFile(
    path,
    text.replace("low_dose,1,4,B", "low_dose,01,04,B").replace(
      "answer\n",
      "answer\n",
    ),
  );
  const items = await loadItems(path);
  assert.equal(items.severity[1], 1);
  assert.equal(items.nOptions[1], 4);
  assert.deepEqual(items.extra, {});
});
