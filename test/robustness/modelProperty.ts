/**
 * The model property: a random valid scenario under a random policy keeps every invariant,
 * gives the same result for the same seed, and its Comparison has no NaN. Shared by the quick
 * test (test/robustness) and the long one (test/long).
 */
import fc from "fast-check";
import { compare, estimateRunCost, parsePolicy, parseScenario, RUN_COST_LIMITS, runWindow, simulate, summarise, type Policy, type PolicyInput, type RunResult, type Scenario } from "../../src/index.js";
import { comparisonViolations, firstDifference, runViolations } from "./invariants.js";
import { policyInputArb, scenarioArb, stepKeysOf, type GeneratedScenario } from "./scenarioGen.js";

/** One generated case: a scenario, two policies (input format) and a seed. */
export interface ModelCase {
  readonly scenario: GeneratedScenario;
  readonly policies: readonly [PolicyInput, PolicyInput];
  readonly seed: number;
}

/** The arbitrary of model cases. */
export const modelCaseArb: fc.Arbitrary<ModelCase> = scenarioArb().chain((scenario) => {
  const keys = stepKeysOf(scenario.input);
  return fc.record({
    scenario: fc.constant(scenario),
    policies: fc.tuple(policyInputArb(keys), policyInputArb(keys)),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  });
});

/** Statistics of a batch of checked cases, for the report. */
export interface ModelTally {
  cases: number;
  runs: number;
  cohortNeeds: number;
  contacts: number;
  events: number;
  /** Cases refused before running as larger than a run takes (a clear one-line RangeError). */
  refused: number;
  /**
   * Cases left out as large: the run-cost estimate warns of them (past `warnEventsPerRun`
   * events or `warnBytes` of memory). This check holds three runs in memory at once, so one
   * of them can take gigabytes (the long run was killed by the kernel at 23 GB on a case
   * estimated at 1.2 GB that took 7.5 GB); large runs are the run-cost property's to check
   * (test/long/runCost.test.ts), one at a time.
   */
  large: number;
}

/** A fresh tally. */
export function newTally(): ModelTally {
  return { cases: 0, runs: 0, cohortNeeds: 0, contacts: 0, events: 0, refused: 0, large: 0 };
}

/**
 * Checks one case: parse the scenario and the policies (a generated input must be valid),
 * run each policy twice with the same seed (identical), check every invariant of each run,
 * and compare both policies over two replications (no NaN in the Comparison).
 *
 * @returns the violations, each prefixed with where it happened
 */
export function checkModelCase(c: ModelCase, tally: ModelTally = newTally()): string[] {
  let scenario: Scenario;
  let policies: Policy[];
  try {
    scenario = parseScenario(c.scenario.input);
    policies = c.policies.map((p, i) => ({ ...parsePolicy(p), name: `p${i}` }));
  } catch (e) {
    return [`a generated input did not load: ${(e as Error).message}`];
  }
  const window = c.scenario.window;
  const estimate = estimateRunCost(scenario, policies, runWindow(scenario, window));
  if (estimate.eventsPerRun > RUN_COST_LIMITS.warnEventsPerRun || estimate.bytesPerRun > RUN_COST_LIMITS.warnBytes) {
    tally.large++;
    return [];
  }
  const out: string[] = [];
  const runs: RunResult[] = [];
  const tooLarge = refusedAsTooLarge(() => policies.forEach((policy) => runs.push(simulate(scenario, policy, { seed: c.seed, ...window }))));
  if (tooLarge !== undefined) {
    // a run larger than the model takes (e.g. thousands of personal case owners) is refused
    // before it starts, with one line saying what to change; compare must refuse it the same way
    const again = refusedAsTooLarge(() => compare(scenario, policies, { replications: 2, seed: c.seed, ...window }));
    tally.refused++;
    // the run-cost check speaks of what each is asked to run (one run, or all of them): the same refusal, other figures
    const same = again === tooLarge || (again?.startsWith(COST_REFUSAL) === true && tooLarge.startsWith(COST_REFUSAL));
    return same ? [] : [`simulate refused the case as too large ("${tooLarge}") but compare ${again === undefined ? "ran it" : `said "${again}"`}`];
  }
  tally.cases++;
  for (const [i, policy] of policies.entries()) {
    const run = runs[i] as RunResult;
    const again = simulate(scenario, policy, { seed: c.seed, ...window });
    tally.runs += 2;
    tally.cohortNeeds += run.needs.length;
    tally.contacts += run.contacts.length;
    tally.events += run.events;
    out.push(...runViolations(run).map((v) => `${policy.name}: ${v}`));
    const diff = firstDifference(run, again);
    if (diff !== undefined) out.push(`${policy.name}: same seed, different result at ${diff}`);
    const s1 = summarise(run);
    const s2 = summarise(again);
    const sdiff = firstDifference(s1, s2);
    if (sdiff !== undefined) out.push(`${policy.name}: same seed, different summary at ${sdiff}`);
  }
  const comparison = compare(scenario, policies, { replications: 2, seed: c.seed, ...window });
  tally.runs += 4;
  out.push(...comparisonViolations(comparison));
  const again = JSON.parse(JSON.stringify(comparison)) as unknown;
  const d = firstDifference(again, comparison);
  if (d !== undefined) out.push(`the Comparison does not survive JSON: ${d}`);
  return out;
}

/** How the run-cost check (docs/performance.md, "What a run costs") begins a refusal. */
const COST_REFUSAL = "too large to run: ";

/** The message when `f` throws the model's "larger than a run takes" RangeError, else undefined (other errors pass through). */
function refusedAsTooLarge(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    if (e instanceof RangeError && (/the most a run takes/.test(e.message) || e.message.startsWith(COST_REFUSAL)) && !e.message.includes("\n")) return e.message;
    throw e;
  }
}

/**
 * The property for `fc.assert`: every invariant holds; any violation fails the case.
 *
 * @param tally - counts what was checked
 */
export function modelProperty(tally: ModelTally = newTally()): fc.IProperty<[ModelCase]> {
  return fc.property(modelCaseArb, (c) => {
    const violations = checkModelCase(c, tally);
    if (violations.length > 0) throw new Error(`${violations.length} invariant(s) broken:\n  ${violations.slice(0, 12).join("\n  ")}`);
  });
}
