// Tests of `deno task evaluate` (src/cli/evaluate.ts), run as a subprocess.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { startFakeServer } from "./testdata/fake_server.ts";
import { makeItemsDir } from "./testdata/make_items.ts";

const CLI = fileURLToPath(new URL("../cli/evaluate.ts", import.meta.url));
const KEY = "sk-cli-NEVER-PRINT-9";

function cli(args: string[], env: Record<string, string> = {}): Deno.Command {
  return new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI, ...args],
    env: { NO_COLOR: "1", ...env },
    stdout: "piped",
    stderr: "piped",
  });
}

async function countLines(path: string): Promise<number> {
  try {
    const text = await Deno.readTextFile(path);
    return text.split("\n").length - 1;
  } catch {
    return 0;
  }
}

/** Journal lines without timing fields, sorted: the content that must match. */
async function content(path: string): Promise<string[]> {
  const lines = (await Deno.readTextFile(path)).trim().split("\n");
  return lines.map((l) => {
    const { latency_ms: _, ...rest } = JSON.parse(l);
    return JSON.stringify(rest);
  }).sort();
}

Deno.test("evaluate CLI killed with SIGKILL half-way resumes to the same content", async () => {
  const dir = await makeItemsDir(40, { images: 5 });
  const server = startFakeServer({ seed: 11, delayMs: 15 });
  try {
    const common = [
      "--items",
      dir,
      "--model",
      "fake-model",
      "--endpoint",
      server.url,
      "--concurrency",
      "4",
      "--quiet",
    ];
    const ref = `${dir}/ref/predictions.jsonl`;
    const whole = await cli([...common, "--out", ref]).output();
    assert.equal(whole.code, 0, new TextDecoder().decode(whole.stderr));

    const out = `${dir}/killed/predictions.jsonl`;
    const journal = `${dir}/killed/predictions.journal.jsonl`;
    const child = cli([...common, "--out", out]).spawn();
    while (await countLines(journal) < 40) {
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill("SIGKILL");
    const killed = await child.output();
    assert.equal(killed.signal, "SIGKILL");
    const atKill = await countLines(journal);
    assert.ok(
      atKill >= 40 && atKill < 120,
      `journal had ${atKill} lines at the kill`,
    );

    const resumed = await cli([...common, "--out", out]).output();
    const stderr = new TextDecoder().decode(resumed.stderr);
    assert.equal(resumed.code, 0, stderr);
    assert.match(stderr, /120 pairs, \d+ already answered/);
    assert.deepEqual(
      await content(journal),
      await content(`${dir}/ref/predictions.journal.jsonl`),
    );
    assert.deepEqual(await content(out), await content(ref));
    assert.equal((await content(out)).length, 120);
  } finally {
    await server.close();
  }
});

Deno.test("evaluate CLI never prints the API key, reports failures and exits 3", async () => {
  const dir = await makeItemsDir(2);
  const server = startFakeServer();
  server.queue.push("500", "500");
  try {
    const out = `${dir}/predictions.jsonl`;
    const r = await cli([
      "--items",
      dir,
      "--model",
      "fake-model",
      "--endpoint",
      server.url,
      "--out",
      out,
      "--trials",
      "1",
      "--concurrency",
      "1",
      "--retries",
      "1",
      "--backoff-ms",
      "1",
      "--api-key-env",
      "MY_KEY",
    ], { MY_KEY: KEY }).output();
    const stdout = new TextDecoder().decode(r.stdout);
    const stderr = new TextDecoder().decode(r.stderr);
    assert.equal(r.code, 3, stderr);
    assert.ok(server.authHeaders.every((h) => h === `Bearer ${KEY}`));
    assert.match(
      stderr,
      /failed: item "it0" trial 1 after 2 attempt\(s\): HTTP 500: internal error; you sent Bearer \[REDACTED\]/,
    );
    assert.match(stdout, /answers 1 \(unparsed \d\), failed 1, retries 1/);
    for (
      const text of [
        stdout,
        stderr,
        ...await Promise.all(
          [out, `${out}.meta.json`, `${dir}/predictions.journal.jsonl`].map((
            p,
          ) => Deno.readTextFile(p)),
        ),
      ]
    ) {
      assert.ok(!text.includes(KEY));
    }
  } finally {
    await server.close();
  }
});

Deno.test("evaluate CLI exits 2 on a bad item before sending anything", async () => {
  const dir = await makeItemsDir(3);
  await Deno.remove(`${dir}/img/1.png`);
  const server = startFakeServer();
  try {
    const r = await cli([
      "--items",
      dir,
      "--model",
      "m",
      "--endpoint",
      server.url,
      "--out",
      `${dir}/p.jsonl`,
    ]).output();
    const stderr = new TextDecoder().decode(r.stderr);
    assert.equal(r.code, 2);
    assert.match(
      stderr,
      /items\.csv:3: column "image": value "img\/1\.png": expected a readable image/,
    );
    assert.equal(server.questions.length, 0);
  } finally {
    await server.close();
  }
});

Deno.test("evaluate CLI stops on SIGINT, exports what it has and exits 130", async () => {
  const dir = await makeItemsDir(30, { images: 3 });
  const server = startFakeServer({ delayMs: 20 });
  try {
    const out = `${dir}/predictions.jsonl`;
    const journal = `${dir}/predictions.journal.jsonl`;
    const child = cli([
      "--items",
      dir,
      "--model",
      "fake-model",
      "--endpoint",
      server.url,
      "--out",
      out,
      "--concurrency",
      "2",
      "--quiet",
    ]).spawn();
    while (await countLines(journal) < 10) {
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill("SIGINT");
    const r = await child.output();
    const stderr = new TextDecoder().decode(r.stderr);
    assert.equal(r.code, 130, stderr);
    assert.match(stderr, /interrupted: stopping/);
    const answered = await countLines(journal);
    assert.ok(answered < 90, `${answered} answers despite the interrupt`);
    assert.equal(await countLines(out), answered);
  } finally {
    await server.close();
  }
});
