/**
 * A lookup table from string keys (item ids, model ids) to their index that
 * can be queried with a byte range of a UTF-8 buffer, so that millions of
 * prediction rows are matched without creating a string per cell.
 *
 * @module
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;

/** Key -> index lookups by string or by UTF-8 bytes (first occurrence wins). */
export class KeyTable {
  /** The keys, by index. */
  readonly keys: readonly string[];
  #map = new Map<string, number>();
  #bytes: Uint8Array;
  #offsets: Int32Array;
  #slots: Int32Array;
  #mask: number;
  #last = -1;

  /** Index `keys` (duplicates keep their first index). */
  constructor(keys: readonly string[]) {
    this.keys = keys;
    const te = new TextEncoder();
    const encoded = keys.map((k) => te.encode(k));
    let total = 0;
    for (const e of encoded) total += e.length;
    this.#bytes = new Uint8Array(total);
    this.#offsets = new Int32Array(keys.length + 1);
    let at = 0;
    for (let i = 0; i < keys.length; i++) {
      this.#bytes.set(encoded[i], at);
      at += encoded[i].length;
      this.#offsets[i + 1] = at;
    }
    let size = 16;
    while (size < keys.length * 2) size *= 2;
    this.#slots = new Int32Array(size).fill(-1);
    this.#mask = size - 1;
    for (let i = 0; i < keys.length; i++) {
      if (this.#map.has(keys[i])) continue;
      this.#map.set(keys[i], i);
      let slot = this.#hash(
        this.#bytes,
        this.#offsets[i],
        this.#offsets[i + 1],
      );
      while (this.#slots[slot] !== -1) slot = (slot + 1) & this.#mask;
      this.#slots[slot] = i;
    }
  }

  #hash(b: Uint8Array, start: number, end: number): number {
    let h = FNV_OFFSET;
    for (let i = start; i < end; i++) h = Math.imul(h ^ b[i], FNV_PRIME);
    return (h ^ (h >>> 15)) & this.#mask;
  }

  #equals(k: number, b: Uint8Array, start: number, end: number): boolean {
    const o = this.#offsets[k];
    if (this.#offsets[k + 1] - o !== end - start) return false;
    const kb = this.#bytes;
    for (let i = 0; i < end - start; i++) {
      if (kb[o + i] !== b[start + i]) return false;
    }
    return true;
  }

  /** Index of the key whose UTF-8 bytes are `b[start..end)`, or -1. */
  findBytes(b: Uint8Array, start: number, end: number): number {
    const last = this.#last;
    if (last >= 0 && this.#equals(last, b, start, end)) return last;
    let slot = this.#hash(b, start, end);
    for (;;) {
      const k = this.#slots[slot];
      if (k === -1) return -1;
      if (this.#equals(k, b, start, end)) {
        this.#last = k;
        return k;
      }
      slot = (slot + 1) & this.#mask;
    }
  }

  /** Index of a key given as a string, or -1. */
  findString(key: string): number {
    return this.#map.get(key) ?? -1;
  }
}
