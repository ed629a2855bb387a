/**
 * Fit one model of the `main` reconstruction: prior logits, raking to the
 * paper's targets, integer allocation over 3 trials, local repair.
 *
 * @module
 */
import type { Prng } from "../random/prng.ts";
import type { ItemColumns } from "../results/results.ts";
import type { PaperNumbers } from "../paper/numbers.ts";
import {
  type Constraint,
  constraintValue,
  rakeLogits,
  repairCounts,
  roundCorrect,
} from "./fit.ts";
import { DEFAULT_EFFECTS, modelLogits, type SharedLatent } from "./latent.ts";
import { mainConstraints } from "./paper_targets.ts";
import type { SliceSets } from "./slices.ts";

/** A fitted model: correct trials per item, final logits, and residuals. */
export interface FittedModel {
  /** Correct trials per item. */
  k: Uint8Array;
  /** Raked logits per item (the model's smooth accuracy structure). */
  logits: Float64Array;
  /** Per constraint: label, target, value reached, tolerance. */
  residuals: { label: string; target: number; value: number; tol: number }[];
}

/**
 * Fit one Table 6 model to the paper's numbers.
 *
 * @param model Model id.
 * @param paper Published numbers.
 * @param items The benchmark items.
 * @param sets Slice index sets of the items.
 * @param order Visiting order for the integer allocation.
 * @param shared Shared latent structure.
 * @param trials Trials per item.
 * @param confidence Wanted mean voting confidence (approximate, not fitted).
 * @param prng Model-specific random source.
 * @returns The fitted counts and residuals.
 *
 * @example Usage
 * ```ts ignore
 * const fitted = fitMainModel("GPT-5", paper, items, sets, order, shared, 3, 0.95, prng);
 * ```
 */
export function fitMainModel(
  model: string,
  paper: PaperNumbers,
  items: ItemColumns,
  sets: SliceSets,
  order: Int32Array,
  shared: SharedLatent,
  trials: number,
  confidence: number,
  prng: Prng,
): FittedModel {
  const constraints: Constraint[] = mainConstraints(model, paper, sets, trials);
  const logits = modelLogits(items, shared, DEFAULT_EFFECTS, prng.fork());
  rakeLogits(logits, constraints, 12);
  // Polarize a share of items (all trials right or all wrong) so that the
  // mean voting confidence lands near `confidence`: a split item (2 of 3
  // right) scores about 0.6, a unanimous one 1.
  const share = Math.min(1, Math.max(0, (confidence - 0.6) / 0.4));
  const pick = prng.fork();
  const polarized = Uint8Array.from(
    logits,
    () => (pick.next() < share ? 1 : 0),
  );
  const k = roundCorrect(logits, trials, order, prng.fork(), polarized);
  // Exact Table 6 totals first, then moves that keep them.
  const levelOnly = constraints.filter((c) => c.label.startsWith("table6"));
  repairCounts(k, trials, levelOnly, prng.fork());
  repairCounts(k, trials, constraints, prng.fork(), items.severity);
  return {
    k,
    logits,
    residuals: constraints.map((c) => ({
      label: c.label,
      target: c.target,
      value: constraintValue(k, trials, c),
      tol: c.tol,
    })),
  };
}
