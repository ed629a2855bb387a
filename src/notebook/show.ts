/**
 * Show values in a Deno Jupyter notebook reliably: figures as SVG, anything
 * else through the kernel's display hook, then a short pause so the output
 * reaches the front end before the cell reports "idle" (headless runs with
 * `jupyter nbconvert --execute` otherwise drop an output now and then).
 *
 * @module
 */
import { display } from "../figures/render.ts";
import type { FigureSvg } from "../figures/types.ts";

/** Options of {@linkcode show}. */
export interface ShowOptions {
  /** Where to send each value (default `Deno.jupyter.display`, or `console.log` of its markup outside a kernel). */
  display?: (value: unknown) => unknown;
  /** Milliseconds to wait after the last value (default 30). */
  settleMs?: number;
}

function isFigure(v: unknown): v is FigureSvg {
  const tag = (v as { tagName?: unknown } | null)?.tagName;
  return typeof tag === "string" && tag.toLowerCase() === "svg";
}

function kernelDisplay(): (value: unknown) => unknown {
  const jupyter = (Deno as unknown as {
    jupyter?: { display(value: unknown): Promise<void> };
  }).jupyter;
  if (jupyter) return (v) => jupyter.display(v);
  return (v) =>
    console.log((v as { outerHTML?: string } | null)?.outerHTML ?? v);
}

/**
 * Display each value in order (an `<svg>` figure element is wrapped with
 * the figures module's `display`), awaiting each, then wait `settleMs`.
 *
 * @param values A value or a list of values (tables from `tableHtml`,
 * figures, strings...).
 * @param options Display function and pause.
 * @returns Nothing; resolves when the values are sent.
 * @throws {RangeError} If `settleMs` is negative or not finite.
 *
 * @example Usage
 * ```ts
 * import { show } from "./show.ts";
 * const seen: unknown[] = [];
 * await show(["a", "b"], { display: (v) => seen.push(v), settleMs: 0 });
 * console.assert(seen.length === 2);
 * ```
 */
export async function show(
  values: unknown,
  options: ShowOptions = {},
): Promise<void> {
  const settle = options.settleMs ?? 30;
  if (!(Number.isFinite(settle) && settle >= 0)) {
    throw new RangeError(
      `Cannot wait ${settle} ms after showing: expected a non-negative number`,
    );
  }
  const send = options.display ?? kernelDisplay();
  for (const v of Array.isArray(values) ? values : [values]) {
    await send(isFigure(v) ? display(v) : v);
  }
  if (settle > 0) await new Promise((r) => setTimeout(r, settle));
}
