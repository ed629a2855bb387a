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
  private _map = new Map<string, number>();
  private _bytes: Uint8Array;
  private _offsets: Int32Array;
  private _slots: Int32Array;
  private _mask: number;
  private _last = -1;

  /** Index `keys` (duplicates keep their first index). */
  constructor(keys: readonly string[]) {
    this.keys = keys;
    const te = new TextEncoder();
    const encoded = keys.map((k) => te.encode(k));
    let total = 0;
    for (const e of encoded) total += e.length;
    this._bytes = new Uint8Array(total);
    this._offsets = new Int32Array(keys.length + 1);
    let at = 0;
    for (let i = 0; i < keys.length; i++) {
      this._bytes.set(encoded[i], at);
      at += encoded[i].length;
      this._offsets[i + 1] = at;
    }
    let size = 16;
    while (size < keys.length * 2) size *= 2;
    this._slots = new Int32Array(size).fill(-1);
    this._mask = size - 1;
    for (let i = 0; i < keys.length; i++) {
      if (this._map.has(keys[i])) continue;
      this._map.set(keys[i], i);
      let slot = this._hash(
        this._bytes,
        this._offsets[i],
        this._offsets[i + 1],
      );
      while (this._slots[slot] !== -1) slot = (slot + 1) & this._mask;
      this._slots[slot] = i;
    }
  }

  private _hash(b: Uint8Array, start: number, end: number): number {
    let h = FNV_OFFSET;
    for (let i = start; i < end; i++) h = Math.imul(h ^ b[i], FNV_PRIME);
    return (h ^ (h >>> 15)) & this._mask;
  }

  private _equals(
    k: number,
    b: Uint8Array,
    start: number,
    end: number,
  ): boolean {
    const o = this._offsets[k];
    if (this._offsets[k + 1] - o !== end - start) return false;
    const kb = this._bytes;
    for (let i = 0; i < end - start; i++) {
      if (kb[o + i] !== b[start + i]) return false;
    }
    return true;
  }

  /** Index of the key whose UTF-8 bytes are `b[start..end)`, or -1. */
  findBytes(b: Uint8Array, start: number, end: number): number {
    const last = this._last;
    if (last >= 0 && this._equals(last, b, start, end)) return last;
    let slot = this._hash(b, start, end);
    for (;;) {
      const k = this._slots[slot];
      if (k === -1) return -1;
      if (this._equals(k, b, start, end)) {
        this._last = k;
        return k;
      }
      slot = (slot + 1) & this._mask;
    }
  }

  /** Index of a key given as a string, or -1. */
  findString(key: string): number {
    return this._map.get(key) ?? -1;
  }
}
