import assert from "node:assert/strict";
import { type EvaluationEvent, journalPathFor, runEvaluation } from "./run.ts";
import { readJournal } from "./journal.ts";
import { fakeAnswer, startFakeServer } from "./testdata/fake_server.ts";
import { makeItemsDir } from "./testdata/make_items.ts";
import { loadResults, parseChoice } from "./_results.ts";
import { UNPARSED } from "../results/results.ts";

const KEY = "sk-test-DO-NOT-LEAK-42";
const fast = { backoff: { baseMs: 1, maxMs: 4 }, timeoutMs: 2000 };

async function lines(path: string): Promise<Record<string, unknown>[]> {
  const text = await Deno.readTextFile(path);
  return text.trim() === ""
    ? []
    : text.trim().split("\n").map((l) => JSON.parse(l));
}

function pairs(rows: Record<string, unknown>[]): string[] {
  return rows.map((r) => `${r.item_id}#${r.trial}`).sort();
}

function expectedPairs(n: number, trials: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    for (let t = 1; t <= trials; t++) out.push(`it${i}#${t}`);
  }
  return out.sort();
}

Deno.test("runEvaluation() answers every (item, trial) exactly once", async () => {
  const dir = await makeItemsDir(12);
  const server = startFakeServer({ seed: 5 });
  try {
    const out = `${dir}/predictions.jsonl`;
    const s = await runEvaluation({
      items: dir,
      model: "fake-model",
      endpoint: server.url,
      out,
      trials: 3,
      concurrency: 4,
      ...fast,
    });
    assert.deepEqual([s.total, s.answered, s.failed, s.resumed, s.retries], [
      36,
      36,
      0,
      0,
      0,
    ]);
    assert.equal(server.questions.length, 36);
    const journal = await lines(journalPathFor(out));
    const preds = await lines(out);
    assert.deepEqual(pairs(journal), expectedPairs(12, 3));
    assert.deepEqual(pairs(preds), expectedPairs(12, 3));
    let unparsed = 0;
    for (const p of preds) {
      const answer = fakeAnswer(5, `Question about item ${p.item_id}?`, 4);
      assert.equal(p.response, answer);
      assert.equal(p.choice, parseChoice(answer, 4) ?? "");
      if (p.choice === "") unparsed++;
    }
    assert.equal(s.unparsed, unparsed);
    assert.equal(s.export.rows, 36);
    assert.equal(s.promptTokens, 36 * 104);
    // The directory (items, models, exported predictions) loads as results.
    const results = await loadResults(dir);
    assert.equal(results.predictions.n, 36);
    assert.deepEqual(results.warnings, []);
    const unparsedLoaded = results.predictions.choice.filter((c) =>
      c === UNPARSED
    ).length;
    assert.equal(unparsedLoaded, unparsed);
    // A rerun finds nothing to do and sends nothing.
    const again = await runEvaluation({
      items: dir,
      model: "fake-model",
      endpoint: server.url,
      out,
      ...fast,
    });
    assert.deepEqual([again.resumed, again.answered], [36, 0]);
    assert.equal(server.questions.length, 36);
    // The prompt lists the options and the image is sent once per request.
    assert.match(server.questions[0]!, /^Question about item it\d+\?$/);
  } finally {
    await server.close();
  }
});

Deno.test("runEvaluation() survives 20% injected faults with nothing lost or doubled", async () => {
  const dir = await makeItemsDir(20);
  const server = startFakeServer({
    seed: 7,
    faultRate: 0.2,
    faultKinds: ["500", "429", "malformed", "close", "hang"],
  });
  try {
    const out = `${dir}/predictions.jsonl`;
    const events: EvaluationEvent[] = [];
    const s = await runEvaluation({
      items: dir,
      model: "fake-model",
      endpoint: server.url,
      out,
      trials: 3,
      concurrency: 8,
      retries: 10,
      backoff: { baseMs: 1, maxMs: 4 },
      timeoutMs: 1000, // long enough for a loaded CI machine; hangs still time out
      onEvent: (e) => events.push(e),
    });
    assert.equal(s.failed, 0);
    assert.equal(s.answered, 60);
    assert.ok(s.retries > 0, "expected some retries");
    assert.equal(events.filter((e) => e.type === "retry").length, s.retries);
    assert.equal(server.questions.length, 60 + s.retries);
    const journal = await lines(journalPathFor(out));
    assert.deepEqual(pairs(journal), expectedPairs(20, 3));
    assert.deepEqual(pairs(await lines(out)), expectedPairs(20, 3));
    for (const r of journal) {
      assert.equal(
        r.response,
        fakeAnswer(7, `Question about item ${r.item_id}?`, 4),
      );
    }
  } finally {
    await server.close();
  }
});

Deno.test("runEvaluation() honours Retry-After in seconds", async () => {
  const dir = await makeItemsDir(1);
  const server = startFakeServer({ retryAfter: "1" });
  server.queue.push("429");
  try {
    const s = await runEvaluation({
      items: dir,
      model: "fake-model",
      endpoint: server.url,
      out: `${dir}/p.jsonl`,
      trials: 1,
      ...fast,
    });
    assert.equal(s.answered, 1);
    assert.equal(server.times.length, 2);
    const gap = server.times[1]! - server.times[0]!;
    assert.ok(gap >= 950, `retried after ${gap} ms, expected >= 1000`);
  } finally {
    await server.close();
  }
});

Deno.test("runEvaluation() records a pair failed after the last retry and a rerun retries it", async () => {
  const dir = await makeItemsDir(2);
  const server = startFakeServer();
  try {
    const out = `${dir}/predictions.jsonl`;
    const opts = {
      items: dir,
      model: "fake-model",
      endpoint: server.url,
      out,
      trials: 1,
      concurrency: 1,
      retries: 2,
      apiKey: KEY,
      ...fast,
    };
    server.queue.push("500", "500", "500");
    const events: EvaluationEvent[] = [];
    const s = await runEvaluation({ ...opts, onEvent: (e) => events.push(e) });
    assert.deepEqual([s.answered, s.failed, s.retries], [1, 1, 2]);
    assert.equal(s.export.failedOmitted, 1);
    assert.ok(
      events.some((e) =>
        e.type === "warning" &&
        /1 \(item, trial\) pair\(s\) failed/.test(e.message)
      ),
    );
    const journal = await lines(journalPathFor(out));
    const failed = journal.find((r) => r.status === "failed")!;
    assert.equal(failed.item_id, "it0");
    assert.equal(failed.attempts, 3);
    assert.equal(failed.choice, "");
    assert.match(
      String(failed.error),
      /HTTP 500: internal error; you sent Bearer \[REDACTED\]/,
    );
    assert.deepEqual(pairs(await lines(out)), ["it1#1"]);
    // The failed pair is absent, so loading warns instead of counting it wrong.
    const partial = await loadResults(dir);
    assert.equal(partial.predictions.n, 1);
    assert.equal(partial.warnings.length, 1);
    // Without --retry-failed the failure stands.
    const kept = await runEvaluation({ ...opts, retryFailed: false });
    assert.equal(kept.answered, 0);
    // By default a rerun asks the failed pair again.
    const again = await runEvaluation(opts);
    assert.deepEqual([again.answered, again.failed, again.resumed], [1, 0, 1]);
    assert.deepEqual(pairs(await lines(out)), ["it0#1", "it1#1"]);
    assert.equal((await readJournal(journalPathFor(out))).records.length, 3);
    // The key went to the server but never into any file or event.
    assert.ok(server.authHeaders.every((h) => h === `Bearer ${KEY}`));
    for await (const entry of Deno.readDir(dir)) {
      if (entry.isFile) {
        assert.ok(
          !(await Deno.readTextFile(`${dir}/${entry.name}`)).includes(KEY),
          entry.name,
        );
      }
    }
    assert.ok(!JSON.stringify(events).includes(KEY));
    const meta = JSON.parse(await Deno.readTextFile(`${out}.meta.json`));
    assert.equal(meta.model, "fake-model");
    assert.equal(meta.trials, 1);
    assert.ok(meta.promptTemplate.includes("{options}"));
  } finally {
    await server.close();
  }
});

Deno.test("runEvaluation() stops on 401 and keeps the answers so far", async () => {
  const dir = await makeItemsDir(4);
  const server = startFakeServer();
  try {
    const out = `${dir}/p.jsonl`;
    server.queue.push("401");
    await assert.rejects(
      runEvaluation({
        items: dir,
        model: "fake-model",
        endpoint: server.url,
        out,
        trials: 1,
        concurrency: 1,
        apiKey: KEY,
        ...fast,
      }),
      (e: Error) =>
        /HTTP 401: bad key/.test(e.message) && !e.message.includes(KEY),
    );
    assert.equal(server.questions.length, 1);
  } finally {
    await server.close();
  }
});

Deno.test("runEvaluation() repairs a truncated last journal line instead of merging it", async () => {
  const dir = await makeItemsDir(3);
  const server = startFakeServer();
  try {
    const out = `${dir}/p.jsonl`;
    const opts = {
      items: dir,
      model: "fake-model",
      endpoint: server.url,
      out,
      trials: 2,
      ...fast,
    };
    await runEvaluation(opts);
    const journal = journalPathFor(out);
    const full = await Deno.readTextFile(journal);
    const kept = full.split("\n").slice(0, 4).join("\n") + "\n";
    const partial = full.split("\n")[4]!.slice(0, 25);
    await Deno.writeTextFile(journal, kept + partial);
    const events: EvaluationEvent[] = [];
    const s = await runEvaluation({ ...opts, onEvent: (e) => events.push(e) });
    assert.equal(s.repairedLine, partial);
    assert.ok(
      events.some((e) =>
        e.type === "warning" && e.message.startsWith(`Repaired ${journal}`)
      ),
    );
    assert.deepEqual([s.resumed, s.answered], [4, 2]);
    const after = await lines(journal);
    assert.equal(after.length, 6);
    assert.deepEqual(pairs(after), expectedPairs(3, 2));
  } finally {
    await server.close();
  }
});

Deno.test("runEvaluation() refuses to resume with another prompt or model", async () => {
  const dir = await makeItemsDir(1);
  const server = startFakeServer();
  try {
    const out = `${dir}/p.jsonl`;
    const opts = {
      items: dir,
      model: "fake-model",
      endpoint: server.url,
      out,
      trials: 1,
      ...fast,
    };
    await runEvaluation(opts);
    await assert.rejects(
      runEvaluation({
        ...opts,
        promptTemplate: "{question}\n{options}\nLetter:",
      }),
      /"promptTemplate" was/,
    );
    await assert.rejects(
      runEvaluation({ ...opts, temperature: 0 }),
      /"temperature" was 1, now 0/,
    );
    assert.equal(server.questions.length, 1);
  } finally {
    await server.close();
  }
});

Deno.test("runEvaluation() refuses a journal of another model or other items", async () => {
  const dir = await makeItemsDir(2);
  const server = startFakeServer();
  try {
    const out = `${dir}/p.jsonl`;
    const opts = {
      items: dir,
      model: "fake-model",
      endpoint: server.url,
      out,
      trials: 1,
      ...fast,
    };
    await runEvaluation(opts);
    await Deno.remove(`${out}.meta.json`);
    await assert.rejects(
      runEvaluation({ ...opts, model: "other" }),
      /p\.journal\.jsonl, line 1: model is "fake-model", expected "other"/,
    );
    const other = await makeItemsDir(1);
    await Deno.writeTextFile(
      `${other}/items.csv`,
      (await Deno.readTextFile(`${other}/items.csv`)).replaceAll("it0", "x0"),
    );
    await assert.rejects(
      runEvaluation({ ...opts, items: other }),
      /line \d: item "it\d" is not in/,
    );
    assert.equal(server.questions.length, 2);
  } finally {
    await server.close();
  }
});

Deno.test("runEvaluation() encodes each image once per item and sends the settings", async () => {
  const dir = await makeItemsDir(1);
  const server = startFakeServer({ delayMs: 30 });
  try {
    const run = runEvaluation({
      items: dir,
      model: "fake-model",
      endpoint: server.url,
      out: `${dir}/p.jsonl`,
      trials: 3,
      concurrency: 1,
      temperature: 0.5,
      maxTokens: 16,
      maxImagePx: 8,
      ...fast,
    });
    while (server.questions.length === 0) {
      await new Promise((r) => setTimeout(r, 2));
    }
    await Deno.remove(`${dir}/img/0.png`); // later trials must use the cached encoding
    const s = await run;
    assert.deepEqual([s.answered, s.failed], [3, 0]);
    const body = server.lastBody as {
      model: string;
      temperature: number;
      max_tokens: number;
      messages: {
        role: string;
        content: { type: string; image_url?: { url: string }; text?: string }[];
      }[];
    };
    assert.equal(body.model, "fake-model");
    assert.equal(body.temperature, 0.5);
    assert.equal(body.max_tokens, 16);
    assert.equal(body.messages[0]!.role, "user");
    assert.match(
      body.messages[0]!.content[0]!.image_url!.url,
      /^data:image\/png;base64,/,
    );
    assert.match(body.messages[0]!.content[1]!.text!, /B\. Spleen, left\n/);
  } finally {
    await server.close();
  }
});

Deno.test("runEvaluation() asks only the new trials when --trials is raised", async () => {
  const dir = await makeItemsDir(2);
  const server = startFakeServer();
  try {
    const out = `${dir}/p.jsonl`;
    const opts = {
      items: dir,
      model: "fake-model",
      endpoint: server.url,
      out,
      ...fast,
    };
    await runEvaluation({ ...opts, trials: 1 });
    const s = await runEvaluation({ ...opts, trials: 3 });
    assert.deepEqual([s.resumed, s.answered], [2, 4]);
    assert.equal(server.questions.length, 6);
    assert.deepEqual(pairs(await lines(out)), expectedPairs(2, 3));
  } finally {
    await server.close();
  }
});

Deno.test("runEvaluation() refuses a second run on the same --out while the first runs, and frees the lock after", async () => {
  const dir = await makeItemsDir(6);
  const server = startFakeServer({ seed: 2, delayMs: 20 });
  try {
    const out = `${dir}/predictions.jsonl`;
    const opts = {
      items: dir,
      model: "fake-model",
      endpoint: server.url,
      out,
      trials: 2,
      concurrency: 2,
      ...fast,
    };
    // Start the second run only once the first holds the lock (its "start"
    // event comes after it took it).
    let started = () => {};
    const ready = new Promise<void>((r) => (started = r));
    const first = runEvaluation({
      ...opts,
      onEvent: (e) => {
        if (e.type === "start") started();
      },
    });
    await Promise.race([ready, first]);
    await assert.rejects(
      () => runEvaluation(opts),
      (e: Error) =>
        e.message.includes("predictions.journal.jsonl.lock is held by process"),
    );
    const s = await first;
    assert.equal(s.answered, 12);
    await assert.rejects(
      () => Deno.stat(`${journalPathFor(out)}.lock`),
      Deno.errors.NotFound,
    );
    // The lock does not outlive a run that throws.
    await assert.rejects(
      () => runEvaluation({ ...opts, model: "other-model" }),
      /"model" was "fake-model", now "other-model"/,
    );
    await assert.rejects(
      () => Deno.stat(`${journalPathFor(out)}.lock`),
      Deno.errors.NotFound,
    );
  } finally {
    await server.close();
  }
});

Deno.test("runEvaluation() refuses an endpoint that is not an http(s) URL before asking anything", async () => {
  const dir = await makeItemsDir(1);
  for (const endpoint of ["notaurl", "ftp://x/v1", "localhost:8000/v1", ""]) {
    await assert.rejects(
      runEvaluation({
        items: dir,
        model: "m",
        endpoint,
        out: `${dir}/p.jsonl`,
        ...fast,
      }),
      (e: Error) =>
        e instanceof TypeError &&
        e.message.includes(`endpoint ${JSON.stringify(endpoint)}`) &&
        e.message.includes("http:// or https://"),
      endpoint,
    );
  }
  // Nothing was started: no journal, no settings file.
  assert.equal(
    [...Deno.readDirSync(dir)].some((e) => e.name.startsWith("p.")),
    false,
  );
});

Deno.test("runEvaluation() stops when the first 8 pairs all fail before any answer (a wrong endpoint or model), keeping them for a rerun", async () => {
  const dir = await makeItemsDir(12);
  const server = startFakeServer();
  try {
    const out = `${dir}/p.jsonl`;
    const opts = {
      items: dir,
      model: "fake-model",
      endpoint: server.url,
      out,
      trials: 1,
      concurrency: 2,
      retries: 1,
      ...fast,
    };
    // Every request fails: 2 attempts per pair.
    server.queue.push(...Array<"500">(24).fill("500"));
    await assert.rejects(
      runEvaluation(opts),
      /no answer yet, and the first 8 pairs all failed after their retries \(last: HTTP 500/,
    );
    const journal = await lines(journalPathFor(out));
    assert.equal(journal.filter((r) => r.status === "failed").length, 8);
    assert.ok(server.questions.length <= 2 * 8 + 2, "stopped early");
    // The server is back: a rerun asks the failed pairs and the rest.
    server.queue.length = 0;
    const again = await runEvaluation(opts);
    assert.deepEqual([again.answered, again.failed], [12, 0]);
  } finally {
    await server.close();
  }
});

Deno.test("runEvaluation() keeps going when an answer came before the failures", async () => {
  const dir = await makeItemsDir(10);
  const server = startFakeServer();
  try {
    // The first pair is answered; the next 9 fail: no early stop.
    server.queue.push("none", ...Array<"500">(9).fill("500"));
    const s = await runEvaluation({
      items: dir,
      model: "fake-model",
      endpoint: server.url,
      out: `${dir}/p.jsonl`,
      trials: 1,
      concurrency: 1,
      retries: 0,
      ...fast,
    });
    assert.deepEqual([s.answered, s.failed], [1, 9]);
  } finally {
    await server.close();
  }
});
