/**
 * A worker of `deno task degrade --jobs N`: degrades one input file at a
 * time into its targets (read once, each target written as the CLI would
 * in process) and answers `{ index, written }` after each output and
 * `{ index, records }` when the file is done, or `{ index, error }`.
 *
 * @module
 */

import {
  type DegradeFileOptions,
  degradeFileTo,
  type DegradeTarget,
} from "../degrade/files.ts";

/** What the CLI sends: one input file and its outputs. */
export interface DegradeTask {
  /** The file's position in the batch (echoed back). */
  index: number;
  /** Input image path. */
  input: string;
  /** Outputs with their id and level. */
  targets: DegradeTarget[];
  /** The file's seed. */
  seed: number;
  /** Bit depth and pixel limit. */
  options: DegradeFileOptions;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<DegradeTask>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = async ({ data: task }) => {
  try {
    const records = await degradeFileTo(
      task.input,
      task.targets,
      task.seed,
      task.options,
      () => scope.postMessage({ index: task.index, written: true }),
    );
    scope.postMessage({ index: task.index, records });
  } catch (error) {
    scope.postMessage({
      index: task.index,
      error: error instanceof Error ? error.message : String(error),
    });
  }
};
