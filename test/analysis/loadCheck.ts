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
import { TASK_NAMES } from "../../src/model/codes.js";

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

/** What failed work (M8) does at one team, in the model and in the analysis (docs/analysis.md, "Differences from the simulation"). */
export interface ReworkFigures {
  readonly team: string;
  /** Value and failure minutes a week the run booked at the team. */
  readonly simulated: number;
  /** Minutes a week the analysis offers it: first visits and, at 1/(1 − p), repeats. */
  readonly offered: number;
  readonly firstVisits: number;
  /** Rework minutes a week the run booked there. */
  readonly rework: number;
  /** What the model's routing predicts for the rework: cases a week × pν/(1 − pν) × reworkShare × the step's mean work. */
  readonly predicted: { readonly casesPerWeek: number; readonly p: number; readonly notice: number; readonly share: number; readonly work: number; readonly minutes: number };
}

/**
 * Failed work (M8) with every other failure mechanism off: `weeks` weeks of soderhamn under
 * minutes (after a 26-week warm-up, seed 1), each team with a step that may fail.
 */
export function reworkFigures(weeks = 1000): ReworkFigures[] {
  const original = loadScenario("soderhamn");
  const off = withoutFailure(original);
  // every other failure mechanism off, failed steps back on
  const s: Scenario = { ...off, services: off.services.map((sv, i) => ({ ...sv, steps: sv.steps.map((st, k) => ({ ...st, failureProbability: original.services[i]!.steps[k]!.failureProbability })) })) };
  const policy = noCutShort(policies.minutes);
  const run = simulate(s, policy, { seed: 1, horizon: `${weeks + 26} weeks`, warmup: "26 weeks", journal: { every: 0 }, series: false });
  const measured = weeks;
  const loads = offeredLoad(s, policy);
  const first = offeredLoad(off, policy);
  const rework = TASK_NAMES.indexOf("rework");
  const out: ReworkFigures[] = [];
  s.services.forEach((sv) => {
    sv.steps.forEach((st) => {
      if (st.failureProbability <= 0) return;
      const j = run.teams.findIndex((t) => t.id === st.team);
      const t = run.teams[j]!;
      const p = st.failureProbability;
      const notice = s.citizens.noticeDefectProbability;
      const share = s.mechanisms.reworkShare;
      const casesPerWeek = sv.arrivalsPerMinute * MINUTES_PER_WEEK * sv.caseShare;
      out.push({
        team: t.name,
        simulated: (t.valueMinutes + t.failureMinutes) / measured,
        offered: loads[j]!.offeredMinutesPerWeek,
        firstVisits: first[j]!.offeredMinutesPerWeek,
        rework: (t.minutesByTask[rework] ?? 0) / measured,
        predicted: { casesPerWeek, p, notice, share, work: st.work.mean, minutes: casesPerWeek * ((p * notice) / (1 - p * notice)) * share * st.work.mean },
      });
    });
  });
  return out;
}

/** The sentences of docs/analysis.md on failed work, from {@link reworkFigures}. */
export function reworkSentences(weeks = 1000): string {
  const [a, ...rest] = reworkFigures(weeks).sort((x, y) => y.offered - y.firstVisits - (x.offered - x.firstVisits));
  if (a === undefined) return "No step of soderhamn fails.";
  const r = (x: number) => Math.round(x).toLocaleString("en");
  const q = a.predicted;
  const perCase = (q.p * q.notice) / (1 - q.p * q.notice);
  return [
    `With the other failure mechanisms off, over ${weeks.toLocaleString("en")} weeks of soderhamn under \`minutes\` the ${a.team} did ${r(a.simulated)} min/week against ${r(a.offered)} offered (${r(a.firstVisits)} first visits + ${r(a.offered - a.firstVisits)} repeats at 1/(1 − ${q.p})).`,
    `The model's rework there, ${r(a.rework)} min/week, is what its own routing predicts: ${q.casesPerWeek.toFixed(1)} cases/week × pν/(1 − pν) = ${(q.p * q.notice).toFixed(3)}/${(1 - q.p * q.notice).toFixed(3)} = ${perCase.toFixed(3)} reworks per case × ${q.share} × ${q.work} min = ${r(q.minutes)} min/week (p = ${q.p}, ν = ${q.notice}, \`noticeDefectProbability\`).`,
    ...rest.map((x) => `The ${x.team}: ${r(x.simulated)} against ${r(x.offered)}.`),
  ].join(" ");
}
