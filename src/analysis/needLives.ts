/**
 * How long needs stay open and how often they chase, as the run-cost estimate sees them
 * (src/analysis/runCost.ts): a team's utilisation with failure demand on top, the backlog behind
 * an overloaded team, a need's life, its calendar waits, the needs chasing at a time, and the
 * share whose written chases are never answered. Rough rules for a bound on a run's cost, not
 * predictions (docs/performance.md, "What a run costs").
 *
 * @packageDocumentation
 */
import { MINUTES_PER_WEEK } from "../engine/index.js";
import type { Policy } from "../policy/types.js";
import { CHANNELS, type Scenario, type TeamRole } from "../scenario/types.js";
import { patientShare, type LoadAnalysis, type TeamLoad } from "./offeredLoad.js";
import { channelPatience } from "./serviceChains.js";
import { hangUpChance, typicalPatience, type Line } from "./frontLines.js";

/** A team's utilisation with `extra` minutes a week of failure demand on top of its value demand.  *
 * @example
 * ```ts
 * utilisationWith({ offeredMinutesPerWeek: 1800, staff: 1, openMinutesPerWeek: 2400 } as TeamLoad, 600, 1); //=> 1
 * ```
 */
export function utilisationWith(t: TeamLoad, extra: number, present: number): number {
  const offered = t.offeredMinutesPerWeek + extra;
  const capacity = t.staff * t.openMinutesPerWeek * present;
  return offered === 0 ? 0 : capacity > 0 ? offered / capacity : Infinity;
}

/**
 * The utilisation that builds a backlog at a team: its utilisation less the share of its work
 * that is first contacts by citizens with a patience ({@link TeamLoad.patientMinutesPerWeek};
 * failure demand on top is taken in the same shares). Such citizens hang up rather than wait for
 * ever, so an overloaded front serves what it can and the rest hang up (counted in
 * {@link hangUpsPerContact}): its line stays about a patience long instead of growing all run.
 * Only the work that waits however long — written contacts without a patience, relays, case
 * work — builds a backlog, when it alone is more than the team can do.
 *
 * A rough rule, like the rest of the estimate. Live contacts go first in a front's line
 * (front.ts), so in a fluid picture the rest gets only what the callers leave, and would grow
 * whenever the team is over capacity at all. But callers also hang up at loads below capacity,
 * and that frees the time: ten simulated years of `soderhamn` under whole, whose reception is
 * offered 101% of its capacity (89% of it first contacts by callers and visitors), keep its
 * mean queue between 0.6 and 8.7 in the 26th week of each year, with no trend (seed 1).
  *
 * @example
 * ```ts
 * backlogUtilisation({ offeredMinutesPerWeek: 1000, patientMinutesPerWeek: 900 } as TeamLoad, 1.5); //=> 0.15 (to rounding)
 * ```
 */
export function backlogUtilisation(t: TeamLoad, rho: number): number {
  return rho > 1 ? rho * (1 - patientShare(t)) : rho;
}

/**
 * How long a need of a service stays open: its work and its waits in line (M/M/c, Erlang C)
 * spread over its teams' open hours, its other waits ({@link waitsOf}), and behind an
 * overloaded team a queue that grows all run long (a need arriving at t waits about (1 − 1/ρ) t,
 * with ρ the team's {@link backlogUtilisation}).
  *
 * @example
 * ```ts
 * // one visit of 30 minutes to a team open all week, no wait, nothing behind
 * const teams = new Map([["desk", { openMinutesPerWeek: 10_080 } as TeamLoad]]);
 * lifeOf(0, [{ team: "desk", visits: 1, minutes: 30 }], teams, new Map(), new Map(), 525_600); //=> 30
 * ```
 */
export function lifeOf(
  waiting: number,
  stations: readonly { readonly team: string; readonly visits: number; readonly minutes: number }[],
  teams: ReadonlyMap<string, TeamLoad>,
  utilisation: ReadonlyMap<string, number>,
  lines: ReadonlyMap<string, Line>,
  longest: number,
): number {
  let working = 0;
  let behind = 0;
  for (const st of stations) {
    const open = Math.max(1, (teams.get(st.team) as TeamLoad).openMinutesPerWeek);
    working += (st.visits * (st.minutes + (lines.get(st.team)?.wait ?? 0)) * MINUTES_PER_WEEK) / open;
    const rho = utilisation.get(st.team) ?? 0;
    if (rho > 1) behind += st.visits * (1 - 1 / rho);
  }
  return Math.min(longest, working + waiting + (Math.min(1, behind) * longest) / 2);
}

/**
 * A case's calendar waits besides its teams' lines: for outsiders after a step, for a step's
 * structural run (half its interval), and for the batch sweep of the inbox a hand-off lands in
 * (half the policy's interval for the step; servicePlan.ts `batchRule`).
  *
 * @example
 * ```ts
 * const s = loadScenario("teaching");
 * waitsOf(s, policies.whole, s.services[0]!); //=> 0 (no case steps)
 * ```
 */
export function waitsOf(scenario: Scenario, policy: Policy, service: Scenario["services"][number]): number {
  const role = new Map(scenario.teams.map((t) => [t.id, t.role]));
  let previous = "";
  let wait = 0;
  for (const st of service.steps) {
    wait += (st.externalWait?.mean ?? 0) + (st.scheduled === null ? 0 : st.scheduled.everyMinutes / 2);
    if (st.team !== previous) {
      const own = policy.batching.steps[`${service.id}.${st.id}`];
      const byRole = policy.batching.byRole[role.get(st.team) as TeamRole];
      const every = own !== undefined ? own : byRole !== undefined ? byRole : policy.batching.everyMinutes;
      if (every !== null && every > 0) wait += every / 2;
    }
    previous = st.team;
  }
  return service.caseShare * wait;
}

/**
 * Needs chasing at any time (Little): arrivals × the mean time open past the expectation, were
 * the time open exponential with mean `life` — and at least one, once a need can have arisen:
 * however rare a wait past the expectation, over a run one comes, and at a storm's chase rate
 * (or with redials every millisecond) one chasing need is enough to swamp a small team.
  *
 * @example
 * ```ts
 * chasingNeeds(1 / 1440, 0.01, 2880, 1440, 525_600); //=> 17.468082999723844
 * ```
 */
export function chasingNeeds(chaseRate: number, arrivals: number, life: number, expectation: number, longest: number): number {
  if (!(chaseRate > 0) || !(arrivals > 0)) return 0;
  const past = life > 0 ? arrivals * life * Math.exp(-expectation / life) : 0;
  return Math.max(past, Math.min(1, arrivals * longest));
}

/**
 * The share of a service's chasing needs whose chase is never answered while they are open, so
 * that they chase about once instead of at the chase rate all their life: in the model a need
 * plans its next chase only when its last chase contact is over (chasing.ts, front.ts), and a
 * written contact without a patience waits in a front's line behind the calls and visits, which
 * go first. Where those live contacts alone fill the team (its utilisation × {@link patientShare}
 * ≥ 1), a written chase waits there for good. A need chases in writing when it came in writing,
 * or when its caller hung up at the first contact and wrote an e-mail instead of calling again
 * (each hang-up: give up the need, else call again, else write; a call hangs up with the chance
 * of waiting past a typical patience, M/M/c, and always on a line at or over capacity).
 *
 * A rough rule, like the rest of the estimate: it takes every call at a swamped line to hang up,
 * where some are answered (too many needs stalled), and lets needs that gave up chase (too many
 * chasing). Teaching at 4.33 times its arrivals comes out at 1.7 times the events of a year's run
 * (test/analysis/runCost.test.ts).
  *
 * @example
 * ```ts
 * const s = loadScenario("teaching");
 * const analysis = loadAnalysis(s, policies.minutes);
 * const teams = new Map(analysis.loads.map((t) => [t.team, t]));
 * const rho = new Map(analysis.loads.map((t) => [t.team, t.utilisation]));
 * stalledShare(s.services[0]!, s.citizens, analysis, teams, rho, linesOf(s, analysis, rho)); //=> 0 (no line is swamped)
 * ```
 */
export function stalledShare(
  service: Scenario["services"][number],
  citizens: Scenario["citizens"],
  analysis: LoadAnalysis,
  teams: ReadonlyMap<string, TeamLoad>,
  utilisation: ReadonlyMap<string, number>,
  lines: ReadonlyMap<string, Line>,
): number {
  const starved = (k: number) => {
    const team = analysis.channelTeams[k];
    const t = team === undefined ? undefined : teams.get(team);
    return t !== undefined && (utilisation.get(t.team) ?? 0) * patientShare(t) >= 1;
  };
  const email = CHANNELS.indexOf("email");
  const emailStalls = channelPatience(citizens, "email") === null && starved(email);
  let share = 0;
  CHANNELS.forEach((channel, k) => {
    const mix = service.channelMix[k] ?? 0;
    const spread = channelPatience(citizens, channel);
    if (!(mix > 0)) return;
    if (channel !== "phone" && channel !== "visit") {
      if (spread === null && starved(k)) share += mix;
      return;
    }
    const line = lines.get(analysis.channelTeams[k] as string);
    if (!emailStalls || spread === null || line === undefined) return;
    const hangUp = hangUpChance(line, typicalPatience(spread));
    const onward = hangUp * (1 - citizens.giveUpProbability);
    const redial = onward * citizens.redialProbability;
    share += redial < 1 ? (mix * onward * (1 - citizens.redialProbability)) / (1 - redial) : 0;
  });
  return Math.min(1, share);
}
