/**
 * The append-only JSONL journal of a run: one line per finished (item, trial)
 * attempt sequence, written with a single `write` call on a file opened with
 * `O_APPEND`, so a killed process loses at most its in-flight requests and
 * leaves at worst one partial last line, which {@linkcode repairJournal}
 * truncates.
 *
 * @module
 */

/** One journal line. Keys follow FORMAT.md's predictions columns. */
export interface JournalRecord {
  /** Model id. */
  model: string;
  /** Item id. */
  item_id: string;
  /** 1-based trial. */
  trial: number;
  /** Raw model output (empty when failed). */
  response: string;
  /** Parsed letter, or empty when unparsed or failed. */
  choice: string;
  /** Wall time of the successful (or last) attempt, in milliseconds. */
  latency_ms: number;
  /** Prompt tokens reported by the server, or `null`. */
  prompt_tokens: number | null;
  /** Completion tokens reported by the server, or `null`. */
  completion_tokens: number | null;
  /** `ok` when answered, `failed` after the last retry. */
  status: "ok" | "failed";
  /** Attempts made (1 = no retry). */
  attempts: number;
  /** The last error text (redacted), when failed. */
  error?: string;
}

/** What a journal holds. */
export interface JournalContents {
  /** Every complete record, in file order. */
  records: JournalRecord[];
  /** Whether the file ends with a partial line (not counted in `records`). */
  partialLastLine: boolean;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function invalid(path: string, line: number, what: string): SyntaxError {
  return new SyntaxError(`Cannot read journal ${path}, line ${line}: ${what}`);
}

function checkRecord(
  value: unknown,
  path: string,
  line: number,
): JournalRecord {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalid(path, line, "expected a JSON object");
  }
  const r = value as Record<string, unknown>;
  const want = (key: string, ok: boolean, expected: string) => {
    if (!ok) {
      throw invalid(
        path,
        line,
        `column "${key}" is ${JSON.stringify(r[key])}: expected ${expected}`,
      );
    }
  };
  want("model", typeof r.model === "string" && r.model !== "", "a model id");
  want(
    "item_id",
    typeof r.item_id === "string" && r.item_id !== "",
    "an item id",
  );
  want(
    "trial",
    Number.isInteger(r.trial) && (r.trial as number) >= 1,
    "a 1-based trial",
  );
  want(
    "status",
    r.status === "ok" || r.status === "failed",
    '"ok" or "failed"',
  );
  want(
    "choice",
    typeof r.choice === "string" && /^[A-Z]?$/.test(r.choice),
    "empty or one upper-case letter",
  );
  want("response", typeof r.response === "string", "a string");
  return r as unknown as JournalRecord;
}

/**
 * Read a journal. A missing file reads as empty. A partial last line (no
 * final newline, as left by a killed writer) is reported, not parsed.
 *
 * @param path The journal file.
 * @returns The complete records and whether a partial line follows them.
 * @throws {SyntaxError} On a complete line that is not a valid record,
 *   naming the file and 1-based line.
 *
 * @example Usage
 * ```ts
 * import { readJournal } from "./journal.ts";
 * const path = await Deno.makeTempFile();
 * await Deno.writeTextFile(path, '{"model":"m","item_id":"i","trial":1,"response":"A","choice":"A","status":"ok"}\n{"mod');
 * const j = await readJournal(path);
 * console.assert(j.records.length === 1 && j.partialLastLine);
 * ```
 */
export async function readJournal(path: string): Promise<JournalContents> {
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      return { records: [], partialLastLine: false };
    }
    throw error;
  }
  const text = decoder.decode(bytes);
  const lines = text.split("\n");
  const partialLastLine = lines.at(-1) !== "";
  lines.pop();
  const records = lines.map((line, i) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw invalid(
        path,
        i + 1,
        `${JSON.stringify(line.slice(0, 80))} is not JSON`,
      );
    }
    return checkRecord(value, path, i + 1);
  });
  return { records, partialLastLine };
}

/**
 * Truncate a partial last line (bytes after the final newline), as left by a
 * writer killed mid-write. The partial line is never merged with later lines.
 *
 * @param path The journal file (a missing file is fine).
 * @returns The removed text, or `null` when the file was intact.
 *
 * @example Usage
 * ```ts
 * import { repairJournal } from "./journal.ts";
 * const path = await Deno.makeTempFile();
 * await Deno.writeTextFile(path, '{"a":1}\n{"b"');
 * console.assert(await repairJournal(path) === '{"b"');
 * console.assert(await Deno.readTextFile(path) === '{"a":1}\n');
 * ```
 */
export async function repairJournal(path: string): Promise<string | null> {
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return null;
    throw error;
  }
  if (bytes.length === 0 || bytes[bytes.length - 1] === 10) return null;
  const keep = bytes.lastIndexOf(10) + 1;
  await Deno.truncate(path, keep);
  return decoder.decode(bytes.subarray(keep));
}

/** Appends records to a journal, one `write` call per line. */
export interface JournalWriter {
  /** Append one record as one line (written before this returns). */
  append(record: JournalRecord): void;
  /** Close the file. */
  close(): void;
}

/**
 * Open a journal for appending (`O_APPEND`, created if missing). Each
 * {@linkcode JournalWriter.append} is one `write(2)` of a whole line, so the
 * line reaches the kernel before the call returns and survives a SIGKILL.
 *
 * @param path The journal file.
 * @param options `fsync: true` also syncs data to disk after each line
 *   (survives power loss; slower).
 * @returns The writer.
 *
 * @example Usage
 * ```ts
 * import { openJournal, readJournal } from "./journal.ts";
 * const path = await Deno.makeTempFile();
 * const w = openJournal(path);
 * w.append({ model: "m", item_id: "i", trial: 1, response: "B", choice: "B",
 *   latency_ms: 5, prompt_tokens: null, completion_tokens: null,
 *   status: "ok", attempts: 1 });
 * w.close();
 * console.assert((await readJournal(path)).records[0].choice === "B");
 * ```
 */
export function openJournal(
  path: string,
  options: { fsync?: boolean } = {},
): JournalWriter {
  const file = Deno.openSync(path, { append: true, create: true });
  return {
    append(record: JournalRecord): void {
      const bytes = encoder.encode(JSON.stringify(record) + "\n");
      let written = file.writeSync(bytes);
      // Regular files take the whole buffer; loop only on a short write.
      while (written < bytes.length) {
        written += file.writeSync(bytes.subarray(written));
      }
      if (options.fsync) file.syncDataSync();
    },
    close(): void {
      file.close();
    },
  };
}

/** The state of each (item, trial) pair after reading a journal. */
export interface PairState {
  /** The record that counts per pair key (`item_id` + NUL + trial): the first `ok`, else the last `failed`. */
  final: Map<string, JournalRecord>;
  /** `ok` records beyond the first for the same pair (ignored). */
  duplicates: number;
}

/**
 * The key of an (item, trial) pair in {@linkcode PairState.final}.
 *
 * @param itemId The item id.
 * @param trial The 1-based trial.
 * @returns A string key.
 *
 * @example Usage
 * ```ts
 * import { pairKey } from "./journal.ts";
 * console.assert(pairKey("a", 1) !== pairKey("a", 2));
 * ```
 */
export function pairKey(itemId: string, trial: number): string {
  return `${itemId}\u0000${trial}`;
}

/**
 * Reduce journal records to one per (item, trial): the first `ok` record
 * wins; a pair with only `failed` records keeps its last failure.
 *
 * @param records Journal records in file order.
 * @returns The final record per pair and the count of duplicate `ok` lines.
 *
 * @example Usage
 * ```ts
 * import { finalRecords, pairKey } from "./journal.ts";
 * const base = { model: "m", item_id: "i", trial: 1, latency_ms: 1,
 *   prompt_tokens: null, completion_tokens: null, attempts: 1 };
 * const s = finalRecords([
 *   { ...base, response: "", choice: "", status: "failed" },
 *   { ...base, response: "C", choice: "C", status: "ok" },
 * ]);
 * console.assert(s.final.get(pairKey("i", 1))?.choice === "C");
 * ```
 */
export function finalRecords(records: readonly JournalRecord[]): PairState {
  const final = new Map<string, JournalRecord>();
  let duplicates = 0;
  for (const r of records) {
    const key = pairKey(r.item_id, r.trial);
    const prev = final.get(key);
    if (prev?.status === "ok") {
      if (r.status === "ok") duplicates++;
      continue;
    }
    final.set(key, r);
  }
  return { final, duplicates };
}
