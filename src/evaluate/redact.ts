/**
 * Keep secrets out of anything the harness writes or prints.
 *
 * @module
 */

/**
 * Replace every occurrence of each secret in `text` by `[REDACTED]`.
 * Empty secrets are ignored.
 *
 * @param text Text that may echo a secret (an error body, a message).
 * @param secrets The secrets to hide (e.g. the API key).
 * @returns The text with every secret replaced.
 *
 * @example Usage
 * ```ts
 * import { redact } from "./redact.ts";
 * console.assert(redact("Bearer sk-123 bad", ["sk-123"]) === "Bearer [REDACTED] bad");
 * ```
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join("[REDACTED]");
  }
  return out;
}
