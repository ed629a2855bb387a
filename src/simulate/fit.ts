/**
 * Fitting a model's simulated answers to published aggregates: linear
 * targets on item accuracy (a mean over a set of items, or a paired
 * difference of two means), raked on per-item logits, then exact integer
 * allocation of correct trials per item and a local search that moves single
 * trials until every target is met within its tolerance, higher-weight
 * targets first.
 *
 * @module
 */
import type { Prng } from "../random/prng.ts";

/** A target on accuracy: mean(pos) - mean(neg) = target (fractions), `neg` optional. */
export interface Constraint {
  /** What it is, for reports (e.g. "table6 L1"). */
  label: string;
  /** Items whose accuracy is averaged. */
  pos: Int32Array;
  /** Items whose mean accuracy is subtracted (a paired baseline), or null. */
  neg: Int32Array | null;
  /** The target value (fraction). */
  target: number;
  /** Allowed |value - target| (fraction). */
  tol: number;
  /** Priority weight (larger wins conflicts). */
  weight: number;
}

const clampP = (p: number) => Math.min(1 - 1e-4, Math.max(1e-4, p));
const logit = (p: number) => Math.log(clampP(p) / (1 - clampP(p)));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function meanP(logits: Float64Array, idx: Int32Array): number {
  let s = 0;
  for (let j = 0; j < idx.length; j++) s += sigmoid(logits[idx[j]!]!);
  return s / idx.length;
}

/**
 * Rake logits towards the constraints (iterative proportional fitting in
 * logit space): each constraint in turn shifts the logits of its `pos` items
 * so that their mean probability meets its target (given the current mean of
 * `neg`). Later constraints in the list end each sweep satisfied, so list
 * them by increasing priority.
 *
 * @param logits Per-item logits, updated in place.
 * @param constraints The targets, lowest priority first.
 * @param sweeps Number of passes (default 25).
 *
 * @example Usage
 * ```ts
 * import { rakeLogits } from "./fit.ts";
 * const logits = new Float64Array(4);
 * rakeLogits(logits, [{ label: "all", pos: Int32Array.of(0, 1, 2, 3), neg: null,
 *   target: 0.75, tol: 0.01, weight: 1 }]);
 * console.assert(Math.abs(1 / (1 + Math.exp(-logits[0]!)) - 0.75) < 1e-4);
 * ```
 */
export function rakeLogits(
  logits: Float64Array,
  constraints: readonly Constraint[],
  sweeps = 25,
): void {
  const shiftTo = (idx: Int32Array, want: number) => {
    for (let it = 0; it < 8; it++) {
      const shift = logit(want) - logit(meanP(logits, idx));
      if (Math.abs(shift) < 1e-4) break;
      for (let j = 0; j < idx.length; j++) logits[idx[j]!]! += shift;
    }
  };
  for (let s = 0; s < sweeps; s++) {
    for (const c of constraints) {
      if (c.pos.length === 0) continue;
      if (!c.neg || c.neg.length === 0) {
        shiftTo(c.pos, clampP(c.target));
        continue;
      }
      // A paired difference: move both sides half way.
      const mp = meanP(logits, c.pos), mn = meanP(logits, c.neg);
      const gap = c.target - (mp - mn);
      shiftTo(c.pos, clampP(mp + gap / 2));
      shiftTo(c.neg, clampP(mn - gap / 2));
    }
  }
}

/**
 * Allocate integer correct-trial counts (0..trials) per item by systematic
 * rounding of `trials * p` along `order`: every run of consecutive items in
 * `order` gets a total within one of its expected total.
 *
 * @param logits Per-item logits.
 * @param trials Trials per item.
 * @param order The item visiting order.
 * @param prng Random source (uniform offsets).
 * @param polarized Optional flag per item: such items get all trials right
 * or all wrong (systematic sampling over whole items), which raises voting
 * confidence without changing expected accuracy.
 * @returns Correct trials per item.
 *
 * @example Usage
 * ```ts
 * import { roundCorrect } from "./fit.ts";
 * import { createPrng } from "../random/prng.ts";
 * const k = roundCorrect(new Float64Array(10), 3, Int32Array.from({ length: 10 }, (_, i) => i), createPrng(1));
 * const total = k.reduce((a, b) => a + b, 0);
 * console.assert(total === 15);
 * ```
 */
export function roundCorrect(
  logits: Float64Array,
  trials: number,
  order: Int32Array,
  prng: Prng,
  polarized: Uint8Array | null = null,
): Uint8Array {
  const k = new Uint8Array(logits.length);
  // Two systematic streams: trials one by one, and whole items (all trials
  // right or all wrong) for the polarized ones.
  let acc = prng.next(), accItems = prng.next();
  let prev = Math.floor(acc), prevItems = Math.floor(accItems);
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    const p = sigmoid(logits[i]!);
    if (polarized && polarized[i]) {
      accItems += p;
      const now = Math.floor(accItems + 1e-12);
      k[i] = now - prevItems > 0 ? trials : 0;
      prevItems = now;
      continue;
    }
    acc += trials * p;
    const now = Math.floor(acc + 1e-12);
    k[i] = Math.min(trials, Math.max(0, now - prev));
    prev = now;
  }
  return k;
}

/**
 * The value of a constraint for given correct counts: mean of k/trials over
 * `pos` minus that over `neg`.
 *
 * @param k Correct trials per item.
 * @param trials Trials per item.
 * @param c The constraint.
 * @returns The value (fraction).
 *
 * @example Usage
 * ```ts
 * import { constraintValue } from "./fit.ts";
 * const v = constraintValue(Uint8Array.of(3, 0), 3, { label: "x",
 *   pos: Int32Array.of(0), neg: Int32Array.of(1), target: 1, tol: 0, weight: 1 });
 * console.assert(v === 1);
 * ```
 */
export function constraintValue(
  k: Uint8Array,
  trials: number,
  c: Constraint,
): number {
  let s = 0;
  for (let j = 0; j < c.pos.length; j++) s += k[c.pos[j]!]!;
  let v = s / (trials * c.pos.length);
  if (c.neg && c.neg.length) {
    let b = 0;
    for (let j = 0; j < c.neg.length; j++) b += k[c.neg[j]!]!;
    v -= b / (trials * c.neg.length);
  }
  return v;
}

/**
 * Local search on integer counts: repeatedly take the worst-violated
 * constraint and move one trial (on the best of a few sampled items) in the
 * direction that reduces the weighted penalty
 * sum(weight * max(0, |value - target| / tol - 0.4)^2) over all constraints.
 *
 * @param k Correct trials per item, updated in place.
 * @param trials Trials per item.
 * @param constraints The targets.
 * @param prng Random source for sampling candidate items.
 * @param groups Optional partition of the items (e.g. severity): each move
 * then adds a trial on one item and removes one on another item of the same
 * group, so group totals never change (fit them exactly beforehand).
 * @param maxMoves Cap on the number of moves (default 200000).
 * @returns Number of moves made.
 *
 * @example Usage
 * ```ts
 * import { repairCounts } from "./fit.ts";
 * import { createPrng } from "../random/prng.ts";
 * const k = new Uint8Array(10);
 * repairCounts(k, 3, [{ label: "all", pos: Int32Array.from({ length: 10 }, (_, i) => i),
 *   neg: null, target: 0.5, tol: 1 / 30, weight: 1 }], createPrng(1));
 * console.assert(k.reduce((a, b) => a + b, 0) === 15);
 * ```
 */
export function repairCounts(
  k: Uint8Array,
  trials: number,
  constraints: readonly Constraint[],
  prng: Prng,
  groups: Uint8Array | null = null,
  maxMoves = 200000,
): number {
  const members: number[][] = [];
  if (groups) {
    for (let i = 0; i < k.length; i++) (members[groups[i]!] ??= []).push(i);
  }
  const nc = constraints.length;
  // Membership: per item, (constraint, coefficient per trial) pairs (CSR).
  const counts = new Int32Array(k.length + 1);
  for (const c of constraints) {
    for (const i of c.pos) counts[i + 1]!++;
    if (c.neg) { for (const i of c.neg) counts[i + 1]!++; }
  }
  for (let i = 0; i < k.length; i++) counts[i + 1]! += counts[i]!;
  const mc = new Int32Array(counts[k.length]!);
  const mw = new Float64Array(counts[k.length]!);
  const fill = counts.slice(0, k.length);
  constraints.forEach((c, ci) => {
    const wp = 1 / (trials * c.pos.length);
    for (const i of c.pos) {
      mc[fill[i]!] = ci;
      mw[fill[i]!++] = wp;
    }
    if (c.neg) {
      const wn = -1 / (trials * c.neg.length);
      for (const i of c.neg) {
        mc[fill[i]!] = ci;
        mw[fill[i]!++] = wn;
      }
    }
  });
  const value = Float64Array.from(
    constraints,
    (c) => constraintValue(k, trials, c),
  );
  const pen = (ci: number, v: number) => {
    const c = constraints[ci]!;
    const e = Math.abs(v - c.target) / c.tol - 0.4;
    return e > 0 ? c.weight * e * e : 0;
  };
  const delta = (i: number, step: number) => {
    let d = 0;
    for (let j = counts[i]!; j < counts[i + 1]!; j++) {
      const ci = mc[j]!;
      d += pen(ci, value[ci]! + step * mw[j]!) - pen(ci, value[ci]!);
    }
    return d;
  };
  const apply = (i: number, step: number) => {
    k[i]! += step;
    for (let j = counts[i]!; j < counts[i + 1]!; j++) {
      value[mc[j]!]! += step * mw[j]!;
    }
  };
  const stuck = new Uint8Array(nc);
  let moves = 0;
  while (moves < maxMoves) {
    let worst = -1, worstPen = 0;
    for (let ci = 0; ci < nc; ci++) {
      if (stuck[ci]) continue;
      const p = pen(ci, value[ci]!);
      if (p > worstPen) {
        worstPen = p;
        worst = ci;
      }
    }
    if (worst < 0) break;
    const c = constraints[worst]!;
    const up = value[worst]! < c.target;
    let best = -1, partner = -1, bestStep = 0, bestD = -1e-12;
    for (let t = 0; t < 48; t++) {
      const fromPos = !c.neg || c.neg.length === 0 || prng.next() < 0.5;
      const set = fromPos ? c.pos : c.neg!;
      const i = set[prng.int(set.length)]!;
      const step = (up === fromPos) ? 1 : -1;
      if (k[i]! + step < 0 || k[i]! + step > trials) continue;
      let d = delta(i, step);
      let j = -1;
      if (groups) {
        const pool = members[groups[i]!]!;
        j = pool[prng.int(pool.length)]!;
        if (j === i || k[j]! - step < 0 || k[j]! - step > trials) continue;
        apply(i, step);
        d += delta(j, -step);
        apply(i, -step);
      }
      if (d < bestD) {
        bestD = d;
        best = i;
        partner = j;
        bestStep = step;
      }
    }
    if (best < 0) {
      stuck[worst] = 1;
      continue;
    }
    apply(best, bestStep);
    if (partner >= 0) apply(partner, -bestStep);
    stuck.fill(0);
    moves++;
  }
  return moves;
}
