/**
 * A fake OpenAI-compatible model server for tests and benchmarks. It answers
 * from a seeded answer table keyed by the question text and, on command,
 * misbehaves: 500, 429 with Retry-After, hangs, malformed JSON, or a
 * connection closed mid-body.
 *
 * Run alone: `deno run -A src/evaluate/testdata/fake_server.ts` prints
 * `port <n>` on stdout and serves until killed.
 *
 * @module
 */

import { createPrng, type Prng } from "../../random/prng.ts";
import { hashString } from "../retry.ts";

/** A fault the server can inject (`none`: answer normally, to order the queue). */
export type Fault =
  | "none"
  | "500"
  | "429"
  | "hang"
  | "malformed"
  | "close"
  | "401"
  | "400";

/** Options of {@linkcode startFakeServer}. */
export interface FakeServerOptions {
  /** Seed of the answer table and of random faults (default 1). */
  seed?: number;
  /** Fraction of requests given a random fault (default 0). */
  faultRate?: number;
  /** Faults drawn from when faultRate > 0 (default all but "hang"). */
  faultKinds?: Fault[];
  /** Delay before each answer, in milliseconds (default 0). */
  delayMs?: number;
  /** Retry-After header value sent with 429 (default "0"). */
  retryAfter?: string;
}

/** A running fake server. */
export interface FakeServer {
  /** Base URL to pass as the endpoint (ends in `/v1`). */
  url: string;
  /** Every request's question line, in arrival order (faulted ones too). */
  questions: string[];
  /** Every Authorization header received. */
  authHeaders: string[];
  /** Arrival times (performance.now()) of every request. */
  times: number[];
  /** The last request body received (parsed). */
  lastBody: Record<string, unknown> | null;
  /** Faults to apply to the next requests, in order (consumed first). */
  queue: Fault[];
  /** Stop serving. */
  close(): Promise<void>;
}

/**
 * The answer the fake model gives to a question: a deterministic function
 * of (seed, question); about one in eight answers is not parseable.
 */
export function fakeAnswer(
  seed: number,
  question: string,
  nOptions: number,
): string {
  const prng = createPrng(hashString(`${seed}\u0000${question}`));
  if (prng.int(8) === 0) return "I cannot tell from this image.";
  const letter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[prng.int(nOptions)];
  return prng.int(2) === 0 ? letter! : `The answer is ${letter}.`;
}

const encoder = new TextEncoder();

/** Start the server on 127.0.0.1, port 0. */
export function startFakeServer(options: FakeServerOptions = {}): FakeServer {
  const seed = options.seed ?? 1;
  const rate = options.faultRate ?? 0;
  const kinds = options.faultKinds ?? ["500", "429", "malformed", "close"];
  const faultPrng: Prng = createPrng(seed + 1);
  const state = {
    questions: [] as string[],
    authHeaders: [] as string[],
    times: [] as number[],
    queue: [] as Fault[],
    lastBody: null as Record<string, unknown> | null,
  };
  // Pending waits, released on close (request.signal is not used: Deno's
  // legacy abort-on-success behaviour makes it noisy).
  const pending = new Set<() => void>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(t);
        pending.delete(done);
        resolve();
      };
      const t = setTimeout(done, ms);
      pending.add(done);
    });
  const server = Deno.serve(
    {
      hostname: "127.0.0.1",
      port: 0,
      onListen: () => {},
      onError: () => new Response("error", { status: 500 }),
    },
    async (req) => {
      state.times.push(performance.now());
      const auth = req.headers.get("authorization") ?? "";
      state.authHeaders.push(auth);
      const body = await req.json();
      state.lastBody = body;
      const text: string =
        body.messages[0].content.find((p: { type: string }) =>
          p.type === "text"
        ).text;
      const question = text.split("\n")[0]!;
      state.questions.push(question);
      const nOptions = (text.match(/^[A-Z]\. /gm) ?? []).length;
      let fault = state.queue.shift() ?? null;
      if (fault === null && rate > 0 && faultPrng.next() < rate) {
        fault = kinds[faultPrng.int(kinds.length)]!;
      }
      if (options.delayMs) await wait(options.delayMs);
      switch (fault) {
        case "500":
          return new Response(`internal error; you sent ${auth}`, {
            status: 500,
          });
        case "401":
          return new Response("bad key", { status: 401 });
        case "400":
          return new Response("image too large", { status: 400 });
        case "429":
          return new Response("slow down", {
            status: 429,
            headers: { "retry-after": options.retryAfter ?? "0" },
          });
        case "hang":
          await wait(60_000);
          return new Response("late");
        case "malformed":
          return new Response('{"choices": [', {
            headers: { "content-type": "application/json" },
          });
        case "close":
          return new Response(
            new ReadableStream({
              start(c) {
                c.enqueue(encoder.encode('{"choices":'));
                c.error(new Error("connection closed by the fake server"));
              },
            }),
            { headers: { "content-type": "application/json" } },
          );
      }
      const answer = fakeAnswer(seed, question, nOptions);
      return Response.json({
        choices: [{
          index: 0,
          message: { role: "assistant", content: answer },
        }],
        usage: {
          prompt_tokens: 100 + nOptions,
          completion_tokens: answer.length,
        },
      });
    },
  );
  return {
    url: `http://127.0.0.1:${server.addr.port}/v1`,
    ...state,
    get lastBody() {
      return state.lastBody;
    },
    get queue() {
      return state.queue;
    },
    set queue(q: Fault[]) {
      state.queue = q;
    },
    async close() {
      for (const done of [...pending]) done();
      await server.shutdown();
    },
  };
}

if (import.meta.main) {
  const server = startFakeServer({
    seed: Number(Deno.env.get("FAKE_SEED") ?? 1),
  });
  console.log(`port ${new URL(server.url).port}`);
}
