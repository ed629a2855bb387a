/**
 * A tiny WebAssembly SIMD module for the hot loops of the degradation
 * engine. `accumulate`: the inner loop of the separable Gaussian and the
 * sparse-tap convolution (acc[i] += w[t] · src_t[i], taps in order, four
 * per sweep), two float64 lanes at a time; `sum4`: the running sums of
 * reduce_contrast (sums of four samples in float32, accumulated in
 * float64). The float32
 * kernels work four lanes at a time, every operation rounded to float32:
 * `acc32` (the blurs of `_filters32.ts`), `clamp32` (the clipped affine
 * map of the intensity operators, and with `acc32` the ghosts of
 * ghosting_artifact). `spot32` darkens for dark_spots_artifact (a float64
 * keep factor rounded to float32, then a float32 product). `gamma32` is
 * the table-and-series power of exposure_artifact, four float32 lanes at
 * a time. `normal` is the ziggurat
 * loop of `_normal.ts` (gaussian_noise): the sfc32 draws in one
 * scalar pass, the deviates added and clipped two float64 lanes at a time.
 * IEEE add and multiply round exactly like the scalar operations and
 * WebAssembly never fuses them, so the results are bit for bit those of
 * the scalar JavaScript loops (float64, or float32 by one Math.fround per
 * operation); they only take fewer instructions, without bounds checks.
 * Data must live in the module's own memory: a call takes an arena, views
 * on that memory valid until the next arena is taken. Where WebAssembly
 * SIMD is missing the callers fall back to their JavaScript loop. Internal
 * to src/degrade/.
 *
 * The bytes below are `SIMD_WAT` compiled with wabt 1.0.39
 * (`wabt.parseWat(name, SIMD_WAT, { simd: true }).toBinary({})`);
 * _simd_test.ts checks they still match the text.
 *
 * @module
 */

import { instantiateBase64 } from "./_wasm.ts";

/** The WebAssembly text of the kernels (kept next to their bytes). */
export const SIMD_WAT: string = `(module
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
        (br $taps1))))
  ;; Four running sums of n float32 samples, as reduce_contrast keeps
  ;; them: for each group of sixteen, s_k += (src[16j + k] + src[16j + k +
  ;; 4]) + (src[16j + k + 8] + src[16j + k + 12]), the pair sums and their
  ;; sum in float32 (one four-lane add each), the result promoted and added
  ;; in float64 onto the four f64 at dst; the last n mod 16 samples added to
  ;; s_0 in float64 (so chunks of a multiple of sixteen samples continue the
  ;; sums of the whole array).
  (func (export "sum4") (param $dst i32) (param $src i32) (param $n i32)
    (local $x i32) (local $end i32) (local $vend i32) (local $p i32)
    (local $a v128) (local $b v128) (local $t v128) (local $s0 f64)
    (local.set $a (v128.load (local.get $dst)))
    (local.set $b (v128.load offset=16 (local.get $dst)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $vend (i32.and (local.get $end) (i32.const -64)))
    (block $vdone
      (loop $vloop
        (br_if $vdone (i32.ge_u (local.get $x) (local.get $vend)))
        (local.set $p (i32.add (local.get $src) (local.get $x)))
        (local.set $t (f32x4.add
          (f32x4.add (v128.load (local.get $p)) (v128.load offset=16 (local.get $p)))
          (f32x4.add (v128.load offset=32 (local.get $p)) (v128.load offset=48 (local.get $p)))))
        (local.set $a (f64x2.add (local.get $a) (f64x2.promote_low_f32x4 (local.get $t))))
        (local.set $b (f64x2.add (local.get $b) (f64x2.promote_low_f32x4
          (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $t) (local.get $t)))))
        (local.set $x (i32.add (local.get $x) (i32.const 64)))
        (br $vloop)))
    (local.set $s0 (f64x2.extract_lane 0 (local.get $a)))
    (block $sdone
      (loop $sloop
        (br_if $sdone (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $s0 (f64.add (local.get $s0)
          (f64.promote_f32 (f32.load (i32.add (local.get $src) (local.get $x))))))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (br $sloop)))
    (v128.store (local.get $dst) (f64x2.replace_lane 0 (local.get $a) (local.get $s0)))
    (v128.store offset=16 (local.get $dst) (local.get $b)))
  ;; Float32 arithmetic from here on: every add and multiply rounds to
  ;; float32 as Math.fround does after each JavaScript operation, so the
  ;; fallbacks reproduce the bits with one fround per operation.
  ;; acc32: acc[i] = acc[i] + w[t] * src_t[i] in float32, taps t in order,
  ;; four per sweep added left to right (then two, then one: fewer passes
  ;; over acc), four lanes at a time. acc: byte
  ;; address of acc[0]; taps: byte address of an i32 array of the byte
  ;; addresses of src_t[0]; w: byte address of the f32 weights.
  (func (export "acc32")
    (param $acc i32) (param $taps i32) (param $w i32) (param $count i32) (param $n i32)
    (local $t i32) (local $x i32) (local $end i32) (local $vend i32)
    (local $o0 i32) (local $o1 i32) (local $o2 i32) (local $o3 i32)
    (local $w0 f32) (local $w1 f32) (local $w2 f32) (local $w3 f32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local $p i32) (local $q i32)
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $vend (i32.and (local.get $end) (i32.const -16)))
    (block $done4
      (loop $taps4
        (br_if $done4 (i32.gt_s (i32.add (local.get $t) (i32.const 4)) (local.get $count)))
        (local.set $p (i32.add (local.get $taps) (i32.shl (local.get $t) (i32.const 2))))
        (local.set $q (i32.add (local.get $w) (i32.shl (local.get $t) (i32.const 2))))
        (local.set $o0 (i32.load (local.get $p)))
        (local.set $o1 (i32.load offset=4 (local.get $p)))
        (local.set $o2 (i32.load offset=8 (local.get $p)))
        (local.set $o3 (i32.load offset=12 (local.get $p)))
        (local.set $w0 (f32.load (local.get $q)))
        (local.set $w1 (f32.load offset=4 (local.get $q)))
        (local.set $w2 (f32.load offset=8 (local.get $q)))
        (local.set $w3 (f32.load offset=12 (local.get $q)))
        (local.set $v0 (f32x4.splat (local.get $w0)))
        (local.set $v1 (f32x4.splat (local.get $w1)))
        (local.set $v2 (f32x4.splat (local.get $w2)))
        (local.set $v3 (f32x4.splat (local.get $w3)))
        (local.set $x (i32.const 0))
        (block $vdone
          (loop $vloop
            (br_if $vdone (i32.ge_u (local.get $x) (local.get $vend)))
            (v128.store (i32.add (local.get $acc) (local.get $x))
              (f32x4.add
                (f32x4.add
                  (f32x4.add
                    (f32x4.add (v128.load (i32.add (local.get $acc) (local.get $x)))
                      (f32x4.mul (local.get $v0) (v128.load (i32.add (local.get $o0) (local.get $x)))))
                    (f32x4.mul (local.get $v1) (v128.load (i32.add (local.get $o1) (local.get $x)))))
                  (f32x4.mul (local.get $v2) (v128.load (i32.add (local.get $o2) (local.get $x)))))
                (f32x4.mul (local.get $v3) (v128.load (i32.add (local.get $o3) (local.get $x))))))
            (local.set $x (i32.add (local.get $x) (i32.const 16)))
            (br $vloop)))
        (block $sdone
          (loop $sloop
            (br_if $sdone (i32.ge_u (local.get $x) (local.get $end)))
            (f32.store (i32.add (local.get $acc) (local.get $x))
              (f32.add
                (f32.add
                  (f32.add
                    (f32.add (f32.load (i32.add (local.get $acc) (local.get $x)))
                      (f32.mul (local.get $w0) (f32.load (i32.add (local.get $o0) (local.get $x)))))
                    (f32.mul (local.get $w1) (f32.load (i32.add (local.get $o1) (local.get $x)))))
                  (f32.mul (local.get $w2) (f32.load (i32.add (local.get $o2) (local.get $x)))))
                (f32.mul (local.get $w3) (f32.load (i32.add (local.get $o3) (local.get $x))))))
            (local.set $x (i32.add (local.get $x) (i32.const 4)))
            (br $sloop)))
        (local.set $t (i32.add (local.get $t) (i32.const 4)))
        (br $taps4)))
    ;; Two taps in one sweep when two or three remain.
    (if (i32.le_s (i32.add (local.get $t) (i32.const 2)) (local.get $count))
      (then
        (local.set $p (i32.add (local.get $taps) (i32.shl (local.get $t) (i32.const 2))))
        (local.set $q (i32.add (local.get $w) (i32.shl (local.get $t) (i32.const 2))))
        (local.set $o0 (i32.load (local.get $p)))
        (local.set $o1 (i32.load offset=4 (local.get $p)))
        (local.set $w0 (f32.load (local.get $q)))
        (local.set $w1 (f32.load offset=4 (local.get $q)))
        (local.set $v0 (f32x4.splat (local.get $w0)))
        (local.set $v1 (f32x4.splat (local.get $w1)))
        (local.set $x (i32.const 0))
        (block $vdone2
          (loop $vloop2
            (br_if $vdone2 (i32.ge_u (local.get $x) (local.get $vend)))
            (v128.store (i32.add (local.get $acc) (local.get $x))
              (f32x4.add
                (f32x4.add (v128.load (i32.add (local.get $acc) (local.get $x)))
                  (f32x4.mul (local.get $v0) (v128.load (i32.add (local.get $o0) (local.get $x)))))
                (f32x4.mul (local.get $v1) (v128.load (i32.add (local.get $o1) (local.get $x))))))
            (local.set $x (i32.add (local.get $x) (i32.const 16)))
            (br $vloop2)))
        (block $sdone2
          (loop $sloop2
            (br_if $sdone2 (i32.ge_u (local.get $x) (local.get $end)))
            (f32.store (i32.add (local.get $acc) (local.get $x))
              (f32.add
                (f32.add (f32.load (i32.add (local.get $acc) (local.get $x)))
                  (f32.mul (local.get $w0) (f32.load (i32.add (local.get $o0) (local.get $x)))))
                (f32.mul (local.get $w1) (f32.load (i32.add (local.get $o1) (local.get $x))))))
            (local.set $x (i32.add (local.get $x) (i32.const 4)))
            (br $sloop2)))
        (local.set $t (i32.add (local.get $t) (i32.const 2)))))
    (block $done1
      (loop $taps1
        (br_if $done1 (i32.ge_s (local.get $t) (local.get $count)))
        (local.set $o0 (i32.load (i32.add (local.get $taps) (i32.shl (local.get $t) (i32.const 2)))))
        (local.set $w0 (f32.load (i32.add (local.get $w) (i32.shl (local.get $t) (i32.const 2)))))
        (local.set $v0 (f32x4.splat (local.get $w0)))
        (local.set $x (i32.const 0))
        (block $vdone1
          (loop $vloop1
            (br_if $vdone1 (i32.ge_u (local.get $x) (local.get $vend)))
            (v128.store (i32.add (local.get $acc) (local.get $x))
              (f32x4.add (v128.load (i32.add (local.get $acc) (local.get $x)))
                (f32x4.mul (local.get $v0) (v128.load (i32.add (local.get $o0) (local.get $x))))))
            (local.set $x (i32.add (local.get $x) (i32.const 16)))
            (br $vloop1)))
        (block $sdone1
          (loop $sloop1
            (br_if $sdone1 (i32.ge_u (local.get $x) (local.get $end)))
            (f32.store (i32.add (local.get $acc) (local.get $x))
              (f32.add (f32.load (i32.add (local.get $acc) (local.get $x)))
                (f32.mul (local.get $w0) (f32.load (i32.add (local.get $o0) (local.get $x))))))
            (local.set $x (i32.add (local.get $x) (i32.const 4)))
            (br $sloop1)))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $taps1))))
  ;; spot32: dark_spots_artifact's darkening of $rows rows of $w float32
  ;; samples: dst[r·w + c] = src[r·w + c] · keep, keep = demote(1 −
  ;; er[r] · ec[c]) with er and ec float64 (the JavaScript loop's float64
  ;; operations, its float32 keep and float32 product), four samples at a
  ;; time, the last w mod 4 of each row one at a time. $er: byte address of
  ;; the first row's factor.
  (func (export "spot32") (param $dst i32) (param $src i32) (param $ec i32)
    (param $er i32) (param $w i32) (param $rows i32)
    (local $r i32) (local $c i32) (local $row i32) (local $vend i32)
    (local $p i32) (local $q i32) (local $e f64) (local $ev v128) (local $one v128)
    (local.set $one (v128.const f64x2 1 1))
    (local.set $vend (i32.and (local.get $w) (i32.const -4)))
    (block $rdone
      (loop $rloop
        (br_if $rdone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $e (f64.load (i32.add (local.get $er) (i32.shl (local.get $r) (i32.const 3)))))
        (local.set $ev (f64x2.splat (local.get $e)))
        (local.set $c (i32.const 0))
        (block $vdone
          (loop $vloop
            (br_if $vdone (i32.ge_u (local.get $c) (local.get $vend)))
            (local.set $p (i32.add (local.get $row) (i32.shl (local.get $c) (i32.const 2))))
            (local.set $q (i32.add (local.get $ec) (i32.shl (local.get $c) (i32.const 3))))
            (v128.store (i32.add (local.get $dst) (local.get $p))
              (f32x4.mul
                (v128.load (i32.add (local.get $src) (local.get $p)))
                (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
                  (f32x4.demote_f64x2_zero (f64x2.sub (local.get $one)
                    (f64x2.mul (local.get $ev) (v128.load (local.get $q)))))
                  (f32x4.demote_f64x2_zero (f64x2.sub (local.get $one)
                    (f64x2.mul (local.get $ev) (v128.load offset=16 (local.get $q))))))))
            (local.set $c (i32.add (local.get $c) (i32.const 4)))
            (br $vloop)))
        (block $sdone
          (loop $sloop
            (br_if $sdone (i32.ge_u (local.get $c) (local.get $w)))
            (local.set $p (i32.add (local.get $row) (i32.shl (local.get $c) (i32.const 2))))
            (f32.store (i32.add (local.get $dst) (local.get $p))
              (f32.mul
                (f32.load (i32.add (local.get $src) (local.get $p)))
                (f32.demote_f64 (f64.sub (f64.const 1)
                  (f64.mul (local.get $e)
                    (f64.load (i32.add (local.get $ec) (i32.shl (local.get $c) (i32.const 3)))))))))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $sloop)))
        (local.set $row (i32.add (local.get $row) (i32.shl (local.get $w) (i32.const 2))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rloop))))
  ;; clamp32: dst[i] = clip(a * src[i] + b) in float32, clipped as
  ;; v < 0 ? 0 : v > 1 ? 1 : v (pmax/pmin with v first), eight at a time.
  (func (export "clamp32") (param $dst i32) (param $src i32) (param $n i32) (param $a f32) (param $b f32)
    (local $x i32) (local $end i32) (local $vend i32) (local $va v128) (local $vb v128) (local $s f32)
    (local $zero v128) (local $one v128)
    (local.set $va (f32x4.splat (local.get $a)))
    (local.set $vb (f32x4.splat (local.get $b)))
    ;; The constants in locals: V8 would rebuild them on every iteration.
    (local.set $zero (v128.const f32x4 0 0 0 0))
    (local.set $one (v128.const f32x4 1 1 1 1))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $vend (i32.and (local.get $end) (i32.const -32)))
    (block $vdone
      (loop $vloop
        (br_if $vdone (i32.ge_u (local.get $x) (local.get $vend)))
        (v128.store (i32.add (local.get $dst) (local.get $x))
          (f32x4.pmin
            (f32x4.pmax
              (f32x4.add (f32x4.mul (local.get $va) (v128.load (i32.add (local.get $src) (local.get $x))))
                (local.get $vb))
              (local.get $zero))
            (local.get $one)))
        (v128.store offset=16 (i32.add (local.get $dst) (local.get $x))
          (f32x4.pmin
            (f32x4.pmax
              (f32x4.add (f32x4.mul (local.get $va) (v128.load offset=16 (i32.add (local.get $src) (local.get $x))))
                (local.get $vb))
              (local.get $zero))
            (local.get $one)))
        (local.set $x (i32.add (local.get $x) (i32.const 32)))
        (br $vloop)))
    (block $sdone
      (loop $sloop
        (br_if $sdone (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $s (f32.add (f32.mul (local.get $a) (f32.load (i32.add (local.get $src) (local.get $x))))
          (local.get $b)))
        (local.set $s (select (f32.const 0) (local.get $s) (f32.lt (local.get $s) (f32.const 0))))
        (local.set $s (select (f32.const 1) (local.get $s) (f32.gt (local.get $s) (f32.const 1))))
        (f32.store (i32.add (local.get $dst) (local.get $x)) (local.get $s))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (br $sloop))))
  ;; normal: the ziggurat loop of _normal.ts (addNormals) over n samples,
  ;; in two passes over a scratch array $tb of n i32: the sfc32 steps on
  ;; the state (a, b, c, d) at $st, one 32-bit draw t per sample (stored
  ;; back), rejects (rabs = t >>> 9 >= ki[t & 255]) noted as (i, t) pairs
  ;; at $rej; then out[i] = float32(clip(src[i] + sigma · x)) with
  ;; x = rabs · wi[t & 511] (wi: the 256 layer widths, then their
  ;; negatives: bit 8 is the sign, and rabs · −w is −(rabs · w) exactly)
  ;; and clip(v) = p > 1 ? 1 : p, p = (v + |v|) · 0.5: the float64
  ;; operations of the JavaScript loop, two lanes at a time. Returns the
  ;; number of i32 written at $rej, for the caller to finish.
  (func (export "normal")
    (param $st i32) (param $src i32) (param $out i32) (param $n i32) (param $sigma f64)
    (param $ki i32) (param $wi i32) (param $rej i32) (param $tb i32) (result i32)
    (local $sa i32) (local $sb i32) (local $sc i32) (local $sd i32) (local $t i32)
    (local $i i32) (local $nr i32) (local $idx i32) (local $rabs i32) (local $x i32)
    (local $end i32) (local $vend i32) (local $j i32)
    (local $v f64) (local $f f64)
    (local $tv v128) (local $iv v128) (local $rv v128) (local $sv v128)
    (local $sg v128) (local $a v128) (local $b v128)
    (local $mask v128) (local $half v128) (local $one v128)
    ;; 1. The sfc32 bits, one 32-bit draw per sample, into $tb; first
    ;; tries outside their layer's rectangle noted as (i, t) in order.
    (local.set $sa (i32.load (local.get $st)))
    (local.set $sb (i32.load offset=4 (local.get $st)))
    (local.set $sc (i32.load offset=8 (local.get $st)))
    (local.set $sd (i32.load offset=12 (local.get $st)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $done
      (loop $loop
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $t (i32.add (i32.add (local.get $sa) (local.get $sb)) (local.get $sd)))
        (local.set $sd (i32.add (local.get $sd) (i32.const 1)))
        (local.set $sa (i32.xor (local.get $sb) (i32.shr_u (local.get $sb) (i32.const 9))))
        (local.set $sb (i32.add (local.get $sc) (i32.shl (local.get $sc) (i32.const 3))))
        (local.set $sc (i32.add (i32.rotl (local.get $sc) (i32.const 21)) (local.get $t)))
        (i32.store (i32.add (local.get $tb) (local.get $x)) (local.get $t))
        (if (i32.ge_s (i32.shr_u (local.get $t) (i32.const 9))
              (i32.load (i32.add (local.get $ki)
                (i32.shl (i32.and (local.get $t) (i32.const 255)) (i32.const 2)))))
          (then
            (i32.store (i32.add (local.get $rej) (i32.shl (local.get $nr) (i32.const 2)))
              (i32.shr_u (local.get $x) (i32.const 2)))
            (i32.store offset=4 (i32.add (local.get $rej) (i32.shl (local.get $nr) (i32.const 2)))
              (local.get $t))
            (local.set $nr (i32.add (local.get $nr) (i32.const 2)))))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (br $loop)))
    (i32.store (local.get $st) (local.get $sa))
    (i32.store offset=4 (local.get $st) (local.get $sb))
    (i32.store offset=8 (local.get $st) (local.get $sc))
    (i32.store offset=12 (local.get $st) (local.get $sd))
    ;; 2. Four samples at a time: x = rabs · wi[t & 511],
    ;; out = float32(pmin((v + |v|) · 0.5, 1)), v = src + sigma · x.
    (local.set $sg (f64x2.splat (local.get $sigma)))
    (local.set $mask (v128.const i32x4 511 511 511 511))
    (local.set $half (v128.const f64x2 0.5 0.5))
    (local.set $one (v128.const f64x2 1 1))
    (local.set $vend (i32.and (local.get $end) (i32.const -16)))
    (local.set $x (i32.const 0))
    (block $vdone
      (loop $vloop
        (br_if $vdone (i32.ge_u (local.get $x) (local.get $vend)))
        (local.set $tv (v128.load (i32.add (local.get $tb) (local.get $x))))
        (local.set $iv (i32x4.shl (v128.and (local.get $tv) (local.get $mask))
          (i32.const 3)))
        (local.set $rv (i32x4.shr_u (local.get $tv) (i32.const 9)))
        (local.set $sv (v128.load (i32.add (local.get $src) (local.get $x))))
        ;; Lanes 0 and 1.
        (local.set $a (f64x2.mul (f64x2.convert_low_i32x4_s (local.get $rv))
            (f64x2.replace_lane 1
              (v128.load64_splat (i32.add (local.get $wi)
                (i32x4.extract_lane 0 (local.get $iv))))
              (f64.load (i32.add (local.get $wi)
                (i32x4.extract_lane 1 (local.get $iv)))))))
        (local.set $a (f64x2.add (f64x2.promote_low_f32x4 (local.get $sv))
          (f64x2.mul (local.get $sg) (local.get $a))))
        (local.set $a (f64x2.pmin
          (f64x2.mul (f64x2.add (local.get $a) (f64x2.abs (local.get $a)))
            (local.get $half))
          (local.get $one)))
        ;; Lanes 2 and 3.
        (local.set $b (f64x2.mul (f64x2.convert_low_i32x4_s
              (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $rv) (local.get $rv)))
            (f64x2.replace_lane 1
              (v128.load64_splat (i32.add (local.get $wi)
                (i32x4.extract_lane 2 (local.get $iv))))
              (f64.load (i32.add (local.get $wi)
                (i32x4.extract_lane 3 (local.get $iv)))))))
        (local.set $b (f64x2.add (f64x2.promote_low_f32x4
            (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $sv) (local.get $sv)))
          (f64x2.mul (local.get $sg) (local.get $b))))
        (local.set $b (f64x2.pmin
          (f64x2.mul (f64x2.add (local.get $b) (f64x2.abs (local.get $b)))
            (local.get $half))
          (local.get $one)))
        (v128.store (i32.add (local.get $out) (local.get $x))
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            (f32x4.demote_f64x2_zero (local.get $a)) (f32x4.demote_f64x2_zero (local.get $b))))
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (br $vloop)))
    ;; 3. The last n mod 4 samples, one at a time.
    (block $sdone
      (loop $sloop
        (br_if $sdone (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $t (i32.load (i32.add (local.get $tb) (local.get $x))))
        (local.set $idx (i32.and (local.get $t) (i32.const 511)))
        (local.set $rabs (i32.shr_u (local.get $t) (i32.const 9)))
        (local.set $f (f64.mul (f64.convert_i32_u (local.get $rabs))
          (f64.load (i32.add (local.get $wi) (i32.shl (local.get $idx) (i32.const 3))))))
        (local.set $v (f64.add
          (f64.promote_f32 (f32.load (i32.add (local.get $src) (local.get $x))))
          (f64.mul (local.get $sigma) (local.get $f))))
        (local.set $v (f64.mul (f64.add (local.get $v) (f64.abs (local.get $v))) (f64.const 0.5)))
        (f32.store (i32.add (local.get $out) (local.get $x))
          (f32.demote_f64 (select (f64.const 1) (local.get $v)
            (f64.gt (local.get $v) (f64.const 1)))))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (br $sloop)))
    (local.get $nr))
  ;; gamma32: exposure_artifact's clip(x^gamma + offset) over n float32
  ;; samples at $src into $out (may be the same), in float32 arithmetic
  ;; like its JavaScript loop: x = 2^e · (m_hi + f) with its bits b gives
  ;; v = byExponent[e] · byMantissa[hi] · (1 + t·(c1 + t·c2)) + offset,
  ;; t = lo · step[hi], hi = (b >>> 11) & 4095, lo = b & 2047 ($tab:
  ;; float32 byExponent[512], zero for e = 0 and for the sign bit set, then
  ;; the pairs (byMantissa, step) [2·4096] at +2048); so ±0 and negatives (−Inf and −NaN too) take 0 +
  ;; offset. +Inf takes +Inf, +NaN 0 + offset; a positive subnormal (x^gamma
  ;; needs pow) is noted by its index at $rej for the caller to finish. Then
  ;; p = v < 0 ? 0 : v and p > 1 ? 1 : p. Eight samples at a time, in two
  ;; groups of four lanes (table values loaded lane by lane, their byte
  ;; offsets computed from each sample's bits in scalar code, which
  ;; measured 10% faster than extracting them from the lanes); eight
  ;; samples with a positive subnormal, +Inf or +NaN, and the last n mod 8
  ;; samples, go one at a time. Returns the number of indices written at
  ;; $rej.
  (func (export "gamma32")
    (param $src i32) (param $out i32) (param $n i32) (param $tab i32)
    (param $c1 f32) (param $c2 f32) (param $off f32) (param $rej i32)
    (result i32)
    (local $x i32) (local $end i32) (local $vend i32) (local $stop i32)
    (local $b i32) (local $e i32) (local $hi i32) (local $nr i32)
    (local $t f32) (local $v f32)
    (local $bv0 v128) (local $ev0 v128) (local $p010 v128) (local $p230 v128)
    (local $tv0 v128) (local $vv0 v128) (local $bv1 v128) (local $ev1 v128)
    (local $p011 v128) (local $p231 v128) (local $tv1 v128) (local $vv1 v128)
    (local $k1 v128) (local $k2 v128) (local $ov v128) (local $one v128)
    (local $zero v128) (local $m2047 v128)
    (local $e255 v128) (local $ione v128) (local $msub v128)
    (local.set $k1 (f32x4.splat (local.get $c1)))
    (local.set $k2 (f32x4.splat (local.get $c2)))
    (local.set $ov (f32x4.splat (local.get $off)))
    (local.set $one (v128.const f32x4 1 1 1 1))
    (local.set $zero (v128.const f32x4 0 0 0 0))
    (local.set $m2047 (v128.const i32x4 2047 2047 2047 2047))
    (local.set $e255 (v128.const i32x4 255 255 255 255))
    (local.set $ione (v128.const i32x4 1 1 1 1))
    (local.set $msub (v128.const i32x4 0x7fffff 0x7fffff 0x7fffff 0x7fffff))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $vend (i32.and (local.get $end) (i32.const -32)))
    (block $done
      (loop $loop
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $stop (local.get $end))
        (if (i32.lt_u (local.get $x) (local.get $vend))
          (then
            (local.set $stop (i32.add (local.get $x) (i32.const 32)))
            (local.set $bv0 (v128.load offset=0 (i32.add (local.get $src) (local.get $x))))
            (local.set $ev0 (i32x4.shr_u (local.get $bv0) (i32.const 23)))
            (local.set $bv1 (v128.load offset=16 (i32.add (local.get $src) (local.get $x))))
            (local.set $ev1 (i32x4.shr_u (local.get $bv1) (i32.const 23)))
            (if (i32.eqz (v128.any_true (v128.or (v128.or
                  (i32x4.lt_u (i32x4.sub (local.get $bv0) (local.get $ione)) (local.get $msub))
                  (i32x4.eq (local.get $ev0) (local.get $e255))) (v128.or
                  (i32x4.lt_u (i32x4.sub (local.get $bv1) (local.get $ione)) (local.get $msub))
                  (i32x4.eq (local.get $ev1) (local.get $e255))))))
              (then
                (local.set $p010 (v128.load64_lane offset=2048 1
                  (i32.add (local.get $tab) (i32.and (i32.shr_u (i32.load offset=4 (i32.add (local.get $src) (local.get $x))) (i32.const 8)) (i32.const 32760)))
                  (v128.load64_zero offset=2048
                    (i32.add (local.get $tab) (i32.and (i32.shr_u (i32.load offset=0 (i32.add (local.get $src) (local.get $x))) (i32.const 8)) (i32.const 32760))))))
                (local.set $p230 (v128.load64_lane offset=2048 1
                  (i32.add (local.get $tab) (i32.and (i32.shr_u (i32.load offset=12 (i32.add (local.get $src) (local.get $x))) (i32.const 8)) (i32.const 32760)))
                  (v128.load64_zero offset=2048
                    (i32.add (local.get $tab) (i32.and (i32.shr_u (i32.load offset=8 (i32.add (local.get $src) (local.get $x))) (i32.const 8)) (i32.const 32760))))))
                (local.set $tv0 (f32x4.mul
                  (f32x4.convert_i32x4_s (v128.and (local.get $bv0) (local.get $m2047)))
                  (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
                    (local.get $p010) (local.get $p230))))
                (local.set $vv0 (f32x4.add
                  (f32x4.mul
                    (f32x4.mul
                      (v128.load32_lane 3
                        (i32.add (local.get $tab) (i32.and (i32.shr_u (i32.load offset=12 (i32.add (local.get $src) (local.get $x))) (i32.const 21)) (i32.const 2044)))
                        (v128.load32_lane 2
                          (i32.add (local.get $tab) (i32.and (i32.shr_u (i32.load offset=8 (i32.add (local.get $src) (local.get $x))) (i32.const 21)) (i32.const 2044)))
                          (v128.load32_lane 1
                            (i32.add (local.get $tab) (i32.and (i32.shr_u (i32.load offset=4 (i32.add (local.get $src) (local.get $x))) (i32.const 21)) (i32.const 2044)))
                            (v128.load32_zero
                              (i32.add (local.get $tab) (i32.and (i32.shr_u (i32.load offset=0 (i32.add (local.get $src) (local.get $x))) (i32.const 21)) (i32.const 2044)))))))
                      (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
                        (local.get $p010) (local.get $p230)))
                    (f32x4.add (local.get $one)
                      (f32x4.mul (local.get $tv0)
                        (f32x4.add (local.get $k1)
                          (f32x4.mul (local.get $tv0) (local.get $k2))))))
                  (local.get $ov)))
                (v128.store offset=0 (i32.add (local.get $out) (local.get $x))
                  (f32x4.pmin (f32x4.pmax (local.get $vv0) (local.get $zero)) (local.get $one)))
                (local.set $p011 (v128.load64_lane offset=2048 1
                  (i32.add (local.get $tab) (i32.and (i32.shr_u (i32.load offset=20 (i32.add (local.get $src) (local.get $x))) (i32.const 8)) (i32.const 32760)))
                  (v128.load64_zero offset=2048
                    (i32.add (local.get $tab) (i32.and (i32.shr_u (i32.load offset=16 (i32.add (local.get $src) (local.get $x))) (i32.const 8)) (i32.const 32760))))))
                (local.set $p231 (v128.load64_lane offset=2048 1
                  (i32.add (local.get $tab) (i32.and (i32.shr_u (i32.load offset=28 (i32.add (local.get $src) (local.get $x))) (i32.const 8)) (i32.const 32760)))
                  (v128.load64_zero offset=2048
                    (i32.add (local.get $tab) (i32.and (i32.shr_u (i32.load offset=24 (i32.add (local.get $src) (local.get $x))) (i32.const 8)) (i32.const 32760))))))
                (local.set $tv1 (f32x4.mul
                  (f32x4.convert_i32x4_s (v128.and (local.get $bv1) (local.get $m2047)))
                  (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
                    (local.get $p011) (local.get $p231))))
                (local.set $vv1 (f32x4.add
                  (f32x4.mul
                    (f32x4.mul
                      (v128.load32_lane 3
                        (i32.add (local.get $tab) (i32.and (i32.shr_u (i32.load offset=28 (i32.add (local.get $src) (local.get $x))) (i32.const 21)) (i32.const 2044)))
                        (v128.load32_lane 2
                          (i32.add (local.get $tab) (i32.and (i32.shr_u (i32.load offset=24 (i32.add (local.get $src) (local.get $x))) (i32.const 21)) (i32.const 2044)))
                          (v128.load32_lane 1
                            (i32.add (local.get $tab) (i32.and (i32.shr_u (i32.load offset=20 (i32.add (local.get $src) (local.get $x))) (i32.const 21)) (i32.const 2044)))
                            (v128.load32_zero
                              (i32.add (local.get $tab) (i32.and (i32.shr_u (i32.load offset=16 (i32.add (local.get $src) (local.get $x))) (i32.const 21)) (i32.const 2044)))))))
                      (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
                        (local.get $p011) (local.get $p231)))
                    (f32x4.add (local.get $one)
                      (f32x4.mul (local.get $tv1)
                        (f32x4.add (local.get $k1)
                          (f32x4.mul (local.get $tv1) (local.get $k2))))))
                  (local.get $ov)))
                (v128.store offset=16 (i32.add (local.get $out) (local.get $x))
                  (f32x4.pmin (f32x4.pmax (local.get $vv1) (local.get $zero)) (local.get $one)))
                (local.set $x (local.get $stop))
                (br $loop)))))
        ;; One at a time from $x to $stop.
        (block $sdone
          (loop $sloop
            (br_if $sdone (i32.ge_u (local.get $x) (local.get $stop)))
            (local.set $b (i32.load (i32.add (local.get $src) (local.get $x))))
            (local.set $e (i32.shr_u (local.get $b) (i32.const 23)))
            (if (i32.eq (local.get $e) (i32.const 255))
              (then
                (local.set $v (select (f32.const inf)
                  (f32.add (f32.const 0) (local.get $off))
                  (i32.eq (local.get $b) (i32.const 0x7f800000)))))
              (else
                (if (i32.lt_u (i32.sub (local.get $b) (i32.const 1)) (i32.const 0x7fffff))
                  (then
                    (i32.store (i32.add (local.get $rej) (i32.shl (local.get $nr) (i32.const 2)))
                      (i32.shr_u (local.get $x) (i32.const 2)))
                    (local.set $nr (i32.add (local.get $nr) (i32.const 1)))
                    (local.set $v (f32.const 0)))
                  (else
                    (local.set $hi (i32.add (local.get $tab) (i32.shl
                      (i32.and (i32.shr_u (local.get $b) (i32.const 11)) (i32.const 4095))
                      (i32.const 3))))
                    (local.set $t (f32.mul
                      (f32.convert_i32_s (i32.and (local.get $b) (i32.const 2047)))
                      (f32.load offset=2052 (local.get $hi))))
                    (local.set $v (f32.add
                      (f32.mul
                        (f32.mul
                          (f32.load (i32.add (local.get $tab) (i32.shl (local.get $e) (i32.const 2))))
                          (f32.load offset=2048 (local.get $hi)))
                        (f32.add (f32.const 1)
                          (f32.mul (local.get $t)
                            (f32.add (local.get $c1)
                              (f32.mul (local.get $t) (local.get $c2))))))
                      (local.get $off)))))))
            (local.set $v (select (f32.const 0) (local.get $v)
              (f32.lt (local.get $v) (f32.const 0))))
            (f32.store (i32.add (local.get $out) (local.get $x))
              (select (f32.const 1) (local.get $v)
                (f32.gt (local.get $v) (f32.const 1))))
            (local.set $x (i32.add (local.get $x) (i32.const 4)))
            (br $sloop)))
        (br $loop)))
    (local.get $nr)))`;

const SIMD_WASM_BASE64 =
  "AGFzbQEAAAABOQZgBX9/f39/AGADf39/AGAGf39/f39/AGAFf39/fX0AYAl/f39/fH9/f38Bf2AIf39/f319fX8BfwMIBwABAAIDBAUFAwEAAQdMCAZtZW1vcnkCAAphY2N1bXVsYXRlAAAEc3VtNAABBWFjYzMyAAIGc3BvdDMyAAMHY2xhbXAzMgAEBm5vcm1hbAAFB2dhbW1hMzIABgqaHgeOBAUIfwR8BXsBfAJ/IARBA3QhByAHQXBxIQgCQANAIAVBBGogA0oNASABIAVBAnRqIRcgAiAFQQN0aiEYIBcoAgAhCSAXKAIEIQogFygCCCELIBcoAgwhDCAYKwMAIQ0gGCsDCCEOIBgrAxAhDyAYKwMYIRAgDf0UIREgDv0UIRIgD/0UIRMgEP0UIRRBACEGAkADQCAGIAhPDQEgACAGav0ABAAhFSAVIBEgCSAGav0ABAD98gH98AEhFSAVIBIgCiAGav0ABAD98gH98AEhFSAVIBMgCyAGav0ABAD98gH98AEhFSAVIBQgDCAGav0ABAD98gH98AEhFSAAIAZqIBX9CwQAIAZBEGohBgwACwsgBiAHSQRAIAAgBmorAwAhFiAWIA0gCSAGaisDAKKgIRYgFiAOIAogBmorAwCioCEWIBYgDyALIAZqKwMAoqAhFiAWIBAgDCAGaisDAKKgIRYgACAGaiAWOQMACyAFQQRqIQUMAAsLAkADQCAFIANODQEgASAFQQJ0aigCACEJIAIgBUEDdGorAwAhDSAN/RQhEUEAIQYCQANAIAYgCE8NASAAIAZqIAAgBmr9AAQAIBEgCSAGav0ABAD98gH98AH9CwQAIAZBEGohBgwACwsgBiAHSQRAIAAgBmogACAGaisDACANIAkgBmorAwCioDkDAAsgBUEBaiEFDAALCwvRAQMEfwN7AXwgAP0ABAAhByAA/QAEECEIIAJBAnQhBCAEQUBxIQUCQANAIAMgBU8NASABIANqIQYgBv0ABAAgBv0ABBD95AEgBv0ABCAgBv0ABDD95AH95AEhCSAHIAn9X/3wASEHIAggCSAJ/Q0ICQoLDA0ODwABAgMEBQYH/V/98AEhCCADQcAAaiEDDAALCyAH/SEAIQoCQANAIAMgBE8NASAKIAEgA2oqAgC7oCEKIANBBGohAwwACwsgACAHIAr9IgD9CwQAIAAgCP0LBBAL2gUECH8EfQR7An8gBEECdCEHIAdBcHEhCAJAA0AgBUEEaiADSg0BIAEgBUECdGohFSACIAVBAnRqIRYgFSgCACEJIBUoAgQhCiAVKAIIIQsgFSgCDCEMIBYqAgAhDSAWKgIEIQ4gFioCCCEPIBYqAgwhECAN/RMhESAO/RMhEiAP/RMhEyAQ/RMhFEEAIQYCQANAIAYgCE8NASAAIAZqIAAgBmr9AAQAIBEgCSAGav0ABAD95gH95AEgEiAKIAZq/QAEAP3mAf3kASATIAsgBmr9AAQA/eYB/eQBIBQgDCAGav0ABAD95gH95AH9CwQAIAZBEGohBgwACwsCQANAIAYgB08NASAAIAZqIAAgBmoqAgAgDSAJIAZqKgIAlJIgDiAKIAZqKgIAlJIgDyALIAZqKgIAlJIgECAMIAZqKgIAlJI4AgAgBkEEaiEGDAALCyAFQQRqIQUMAAsLIAVBAmogA0wEQCABIAVBAnRqIRUgAiAFQQJ0aiEWIBUoAgAhCSAVKAIEIQogFioCACENIBYqAgQhDiAN/RMhESAO/RMhEkEAIQYCQANAIAYgCE8NASAAIAZqIAAgBmr9AAQAIBEgCSAGav0ABAD95gH95AEgEiAKIAZq/QAEAP3mAf3kAf0LBAAgBkEQaiEGDAALCwJAA0AgBiAHTw0BIAAgBmogACAGaioCACANIAkgBmoqAgCUkiAOIAogBmoqAgCUkjgCACAGQQRqIQYMAAsLIAVBAmohBQsCQANAIAUgA04NASABIAVBAnRqKAIAIQkgAiAFQQJ0aioCACENIA39EyERQQAhBgJAA0AgBiAITw0BIAAgBmogACAGav0ABAAgESAJIAZq/QAEAP3mAf3kAf0LBAAgBkEQaiEGDAALCwJAA0AgBiAHTw0BIAAgBmogACAGaioCACANIAkgBmoqAgCUkjgCACAGQQRqIQYMAAsLIAVBAWohBQwACwsLmQIDBn8BfAJ7/QwAAAAAAADwPwAAAAAAAPA/IQ4gBEF8cSEJAkADQCAGIAVPDQEgAyAGQQN0aisDACEMIAz9FCENQQAhBwJAA0AgByAJTw0BIAggB0ECdGohCiACIAdBA3RqIQsgACAKaiABIApq/QAEACAOIA0gC/0ABAD98gH98QH9XiAOIA0gC/0ABBD98gH98QH9Xv0NAAECAwQFBgcQERITFBUWF/3mAf0LBAAgB0EEaiEHDAALCwJAA0AgByAETw0BIAggB0ECdGohCiAAIApqIAEgCmoqAgBEAAAAAAAA8D8gDCACIAdBA3RqKwMAoqG2lDgCACAHQQFqIQcMAAsLIAggBEECdGohCCAGQQFqIQYMAAsLC4ICBAN/AnsBfQJ7IAP9EyEIIAT9EyEJ/QwAAAAAAAAAAAAAAAAAAAAAIQv9DAAAgD8AAIA/AACAPwAAgD8hDCACQQJ0IQYgBkFgcSEHAkADQCAFIAdPDQEgACAFaiAIIAEgBWr9AAQA/eYBIAn95AEgC/3rASAM/eoB/QsEACAAIAVqIAggASAFav0ABBD95gEgCf3kASAL/esBIAz96gH9CwQQIAVBIGohBQwACwsCQANAIAUgBk8NASADIAEgBWoqAgCUIASSIQpDAAAAACAKIApDAAAAAF0bIQpDAACAPyAKIApDAACAP14bIQogACAFaiAKOAIAIAVBBGohBQwACwsLxgUDDX8CfAp7IAAoAgAhCSAAKAIEIQogACgCCCELIAAoAgwhDCADQQJ0IRMCQANAIBIgE08NASAJIApqIAxqIQ0gDEEBaiEMIAogCkEJdnMhCSALIAtBA3RqIQogC0EVdyANaiELIAggEmogDTYCACANQQl2IAUgDUH/AXFBAnRqKAIATgRAIAcgD0ECdGogEkECdjYCACAHIA9BAnRqIA02AgQgD0ECaiEPCyASQQRqIRIMAAsLIAAgCTYCACAAIAo2AgQgACALNgIIIAAgDDYCDCAE/RQhHP0M/wEAAP8BAAD/AQAA/wEAACEf/QwAAAAAAADgPwAAAAAAAOA/ISD9DAAAAAAAAPA/AAAAAAAA8D8hISATQXBxIRRBACESAkADQCASIBRPDQEgCCASav0ABAAhGCAYIB/9TkED/asBIRkgGEEJ/a0BIRogASASav0ABAAhGyAa/f4BIAYgGf0bAGr9CgMAIAYgGf0bAWorAwD9IgH98gEhHSAb/V8gHCAd/fIB/fABIR0gHSAd/ewB/fABICD98gEgIf32ASEdIBogGv0NCAkKCwwNDg8AAQIDBAUGB/3+ASAGIBn9GwJq/QoDACAGIBn9GwNqKwMA/SIB/fIBIR4gGyAb/Q0ICQoLDA0ODwABAgMEBQYH/V8gHCAe/fIB/fABIR4gHiAe/ewB/fABICD98gEgIf32ASEeIAIgEmogHf1eIB79Xv0NAAECAwQFBgcQERITFBUWF/0LBAAgEkEQaiESDAALCwJAA0AgEiATTw0BIAggEmooAgAhDSANQf8DcSEQIA1BCXYhESARuCAGIBBBA3RqKwMAoiEXIAEgEmoqAgC7IAQgF6KgIRYgFiAWmaBEAAAAAAAA4D+iIRYgAiASakQAAAAAAADwPyAWIBZEAAAAAAAA8D9kG7Y4AgAgEkEEaiESDAALCyAPC/EIAwh/An0VeyAE/RMhHiAF/RMhHyAG/RMhIP0MAACAPwAAgD8AAIA/AACAPyEh/QwAAAAAAAAAAAAAAAAAAAAAISL9DP8HAAD/BwAA/wcAAP8HAAAhI/0M/wAAAP8AAAD/AAAA/wAAACEk/QwBAAAAAQAAAAEAAAABAAAAISX9DP//fwD//38A//9/AP//fwAhJiACQQJ0IQkgCUFgcSEKAkADQCAIIAlPDQEgCSELIAggCkkEQCAIQSBqIQsgACAIav0ABAAhEiASQRf9rQEhEyAAIAhq/QAEECEYIBhBF/2tASEZIBIgJf2xASAm/TogEyAk/Tf9UCAYICX9sQEgJv06IBkgJP03/VD9UP1TRQRAIAMgACAIaigCBEEIdkH4/wFxaiADIAAgCGooAgBBCHZB+P8BcWr9XQOAEP1XA4AQASEUIAMgACAIaigCDEEIdkH4/wFxaiADIAAgCGooAghBCHZB+P8BcWr9XQOAEP1XA4AQASEVIBIgI/1O/foBIBQgFf0NBAUGBwwNDg8UFRYXHB0eH/3mASEWIAMgACAIaigCDEEVdkH8D3FqIAMgACAIaigCCEEVdkH8D3FqIAMgACAIaigCBEEVdkH8D3FqIAMgACAIaigCAEEVdkH8D3Fq/VwCAP1WAgAB/VYCAAL9VgIAAyAUIBX9DQABAgMICQoLEBESExgZGhv95gEgISAWIB4gFiAf/eYB/eQB/eYB/eQB/eYBICD95AEhFyABIAhqIBcgIv3rASAh/eoB/QsEACADIAAgCGooAhRBCHZB+P8BcWogAyAAIAhqKAIQQQh2Qfj/AXFq/V0DgBD9VwOAEAEhGiADIAAgCGooAhxBCHZB+P8BcWogAyAAIAhqKAIYQQh2Qfj/AXFq/V0DgBD9VwOAEAEhGyAYICP9Tv36ASAaIBv9DQQFBgcMDQ4PFBUWFxwdHh/95gEhHCADIAAgCGooAhxBFXZB/A9xaiADIAAgCGooAhhBFXZB/A9xaiADIAAgCGooAhRBFXZB/A9xaiADIAAgCGooAhBBFXZB/A9xav1cAgD9VgIAAf1WAgAC/VYCAAMgGiAb/Q0AAQIDCAkKCxAREhMYGRob/eYBICEgHCAeIBwgH/3mAf3kAf3mAf3kAf3mASAg/eQBIR0gASAIaiAdICL96wEgIf3qAf0LBBAgCyEIDAILCwJAA0AgCCALTw0BIAAgCGooAgAhDCAMQRd2IQ0gDUH/AUYEQEMAAIB/QwAAAAAgBpIgDEGAgID8B0YbIREFIAxBAWtB////A0kEQCAHIA9BAnRqIAhBAnY2AgAgD0EBaiEPQwAAAAAhEQUgAyAMQQt2Qf8fcUEDdGohDiAMQf8PcbIgDioChBCUIRAgAyANQQJ0aioCACAOKgKAEJRDAACAPyAQIAQgECAFlJKUkpQgBpIhEQsLQwAAAAAgESARQwAAAABdGyERIAEgCGpDAACAPyARIBFDAACAP14bOAIAIAhBBGohCAwACwsMAAsLIA8L";

interface Kernel {
  memory: WebAssembly.Memory;
  accumulate(
    acc: number,
    taps: number,
    w: number,
    count: number,
    n: number,
  ): void;
  sum4(dst: number, src: number, n: number): void;
  acc32(acc: number, taps: number, w: number, count: number, n: number): void;
  clamp32(dst: number, src: number, n: number, a: number, b: number): void;
  spot32(
    dst: number,
    src: number,
    ec: number,
    er: number,
    w: number,
    rows: number,
  ): void;
  normal(
    st: number,
    src: number,
    out: number,
    n: number,
    sigma: number,
    ki: number,
    wi: number,
    rej: number,
    tb: number,
  ): number;
  gamma32(
    src: number,
    out: number,
    n: number,
    tab: number,
    c1: number,
    c2: number,
    offset: number,
    rej: number,
  ): number;
}

const MAX_ARENA_BYTES = 256 * 1024 * 1024;

let kernel: Kernel | null | undefined;
let enabled = true;

function load(): Kernel | null {
  // Null without WebAssembly SIMD: callers use JavaScript.
  if (kernel === undefined) {
    kernel = instantiateBase64<Kernel>(SIMD_WASM_BASE64);
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
   * A float32 array of `length` elements in the module's memory, NOT
   * zeroed (it holds whatever an earlier arena left): write it in full.
   */
  f32(length: number): Float32Array;
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
  /**
   * The four running sums of reduce_contrast: for each group of sixteen
   * samples, `s_k += fround(fround(x[16j + k] + x[16j + k + 4]) +
   * fround(x[16j + k + 8] + x[16j + k + 12]))` in float64 onto the four
   * values of `dst`, the last `data.length mod 16` samples added to s_0
   * (chunks of a multiple of 16 samples continue the sums of the whole
   * array); both from this arena.
   */
  sum4(dst: Float64Array, data: Float32Array): void;
  /**
   * {@linkcode SimdArena.accumulate} in float32 arithmetic: `acc[base + i]
   * = fround(acc[base + i] + fround(w[t] · src[offs[t] + i]))`, taps in
   * order; `acc`, `src` and `w` from this arena.
   */
  acc32(
    acc: Float32Array,
    base: number,
    src: Float32Array,
    offs: Int32Array,
    w: Float32Array,
    count: number,
    n: number,
  ): void;
  /**
   * `dst[i] = clip(fround(fround(a · src[i]) + b))` for i in
   * [0, src.length), clipped as `v < 0 ? 0 : v > 1 ? 1 : v`; `a` and `b`
   * are rounded to float32 first. Both arrays from this arena.
   */
  clamp32(dst: Float32Array, src: Float32Array, a: number, b: number): void;
  /**
   * dark_spots_artifact's darkening of `er.length` rows of `ec.length`
   * samples: `dst[r·w + c] = src[r·w + c] · fround(1 − er[r] · ec[c])` in
   * float32 (the product rounded once). `dst` and `src` (may be the same)
   * hold `er.length · ec.length` samples; all arrays from this arena.
   */
  spot32(
    dst: Float32Array,
    src: Float32Array,
    ec: Float64Array,
    er: Float64Array,
  ): void;
  /**
   * The ziggurat loop of `_normal.ts` over `src.length` samples: one sfc32
   * step on `state` per sample (the draws kept in `bits`, at least
   * `src.length` long), `out[i] = clip(src[i] + sigma · x_i)` with x_i the
   * first try, `(t >>> 9) · wi[t & 511]` (`wi`: the 256 layer widths,
   * then their negatives); first tries with `t >>> 9 >= ki[t & 255]` are
   * noted as (i, t) pairs in `rejects` for the caller to finish. Returns
   * the number of values written to `rejects`; `state` is advanced. All
   * arrays from this arena.
   */
  normal(
    state: Int32Array,
    src: Float32Array,
    out: Float32Array,
    sigma: number,
    ki: Int32Array,
    wi: Float64Array,
    rejects: Int32Array,
    bits: Int32Array,
  ): number;
  /**
   * exposure_artifact's `clip(x^gamma + offset)` of every sample of `src`
   * into `out` (the same length; may be `src` itself) by its table method
   * in float32: `tables` ({@linkcode GAMMA_TABLE_LENGTH} values) holds
   * byExponent (512 values: zero for e = 0 and for the sign bit set), the
   * pairs (byMantissa[m], step[m]) for m in 0..4095; `c` the two binomial
   * coefficients (float32).
   * Positive subnormal samples are left to the caller: their indices go to
   * `rejects` (as long as `src`), and the count is returned. All arrays
   * from this arena.
   */
  gamma32(
    src: Float32Array,
    out: Float32Array,
    tables: Float32Array,
    c: readonly [number, number],
    offset: number,
    rejects: Int32Array,
  ): number;
}

/**
 * Float32 values of the tables {@linkcode SimdArena.gamma32} takes:
 * byExponent (512) and the (byMantissa, step) pairs (2 · 4096).
 */
export const GAMMA_TABLE_LENGTH: number = 512 + 2 * 4096;

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
  /** The byte offset of `byteLength` more bytes (16-byte aligned). */
  const take = (byteLength: number, length: number): number => {
    if (next + byteLength > need) {
      throw new RangeError(
        `Cannot take ${length} more values from an arena of ${bytes} bytes: expected at most the size asked for`,
      );
    }
    const at = next;
    next += (byteLength + 15) & ~15;
    return at;
  };
  /** Check `count` against the room for tap addresses. */
  const fits = (count: number, what: string): void => {
    if (count > maxTaps) {
      throw new RangeError(
        `Cannot ${what} ${count} taps in an arena made for ${maxTaps}: expected at most ${maxTaps}`,
      );
    }
  };
  return {
    f64(length) {
      const view = new Float64Array(buffer, take(length * 8, length), length);
      view.fill(0);
      return view;
    },
    f32(length) {
      return new Float32Array(buffer, take(length * 4, length), length);
    },
    accumulate(acc, base, src, offs, w, count, n) {
      fits(count, "accumulate");
      for (let t = 0; t < count; t++) {
        taps[t] = src.byteOffset + 8 * offs[t];
      }
      k.accumulate(acc.byteOffset + 8 * base, 0, w.byteOffset, count, n);
    },
    sum4(dst, data) {
      k.sum4(dst.byteOffset, data.byteOffset, data.length);
    },
    acc32(acc, base, src, offs, w, count, n) {
      fits(count, "accumulate");
      for (let t = 0; t < count; t++) {
        taps[t] = src.byteOffset + 4 * offs[t];
      }
      k.acc32(acc.byteOffset + 4 * base, 0, w.byteOffset, count, n);
    },
    spot32(dst, src, ec, er) {
      const m = ec.length * er.length;
      if (src.length !== m || dst.length !== m) {
        throw new RangeError(
          `Cannot darken ${src.length} samples into ${dst.length} as ${er.length} rows of ${ec.length}: expected ${m} each`,
        );
      }
      k.spot32(
        dst.byteOffset,
        src.byteOffset,
        ec.byteOffset,
        er.byteOffset,
        ec.length,
        er.length,
      );
    },
    clamp32(dst, src, a, b) {
      k.clamp32(dst.byteOffset, src.byteOffset, src.length, a, b);
    },
    normal(state, src, out, sigma, ki, wi, rejects, bits) {
      if (bits.length < src.length) {
        throw new RangeError(
          `Cannot draw ${src.length} samples into ${bits.length} bits: expected at least as many`,
        );
      }
      return k.normal(
        state.byteOffset,
        src.byteOffset,
        out.byteOffset,
        src.length,
        sigma,
        ki.byteOffset,
        wi.byteOffset,
        rejects.byteOffset,
        bits.byteOffset,
      );
    },
    gamma32(src, out, tables, c, offset, rejects) {
      if (
        out.length !== src.length || rejects.length < src.length ||
        tables.length < GAMMA_TABLE_LENGTH
      ) {
        throw new RangeError(
          `Cannot map ${src.length} samples into ${out.length} with room for ${rejects.length} rejects and ${tables.length} table values: expected equal lengths, as many rejects and ${GAMMA_TABLE_LENGTH} table values`,
        );
      }
      return k.gamma32(
        src.byteOffset,
        out.byteOffset,
        src.length,
        tables.byteOffset,
        c[0],
        c[1],
        offset,
        rejects.byteOffset,
      );
    },
  };
}
