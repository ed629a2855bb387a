/**
 * Run a model over the items of a results directory: every (item, trial)
 * pair asked once, answers journaled as they arrive, resumable after any
 * interruption, then exported as a FORMAT.md predictions file.
 *
 * @module
 */

import { dirname, resolve } from "node:path";
import { createPrng } from "../random/prng.ts";
import { parseChoice } from "./_results.ts";
import { requestChatCompletion } from "./client.ts";
import { exportPredictions, type ExportSummary } from "./export_predictions.ts";
import { imageDataUrl } from "./image_data_url.ts";
import { type EvalItem, loadEvalItems } from "./items.ts";
import {
  finalRecords,
  type JournalRecord,
  openJournal,
  pairKey,
  readJournal,
  repairJournal,
} from "./journal.ts";
import { acquireRunLock } from "./run_lock.ts";
import {
  assertPromptTemplate,
  buildPrompt,
  DEFAULT_PROMPT_TEMPLATE,
} from "./prompt.ts";
import { createRateLimiter, sleep } from "./rate_limiter.ts";
import { redact } from "./redact.ts";
import { backoffDelay, hashString } from "./retry.ts";
import { checkMeta, metaPathFor, writeMeta } from "./meta.ts";

/** Options of {@linkcode runEvaluation}. */
export interface EvaluationOptions {
  /** A results directory (or its items file) with `question`, `options`, `image`. */
  items: string;
  /** Model id: sent to the server and written in every row. */
  model: string;
  /** Base URL of an OpenAI-compatible API, e.g. `http://localhost:8000/v1`. */
  endpoint: string;
  /** The predictions file to write (`.jsonl`); journal and meta sit beside it. */
  out: string;
  /** API key (sent as a bearer token, never written or printed). */
  apiKey?: string;
  /** Name of the environment variable the key came from (recorded in meta). */
  apiKeyEnv?: string;
  /** Trials per item (default 3). */
  trials?: number;
  /** Sampling temperature (default 1.0). */
  temperature?: number;
  /** Optional `max_tokens` per answer. */
  maxTokens?: number;
  /** Requests in flight at most (default 8). */
  concurrency?: number;
  /** Requests per minute at most (default: no limit). */
  rpm?: number | null;
  /** Timeout per request in milliseconds (default 120 000). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 5). */
  retries?: number;
  /** Backoff before retry n: equal jitter within [d/2, d), d = min(maxMs, baseMs * 2^(n-1)) (default 1 000 / 60 000 ms). */
  backoff?: { baseMs: number; maxMs: number };
  /** Longest Retry-After honoured, in milliseconds (default 300 000). */
  maxRetryAfterMs?: number;
  /** Longest image side sent, in pixels (default 1024). */
  maxImagePx?: number;
  /** Prompt template (default {@linkcode DEFAULT_PROMPT_TEMPLATE}). */
  promptTemplate?: string;
  /** Ask failed pairs again on a rerun (default true). */
  retryFailed?: boolean;
  /** Seed of the retry jitter (default 0). */
  seed?: number;
  /** Sync each journal line to disk (survives power loss; default false). */
  fsync?: boolean;
  /** Stops the run: in-flight requests are dropped (not journaled). */
  signal?: AbortSignal;
  /** Called on each event (progress, retries, failures, warnings). */
  onEvent?: (event: EvaluationEvent) => void;
}

/** Something that happened during a run. */
export type EvaluationEvent =
  | { type: "start"; total: number; done: number; todo: number }
  | { type: "answer"; record: JournalRecord }
  | { type: "failed"; record: JournalRecord }
  | {
    type: "retry";
    itemId: string;
    trial: number;
    attempt: number;
    error: string;
    delayMs: number;
  }
  | { type: "warning"; message: string };

/** What a run did. */
export interface EvaluationSummary {
  /** (item, trial) pairs in the whole job. */
  total: number;
  /** Pairs already answered before this run (resumed). */
  resumed: number;
  /** Pairs answered in this run. */
  answered: number;
  /** Of those, answers whose letter could not be parsed. */
  unparsed: number;
  /** Pairs recorded as failed in this run. */
  failed: number;
  /** Retries made in this run. */
  retries: number;
  /** Prompt and completion tokens reported in this run. */
  promptTokens: number;
  /** Completion tokens reported in this run. */
  completionTokens: number;
  /** Whether the run was stopped before asking every pair. */
  aborted: boolean;
  /** The partial journal line removed before resuming, or `null`. */
  repairedLine: string | null;
  /** Journal path. */
  journal: string;
  /** The export of the journal to `out`. */
  export: ExportSummary;
  /** Wall time in milliseconds. */
  elapsedMs: number;
}

/**
 * The journal path for a predictions path: `x.jsonl` -> `x.journal.jsonl`.
 *
 * @param out The predictions file.
 * @returns The journal file beside it.
 *
 * @example Usage
 * ```ts
 * import { journalPathFor } from "./run.ts";
 * console.assert(journalPathFor("o/predictions.jsonl") === "o/predictions.journal.jsonl");
 * ```
 */
export function journalPathFor(out: string): string {
  return out.replace(/(\.jsonl)?$/, ".journal.jsonl");
}

interface Task {
  item: number;
  trial: number;
}

/**
 * Evaluate a model: check every item (nothing is sent if one is bad), repair
 * and read the journal, ask each missing (item, trial) pair through a
 * bounded pool with retries, journal each answer as it arrives, then export
 * the predictions to `out` (failed pairs omitted, see
 * {@linkcode exportPredictions}). Each image is encoded once per item.
 * The journal is locked for the run (`<journal>.lock`): a second run on the
 * same `out` is refused while the first runs.
 *
 * @param options What to run and how.
 * @returns Counts for the run.
 * @throws {ResultsError} When an item is bad (before any request).
 * @throws {Error} On a fatal server answer (401, 403, 404), or when the
 *   first max(8, concurrency) pairs all fail after their retries before any
 *   answer, after in-flight requests settle; answers and failures so far
 *   stay in the journal. When another running process holds the journal's
 *   lock.
 * @throws {TypeError} When the endpoint is not an http(s) URL.
 *
 * @example Usage
 * ```ts ignore
 * import { runEvaluation } from "./run.ts";
 * const summary = await runEvaluation({
 *   items: "data/benchmark", model: "qwen2.5-vl-7b",
 *   endpoint: "http://localhost:8000/v1", out: "out/qwen/predictions.jsonl",
 * });
 * console.log(summary.answered, summary.failed);
 * ```
 */
export async function runEvaluation(
  options: EvaluationOptions,
): Promise<EvaluationSummary> {
  const started = performance.now();
  const o = withDefaults(options);
  assertPromptTemplate(o.promptTemplate);
  const { file, items } = await loadEvalItems(o.items);
  await Deno.mkdir(dirname(resolve(o.out)), { recursive: true });
  const journal = journalPathFor(o.out);
  const release = await acquireRunLock(`${journal}.lock`, journal);
  try {
    return await runLocked(o, file, items, journal, started);
  } finally {
    await release();
  }
}

async function runLocked(
  o: ReturnType<typeof withDefaults>,
  file: string,
  items: Awaited<ReturnType<typeof loadEvalItems>>["items"],
  journal: string,
  started: number,
): Promise<EvaluationSummary> {
  const secrets = o.apiKey ? [o.apiKey] : [];
  const emit = o.onEvent;
  const metaPath = metaPathFor(o.out);
  await checkMeta(metaPath, o);
  const repairedLine = await repairJournal(journal);
  if (repairedLine !== null) {
    emit({
      type: "warning",
      message: `Repaired ${journal}: removed a partial last line of ${
        new TextEncoder().encode(repairedLine).length
      } bytes (${
        JSON.stringify(redact(repairedLine.slice(0, 60), secrets))
      }...); that pair will be asked again`,
    });
  }
  const { records } = await readJournal(journal);
  const index = new Map(items.map((it, i) => [it.itemId, i]));
  records.forEach((r, i) => {
    const where = `Cannot resume from ${journal}, line ${i + 1}`;
    if (r.model !== o.model) {
      throw new TypeError(
        `${where}: model is "${r.model}", expected "${o.model}" (use another --out per model)`,
      );
    }
    if (!index.has(r.item_id)) {
      throw new TypeError(
        `${where}: item "${r.item_id}" is not in ${file} (the items changed; use a new --out)`,
      );
    }
  });
  const { final } = finalRecords(records);
  const tasks: Task[] = [];
  const remaining = new Int32Array(items.length);
  items.forEach((it, i) => {
    for (let t = 1; t <= o.trials; t++) {
      const prev = final.get(pairKey(it.itemId, t));
      if (prev?.status === "ok" || (prev && !o.retryFailed)) continue;
      tasks.push({ item: i, trial: t });
      remaining[i]!++;
    }
  });
  const total = items.length * o.trials;
  emit({
    type: "start",
    total,
    done: total - tasks.length,
    todo: tasks.length,
  });
  await writeMeta(metaPath, o, file, items.length, secrets);

  const writer = openJournal(journal, { fsync: o.fsync });
  const stop = new AbortController();
  const signal = o.signal
    ? AbortSignal.any([o.signal, stop.signal])
    : stop.signal;
  const limiter = createRateLimiter(o.rpm);
  const images = new Map<number, Promise<string>>();
  const summary = {
    answered: 0,
    unparsed: 0,
    failed: 0,
    retries: 0,
    promptTokens: 0,
    completionTokens: 0,
  };
  let fatal: string | null = null;
  let unexpected: unknown = null;
  let next = 0;
  // Pairs that failed (after their retries) before this run's first answer:
  // this many in a row means a wrong endpoint or model, not a bad item.
  const failFast = Math.min(tasks.length, Math.max(8, o.concurrency));
  let failedBeforeFirstAnswer = 0;

  const image = (i: number): Promise<string> => {
    let p = images.get(i);
    if (!p) {
      p = imageDataUrl(items[i]!.imagePath, o.maxImagePx);
      p.catch(() => {});
      images.set(i, p);
    }
    return p;
  };

  const ask = async (task: Task): Promise<void> => {
    const item = items[task.item]!;
    const base = {
      model: o.model,
      item_id: item.itemId,
      trial: task.trial,
    };
    const prng = createPrng(
      hashString(`${o.seed}\u0000${item.itemId}\u0000${task.trial}`),
    );
    let url: string;
    try {
      url = await image(task.item);
    } catch (error) {
      return record(failedRecord(base, 0, 0, String(error), secrets));
    }
    const prompt = buildPrompt(item.question, item.options, o.promptTemplate);
    for (let attempt = 1;; attempt++) {
      await limiter.acquire(signal);
      const t0 = performance.now();
      const res = await requestChatCompletion({
        endpoint: o.endpoint,
        model: o.model,
        apiKey: o.apiKey,
        temperature: o.temperature,
        maxTokens: o.maxTokens,
        prompt,
        imageDataUrl: url,
        timeoutMs: o.timeoutMs,
        signal,
      });
      const latency = Math.round(performance.now() - t0);
      if (res.kind === "ok") {
        return record({
          ...base,
          response: res.response,
          choice: parseChoice(res.response, item.nOptions) ?? "",
          latency_ms: latency,
          prompt_tokens: res.promptTokens,
          completion_tokens: res.completionTokens,
          status: "ok",
          attempts: attempt,
        });
      }
      if (res.kind === "fatal") {
        fatal ??= res.error;
        stop.abort(new Error(res.error));
        return;
      }
      if (res.kind === "fail" || attempt > o.retries) {
        return record(failedRecord(base, latency, attempt, res.error, secrets));
      }
      const delay = Math.max(
        backoffDelay(attempt, o.backoff, prng),
        Math.min(res.retryAfterMs ?? 0, o.maxRetryAfterMs),
      );
      summary.retries++;
      emit({
        type: "retry",
        itemId: item.itemId,
        trial: task.trial,
        attempt,
        error: res.error,
        delayMs: Math.round(delay),
      });
      await sleep(delay, signal);
    }
  };

  const record = (r: JournalRecord): void => {
    writer.append(r);
    if (r.status === "ok") {
      summary.answered++;
      if (r.choice === "") summary.unparsed++;
      summary.promptTokens += r.prompt_tokens ?? 0;
      summary.completionTokens += r.completion_tokens ?? 0;
      emit({ type: "answer", record: r });
    } else {
      summary.failed++;
      emit({ type: "failed", record: r });
      if (summary.answered === 0 && ++failedBeforeFirstAnswer >= failFast) {
        fatal ??=
          `no answer yet, and the first ${failedBeforeFirstAnswer} pairs all failed after their retries (last: ${r.error}); check --endpoint and --model (a rerun asks the failed pairs again)`;
        stop.abort(new Error(fatal));
      }
    }
  };

  const worker = async (): Promise<void> => {
    while (!signal.aborted && next < tasks.length) {
      const task = tasks[next++]!;
      try {
        await ask(task);
      } catch (error) {
        if (!signal.aborted) {
          unexpected ??= error;
          stop.abort(error);
        }
      } finally {
        if (--remaining[task.item]! === 0) images.delete(task.item);
      }
    }
  };

  try {
    const n = Math.min(o.concurrency, Math.max(1, tasks.length));
    await Promise.all(Array.from({ length: n }, worker));
  } finally {
    writer.close();
  }
  if (unexpected !== null) throw unexpected;
  const exported = await exportPredictions(journal, o.out);
  for (const message of exported.warnings) emit({ type: "warning", message });
  if (fatal !== null) {
    throw new Error(
      `Cannot continue evaluating "${o.model}" at ${o.endpoint}: ${fatal} (answers so far are kept in ${journal})`,
    );
  }
  return {
    total,
    resumed: total - tasks.length,
    ...summary,
    aborted: signal.aborted,
    repairedLine,
    journal,
    export: exported,
    elapsedMs: Math.round(performance.now() - started),
  };
}

function failedRecord(
  base: { model: string; item_id: string; trial: number },
  latency: number,
  attempts: number,
  error: string,
  secrets: string[],
): JournalRecord {
  return {
    ...base,
    response: "",
    choice: "",
    latency_ms: latency,
    prompt_tokens: null,
    completion_tokens: null,
    status: "failed",
    attempts,
    error: redact(error, secrets),
  };
}

/** Options with every default filled in. */
export type ResolvedOptions =
  & Required<
    Omit<
      EvaluationOptions,
      "apiKey" | "signal" | "maxTokens" | "rpm" | "apiKeyEnv"
    >
  >
  & {
    apiKey?: string;
    apiKeyEnv?: string;
    signal?: AbortSignal;
    maxTokens?: number;
    rpm: number | null;
    onEvent: (event: EvaluationEvent) => void;
  };

function withDefaults(o: EvaluationOptions): ResolvedOptions {
  const r: ResolvedOptions = {
    ...o,
    trials: o.trials ?? 3,
    temperature: o.temperature ?? 1.0,
    concurrency: o.concurrency ?? 8,
    rpm: o.rpm ?? null,
    timeoutMs: o.timeoutMs ?? 120_000,
    retries: o.retries ?? 5,
    backoff: o.backoff ?? { baseMs: 1000, maxMs: 60_000 },
    maxRetryAfterMs: o.maxRetryAfterMs ?? 300_000,
    maxImagePx: o.maxImagePx ?? 1024,
    promptTemplate: o.promptTemplate ?? DEFAULT_PROMPT_TEMPLATE,
    retryFailed: o.retryFailed ?? true,
    seed: o.seed ?? 0,
    fsync: o.fsync ?? false,
    onEvent: o.onEvent ?? (() => {}),
  };
  const positiveInt = (name: string, v: number) => {
    if (!Number.isInteger(v) || v < 1) {
      throw new RangeError(
        `Cannot evaluate with ${name} ${v}: expected a positive integer`,
      );
    }
  };
  positiveInt("trials", r.trials);
  positiveInt("concurrency", r.concurrency);
  positiveInt("maxImagePx", r.maxImagePx);
  positiveInt("timeoutMs", r.timeoutMs);
  if (!Number.isInteger(r.retries) || r.retries < 0) {
    throw new RangeError(
      `Cannot evaluate with retries ${r.retries}: expected a non-negative integer`,
    );
  }
  if (!(r.temperature >= 0)) {
    throw new RangeError(
      `Cannot evaluate with temperature ${r.temperature}: expected a number >= 0`,
    );
  }
  checkEndpoint(r.endpoint);
  return r;
}

/** An http(s) base URL, e.g. `http://localhost:8000/v1`; else a TypeError. */
function checkEndpoint(endpoint: string): void {
  let url: URL | null = null;
  try {
    url = new URL(endpoint);
  } catch {
    // Reported below.
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new TypeError(
      `Cannot evaluate with endpoint ${
        JSON.stringify(endpoint)
      }: expected an http:// or https:// base URL of an OpenAI-compatible API, e.g. http://localhost:8000/v1`,
    );
  }
}

export type { EvalItem };
