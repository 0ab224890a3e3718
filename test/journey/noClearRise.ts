/**
 * The test of "never rises by more than chance explains" for a paired what-if effect, with a
 * family-wise error of 1% over the rows of a ranking (Bonferroni, one-sided).
 */
import { tQuantile } from "../../src/stats/index.js";
import type { TouchpointEffect } from "../../src/journey/index.js";

/**
 * Whether an effect's change is not clearly above zero: change − t·se ≤ 0, where se comes from
 * the 95% interval and t is the one-sided quantile for a 1% family-wise error over `rows` tests.
 *
 * @param effect - a row's effect (with its 95% paired interval)
 * @param rows - how many rows are tested together
 * @param replications - the number of paired replications
 * @returns true when the change may be chance (or is not a rise)
 */
export function noClearRise(effect: TouchpointEffect, rows: number, replications: number): boolean {
  if (effect.change <= 0) return true;
  if (effect.ci95 === null) return false;
  const se = (effect.ci95[1] - effect.change) / tQuantile(0.975, replications - 1);
  return effect.change - tQuantile(1 - 0.01 / rows, replications - 1) * se <= 0;
}
