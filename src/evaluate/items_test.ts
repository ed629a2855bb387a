import assert from "node:assert/strict";
import { ResultsError } from "../results/problems.ts";
import { findItemsFile, loadEvalItems } from "./items.ts";
import { runEvaluation } from "./run.ts";
import { startFakeServer } from "./testdata/fake_server.ts";
import { makeItemsDir } from "./testdata/make_items.ts";

async function edit(dir: string, fn: (lines: string[]) => void): Promise<void> {
  const lines = (await Deno.readTextFile(`${dir}/items.csv`)).trimEnd().split(
    "\n",
  );
  fn(lines);
  await Deno.writeTextFile(`${dir}/items.csv`, lines.join("\n") + "\n");
}

Deno.test("loadEvalItems() reads questions, options and absolute image paths", async () => {
  const dir = await makeItemsDir(3);
  const { file, items } = await loadEvalItems(dir);
  assert.equal(file, `${dir}/items.csv`);
  assert.equal(items.length, 3);
  assert.deepEqual(items[1], {
    itemId: "it1",
    nOptions: 4,
    question: "Question about item it1?",
    options: ["Liver", "Spleen, left", "Kidney", "None"],
    imagePath: `${dir}/img/1.png`,
  });
  assert.equal(await findItemsFile(`${dir}/items.csv`), `${dir}/items.csv`);
});

Deno.test("loadEvalItems() names file, line, item and column of every bad item", async () => {
  const dir = await makeItemsDir(4);
  await Deno.writeTextFile(`${dir}/img/2.png`, "not a png");
  await edit(dir, (lines) => {
    lines[1] = lines[1]!.replace("img/0.png", "img/missing.png");
    lines[2] = lines[2]!.replace(/"\[.*\]"/, '"[""only one""]"');
  });
  await assert.rejects(loadEvalItems(dir), (e: Error) => {
    assert.ok(e instanceof ResultsError);
    assert.equal(e.total, 3);
    const text = e.message;
    assert.match(
      text,
      new RegExp(
        `items\\.csv:2: column "image": value "img/missing\\.png": expected a readable image.*\\(item "it0"\\)`,
      ),
    );
    assert.match(
      text,
      /items\.csv:3: column "options": value "\["only one"\]": expected a JSON array of 4 strings \(n_options\) \(item "it1"\)/,
    );
    assert.match(
      text,
      /items\.csv:4: column "image": value "img\/2\.png".*\(item "it2"\)/,
    );
    return true;
  });
});

Deno.test("loadEvalItems() rejects items without an image column", async () => {
  const dir = await makeItemsDir(2);
  await edit(dir, (lines) => {
    for (let i = 0; i < lines.length; i++) {
      lines[i] = lines[i]!.replace(/,[^,]*$/, "");
    }
  });
  await assert.rejects(
    loadEvalItems(dir),
    /column "image".*expected a column "image"/,
  );
});

Deno.test("runEvaluation() sends nothing when an item is bad", async () => {
  const dir = await makeItemsDir(5);
  await edit(dir, (lines) => {
    lines[5] = lines[5]!.replace("img/4.png", "");
  });
  const server = startFakeServer();
  try {
    await assert.rejects(
      runEvaluation({
        items: dir,
        model: "m",
        endpoint: server.url,
        out: `${dir}/p.jsonl`,
        trials: 1,
      }),
      /items\.csv:6: column "image": value "": expected an image path \(item "it4"\)/,
    );
    assert.equal(server.questions.length, 0);
    await assert.rejects(
      Deno.stat(`${dir}/p.journal.jsonl`),
      Deno.errors.NotFound,
    );
  } finally {
    await server.close();
  }
});

Deno.test("findItemsFile() explains a missing path or items file", async () => {
  await assert.rejects(
    findItemsFile("/no/such/dir"),
    /Cannot read items from "\/no\/such\/dir": no such file or directory/,
  );
  const empty = await Deno.makeTempDir();
  await assert.rejects(
    findItemsFile(empty),
    /exactly one of items\.csv, items\.tsv, items\.jsonl/,
  );
});

Deno.test("loadEvalItems() reads JSONL items with options as a real array", async () => {
  const dir = await makeItemsDir(1);
  await Deno.remove(`${dir}/items.csv`);
  const row = {
    item_id: "j1",
    question_id: "q",
    source: "s",
    modality: "CT",
    skill: "Counting",
    degradation: "none",
    severity: 0,
    n_options: 2,
    answer: "A",
    question: "Two?",
    options: ["yes", "no"],
    image: "img/0.png",
  };
  await Deno.writeTextFile(`${dir}/items.jsonl`, JSON.stringify(row) + "\n");
  const { items } = await loadEvalItems(dir);
  assert.deepEqual(items[0]!.options, ["yes", "no"]);
});
