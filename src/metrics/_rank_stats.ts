/**
 * Rank statistics (private): average ranks, Spearman's rho, Kendall's tau-b
 * and their two-sided p-values, exact (full permutation distribution) or
 * large-sample, matching scipy 1.10.1 (`_rank_stats_test.ts`).
 *
 * @module
 */
import { normalTwoSided, tTwoSided } from "./_distributions.ts";

/** How a p-value was obtained. */
export type PMethod = "exact" | "asymptotic";

/** A rank correlation with its two-sided p-value. */
export interface RankTest {
  /** rho or tau-b; NaN when a variable is constant or n < 2. */
  statistic: number;
  /** Two-sided p-value; NaN when the statistic is NaN. */
  p: number;
  /** `"exact"` (all n! pairings enumerated) or `"asymptotic"`. */
  pMethod: PMethod;
  /** Number of pairs. */
  n: number;
}

/** Largest n for which `"auto"` enumerates all n! permutations. */
export const EXACT_MAX_N = 10;

function checkPair(x: ArrayLike<number>, y: ArrayLike<number>): void {
  if (x.length !== y.length) {
    throw new RangeError(
      `Cannot correlate ${x.length} values with ${y.length}: expected two lists of equal length`,
    );
  }
  for (const v of [x, y]) {
    for (let i = 0; i < v.length; i++) {
      if (!Number.isFinite(v[i])) {
        throw new RangeError(
          `Cannot rank value ${
            v[i]
          } at position ${i}: expected a finite number`,
        );
      }
    }
  }
}

/** 1-based ascending ranks, ties given the average of their ranks. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) =>
    values[a] - values[b]
  );
  const ranks = new Float64Array(n);
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]] === values[order[i]]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]] = r;
    i = j + 1;
  }
  return ranks;
}

function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma, db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return NaN;
  const r = sab / Math.sqrt(saa * sbb);
  return r > 1 ? 1 : r < -1 ? -1 : r;
}

/** Spearman's rho: Pearson's r of the average ranks. */
export function spearmanRho(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): number {
  checkPair(x, y);
  if (x.length < 2) return NaN;
  return pearson(averageRanks(x), averageRanks(y));
}

function signs(v: ArrayLike<number>): Int8Array {
  const n = v.length, s = new Int8Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) s[i * n + j] = Math.sign(v[i] - v[j]);
  }
  return s;
}

/** Tie groups of one variable: sums of t(t-1)/2, t(t-1)(t-2), t(t-1)(2t+5). */
function tieSums(v: ArrayLike<number>): [number, number, number] {
  const sorted = Array.from(v).sort((a, b) => a - b);
  let t2 = 0, t0 = 0, t1 = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[i]) j++;
    const t = j - i + 1;
    t2 += t * (t - 1) / 2;
    t0 += t * (t - 1) * (t - 2);
    t1 += t * (t - 1) * (2 * t + 5);
    i = j + 1;
  }
  return [t2, t0, t1];
}

/** Kendall's tau-b (concordant minus discordant over sqrt of untied pairs). */
export function kendallTauB(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): number {
  checkPair(x, y);
  return kendallParts(x, y).tau;
}

function kendallParts(x: ArrayLike<number>, y: ArrayLike<number>) {
  const n = x.length, tot = n * (n - 1) / 2;
  let s = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      s += Math.sign(x[i] - x[j]) * Math.sign(y[i] - y[j]);
    }
  }
  const tx = tieSums(x), ty = tieSums(y);
  const denom = Math.sqrt((tot - tx[0]) * (tot - ty[0]));
  const tau = n < 2 || denom === 0 ? NaN : s / denom;
  return { s, tau: tau > 1 ? 1 : tau < -1 ? -1 : tau, tx, ty };
}

/**
 * Walk all n! orders of `perm` (Heap's algorithm), calling `swap(a, b)`
 * before each swap is applied and `visit()` for each order.
 */
function heap(
  perm: Int32Array,
  swap: (a: number, b: number) => void,
  visit: () => void,
): void {
  const n = perm.length, c = new Int32Array(n);
  visit();
  for (let i = 1; i < n;) {
    if (c[i] < i) {
      const a = i % 2 === 0 ? 0 : c[i];
      swap(a, i);
      const t = perm[a];
      perm[a] = perm[i];
      perm[i] = t;
      visit();
      c[i]++;
      i = 1;
    } else {
      c[i] = 0;
      i++;
    }
  }
}

/**
 * Two-sided exact p from the permutation distribution of an integer-valued
 * (or quarter-integer) numerator, as scipy.stats.permutation_test:
 * min(1, 2 * min(P(S <= s), P(S >= s))).
 */
function exactP(le: number, ge: number, total: number): number {
  return Math.min(1, 2 * Math.min(le, ge) / total);
}

function checkMethod(method: string): void {
  if (method !== "auto" && method !== "exact" && method !== "asymptotic") {
    throw new TypeError(
      `Cannot compute a p-value with method "${method}": expected "auto", "exact" or "asymptotic"`,
    );
  }
}

function pick(method: "auto" | PMethod, n: number): PMethod {
  checkMethod(method);
  if (method === "exact" && n > EXACT_MAX_N) {
    throw new RangeError(
      `Cannot enumerate ${n}! permutations for an exact p-value: expected n <= ${EXACT_MAX_N}`,
    );
  }
  return method === "auto"
    ? (n <= EXACT_MAX_N ? "exact" : "asymptotic")
    : method;
}

/**
 * Spearman's rho with a two-sided p: exact permutation p for n <= 10 under
 * `"auto"`, else scipy.stats.spearmanr's t approximation with n - 2 df.
 */
export function spearmanTest(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  method: "auto" | PMethod = "auto",
): RankTest {
  const rho = spearmanRho(x, y);
  const n = x.length, pMethod = pick(method, n);
  if (Number.isNaN(rho)) return { statistic: NaN, p: NaN, pMethod, n };
  if (pMethod === "asymptotic") {
    if (n < 3) return { statistic: rho, p: NaN, pMethod, n };
    const df = n - 2;
    const t = Math.abs(rho) === 1
      ? Infinity
      : rho * Math.sqrt(df / ((rho + 1) * (1 - rho)));
    return { statistic: rho, p: tTwoSided(t, df), pMethod, n };
  }
  // Ranks are multiples of 1/2, so sum rx * ry is exact in doubles.
  const rx = averageRanks(x), ry = averageRanks(y);
  let obs = 0;
  for (let i = 0; i < n; i++) obs += rx[i] * ry[i];
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  let cur = obs, le = 0, ge = 0, total = 0;
  heap(perm, (a, b) => {
    const ya = ry[perm[a]], yb = ry[perm[b]];
    cur += rx[a] * yb + rx[b] * ya - rx[a] * ya - rx[b] * yb;
  }, () => {
    total++;
    if (cur <= obs) le++;
    if (cur >= obs) ge++;
  });
  return { statistic: rho, p: exactP(le, ge, total), pMethod, n };
}

/**
 * Kendall's tau-b with a two-sided p: exact permutation p for n <= 10 under
 * `"auto"`, else scipy.stats.kendalltau's `method="asymptotic"` normal
 * approximation (tie-corrected variance).
 */
export function kendallTest(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  method: "auto" | PMethod = "auto",
): RankTest {
  checkPair(x, y);
  const n = x.length, pMethod = pick(method, n);
  const { s, tau, tx, ty } = kendallParts(x, y);
  if (Number.isNaN(tau)) return { statistic: NaN, p: NaN, pMethod, n };
  if (pMethod === "asymptotic") {
    if (n < 3) return { statistic: tau, p: NaN, pMethod, n };
    const m = n * (n - 1);
    const v = (m * (2 * n + 5) - tx[2] - ty[2]) / 18 +
      (2 * tx[0] * ty[0]) / m + tx[1] * ty[1] / (9 * m * (n - 2));
    return { statistic: tau, p: normalTwoSided(s / Math.sqrt(v)), pMethod, n };
  }
  const sx = signs(x),
    sy = signs(y),
    perm = Int32Array.from({ length: n }, (_, i) => i);
  let cur = s, le = 0, ge = 0, total = 0;
  heap(perm, (a, b) => {
    // Swapping the y values at positions a and b changes S by
    // sum_k (sx[a][k] - sx[b][k]) (sy[pb][pk] - sy[pa][pk]) - 2 sx[a][b] sy[pa][pb].
    const pa = perm[a] * n, pb = perm[b] * n, an = a * n, bn = b * n;
    let d = -2 * sx[an + b] * sy[pa + perm[b]];
    for (let k = 0; k < n; k++) {
      if (k === a || k === b) continue;
      const pk = perm[k];
      d += (sx[an + k] - sx[bn + k]) * (sy[pb + pk] - sy[pa + pk]);
    }
    cur += d;
  }, () => {
    total++;
    if (cur <= s) le++;
    if (cur >= s) ge++;
  });
  return { statistic: tau, p: exactP(le, ge, total), pMethod, n };
}
