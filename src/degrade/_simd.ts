/**
 * A tiny WebAssembly SIMD module for the hot loops of the degradation
 * engine. `accumulate`: the inner loop of the separable Gaussian and the
 * sparse-tap convolution (acc[i] += w[t] · src_t[i], taps in order, four
 * per sweep); `luma` and `ghost`: the Rec. 601 luma and the shifted-row sums
 * of ghosting_artifact; `sum16` and `affine`: the running sums and the clipped
 * map of reduce_contrast. These work two float64 lanes at a time (float32
 * data promoted exactly, rounded back once). Their float32 twins work four
 * lanes at a time, every operation rounded to float32: `acc32` (the blurs
 * of `_filters32.ts`), `clamp32` (the clipped affine map of the intensity
 * operators), `luma32` and `ghost32` (ghosting_artifact). IEEE add and
 * multiply round exactly like the scalar operations and WebAssembly never
 * fuses them, so the results are bit for bit those of the scalar
 * JavaScript loops (float64, or float32 by one Math.fround per
 * operation); they only take fewer instructions, without bounds checks. Data must live in the
 * module's own memory: a call takes an arena, views on that memory valid
 * until the next arena is taken. Where WebAssembly SIMD is missing the
 * callers fall back to their JavaScript loop. Internal to src/degrade/.
 *
 * The bytes below are `SIMD_WAT` compiled with wabt 1.0.39
 * (`wabt.parseWat(name, SIMD_WAT, { simd: true }).toBinary({})`);
 * _simd_test.ts checks they still match the text.
 *
 * @module
 */

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
  ;; Ghosting (ghosting_artifact.ts): for each row r, with o its byte
  ;; offset, out[o + x] = clip(luma[o + x] + Σ_t w[t] · luma[o + x − s[t]])
  ;; over the ghosts t whose byte shift s[t] <= o (s ascending), the terms
  ;; added left to right in float64, clipped as v < 0 ? 0 : v > 1 ? 1 : v
  ;; (pmax/pmin have exactly that meaning) and rounded to float32: the
  ;; operations of the JavaScript loop, two samples at a time.
  (func (export "ghost")
    (param $out i32) (param $luma i32) (param $w i32) (param $h i32)
    (param $shifts i32) (param $weights i32) (param $count i32)
    (local $row i32) (local $o i32) (local $active i32) (local $x i32)
    (local $rowbytes i32) (local $vend i32) (local $t i32) (local $p i32)
    (local $acc v128) (local $s f64)
    (local $vend4 i32) (local $acc1 v128) (local $u v128) (local $wv v128)
    (local.set $rowbytes (i32.shl (local.get $w) (i32.const 2)))
    (local.set $vend (i32.and (local.get $rowbytes) (i32.const -8)))
    (local.set $vend4 (i32.and (local.get $rowbytes) (i32.const -16)))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $row) (local.get $h)))
        (local.set $o (i32.mul (local.get $row) (local.get $rowbytes)))
        (block $activeDone
          (loop $activeLoop
            (br_if $activeDone (i32.ge_u (local.get $active) (local.get $count)))
            (br_if $activeDone (i32.gt_u
              (i32.load (i32.add (local.get $shifts) (i32.shl (local.get $active) (i32.const 2))))
              (local.get $o)))
            (local.set $active (i32.add (local.get $active) (i32.const 1)))
            (br $activeLoop)))
        (local.set $x (i32.const 0))
        ;; Four samples per step (two accumulators), then two, then one.
        (block $v4done
          (loop $v4loop
            (br_if $v4done (i32.ge_u (local.get $x) (local.get $vend4)))
            (local.set $p (i32.add (local.get $luma) (i32.add (local.get $o) (local.get $x))))
            (local.set $u (v128.load (local.get $p)))
            (local.set $acc (f64x2.promote_low_f32x4 (local.get $u)))
            (local.set $acc1 (f64x2.promote_low_f32x4
              (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $u) (local.get $u))))
            (local.set $t (i32.const 0))
            (block $t4done
              (loop $t4loop
                (br_if $t4done (i32.ge_u (local.get $t) (local.get $active)))
                (local.set $wv (v128.load64_splat
                  (i32.add (local.get $weights) (i32.shl (local.get $t) (i32.const 3)))))
                (local.set $u (v128.load (i32.sub (local.get $p)
                  (i32.load (i32.add (local.get $shifts) (i32.shl (local.get $t) (i32.const 2)))))))
                (local.set $acc (f64x2.add (local.get $acc)
                  (f64x2.mul (local.get $wv) (f64x2.promote_low_f32x4 (local.get $u)))))
                (local.set $acc1 (f64x2.add (local.get $acc1)
                  (f64x2.mul (local.get $wv) (f64x2.promote_low_f32x4
                    (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $u) (local.get $u))))))
                (local.set $t (i32.add (local.get $t) (i32.const 1)))
                (br $t4loop)))
            (v128.store (i32.add (local.get $out) (i32.add (local.get $o) (local.get $x)))
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
                (f32x4.demote_f64x2_zero (f64x2.pmin
                  (f64x2.pmax (local.get $acc) (v128.const f64x2 0 0))
                  (v128.const f64x2 1 1)))
                (f32x4.demote_f64x2_zero (f64x2.pmin
                  (f64x2.pmax (local.get $acc1) (v128.const f64x2 0 0))
                  (v128.const f64x2 1 1)))))
            (local.set $x (i32.add (local.get $x) (i32.const 16)))
            (br $v4loop)))
        (block $vdone
          (loop $vloop
            (br_if $vdone (i32.ge_u (local.get $x) (local.get $vend)))
            (local.set $p (i32.add (local.get $luma) (i32.add (local.get $o) (local.get $x))))
            (local.set $acc (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $p))))
            (local.set $t (i32.const 0))
            (block $tdone
              (loop $tloop
                (br_if $tdone (i32.ge_u (local.get $t) (local.get $active)))
                (local.set $acc (f64x2.add (local.get $acc)
                  (f64x2.mul
                    (v128.load64_splat (i32.add (local.get $weights) (i32.shl (local.get $t) (i32.const 3))))
                    (f64x2.promote_low_f32x4 (v128.load64_zero (i32.sub (local.get $p)
                      (i32.load (i32.add (local.get $shifts) (i32.shl (local.get $t) (i32.const 2))))))))))
                (local.set $t (i32.add (local.get $t) (i32.const 1)))
                (br $tloop)))
            (v128.store64_lane 0 (i32.add (local.get $out) (i32.add (local.get $o) (local.get $x)))
              (f32x4.demote_f64x2_zero (f64x2.pmin
                (f64x2.pmax (local.get $acc) (v128.const f64x2 0 0))
                (v128.const f64x2 1 1))))
            (local.set $x (i32.add (local.get $x) (i32.const 8)))
            (br $vloop)))
        (if (i32.lt_u (local.get $x) (local.get $rowbytes))
          (then
            (local.set $p (i32.add (local.get $luma) (i32.add (local.get $o) (local.get $x))))
            (local.set $s (f64.promote_f32 (f32.load (local.get $p))))
            (local.set $t (i32.const 0))
            (block $sdone
              (loop $sloop
                (br_if $sdone (i32.ge_u (local.get $t) (local.get $active)))
                (local.set $s (f64.add (local.get $s)
                  (f64.mul
                    (f64.load (i32.add (local.get $weights) (i32.shl (local.get $t) (i32.const 3))))
                    (f64.promote_f32 (f32.load (i32.sub (local.get $p)
                      (i32.load (i32.add (local.get $shifts) (i32.shl (local.get $t) (i32.const 2))))))))))
                (local.set $t (i32.add (local.get $t) (i32.const 1)))
                (br $sloop)))
            (local.set $s (select (f64.const 0) (local.get $s) (f64.lt (local.get $s) (f64.const 0))))
            (local.set $s (select (f64.const 1) (local.get $s) (f64.gt (local.get $s) (f64.const 1))))
            (f32.store (i32.add (local.get $out) (i32.add (local.get $o) (local.get $x)))
              (f32.demote_f64 (local.get $s)))))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (br $rows))))
  ;; Rec. 601 luma of a planar RGB image of n samples per plane (src: byte
  ;; address of the red plane, green and blue follow): out[i] = float32(
  ;; 0.299·r + 0.587·g + 0.114·b) in float64, added left to right, as the
  ;; JavaScript expression does, two samples at a time.
  (func (export "luma") (param $out i32) (param $src i32) (param $n i32)
    (local $x i32) (local $end i32) (local $vend i32) (local $p i32)
    (local $plane i32) (local $vend4 i32) (local $r v128) (local $g v128)
    (local $b v128)
    (local.set $plane (i32.shl (local.get $n) (i32.const 2)))
    (local.set $end (local.get $plane))
    (local.set $vend (i32.and (local.get $end) (i32.const -8)))
    (local.set $vend4 (i32.and (local.get $end) (i32.const -16)))
    ;; Four samples per step, then two, then one.
    (block $v4done
      (loop $v4loop
        (br_if $v4done (i32.ge_u (local.get $x) (local.get $vend4)))
        (local.set $p (i32.add (local.get $src) (local.get $x)))
        (local.set $r (v128.load (local.get $p)))
        (local.set $g (v128.load (i32.add (local.get $p) (local.get $plane))))
        (local.set $b (v128.load (i32.add (local.get $p) (i32.shl (local.get $plane) (i32.const 1)))))
        (v128.store (i32.add (local.get $out) (local.get $x))
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            (f32x4.demote_f64x2_zero (f64x2.add
              (f64x2.add
                (f64x2.mul (v128.const f64x2 0.299 0.299) (f64x2.promote_low_f32x4 (local.get $r)))
                (f64x2.mul (v128.const f64x2 0.587 0.587) (f64x2.promote_low_f32x4 (local.get $g))))
              (f64x2.mul (v128.const f64x2 0.114 0.114) (f64x2.promote_low_f32x4 (local.get $b)))))
            (f32x4.demote_f64x2_zero (f64x2.add
              (f64x2.add
                (f64x2.mul (v128.const f64x2 0.299 0.299) (f64x2.promote_low_f32x4
                  (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $r) (local.get $r))))
                (f64x2.mul (v128.const f64x2 0.587 0.587) (f64x2.promote_low_f32x4
                  (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $g) (local.get $g)))))
              (f64x2.mul (v128.const f64x2 0.114 0.114) (f64x2.promote_low_f32x4
                (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $b) (local.get $b))))))))
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (br $v4loop)))
    (block $vdone
      (loop $vloop
        (br_if $vdone (i32.ge_u (local.get $x) (local.get $vend)))
        (local.set $p (i32.add (local.get $src) (local.get $x)))
        (v128.store64_lane 0 (i32.add (local.get $out) (local.get $x))
          (f32x4.demote_f64x2_zero (f64x2.add
            (f64x2.add
              (f64x2.mul (v128.const f64x2 0.299 0.299)
                (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $p))))
              (f64x2.mul (v128.const f64x2 0.587 0.587)
                (f64x2.promote_low_f32x4 (v128.load64_zero
                  (i32.add (local.get $p) (local.get $plane))))))
            (f64x2.mul (v128.const f64x2 0.114 0.114)
              (f64x2.promote_low_f32x4 (v128.load64_zero
                (i32.add (local.get $p) (i32.shl (local.get $plane) (i32.const 1)))))))))
        (local.set $x (i32.add (local.get $x) (i32.const 8)))
        (br $vloop)))
    (if (i32.lt_u (local.get $x) (local.get $end))
      (then
        (local.set $p (i32.add (local.get $src) (local.get $x)))
        (f32.store (i32.add (local.get $out) (local.get $x))
          (f32.demote_f64 (f64.add
            (f64.add
              (f64.mul (f64.const 0.299) (f64.promote_f32 (f32.load (local.get $p))))
              (f64.mul (f64.const 0.587) (f64.promote_f32 (f32.load
                (i32.add (local.get $p) (local.get $plane))))))
            (f64.mul (f64.const 0.114) (f64.promote_f32 (f32.load
              (i32.add (local.get $p) (i32.shl (local.get $plane) (i32.const 1))))))))))))
  ;; Sixteen running sums of n float32 samples, as reduce_contrast.ts keeps
  ;; them: s_k += Σ src[16j + k] in float64 onto the sixteen f64 at dst
  ;; (eight independent two-lane add chains), the last n mod 16 samples
  ;; added to s_0 (so chunks of a multiple of sixteen samples continue the
  ;; sums of the whole array).
  (func (export "sum16") (param $dst i32) (param $src i32) (param $n i32)
    (local $x i32) (local $end i32) (local $vend i32) (local $p i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local $s0 f64)
    (local.set $a0 (v128.load (local.get $dst)))
    (local.set $a1 (v128.load offset=16 (local.get $dst)))
    (local.set $a2 (v128.load offset=32 (local.get $dst)))
    (local.set $a3 (v128.load offset=48 (local.get $dst)))
    (local.set $a4 (v128.load offset=64 (local.get $dst)))
    (local.set $a5 (v128.load offset=80 (local.get $dst)))
    (local.set $a6 (v128.load offset=96 (local.get $dst)))
    (local.set $a7 (v128.load offset=112 (local.get $dst)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $vend (i32.and (local.get $end) (i32.const -64)))
    (block $vdone
      (loop $vloop
        (br_if $vdone (i32.ge_u (local.get $x) (local.get $vend)))
        (local.set $p (i32.add (local.get $src) (local.get $x)))
        (local.set $a0 (f64x2.add (local.get $a0)
          (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $p)))))
        (local.set $a1 (f64x2.add (local.get $a1)
          (f64x2.promote_low_f32x4 (v128.load64_zero offset=8 (local.get $p)))))
        (local.set $a2 (f64x2.add (local.get $a2)
          (f64x2.promote_low_f32x4 (v128.load64_zero offset=16 (local.get $p)))))
        (local.set $a3 (f64x2.add (local.get $a3)
          (f64x2.promote_low_f32x4 (v128.load64_zero offset=24 (local.get $p)))))
        (local.set $a4 (f64x2.add (local.get $a4)
          (f64x2.promote_low_f32x4 (v128.load64_zero offset=32 (local.get $p)))))
        (local.set $a5 (f64x2.add (local.get $a5)
          (f64x2.promote_low_f32x4 (v128.load64_zero offset=40 (local.get $p)))))
        (local.set $a6 (f64x2.add (local.get $a6)
          (f64x2.promote_low_f32x4 (v128.load64_zero offset=48 (local.get $p)))))
        (local.set $a7 (f64x2.add (local.get $a7)
          (f64x2.promote_low_f32x4 (v128.load64_zero offset=56 (local.get $p)))))
        (local.set $x (i32.add (local.get $x) (i32.const 64)))
        (br $vloop)))
    (local.set $s0 (f64x2.extract_lane 0 (local.get $a0)))
    (block $sdone
      (loop $sloop
        (br_if $sdone (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $s0 (f64.add (local.get $s0)
          (f64.promote_f32 (f32.load (i32.add (local.get $src) (local.get $x))))))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (br $sloop)))
    (v128.store (local.get $dst) (f64x2.replace_lane 0 (local.get $a0) (local.get $s0)))
    (v128.store offset=16 (local.get $dst) (local.get $a1))
    (v128.store offset=32 (local.get $dst) (local.get $a2))
    (v128.store offset=48 (local.get $dst) (local.get $a3))
    (v128.store offset=64 (local.get $dst) (local.get $a4))
    (v128.store offset=80 (local.get $dst) (local.get $a5))
    (v128.store offset=96 (local.get $dst) (local.get $a6))
    (v128.store offset=112 (local.get $dst) (local.get $a7)))
  ;; In place, data[i] = float32(clip(a · data[i] + b)) in float64, clipped
  ;; as v < 0 ? 0 : v > 1 ? 1 : v (reduce_contrast.ts), four at a time.
  (func (export "affine") (param $data i32) (param $n i32) (param $a f64) (param $b f64)
    (local $x i32) (local $end i32) (local $vend i32) (local $p i32)
    (local $va v128) (local $vb v128) (local $v v128) (local $lo v128) (local $s f64)
    (local.set $va (f64x2.splat (local.get $a)))
    (local.set $vb (f64x2.splat (local.get $b)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $vend (i32.and (local.get $end) (i32.const -16)))
    (block $vdone
      (loop $vloop
        (br_if $vdone (i32.ge_u (local.get $x) (local.get $vend)))
        (local.set $p (i32.add (local.get $data) (local.get $x)))
        (local.set $v (v128.load (local.get $p)))
        (local.set $lo (f32x4.demote_f64x2_zero (f64x2.pmin
          (f64x2.pmax
            (f64x2.add (f64x2.mul (local.get $va) (f64x2.promote_low_f32x4 (local.get $v))) (local.get $vb))
            (v128.const f64x2 0 0))
          (v128.const f64x2 1 1))))
        (local.set $v (f32x4.demote_f64x2_zero (f64x2.pmin
          (f64x2.pmax
            (f64x2.add (f64x2.mul (local.get $va) (f64x2.promote_low_f32x4
              (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v))))
              (local.get $vb))
            (v128.const f64x2 0 0))
          (v128.const f64x2 1 1))))
        (v128.store (local.get $p)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $lo) (local.get $v)))
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (br $vloop)))
    (block $sdone
      (loop $sloop
        (br_if $sdone (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $p (i32.add (local.get $data) (local.get $x)))
        (local.set $s (f64.add (f64.mul (local.get $a) (f64.promote_f32 (f32.load (local.get $p))))
          (local.get $b)))
        (local.set $s (select (f64.const 0) (local.get $s) (f64.lt (local.get $s) (f64.const 0))))
        (local.set $s (select (f64.const 1) (local.get $s) (f64.gt (local.get $s) (f64.const 1))))
        (f32.store (local.get $p) (f32.demote_f64 (local.get $s)))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (br $sloop))))
  ;; Float32 arithmetic from here on: every add and multiply rounds to
  ;; float32 as Math.fround does after each JavaScript operation, so the
  ;; fallbacks reproduce the bits with one fround per operation.
  ;; acc32: acc[i] = acc[i] + w[t] * src_t[i] in float32, taps t in order,
  ;; four per sweep added left to right, four lanes at a time. acc: byte
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
  ;; clamp32: dst[i] = clip(a * src[i] + b) in float32, clipped as
  ;; v < 0 ? 0 : v > 1 ? 1 : v (pmax/pmin with v first), eight at a time.
  (func (export "clamp32") (param $dst i32) (param $src i32) (param $n i32) (param $a f32) (param $b f32)
    (local $x i32) (local $end i32) (local $vend i32) (local $va v128) (local $vb v128) (local $s f32)
    (local.set $va (f32x4.splat (local.get $a)))
    (local.set $vb (f32x4.splat (local.get $b)))
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
              (v128.const f32x4 0 0 0 0))
            (v128.const f32x4 1 1 1 1)))
        (v128.store offset=16 (i32.add (local.get $dst) (local.get $x))
          (f32x4.pmin
            (f32x4.pmax
              (f32x4.add (f32x4.mul (local.get $va) (v128.load offset=16 (i32.add (local.get $src) (local.get $x))))
                (local.get $vb))
              (v128.const f32x4 0 0 0 0))
            (v128.const f32x4 1 1 1 1)))
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
  ;; luma32: out[i] = (0.299·r[i] + 0.587·g[i]) + 0.114·b[i] in float32
  ;; (the constants rounded to float32), four at a time.
  (func (export "luma32") (param $out i32) (param $r i32) (param $g i32) (param $b i32) (param $n i32)
    (local $x i32) (local $end i32) (local $vend i32)
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $vend (i32.and (local.get $end) (i32.const -16)))
    (block $vdone
      (loop $vloop
        (br_if $vdone (i32.ge_u (local.get $x) (local.get $vend)))
        (v128.store (i32.add (local.get $out) (local.get $x))
          (f32x4.add
            (f32x4.add
              (f32x4.mul (v128.const f32x4 0.299 0.299 0.299 0.299) (v128.load (i32.add (local.get $r) (local.get $x))))
              (f32x4.mul (v128.const f32x4 0.587 0.587 0.587 0.587) (v128.load (i32.add (local.get $g) (local.get $x)))))
            (f32x4.mul (v128.const f32x4 0.114 0.114 0.114 0.114) (v128.load (i32.add (local.get $b) (local.get $x))))))
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (br $vloop)))
    (block $sdone
      (loop $sloop
        (br_if $sdone (i32.ge_u (local.get $x) (local.get $end)))
        (f32.store (i32.add (local.get $out) (local.get $x))
          (f32.add
            (f32.add
              (f32.mul (f32.const 0.299) (f32.load (i32.add (local.get $r) (local.get $x))))
              (f32.mul (f32.const 0.587) (f32.load (i32.add (local.get $g) (local.get $x)))))
            (f32.mul (f32.const 0.114) (f32.load (i32.add (local.get $b) (local.get $x))))))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (br $sloop))))
  ;; ghost32: ghosting_artifact in float32 for output rows [r0, r1) of a
  ;; w-wide plane, written from out[0]: out = clip(luma[o + c] +
  ;; w_t · luma[o + c − s_t] ...) over the ghosts with s_t <= o (o = row·w,
  ;; shifts in bytes, ascending, at taps), added left to right; weights
  ;; are 16-byte splats (w_t in all four lanes).
  (func (export "ghost32")
    (param $out i32) (param $luma i32) (param $w i32) (param $r0 i32) (param $r1 i32)
    (param $shifts i32) (param $weights i32) (param $count i32)
    (local $row i32) (local $o i32) (local $active i32) (local $x i32) (local $rowbytes i32)
    (local $vend i32) (local $t i32) (local $p i32) (local $d i32) (local $a v128) (local $s f32)
    (local.set $rowbytes (i32.shl (local.get $w) (i32.const 2)))
    (local.set $vend (i32.and (local.get $rowbytes) (i32.const -16)))
    (local.set $row (local.get $r0))
    (local.set $d (local.get $out))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $row) (local.get $r1)))
        (local.set $o (i32.mul (local.get $row) (local.get $rowbytes)))
        (block $activeDone
          (loop $activeLoop
            (br_if $activeDone (i32.ge_u (local.get $active) (local.get $count)))
            (br_if $activeDone (i32.gt_u
              (i32.load (i32.add (local.get $shifts) (i32.shl (local.get $active) (i32.const 2))))
              (local.get $o)))
            (local.set $active (i32.add (local.get $active) (i32.const 1)))
            (br $activeLoop)))
        (local.set $x (i32.const 0))
        (block $vdone
          (loop $vloop
            (br_if $vdone (i32.ge_u (local.get $x) (local.get $vend)))
            (local.set $p (i32.add (local.get $luma) (i32.add (local.get $o) (local.get $x))))
            (local.set $a (v128.load (local.get $p)))
            (local.set $t (i32.const 0))
            (block $tdone
              (loop $tloop
                (br_if $tdone (i32.ge_u (local.get $t) (local.get $active)))
                (local.set $a (f32x4.add (local.get $a)
                  (f32x4.mul
                    (v128.load (i32.add (local.get $weights) (i32.shl (local.get $t) (i32.const 4))))
                    (v128.load (i32.sub (local.get $p)
                      (i32.load (i32.add (local.get $shifts) (i32.shl (local.get $t) (i32.const 2)))))))))
                (local.set $t (i32.add (local.get $t) (i32.const 1)))
                (br $tloop)))
            (v128.store (i32.add (local.get $d) (local.get $x))
              (f32x4.pmin (f32x4.pmax (local.get $a) (v128.const f32x4 0 0 0 0))
                (v128.const f32x4 1 1 1 1)))
            (local.set $x (i32.add (local.get $x) (i32.const 16)))
            (br $vloop)))
        (block $sdone
          (loop $sloop
            (br_if $sdone (i32.ge_u (local.get $x) (local.get $rowbytes)))
            (local.set $p (i32.add (local.get $luma) (i32.add (local.get $o) (local.get $x))))
            (local.set $s (f32.load (local.get $p)))
            (local.set $t (i32.const 0))
            (block $tsdone
              (loop $tsloop
                (br_if $tsdone (i32.ge_u (local.get $t) (local.get $active)))
                (local.set $s (f32.add (local.get $s)
                  (f32.mul
                    (f32.load (i32.add (local.get $weights) (i32.shl (local.get $t) (i32.const 4))))
                    (f32.load (i32.sub (local.get $p)
                      (i32.load (i32.add (local.get $shifts) (i32.shl (local.get $t) (i32.const 2)))))))))
                (local.set $t (i32.add (local.get $t) (i32.const 1)))
                (br $tsloop)))
            (local.set $s (select (f32.const 0) (local.get $s) (f32.lt (local.get $s) (f32.const 0))))
            (local.set $s (select (f32.const 1) (local.get $s) (f32.gt (local.get $s) (f32.const 1))))
            (f32.store (i32.add (local.get $d) (local.get $x)) (local.get $s))
            (local.set $x (i32.add (local.get $x) (i32.const 4)))
            (br $sloop)))
        (local.set $d (i32.add (local.get $d) (local.get $rowbytes)))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (br $rows)))))`;

const SIMD_WASM_BASE64 =
  "AGFzbQEAAAABMwZgBX9/f39/AGAHf39/f39/fwBgA39/fwBgBH9/fHwAYAV/f399fQBgCH9/f39/f39/AAMKCQABAgIDAAQABQUDAQABB1wKBm1lbW9yeQIACmFjY3VtdWxhdGUAAAVnaG9zdAABBGx1bWEAAgVzdW0xNgADBmFmZmluZQAEBWFjYzMyAAUHY2xhbXAzMgAGBmx1bWEzMgAHB2dob3N0MzIACAr6HgmOBAUIfwR8BXsBfAJ/IARBA3QhByAHQXBxIQgCQANAIAVBBGogA0oNASABIAVBAnRqIRcgAiAFQQN0aiEYIBcoAgAhCSAXKAIEIQogFygCCCELIBcoAgwhDCAYKwMAIQ0gGCsDCCEOIBgrAxAhDyAYKwMYIRAgDf0UIREgDv0UIRIgD/0UIRMgEP0UIRRBACEGAkADQCAGIAhPDQEgACAGav0ABAAhFSAVIBEgCSAGav0ABAD98gH98AEhFSAVIBIgCiAGav0ABAD98gH98AEhFSAVIBMgCyAGav0ABAD98gH98AEhFSAVIBQgDCAGav0ABAD98gH98AEhFSAAIAZqIBX9CwQAIAZBEGohBgwACwsgBiAHSQRAIAAgBmorAwAhFiAWIA0gCSAGaisDAKKgIRYgFiAOIAogBmorAwCioCEWIBYgDyALIAZqKwMAoqAhFiAWIBAgDCAGaisDAKKgIRYgACAGaiAWOQMACyAFQQRqIQUMAAsLAkADQCAFIANODQEgASAFQQJ0aigCACEJIAIgBUEDdGorAwAhDSAN/RQhEUEAIQYCQANAIAYgCE8NASAAIAZqIAAgBmr9AAQAIBEgCSAGav0ABAD98gH98AH9CwQAIAZBEGohBgwACwsgBiAHSQRAIAAgBmogACAGaisDACANIAkgBmorAwCioDkDAAsgBUEBaiEFDAALCwvcBQUIfwF7AXwBfwN7IAJBAnQhCyALQXhxIQwgC0FwcSERAkADQCAHIANPDQEgByALbCEIAkADQCAJIAZPDQEgBCAJQQJ0aigCACAISw0BIAlBAWohCQwACwtBACEKAkADQCAKIBFPDQEgASAIIApqaiEOIA79AAQAIRMgE/1fIQ8gEyAT/Q0ICQoLDA0ODwABAgMEBQYH/V8hEkEAIQ0CQANAIA0gCU8NASAFIA1BA3Rq/QoDACEUIA4gBCANQQJ0aigCAGv9AAQAIRMgDyAUIBP9X/3yAf3wASEPIBIgFCATIBP9DQgJCgsMDQ4PAAECAwQFBgf9X/3yAf3wASESIA1BAWohDQwACwsgACAIIApqaiAP/QwAAAAAAAAAAAAAAAAAAAAA/fcB/QwAAAAAAADwPwAAAAAAAPA//fYB/V4gEv0MAAAAAAAAAAAAAAAAAAAAAP33Af0MAAAAAAAA8D8AAAAAAADwP/32Af1e/Q0AAQIDBAUGBxAREhMUFRYX/QsEACAKQRBqIQoMAAsLAkADQCAKIAxPDQEgASAIIApqaiEOIA79XQMA/V8hD0EAIQ0CQANAIA0gCU8NASAPIAUgDUEDdGr9CgMAIA4gBCANQQJ0aigCAGv9XQMA/V/98gH98AEhDyANQQFqIQ0MAAsLIAAgCCAKamogD/0MAAAAAAAAAAAAAAAAAAAAAP33Af0MAAAAAAAA8D8AAAAAAADwP/32Af1e/VsDAAAgCkEIaiEKDAALCyAKIAtJBEAgASAIIApqaiEOIA4qAgC7IRBBACENAkADQCANIAlPDQEgECAFIA1BA3RqKwMAIA4gBCANQQJ0aigCAGsqAgC7oqAhECANQQFqIQ0MAAsLRAAAAAAAAAAAIBAgEEQAAAAAAAAAAGMbIRBEAAAAAAAA8D8gECAQRAAAAAAAAPA/ZBshECAAIAggCmpqIBC2OAIACyAHQQFqIQcMAAsLC7wEAgZ/A3sgAkECdCEHIAchBCAEQXhxIQUgBEFwcSEIAkADQCADIAhPDQEgASADaiEGIAb9AAQAIQkgBiAHav0ABAAhCiAGIAdBAXRq/QAEACELIAAgA2r9DIlBYOXQItM/iUFg5dAi0z8gCf1f/fIB/QxiEFg5tMjiP2IQWDm0yOI/IAr9X/3yAf3wAf0MyXa+nxovvT/Jdr6fGi+9PyAL/V/98gH98AH9Xv0MiUFg5dAi0z+JQWDl0CLTPyAJIAn9DQgJCgsMDQ4PAAECAwQFBgf9X/3yAf0MYhBYObTI4j9iEFg5tMjiPyAKIAr9DQgJCgsMDQ4PAAECAwQFBgf9X/3yAf3wAf0MyXa+nxovvT/Jdr6fGi+9PyALIAv9DQgJCgsMDQ4PAAECAwQFBgf9X/3yAf3wAf1e/Q0AAQIDBAUGBxAREhMUFRYX/QsEACADQRBqIQMMAAsLAkADQCADIAVPDQEgASADaiEGIAAgA2r9DIlBYOXQItM/iUFg5dAi0z8gBv1dAwD9X/3yAf0MYhBYObTI4j9iEFg5tMjiPyAGIAdq/V0DAP1f/fIB/fAB/QzJdr6fGi+9P8l2vp8aL70/IAYgB0EBdGr9XQMA/V/98gH98AH9Xv1bAwAAIANBCGohAwwACwsgAyAESQRAIAEgA2ohBiAAIANqRIlBYOXQItM/IAYqAgC7okRiEFg5tMjiPyAGIAdqKgIAu6KgRMl2vp8aL70/IAYgB0EBdGoqAgC7oqC2OAIACwvcAgMEfwh7AXwgAP0ABAAhByAA/QAEECEIIAD9AAQgIQkgAP0ABDAhCiAA/QAEQCELIAD9AARQIQwgAP0ABGAhDSAA/QAEcCEOIAJBAnQhBCAEQUBxIQUCQANAIAMgBU8NASABIANqIQYgByAG/V0DAP1f/fABIQcgCCAG/V0DCP1f/fABIQggCSAG/V0DEP1f/fABIQkgCiAG/V0DGP1f/fABIQogCyAG/V0DIP1f/fABIQsgDCAG/V0DKP1f/fABIQwgDSAG/V0DMP1f/fABIQ0gDiAG/V0DOP1f/fABIQ4gA0HAAGohAwwACwsgB/0hACEPAkADQCADIARPDQEgDyABIANqKgIAu6AhDyADQQRqIQMMAAsLIAAgByAP/SIA/QsEACAAIAj9CwQQIAAgCf0LBCAgACAK/QsEMCAAIAv9CwRAIAAgDP0LBFAgACAN/QsEYCAAIA79CwRwC9YCAwR/BHsBfCAC/RQhCCAD/RQhCSABQQJ0IQUgBUFwcSEGAkADQCAEIAZPDQEgACAEaiEHIAf9AAQAIQogCCAK/V/98gEgCf3wAf0MAAAAAAAAAAAAAAAAAAAAAP33Af0MAAAAAAAA8D8AAAAAAADwP/32Af1eIQsgCCAKIAr9DQgJCgsMDQ4PAAECAwQFBgf9X/3yASAJ/fAB/QwAAAAAAAAAAAAAAAAAAAAA/fcB/QwAAAAAAADwPwAAAAAAAPA//fYB/V4hCiAHIAsgCv0NAAECAwQFBgcQERITFBUWF/0LBAAgBEEQaiEEDAALCwJAA0AgBCAFTw0BIAAgBGohByACIAcqAgC7oiADoCEMRAAAAAAAAAAAIAwgDEQAAAAAAAAAAGMbIQxEAAAAAAAA8D8gDCAMRAAAAAAAAPA/ZBshDCAHIAy2OAIAIARBBGohBAwACwsLgAQECH8EfQR7An8gBEECdCEHIAdBcHEhCAJAA0AgBUEEaiADSg0BIAEgBUECdGohFSACIAVBAnRqIRYgFSgCACEJIBUoAgQhCiAVKAIIIQsgFSgCDCEMIBYqAgAhDSAWKgIEIQ4gFioCCCEPIBYqAgwhECAN/RMhESAO/RMhEiAP/RMhEyAQ/RMhFEEAIQYCQANAIAYgCE8NASAAIAZqIAAgBmr9AAQAIBEgCSAGav0ABAD95gH95AEgEiAKIAZq/QAEAP3mAf3kASATIAsgBmr9AAQA/eYB/eQBIBQgDCAGav0ABAD95gH95AH9CwQAIAZBEGohBgwACwsCQANAIAYgB08NASAAIAZqIAAgBmoqAgAgDSAJIAZqKgIAlJIgDiAKIAZqKgIAlJIgDyALIAZqKgIAlJIgECAMIAZqKgIAlJI4AgAgBkEEaiEGDAALCyAFQQRqIQUMAAsLAkADQCAFIANODQEgASAFQQJ0aigCACEJIAIgBUECdGoqAgAhDSAN/RMhEUEAIQYCQANAIAYgCE8NASAAIAZqIAAgBmr9AAQAIBEgCSAGav0ABAD95gH95AH9CwQAIAZBEGohBgwACwsCQANAIAYgB08NASAAIAZqIAAgBmoqAgAgDSAJIAZqKgIAlJI4AgAgBkEEaiEGDAALCyAFQQFqIQUMAAsLC5gCAwN/AnsBfSAD/RMhCCAE/RMhCSACQQJ0IQYgBkFgcSEHAkADQCAFIAdPDQEgACAFaiAIIAEgBWr9AAQA/eYBIAn95AH9DAAAAAAAAAAAAAAAAAAAAAD96wH9DAAAgD8AAIA/AACAPwAAgD/96gH9CwQAIAAgBWogCCABIAVq/QAEEP3mASAJ/eQB/QwAAAAAAAAAAAAAAAAAAAAA/esB/QwAAIA/AACAPwAAgD8AAIA//eoB/QsEECAFQSBqIQUMAAsLAkADQCAFIAZPDQEgAyABIAVqKgIAlCAEkiEKQwAAAAAgCiAKQwAAAABdGyEKQwAAgD8gCiAKQwAAgD9eGyEKIAAgBWogCjgCACAFQQRqIQUMAAsLC9sBAQN/IARBAnQhBiAGQXBxIQcCQANAIAUgB08NASAAIAVq/QyHFpk+hxaZPocWmT6HFpk+IAEgBWr9AAQA/eYB/QyiRRY/okUWP6JFFj+iRRY/IAIgBWr9AAQA/eYB/eQB/QzVeOk91XjpPdV46T3VeOk9IAMgBWr9AAQA/eYB/eQB/QsEACAFQRBqIQUMAAsLAkADQCAFIAZPDQEgACAFakOHFpk+IAEgBWoqAgCUQ6JFFj8gAiAFaioCAJSSQ9V46T0gAyAFaioCAJSSOAIAIAVBBGohBQwACwsLnAMDCX8BewF9IAJBAnQhDCAMQXBxIQ0gAyEIIAAhEAJAA0AgCCAETw0BIAggDGwhCQJAA0AgCiAHTw0BIAUgCkECdGooAgAgCUsNASAKQQFqIQoMAAsLQQAhCwJAA0AgCyANTw0BIAEgCSALamohDyAP/QAEACERQQAhDgJAA0AgDiAKTw0BIBEgBiAOQQR0av0ABAAgDyAFIA5BAnRqKAIAa/0ABAD95gH95AEhESAOQQFqIQ4MAAsLIBAgC2ogEf0MAAAAAAAAAAAAAAAAAAAAAP3rAf0MAACAPwAAgD8AAIA/AACAP/3qAf0LBAAgC0EQaiELDAALCwJAA0AgCyAMTw0BIAEgCSALamohDyAPKgIAIRJBACEOAkADQCAOIApPDQEgEiAGIA5BBHRqKgIAIA8gBSAOQQJ0aigCAGsqAgCUkiESIA5BAWohDgwACwtDAAAAACASIBJDAAAAAF0bIRJDAACAPyASIBJDAACAP14bIRIgECALaiASOAIAIAtBBGohCwwACwsgECAMaiEQIAhBAWohCAwACwsL";

interface Kernel {
  memory: WebAssembly.Memory;
  accumulate(
    acc: number,
    taps: number,
    w: number,
    count: number,
    n: number,
  ): void;
  ghost(
    out: number,
    luma: number,
    w: number,
    h: number,
    shifts: number,
    weights: number,
    count: number,
  ): void;
  luma(out: number, src: number, n: number): void;
  sum16(dst: number, src: number, n: number): void;
  affine(data: number, n: number, a: number, b: number): void;
  acc32(acc: number, taps: number, w: number, count: number, n: number): void;
  clamp32(dst: number, src: number, n: number, a: number, b: number): void;
  luma32(out: number, r: number, g: number, b: number, n: number): void;
  ghost32(
    out: number,
    luma: number,
    w: number,
    r0: number,
    r1: number,
    shifts: number,
    weights: number,
    count: number,
  ): void;
}

const MAX_ARENA_BYTES = 256 * 1024 * 1024;

let kernel: Kernel | null | undefined;
let enabled = true;

function load(): Kernel | null {
  if (kernel === undefined) {
    try {
      const bytes = Uint8Array.from(
        atob(SIMD_WASM_BASE64),
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
   * The ghosting sum of `ghosting_artifact`, row by row over a `w`×`h`
   * plane: `out[o + c] = clip(luma[o + c] + Σ_t w[t] · luma[o + c −
   * shifts[t]], 0, 1)` over the ghosts with `shifts[t] <= o` (o = row·w;
   * `shifts` ascending, in samples), added left to right in float64 and
   * rounded to float32; `out`, `luma` and `weights` from this arena.
   */
  ghost(
    out: Float32Array,
    luma: Float32Array,
    w: number,
    h: number,
    shifts: ArrayLike<number>,
    weights: Float64Array,
    count: number,
  ): void;
  /**
   * `out[i] = 0.299·src[i] + 0.587·src[n + i] + 0.114·src[2n + i]` in
   * float64, rounded to float32, for i in [0, n) (`src` holds three
   * planes); both arrays from this arena.
   */
  luma(out: Float32Array, src: Float32Array, n: number): void;
  /**
   * The sixteen running sums of reduce_contrast: `s_k += Σ_j data[16j + k]`
   * in float64 onto the sixteen values of `dst`, the last
   * `data.length mod 16` samples added to s_0 (chunks of a multiple of 16
   * samples continue the sums of the whole array); both from this arena.
   */
  sum16(dst: Float64Array, data: Float32Array): void;
  /**
   * In place, `data[i] = clip(a · data[i] + b, 0, 1)` in float64, clipped
   * as `v < 0 ? 0 : v > 1 ? 1 : v`, rounded to float32 (reduce_contrast).
   */
  affine(data: Float32Array, a: number, b: number): void;
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
   * Float32 luma, `out[i] = fround(fround(L_r·r[i]) + fround(L_g·g[i]))`
   * plus `fround(L_b·b[i])`, rounded, with the Rec. 601 weights rounded
   * to float32 ({@linkcode LUMA32}); all arrays from this arena.
   */
  luma32(
    out: Float32Array,
    r: Float32Array,
    g: Float32Array,
    b: Float32Array,
  ): void;
  /**
   * The ghosting sum in float32 for rows [r0, r1) of a `w`-wide plane,
   * written from `out[0]`: `clip(luma[o + c] + w_t · luma[o + c −
   * shifts[t]] + ...)`, each add and multiply rounded to float32, over the
   * ghosts with `shifts[t] <= o` (o = row·w, `shifts` ascending, in
   * samples). `weights` holds each weight four times (16-byte splats).
   */
  ghost32(
    out: Float32Array,
    luma: Float32Array,
    w: number,
    r0: number,
    r1: number,
    shifts: ArrayLike<number>,
    weights: Float32Array,
    count: number,
  ): void;
}

/** The Rec. 601 luma weights rounded to float32 (luma32's constants). */
export const LUMA32: readonly [number, number, number] = [
  Math.fround(0.299),
  Math.fround(0.587),
  Math.fround(0.114),
];

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
    ghost(out, luma, w, h, shifts, weights, count) {
      fits(count, "ghost");
      for (let t = 0; t < count; t++) taps[t] = 4 * shifts[t];
      k.ghost(
        out.byteOffset,
        luma.byteOffset,
        w,
        h,
        0,
        weights.byteOffset,
        count,
      );
    },
    luma(out, src, n) {
      k.luma(out.byteOffset, src.byteOffset, n);
    },
    sum16(dst, data) {
      k.sum16(dst.byteOffset, data.byteOffset, data.length);
    },
    affine(data, a, b) {
      k.affine(data.byteOffset, data.length, a, b);
    },
    acc32(acc, base, src, offs, w, count, n) {
      fits(count, "accumulate");
      for (let t = 0; t < count; t++) {
        taps[t] = src.byteOffset + 4 * offs[t];
      }
      k.acc32(acc.byteOffset + 4 * base, 0, w.byteOffset, count, n);
    },
    clamp32(dst, src, a, b) {
      k.clamp32(dst.byteOffset, src.byteOffset, src.length, a, b);
    },
    luma32(out, r, g, b) {
      k.luma32(
        out.byteOffset,
        r.byteOffset,
        g.byteOffset,
        b.byteOffset,
        out.length,
      );
    },
    ghost32(out, luma, w, r0, r1, shifts, weights, count) {
      fits(count, "ghost");
      for (let t = 0; t < count; t++) taps[t] = 4 * shifts[t];
      k.ghost32(
        out.byteOffset,
        luma.byteOffset,
        w,
        r0,
        r1,
        0,
        weights.byteOffset,
        count,
      );
    },
  };
}
