/**
 * A requests-per-minute limiter that spaces request starts evenly.
 *
 * @module
 */

/** Hands out start times no closer than 60 000 / rpm milliseconds apart. */
export interface RateLimiter {
  /** Resolve when the caller may start its next request. */
  acquire(signal?: AbortSignal): Promise<void>;
}

/**
 * Create a limiter for `rpm` requests per minute (`null` or `Infinity`: no
 * limit). Starts are spaced evenly, so bursts never exceed one request.
 *
 * @param rpm Requests per minute, or `null` for no limit.
 * @returns The limiter.
 * @throws {RangeError} When `rpm` is not a positive number.
 *
 * @example Usage
 * ```ts
 * import { createRateLimiter } from "./rate_limiter.ts";
 * const limiter = createRateLimiter(60_000); // one per millisecond
 * const t0 = performance.now();
 * for (let i = 0; i < 5; i++) await limiter.acquire();
 * console.assert(performance.now() - t0 >= 3);
 * ```
 */
export function createRateLimiter(rpm: number | null): RateLimiter {
  if (rpm === null || rpm === Infinity) {
    return { acquire: () => Promise.resolve() };
  }
  if (!(rpm > 0)) {
    throw new RangeError(
      `Cannot limit to ${rpm} requests per minute: expected a positive number`,
    );
  }
  const interval = 60_000 / rpm;
  let next = 0;
  return {
    acquire(signal?: AbortSignal): Promise<void> {
      const now = performance.now();
      const slot = Math.max(now, next);
      next = slot + interval;
      return sleep(slot - now, signal);
    },
  };
}

/**
 * Wait `ms` milliseconds, or reject early when `signal` aborts.
 *
 * @param ms Milliseconds to wait (0 or less resolves at once).
 * @param signal Optional abort signal.
 * @returns A promise resolved after the delay.
 *
 * @example Usage
 * ```ts
 * import { sleep } from "./rate_limiter.ts";
 * await sleep(1);
 * ```
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
