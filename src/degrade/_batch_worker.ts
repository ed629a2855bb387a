/**
 * A worker of {@linkcode degradeBatch} (batch.ts): degrades one input file
 * at a time into its targets with {@linkcode degradeFileTo} and answers
 * `{ index, written }` after each output, `{ index, records }` when the
 * file is done, or `{ index, error }`. Internal to src/degrade/.
 *
 * @module
 */

import { degradeFileTo } from "./files.ts";
import type { DegradeTask } from "./batch.ts";

const scope = self as unknown as {
  onmessage:
    | ((event: MessageEvent<DegradeTask & { index: number }>) => void)
    | null;
  postMessage(message: unknown): void;
};

scope.onmessage = async ({ data: task }) => {
  try {
    const records = await degradeFileTo(
      task.input,
      task.targets,
      task.seed,
      task.options,
      (written) => scope.postMessage({ index: task.index, written }),
    );
    scope.postMessage({ index: task.index, records });
  } catch (error) {
    scope.postMessage({
      index: task.index,
      error: error instanceof Error ? error.message : String(error),
    });
  }
};
