/**
 * `sweep`: vary one scenario or policy parameter and compare at each value.
 *
 * @packageDocumentation
 */
import type { Policy } from "../policy/index.js";
import { validatePolicy } from "../policy/index.js";
import type { Scenario } from "../scenario/index.js";
import { checkRunCost, combineRunCosts, estimateRunCost } from "../analysis/index.js";
import { runWindow } from "../model/index.js";
import { checkPolicies, compare, type CompareOptions } from "./compare.js";
import type { Comparison } from "./comparison.js";
import { setPath } from "./paths.js";

/** What to vary: a dotted path (`policy.` prefix for the policy, otherwise the scenario) and its values. */
export interface SweepSpec {
  readonly path: string;
  readonly values: readonly unknown[];
}

/** One Comparison per value. */
export interface SweepResult {
  readonly path: string;
  readonly values: readonly unknown[];
  readonly rows: readonly { readonly value: unknown; readonly comparison: Comparison }[];
}

/**
 * Runs a comparison at each value of one parameter. Every value sees the same citizens (the
 * same seed), so the rows differ only by the parameter. A policy path changes every policy.
 *
 * @param scenario - the scenario
 * @param policies - one policy or several (the first is the baseline of paired differences)
 * @param spec - the dotted path and its values, e.g. `{ path: "services.general.demandTypes", values: [2, 8, 20] }`
 * Every value's scenario and policies are made, and the cost of all the comparisons together is
 * estimated and checked (`RUN_COST_LIMITS`) before the first one runs (under `allowLarge` a
 * refusal becomes a warning).
 *
 * @param options - replications, seed, time window, progress, `allowLarge`, `onWarning`
 * @returns a Comparison per value
 * @throws RangeError when the path does not exist, or when the sweep is too large to run (unless `allowLarge`)
 * @example
 * ```ts
 * const s = sweep(loadScenario("teaching"), [policies.minutes, policies.whole], { path: "policy.handlingTime.cutShortProbability", values: [0, 0.5] }, { replications: 3 });
 * s.rows.length; //=> 2
 * ```
 */
export function sweep(scenario: Scenario, policies: Policy | readonly Policy[], spec: SweepSpec, options: CompareOptions = {}): SweepResult {
  const list: readonly Policy[] = Array.isArray(policies) ? policies : [policies as Policy];
  if (spec.values.length === 0) throw new RangeError(`sweep over ${spec.path} needs at least one value`);
  const onPolicy = spec.path.startsWith("policy.");
  const inner = onPolicy ? spec.path.slice("policy.".length) : spec.path.replace(/^scenario\./, "");
  const total = spec.values.length;
  const cases = spec.values.map((value) => ({
    value,
    s: onPolicy ? scenario : setPath(scenario, inner, value),
    ps: onPolicy ? list.map((p) => validatePolicy(setPath(p, inner, value))) : list,
  }));
  const replications = checkPolicies(list, options);
  const costs = cases.map(({ s, ps }) => estimateRunCost(s, ps, runWindow(s, options), { replications }));
  for (const w of checkRunCost(combineRunCosts(costs), { allowLarge: options.allowLarge === true })) options.onWarning?.(w);
  // each comparison checks itself again (cheap), but the warnings came once, above
  const { onWarning: _once, ...compareOptions } = options;
  const rows = cases.map(({ value, s, ps }, k) => {
    const progress = options.onProgress;
    const comparison = compare(s, ps, {
      ...compareOptions,
      ...(progress ? { onProgress: (done: number, all: number) => progress(k * all + done, total * all) } : {}),
    });
    return { value, comparison };
  });
  return { path: spec.path, values: spec.values, rows };
}
