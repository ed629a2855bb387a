/**
 * A forward-only cursor over the records of a table, whatever its encoding:
 * loaders and checkers read cells through it, so CSV, TSV, JSONL and
 * in-memory rows obey the very same rules.
 *
 * @module
 */

import type { KeyTable } from "./_key_table.ts";
import type { ProblemList } from "./problems.ts";

/** Cell access to the current record of a table. */
export interface RecordCursor {
  /** The file (or label) for messages. */
  readonly file: string;
  /** Column names (header order). */
  readonly columns: readonly string[];
  /** 1-based physical line on which the current record starts. */
  line: number;
  /** Share of the input consumed so far, from 0 to 1. */
  readonly fraction: number;
  /** Advance to the next record; `false` at the end. */
  next(): boolean;
  /** The cell as a string (`""` when empty or missing). */
  text(c: number): string;
  /** Whether the cell is empty. */
  isEmpty(c: number): boolean;
  /** The cell as a non-negative integer if it is only ASCII digits, else -1. */
  uint(c: number): number;
  /** The char code if the cell is one ASCII character, -1 if empty, -2 otherwise. */
  letter(c: number): number;
  /** Index of the cell's value in `keys`, or -1. */
  lookup(c: number, keys: KeyTable): number;
}

/** Parse a string of ASCII digits (`"01"` = 1); -1 for anything else. */
export function parseUint(s: string): number {
  if (s.length === 0) return -1;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * A cursor over records given as objects (JSONL lines or in-memory rows).
 * Values may be strings or finite numbers; `null` or a missing key is empty;
 * `options` may be an array of strings (kept as JSON). Cells are converted
 * when read, so the objects are the only copy of the data in memory.
 */
export class ObjectCursor implements RecordCursor {
  readonly file: string;
  readonly columns: readonly string[];
  line = 0;
  #objects: Record<string, unknown>[];
  #lines: number[];
  #i = -1;
  #row: Record<string, unknown> = {};

  /**
   * Check `objects` (one per record, `lines[i]` its line number), reporting
   * bad records and values to `problems`; `baseColumns` come first and exist
   * even if no object has them. With `arrayOptions` (JSONL files), a
   * non-empty `options` must be a real array, not JSON text.
   */
  constructor(
    file: string,
    objects: readonly unknown[],
    lines: readonly number[],
    problems: ProblemList,
    baseColumns: readonly string[] = [],
    arrayOptions = false,
  ) {
    this.file = file;
    const columns: string[] = [...baseColumns];
    const known = new Set(columns);
    const kept: Record<string, unknown>[] = [];
    const keptLines: number[] = [];
    for (let r = 0; r < objects.length; r++) {
      const o = objects[r];
      if (typeof o !== "object" || o === null || Array.isArray(o)) {
        problems.add(
          "bad_record",
          file,
          lines[r],
          "",
          String(JSON.stringify(o)),
          "an object with the columns as keys",
        );
        continue;
      }
      const row = o as Record<string, unknown>;
      for (const k of Object.keys(row)) {
        if (!known.has(k)) {
          known.add(k);
          columns.push(k);
        }
        const v = row[k];
        const textOptions = arrayOptions && k === "options" &&
          typeof v === "string" && v !== "";
        if (textOptions || cellOf(v, k) === null) {
          problems.add(
            "bad_value",
            file,
            lines[r],
            k,
            String(JSON.stringify(v)),
            k === "options"
              ? "an array of strings"
              : "a string, a finite number or null",
          );
        }
      }
      kept.push(row);
      keptLines.push(lines[r]);
    }
    this.columns = columns;
    this.#objects = kept;
    this.#lines = keptLines;
  }

  get fraction(): number {
    const n = this.#objects.length;
    return n === 0 ? 1 : Math.min(1, Math.max(0, this.#i) / n);
  }
  next(): boolean {
    if (++this.#i >= this.#objects.length) return false;
    this.#row = this.#objects[this.#i];
    this.line = this.#lines[this.#i];
    return true;
  }
  text(c: number): string {
    const name = this.columns[c];
    return cellOf(this.#row[name], name) ?? "";
  }
  isEmpty(c: number): boolean {
    return this.text(c) === "";
  }
  uint(c: number): number {
    return parseUint(this.text(c));
  }
  letter(c: number): number {
    const s = this.text(c);
    if (s.length === 0) return -1;
    return s.length === 1 && s.charCodeAt(0) < 128 ? s.charCodeAt(0) : -2;
  }
  lookup(c: number, keys: KeyTable): number {
    return keys.findString(this.text(c));
  }
}

/** A value as cell text, or `null` if it is not allowed in a cell. */
function cellOf(v: unknown, key: string): string | null {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (
    key === "options" && Array.isArray(v) &&
    v.every((s) => typeof s === "string")
  ) {
    return JSON.stringify(v);
  }
  return null;
}
