import assert from "node:assert/strict";
import {
  finalRecords,
  type JournalRecord,
  openJournal,
  pairKey,
  readJournal,
  repairJournal,
} from "./journal.ts";
import { exportPredictions } from "./export_predictions.ts";

const rec = (over: Partial<JournalRecord>): JournalRecord => ({
  model: "m",
  item_id: "i1",
  trial: 1,
  response: "B",
  choice: "B",
  latency_ms: 3,
  prompt_tokens: 10,
  completion_tokens: 1,
  status: "ok",
  attempts: 1,
  ...over,
});

Deno.test("openJournal() appends whole lines that readJournal() reads back", async () => {
  const path = await Deno.makeTempFile();
  const w = openJournal(path);
  w.append(rec({}));
  w.append(rec({ trial: 2, response: 'say "C"\nok', choice: "C" }));
  w.close();
  const w2 = openJournal(path); // reopening appends, never truncates
  w2.append(rec({ trial: 3 }));
  w2.close();
  const text = await Deno.readTextFile(path);
  assert.equal(text.split("\n").length, 4);
  const j = await readJournal(path);
  assert.equal(j.partialLastLine, false);
  assert.deepEqual(j.records.map((r) => r.trial), [1, 2, 3]);
  assert.equal(j.records[1]!.response, 'say "C"\nok');
});

Deno.test("repairJournal() truncates only a partial last line", async () => {
  const path = await Deno.makeTempFile();
  const good = JSON.stringify(rec({})) + "\n";
  await Deno.writeTextFile(path, good + '{"model":"m","item_');
  const before = await readJournal(path);
  assert.equal(before.records.length, 1);
  assert.equal(before.partialLastLine, true);
  assert.equal(await repairJournal(path), '{"model":"m","item_');
  assert.equal(await Deno.readTextFile(path), good);
  assert.equal(await repairJournal(path), null);
  assert.equal(await repairJournal(path + ".missing"), null);
  // A complete-looking record without its newline is still partial.
  await Deno.writeTextFile(path, good + JSON.stringify(rec({ trial: 2 })));
  assert.ok((await repairJournal(path))?.includes('"trial":2'));
  assert.equal(await Deno.readTextFile(path), good);
});

Deno.test("readJournal() names the file and line of a bad record", async () => {
  const path = await Deno.makeTempFile();
  await Deno.writeTextFile(path, JSON.stringify(rec({})) + "\nnot json\n");
  await assert.rejects(readJournal(path), (e: Error) => {
    assert.ok(e instanceof SyntaxError);
    assert.match(
      e.message,
      new RegExp(`${path}, line 2: "not json" is not JSON`),
    );
    return true;
  });
  await Deno.writeTextFile(path, JSON.stringify(rec({ choice: "b" })) + "\n");
  await assert.rejects(readJournal(path), /line 1: column "choice" is "b"/);
  await Deno.writeTextFile(path, JSON.stringify(rec({ trial: 0 })) + "\n");
  await assert.rejects(readJournal(path), /line 1: column "trial" is 0/);
  assert.deepEqual(await readJournal(path + ".none"), {
    records: [],
    partialLastLine: false,
  });
});

Deno.test("finalRecords() keeps the first ok answer, else the last failure", () => {
  const failed = rec({
    status: "failed",
    response: "",
    choice: "",
    error: "HTTP 500",
  });
  const s = finalRecords([
    failed,
    rec({ choice: "C" }),
    rec({ choice: "D" }),
    failed,
    rec({ trial: 2, ...{ status: "failed" as const, choice: "", error: "x" } }),
    rec({ trial: 2, status: "failed", choice: "", error: "y" }),
  ]);
  assert.equal(s.final.get(pairKey("i1", 1))!.choice, "C");
  assert.equal(s.final.get(pairKey("i1", 2))!.error, "y");
  assert.equal(s.duplicates, 1);
  assert.equal(s.final.size, 2);
});

Deno.test("exportPredictions() omits failed pairs and counts them", async () => {
  const dir = await Deno.makeTempDir();
  const journal = `${dir}/p.journal.jsonl`;
  const w = openJournal(journal);
  w.append(rec({}));
  w.append(rec({ trial: 2, response: "no idea", choice: "" }));
  w.append(
    rec({
      trial: 3,
      status: "failed",
      response: "",
      choice: "",
      error: "HTTP 503",
    }),
  );
  w.close();
  const s = await exportPredictions(journal, `${dir}/p.jsonl`);
  assert.deepEqual([s.rows, s.unparsed, s.failedOmitted, s.duplicates], [
    2,
    1,
    1,
    0,
  ]);
  assert.match(s.warnings[0]!, /1 \(item, trial\) pair\(s\) failed/);
  const rows = (await Deno.readTextFile(`${dir}/p.jsonl`)).trim().split("\n")
    .map((l) => JSON.parse(l));
  assert.deepEqual(rows[1], {
    model: "m",
    item_id: "i1",
    trial: 2,
    choice: "",
    response: "no idea",
    latency_ms: 3,
    prompt_tokens: 10,
    completion_tokens: 1,
  });
  assert.ok(!("status" in rows[0]));
});
