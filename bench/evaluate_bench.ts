/**
 * Benchmark of the evaluation harness (`deno task bench:evaluate`): 100 000
 * requests, 64 in flight, against a fake model server answering instantly
 * in a separate process (so it does not share the harness's event loop).
 * Prints the sustained request rate, RSS every 10 000 answers, and the
 * ratio against a Python reference client (64 threads of http.client
 * keep-alive POSTs of the same body, no journaling) run against the same
 * server in the same benchmark.
 *
 * Options: `--requests N` (default 100000), `--concurrency N` (default 64).
 *
 * @module
 */

import { fileURLToPath } from "node:url";
import { runEvaluation } from "../src/evaluate/run.ts";
import { makeItemsDir } from "../src/evaluate/testdata/make_items.ts";
import { imageDataUrl } from "../src/evaluate/image_data_url.ts";
import { chatBody } from "../src/evaluate/client.ts";
import { buildPrompt } from "../src/evaluate/prompt.ts";

const arg = (name: string, fallback: number) => {
  const i = Deno.args.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(Deno.args[i + 1]);
};
const requests = arg("requests", 100_000);
const concurrency = arg("concurrency", 64);
const trials = 100;
const nItems = Math.ceil(requests / trials);

const serverPath = fileURLToPath(
  new URL("../src/evaluate/testdata/fake_server.ts", import.meta.url),
);
const server = new Deno.Command(Deno.execPath(), {
  args: ["run", "-A", serverPath],
  stdout: "piped",
  stderr: "inherit",
}).spawn();
const reader = server.stdout.pipeThrough(new TextDecoderStream()).getReader();
let first = "";
while (!first.includes("\n")) {
  const { value, done } = await reader.read();
  if (done) throw new Error("The fake server exited before printing its port");
  first += value;
}
const port = Number(/port (\d+)/.exec(first)![1]);
const endpoint = `http://127.0.0.1:${port}/v1`;

try {
  const dir = await makeItemsDir(nItems, { images: 10 });
  const out = `${dir}/bench/predictions.jsonl`;
  const mb = (b: number) => (b / 2 ** 20).toFixed(1);
  console.log(
    `evaluate bench: ${nItems} items x ${trials} trials = ${
      nItems * trials
    } requests, ${concurrency} in flight, fake server pid ${server.pid}`,
  );
  let answered = 0;
  let windowStart = performance.now();
  const rss: number[] = [];
  const t0 = performance.now();
  const summary = await runEvaluation({
    items: dir,
    model: "bench-model",
    endpoint,
    out,
    trials,
    concurrency,
    retries: 2,
    backoff: { baseMs: 10, maxMs: 100 },
    timeoutMs: 30_000,
    onEvent: (e) => {
      if (e.type !== "answer" && e.type !== "failed") return;
      if (++answered % 10_000 !== 0) return;
      const now = performance.now();
      const { rss: r, heapUsed } = Deno.memoryUsage();
      rss.push(r);
      console.log(
        `  ${String(answered).padStart(7)} answers  ${
          (10_000 / ((now - windowStart) / 1000)).toFixed(0)
        } req/s  rss ${mb(r)} MiB  heap ${mb(heapUsed)} MiB`,
      );
      windowStart = now;
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const rate = (summary.answered + summary.failed) / seconds;
  console.log(
    `harness: ${summary.answered} answered, ${summary.failed} failed, ${summary.retries} retries in ${
      seconds.toFixed(1)
    } s = ${rate.toFixed(0)} req/s (target >= 500)`,
  );
  if (rss.length >= 2) {
    const later = rss.slice(1);
    console.log(
      `rss: ${mb(rss[0]!)} MiB after 10k answers, then between ${
        mb(Math.min(...later))
      } and ${
        mb(Math.max(...later))
      } MiB up to ${answered} (flat = no upward trend)`,
    );
  }

  // Python reference: the same request body, 64 threads, no journal.
  const body = chatBody({
    endpoint,
    model: "bench-model",
    temperature: 1,
    prompt: buildPrompt("Question about item it0?", ["a", "b", "c", "d"]),
    imageDataUrl: await imageDataUrl(`${dir}/img/0.png`, 1024),
    timeoutMs: 30_000,
  });
  await Deno.writeTextFile(`${dir}/body.json`, body);
  const pyRequests = Math.min(requests, 20_000);
  const py = `
import http.client, threading, time, sys
port, n, k, body = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), open(sys.argv[4], "rb").read()
counts = [n // k + (1 if i < n % k else 0) for i in range(k)]
def work(c):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    for _ in range(c):
        conn.request("POST", "/v1/chat/completions", body, {"content-type": "application/json"})
        r = conn.getresponse(); r.read()
threads = [threading.Thread(target=work, args=(c,)) for c in counts]
t = time.perf_counter()
for th in threads: th.start()
for th in threads: th.join()
print(n / (time.perf_counter() - t))
`;
  const ref = await new Deno.Command("python3", {
    args: [
      "-c",
      py,
      String(port),
      String(pyRequests),
      String(concurrency),
      `${dir}/body.json`,
    ],
    stdout: "piped",
  }).output();
  const pyRate = Number(new TextDecoder().decode(ref.stdout).trim());
  console.log(
    `python reference (http.client, ${concurrency} threads, ${pyRequests} requests, no journal): ${
      pyRate.toFixed(0)
    } req/s; harness/python ratio ${(rate / pyRate).toFixed(2)}`,
  );
  await Deno.remove(dir, { recursive: true });
} finally {
  server.kill("SIGTERM");
  await server.status;
}
