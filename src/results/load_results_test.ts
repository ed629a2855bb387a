import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { loadItems, loadResults, resultsFromRows } from "./load_results.ts";
import { ResultsError } from "./problems.ts";
import { NO_DEGRADATION, UNPARSED } from "./results.ts";
import { writeResults } from "./write_results.ts";
import {
  CATEGORIES,
  DEGRADATIONS,
  MODALITIES,
  SKILLS,
  TASKS,
} from "../taxonomy/mod.ts";

const SAMPLE = new URL("../../data/sample", import.meta.url).pathname;

/** JSONL stores `options` as a real array, so its JSON text is re-spaced. */
function normalizeOptions<T extends { extra: Record<string, string[]> }>(
  items: T,
): T {
  const options = items.extra.options?.map((s) =>
    s === "" ? s : JSON.stringify(JSON.parse(s))
  );
  return { ...items, extra: { ...items.extra, options } };
}

Deno.test("loadResults() loads the sample directory with every row accounted for", async () => {
  const r = await loadResults(SAMPLE);
  assert.equal(r.items.n, 21);
  assert.equal(r.predictions.n, 180);
  assert.deepEqual(r.models.map((m) => m.model), [
    "gpt-4o",
    "qwen2.5-vl-7b",
    "llava-med",
  ]);
  assert.equal(r.models[0].paramsB, null);
  assert.equal(r.models[1].paramsB, 7);
  assert.deepEqual(r.models[2].extra, { release: "2023-06" });
  let unparsed = 0;
  for (const c of r.predictions.choice) unparsed += c === UNPARSED ? 1 : 0;
  assert.equal(unparsed, 17);
  assert.deepEqual(r.warnings.length, 1);
  assert.match(r.warnings[0], /"llava-med".* 3 of 21 items/);
  assert.deepEqual(Object.keys(r.items.extra), [
    "question",
    "options",
    "image",
    "split",
  ]);
  assert.deepEqual(JSON.parse(r.items.extra.options[15]), [
    "Aspirin",
    "Imiquimod, 5%",
    "Prednisone",
    "Topical 5-FU",
    "None",
  ]);
  assert.ok(r.predictions.extra.response.some((s) => s.includes("\n")));
});

Deno.test("loadResults() codes items as indexes into the taxonomy", async () => {
  const { items } = await loadResults(SAMPLE);
  // q01_L1: CT, Disease Diagnosis (CU), low_dose (Noise), severity 1, answer B.
  assert.equal(items.itemId[1], "q01_L1");
  assert.equal(MODALITIES[items.modality[1]], "CT");
  assert.equal(SKILLS[items.skill[1]], "Disease Diagnosis");
  assert.equal(TASKS[items.task[1]], "CU");
  assert.equal(DEGRADATIONS[items.degradation[1]], "low_dose");
  assert.equal(CATEGORIES[items.category[1]], "Noise");
  assert.equal(items.severity[1], 1);
  assert.equal(items.answer[1], 1);
  assert.equal(items.degradation[0], NO_DEGRADATION);
  assert.equal(items.category[0], NO_DEGRADATION);
  // q03 has five options and answer E.
  assert.equal(items.nOptions[6], 5);
  assert.equal(items.answer[6], 4);
  assert.deepEqual([...items.question.slice(0, 7)], [0, 0, 0, 1, 1, 1, 2]);
  assert.equal(items.questionIds.length, 7);
});

Deno.test("loadResults() extracts letters from responses when choice is empty", async () => {
  const r = await loadResults(SAMPLE);
  const { predictions: p } = r;
  const row = (model: string, item: string, trial: number) => {
    const m = r.models.findIndex((x) => x.model === model);
    const i = r.items.itemId.indexOf(item);
    for (let k = 0; k < p.n; k++) {
      if (p.model[k] === m && p.item[k] === i && p.trial[k] === trial) return k;
    }
    throw new Error("row not found");
  };
  const k = row("gpt-4o", "q01_L0", 2); // choice empty, response "Answer: (B)"
  assert.equal(p.extra.response[k], "Answer: (B)");
  assert.equal(p.choice[k], 1);
  const u = row("gpt-4o", "q01_L1", 3); // multi-line unparseable response
  assert.equal(p.choice[u], UNPARSED);
  assert.equal(
    p.extra.response[u],
    "Possibly\nthe second option, hard to tell.",
  );
});

Deno.test("writeResults() round-trips through loadResults() in every format", async () => {
  const original = await loadResults(SAMPLE);
  for (const format of ["csv", "tsv", "jsonl"] as const) {
    for (const gzip of [false, true]) {
      const dir = await Deno.makeTempDir();
      await writeResults(dir, original, { format, gzip });
      const back = await loadResults(dir);
      const label = `${format}${gzip ? ".gz" : ""}`;
      assert.deepEqual(
        normalizeOptions(back.items),
        normalizeOptions(original.items),
        label,
      );
      if (format !== "jsonl") assert.deepEqual(back.items, original.items);
      assert.deepEqual(back.predictions, original.predictions, label);
      assert.deepEqual(back.models, original.models, label);
      assert.deepEqual(back.warnings, original.warnings, label);
    }
  }
});

Deno.test("loadResults() requires exactly one file per table", async () => {
  const dir = await Deno.makeTempDir();
  await writeResults(dir, await loadResults(SAMPLE));
  await Deno.writeFile(
    `${dir}/models.tsv.gz`,
    gzipSync(await Deno.readFile(`${dir}/models.csv`)),
  );
  await Deno.remove(`${dir}/items.csv`);
  const e = await loadResults(dir).catch((e) => e);
  assert.ok(e instanceof ResultsError);
  assert.deepEqual(e.problems.map((p) => [p.code, p.value]), [
    ["missing_file", ""],
    ["several_files", "models.csv, models.tsv.gz"],
  ]);
});

Deno.test("resultsFromRows() accepts in-memory rows with numbers and '01' alike", () => {
  const r = resultsFromRows({
    models: [{ model: "m", display_name: "M", group: "medical", params_b: "" }],
    items: [{
      item_id: "i",
      question_id: "q",
      source: "s",
      modality: "CT",
      skill: "Counting",
      degradation: "low_dose",
      severity: "01",
      n_options: 4,
      answer: "D",
      options: ["a", "b", "c", "d"],
    }],
    predictions: [
      { model: "m", item_id: "i", trial: "01", choice: "D" },
      { model: "m", item_id: "i", trial: 2, response: "(c)" },
      { model: "m", item_id: "i", trial: 3, choice: null },
    ],
  });
  assert.equal(r.items.severity[0], 1);
  assert.deepEqual([...r.predictions.trial], [1, 2, 3]);
  assert.deepEqual([...r.predictions.choice], [3, 2, UNPARSED]);
  assert.equal(r.items.extra.options[0], '["a","b","c","d"]');
  assert.deepEqual(r.warnings, []);
});

Deno.test("loadItems() reads items from JSONL and gzip", async () => {
  const dir = await Deno.makeTempDir();
  const original = await loadResults(SAMPLE);
  await writeResults(dir, original, { format: "jsonl", gzip: true });
  const items = await loadItems(`${dir}/items.jsonl.gz`);
  assert.deepEqual(normalizeOptions(items), normalizeOptions(original.items));
});

Deno.test("loadPredictions() reports rising progress that ends at 1", async () => {
  const { loadModels, loadPredictions } = await import("./load_results.ts");
  const { writeTable } = await import("./write_table.ts");
  const items = await loadItems(`${SAMPLE}/items.csv`);
  const models = await loadModels(`${SAMPLE}/models.csv`);
  const path = await Deno.makeTempFile({ suffix: ".csv" });
  const n = 140_000;
  await writeTable(path, ["model", "item_id", "trial", "choice"], {
    length: n,
    columns: [
      () => "gpt-4o",
      (r) => items.itemId[r % items.n],
      (r) => 1 + Math.floor(r / items.n),
      () => "A",
    ],
  });
  const seen: number[] = [];
  const p = await loadPredictions(path, { items, models }, {
    onProgress: (f) => seen.push(f),
  });
  assert.equal(p.n, n);
  assert.ok(seen.length >= 3, `only ${seen.length} calls`);
  assert.ok(
    seen.every((f, i) => f > 0 && f <= 1 && (i === 0 || f >= seen[i - 1])),
  );
  assert.equal(seen[seen.length - 1], 1);
});

Deno.test("resultsFromRows() keeps every row and round-trips through files (property)", async () => {
  const { DEGRADATIONS: D, MODALITIES: M, SKILLS: S } = await import(
    "../taxonomy/mod.ts"
  );
  const { degradationsFor } = await import("../taxonomy/mod.ts");
  const item = fc.record({
    m: fc.nat(M.length - 1),
    s: fc.nat(S.length - 1),
    sev: fc.nat(2),
    k: fc.integer({ min: 2, max: 26 }),
    a: fc.nat(25),
    d: fc.nat(50),
  });
  const pred = fc.record({
    model: fc.nat(2),
    item: fc.nat(5),
    trial: fc.integer({ min: 1, max: 40 }),
    choice: fc.option(fc.nat(25)),
    response: fc.constantFrom("", "The answer is B", "nope", "a"),
  });
  await fc.assert(
    fc.asyncProperty(
      fc.array(item, { minLength: 1, maxLength: 6 }),
      fc.array(pred, { maxLength: 30 }),
      fc.constantFrom("csv", "tsv", "jsonl") as fc.Arbitrary<
        "csv" | "tsv" | "jsonl"
      >,
      async (itemSpecs, predSpecs, format) => {
        const items = itemSpecs.map((x, i) => {
          const allowed = degradationsFor(M[x.m]);
          return {
            item_id: `i${i}`,
            question_id: `q${i >> 1}`,
            source: "s",
            modality: M[x.m],
            skill: S[x.s],
            degradation: x.sev === 0 ? "none" : allowed[x.d % allowed.length],
            severity: x.sev,
            n_options: x.k,
            answer: String.fromCharCode(65 + (x.a % x.k)),
          };
        });
        const seen = new Set<string>();
        const predictions = predSpecs.flatMap((p) => {
          const it = p.item % items.length;
          const key = `${p.model},${it},${p.trial}`;
          if (seen.has(key)) return [];
          seen.add(key);
          const k = items[it].n_options;
          return [{
            model: `m${p.model}`,
            item_id: `i${it}`,
            trial: p.trial,
            choice: p.choice === null
              ? ""
              : String.fromCharCode(65 + p.choice % k),
            response: p.response,
          }];
        });
        const models = [0, 1, 2].map((m) => ({
          model: `m${m}`,
          display_name: `M${m}`,
          group: "medical",
        }));
        const r = resultsFromRows({ items, predictions, models });
        assert.equal(r.items.n, items.length);
        assert.equal(r.predictions.n, predictions.length);
        assert.ok(D.length === 19);
        const dir = await Deno.makeTempDir();
        await writeResults(dir, r, { format });
        const back = await loadResults(dir);
        await Deno.remove(dir, { recursive: true });
        assert.deepEqual(back.items, r.items);
        assert.deepEqual(back.predictions.choice, r.predictions.choice);
        assert.deepEqual(back.predictions.trial, r.predictions.trial);
        assert.deepEqual(back.warnings, r.warnings);
      },
    ),
    { numRuns: 40 },
  );
});

Deno.test("loadResults() reports a missing or non-directory path once, not once per table", async () => {
  for (const path of [`${SAMPLE}/no-such-dir`, `${SAMPLE}/items.csv`]) {
    const e = await loadResults(path).then(() => null, (e) => e);
    assert.ok(e instanceof ResultsError, path);
    assert.equal(e.total, 1, e.message);
    assert.equal(e.problems[0].code, "unreadable");
    assert.equal(e.problems[0].file, path);
    assert.match(e.message, /expected a readable results directory/);
  }
});
