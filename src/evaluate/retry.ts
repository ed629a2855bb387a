/**
 * Retry timing: exponential backoff with seeded jitter, and the HTTP
 * `Retry-After` header.
 *
 * @module
 */

import type { Prng } from "../random/prng.ts";

/** How retries are spaced. */
export interface BackoffOptions {
  /** Delay before the first retry, in milliseconds. */
  baseMs: number;
  /** Upper bound on any backoff delay, in milliseconds. */
  maxMs: number;
}

/**
 * The delay before retry number `attempt` (1 = first retry): "equal jitter",
 * uniform in [d/2, d) where d = min(maxMs, baseMs * 2^(attempt-1)).
 *
 * @param attempt The 1-based retry number.
 * @param options Base and maximum delay.
 * @param prng The seeded source of the jitter.
 * @returns The delay in milliseconds.
 * @throws {RangeError} When `attempt` is not a positive integer.
 *
 * @example Usage
 * ```ts
 * import { backoffDelay } from "./retry.ts";
 * import { createPrng } from "../random/prng.ts";
 * const d = backoffDelay(3, { baseMs: 100, maxMs: 10_000 }, createPrng(1));
 * console.assert(d >= 200 && d < 400);
 * ```
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  prng: Prng,
): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(
      `Cannot compute a backoff for attempt ${attempt}: expected a positive integer`,
    );
  }
  const d = Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 1));
  return d / 2 + prng.next() * (d / 2);
}

/**
 * Parse an HTTP `Retry-After` header value: delay-seconds or an HTTP date.
 *
 * @param value The header value, or `null` when absent.
 * @param now The current time in epoch milliseconds.
 * @returns The delay in milliseconds (0 for a date in the past), or `null`
 *   when absent or unparseable.
 *
 * @example Seconds and dates
 * ```ts
 * import { parseRetryAfter } from "./retry.ts";
 * console.assert(parseRetryAfter("2", 0) === 2000);
 * const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
 * console.assert(parseRetryAfter("Wed, 21 Oct 2015 07:28:03 GMT", now) === 3000);
 * console.assert(parseRetryAfter("soon", now) === null);
 * ```
 */
export function parseRetryAfter(
  value: string | null,
  now: number,
): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/**
 * A 32-bit hash of a string (FNV-1a), used to derive per-request seeds so
 * jitter does not depend on scheduling order.
 *
 * @param text Any string.
 * @returns An unsigned 32-bit integer.
 *
 * @example Usage
 * ```ts
 * import { hashString } from "./retry.ts";
 * console.assert(hashString("a") === hashString("a"));
 * console.assert(hashString("a") !== hashString("b"));
 * ```
 */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}
