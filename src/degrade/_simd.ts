/**
 * A tiny WebAssembly SIMD kernel for the filters: `accumulate`, the inner
 * loop of the separable Gaussian and the sparse-tap convolution
 * (acc[i] += w[t] · src_t[i], taps in order, four per sweep), two float64
 * lanes at a time. IEEE f64x2 add and multiply round exactly like scalar
 * float64 and WebAssembly never fuses them, so the sums are bit for bit
 * those of the scalar JavaScript loop; it only does them in half the
 * instructions, without bounds checks. Data must live in the module's own
 * memory: a call takes an arena, views on that memory valid until the next
 * arena is taken. Where WebAssembly SIMD is missing the callers fall back
 * to their JavaScript loop. Internal to src/degrade/.
 *
 * The bytes below are `ACCUMULATE_WAT` compiled with wabt 1.0.39
 * (`wabt.parseWat(name, ACCUMULATE_WAT, { simd: true }).toBinary({})`);
 * _simd_test.ts checks they still match the text.
 *
 * @module
 */

/** The WebAssembly text of the kernel (kept next to its bytes). */
export const ACCUMULATE_WAT: string = `(module
  (memory (export "memory") 1)
  ;; acc[i] = acc[i] + w[t] * src_t[i] for i in [0, n), taps t in order,
  ;; four taps per sweep added left to right, two lanes at a time: the same
  ;; float64 operations in the same order as the scalar loop.
  ;; acc: byte address of acc[0]; taps: byte address of an i32 array of the
  ;; byte addresses of src_t[0]; w: byte address of the f64 weights.
  (func (export "accumulate")
    (param $acc i32) (param $taps i32) (param $w i32) (param $count i32) (param $n i32)
    (local $t i32) (local $x i32) (local $end i32) (local $vend i32)
    (local $o0 i32) (local $o1 i32) (local $o2 i32) (local $o3 i32)
    (local $w0 f64) (local $w1 f64) (local $w2 f64) (local $w3 f64)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local $a v128) (local $s f64) (local $p i32) (local $q i32)
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (local.set $vend (i32.and (local.get $end) (i32.const -16)))
    (block $done4
      (loop $taps4
        (br_if $done4 (i32.gt_s (i32.add (local.get $t) (i32.const 4)) (local.get $count)))
        (local.set $p (i32.add (local.get $taps) (i32.shl (local.get $t) (i32.const 2))))
        (local.set $q (i32.add (local.get $w) (i32.shl (local.get $t) (i32.const 3))))
        (local.set $o0 (i32.load (local.get $p)))
        (local.set $o1 (i32.load offset=4 (local.get $p)))
        (local.set $o2 (i32.load offset=8 (local.get $p)))
        (local.set $o3 (i32.load offset=12 (local.get $p)))
        (local.set $w0 (f64.load (local.get $q)))
        (local.set $w1 (f64.load offset=8 (local.get $q)))
        (local.set $w2 (f64.load offset=16 (local.get $q)))
        (local.set $w3 (f64.load offset=24 (local.get $q)))
        (local.set $v0 (f64x2.splat (local.get $w0)))
        (local.set $v1 (f64x2.splat (local.get $w1)))
        (local.set $v2 (f64x2.splat (local.get $w2)))
        (local.set $v3 (f64x2.splat (local.get $w3)))
        (local.set $x (i32.const 0))
        (block $vdone
          (loop $vloop
            (br_if $vdone (i32.ge_u (local.get $x) (local.get $vend)))
            (local.set $a (v128.load (i32.add (local.get $acc) (local.get $x))))
            (local.set $a (f64x2.add (local.get $a)
              (f64x2.mul (local.get $v0) (v128.load (i32.add (local.get $o0) (local.get $x))))))
            (local.set $a (f64x2.add (local.get $a)
              (f64x2.mul (local.get $v1) (v128.load (i32.add (local.get $o1) (local.get $x))))))
            (local.set $a (f64x2.add (local.get $a)
              (f64x2.mul (local.get $v2) (v128.load (i32.add (local.get $o2) (local.get $x))))))
            (local.set $a (f64x2.add (local.get $a)
              (f64x2.mul (local.get $v3) (v128.load (i32.add (local.get $o3) (local.get $x))))))
            (v128.store (i32.add (local.get $acc) (local.get $x)) (local.get $a))
            (local.set $x (i32.add (local.get $x) (i32.const 16)))
            (br $vloop)))
        (if (i32.lt_u (local.get $x) (local.get $end))
          (then
            (local.set $s (f64.load (i32.add (local.get $acc) (local.get $x))))
            (local.set $s (f64.add (local.get $s)
              (f64.mul (local.get $w0) (f64.load (i32.add (local.get $o0) (local.get $x))))))
            (local.set $s (f64.add (local.get $s)
              (f64.mul (local.get $w1) (f64.load (i32.add (local.get $o1) (local.get $x))))))
            (local.set $s (f64.add (local.get $s)
              (f64.mul (local.get $w2) (f64.load (i32.add (local.get $o2) (local.get $x))))))
            (local.set $s (f64.add (local.get $s)
              (f64.mul (local.get $w3) (f64.load (i32.add (local.get $o3) (local.get $x))))))
            (f64.store (i32.add (local.get $acc) (local.get $x)) (local.get $s))))
        (local.set $t (i32.add (local.get $t) (i32.const 4)))
        (br $taps4)))
    (block $done1
      (loop $taps1
        (br_if $done1 (i32.ge_s (local.get $t) (local.get $count)))
        (local.set $o0 (i32.load (i32.add (local.get $taps) (i32.shl (local.get $t) (i32.const 2)))))
        (local.set $w0 (f64.load (i32.add (local.get $w) (i32.shl (local.get $t) (i32.const 3)))))
        (local.set $v0 (f64x2.splat (local.get $w0)))
        (local.set $x (i32.const 0))
        (block $vdone1
          (loop $vloop1
            (br_if $vdone1 (i32.ge_u (local.get $x) (local.get $vend)))
            (v128.store (i32.add (local.get $acc) (local.get $x))
              (f64x2.add (v128.load (i32.add (local.get $acc) (local.get $x)))
                (f64x2.mul (local.get $v0) (v128.load (i32.add (local.get $o0) (local.get $x))))))
            (local.set $x (i32.add (local.get $x) (i32.const 16)))
            (br $vloop1)))
        (if (i32.lt_u (local.get $x) (local.get $end))
          (then
            (f64.store (i32.add (local.get $acc) (local.get $x))
              (f64.add (f64.load (i32.add (local.get $acc) (local.get $x)))
                (f64.mul (local.get $w0) (f64.load (i32.add (local.get $o0) (local.get $x))))))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $taps1)))))`;

const ACCUMULATE_WASM_BASE64 =
  "AGFzbQEAAAABCQFgBX9/f39/AAMCAQAFAwEAAQcXAgZtZW1vcnkCAAphY2N1bXVsYXRlAAAKkQQBjgQFCH8EfAV7AXwCfyAEQQN0IQcgB0FwcSEIAkADQCAFQQRqIANKDQEgASAFQQJ0aiEXIAIgBUEDdGohGCAXKAIAIQkgFygCBCEKIBcoAgghCyAXKAIMIQwgGCsDACENIBgrAwghDiAYKwMQIQ8gGCsDGCEQIA39FCERIA79FCESIA/9FCETIBD9FCEUQQAhBgJAA0AgBiAITw0BIAAgBmr9AAQAIRUgFSARIAkgBmr9AAQA/fIB/fABIRUgFSASIAogBmr9AAQA/fIB/fABIRUgFSATIAsgBmr9AAQA/fIB/fABIRUgFSAUIAwgBmr9AAQA/fIB/fABIRUgACAGaiAV/QsEACAGQRBqIQYMAAsLIAYgB0kEQCAAIAZqKwMAIRYgFiANIAkgBmorAwCioCEWIBYgDiAKIAZqKwMAoqAhFiAWIA8gCyAGaisDAKKgIRYgFiAQIAwgBmorAwCioCEWIAAgBmogFjkDAAsgBUEEaiEFDAALCwJAA0AgBSADTg0BIAEgBUECdGooAgAhCSACIAVBA3RqKwMAIQ0gDf0UIRFBACEGAkADQCAGIAhPDQEgACAGaiAAIAZq/QAEACARIAkgBmr9AAQA/fIB/fAB/QsEACAGQRBqIQYMAAsLIAYgB0kEQCAAIAZqIAAgBmorAwAgDSAJIAZqKwMAoqA5AwALIAVBAWohBQwACwsL";

interface Kernel {
  memory: WebAssembly.Memory;
  accumulate(
    acc: number,
    taps: number,
    w: number,
    count: number,
    n: number,
  ): void;
}

const MAX_ARENA_BYTES = 256 * 1024 * 1024;

let kernel: Kernel | null | undefined;
let enabled = true;

function load(): Kernel | null {
  if (kernel === undefined) {
    try {
      const bytes = Uint8Array.from(
        atob(ACCUMULATE_WASM_BASE64),
        (ch) => ch.charCodeAt(0),
      );
      const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
      kernel = instance.exports as unknown as Kernel;
    } catch {
      kernel = null; // no WebAssembly SIMD here: callers use JavaScript
    }
  }
  return kernel;
}

/**
 * Turn the SIMD kernel off (or back on), so tests can check the
 * JavaScript fallback gives the same bits.
 *
 * @example Usage
 * ```ts
 * import { setSimd } from "./_simd.ts";
 * setSimd(false);
 * setSimd(true);
 * ```
 */
export function setSimd(on: boolean): void {
  enabled = on;
}

/** Scratch memory inside the kernel's module and the kernel itself. */
export interface SimdArena {
  /** A zeroed float64 array of `length` elements in the module's memory. */
  f64(length: number): Float64Array;
  /**
   * `acc[base + i] += w[t] · src[offs[t] + i]` for i in [0, n), t in
   * [0, count) in order; `acc`, `src` and `w` must come from this arena.
   */
  accumulate(
    acc: Float64Array,
    base: number,
    src: Float64Array,
    offs: Int32Array,
    w: Float64Array,
    count: number,
    n: number,
  ): void;
}

/**
 * Take an arena of `bytes` bytes (plus room for `maxTaps` tap
 * addresses), or null without WebAssembly SIMD or for more than 256 MiB
 * (the callers then run their JavaScript loop). Views from an earlier
 * arena become invalid.
 *
 * @example Usage
 * ```ts
 * import { simdArena } from "./_simd.ts";
 * const arena = simdArena(64, 1);
 * if (arena) {
 *   const acc = arena.f64(2), src = arena.f64(2), w = arena.f64(1);
 *   src.set([1, 2]);
 *   w[0] = 0.5;
 *   arena.accumulate(acc, 0, src, new Int32Array([0]), w, 1, 2);
 *   console.assert(acc[0] === 0.5 && acc[1] === 1);
 * }
 * ```
 */
export function simdArena(bytes: number, maxTaps: number): SimdArena | null {
  const k = enabled ? load() : null;
  if (!k) return null;
  const tapBytes = (maxTaps * 4 + 15) & ~15;
  const need = tapBytes + bytes + 16 * 8;
  // Large jobs stay in JavaScript: the module's memory never shrinks, so
  // it is not grown past 256 MiB (nor past what the engine grants).
  if (need > MAX_ARENA_BYTES) return null;
  const have = k.memory.buffer.byteLength;
  if (need > have) {
    try {
      k.memory.grow(Math.ceil((need - have) / 65536));
    } catch {
      return null;
    }
  }
  const buffer = k.memory.buffer;
  const taps = new Int32Array(buffer, 0, maxTaps);
  let next = tapBytes;
  return {
    f64(length) {
      if (next + length * 8 > need) {
        throw new RangeError(
          `Cannot take ${length} more float64 values from an arena of ${bytes} bytes: expected at most the size asked for`,
        );
      }
      const view = new Float64Array(buffer, next, length);
      view.fill(0);
      next += (length * 8 + 15) & ~15;
      return view;
    },
    accumulate(acc, base, src, offs, w, count, n) {
      if (count > maxTaps) {
        throw new RangeError(
          `Cannot accumulate ${count} taps in an arena made for ${maxTaps}: expected at most ${maxTaps}`,
        );
      }
      for (let t = 0; t < count; t++) {
        taps[t] = src.byteOffset + 8 * offs[t];
      }
      k.accumulate(acc.byteOffset + 8 * base, 0, w.byteOffset, count, n);
    },
  };
}
