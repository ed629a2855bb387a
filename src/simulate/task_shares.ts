/**
 * Task shares of the degraded items, inferred from the paper itself: the
 * shares under which Table 2's per-task accuracies re-aggregate to Table 6's
 * pooled L1&L2 accuracy for all 40 models (least squares, shares summing to
 * one and non-negative). Table 4's own counts cannot serve: they are
 * inconsistent (see data/paper/README.md), and with them Table 2 misses
 * Table 6 by up to 0.7 points; with the fitted shares the misfit is at the
 * size of Table 2's 0.1-point rounding.
 *
 * @module
 */
import { type Task, TASKS } from "../taxonomy/mod.ts";
import type { SliceRow, Table6Row } from "../paper/tables.ts";

/** Fitted shares and how well Table 2 then re-aggregates to Table 6. */
export interface TaskShareFit {
  /** Share of the degraded items per task (sums to 1). */
  shares: Record<Task, number>;
  /** Per model: share-weighted Table 2 accuracy minus Table 6's (L1+L2)/2, points. */
  residuals: Map<string, number>;
  /** Root mean square of the residuals, points. */
  rms: number;
}

/** Solve a small dense linear system (Gaussian elimination, partial pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) {
      if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    }
    [m[c], m[p]] = [m[p]!, m[c]!];
    const piv = m[c]![c]!;
    if (Math.abs(piv) < 1e-12) {
      throw new RangeError("Cannot fit task shares: singular system");
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / piv;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/**
 * Fit the task shares of the degraded items to Tables 2 and 6: minimize
 * sum over models of (sum_t share_t * acc_t - (L1 + L2) / 2)^2 with the
 * shares non-negative and summing to one (active-set least squares).
 *
 * @param table2 Table 2 cells (the "Avg" column and the average row are ignored).
 * @param table6 Table 6 rows.
 * @returns The shares, per-model residuals and their RMS.
 *
 * @example Usage
 * ```ts
 * import { fitTaskShares } from "./task_shares.ts";
 * import { loadPaperTable2, loadPaperTable6 } from "../paper/tables.ts";
 * const fit = fitTaskShares(loadPaperTable2(), loadPaperTable6());
 * console.assert(fit.shares.CU > 0.6 && fit.rms < 0.05);
 * ```
 */
export function fitTaskShares(
  table2: readonly SliceRow<Task>[],
  table6: readonly Table6Row[],
): TaskShareFit {
  const acc = new Map<string, Partial<Record<Task, number>>>();
  for (const r of table2) {
    if (r.group === "all" || r.slice === "Avg" || r.accL12 === null) continue;
    (acc.get(r.model) ?? acc.set(r.model, {}).get(r.model)!)[r.slice] =
      r.accL12;
  }
  const rows: { model: string; x: number[]; y: number }[] = [];
  for (const t of table6) {
    const a = acc.get(t.model);
    if (!a || TASKS.some((k) => a[k] === undefined)) continue;
    rows.push({
      model: t.model,
      x: TASKS.map((k) => a[k]!),
      y: (t.L1 + t.L2) / 2,
    });
  }
  if (rows.length < TASKS.length) {
    throw new RangeError(
      `Cannot fit task shares from ${rows.length} models: expected at least ${TASKS.length} with every task printed`,
    );
  }
  const active = TASKS.map(() => true);
  let w: number[] = [];
  for (;;) {
    const idx = TASKS.flatMap((_, i) => (active[i] ? [i] : []));
    const n = idx.length;
    // KKT system of min |Xw - y|^2 subject to sum(w) = 1.
    const a = Array.from({ length: n + 1 }, () => new Array(n + 1).fill(0));
    const b = new Array(n + 1).fill(0);
    for (const r of rows) {
      idx.forEach((i, p) => {
        idx.forEach((j, q) => (a[p][q] += 2 * r.x[i]! * r.x[j]!));
        b[p] += 2 * r.x[i]! * r.y;
      });
    }
    for (let p = 0; p < n; p++) a[p][n] = a[n][p] = 1;
    b[n] = 1;
    const sol = solve(a, b);
    w = TASKS.map(() => 0);
    idx.forEach((i, p) => (w[i] = sol[p]!));
    const neg = idx.filter((i) => w[i]! < 0);
    if (neg.length === 0) break;
    active[neg.reduce((m, i) => (w[i]! < w[m]! ? i : m))] = false;
  }
  const residuals = new Map<string, number>();
  let ss = 0;
  for (const r of rows) {
    const e = r.x.reduce((s, v, i) => s + v * w[i]!, 0) - r.y;
    residuals.set(r.model, e);
    ss += e * e;
  }
  return {
    shares: Object.fromEntries(TASKS.map((t, i) => [t, w[i]!])) as Record<
      Task,
      number
    >,
    residuals,
    rms: Math.sqrt(ss / rows.length),
  };
}
