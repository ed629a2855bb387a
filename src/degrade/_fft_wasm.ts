/**
 * A small WebAssembly SIMD kernel for power-of-two complex FFTs, the
 * transforms behind `_fft.ts` (and so behind the MRI degradations). Complex
 * numbers are float64 pairs (re, im) held as one f64x2 vector in the
 * module's memory; the transform is an iterative Stockham autosort
 * (decimation in frequency, no bit reversal): radix-4 passes, then one
 * radix-2 pass when log2 n is odd, ping-ponging between the row and two
 * scratch rows so the result lands back in the row. A complex product by a
 * twiddle w = c + i·s is `v·[c, c] + swap(v)·[−s, s]` (one lane swap by
 * `i8x16.shuffle`). The twiddles w^k, k < 3n/4, are computed once per
 * length in JavaScript from the angle 2πk/n itself (no recurrences), one
 * table per direction; the inverse scales by 1/n (exact for a power of
 * two) as `numpy.fft.ifft`. One call transforms `rows` consecutive rows.
 *
 * The results agree with fft.js (and the direct DFT) to rounding, not bit
 * for bit. Where WebAssembly SIMD is missing, or when turned off with
 * {@linkcode setFftSimd}, {@linkcode fftWasmRows} returns null and
 * `_fft.ts` uses fft.js. Internal to src/degrade/.
 *
 * The bytes below are `FFT_WAT` compiled with wabt 1.0.39
 * (`wabt.parseWat(name, FFT_WAT, { simd: true }).toBinary({})`);
 * _fft_wasm_test.ts checks they still match the text.
 *
 * @module
 */

import { instantiateBase64 } from "./_wasm.ts";

/** The WebAssembly text of the FFT kernel (kept next to its bytes). */
export const FFT_WAT: string = `(module
  (memory (export "memory") 1)
  ;; One radix-4 Stockham pass over a row of n complex values (16 bytes
  ;; each), sub-transform stride s: for p in [0, n/(4s)) and q in [0, s),
  ;; with t = p·s, j = t + q and a, b, c, d = src[j + k·n/4] (k = 0..3):
  ;; dst[q + 4t + k·s] = w^(k·t) · DFT4(a, b, c, d)_k, the three twiddles
  ;; loaded once per p. $q4: n/4 complex values in bytes (4n); $s16: 16s;
  ;; $tw: the twiddle table, 32 bytes per power w^k: [c, c] and [-s, s];
  ;; $sign: the sign bit of the lane to negate after the swap that
  ;; multiplies by -i (forward) or +i (inverse).
  (func $radix4 (param $src i32) (param $dst i32) (param $tw i32)
    (param $q4 i32) (param $s16 i32) (param $sign v128)
    (local $tb i32) (local $pa i32) (local $po i32) (local $qend i32) (local $w i32)
    (local $w1c v128) (local $w1s v128) (local $w2c v128) (local $w2s v128)
    (local $w3c v128) (local $w3s v128)
    (local $a v128) (local $b v128) (local $c v128) (local $d v128)
    (local $apc v128) (local $amc v128) (local $bpd v128) (local $jbmd v128)
    (local $x v128)
    (loop $pl
      ;; w^t at tw + 32t = tw + 2·tb, w^2t at tw + 4·tb, w^3t at tw + 6·tb
      (local.set $w (i32.add (local.get $tw) (i32.shl (local.get $tb) (i32.const 1))))
      (local.set $w1c (v128.load (local.get $w)))
      (local.set $w1s (v128.load offset=16 (local.get $w)))
      (local.set $w (i32.add (local.get $w) (i32.shl (local.get $tb) (i32.const 1))))
      (local.set $w2c (v128.load (local.get $w)))
      (local.set $w2s (v128.load offset=16 (local.get $w)))
      (local.set $w (i32.add (local.get $w) (i32.shl (local.get $tb) (i32.const 1))))
      (local.set $w3c (v128.load (local.get $w)))
      (local.set $w3s (v128.load offset=16 (local.get $w)))
      (local.set $pa (i32.add (local.get $src) (local.get $tb)))
      (local.set $qend (i32.add (local.get $pa) (local.get $s16)))
      (local.set $po (i32.add (local.get $dst) (i32.shl (local.get $tb) (i32.const 2))))
      (loop $ql
        (local.set $a (v128.load (local.get $pa)))
        (local.set $b (v128.load (i32.add (local.get $pa) (local.get $q4))))
        (local.set $c (v128.load (i32.add (local.get $pa) (i32.shl (local.get $q4) (i32.const 1)))))
        (local.set $d (v128.load (i32.add (local.get $pa) (i32.mul (local.get $q4) (i32.const 3)))))
        (local.set $apc (f64x2.add (local.get $a) (local.get $c)))
        (local.set $amc (f64x2.sub (local.get $a) (local.get $c)))
        (local.set $bpd (f64x2.add (local.get $b) (local.get $d)))
        (local.set $x (f64x2.sub (local.get $b) (local.get $d)))
        (local.set $jbmd (v128.xor (local.get $sign)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $x) (local.get $x))))
        (v128.store (local.get $po) (f64x2.add (local.get $apc) (local.get $bpd)))
        (local.set $x (f64x2.sub (local.get $amc) (local.get $jbmd)))
        (v128.store (i32.add (local.get $po) (local.get $s16))
          (f64x2.add (f64x2.mul (local.get $x) (local.get $w1c))
            (f64x2.mul (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $x) (local.get $x))
              (local.get $w1s))))
        (local.set $x (f64x2.sub (local.get $apc) (local.get $bpd)))
        (v128.store (i32.add (local.get $po) (i32.shl (local.get $s16) (i32.const 1)))
          (f64x2.add (f64x2.mul (local.get $x) (local.get $w2c))
            (f64x2.mul (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $x) (local.get $x))
              (local.get $w2s))))
        (local.set $x (f64x2.add (local.get $amc) (local.get $jbmd)))
        (v128.store (i32.add (local.get $po) (i32.mul (local.get $s16) (i32.const 3)))
          (f64x2.add (f64x2.mul (local.get $x) (local.get $w3c))
            (f64x2.mul (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $x) (local.get $x))
              (local.get $w3s))))
        (local.set $pa (i32.add (local.get $pa) (i32.const 16)))
        (local.set $po (i32.add (local.get $po) (i32.const 16)))
        (br_if $ql (i32.lt_u (local.get $pa) (local.get $qend))))
      (local.set $tb (i32.add (local.get $tb) (local.get $s16)))
      (br_if $pl (i32.lt_u (local.get $tb) (local.get $q4)))))
  ;; The last radix-2 pass (s = n/2, every twiddle 1), two butterflies per
  ;; sweep: dst[j] = a + b, dst[j + n/2] = a - b with a = src[j],
  ;; b = src[j + n/2]; $half: n/2 complex values in bytes (8n). May work in
  ;; place (src = dst).
  (func $radix2 (param $src i32) (param $dst i32) (param $half i32)
    (local $jb i32) (local $pa i32) (local $pd i32)
    (local $a v128) (local $b v128) (local $c v128) (local $d v128)
    (if (i32.eq (local.get $half) (i32.const 16))
      (then
        (local.set $a (v128.load (local.get $src)))
        (local.set $b (v128.load offset=16 (local.get $src)))
        (v128.store (local.get $dst) (f64x2.add (local.get $a) (local.get $b)))
        (v128.store offset=16 (local.get $dst) (f64x2.sub (local.get $a) (local.get $b)))
        (return)))
    (loop $l
      (local.set $pa (i32.add (local.get $src) (local.get $jb)))
      (local.set $pd (i32.add (local.get $dst) (local.get $jb)))
      (local.set $a (v128.load (local.get $pa)))
      (local.set $c (v128.load offset=16 (local.get $pa)))
      (local.set $pa (i32.add (local.get $pa) (local.get $half)))
      (local.set $b (v128.load (local.get $pa)))
      (local.set $d (v128.load offset=16 (local.get $pa)))
      (v128.store (local.get $pd) (f64x2.add (local.get $a) (local.get $b)))
      (v128.store offset=16 (local.get $pd) (f64x2.add (local.get $c) (local.get $d)))
      (local.set $pd (i32.add (local.get $pd) (local.get $half)))
      (v128.store (local.get $pd) (f64x2.sub (local.get $a) (local.get $b)))
      (v128.store offset=16 (local.get $pd) (f64x2.sub (local.get $c) (local.get $d)))
      (local.set $jb (i32.add (local.get $jb) (i32.const 32)))
      (br_if $l (i32.lt_u (local.get $jb) (local.get $half)))))
  ;; row[i] *= scale for the 2n float64 of a row ($bytes = 16n, n >= 2).
  (func $scale (param $row i32) (param $bytes i32) (param $scale f64)
    (local $p i32) (local $end i32) (local $v v128)
    (local.set $v (f64x2.splat (local.get $scale)))
    (local.set $p (local.get $row))
    (local.set $end (i32.add (local.get $row) (local.get $bytes)))
    (loop $l
      (v128.store (local.get $p) (f64x2.mul (local.get $v) (v128.load (local.get $p))))
      (v128.store offset=16 (local.get $p)
        (f64x2.mul (local.get $v) (v128.load offset=16 (local.get $p))))
      (local.set $p (i32.add (local.get $p) (i32.const 32)))
      (br_if $l (i32.lt_u (local.get $p) (local.get $end)))))
  ;; Transform $rows consecutive rows of $n complex values (n a power of
  ;; two, n >= 2) at $data in place: forward (w = exp(-2πi/n), $inv = 0) or
  ;; inverse (w = exp(+2πi/n), $inv = 1, then every value times $scale).
  ;; $tw: the table of the direction; $a, $b: two scratch rows of 16n bytes.
  (func (export "fft")
    (param $data i32) (param $rows i32) (param $n i32) (param $tw i32)
    (param $a i32) (param $b i32) (param $inv i32) (param $scale f64)
    (local $log i32) (local $passes i32) (local $k i32) (local $r i32)
    (local $row i32) (local $cur i32) (local $dst i32) (local $s16 i32)
    (local $bytes i32) (local $sign v128)
    (local.set $log (i32.ctz (local.get $n)))
    (local.set $passes (i32.shr_u (local.get $log) (i32.const 1)))
    (local.set $bytes (i32.shl (local.get $n) (i32.const 4)))
    (local.set $sign (select (result v128)
      (v128.const i64x2 0 0x8000000000000000)
      (v128.const i64x2 0x8000000000000000 0)
      (local.get $inv)))
    (local.set $row (local.get $data))
    (block $done
      (loop $rowl
        (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $cur (local.get $row))
        (local.set $s16 (i32.const 16))
        (local.set $k (i32.const 0))
        (block $r4done
          (loop $r4
            (br_if $r4done (i32.ge_u (local.get $k) (local.get $passes)))
            ;; the last pass writes the row, the others alternate a and b
            (local.set $dst
              (select (local.get $row)
                (select (local.get $b) (local.get $a)
                  (i32.eq (local.get $cur) (local.get $a)))
                (i32.and
                  (i32.eq (i32.add (local.get $k) (i32.const 1)) (local.get $passes))
                  (i32.eqz (i32.and (local.get $log) (i32.const 1))))))
            (call $radix4 (local.get $cur) (local.get $dst) (local.get $tw)
              (i32.shl (local.get $n) (i32.const 2))
              (local.get $s16) (local.get $sign))
            (local.set $cur (local.get $dst))
            (local.set $s16 (i32.shl (local.get $s16) (i32.const 2)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $r4)))
        (if (i32.and (local.get $log) (i32.const 1))
          (then (call $radix2 (local.get $cur) (local.get $row)
            (i32.shl (local.get $n) (i32.const 3)))))
        (if (local.get $inv)
          (then (call $scale (local.get $row) (local.get $bytes) (local.get $scale))))
        (local.set $row (i32.add (local.get $row) (local.get $bytes)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rowl)))))`;

const FFT_WASM_BASE64 =
  "AGFzbQEAAAABIQRgBn9/f39/ewBgA39/fwBgA39/fABgCH9/f39/f398AAMFBAABAgMFAwEAAQcQAgZtZW1vcnkCAANmZnQAAwqpBwS8AwIFfw97A0AgAiAGQQF0aiEKIAr9AAQAIQsgCv0ABBAhDCAKIAZBAXRqIQogCv0ABAAhDSAK/QAEECEOIAogBkEBdGohCiAK/QAEACEPIAr9AAQQIRAgACAGaiEHIAcgBGohCSABIAZBAnRqIQgDQCAH/QAEACERIAcgA2r9AAQAIRIgByADQQF0av0ABAAhEyAHIANBA2xq/QAEACEUIBEgE/3wASEVIBEgE/3xASEWIBIgFP3wASEXIBIgFP3xASEZIAUgGSAZ/Q0ICQoLDA0ODwABAgMEBQYH/VEhGCAIIBUgF/3wAf0LBAAgFiAY/fEBIRkgCCAEaiAZIAv98gEgGSAZ/Q0ICQoLDA0ODwABAgMEBQYHIAz98gH98AH9CwQAIBUgF/3xASEZIAggBEEBdGogGSAN/fIBIBkgGf0NCAkKCwwNDg8AAQIDBAUGByAO/fIB/fAB/QsEACAWIBj98AEhGSAIIARBA2xqIBkgD/3yASAZIBn9DQgJCgsMDQ4PAAECAwQFBgcgEP3yAf3wAf0LBAAgB0EQaiEHIAhBEGohCCAHIAlJDQALIAYgBGohBiAGIANJDQALC7oBAgN/BHsgAkEQRgRAIAD9AAQAIQYgAP0ABBAhByABIAYgB/3wAf0LBAAgASAGIAf98QH9CwQQDwsDQCAAIANqIQQgASADaiEFIAT9AAQAIQYgBP0ABBAhCCAEIAJqIQQgBP0ABAAhByAE/QAEECEJIAUgBiAH/fAB/QsEACAFIAggCf3wAf0LBBAgBSACaiEFIAUgBiAH/fEB/QsEACAFIAggCf3xAf0LBBAgA0EgaiEDIAMgAkkNAAsLSgICfwF7IAL9FCEFIAAhAyAAIAFqIQQDQCADIAUgA/0ABAD98gH9CwQAIAMgBSAD/QAEEP3yAf0LBBAgA0EgaiEDIAMgBEkNAAsL4QECCX8BeyACaCEIIAhBAXYhCSACQQR0IRD9DAAAAAAAAAAAAAAAAAAAAID9DAAAAAAAAACAAAAAAAAAAAAgBhwBeyERIAAhDAJAA0AgCyABTw0BIAwhDUEQIQ9BACEKAkADQCAKIAlPDQEgDCAFIAQgDSAERhsgCkEBaiAJRiAIQQFxRXEbIQ4gDSAOIAMgAkECdCAPIBEQACAOIQ0gD0ECdCEPIApBAWohCgwACwsgCEEBcQRAIA0gDCACQQN0EAELIAYEQCAMIBAgBxACCyAMIBBqIQwgC0EBaiELDAALCws=";

interface Kernel {
  memory: WebAssembly.Memory;
  fft(
    data: number,
    rows: number,
    n: number,
    tw: number,
    a: number,
    b: number,
    inv: number,
    scale: number,
  ): void;
}

const MAX_BYTES = 256 * 1024 * 1024;

let kernel: Kernel | null | undefined;
let enabled = true;
/** The length whose twiddle tables sit at the start of the memory (0: none). */
let tabled = 0;
/** Bumped by every {@linkcode fftWasmRows}: older row sets are stale. */
let generation = 0;

function load(): Kernel | null {
  // Null without WebAssembly SIMD: _fft.ts uses fft.js.
  if (kernel === undefined) kernel = instantiateBase64<Kernel>(FFT_WASM_BASE64);
  return kernel;
}

/**
 * Turn the WebAssembly kernel off (or back on), so tests can run both the
 * SIMD path and the fft.js fallback.
 *
 * @param on Whether {@linkcode fftWasmRows} may use the kernel.
 *
 * @example Usage
 * ```ts
 * import { setFftSimd } from "./_fft_wasm.ts";
 * setFftSimd(false);
 * setFftSimd(true);
 * ```
 */
export function setFftSimd(on: boolean): void {
  enabled = on;
}

/**
 * Whether the WebAssembly kernel is in use: available here and not turned
 * off with {@linkcode setFftSimd}.
 *
 * @returns True when {@linkcode fftWasmRows} returns row sets for powers
 * of two.
 *
 * @example Usage
 * ```ts
 * import { fftSimdEnabled } from "./_fft_wasm.ts";
 * console.assert(typeof fftSimdEnabled() === "boolean");
 * ```
 */
export function fftSimdEnabled(): boolean {
  return enabled && load() !== null;
}

/** Rows of complex values in the kernel's memory, transformed in place. */
export interface FftWasmRows {
  /**
   * The `rows · n` complex values, interleaved: value k of row r at
   * `[2(r·n + k)]` (re) and `[2(r·n + k) + 1]` (im). NOT zeroed on
   * creation (it holds whatever earlier transforms left). Valid until the
   * next {@linkcode fftWasmRows} call.
   */
  readonly data: Float64Array;
  /** Forward DFT of every row (as `numpy.fft.fft`). */
  forward(): void;
  /** Inverse DFT of every row, scaled by 1/n (as `numpy.fft.ifft`). */
  inverse(): void;
}

/** The twiddle tables of length n: forward then inverse, 3n/4 powers each. */
function twiddles(n: number): Float64Array {
  const count = Math.max(1, (3 * n) >> 2);
  const table = new Float64Array(8 * count);
  for (let k = 0; k < count; k++) {
    const angle = (2 * Math.PI * k) / n;
    const c = Math.cos(angle), s = Math.sin(angle);
    // forward w^k = c − i·s: [c, c], [s, −s]; inverse c + i·s: [c, c], [−s, s]
    table.set([c, c, s, -s], 4 * k);
    table.set([c, c, -s, s], 4 * (count + k));
  }
  return table;
}

const tables = new Map<number, Float64Array>();

/**
 * Take `rows` rows of `n` complex values in the kernel's memory, or null
 * when the kernel is unavailable or turned off, `n` is not a power of two
 * (at least 2), or the rows would take more than 256 MiB (the memory never
 * shrinks). Row sets taken earlier become stale: their `data` must not be
 * used and their transforms throw.
 *
 * @param n Values per row (a power of two).
 * @param rows Number of rows.
 * @returns The rows, or null (then transform with fft.js).
 *
 * @example Usage
 * ```ts
 * import { fftWasmRows } from "./_fft_wasm.ts";
 * const z = fftWasmRows(4, 1);
 * if (z) {
 *   z.data.set([1, 0, 1, 0, 1, 0, 1, 0]);
 *   z.forward();
 *   console.assert(z.data[0] === 4 && z.data[2] === 0);
 * }
 * ```
 */
export function fftWasmRows(n: number, rows: number): FftWasmRows | null {
  const k = enabled ? load() : null;
  if (
    !k || !Number.isInteger(n) || n < 2 || (n & (n - 1)) !== 0 ||
    !Number.isInteger(rows) || rows < 0
  ) {
    return null;
  }
  let table = tables.get(n);
  if (!table) {
    table = twiddles(n);
    tables.set(n, table);
  }
  const tableBytes = table.length * 8;
  const rowBytes = 16 * n;
  const need = tableBytes + 2 * rowBytes + rows * rowBytes;
  if (need > MAX_BYTES) return null;
  const have = k.memory.buffer.byteLength;
  if (need > have) {
    try {
      k.memory.grow(Math.ceil((need - have) / 65536));
    } catch {
      return null;
    }
  }
  const buffer = k.memory.buffer;
  if (tabled !== n) {
    new Float64Array(buffer, 0, table.length).set(table);
    tabled = n;
  }
  const mine = ++generation;
  const fwd = 0, inv = tableBytes / 2;
  const a = tableBytes, b = a + rowBytes, at = b + rowBytes;
  const data = new Float64Array(buffer, at, 2 * n * rows);
  const run = (inverse: boolean) => {
    if (mine !== generation) {
      throw new Error(
        `Cannot transform ${rows} rows of ${n} values: a later fftWasmRows() call took the kernel's memory (expected the most recent row set)`,
      );
    }
    if (rows > 0) {
      k.fft(at, rows, n, inverse ? inv : fwd, a, b, inverse ? 1 : 0, 1 / n);
    }
  };
  return {
    data,
    forward: () => run(false),
    inverse: () => run(true),
  };
}
