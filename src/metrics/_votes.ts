/**
 * Per-item primitives computed from vote counts (private): the single place
 * where METRICS.md's per-item formulas live. `counts[i]` is the number of
 * trials that chose option i (i < K); `total` is T (all trials, parsed or
 * not); `parsed` is V (the sum of `counts[0..K)`).
 *
 * @module
 */

/** Fraction of trials whose choice is the answer (unparsed = wrong). */
export function fractionCorrect(
  counts: ArrayLike<number>,
  total: number,
  answer: number,
): number {
  return total === 0 ? 0 : counts[answer] / total;
}

/**
 * 1 if the answer is the strict plurality choice, else 0; a tie for first
 * place is wrong. With `unparsedCompetes` (the default) unparsed trials
 * compete as one more pseudo-choice, so an item mostly unparsed is wrong;
 * otherwise only parsed votes count.
 */
export function majorityCorrect(
  counts: ArrayLike<number>,
  nOptions: number,
  total: number,
  parsed: number,
  answer: number,
  unparsedCompetes = true,
): 0 | 1 {
  const top = counts[answer];
  if (top === 0 || (unparsedCompetes && total - parsed >= top)) return 0;
  for (let i = 0; i < nOptions; i++) {
    if (i !== answer && counts[i] >= top) return 0;
  }
  return 1;
}

/** C(x) = (V/T) * clamp(1 - H/log K, 0, 1), 0 when V = 0. */
export function confidenceFromCounts(
  counts: ArrayLike<number>,
  nOptions: number,
  total: number,
  parsed: number,
): number {
  if (parsed === 0) return 0;
  let h = 0;
  for (let i = 0; i < nOptions; i++) {
    const c = counts[i];
    if (c > 0 && c < parsed) {
      const q = c / parsed;
      h -= q * Math.log(q);
    }
  }
  const s = 1 - h / Math.log(nOptions);
  return (parsed / total) * (s < 0 ? 0 : s > 1 ? 1 : s);
}

/** sum_i (p_i - 1[i = answer])^2 with p_i = counts[i] / T. */
export function brierFromCounts(
  counts: ArrayLike<number>,
  nOptions: number,
  total: number,
  answer: number,
): number {
  let b = 0;
  for (let i = 0; i < nOptions; i++) {
    const d = counts[i] / total - (i === answer ? 1 : 0);
    b += d * d;
  }
  return b;
}
