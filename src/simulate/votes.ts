/**
 * Turning correct-trial counts into trial-by-trial answer letters, and
 * finding per-item counts and vote patterns that hit a target accuracy and
 * a target mean voting confidence (METRICS.md: C = 1 - H/log K).
 *
 * @module
 */
import { createPrng, type Prng } from "../random/prng.ts";
import { UNPARSED } from "../results/results.ts";
import { roundCorrect } from "./fit.ts";

/** How wrong answers are spread over the distractors. */
export interface WrongVoteStyle {
  /** Probability that all wrong trials of an item pick the same distractor (default 1). */
  consistency?: number;
  /** Probability that a wrong trial is unparseable (empty choice; default 0). */
  unparsed?: number;
}

/**
 * Write the letters of `trials` answers for one item: `k` correct trials at
 * random positions, the others on distractors as `style` says.
 *
 * @param out The choice array (letter indexes, `UNPARSED` = -1).
 * @param offset Where this item's trials start in `out`.
 * @param trials Number of trials.
 * @param k Correct trials.
 * @param answer Correct letter index.
 * @param nOptions Number of options K.
 * @param prng Random source.
 * @param style Distractor consistency and unparsed rate.
 *
 * @example Usage
 * ```ts
 * import { writeItemVotes } from "./votes.ts";
 * import { createPrng } from "../random/prng.ts";
 * const out = new Int8Array(3);
 * writeItemVotes(out, 0, 3, 2, 1, 4, createPrng(1));
 * console.assert(out.filter((c) => c === 1).length === 2);
 * ```
 */
export function writeItemVotes(
  out: Int8Array,
  offset: number,
  trials: number,
  k: number,
  answer: number,
  nOptions: number,
  prng: Prng,
  style: WrongVoteStyle = {},
): void {
  const consistency = style.consistency ?? 1;
  const unparsed = style.unparsed ?? 0;
  const wrong = () => {
    const w = prng.int(nOptions - 1);
    return w >= answer ? w + 1 : w;
  };
  const main = wrong();
  const same = prng.next() < consistency;
  // Choose which trials are correct: a partial Fisher-Yates over positions.
  for (let t = 0; t < trials; t++) out[offset + t] = -2;
  let left = k;
  for (let t = 0; t < trials && left > 0; t++) {
    if (prng.next() * (trials - t) < left) {
      out[offset + t] = answer;
      left--;
    }
  }
  for (let t = 0; t < trials; t++) {
    if (out[offset + t] !== -2) continue;
    if (unparsed > 0 && prng.next() < unparsed) out[offset + t] = UNPARSED;
    else out[offset + t] = same ? main : wrong();
  }
}

/**
 * Voting confidence of an item whose `k` of `trials` votes are correct and
 * the rest all on one distractor.
 *
 * @param k Correct votes.
 * @param trials Votes.
 * @param nOptions K.
 * @returns C in [0, 1].
 *
 * @example Usage
 * ```ts
 * import { twoWayConfidence } from "./votes.ts";
 * console.assert(twoWayConfidence(3, 3, 4) === 1);
 * console.assert(Math.abs(twoWayConfidence(1, 2, 2)) < 1e-12);
 * ```
 */
export function twoWayConfidence(
  k: number,
  trials: number,
  nOptions: number,
): number {
  const a = k / trials, b = 1 - a;
  const h = (a > 0 ? -a * Math.log(a) : 0) + (b > 0 ? -b * Math.log(b) : 0);
  return Math.min(1, Math.max(0, 1 - h / Math.log(nOptions)));
}

/** Correct counts for one level and how close they came to the targets. */
export interface LevelFit {
  /** Correct trials per item (same order as the input logits). */
  k: Uint8Array;
  /** Accuracy reached (fraction). */
  accuracy: number;
  /** Mean voting confidence reached, all wrong votes on one distractor. */
  confidence: number;
  /** The sharpening factor s used (1 when no confidence target). */
  sharpness: number;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Find per-item correct counts for one severity level hitting an accuracy
 * exactly (to one trial) and a mean voting confidence approximately: the
 * item logits are sharpened or flattened by a factor s (more polarized items
 * vote more unanimously) and shifted to the accuracy, s found by bisection.
 * Wrong votes are meant to go to one distractor (`consistency` 1).
 *
 * @param logits Item logits (difficulty structure), one per item.
 * @param nOptions K per item.
 * @param trials Trials per item.
 * @param accuracy Target accuracy (fraction).
 * @param confidence Target mean confidence (fraction), or null for s = 1.
 * @param prng Random source.
 * @returns The counts and the accuracy and confidence reached.
 *
 * @example Usage
 * ```ts
 * import { fitLevel } from "./votes.ts";
 * import { createPrng } from "../random/prng.ts";
 * const prng = createPrng(3);
 * const logits = Float64Array.from({ length: 500 }, () => prng.normal());
 * const f = fitLevel(logits, new Uint8Array(500).fill(4), 10, 0.6, 0.9, prng);
 * console.assert(Math.abs(f.accuracy - 0.6) < 0.001 && Math.abs(f.confidence - 0.9) < 0.005);
 * ```
 */
export function fitLevel(
  logits: Float64Array,
  nOptions: Uint8Array,
  trials: number,
  accuracy: number,
  confidence: number | null,
  prng: Prng,
): LevelFit {
  const n = logits.length;
  const target = Math.round(accuracy * trials * n);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  // Fixed seeds: every trial value of s rounds with the same random stream.
  const roundSeed = prng.int(2 ** 31), fixSeed = prng.int(2 ** 31);
  let mean = 0;
  for (const x of logits) mean += x / n;
  const scaled = new Float64Array(n);
  let min = Infinity, max = -Infinity;
  for (const x of logits) {
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  const countsFor = (s: number): Uint8Array => {
    // Safeguarded Newton on the shift so that the expected count hits target.
    let lo = -(40 + s * (max - min)), hi = -lo, b = 0;
    for (let it = 0; it < 100; it++) {
      let sum = 0, slope = 0;
      for (let i = 0; i < n; i++) {
        const p = sigmoid(s * (logits[i]! - mean) + b);
        sum += p;
        slope += p * (1 - p);
      }
      const f = sum * trials - target;
      if (Math.abs(f) < 0.01) break;
      if (f < 0) lo = b;
      else hi = b;
      const next = slope > 1e-12 ? b - f / (trials * slope) : NaN;
      b = next > lo && next < hi ? next : (lo + hi) / 2;
    }
    const shift = b;
    for (let i = 0; i < n; i++) scaled[i] = s * (logits[i]! - mean) + shift;
    const k = roundCorrect(scaled, trials, order, createPrng(roundSeed));
    fixTotal(k, trials, target, scaled, createPrng(fixSeed));
    return k;
  };
  const confOf = (k: Uint8Array) => {
    let c = 0;
    for (let i = 0; i < n; i++) {
      c += twoWayConfidence(k[i]!, trials, nOptions[i]!);
    }
    return c / n;
  };
  let k = countsFor(1);
  let sharpness = 1;
  if (confidence !== null) {
    let lo = Math.log(0.02), hi = Math.log(200);
    for (let it = 0; it < 18; it++) {
      const mid = (lo + hi) / 2;
      k = countsFor(Math.exp(mid));
      if (confOf(k) < confidence) lo = mid;
      else hi = mid;
    }
    sharpness = Math.exp((lo + hi) / 2);
    k = countsFor(sharpness);
  }
  let total = 0;
  for (const x of k) total += x;
  return {
    k,
    accuracy: total / (trials * n),
    confidence: confOf(k),
    sharpness,
  };
}

/**
 * Adjust counts by single trials on items with room (those whose expected
 * count is nearest to moving) until they sum to `target`.
 *
 * @param k Correct trials per item, updated in place.
 * @param trials Trials per item.
 * @param target Wanted total.
 * @param logits Item logits (used to prefer items close to the boundary).
 * @param prng Random source.
 *
 * @example Usage
 * ```ts
 * import { fixTotal } from "./votes.ts";
 * import { createPrng } from "../random/prng.ts";
 * const k = Uint8Array.of(0, 0, 0);
 * fixTotal(k, 3, 4, new Float64Array(3), createPrng(1));
 * console.assert(k[0]! + k[1]! + k[2]! === 4);
 * ```
 */
export function fixTotal(
  k: Uint8Array,
  trials: number,
  target: number,
  logits: Float64Array,
  prng: Prng,
): void {
  let total = 0;
  for (const x of k) total += x;
  const n = k.length;
  if (target < 0 || target > trials * n) {
    throw new RangeError(
      `Cannot reach ${target} correct trials over ${n} items x ${trials} trials: expected 0..${
        trials * n
      }`,
    );
  }
  while (total !== target) {
    const step = total < target ? 1 : -1;
    let best = -1, bestGap = Infinity;
    for (let t = 0; t < 64; t++) {
      const i = prng.int(n);
      if (k[i]! + step < 0 || k[i]! + step > trials) continue;
      const gap = Math.abs(k[i]! + step - trials * sigmoid(logits[i]!));
      if (gap < bestGap) {
        bestGap = gap;
        best = i;
      }
    }
    if (best < 0) continue;
    k[best]! += step;
    total += step;
  }
}
