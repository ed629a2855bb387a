/**
 * Progress for long work: a redrawn bar on a terminal, a few quiet lines
 * (every 10 %) otherwise. Writes to stderr so stdout stays clean for data.
 *
 * @module
 */

/** A running progress report. */
export interface Progress {
  /** Count `n` more finished units (default 1). */
  tick(n?: number): void;
  /** Finish the report (prints the final state once). */
  done(): void;
}

/** Where and how to draw. */
export interface ProgressOptions {
  /** Draw a bar (default: whether stderr is a terminal). */
  tty?: boolean;
  /** Output sink (default: stderr). */
  write?: (text: string) => void;
  /** Print nothing at all. */
  silent?: boolean;
}

const encoder = new TextEncoder();

function defaultWrite(text: string): void {
  Deno.stderr.writeSync(encoder.encode(text));
}

/**
 * Start a progress report for `total` units of work.
 *
 * @param label What is being done ("degrading").
 * @param total How many units there are (0 is allowed).
 * @param options Output options.
 * @returns An object with `tick(n?)` and `done()`.
 *
 * @example Usage
 * ```ts
 * import { progress } from "./_progress.ts";
 * const lines: string[] = [];
 * const p = progress("work", 4, { tty: false, write: (t) => lines.push(t) });
 * for (let i = 0; i < 4; i++) p.tick();
 * p.done();
 * console.assert(lines.at(-1) === "work: 4/4 (100%)\n");
 * ```
 */
export function progress(
  label: string,
  total: number,
  options: ProgressOptions = {},
): Progress {
  if (!(total >= 0) || !Number.isInteger(total)) {
    throw new RangeError(
      `Cannot track progress of ${total} units: expected a non-negative integer`,
    );
  }
  const write = options.write ?? defaultWrite;
  const tty = options.tty ?? Deno.stderr.isTerminal();
  const silent = options.silent ?? false;
  let count = 0;
  let lastDecile = -1;
  let lastDraw = 0;
  let lastLine = "";
  let finished = false;
  const pct = () => (total === 0 ? 100 : Math.floor((100 * count) / total));
  const line = () => `${label}: ${count}/${total} (${pct()}%)`;
  const draw = (force: boolean) => {
    if (silent) return;
    if (tty) {
      const now = Date.now();
      if (!force && now - lastDraw < 100) return;
      lastDraw = now;
      const width = 30;
      const filled = total === 0 ? width : Math.round((width * count) / total);
      const bar = "#".repeat(filled) + "-".repeat(width - filled);
      write(`\r${label} [${bar}] ${count}/${total} ${pct()}%`);
    } else {
      const decile = Math.floor(pct() / 10);
      if (decile === lastDecile && !force) return;
      lastDecile = decile;
      lastLine = line();
      write(lastLine + "\n");
    }
  };
  return {
    tick(n = 1) {
      if (finished) return;
      count = Math.min(total, count + n);
      draw(false);
    },
    done() {
      if (finished) return;
      finished = true;
      if (silent) return;
      if (tty) {
        draw(true);
        write("\n");
      } else if (lastLine !== line()) {
        draw(true);
      }
    },
  };
}
