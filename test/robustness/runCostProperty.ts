/**
 * The run-cost check on large and odd scenarios (issue 14): a generator that reaches what the
 * scenario generator of scenarioGen.ts stays away from — many case steps, huge arrival rates,
 * staff and demand types, horizons of centuries, a billion replications, updates every second,
 * redials every millisecond, a sickness spell a week for a hundred thousand people — and a property: the estimate
 * comes quickly, and either `compare` refuses the experiment before running anything, with the
 * one-line message of `checkRunCost`, or one run of it stays within a few times its estimate.
 */
import fc from "fast-check";
import { builtinScenarioInput, checkRunCost, compare, estimateRunCost, parsePolicy, parseScenario, runWindow, simulate, type ScenarioInput } from "../../src/index.js";

/** A large or odd case: the teaching scenario with some of its numbers pushed far. */
export interface RunCostCase {
  readonly input: ScenarioInput;
  readonly policy: "minutes" | "whole";
  readonly replications: number;
}

/** What the property saw. */
export interface RunCostTally {
  /** Refused by compare before anything ran. */
  refused: number;
  /** Accepted and run once here (small enough). */
  ran: number;
  /** Accepted, but too long to run in a test (the estimate is between that and the limits). */
  skipped: number;
  /** Accepted with a warning. */
  warned: number;
}

/** A new tally. */
export function newRunCostTally(): RunCostTally {
  return { refused: 0, ran: 0, skipped: 0, warned: 0 };
}

/** One run of an accepted case is made here when its estimate is at most this many events. */
export const RUN_HERE_EVENTS = 300_000;

/**
 * An accepted run fires at most this many times its estimate (plus a few thousand: the estimate
 * is rough). In 600 cases of this generator (seeds 5, 11, 12, 13) the worst was 12×: a week's
 * cohort with a thousand years of drain and callers who redial every millisecond, where the
 * few chases that come meet a busy line; most were within 2×.
 */
export const UNDER_ESTIMATE_FACTOR = 20;

/** The estimate of one case must come within this (a generous bound against blow-ups; the estimate is linear). */
export const ESTIMATE_SECONDS = 10;

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

/**
 * Large and odd cases, most of them pushed along one or two axes at a time.
 *
 * @returns the arbitrary
 */
export function runCostCaseArb(): fc.Arbitrary<RunCostCase> {
  return fc
    .record({
      steps: maybe(fc.constantFrom(1, 50, 500, 3000, 12_000)),
      arrivals: maybe(fc.constantFrom("1 / year", "4000 / year", "1000000 / year", "90000000 / year")),
      horizon: maybe(fc.constantFrom("1 hour", "1 week", "52 weeks", "100 years", "10000 years")),
      drain: maybe(fc.constantFrom("0 min", "26 weeks", "1000 years")),
      replications: fc.constantFrom(1, 1, 2, 10, 1000, 1_000_000, 1_000_000_000),
      updateInterval: maybe(fc.constantFrom("1 s", "1 min", "1 week")),
      redial: maybe(fc.record({ delay: fc.constantFrom("0.001 s", "1 min", "30 min"), patience: fc.constantFrom("0.001 s", "2 min"), p: fc.constantFrom(0.65, 1), giveUp: fc.constantFrom(0, 0.1) })),
      staff: maybe(fc.constantFrom(1, 100, 100_000)),
      sickness: maybe(fc.constantFrom("4 / year", "52 / year")),
      demandTypes: maybe(fc.constantFrom(10, 1_000_000)),
      chaseRate: maybe(fc.constantFrom("0.5 / week", "100 / day")),
      policy: fc.constantFrom("minutes" as const, "whole" as const),
    })
    .map((o) => {
      const base = builtinScenarioInput("teaching") as unknown as Record<string, unknown> & { services: Record<string, unknown>[]; teams: Record<string, unknown>[] };
      const input: Record<string, unknown> = { ...base, horizon: o.horizon ?? base["horizon"] ?? "52 weeks", warmup: "0 min" };
      if (o.drain !== undefined) input["drain"] = o.drain;
      input["services"] = base.services.map((sv, i) => {
        if (i !== 0) return sv;
        const out: Record<string, unknown> = { ...sv };
        if (o.arrivals !== undefined) out["arrivals"] = o.arrivals;
        if (o.demandTypes !== undefined) out["demandTypes"] = o.demandTypes;
        const steps = (sv["steps"] ?? []) as Record<string, unknown>[];
        if (o.steps !== undefined && steps.length > 0) {
          out["caseShare"] = Math.max(0.1, Number(sv["caseShare"] ?? 0));
          out["steps"] = Array.from({ length: o.steps }, (_, k) => ({ ...steps[k % steps.length], id: `st${k}`, name: `step ${k}` }));
        }
        return out;
      });
      if (o.staff !== undefined) input["teams"] = base.teams.map((t, i) => (i === 0 ? { ...t, staff: o.staff } : t));
      const citizens: Record<string, unknown> = { ...((base["citizens"] as object | undefined) ?? {}) };
      if (o.redial !== undefined) {
        Object.assign(citizens, {
          redialDelay: { mean: o.redial.delay, cv: 0 },
          phonePatience: { mean: o.redial.patience, cv: 0 },
          redialProbability: o.redial.p,
          giveUpProbability: o.redial.giveUp,
        });
      }
      if (o.chaseRate !== undefined) citizens["chaseRate"] = o.chaseRate;
      input["citizens"] = citizens;
      const mechanisms: Record<string, unknown> = { ...((base["mechanisms"] as object | undefined) ?? {}) };
      if (o.updateInterval !== undefined) mechanisms["updateInterval"] = o.updateInterval;
      if (o.sickness !== undefined) mechanisms["sicknessSpells"] = o.sickness;
      input["mechanisms"] = mechanisms;
      return { input: input as unknown as ScenarioInput, policy: o.policy, replications: o.replications };
    });
}

/**
 * Checks one case.
 *
 * @param c - the case
 * @param tally - counts what was seen
 * @param estimate - the estimate to check against (a test of the property's teeth passes a wrong one)
 * @returns the violations (none when the property holds)
 */
export function checkRunCostCase(c: RunCostCase, tally: RunCostTally = newRunCostTally(), estimate: typeof estimateRunCost = estimateRunCost): string[] {
  const scenario = parseScenario(c.input);
  const policy = parsePolicy({ name: c.policy, extends: c.policy });
  const window = runWindow(scenario, {});
  const t0 = performance.now();
  const cost = estimate(scenario, [policy], window, { replications: c.replications });
  const seconds = (performance.now() - t0) / 1000;
  const out: string[] = [];
  if (seconds > ESTIMATE_SECONDS) out.push(`the estimate took ${seconds.toFixed(1)} s`);
  for (const x of [cost.events, cost.eventsPerRun, cost.bytes, cost.bytesPerRun]) if (!(x >= 0)) out.push(`a figure of the estimate is ${x}`);
  let refusal: string | undefined;
  let warnings: string[] = [];
  try {
    warnings = checkRunCost(cost);
  } catch (e) {
    refusal = (e as Error).message;
  }
  if (refusal !== undefined) {
    tally.refused++;
    // compare refuses the same experiment before running anything, with the one-line message
    let said: unknown;
    try {
      compare(scenario, [policy], { replications: c.replications });
    } catch (e) {
      said = e;
    }
    if (!(said instanceof RangeError)) return [...out, `checkRunCost refused ("${refusal}") but compare ${said === undefined ? "ran it" : `threw ${String(said)}`}`];
    const message = said.message;
    if (message.includes("\n")) out.push(`the refusal is more than one line: ${JSON.stringify(message)}`);
    if (!message.startsWith("too large to run: ") || !message.includes("--allow-large")) out.push(`the refusal does not say what and how: ${message}`);
    return out;
  }
  if (warnings.length > 0) tally.warned++;
  if (cost.eventsPerRun > RUN_HERE_EVENTS) {
    tally.skipped++;
    return out;
  }
  tally.ran++;
  const run = simulate(scenario, policy, { seed: 1, journal: { every: 0 } });
  const bound = UNDER_ESTIMATE_FACTOR * cost.eventsPerRun + 5_000;
  if (run.events > bound) out.push(`one run fired ${run.events} events, more than ${UNDER_ESTIMATE_FACTOR} × the estimate of ${Math.round(cost.eventsPerRun)} (+ 5,000)`);
  return out;
}

/**
 * The property for `fc.assert`.
 *
 * @param tally - counts what was seen
 * @returns the property
 */
export function runCostProperty(tally: RunCostTally): fc.IPropertyWithHooks<[RunCostCase]> {
  return fc.property(runCostCaseArb(), (c) => {
    const violations = checkRunCostCase(c, tally);
    if (violations.length > 0) throw new Error(violations.join("\n"));
  });
}
