/**
 * `sweep`: vary one scenario or policy parameter and compare at each value.
 *
 * @packageDocumentation
 */
import type { Policy } from "../policy/index.js";
import { validatePolicy } from "../policy/index.js";
import { ScenarioError, validateScenario, type Scenario } from "../scenario/index.js";
import { formatValue } from "../scenario/errors.js";
import { REPLICATION_JOURNAL } from "./replication.js";
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
 * Every value is checked before anything runs, as the same value in a scenario or policy file
 * would be (`validateScenario`, `validatePolicy`): a share of 7 or a team of a billion is
 * refused with the file's message, under a title that names the path and the value.
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
 * @throws RangeError when the path does not exist or there are no values, or when the sweep is
 *   too large to run (unless `allowLarge`)
 * @throws {ScenarioError} for a value that makes the scenario or a policy invalid
 * @example
 * ```ts
 * const s = sweep(loadScenario("teaching"), [policies.minutes, policies.whole], { path: "policy.handlingTime.cutShortProbability", values: [0, 0.5] }, { replications: 3 });
 * s.rows.length; //=> 2
 * sweep(loadScenario("teaching"), policies.whole, { path: "services.questions.caseShare", values: [7] });
 * //=> throws ScenarioError "Invalid scenario with services.questions.caseShare = 7 (1 problem):
 * //     - services[0].caseShare: got 7; expected a number from 0 to 1"
 * ```
 */
export function sweep(scenario: Scenario, policies: Policy | readonly Policy[], spec: SweepSpec, options: CompareOptions = {}): SweepResult {
  const plan = sweepPlan(scenario, policies, spec, options);
  const total = plan.cases.length;
  // each comparison checks itself again (cheap), but the warnings came once, from the plan
  const { onWarning: _once, ...compareOptions } = options;
  const rows = plan.cases.map(({ value, scenario: s, policies: ps }, k) => {
    const progress = options.onProgress;
    const comparison = compare(s, ps, {
      ...compareOptions,
      ...(progress ? { onProgress: (done: number, all: number) => progress(k * all + done, total * all) } : {}),
    });
    return { value, comparison };
  });
  return { path: plan.path, values: plan.values, rows };
}

/** What a sweep will run: each value with its scenario and policies, checked, and the replications. */
export interface SweepPlan {
  readonly path: string;
  readonly values: readonly unknown[];
  /** Replications of every comparison. */
  readonly replications: number;
  /** Per value, in order: the scenario and the policies to compare there. */
  readonly cases: readonly { readonly value: unknown; readonly scenario: Scenario; readonly policies: readonly Policy[] }[];
}

/**
 * Checks a sweep and makes what it will run, before anything runs: the options, every value's
 * scenario and policies (`validateScenario`, `validatePolicy`, under a title that names the
 * path and the value), and the cost of all the comparisons together (`RUN_COST_LIMITS`; under
 * `allowLarge` a refusal becomes a warning, given to `onWarning`). `sweep` and `sweepParallel`
 * run the same plan.
 *
 * @param scenario - the scenario
 * @param policies - one policy or several
 * @param spec - the dotted path and its values
 * @param options - those of `sweep`
 * @returns the plan
 * @throws as `sweep`
 * @example
 * ```ts
 * sweepPlan(loadScenario("teaching"), policies.whole, { path: "services.questions.demandTypes", values: [2, 20] }).cases.length; //=> 2
 * ```
 */
export function sweepPlan(scenario: Scenario, policies: Policy | readonly Policy[], spec: SweepSpec, options: CompareOptions = {}): SweepPlan {
  const list: readonly Policy[] = Array.isArray(policies) ? policies : [policies as Policy];
  const replications = checkPolicies(list, options, scenario);
  if (typeof spec !== "object" || spec === null || typeof spec.path !== "string" || !Array.isArray(spec.values)) {
    throw new RangeError(`the sweep must be { path: "a.dotted.path", values: [...] }, got ${formatValue(spec)}`);
  }
  if (spec.values.length === 0) throw new RangeError(`sweep over ${spec.path} needs at least one value`);
  const onPolicy = spec.path.startsWith("policy.");
  const inner = onPolicy ? spec.path.slice("policy.".length) : spec.path.replace(/^scenario\./, "");
  // every value is checked before the first runs
  const cases = spec.values.map((value) => {
    const title = (what: string) => `Invalid ${what} with ${spec.path} = ${formatValue(value)}`;
    const s = onPolicy ? scenario : checked(() => validateScenario(setPath(scenario, inner, value)), title("scenario"));
    const ps = onPolicy ? list.map((p) => checked(() => validatePolicy(setPath(p, inner, value), scenario), title("policy"))) : list;
    return { value, scenario: s, policies: ps };
  });
  const costs = cases.map(({ scenario: s, policies: ps }) => estimateRunCost(s, ps, runWindow(s, options), { replications, journal: REPLICATION_JOURNAL }));
  for (const w of checkRunCost(combineRunCosts(costs), { allowLarge: options.allowLarge === true })) options.onWarning?.(w);
  return { path: spec.path, values: spec.values, replications, cases };
}

/** The result of `f`, or its ScenarioError again under `title` (the swept path and value). */
function checked<T>(f: () => T, title: string): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ScenarioError) throw new ScenarioError(e.issues, title);
    throw e;
  }
}
