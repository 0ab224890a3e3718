/**
 * `sensitivity`: does the conclusion hold over what we do not know? Every GUESS-labelled
 * parameter (or a chosen list of paths) is moved to each end of its range, one at a time, and
 * the two policies are compared there on the same citizens (common random numbers). Per
 * outcome the study reports the paired difference at both ends with its 95% interval, and
 * whether its sign, judged clear at 95%, flips across the range; where it does, bisection finds
 * where the mean difference crosses zero (docs/drivers.md, "Sensitivity of the conclusion").
 *
 * @packageDocumentation
 */
import { checkRunCost, combineRunCosts, estimateRunCost, type RunCost } from "../analysis/index.js";
import { runWindow } from "../model/index.js";
import type { Policy } from "../policy/index.js";
import { formatValue } from "../scenario/errors.js";
import type { Scenario } from "../scenario/index.js";
import { capacityWarnings, checkPolicies, compare, type CompareOptions } from "./compare.js";
import { HEADLINE_OUTCOMES, headlineDifferences, type HeadlineDifference } from "./headlineDifferences.js";
import { sensitivityKnobs, type ParameterKind, type ParameterKnob, type SkippedParameter } from "./sensitivityParameters.js";

/** Options of {@link sensitivity}. */
export interface SensitivityOptions extends Omit<CompareOptions, "series" | "warnings"> {
  /** Dotted paths to vary (default: every GUESS-labelled parameter of citizen behaviour and mechanisms). */
  readonly params?: readonly string[];
  /** Ranges by path, `[low, high]` as numbers or texts with units (`["1 min", "4 min"]`); they override the documented ones and half to double. */
  readonly ranges?: Readonly<Record<string, readonly unknown[]>>;
  /** Bisection steps where a sign flips, 0–10 (default 4: the flip is located within 1/16 of the range). */
  readonly bisectionSteps?: number;
}

/** Where a difference's sign flips across a parameter's range. */
export interface SignFlip {
  /** Whether the difference is clear of 0 at 95% at both ends, with opposite signs. */
  readonly flips: boolean;
  /** Where the mean difference crosses 0: the straight line between the final bracket's two means (null when it does not flip). */
  readonly at: number | null;
  /** `at` as written in a file ("3.5 min"); null when it does not flip. */
  readonly atText: number | string | null;
  /** The final bracket: two values whose mean differences have opposite signs (null when it does not flip). */
  readonly bracket: readonly [number, number] | null;
  /** Comparisons run by the bisection. */
  readonly steps: number;
}

/** One parameter varied: its range, the differences at each end, and the sign flips. */
export interface SensitivityRow {
  readonly path: string;
  readonly kind: ParameterKind;
  /** The value in the scenario as given (minutes for a duration, per minute for a rate). */
  readonly value: number;
  readonly low: number;
  readonly high: number;
  /** The value and the ends as written in a file ("2.5 min", "0.5 / week", 0.15). */
  readonly text: { readonly value: number | string; readonly low: number | string; readonly high: number | string };
  readonly rangeFrom: "documented" | "halfToDouble" | "given";
  /** Per outcome: the paired difference (policy 2 − policy 1) at the low and the high end. */
  readonly atLow: Readonly<Record<string, HeadlineDifference>>;
  readonly atHigh: Readonly<Record<string, HeadlineDifference>>;
  /** Per outcome: the difference at the high end minus at the low end (how far the parameter moves it). */
  readonly swing: Readonly<Record<string, number>>;
  /** Per outcome: whether the sign flips across the range, and where. */
  readonly flips: Readonly<Record<string, SignFlip>>;
  /** Warnings of the runs at the ends (unstable teams), each naming the end. */
  readonly warnings: readonly string[];
}

/** The result of {@link sensitivity}; `JSON.stringify` gives its JSON. */
export interface SensitivityStudy {
  readonly scenario: string;
  readonly seed: number | string;
  readonly replications: number;
  readonly horizonDays: number;
  readonly warmupDays: number;
  /** The two policies; every difference is the second minus the first. */
  readonly policies: readonly [string, string];
  readonly outcomes: readonly { readonly metric: string; readonly label: string }[];
  /** The differences with every parameter as given. */
  readonly baseline: Readonly<Record<string, HeadlineDifference>>;
  readonly bisectionSteps: number;
  readonly parameters: readonly SensitivityRow[];
  /** GUESS-labelled parameters not varied, with the reason. */
  readonly skipped: readonly SkippedParameter[];
  /** The load analysis of the scenario as given, and of the comparison at baseline. */
  readonly warnings: readonly string[];
}

/**
 * Checks the two policies and the options of a sensitivity study or a winner map, and returns
 * the replication count.
 *
 * @param fn - the function's name, for messages
 * @param scenario - the scenario
 * @param policies - the policies (two)
 * @param options - the options
 * @returns the number of replications
 * @throws RangeError for other than two policies, fewer than 2 replications, or a bad option
 * @example
 * ```ts
 * checkTwoPolicies("sensitivity", loadScenario("teaching"), [policies.minutes], {});
 * //=> throws RangeError "sensitivity compares two policies (the difference is the second minus the first), got 1"
 * ```
 */
export function checkTwoPolicies(fn: string, scenario: Scenario, policies: readonly Policy[], options: CompareOptions): number {
  const replications = checkPolicies(policies, options, scenario);
  if (policies.length !== 2) throw new RangeError(`${fn} compares two policies (the difference is the second minus the first), got ${policies.length}`);
  if (replications < 2) throw new RangeError(`${fn} needs replications ≥ 2 for its 95% intervals, got ${replications}`);
  return replications;
}

/**
 * Varies each GUESS-labelled parameter (or each path of `options.params`) over its range, one
 * at a time, and compares the two policies at both ends on the same citizens. The range is
 * the one documented in the scenario schema's label, else half to double the value (a share
 * clipped to [0, 1], every field to its bounds, whole numbers rounded outward); a GUESS
 * parameter whose value is 0 has no half or double and is skipped, with the reason, unless
 * `ranges` gives it one. Where an outcome's difference is clear of 0 at both ends with
 * opposite signs, the sign flips: bisection (`bisectionSteps` comparisons, each halving the
 * bracket) finds where the mean difference crosses 0, to within the range / 2^steps. The cost
 * of every run, the bisections' at most, is estimated and checked before the first runs.
 *
 * @param scenario - the scenario
 * @param policies - two policies; differences are the second minus the first
 * @param options - replications (default 10, at least 2), seed, window, params, ranges, bisectionSteps, progress, `allowLarge`, `onWarning`
 * @returns the study
 * @throws RangeError for other than two policies, fewer than 2 replications, a bad option, a
 *   path that does not exist or cannot be varied, or a study too large to run (unless `allowLarge`)
 * @throws {ScenarioError} for a value that makes the scenario or a policy invalid (named in the title)
 * @example
 * ```ts
 * const s = sensitivity(loadScenario("teaching"), [policies.minutes, policies.whole], {
 *   replications: 3, horizon: "8 weeks", warmup: "2 weeks", params: ["mechanisms.handoffInfoLoss"],
 * });
 * s.parameters[0]?.flips["costPerNeed"]?.flips; // true when the cost difference changes sign over the range
 * ```
 */
export function sensitivity(scenario: Scenario, policies: readonly Policy[], options: SensitivityOptions = {}): SensitivityStudy {
  const replications = checkTwoPolicies("sensitivity", scenario, policies, options);
  const steps = options.bisectionSteps ?? 4;
  if (!Number.isSafeInteger(steps) || steps < 0 || steps > 10) throw new RangeError(`bisectionSteps must be a whole number from 0 to 10, got ${formatValue(steps)}`);
  const { knobs, skipped } = sensitivityKnobs(scenario, policies, options.params, options.ranges ?? {});
  const ends = knobs.map((k) => ({ low: k.at(k.low), high: k.at(k.high) }));
  // the cost of every comparison, with the bisections' at most (each at the dearer end), checked first
  const window = (s: Scenario) => runWindow(s, options);
  const cost = (s: Scenario, ps: readonly Policy[]) => estimateRunCost(s, ps, window(s), { replications });
  const costs: RunCost[] = [cost(scenario, policies)];
  ends.forEach((e) => {
    const [a, b] = [cost(e.low.scenario, e.low.policies), cost(e.high.scenario, e.high.policies)];
    costs.push(a, b);
    for (let i = 0; i < steps * HEADLINE_OUTCOMES.length; i++) costs.push(a.events >= b.events ? a : b);
  });
  for (const w of checkRunCost(combineRunCosts(costs), { allowLarge: options.allowLarge === true })) options.onWarning?.(w);
  const total = costs.length;
  let done = 0;
  const { onWarning: _once, onProgress, params: _p, ranges: _r, bisectionSteps: _b, ...compareOptions } = options;
  const run = (s: Scenario, ps: readonly Policy[]) => {
    const c = compare(s, ps, { ...compareOptions, series: false, warnings: [] });
    onProgress?.(++done, total);
    return c;
  };
  const base = run(scenario, policies);
  const parameters = knobs.map((k, i) => row(k, ends[i]!, steps, run));
  onProgress?.(total, total);
  return {
    scenario: scenario.name,
    seed: base.seed,
    replications,
    horizonDays: base.horizonDays,
    warmupDays: base.warmupDays,
    policies: [policies[0]!.name, policies[1]!.name],
    outcomes: HEADLINE_OUTCOMES,
    baseline: headlineDifferences(base),
    bisectionSteps: steps,
    parameters,
    skipped,
    warnings: [...capacityWarnings(scenario, policies), ...base.warnings],
  };
}

type Runner = (s: Scenario, ps: readonly Policy[]) => import("./comparison.js").Comparison;
type At = { readonly scenario: Scenario; readonly policies: readonly Policy[] };

/** One parameter: both ends, then a bisection per outcome whose sign flips (runs shared by value). */
function row(k: ParameterKnob, ends: { low: At; high: At }, steps: number, run: Runner): SensitivityRow {
  const lowC = run(ends.low.scenario, ends.low.policies);
  const highC = run(ends.high.scenario, ends.high.policies);
  const atLow = headlineDifferences(lowC);
  const atHigh = headlineDifferences(highC);
  // the comparisons of the bisection, by value: outcomes that flip share the runs they can
  const seen = new Map<number, Record<string, HeadlineDifference>>([
    [k.low, atLow],
    [k.high, atHigh],
  ]);
  const differencesAt = (v: number) => {
    const known = seen.get(v);
    if (known !== undefined) return { d: known, ran: false };
    const at = k.at(v);
    const d = headlineDifferences(run(at.scenario, at.policies));
    seen.set(v, d);
    return { d, ran: true };
  };
  const flips: Record<string, SignFlip> = {};
  const swing: Record<string, number> = {};
  for (const o of HEADLINE_OUTCOMES) {
    const lo = atLow[o.metric];
    const hi = atHigh[o.metric];
    if (lo === undefined || hi === undefined) continue;
    swing[o.metric] = hi.mean - lo.mean;
    if (!(lo.sign !== 0 && hi.sign !== 0 && lo.sign !== hi.sign)) {
      flips[o.metric] = { flips: false, at: null, atText: null, bracket: null, steps: 0 };
      continue;
    }
    let [a, b] = [k.low, k.high];
    let [ma, mb] = [lo.mean, hi.mean];
    let ran = 0;
    for (let i = 0; i < steps; i++) {
      if (k.integer && b - a <= 1) break;
      const m = k.integer ? Math.round((a + b) / 2) : (a + b) / 2;
      const got = differencesAt(m);
      if (got.ran) ran++;
      const mm = got.d[o.metric]?.mean ?? NaN;
      // the side whose mean has the low end's sign moves in
      if (Math.sign(mm) === Math.sign(ma) || mm === 0) [a, ma] = [m, mm];
      else [b, mb] = [m, mm];
    }
    const at = ma === mb ? (a + b) / 2 : a + ((b - a) * ma) / (ma - mb);
    flips[o.metric] = { flips: true, at, atText: k.show(at), bracket: [a, b], steps: ran };
  }
  const warnings = [
    ...lowC.warnings.map((w) => `at ${k.path} = ${formatValue(k.show(k.low))}: ${w}`),
    ...highC.warnings.map((w) => `at ${k.path} = ${formatValue(k.show(k.high))}: ${w}`),
  ];
  return {
    path: k.path,
    kind: k.kind,
    value: k.value,
    low: k.low,
    high: k.high,
    text: { value: k.show(k.value), low: k.show(k.low), high: k.show(k.high) },
    rangeFrom: k.rangeFrom,
    atLow,
    atHigh,
    swing,
    flips,
    warnings,
  };
}
