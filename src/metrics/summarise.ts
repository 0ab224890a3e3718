/**
 * `summarise`: the metrics of one run, with the JSON names of design.md. Definitions are in
 * docs/metrics.md; each is computed from the run's records, never taken from an input.
 *
 * @packageDocumentation
 */
import { quantileOfSorted } from "../stats/index.js";
import { CAUSE_NAMES, EXPRESSION_NAMES, NeedStatus, Outcome, REASON_NAMES } from "../model/codes.js";
import type { RunResult } from "../model/runResult.js";
import { peakHour, type HourFigures, type PeakHour } from "./peak.js";

const MINUTES_PER_DAY = 1440;

/** Mean and quantiles of a distribution. */
export interface DistributionSummary {
  readonly mean: number;
  readonly median: number;
  readonly p85: number;
  readonly p95: number;
}

/** A group of cases' internal clocks (docs/metrics.md, `internalClock`). */
export interface ClockFigures {
  /** Cases with a clock (both its ends): their clock's mean and 85th percentile, in days. */
  readonly days: { readonly mean: number; readonly p85: number };
  /** Σ end-to-end time ÷ Σ internal clock over the resolved cases with a clock; 0 without any. */
  readonly endToEndRatio: number;
  /** Share of the cases with a clock that met their service's target; only where a target is set. */
  readonly targetMetShare?: number;
}

/** The internal clocks over every service with cases, and per service id (services with case steps). */
export interface InternalClockSummary extends ClockFigures {
  readonly byService: Readonly<Record<string, ClockFigures>>;
}

/** The metrics of one run. Shares are in [0, 1]; times in the unit their name says. */
export interface RunSummary {
  readonly scenario: string;
  readonly policy: string;
  /** Needs of the cohort (arrived in [warmup, horizon)) and how they ended. */
  readonly arrived: number;
  readonly resolved: number;
  readonly abandoned: number;
  readonly open: number;
  /** Citizen outcomes. */
  readonly endToEndDays: DistributionSummary;
  readonly firstContactResolution: number;
  readonly contactsPerNeed: number;
  readonly handoffsPerNeed: number;
  readonly cleanShare: number;
  readonly reopenShare: number;
  readonly abandonedShare: number;
  readonly selfServedShare: number;
  readonly citizenEffortMinutes: number;
  readonly callAbandonment: number;
  /**
   * The busiest hour of the week (by contacts offered over the window) and, per occurrence of
   * that hour, the contacts offered, the callers, the calls abandoned and the wait of answered
   * calls; read it beside {@link RunSummary.allHours}.
   */
  readonly peak: PeakHour;
  /** The same figures as {@link RunSummary.peak} over every hour of the window. */
  readonly allHours: HourFigures;
  /** The organisation's own clock for cases (complete application to first closing), in days. */
  readonly internalProcessingDays: number;
  /** Each service's own clock and target (`internalClock` of the scenario's services), overall and per service. */
  readonly internalClock: InternalClockSummary;
  /** The whole. */
  readonly failureDemandShare: number;
  readonly failureDemandByReason: Readonly<Record<string, number>>;
  /** Failure-demand contacts by the mechanism that caused them, as shares of all contacts. */
  readonly failureDemandByCause: Readonly<Record<string, number>>;
  readonly staffMinutesPerNeed: number;
  readonly costPerNeed: number;
  /** The parts. */
  readonly handlingMinutesPerContact: number;
  readonly costPerContact: number;
  /** Utilisation by scenario team id (members of a pooled case-owner team share its figure). */
  readonly utilisation: Readonly<Record<string, number>>;
  /** What citizens say afterwards: shares of closed cohort needs. */
  readonly expression: Readonly<Record<string, number>>;
  /**
   * Teams whose backlog grew through the measured window while they worked near full capacity
   * (utilisation ≥ 0.95 and the queue at the horizon at least twice, and 20 more than, at the
   * warm-up's end): their waits depend on the run length, so the results are not a steady
   * state. Empty when the run is stable.
   */
  readonly unstableTeams: readonly string[];
}

/**
 * Computes the metrics of a run.
 *
 * @param run - the result of `simulate`
 * @returns the metrics, named as in design.md
 * @example
 * ```ts
 * const m = summarise(simulate(loadScenario("teaching"), policies.whole));
 * m.failureDemandShare >= 0 && m.failureDemandShare <= 1; //=> true
 * ```
 */
export function summarise(run: RunResult): RunSummary {
  const n = run.needs;
  const totals = needTotals(n);
  const { resolved, abandoned, open, contacted, fcr, contactsOfResolved, handoffs, clean, reopened, selfServed, effort, internalSum, internalCount, expressions, expressed } = totals;
  const contacts = contactSummary(run);
  const staffMinutes = run.teams.reduce((a, t) => a + t.valueMinutes + t.failureMinutes, 0);
  const perHour = run.costPerStaffHour / 60;
  // cost at each team's pay (roles differ: scripted front line, generalist, specialist, committee)
  const staffCost = run.teams.reduce((a, t) => a + (t.valueMinutes + t.failureMinutes) * t.pay, 0) * perHour;
  const staffMinutesPerNeed = ratio(staffMinutes, run.resolvedInWindow);
  const e2eSorted = totals.e2e.subarray(0, totals.e2eCount).sort();
  return {
    scenario: run.scenario,
    policy: run.policy,
    arrived: n.length,
    resolved,
    abandoned,
    open,
    endToEndDays: distribution(e2eSorted),
    firstContactResolution: ratio(fcr, contacted),
    contactsPerNeed: ratio(contactsOfResolved, resolved),
    handoffsPerNeed: ratio(handoffs, n.length),
    cleanShare: ratio(clean, n.length),
    reopenShare: ratio(reopened, n.length),
    abandonedShare: ratio(abandoned, n.length),
    selfServedShare: ratio(selfServed, n.length),
    citizenEffortMinutes: ratio(effort, n.length),
    callAbandonment: ratio(run.phoneAbandoned, run.phoneAttempts),
    ...peakHour(run),
    internalProcessingDays: ratio(internalSum, internalCount) / MINUTES_PER_DAY,
    internalClock: internalClockSummary(run),
    failureDemandShare: contacts.failureShare,
    failureDemandByReason: contacts.byReason,
    failureDemandByCause: contacts.byCause,
    staffMinutesPerNeed,
    costPerNeed: ratio(staffCost, run.resolvedInWindow),
    handlingMinutesPerContact: contacts.minutesPerContact,
    costPerContact: contacts.payMinutesPerContact * perHour,
    // per scenario team, so policies can be compared side by side: a pooled team's members share its figure
    utilisation: Object.fromEntries(run.teams.flatMap((t) => t.members.map((m) => [m, t.stats.utilisation]))),
    expression: Object.fromEntries(EXPRESSION_NAMES.map((name, k) => [name, ratio(expressions[k] as number, expressed)])),
    unstableTeams: run.teams.filter(isUnstable).map((t) => t.id),
  };
}

/** The need rows' counts and sums that {@link summarise} reads, from one pass over the rows. */
interface NeedTotals {
  resolved: number;
  abandoned: number;
  open: number;
  contacted: number;
  fcr: number;
  contactsOfResolved: number;
  handoffs: number;
  clean: number;
  reopened: number;
  selfServed: number;
  effort: number;
  internalSum: number;
  internalCount: number;
  /** End-to-end days of the resolved needs in `e2e[0…e2eCount)`, in row order (unsorted). */
  e2e: Float64Array;
  e2eCount: number;
  /** Closed needs by expression code. */
  expressions: number[];
  expressed: number;
}

/**
 * One pass over the need rows. A function of its own, and nothing but the loop: it is called
 * once per run, so V8 compiles it while its loop runs (on-stack replacement), and a small
 * function compiles in a fraction of the time that the whole of {@link summarise} took, once
 * per thread and again after each deoptimisation (bench/README.md, "Summaries compiled on
 * every thread").
 */
function needTotals(n: RunResult["needs"]): NeedTotals {
  const { status, contacts, end, arrival, contacted: wasContacted, firstContactResolved, handoffs: handoffCounts, clean: cleanFlags, reopened: reopenedFlags, selfServed: selfServedFlags, effortMinutes, internalMinutes, expression } = n;
  let resolved = 0;
  let abandoned = 0;
  let open = 0;
  let contacted = 0;
  let fcr = 0;
  let contactsOfResolved = 0;
  let handoffs = 0;
  let clean = 0;
  let reopened = 0;
  let selfServed = 0;
  let effort = 0;
  let internalSum = 0;
  let internalCount = 0;
  // filled in need order, then sorted as a typed array: numerically, without a comparator
  // (none of these is NaN or -0)
  const e2e = new Float64Array(n.length);
  let e2eCount = 0;
  const expressions = new Array<number>(EXPRESSION_NAMES.length).fill(0);
  let expressed = 0;
  for (let i = 0; i < n.length; i++) {
    const s = status[i]!;
    if (s === NeedStatus.resolved) {
      resolved++;
      contactsOfResolved += contacts[i]!;
      e2e[e2eCount++] = (end[i]! - arrival[i]!) / MINUTES_PER_DAY;
    } else if (s === NeedStatus.abandoned) abandoned++;
    else open++;
    if (wasContacted[i]) {
      contacted++;
      fcr += firstContactResolved[i]!;
    }
    handoffs += handoffCounts[i]!;
    clean += cleanFlags[i]!;
    reopened += reopenedFlags[i]!;
    selfServed += selfServedFlags[i]!;
    effort += effortMinutes[i]!;
    const internal = internalMinutes[i]!;
    if (!Number.isNaN(internal)) {
      internalSum += internal;
      internalCount++;
    }
    const ex = expression[i]!;
    if (!Number.isNaN(ex)) {
      expressions[ex] = (expressions[ex] as number) + 1;
      expressed++;
    }
  }
  return { resolved, abandoned, open, contacted, fcr, contactsOfResolved, handoffs, clean, reopened, selfServed, effort, internalSum, internalCount, e2e, e2eCount, expressions, expressed };
}

/** A group's running figures: clock days, end-to-end and clock minutes of resolved cases, targets. */
interface ClockGroup {
  days: number[];
  e2e: number;
  clock: number;
  withTarget: number;
  met: number;
  hasTarget: boolean;
}

/**
 * The internal clocks from the need records: per service with case steps, and over them all.
 *
 * @param run - the result of `simulate`
 * @returns the figures, with `targetMetShare` only where a target is set
 * @example
 * ```ts
 * const c = internalClockSummary(simulate(loadScenario("teaching"), policies.whole));
 * c.days.mean >= 0; //=> true
 * ```
 */
export function internalClockSummary(run: RunResult): InternalClockSummary {
  const n = run.needs;
  const group = (hasTarget: boolean): ClockGroup => ({ days: [], e2e: 0, clock: 0, withTarget: 0, met: 0, hasTarget });
  const clocks = run.internalClocks;
  const services = run.serviceIds.map((_, s) => group((clocks[s]?.targetMinutes ?? null) !== null));
  const all = group(services.some((g) => g.hasTarget));
  addClocks(n, services, all);
  const figures = (g: ClockGroup): ClockFigures => {
    const d = distribution(Float64Array.from(g.days).sort());
    return {
      days: { mean: d.mean, p85: d.p85 },
      endToEndRatio: ratio(g.e2e, g.clock),
      ...(g.hasTarget ? { targetMetShare: ratio(g.met, g.withTarget) } : {}),
    };
  };
  const byService: Record<string, ClockFigures> = {};
  run.serviceIds.forEach((id, s) => {
    if ((run.serviceSteps[s]?.length ?? 0) > 0) byService[id] = figures(services[s]!);
  });
  return { ...figures(all), byService };
}

/** Adds each need with a clock to its service's group and to `all` (the loop of {@link internalClockSummary}, kept small as {@link needTotals}). */
function addClocks(n: RunResult["needs"], services: readonly ClockGroup[], all: ClockGroup): void {
  const { clockMinutes, service, status, end, arrival, clockTargetMet } = n;
  for (let i = 0; i < n.length; i++) {
    const minutes = clockMinutes[i]!;
    if (Number.isNaN(minutes)) continue;
    const e2e = status[i] === NeedStatus.resolved ? end[i]! - arrival[i]! : NaN;
    const met = clockTargetMet[i]!;
    addClock(services[service[i]!]!, minutes, e2e, met);
    addClock(all, minutes, e2e, met);
  }
}

/** One need's clock into a group: its days, and (if resolved, `e2e` not NaN) its end-to-end and clock minutes, and (if it has a target, `met` not NaN) the verdict. */
function addClock(g: ClockGroup, minutes: number, e2e: number, met: number): void {
  g.days.push(minutes / MINUTES_PER_DAY);
  if (!Number.isNaN(e2e)) {
    g.e2e += e2e;
    g.clock += minutes;
  }
  if (!Number.isNaN(met)) {
    g.withTarget++;
    g.met += met;
  }
}

/** A backlog that grew through the window at (near) full capacity. */
function isUnstable(t: RunResult["teams"][number]): boolean {
  const s = t.stats;
  return s.utilisation >= 0.95 && s.queueLength >= 2 * s.queueAtStart && s.queueLength >= s.queueAtStart + 20;
}

interface ContactSummary {
  failureShare: number;
  byReason: Record<string, number>;
  byCause: Record<string, number>;
  minutesPerContact: number;
  /** Contact minutes weighted by the handling team's pay, per contact. */
  payMinutesPerContact: number;
}

function contactSummary(run: RunResult): ContactSummary {
  const c = run.contacts;
  const byReason = new Array<number>(REASON_NAMES.length).fill(0);
  const byCause = new Array<number>(CAUSE_NAMES.length).fill(0);
  const pay = Float64Array.from({ length: run.teams.length }, (_, k) => run.teams[k]!.pay);
  const { handled, failure, minutes, payMinutes } = contactTotals(c, pay, byReason, byCause);
  return {
    failureShare: ratio(failure, handled),
    byReason: Object.fromEntries(REASON_NAMES.slice(1).map((name, k) => [name, ratio(byReason[k + 1] as number, handled)])),
    byCause: Object.fromEntries(CAUSE_NAMES.slice(1).map((name, k) => [name, ratio(byCause[k + 1] as number, handled)])),
    minutesPerContact: ratio(minutes, handled),
    payMinutesPerContact: ratio(payMinutes, handled),
  };
}

/** One pass over the contact rows (the loop of {@link contactSummary}, kept small as {@link needTotals}): handled contacts counted into `byReason` and, for failure demand, `byCause`. */
function contactTotals(c: RunResult["contacts"], pay: Float64Array, byReason: number[], byCause: number[]): { handled: number; failure: number; minutes: number; payMinutes: number } {
  const { outcome, minutes: contactMinutes, team, reason: reasons, cause: causes } = c;
  let handled = 0;
  let failure = 0;
  let minutes = 0;
  let payMinutes = 0;
  for (let i = 0; i < c.length; i++) {
    if (outcome[i] === Outcome.abandoned) continue;
    handled++;
    const m = contactMinutes[i]!;
    minutes += m;
    payMinutes += m * (pay[team[i]!] ?? 1);
    const reason = reasons[i]!;
    byReason[reason] = (byReason[reason] as number) + 1;
    if (reason > 0) {
      failure++;
      const cause = causes[i]!;
      byCause[cause] = (byCause[cause] as number) + 1;
    }
  }
  return { handled, failure, minutes, payMinutes };
}

function distribution(sorted: Float64Array): DistributionSummary {
  if (sorted.length === 0) return { mean: 0, median: 0, p85: 0, p95: 0 };
  return {
    mean: sorted.reduce((a, x) => a + x, 0) / sorted.length,
    median: quantileOfSorted(sorted, 0.5),
    p85: quantileOfSorted(sorted, 0.85),
    p95: quantileOfSorted(sorted, 0.95),
  };
}

/** a / b, or 0 when b is 0 (an empty group has no share). */
function ratio(a: number, b: number): number {
  return b > 0 ? a / b : 0;
}
