/**
 * `deno task evaluate`: ask a model served behind an OpenAI-compatible API
 * every item of a results directory, journaling answers as they arrive, and
 * write FORMAT.md predictions.
 *
 * Exit codes: 0 every pair answered; 2 bad input or a fatal server answer
 * (nothing sent for bad items); 3 finished with failed pairs (rerun to
 * retry them); 130 interrupted (rerun to resume).
 *
 * @module
 */

import { integerOption, parseArgs, runMain, UsageError } from "./_args.ts";
import { progress } from "./_progress.ts";
import {
  type EvaluationEvent,
  journalPathFor,
  runEvaluation,
} from "../evaluate/run.ts";
import { redact } from "../evaluate/redact.ts";

const USAGE = "deno task evaluate --items DIR --model ID --endpoint URL " +
  "[--trials 3] [--temperature 1.0] [--max-tokens N] [--concurrency 8] [--rpm N] " +
  "[--timeout S] [--retries N] [--backoff-ms 1000] [--max-image-px 1024] " +
  "[--prompt-template FILE] [--out FILE] [--api-key-env OPENAI_API_KEY] " +
  "[--no-retry-failed] [--seed 0] [--fsync] [--quiet]";

function number(raw: unknown, name: string, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const v = Number(raw);
  if (typeof raw !== "string" || raw.trim() === "" || !(v >= min)) {
    throw new UsageError(
      `Option "--${name}" must be a number >= ${min}, got "${raw}"`,
    );
  }
  return v;
}

function duration(ms: number): string {
  if (!Number.isFinite(ms)) return "?";
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
  return h
    ? `${h}h${String(m).padStart(2, "0")}m`
    : `${m}m${String(s % 60).padStart(2, "0")}s`;
}

async function main(): Promise<number> {
  const args = parseArgs(Deno.args, {
    string: [
      "items",
      "model",
      "endpoint",
      "trials",
      "temperature",
      "max-tokens",
      "concurrency",
      "rpm",
      "timeout",
      "retries",
      "backoff-ms",
      "max-image-px",
      "prompt-template",
      "out",
      "api-key-env",
      "seed",
    ],
    boolean: ["no-retry-failed", "retry-failed", "fsync", "quiet"],
    required: ["items", "model", "endpoint"],
    maxPositional: 0,
    usage: USAGE,
  });
  if (args.options.help) {
    console.log(`Usage: ${USAGE}`);
    return 0;
  }
  const o = args.options as Record<string, string | undefined>;
  const keyEnv = o["api-key-env"] ?? "OPENAI_API_KEY";
  const apiKey = Deno.env.get(keyEnv) || undefined;
  if (o["api-key-env"] !== undefined && apiKey === undefined) {
    throw new UsageError(
      `Environment variable "${keyEnv}" (from --api-key-env) is not set`,
    );
  }
  const secrets = apiKey ? [apiKey] : [];
  const model = o.model!;
  const out = o.out ??
    `out/evaluate/${model.replace(/[^\w.-]+/g, "_")}/predictions.jsonl`;
  const promptTemplate = o["prompt-template"] === undefined
    ? undefined
    : await Deno.readTextFile(o["prompt-template"]).catch((e: Error) => {
      throw new UsageError(
        `Cannot read the prompt template "${
          o["prompt-template"]
        }": ${e.message}`,
      );
    });
  const backoffMs = integerOption(args, "backoff-ms", 0) ?? 1000;
  const quiet = args.options.quiet === true;

  const stop = new AbortController();
  let interrupted = false;
  const onSigint = () => {
    if (interrupted) Deno.exit(130);
    interrupted = true;
    console.error(
      "\ninterrupted: stopping; answers so far are journaled, rerun to resume (Ctrl-C again to quit now)",
    );
    stop.abort(new Error("interrupted"));
  };
  Deno.addSignalListener("SIGINT", onSigint);

  const tty = Deno.stderr.isTerminal();
  const enc = new TextEncoder();
  const err = (text: string) => Deno.stderr.writeSync(enc.encode(text));
  const stats = {
    done: 0,
    retries: 0,
    failed: 0,
    todo: 0,
    t0: performance.now(),
  };
  const suffix = () => {
    const s = (performance.now() - stats.t0) / 1000;
    const rate = s > 0 ? stats.done / s : 0;
    const eta = rate > 0 ? ((stats.todo - stats.done) / rate) * 1000 : Infinity;
    return ` ${rate.toFixed(1)}/s ETA ${
      duration(eta)
    } retries ${stats.retries} failed ${stats.failed}`;
  };
  let bar: ReturnType<typeof progress> | null = null;
  let failuresShown = 0;
  const onEvent = (e: EvaluationEvent) => {
    switch (e.type) {
      case "start":
        stats.todo = e.todo;
        stats.t0 = performance.now();
        err(
          `evaluate ${model}: ${e.total} pairs, ${e.done} already answered, ${e.todo} to ask\n`,
        );
        bar = progress("answers", e.todo, {
          tty,
          silent: quiet,
          // Append rate, ETA, retries and failures to each line the bar draws.
          write: (t) =>
            err(
              t === "\n"
                ? t
                : t.endsWith("\n")
                ? t.slice(0, -1) + suffix() + "\n"
                : t + suffix() + "\x1b[K",
            ),
        });
        break;
      case "answer":
        stats.done++;
        bar?.tick();
        break;
      case "failed":
        stats.done++;
        stats.failed++;
        if (failuresShown++ < 20) {
          err(
            `${
              tty ? "\r\x1b[K" : ""
            }failed: item "${e.record.item_id}" trial ${e.record.trial} after ${e.record.attempts} attempt(s): ${e.record.error}\n`,
          );
        }
        bar?.tick();
        break;
      case "retry":
        stats.retries++;
        break;
      case "warning":
        err(`${tty ? "\r\x1b[K" : ""}warning: ${e.message}\n`);
        break;
    }
  };
  let summary;
  try {
    summary = await runEvaluation({
      items: o.items!,
      model,
      endpoint: o.endpoint!,
      out,
      apiKey,
      apiKeyEnv: keyEnv,
      trials: integerOption(args, "trials", 1, 1000),
      temperature: number(o.temperature, "temperature", 0),
      maxTokens: integerOption(args, "max-tokens", 1),
      concurrency: integerOption(args, "concurrency", 1, 4096),
      rpm: number(o.rpm, "rpm", Number.MIN_VALUE) ?? null,
      timeoutMs: o.timeout === undefined
        ? undefined
        : Math.round(number(o.timeout, "timeout", 0.001)! * 1000),
      retries: integerOption(args, "retries", 0, 100),
      backoff: { baseMs: backoffMs, maxMs: Math.max(backoffMs, 60_000) },
      maxImagePx: integerOption(args, "max-image-px", 1),
      promptTemplate,
      retryFailed: args.options["no-retry-failed"] !== true,
      seed: integerOption(args, "seed"),
      fsync: args.options.fsync === true,
      signal: stop.signal,
      onEvent,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const clean = redact(message, secrets);
    throw error instanceof Error && clean === message
      ? error
      : new Error(clean);
  } finally {
    (bar as ReturnType<typeof progress> | null)?.done();
    Deno.removeSignalListener("SIGINT", onSigint);
  }
  if (failuresShown > 20) {
    err(`... and ${failuresShown - 20} more failures (see the journal)\n`);
  }
  const s = summary;
  console.log(
    `answers ${s.answered} (unparsed ${s.unparsed}), failed ${s.failed}, retries ${s.retries}, ` +
      `tokens ${s.promptTokens} prompt + ${s.completionTokens} completion, ` +
      `already answered ${s.resumed}, ${(s.elapsedMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `predictions: ${out} (${s.export.rows} rows, ${s.export.failedOmitted} failed pairs omitted); ` +
      `journal: ${journalPathFor(out)}; settings: ${out}.meta.json`,
  );
  if (s.aborted) return 130;
  return s.export.failedOmitted > 0 ? 3 : 0;
}

if (import.meta.main) await runMain(main);
