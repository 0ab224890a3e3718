/**
 * The load analysis against the simulation with every failure mechanism off: the scenario
 * without failure, the Poisson standard deviation of a team's weekly minutes, and the
 * standardised differences of simulated and offered minutes. Shared by
 * test/analysis/offeredLoad.test.ts (one seed), test/long/loadCheck.test.ts (ten seeds, the
 * figures of docs/analysis.md and docs/validation.md) and scripts/loadCheckReport.ts.
 */
import { offeredLoad, serviceRouting } from "../../src/analysis/index.js";
import { MINUTES_PER_WEEK } from "../../src/engine/index.js";
import { loadScenario, policies, simulate, type Policy, type Scenario } from "../../src/index.js";

/**
 * The scenario with every failure mechanism switched off (as `withoutFailure` in
 * test/model/honesty.test.ts), and what the analysis leaves out made constant: a flat year (so
 * the measured window sees the yearly average rate), no structural yearly runs (whose burst
 * would fall in or out of the window), no proactive updates (their number depends on time
 * open). Completeness clarifications, consults, confirmations, the generalist penalty and
 * batch savings stay: they are routing, not failure.
 */
export function withoutFailure(s: Scenario): Scenario {
  return {
    ...s,
    services: s.services.map((sv) => ({
      ...sv,
      profile: { ...sv.profile, byMonth: sv.profile.byMonth.map(() => 1) },
      steps: sv.steps.map((st) => ({ ...st, failureProbability: 0, scheduled: null })),
    })),
    citizens: {
      ...s.citizens,
      phonePatience: { mean: 1e9, cv: 0 },
      visitPatience: { mean: 1e9, cv: 0 },
      giveUpProbability: 0,
      chaseRatePerMinute: 0,
      letterUnclearProbability: 0,
      complaintPropensity: 0,
    },
    mechanisms: {
      ...s.mechanisms,
      handoffInfoLoss: 0,
      misrouteProbability: 0,
      prematureClosure: 0,
      infoLossFailure: 0,
      updateMinutes: 0,
      wrongAnswerProbability: 0,
      consultRelayLoss: 0,
      measureGaming: 0,
      // a colleague reading into an absent owner's case is failure work, outside the floor
      readInWork: { mean: 0, cv: 0 },
    },
  };
}

/**
 * Standard deviation of a team's simulated minutes per week over W weeks, from the Poisson
 * count variance. Needs of service s arrive as a Poisson process of Λₛ per week (a weekly
 * profile over whole weeks keeps the count Poisson with mean ΛₛW), each bringing Xₛ minutes of
 * work to the team, independently; so the total is compound Poisson with
 * Var = W Σₛ Λₛ E[Xₛ²], and the weekly mean has Var = Σₛ Λₛ E[Xₛ²] / W. Xₛ is the sum over the
 * team's stations k of Yₖ = (visit indicator) × (lognormal minutes, mean mₖ, cv ≤ cvmax), so
 * E[Yₖ²] ≤ vₖ mₖ² (1 + cvmax²) and, whatever the dependence between stations (Minkowski),
 * E[Xₛ²] ≤ (Σₖ √E[Yₖ²])². Adding a constant (completeness help) only lowers the cv. Needs in
 * flight at the window's ends add O(1) work against O(W) and are left out.
 */
export function poissonSd(s: Scenario, policy: Policy, team: string, weeks: number): number {
  const cvs = s.services.flatMap((sv) => [sv.frontWork.cv, sv.backOfficeWork.cv, ...sv.steps.map((st) => st.work.cv)]);
  const secondMoment = 1 + Math.max(s.mechanisms.clarificationWork.cv, ...cvs) ** 2;
  const routing = serviceRouting(s, policy).filter((r) => r.team === team);
  let variance = 0;
  for (const sv of s.services) {
    const root = routing.filter((r) => r.service === sv.id).reduce((a, r) => a + Math.sqrt(r.visits * secondMoment) * r.minutes, 0);
    variance += sv.arrivalsPerMinute * MINUTES_PER_WEEK * root ** 2;
  }
  return Math.sqrt(variance / weeks);
}

/** The presets without cut-short work (a cut is a failure). */
export const noCutShort = (p: Policy): Policy => ({ ...p, handlingTime: { ...p.handlingTime, cutShortProbability: 0 } });

/** One team of one run: simulated and offered minutes a week, and the Poisson standard deviation. */
export interface LoadComparison {
  readonly scenario: string;
  readonly policy: string;
  readonly team: string;
  readonly simulated: number;
  readonly offered: number;
  readonly sd: number;
}

/** The scenarios checked. */
export const LOAD_CHECK_SCENARIOS = ["soderhamn", "teaching", "standard-work"] as const;

/**
 * Every team of one scenario under one preset (failure off, no cuts), 104 weeks after a 26-week
 * warm-up, with the given seed.
 */
export function loadComparisons(name: (typeof LOAD_CHECK_SCENARIOS)[number], preset: Policy, seed: number): LoadComparison[] {
  const s = withoutFailure(loadScenario(name));
  const policy = noCutShort(preset);
  const run = simulate(s, policy, { seed, horizon: "130 weeks", warmup: "26 weeks", journal: { every: 0 }, series: false });
  const weeks = (run.horizonMinutes - run.warmupMinutes) / MINUTES_PER_WEEK;
  const loads = offeredLoad(s, policy);
  return run.teams.map((t, j) => {
    // the analysis plans the same teams as the model
    if (loads[j]?.team !== t.id || loads[j]?.staff !== t.staff) throw new Error(`the analysis plans ${loads[j]?.team} (${loads[j]?.staff}) where the run has ${t.id} (${t.staff})`);
    return {
    scenario: name,
    policy: preset.name,
    team: t.id,
    simulated: (t.valueMinutes + t.failureMinutes) / weeks,
    offered: loads[j]!.offeredMinutesPerWeek,
    sd: poissonSd(s, policy, t.id, weeks),
    };
  });
}

/** The standardised differences (simulated − offered) / sd of every team, scenario and preset over seeds 1..n. */
export function standardisedDifferences(seeds: number): number[] {
  const out: number[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    for (const name of LOAD_CHECK_SCENARIOS) {
      for (const preset of [policies.minutes, policies.whole]) {
        for (const c of loadComparisons(name, preset, seed)) if (c.sd > 0) out.push((c.simulated - c.offered) / c.sd);
      }
    }
  }
  return out;
}

/** The sentence of docs/analysis.md and docs/validation.md on `seeds` seeds: count, mean, sd and largest absolute value. */
export function loadCheckSentence(seeds: number): string {
  const z = standardisedDifferences(seeds);
  const mean = z.reduce((a, x) => a + x, 0) / z.length;
  const sd = Math.sqrt(z.reduce((a, x) => a + (x - mean) ** 2, 0) / (z.length - 1));
  const largest = Math.max(...z.map(Math.abs));
  const teams = z.length / seeds;
  const f = (x: number) => (Math.abs(x) < 0.005 ? "0.00" : x.toFixed(2)).replace("-", "−");
  return `Over ${seeds} seeds and all ${teams} team comparisons the standardised differences had mean ${f(mean)}, standard deviation ${f(sd)} and largest absolute value ${f(largest)}`;
}
