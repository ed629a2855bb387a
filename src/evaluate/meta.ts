/**
 * The run settings recorded beside the predictions (`<out>.meta.json`):
 * everything needed to know how the answers were obtained, never the key.
 *
 * @module
 */

import type { ResolvedOptions } from "./run.ts";
import { redact } from "./redact.ts";

/**
 * The meta file for a predictions path: `<out>.meta.json`.
 *
 * @param out The predictions file.
 * @returns The meta file path.
 *
 * @example Usage
 * ```ts
 * import { metaPathFor } from "./meta.ts";
 * console.assert(metaPathFor("p.jsonl") === "p.jsonl.meta.json");
 * ```
 */
export function metaPathFor(out: string): string {
  return `${out}.meta.json`;
}

/** Settings that change answers: a resumed run must use the same ones. */
const PINNED = [
  "model",
  "temperature",
  "maxTokens",
  "maxImagePx",
  "promptTemplate",
] as const;

function pinned(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(PINNED.map((k) => [k, o[k] ?? null]));
}

/**
 * Refuse to resume a run whose recorded settings differ in anything that
 * changes answers (model, temperature, max tokens, image size, prompt).
 *
 * @param path The meta file (missing: nothing to check).
 * @param o The new run's settings.
 * @returns Nothing; throws on a mismatch.
 * @throws {TypeError} Naming the setting, its recorded and its new value.
 *
 * @example Usage
 * ```ts ignore
 * import { checkMeta } from "./meta.ts";
 * await checkMeta("out/p.jsonl.meta.json", options);
 * ```
 */
export async function checkMeta(
  path: string,
  o: ResolvedOptions,
): Promise<void> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return;
    throw error;
  }
  let old: Record<string, unknown>;
  try {
    old = JSON.parse(text);
  } catch {
    throw new SyntaxError(`Cannot read run settings ${path}: not JSON`);
  }
  const was = pinned(old),
    now = pinned(o as unknown as Record<string, unknown>);
  for (const key of PINNED) {
    if (JSON.stringify(was[key]) !== JSON.stringify(now[key])) {
      throw new TypeError(
        `Cannot resume the run recorded in ${path}: "${key}" was ${
          JSON.stringify(was[key])
        }, now ${
          JSON.stringify(now[key])
        } (use the same settings or a new --out)`,
      );
    }
  }
}

/**
 * Write the run settings (never the key; any echo of it is redacted).
 *
 * @param path The meta file.
 * @param o The run's settings.
 * @param itemsFile The items file read.
 * @param nItems Number of items.
 * @param secrets Strings that must not appear (the key).
 * @returns Nothing.
 *
 * @example Usage
 * ```ts ignore
 * import { writeMeta } from "./meta.ts";
 * await writeMeta("out/p.jsonl.meta.json", options, "items.csv", 10, []);
 * ```
 */
export async function writeMeta(
  path: string,
  o: ResolvedOptions,
  itemsFile: string,
  nItems: number,
  secrets: readonly string[],
): Promise<void> {
  const meta = {
    harness: "medq-deg evaluate",
    updatedAt: new Date().toISOString(),
    model: o.model,
    endpoint: o.endpoint,
    apiKeyEnv: o.apiKeyEnv ?? null,
    itemsFile,
    nItems,
    trials: o.trials,
    temperature: o.temperature,
    maxTokens: o.maxTokens ?? null,
    maxImagePx: o.maxImagePx,
    imageEncoding: "png",
    promptTemplate: o.promptTemplate,
    choiceRule: "FORMAT.md default rule (parseChoice)",
    concurrency: o.concurrency,
    rpm: o.rpm,
    timeoutMs: o.timeoutMs,
    retries: o.retries,
    backoff: o.backoff,
    retryFailed: o.retryFailed,
    seed: o.seed,
  };
  const tmp = `${path}.tmp`;
  await Deno.writeTextFile(
    tmp,
    redact(JSON.stringify(meta, null, 2), secrets) + "\n",
  );
  await Deno.rename(tmp, path);
}
