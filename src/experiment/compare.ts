/**
 * `compare`: every policy on the same citizens, replication by replication.
 *
 * @packageDocumentation
 */
import { validatePolicy, type Policy } from "../policy/index.js";
import { formatDuration, validateScenario, type Scenario } from "../scenario/index.js";
import { eventPeriods } from "../scenario/events.js";
import { formatValue } from "../scenario/errors.js";
import { checkOptionsObject, checkSeed } from "../model/runOptions.js";
import { buildComparison, type Comparison } from "./comparison.js";
import { checkRunCost, estimateRunCost, loadWarnings, offeredLoad, type LoadWarning, type RunCost } from "../analysis/index.js";
import { runWindow } from "../model/index.js";
import { REPLICATION_JOURNAL, runReplication, type ExperimentOptions, type ReplicationResult } from "./replication.js";

/** Options of {@link compare}. */
export interface CompareOptions extends ExperimentOptions {
  /** Called after each replication of each policy with (done, total), e.g. for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Warnings to carry in the Comparison; default: the load analysis of every policy ({@link capacityWarnings}). */
  readonly warnings?: readonly string[];
}

/**
 * Runs every policy on the same citizens: replication r of every policy uses the same random
 * streams (common random numbers), so paired differences are sharp.
 *
 * @param scenario - the scenario
 * @param policies - the policies; the first is the baseline of the paired differences
 * Before any replication runs, the cost of them all is estimated and checked
 * (`estimateRunCost`, `checkRunCost`): past `RUN_COST_LIMITS` the comparison is refused, near
 * them it runs with a warning to `onWarning`; under `allowLarge` past them too, with a warning.
 *
 * @param options - replications, seed, time window, progress callback, `allowLarge`, `onWarning`
 * @returns the Comparison
 * @throws {ScenarioError} for a scenario or policy that `validateScenario` or `validatePolicy` refuses
 * @throws RangeError for fewer than one policy, duplicate policy names, a bad option, or a
 *   comparison too large to run (unless `allowLarge`)
 * @example
 * ```ts
 * const c = compare(loadScenario("teaching"), [policies.minutes, policies.whole], { replications: 5 });
 * c.differences["whole-vs-minutes"]?.["failureDemandShare"]?.mean; // negative: less failure demand
 * ```
 */
export function compare(scenario: Scenario, policies: readonly Policy[], options: CompareOptions = {}): Comparison {
  const replications = checkPolicies(policies, options, scenario);
  checkExperimentCost(scenario, policies, options);
  // the runs check themselves again (cheap), but warn only once, here
  const { onWarning: _once, ...runOptions } = options;
  const results: ReplicationResult[] = [];
  const total = replications * policies.length;
  for (let r = 0; r < replications; r++) {
    for (const p of policies) {
      results.push(runReplication(scenario, p, r, runOptions));
      options.onProgress?.(results.length, total);
    }
  }
  const warnings = options.warnings ?? capacityWarnings(scenario, policies);
  return buildComparison({ scenario: scenario.name, seed: options.seed ?? 1, policies: policies.map((p) => p.name), warnings }, results);
}

/**
 * The run-cost check of an experiment before it starts: the estimate of all its runs
 * (`estimateRunCost`) checked against `RUN_COST_LIMITS` (`checkRunCost`), its warnings passed
 * to `options.onWarning`. Under `allowLarge` a refusal becomes a warning.
 *
 * @param scenario - the scenario
 * @param policies - the policies
 * @param options - replications (default 10), the window, `allowLarge`, `onWarning`
 * @param runs - runs per policy and replication (default 1; a touchpoint ranking makes 1 + teams)
 * @param concurrent - runs in memory at once (worker threads; default 1)
 * @returns the estimate
 * @throws RangeError past a refusal limit (unless `allowLarge`), or for a bad window
 * @example
 * ```ts
 * checkExperimentCost(loadScenario("teaching"), [policies.minutes], { replications: 3 }).runs; //=> 3
 * ```
 */
export function checkExperimentCost(scenario: Scenario, policies: readonly Policy[], options: ExperimentOptions, runs = 1, concurrent = 1): RunCost {
  const cost = estimateRunCost(scenario, policies, runWindow(scenario, options), { replications: (options.replications ?? 10) * runs, concurrent, journal: REPLICATION_JOURNAL });
  for (const w of checkRunCost(cost, { allowLarge: options.allowLarge === true })) options.onWarning?.(w);
  return cost;
}

/**
 * The load analysis's warnings for every policy (teams offered 85% or more of their capacity
 * before any failure demand), each prefixed with the policy's name. With scenario events, each
 * period in which they change demand, staff or hours is analysed on its own too, and a team
 * whose worst such period is worse than its usual load is warned of once more, for that period
 * (the worst period, not a time-weighted mean: a surge that overloads a team for eight weeks
 * builds a queue that a quiet rest of the year does not undo at once).
 *
 * @param scenario - the scenario
 * @param policies - the policies
 * @returns the warnings in words a user understands
 * @example
 * ```ts
 * capacityWarnings(loadScenario("soderhamn"), [policies.minutes]); //=> []
 * ```
 */
export function capacityWarnings(scenario: Scenario, policies: readonly Policy[]): string[] {
  const periods = eventPeriods(scenario, Infinity);
  return policies.flatMap((p) => {
    const usual = loadWarnings(offeredLoad(scenario, p));
    // scenario events: each period they change is analysed on its own, and a team is warned of
    // once more for its worst period when that is worse than its usual load
    const worst = new Map<string, { warning: LoadWarning; from: number; to: number }>();
    for (const period of periods) {
      for (const warning of loadWarnings(offeredLoad(period.scenario, p))) {
        const before = usual.find((u) => u.team === warning.team)?.utilisation ?? 0;
        const now = worst.get(warning.team);
        if (warning.utilisation > before && (now === undefined || warning.utilisation > now.warning.utilisation)) worst.set(warning.team, { warning, ...period });
      }
    }
    return [
      ...usual.map((w) => `${p.name}: ${w.message}`),
      ...[...worst.values()].map(({ warning, from, to }) => `${p.name}: from ${from === 0 ? "the start" : formatDuration(from)} ${to === Infinity ? "to the end" : `until ${formatDuration(to)}`} (scenario events), ${warning.message}`),
    ];
  });
}

/**
 * Checks the policies and options of an experiment before it starts, and returns the
 * replication count. Given the scenario, it also checks the scenario (`validateScenario`) and
 * each policy against it (`validatePolicy`: the steps its batching names).
 *
 * @param policies - the policies
 * @param options - the options
 * @param scenario - the scenario (optional)
 * @returns the number of replications
 * @throws RangeError naming the problem with the list or an option
 * @throws {ScenarioError} for a scenario or policy that does not pass its check
 * @example
 * ```ts
 * checkPolicies([policies.minutes], { replications: 3 }); //=> 3
 * checkPolicies("minutes" as never, {}); //=> throws RangeError "policies must be a list of policies such as [policies.minutes, policies.whole], got "minutes""
 * ```
 */
export function checkPolicies(policies: readonly Policy[], options: ExperimentOptions, scenario?: Scenario): number {
  checkOptionsObject(options, "compare");
  const o: CompareOptions = options ?? {};
  if (!Array.isArray(policies)) throw new RangeError(`policies must be a list of policies such as [policies.minutes, policies.whole], got ${formatValue(policies)}`);
  if (policies.length === 0) throw new RangeError("compare needs at least one policy");
  const checked = scenario === undefined ? undefined : validateScenario(scenario);
  for (const p of policies) validatePolicy(p, checked);
  const names = policies.map((p) => p.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw new RangeError(`two policies are named "${dup}": give each policy its own name`);
  const replications = o.replications ?? 10;
  if (!Number.isSafeInteger(replications) || replications < 1) {
    throw new RangeError(`replications must be a whole number ≥ 1, got ${formatValue(replications)}`);
  }
  checkSeed(o.seed);
  if (o.onProgress !== undefined && typeof o.onProgress !== "function") throw new RangeError(`onProgress must be a function (done, total) => void, got ${formatValue(o.onProgress)}`);
  if (o.warnings !== undefined && !(Array.isArray(o.warnings) && o.warnings.every((w) => typeof w === "string"))) {
    throw new RangeError(`warnings must be a list of texts, got ${formatValue(o.warnings)}`);
  }
  if (o.allowLarge !== undefined && typeof o.allowLarge !== "boolean") throw new RangeError(`allowLarge must be true or false, got ${formatValue(o.allowLarge)}`);
  if (o.onWarning !== undefined && typeof o.onWarning !== "function") throw new RangeError(`onWarning must be a function of a message, got ${formatValue(o.onWarning)}`);
  return replications;
}
