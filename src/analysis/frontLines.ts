/**
 * The teams' lines as the run-cost estimate sees them (src/analysis/runCost.ts): each team's
 * servers, utilisation, minutes per visit and wait in line, and the hang-ups of citizens who
 * will not wait — the M/M/c queue (Erlang C) for the wait, Erlang A for the share of tries that
 * hang up. Rough rules for a bound on a run's cost, not predictions (docs/performance.md, "What a
 * run costs").
 *
 * @packageDocumentation
 */
import { MINUTES_PER_WEEK } from "../engine/index.js";
import type { ChannelRule, Scenario } from "../scenario/types.js";
import { presentShare, type LoadAnalysis } from "./offeredLoad.js";
import { erlangA, erlangC } from "./queueing.js";

/** A team's queue: servers at work, utilisation, mean minutes per visit, share of the week open, mean wait in line (open minutes). */
export interface Line {
  readonly servers: number;
  readonly utilisation: number;
  readonly meanMinutes: number;
  readonly openShare: number;
  readonly wait: number;
  /** Mean length of a closed spell of the team, in minutes (0 for a team always open). */
  readonly closedSpell: number;
}


/** A typical patience: the median of a lognormal of the spread's mean and cv (a spread with a large cv is mostly short).  *
 * @example
 * ```ts
 * typicalPatience({ mean: 2, cv: 1 }); //=> 1.414213562373095
 * ```
 */
export function typicalPatience(spread: { readonly mean: number; readonly cv: number }): number {
  return spread.mean / Math.sqrt(1 + spread.cv ** 2);
}

/** The chance that a contact on a line waits past `patience` (M/M/c while open; 1 on a line at or over capacity).  *
 * @example
 * ```ts
 * const line = { servers: 2, utilisation: 0.9, meanMinutes: 5, openShare: 1, wait: 0, closedSpell: 0 };
 * hangUpChance(line, 2); //=> 0.787078147971763
 * hangUpChance({ ...line, utilisation: 1.2 }, 2); //=> 1
 * ```
 */
export function hangUpChance(line: Line, patience: number): number {
  const { servers: c, utilisation: rho, meanMinutes: s } = line;
  if (!(rho < 1)) return 1;
  if (!(s > 0)) return 0;
  return erlangC(c, rho * c) * Math.exp(-((c * (1 - rho)) / s) * patience);
}

/** The line of every team with work: servers present, utilisation, minutes per visit, waits.  *
 * @example
 * ```ts
 * const s = loadScenario("teaching");
 * const analysis = loadAnalysis(s, policies.minutes);
 * linesOf(s, analysis, new Map(analysis.loads.map((t) => [t.team, t.utilisation]))).get("desk")?.servers; //=> 2
 * ```
 */
export function linesOf(scenario: Scenario, analysis: LoadAnalysis, utilisation: ReadonlyMap<string, number>): Map<string, Line> {
  const present = presentShare(scenario);
  const m = scenario.mechanisms;
  const personal = new Set(analysis.personalTeams);
  // the share of time a person is off sick, and the mean rest of a spell met at random (length-biased)
  const sick = Math.min(1, m.sicknessSpellsPerMinute * m.sicknessLength.mean);
  const residual = (m.sicknessLength.mean * (1 + m.sicknessLength.cv ** 2)) / 2;
  const work = new Map<string, { visits: number; minutes: number }>();
  const rate = new Map(scenario.services.map((s) => [s.id, s.arrivalsPerMinute]));
  for (const st of analysis.stations) {
    const w = work.get(st.team) ?? { visits: 0, minutes: 0 };
    const r = rate.get(st.service) ?? 0;
    w.visits += r * st.visits;
    w.minutes += r * st.visits * st.minutes;
    work.set(st.team, w);
  }
  const lines = new Map<string, Line>();
  // a team's open spells a week (its intervals; one that runs over Sunday midnight into Monday counts twice)
  const hours = new Map(scenario.teams.map((t) => [t.id, t.hours]));
  for (const t of analysis.loads) {
    const w = work.get(t.team);
    if (w === undefined || !(w.visits > 0)) continue;
    const servers = Math.max(1, Math.round(t.staff * present));
    const rho = utilisation.get(t.team) ?? t.utilisation;
    const meanMinutes = w.minutes / w.visits;
    const openShare = Math.min(1, t.openMinutesPerWeek / MINUTES_PER_WEEK);
    // M/M/c: Wq = C(c, cρ) E[S] / (c (1 − ρ)); an overloaded team's queue is counted as `behind` instead
    const queue = rho < 1 && meanMinutes > 0 ? (erlangC(servers, rho * servers) * meanMinutes) / (servers * (1 - rho)) : 0;
    // work that finds every person who could do it off sick waits out the rest of a spell (for a
    // personal owner, the owner alone, until a colleague covers): calendar minutes, made open ones
    const alone = personal.has(t.team) ? 1 : Math.max(1, t.staff);
    const rest = personal.has(t.team) ? Math.min(residual, m.coverAfterMinutes) : residual;
    const spells = Math.max(1, hours.get(t.team)?.length ?? 1);
    const closedSpell = openShare < 1 ? ((1 - openShare) * MINUTES_PER_WEEK) / spells : 0;
    lines.set(t.team, { servers, utilisation: rho, meanMinutes, openShare, wait: queue + sick ** alone * rest * openShare, closedSpell });
  }
  return lines;
}


/**
 * Hang-ups per contact on a line with a patience, each followed by another try with chance
 * `keepTrying` (a redial, or a written contact sent again), else a switch to e-mail or giving up.
 * While the line is open, a try hangs up with the abandonment share of the Erlang A queue
 * ({@link abandonShare}: the line's servers, work and utilisation, a patience as exponential as
 * the typical one, and the tries again on top of the arrivals), so a contact hangs up P ÷ (1 −
 * `keepTrying` × P) times. Before 2026-12-06 the estimate took every try at a line at or over
 * capacity to hang up, which counted more than 3 times the hang-ups of a year of `soderhamn`
 * under whole (reception at 101%), where Erlang A serves what the servers can and lets the rest hang up.
 * For a patience counted from the contact, the chance of waiting out a closed spell comes on
 * top. At most what `keepTrying` allows, and one try per patience and redial delay all run long.
  *
 * @example
 * ```ts
 * const line = { servers: 2, utilisation: 0.9, meanMinutes: 5, openShare: 1, wait: 0, closedSpell: 0 };
 * const rule = { whenClosed: "comeBack", patienceFrom: "joining" } as const;
 * hangUpsPerContact(line, 2, { redialDelay: { mean: 30, cv: 0 } } as Scenario["citizens"], 525_600, 0.5, rule); //=> 0.4250330123351932
 * ```
 */
export function hangUpsPerContact(line: Line, patience: number, citizens: Scenario["citizens"], run: number, keepTrying: number, rule: ChannelRule): number {
  const { servers: c, utilisation: rho, meanMinutes: s } = line;
  const cycle = Math.max(patience + citizens.redialDelay.mean, 1e-9);
  const byChoice = keepTrying < 1 ? 1 / (1 - keepTrying) : Infinity;
  const most = Math.min(byChoice, 1 + (run * line.openShare) / cycle);
  // work of no minutes never waits
  if (!(s > 0) || !(rho > 0)) return 0;
  const abandon = abandonShare(c, rho, s, patience, keepTrying);
  // a try soon after a hang-up meets the line as it was left: it hangs up again unless a server
  // came free meanwhile (one does about every s/c minutes while all are busy)
  const again = abandon + (1 - abandon) * Math.exp(-(cycle * c) / s);
  const whileOpen = keepTrying * again < 1 ? Math.min(most, abandon / (1 - keepTrying * again)) : most;
  const closed = 1 - line.openShare;
  if (rule.whenClosed !== "queue" || !(closed > 0)) return whileOpen;
  // a contact made while the team is closed waits in its line for the opening (its patience
  // running under "arrival"), then behind the backlog of the closed spell: arrivals at a = ρ ×
  // the open share of the servers' pace all spell long, cleared at the servers' pace less a, so
  // in a/(1 − a) of the spell; half of each on average, the wait taken as exponential
  const a = rho * line.openShare;
  if (!(a < 1)) return most;
  const wait = ((rule.patienceFrom === "arrival" ? 1 : 0) + a / (1 - a)) * (line.closedSpell / 2);
  const whileClosed = wait > 0 ? Math.exp(-patience / wait) * Math.min(byChoice, 1 + wait / cycle) : 0;
  return (1 - closed) * whileOpen + closed * whileClosed;
}

/** Most states of the Erlang A chain worth summing; past them its fluid limit is close (and the sum slow). */
const ERLANG_A_STATES = 100_000;
/** Rounds of the fixed point of tries again on a line (each round one Erlang A). */
const RETRY_ROUNDS = 30;

/**
 * The share of tries at a line that hang up: Erlang A ({@link erlangA}, the M/M/c+M queue) with
 * the line's servers c, its mean minutes per visit s and its utilisation ρ (so arrivals ρc/s a
 * minute), and a patience of the given mean, as exponential. A share `keepTrying` of those who
 * hang up try again, so the line is offered ρc/s ÷ (1 − `keepTrying` × P): the share P is the
 * fixed point (rounds from P at the first tries alone; P only grows with the arrivals). Where
 * the chain would need more than {@link ERLANG_A_STATES} states, the fluid limit: the tries
 * beyond the servers' pace hang up, 1 − c/(s λ).
 *
 * Erlang A takes the arrivals as steady all week; the model's arrivals peak by hour and day, so
 * at an ordinary line it counts fewer hang-ups than a run does (within a factor of 3 of the runs
 * of the built-in scenarios, test/analysis/runCost.test.ts), a small part of a run's events there.
 */
function abandonShare(c: number, rho: number, s: number, patience: number, keepTrying: number): number {
  const mu = 1 / s;
  const theta = 1 / Math.max(patience, 1e-9);
  const fresh = (rho * c) / s;
  const share = (lambda: number) => {
    const states = Math.max(lambda / mu, c + Math.max(0, lambda - c * mu) / theta) + 10 * Math.sqrt(lambda / mu + 1);
    if (states > ERLANG_A_STATES) return Math.max(0, 1 - (c * mu) / lambda);
    return erlangA({ arrivalRate: lambda, serviceRate: mu, servers: c, patienceRate: theta }).probAbandon;
  };
  let p = share(fresh);
  for (let round = 0; round < RETRY_ROUNDS && keepTrying * p < 1; round++) {
    const next = share(fresh / (1 - keepTrying * p));
    if (Math.abs(next - p) < 1e-6) return next;
    p = next;
  }
  return p;
}
