/**
 * Turn a run's journal into a FORMAT.md predictions file.
 *
 * @module
 */

import { finalRecords, readJournal } from "./journal.ts";

/** What {@linkcode exportPredictions} wrote. */
export interface ExportSummary {
  /** Prediction rows written (answered pairs, parsed or not). */
  rows: number;
  /** Answers whose letter could not be parsed (`choice` empty). */
  unparsed: number;
  /** Pairs left out because their last attempt failed. */
  failedOmitted: number;
  /** Duplicate answers for the same pair that were ignored. */
  duplicates: number;
  /** Human-readable warnings (failed pairs, duplicates, a partial last line). */
  warnings: string[];
}

/**
 * Write the predictions of a journal as FORMAT.md JSONL (`model`, `item_id`,
 * `trial`, `choice`, `response`, `latency_ms`, `prompt_tokens`,
 * `completion_tokens`), one row per answered (item, trial) pair.
 *
 * Failed pairs are omitted (with a warning count): FORMAT.md treats a
 * missing pair as "not asked", while an empty `choice` would count as a
 * wrong answer, which a transport failure is not. Rerun the evaluation to
 * retry them. The file is written to a temporary name and renamed, so a
 * reader never sees half of it.
 *
 * @param journalPath The run's journal.
 * @param outPath The predictions file to write (`.jsonl`).
 * @returns Counts and warnings.
 *
 * @example Usage
 * ```ts
 * import { exportPredictions } from "./export_predictions.ts";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/j.jsonl`,
 *   '{"model":"m","item_id":"i","trial":1,"response":"B","choice":"B","status":"ok"}\n' +
 *   '{"model":"m","item_id":"i","trial":2,"response":"","choice":"","status":"failed"}\n');
 * const s = await exportPredictions(`${dir}/j.jsonl`, `${dir}/predictions.jsonl`);
 * console.assert(s.rows === 1 && s.failedOmitted === 1);
 * ```
 */
export async function exportPredictions(
  journalPath: string,
  outPath: string,
): Promise<ExportSummary> {
  const journal = await readJournal(journalPath);
  const { final, duplicates } = finalRecords(journal.records);
  const lines: string[] = [];
  let failedOmitted = 0;
  let unparsed = 0;
  for (const r of final.values()) {
    if (r.status === "failed") {
      failedOmitted++;
      continue;
    }
    if (r.choice === "") unparsed++;
    lines.push(JSON.stringify({
      model: r.model,
      item_id: r.item_id,
      trial: r.trial,
      choice: r.choice,
      response: r.response,
      latency_ms: r.latency_ms ?? null,
      prompt_tokens: r.prompt_tokens ?? null,
      completion_tokens: r.completion_tokens ?? null,
    }));
  }
  const tmp = `${outPath}.tmp`;
  await Deno.writeTextFile(tmp, lines.map((l) => l + "\n").join(""));
  await Deno.rename(tmp, outPath);
  const warnings: string[] = [];
  if (failedOmitted > 0) {
    warnings.push(
      `${failedOmitted} (item, trial) pair(s) failed and are not in ${outPath}: rerun the evaluation to retry them`,
    );
  }
  if (duplicates > 0) {
    warnings.push(
      `${duplicates} duplicate answer(s) in ${journalPath} were ignored (the first answer per pair counts)`,
    );
  }
  if (journal.partialLastLine) {
    warnings.push(
      `${journalPath} ends with a partial line, which was ignored: rerun the evaluation to repair it`,
    );
  }
  return { rows: lines.length, unparsed, failedOmitted, duplicates, warnings };
}
