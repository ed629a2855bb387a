/**
 * A fake multimodal model behind an OpenAI-compatible chat-completions API,
 * for running the evaluation harness offline (notebooks, demos). It
 * recognizes each item by its image and answers with a seeded "belief":
 * correct with a chosen probability per severity, repeated consistently
 * across trials whatever the severity, so it shows the Dunning-Kruger
 * pattern (accuracy falls, confidence does not).
 *
 * @module
 */
import { createPrng } from "../random/prng.ts";
import { imageDataUrl } from "../evaluate/image_data_url.ts";
import { hashString } from "../evaluate/retry.ts";
import { LETTERS } from "../results/write_results.ts";
import type { SubsetItem } from "./eval_subset.ts";

/** Options of {@linkcode startFakeVlm}. */
export interface FakeVlmOptions {
  /** Seed of beliefs and answers (default 0). */
  seed?: number;
  /** Probability that the belief about an item is right, at L0, L1, L2 (default [0.7, 0.62, 0.5]). */
  accuracy?: readonly [number, number, number];
  /** Probability that a trial repeats the belief rather than guessing (default 0.85). */
  consistency?: number;
  /** Fraction of answers without a letter (default 0.03). */
  unparsedRate?: number;
  /** The image limit the harness uses (`maxImagePx`, default 1024), to recognize the images. */
  maxImagePx?: number;
}

/** A running fake model server. */
export interface FakeVlm {
  /** Base URL to pass as the endpoint (ends in `/v1`). */
  url: string;
  /** Requests answered so far. */
  readonly requests: number;
  /** Stop serving. */
  close(): Promise<void>;
}

function check01(name: string, v: number): void {
  if (!(v >= 0 && v <= 1)) {
    throw new RangeError(
      `Cannot start the fake model with ${name} ${v}: expected a fraction in [0, 1]`,
    );
  }
}

/**
 * Start the fake model on 127.0.0.1 (a free port). An item's n-th request
 * gets the n-th answer of a sequence fixed by (seed, item, n), so the
 * answers per item do not depend on arrival order; with concurrency 1 every
 * trial number gets the same answer on every run. An image it does not know
 * gets an answer without a letter.
 *
 * @param items The items it may be asked (from {@linkcode writeEvalSubset}).
 * @param options Seed and behaviour.
 * @returns The server; close it when done.
 * @throws {RangeError} On a probability outside [0, 1].
 *
 * @example Usage
 * ```ts ignore
 * import { startFakeVlm } from "./fake_vlm.ts";
 * const server = await startFakeVlm(subset.items, { seed: 1 });
 * // runEvaluation({ items: subset.dir, endpoint: server.url, ... })
 * await server.close();
 * ```
 */
export async function startFakeVlm(
  items: readonly SubsetItem[],
  options: FakeVlmOptions = {},
): Promise<FakeVlm> {
  const seed = options.seed ?? 0;
  const acc = options.accuracy ?? [0.7, 0.62, 0.5];
  const consistency = options.consistency ?? 0.85;
  const unparsedRate = options.unparsedRate ?? 0.03;
  acc.forEach((a, i) => check01(`accuracy[${i}]`, a));
  check01("consistency", consistency);
  check01("unparsedRate", unparsedRate);
  const byUrl = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    byUrl.set(
      await imageDataUrl(items[i].imagePath, options.maxImagePx ?? 1024),
      i,
    );
  }
  const beliefs = items.map((it, i) => {
    const p = createPrng(hashString(`${seed}|belief|${i}`));
    if (p.next() < acc[it.severity]) return it.answer;
    return (it.answer + 1 + p.int(it.nOptions - 1)) % it.nOptions;
  });
  const asked = new Int32Array(items.length);
  let requests = 0;
  const answer = (i: number): string => {
    const p = createPrng(hashString(`${seed}|answer|${i}|${asked[i]++}`));
    if (p.next() < unparsedRate) return "I cannot tell from this image.";
    const k = items[i].nOptions;
    const letter = LETTERS[p.next() < consistency ? beliefs[i] : p.int(k)];
    return p.int(2) === 0 ? letter : `The answer is ${letter}.`;
  };
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    async (req) => {
      const body = await req.json();
      const parts: { type: string; image_url?: { url: string } }[] =
        body?.messages?.[0]?.content ?? [];
      const url = parts.find((p) => p.type === "image_url")?.image_url?.url;
      const i = url === undefined ? undefined : byUrl.get(url);
      requests++;
      const content = i === undefined ? "I see no known image." : answer(i);
      return Response.json({
        choices: [{ index: 0, message: { role: "assistant", content } }],
        usage: { prompt_tokens: 120, completion_tokens: content.length },
      });
    },
  );
  return {
    url: `http://127.0.0.1:${server.addr.port}/v1`,
    get requests() {
      return requests;
    },
    close: () => server.shutdown(),
  };
}
