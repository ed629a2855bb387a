/**
 * The evaluation harness: ask a multimodal model served behind an
 * OpenAI-compatible chat-completions API (vLLM, Ollama, a hosted API) every
 * item of a results directory, several trials each, and write FORMAT.md
 * predictions that `loadResults` reads.
 *
 * Nothing is lost and nothing is asked twice: answers go to an append-only
 * JSONL journal as they arrive, a rerun asks only the missing (item, trial)
 * pairs (and, by default, the failed ones), and a partial last line left by
 * a killed process is truncated, never merged. Requests are retried with
 * seeded exponential backoff on 429, 5xx, timeouts, network errors and
 * malformed bodies, honouring `Retry-After`. The API key is sent, never
 * written or printed. This area never imports metrics.
 *
 * ```ts ignore
 * import { runEvaluation } from "./mod.ts";
 * const summary = await runEvaluation({
 *   items: "data/benchmark",
 *   model: "qwen2.5-vl-7b",
 *   endpoint: "http://localhost:8000/v1",
 *   out: "out/qwen/predictions.jsonl",
 *   trials: 3,
 * });
 * console.log(summary.answered, summary.unparsed, summary.failed);
 * ```
 *
 * @module
 */
export * from "./run.ts";
export * from "./items.ts";
export * from "./journal.ts";
export * from "./export_predictions.ts";
export * from "./prompt.ts";
export * from "./client.ts";
export * from "./image_data_url.ts";
export * from "./retry.ts";
export * from "./rate_limiter.ts";
export * from "./redact.ts";
export * from "./meta.ts";
export type { Prng } from "../random/prng.ts";
