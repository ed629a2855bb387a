/**
 * Degrade many files on several threads: {@linkcode degradeBatch} runs
 * {@linkcode degradeFileTo} for each task in this thread or on Web
 * Workers, with the same bytes either way (each task carries its own
 * seed). Used by `deno task degrade` and `deno task build-benchmark`.
 *
 * @module
 */

import {
  type DegradeFileOptions,
  degradeFileTo,
  type DegradeRecord,
  type DegradeTarget,
} from "./files.ts";

/** One input file and the outputs to make from it with one seed. */
export interface DegradeTask {
  /** Input image path. */
  input: string;
  /** Outputs with their id and level, written in this order. */
  targets: DegradeTarget[];
  /** The seed every target draws from. */
  seed: number;
  /** Bit depth, pixel limit, the input as the records name it. */
  options?: DegradeFileOptions;
}

/** Options of {@linkcode degradeBatch}. */
export interface DegradeBatchOptions {
  /**
   * Web Workers to run on (default 1: this thread). More workers than
   * tasks are not started; each worker takes one task at a time.
   */
  workers?: number;
  /** Called after each output is written (in completion order). */
  onWritten?: (record: DegradeRecord) => void;
}

/**
 * Degrade every task's file into its targets, in this thread or on up to
 * `workers` Web Workers; each file is read and decoded once for all its
 * targets. The first error stops the batch and is thrown here (workers are
 * stopped).
 *
 * @param tasks Input files with their targets and seeds.
 * @param options Workers and a progress callback.
 * @returns Each task's records, in task order (then target order).
 *
 * @example Usage
 * ```ts ignore
 * import { degradeBatch } from "./batch.ts";
 * const records = await degradeBatch([
 *   { input: "a.png", targets: [{ output: "a_L2.png", id: "low_dose", level: 2 }], seed: 1 },
 *   { input: "b.png", targets: [{ output: "b_L2.png", id: "low_dose", level: 2 }], seed: 2 },
 * ], { workers: 2 });
 * ```
 */
export async function degradeBatch(
  tasks: readonly DegradeTask[],
  options: DegradeBatchOptions = {},
): Promise<DegradeRecord[][]> {
  const workers = options.workers ?? 1;
  if (!Number.isInteger(workers) || workers < 1) {
    throw new RangeError(
      `Cannot run on ${workers} workers: expected a positive integer`,
    );
  }
  const made: DegradeRecord[][] = new Array(tasks.length);
  const count = Math.min(workers, tasks.length);
  if (count <= 1) {
    for (const [index, t] of tasks.entries()) {
      made[index] = await degradeFileTo(
        t.input,
        t.targets,
        t.seed,
        t.options,
        options.onWritten,
      );
    }
    return made;
  }
  const url = new URL("./_batch_worker.ts", import.meta.url).href;
  const pool = Array.from(
    { length: count },
    () => new Worker(url, { type: "module" }),
  );
  try {
    let next = 0;
    await Promise.all(pool.map((worker) =>
      new Promise<void>((done, fail) => {
        const send = () => {
          if (next >= tasks.length) return done();
          const index = next++;
          worker.postMessage({ index, ...tasks[index]! });
        };
        worker.onmessage = ({ data }: MessageEvent<WorkerAnswer>) => {
          if ("written" in data) options.onWritten?.(data.written);
          else if ("error" in data) fail(new Error(data.error));
          else {
            made[data.index] = data.records;
            send();
          }
        };
        worker.onerror = (event) => {
          event.preventDefault();
          fail(new Error(event.message));
        };
        send();
      })
    ));
  } finally {
    for (const worker of pool) worker.terminate();
  }
  return made;
}

/** A worker's answer (_batch_worker.ts). */
type WorkerAnswer =
  | { index: number; written: DegradeRecord }
  | { index: number; records: DegradeRecord[] }
  | { index: number; error: string };
