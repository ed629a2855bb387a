/**
 * A single-pass RFC 4180 tokenizer over UTF-8 bytes (CSV or TSV) that never
 * builds a string for a cell unless asked: cells are byte ranges, integers
 * and keys are read from the bytes directly. Quoted fields may span lines;
 * every record knows the 1-based physical line on which it starts.
 *
 * @module
 */

import type { RecordCursor } from "./_cursor.ts";
import type { KeyTable } from "./_key_table.ts";
import type { ProblemList } from "./problems.ts";

const LF = 10, CR = 13, QUOTE = 34;
const PLAIN = 0, QUOTED = 1, ESCAPED = 2;

const fatal = new TextDecoder("utf-8", { fatal: true });
const lenient = new TextDecoder("utf-8");

/** Cursor over CSV/TSV bytes; reports syntax problems to a list. */
export class DelimitedCursor implements RecordCursor {
  readonly file: string;
  columns: readonly string[] = [];
  line = 0;
  private _b: Uint8Array;
  private _d: number;
  private _pos = 0;
  private _physical = 1;
  private _starts = new Int32Array(64);
  private _ends = new Int32Array(64);
  private _flags = new Uint8Array(64);
  private _problems: ProblemList;
  private _stopped = false;
  /** 1 for the bytes that end an unquoted field: delimiter, LF, quote. */
  private _special = new Uint8Array(256);

  /**
   * Tokenize `bytes` with `delimiter` (a one-byte ASCII character). The
   * header is read at once; `columns` is empty if the file has none.
   */
  constructor(
    file: string,
    bytes: Uint8Array,
    delimiter: string,
    problems: ProblemList,
  ) {
    this.file = file;
    this._b = bytes;
    this._d = delimiter.charCodeAt(0);
    this._special[this._d] = 1;
    this._special[LF] = 1;
    this._special[QUOTE] = 1;
    this._problems = problems;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      this._pos = 3;
    }
    if (this._pos >= bytes.length) {
      problems.add("empty_file", file, 0, "", "", "a header row");
      return;
    }
    const n = this._record();
    if (n < 0) return;
    const names: string[] = [];
    for (let c = 0; c < n; c++) names.push(this.text(c));
    const seen = new Set<string>();
    for (const name of names) {
      if (name === "" || seen.has(name)) {
        problems.add(
          name === "" ? "empty_column_name" : "duplicate_column",
          file,
          this.line,
          name,
          name,
          "unique, non-empty column names in the header",
        );
      }
      seen.add(name);
    }
    this.columns = names;
  }

  private _grow(): void {
    const size = this._starts.length * 2;
    const s = new Int32Array(size), e = new Int32Array(size);
    const f = new Uint8Array(size);
    s.set(this._starts);
    e.set(this._ends);
    f.set(this._flags);
    this._starts = s;
    this._ends = e;
    this._flags = f;
  }

  private _skipLine(): void {
    const b = this._b;
    let pos = this._pos;
    while (pos < b.length && b[pos] !== LF) pos++;
    this._pos = pos + 1;
    this._physical++;
  }

  /** Read one record; its number of fields, 0 at the end, -1 if stopped. */
  private _record(): number {
    const b = this._b, d = this._d, len = b.length;
    const special = this._special;
    for (;;) {
      let pos = this._pos;
      if (this._stopped || pos >= len) return 0;
      const line = this._physical;
      this.line = line;
      if (b[pos] === LF || (b[pos] === CR && b[pos + 1] === LF)) {
        this._problems.add(
          "blank_line",
          this.file,
          line,
          "",
          "",
          "a record (blank lines are not allowed)",
        );
        this._skipLine();
        continue;
      }
      let nf = 0, bad = false;
      for (;;) {
        if (nf === this._starts.length) this._grow();
        let c = pos < len ? b[pos] : LF;
        if (c === QUOTE) {
          const start = ++pos;
          let flag = QUOTED;
          for (;;) {
            if (pos >= len) {
              this._problems.add(
                "unclosed_quote",
                this.file,
                line,
                this.columns[nf] ?? "",
                "",
                'a closing " for the quoted field that starts on this line',
              );
              this._stopped = true;
              this._pos = len;
              return -1;
            }
            c = b[pos];
            if (c === QUOTE) {
              if (b[pos + 1] === QUOTE) {
                flag = ESCAPED;
                pos += 2;
                continue;
              }
              break;
            }
            if (c === LF) this._physical++;
            pos++;
          }
          this._starts[nf] = start;
          this._ends[nf] = pos;
          this._flags[nf] = flag;
          pos++;
          c = pos < len ? b[pos] : LF;
          if (c === CR && b[pos + 1] === LF) c = b[++pos];
          if (c !== d && c !== LF) {
            this._problems.add(
              "bad_quote",
              this.file,
              this._physical,
              this.columns[nf] ?? "",
              lenient.decode(b.subarray(start - 1, Math.min(pos + 1, len))),
              "a delimiter or line end right after a closing quote",
            );
            bad = true;
            this._pos = pos;
            this._skipLine();
            break;
          }
        } else {
          const start = pos;
          while (pos < len && special[b[pos]] === 0) pos++;
          c = pos < len ? b[pos] : LF;
          if (c === QUOTE) {
            this._problems.add(
              "bare_quote",
              this.file,
              this._physical,
              this.columns[nf] ?? "",
              lenient.decode(b.subarray(start, Math.min(pos + 1, len))),
              'no " inside an unquoted field (quote the whole field and double the quote)',
            );
            bad = true;
            this._pos = pos;
            this._skipLine();
            break;
          }
          let end = pos;
          if (c === LF && end > start && b[end - 1] === CR) end--;
          this._starts[nf] = start;
          this._ends[nf] = end;
          this._flags[nf] = PLAIN;
        }
        nf++;
        if (c === d) {
          pos++;
          continue;
        }
        this._pos = pos + 1;
        this._physical++;
        break;
      }
      if (bad) continue;
      return nf;
    }
  }

  get fraction(): number {
    const n = this._b.length;
    return n === 0 ? 1 : Math.min(1, this._pos / n);
  }

  next(): boolean {
    const want = this.columns.length;
    for (;;) {
      const n = this._record();
      if (n <= 0) return false;
      if (n === want) return true;
      this._problems.add(
        "field_count",
        this.file,
        this.line,
        "",
        `${n} fields`,
        `${want} fields, as in the header`,
      );
    }
  }

  text(c: number): string {
    const b = this._b, s = this._starts[c], e = this._ends[c];
    if (s === e) return "";
    let out = "";
    let ascii = e - s <= 24;
    if (ascii) {
      for (let i = s; i < e; i++) {
        const x = b[i];
        if (x >= 128) {
          ascii = false;
          break;
        }
        out += String.fromCharCode(x);
      }
    }
    if (!ascii) {
      try {
        out = fatal.decode(b.subarray(s, e));
      } catch {
        out = lenient.decode(b.subarray(s, e));
        this._problems.add(
          "bad_utf8",
          this.file,
          this.line,
          this.columns[c] ?? "",
          out,
          "valid UTF-8 text",
        );
      }
    }
    return this._flags[c] === ESCAPED ? out.replaceAll('""', '"') : out;
  }

  isEmpty(c: number): boolean {
    return this._starts[c] === this._ends[c];
  }

  uint(c: number): number {
    const b = this._b, s = this._starts[c], e = this._ends[c];
    if (s === e) return -1;
    let v = 0;
    for (let i = s; i < e; i++) {
      const digit = b[i] - 48;
      if (digit < 0 || digit > 9) return -1;
      v = v * 10 + digit;
    }
    return v;
  }

  letter(c: number): number {
    const s = this._starts[c], e = this._ends[c];
    if (s === e) return -1;
    if (e - s === 1 && this._b[s] < 128) return this._b[s];
    return -2;
  }

  lookup(c: number, keys: KeyTable): number {
    if (this._flags[c] === ESCAPED) return keys.findString(this.text(c));
    return keys.findBytes(this._b, this._starts[c], this._ends[c]);
  }
}
