/**
 * Degradation benchmark: every operator at L2 on a 512x512 image (RGB, or
 * grayscale with `--channels 1`), timed in this process against the closest
 * Python reference
 * (`bench/degrade_ref.py`: SciPy `ndimage`, scikit-image `radon`/`iradon`,
 * numpy FFT) served by a /usr/bin/python3 child on the same image and
 * parameters. Runs alternate (ours, reference, ours, ...) so both see the
 * same machine load; each side reports the median of `--runs` runs after
 * a warm-up (up to 3 runs, at most about a second), or for fast operators
 * of as many runs as fit in about a second, up to 10 × `--runs`. Prints a
 * Markdown table id | ours ms | ref ms | ratio (ours / ref; target <= 0.5)
 * | ratio of the fastest runs (less sensitive to a busy machine) | runs |
 * the median minor page faults per run on each side (Linux; "—"
 * elsewhere).
 *
 *     deno task bench:degrade [--runs 5] [--size 512] [--only id,id]
 *                             [--channels 3|1] [--cache alternate|warm|cold]
 *                             [--gc before|after|none]
 *
 * `--cache` sets what precedes each timed run on both sides: `alternate`
 * (the default) only the other side's run (the reference's numpy
 * temporaries are several times our footprint, so it evicts our data more
 * than we evict its own); `warm` an untimed run of the same operator on the
 * same side (the `timeit` way; data in cache, as when one image goes
 * through several degradations; with `--gc before` our collection runs
 * before that untimed run, not between it and the timed one, since a full
 * collection walks the heap and evicts what the untimed run warmed);
 * `cold` a 64 MiB write on the same side (data in memory, not cache).
 *
 * `--channels 1` times a grayscale image (the CT, MRI and X-ray case)
 * instead of the RGB one (the default).
 *
 * The task passes `--v8-flags=--expose-gc,--single-threaded-gc` so each of
 * our runs (with `--gc before`, the default) starts from a collected heap
 * whose freed memory is back with the allocator: garbage from the previous
 * run is not billed to the next one, as on the Python side, where reference counting frees each array at
 * once. (With V8's default concurrent GC the previous output is often
 * still being freed on a helper thread when the next run starts; the new
 * 3 MB output then lands on fresh pages, and on this VM each 4 KiB page
 * fault costs about 2.5 µs, about 2 ms per output: the faults column
 * shows when that happens.) `--gc after` collects right after each of our
 * runs instead (the next one then follows the reference's run directly);
 * `--gc none` leaves collection to V8, inside the timed runs. On this
 * machine `after` gave the same medians as `before`, and `none` slower,
 * noisier ones with page faults.
 *
 * OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are removed from the Python
 * child's environment only (they slow numpy down on this machine), and the
 * child runs single-threaded (OPENBLAS_NUM_THREADS = OMP_NUM_THREADS = 1),
 * as our operators do. On both sides glibc keeps freed memory for reuse
 * (MALLOC_MMAP_THRESHOLD_ 32 MiB, MALLOC_TRIM_THRESHOLD_ 1 GiB; the task
 * sets them for this process, and they are set again for the child):
 * arrays of a few MB otherwise come from fresh mmapped pages, or from a
 * heap just trimmed, depending on what ran before (numpy's 512x512 map
 * went from 2.7 ms with no faults to 7.5 ms with about 1,000; ours
 * likewise, e.g. reduce_contrast 3.7 ms with 736 faults after an untimed
 * run). Both sides are thus timed without page faults.
 *
 * @module
 */

import { DEGRADATIONS } from "../src/taxonomy/degradations.ts";
import type { Degradation } from "../src/taxonomy/degradations.ts";
import type { Degrader, FloatImage } from "../src/degrade/types.ts";
import { createPrng } from "../src/random/prng.ts";
import { DEGRADERS } from "../src/degrade/registry.ts";
import { progress } from "../src/cli/_progress.ts";
import { sparseView } from "../src/degrade/artifacts/sparse_view.ts";
import { limitedAngle } from "../src/degrade/artifacts/limited_angle.ts";
import { undersamplingArtifact } from "../src/degrade/artifacts/undersampling_artifact.ts";
import { ghostingArtifact } from "../src/degrade/artifacts/ghosting_artifact.ts";
import { biasFieldArtifact } from "../src/degrade/artifacts/bias_field_artifact.ts";
import { lowDose } from "../src/degrade/noise/low_dose.ts";
import { randomMotionArtifact } from "../src/degrade/motion/random_motion_artifact.ts";

const PHYSICS: Degrader[] = [
  sparseView,
  limitedAngle,
  undersamplingArtifact,
  ghostingArtifact,
  biasFieldArtifact,
  lowDose,
  randomMotionArtifact,
] as Degrader[];

function option(name: string, fallback: string): string {
  const i = Deno.args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < Deno.args.length ? Deno.args[i + 1] : fallback;
}

function positiveInteger(name: string, fallback: number): number {
  const raw = option(name, String(fallback));
  const v = Number(raw);
  if (!Number.isInteger(v) || v < 1) {
    throw new RangeError(
      `Cannot use --${name} ${raw}: expected a positive integer`,
    );
  }
  return v;
}

/**
 * A deterministic CT/MRI-like test image (body, bright rim, texture): RGB
 * with slightly tinted planes, or its first plane alone for grayscale.
 */
function testImage(size: number, channels: 1 | 3): FloatImage {
  const prng = createPrng(2026);
  const n = size * size, data = new Float32Array(3 * n);
  const c = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.hypot((x - c) / (0.42 * size), (y - c) / (0.36 * size));
      let v = r < 0.9
        ? 0.45 + 0.1 * Math.sin(x / 9) * Math.cos(y / 13)
        : r < 1
        ? 1
        : 0.02;
      if (Math.hypot(x - 0.6 * size, y - 0.45 * size) < size / 14) v = 0.7;
      v += 0.02 * prng.normal();
      const g = Math.min(1, Math.max(0, v));
      data[y * size + x] = g;
      data[n + y * size + x] = Math.min(1, g * 0.95 + 0.03);
      data[2 * n + y * size + x] = Math.min(1, g * 0.9 + 0.05);
    }
  }
  if (channels === 1) {
    return { width: size, height: size, channels, data: data.slice(0, n) };
  }
  return { width: size, height: size, channels, data };
}

/** Minor page faults of this process so far (Linux), NaN elsewhere. */
function minorFaults(): number {
  try {
    const stat = Deno.readTextFileSync("/proc/self/stat");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[7]);
  } catch {
    return NaN;
  }
}

/** 64 MiB written before a timed run with `--cache cold` (twice the L3). */
const flushBuffer = new Float64Array(8 * 1024 * 1024);
let flushCount = 0;

/** Push the caches' contents out to memory by writing `flushBuffer`. */
function flushCaches(): void {
  flushBuffer.fill(++flushCount);
}

/** Start every timed run from a collected heap when `--expose-gc` is on. */
const collectGarbage: () => void = (globalThis as { gc?: () => void }).gc ??
  (() => {});

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** `--name`'s value, which must be one of `allowed` (the first by default). */
function choice<T extends string>(name: string, allowed: readonly T[]): T {
  const raw = option(name, allowed[0]);
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new RangeError(
      `Cannot use --${name} ${raw}: expected one of ${allowed.join(", ")}`,
    );
  }
  return raw as T;
}

const runs = positiveInteger("runs", 5);
const size = positiveInteger("size", 512);
const cache = choice("cache", ["alternate", "warm", "cold"] as const);
const gcMode = choice("gc", ["before", "after", "none"] as const);
const channels: 1 | 3 = choice("channels", ["3", "1"] as const) === "1" ? 1 : 3;
const only = option("only", "");
const operators = new Map<Degradation, Degrader>();
for (const [id, op] of Object.entries(DEGRADERS)) {
  if (op) operators.set(id as Degradation, op);
}
for (const op of PHYSICS) operators.set(op.id, op);
const ids = DEGRADATIONS.filter((id) =>
  operators.has(id) && (only === "" || only.split(",").includes(id))
);
const missing = DEGRADATIONS.filter((id) => !operators.has(id));
if (missing.length) console.error(`no operator yet for: ${missing.join(", ")}`);

const image = testImage(size, channels);
const params: Record<string, Record<string, unknown>> = {};
for (const id of ids) {
  params[id] = operators.get(id)!.sample(createPrng(0), 2, image);
}

const dir = await Deno.makeTempDir({ prefix: "degrade_bench_" });
try {
  await Deno.writeFile(`${dir}/image.f32`, new Uint8Array(image.data.buffer));
  await Deno.writeTextFile(`${dir}/params.json`, JSON.stringify(params));

  const env = Deno.env.toObject();
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  // Our operators run on one thread; so does the reference (and no idle
  // BLAS worker spins while our side is timed).
  env.OPENBLAS_NUM_THREADS = "1";
  env.OMP_NUM_THREADS = "1";
  // glibc keeps freed arrays for reuse instead of handing them back to the
  // kernel, so no run pays for page faults on fresh memory.
  env.MALLOC_MMAP_THRESHOLD_ = String(32 * 1024 * 1024);
  env.MALLOC_TRIM_THRESHOLD_ = String(1024 * 1024 * 1024);
  const child = new Deno.Command("/usr/bin/python3", {
    args: [
      new URL("./degrade_ref.py", import.meta.url).pathname,
      `${dir}/image.f32`,
      String(size),
      String(size),
      `${dir}/params.json`,
      String(channels),
    ],
    clearEnv: true,
    env,
    stdin: "piped",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const writer = child.stdin.getWriter();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  const readLine = async (): Promise<string> => {
    while (!buffered.includes("\n")) {
      const { value, done } = await reader.read();
      if (done) {
        throw new Error(
          "bench/degrade_ref.py exited early (see its output above)",
        );
      }
      buffered += value;
    }
    const i = buffered.indexOf("\n");
    const line = buffered.slice(0, i);
    buffered = buffered.slice(i + 1);
    return line;
  };
  if ((await readLine()) !== "ready") {
    throw new Error("bench/degrade_ref.py did not start");
  }

  const ours: Record<string, number> = {}, ref: Record<string, number> = {};
  const oursMin: Record<string, number> = {},
    refMin: Record<string, number> = {};
  const counts: Record<string, number> = {};
  const oursFaults: Record<string, number> = {},
    refFaults: Record<string, number> = {};
  const bar = progress("bench:degrade", ids.length);
  for (const id of ids) {
    const op = operators.get(id)!;
    const mine: number[] = [], theirs: number[] = [];
    const myFaults: number[] = [], theirFaults: number[] = [];
    // Warm-up: up to 3 untimed pairs, fewer for slow operators (< 1 s).
    // Then `runs` timed pairs, or for fast operators as many as fit in
    // about a second, up to 10 × `runs`: sub-millisecond medians from a
    // handful of runs swing by a tenth from one run of the task to the
    // next.
    let warm = 0, target = runs;
    for (let r = 0; mine.length < target; r++) {
      // With --cache warm the collection comes before the untimed run: a
      // full collection walks the heap and would push the warmed data out
      // of the cache again (numpy's untimed run is followed by nothing).
      if (cache === "warm" && gcMode === "before") collectGarbage();
      if (cache === "warm") await op.apply(image, params[id]);
      if (cache === "cold") flushCaches();
      if (gcMode === "before" && cache !== "warm") collectGarbage();
      const f0 = minorFaults();
      const t0 = performance.now();
      await op.apply(image, params[id]);
      const t = performance.now() - t0;
      const faults = minorFaults() - f0;
      if (gcMode === "after") collectGarbage();
      await writer.write(new TextEncoder().encode(`${id} ${cache}\n`));
      const [answer, theirFault] = (await readLine()).split(" ").map(Number);
      if (r < 3 && warm < 1000) {
        warm += t + answer;
        const pair = warm / (r + 1);
        target = Math.max(runs, Math.min(10 * runs, Math.floor(1000 / pair)));
        continue;
      }
      mine.push(t);
      theirs.push(answer);
      myFaults.push(faults);
      theirFaults.push(theirFault ?? NaN);
    }
    bar.tick();
    counts[id] = mine.length;
    ours[id] = median(mine);
    ref[id] = median(theirs);
    oursMin[id] = Math.min(...mine);
    refMin[id] = Math.min(...theirs);
    oursFaults[id] = median(myFaults);
    refFaults[id] = median(theirFaults);
  }
  bar.done();
  await writer.close();
  await child.status;

  const lines = [
    `L2 on a ${size}x${size} ${
      channels === 3 ? "RGB" : "grayscale"
    } image, median of at least ${runs} alternating runs (after a warm-up; cache ${cache}, gc ${gcMode})`,
    "",
    "| id | ours ms | ref ms | ratio | ratio of minima | runs | page faults (ours / ref) |",
    "|---|---:|---:|---:|---:|---:|---:|",
  ];
  const fmt = (v: number) => Number.isFinite(v) ? v.toFixed(2) : "—";
  const count = (v: number) => Number.isFinite(v) ? String(Math.round(v)) : "—";
  for (const id of ids) {
    const ratio = ours[id] / ref[id], minRatio = oursMin[id] / refMin[id];
    lines.push(
      `| ${id} | ${ours[id].toFixed(1)} | ${
        Number.isFinite(ref[id]) ? ref[id].toFixed(1) : "—"
      } | ${fmt(ratio)}${ratio > 0.5 ? " (above 0.5)" : ""} | ${
        fmt(minRatio)
      } | ${counts[id]} | ${count(oursFaults[id])} / ${count(refFaults[id])} |`,
    );
  }
  console.log(lines.join("\n"));
} finally {
  await Deno.remove(dir, { recursive: true });
}
