/**
 * What a run will cost, before it starts: the events the simulation will fire and the memory it
 * will hold, estimated from the scenario, the policies, the time window and the number of runs,
 * with the load analysis's arrival rates and visits per need. Past {@link RUN_COST_LIMITS} a run
 * is refused with a one-line message that says the estimate and how to proceed; past the lower
 * limits it is run with a warning. The estimate is rough (within a few times of what a run
 * does, checked in test/analysis/runCost.test.ts): it is there to stop a run that would take
 * hours or gigabytes by mistake — ten thousand years, a billion replications, a proactive update
 * every second, a redial every millisecond — not to predict a run's length. See
 * docs/performance.md ("What a run costs").
 *
 * @packageDocumentation
 */
import { MINUTES_PER_DAY, MINUTES_PER_WEEK } from "../engine/index.js";
import type { Policy } from "../policy/types.js";
import { CHANNELS, type ChannelRule, type Scenario, type TeamRole } from "../scenario/types.js";
import { peakDemand } from "../scenario/events.js";
import { channelPatience, loadAnalysis, patientShare, presentShare, type LoadAnalysis, type TeamLoad } from "./offeredLoad.js";
import { erlangA, erlangC } from "./queueing.js";

/** A run's window in minutes (as `runWindow` resolves it). */
export interface RunCostWindow {
  readonly horizonMinutes: number;
  readonly warmupMinutes: number;
  readonly drainMinutes: number;
}

/** Options of {@link estimateRunCost}. */
export interface RunCostOptions {
  /**
   * Runs of each policy (default 1): the replications of a comparison, or (1 + teams) ×
   * replications for a touchpoint ranking.
   */
  readonly replications?: number;
  /** Runs held in memory at once, e.g. worker threads (default 1). */
  readonly concurrent?: number;
}

/** Where the events of a run come from (see {@link RunCost.eventsBySource}). */
export type RunEventSource = "needs" | "work" | "updates" | "chases" | "redials" | "absences" | "clock";

/** Where the memory of a run goes (see {@link RunCost.bytesBySource}). */
export type RunMemorySource = "records" | "openNeeds" | "journal" | "absences" | "demandTypes" | "owners" | "results";

/** The estimate of {@link estimateRunCost}. */
export interface RunCost {
  /** Runs in all: policies × replications. */
  readonly runs: number;
  /** Events fired by all runs. */
  readonly events: number;
  /** Events of the largest run (the policy that fires the most). */
  readonly eventsPerRun: number;
  /** Peak memory in bytes: `concurrent` runs at once, plus what every run leaves for the result. */
  readonly bytes: number;
  /** Peak memory of the largest run, in bytes. */
  readonly bytesPerRun: number;
  /** Needs arising in the largest run (warm-up and drain included). */
  readonly needsPerRun: number;
  /** Case steps in the scenario, over all services. */
  readonly caseSteps: number;
  /** Events of the largest run by where they come from. */
  readonly eventsBySource: Readonly<Record<RunEventSource, number>>;
  /** Memory of the largest run by what holds it ("results": what all runs keep for the result). */
  readonly bytesBySource: Readonly<Record<RunMemorySource, number>>;
}

/**
 * The limits a run is checked against before it starts ({@link checkRunCost}). They are
 * engineering choices, not measurements of a machine: a refused run takes hours or gigabytes
 * (at this model's 5–30 µs per event on a laptop core), a warned one minutes. `allowLarge: true`
 * (`--allow-large`) runs past them. docs/performance.md lists them (checked by a test).
 *
 * - `warnEvents` / `refuseEvents`: events of all runs together (2 × 10⁸ ≈ 20–60 min of one
 *   core; 5 × 10⁹ ≈ 7–40 h).
 * - `warnEventsPerRun` / `refuseEventsPerRun`: events of one run. A default-length run (a
 *   year and a half) of the largest built-in scenario fires about 3 × 10⁵; 5 × 10⁷ is 150 times
 *   that, some ten minutes or more for one run: a storm, or a horizon of centuries.
 * - `stopEventsPerRun`: a run that fires this many events is stopped with a message (the
 *   estimate cannot foresee every loop of failure demand a scenario can make).
 * - `warnBytes` / `refuseBytes`: peak memory (Node's default heap is about 2–4 GB).
 * - `stopBytesPerRun`: a run whose records (need, contact and journal rows) come to hold this
 *   many bytes is stopped with a message, checked once a simulated day; copying the records out
 *   at the end takes about as much again.
 * - `caseSteps`: steps of all services together; beyond this the model's per-need cost (each
 *   need carries 14 random numbers per step of the largest service) and this estimate are
 *   unchecked, and the scenario file is megabytes.
 *
 * @example
 * ```ts
 * RUN_COST_LIMITS.refuseBytes; //=> 4000000000
 * ```
 */
export const RUN_COST_LIMITS = Object.freeze({
  warnEvents: 2e8,
  refuseEvents: 5e9,
  warnEventsPerRun: 1e7,
  refuseEventsPerRun: 5e7,
  stopEventsPerRun: 2e8,
  stopBytesPerRun: 2e9,
  warnBytes: 1e9,
  refuseBytes: 4e9,
  caseSteps: 10_000,
});

// Cost constants: GUESSes, set from the model's code and fitted by eye to runs of the built-in
// and generated scenarios (test/analysis/runCost.test.ts keeps the estimate within 3× there).
/** Events per need besides its work: its arrival and a timer or two (self-service, chasing armed, closing). GUESS. */
const NEED_EVENTS = 2;
/** Events per station visit: the work's end, and now and then a team's wake-up, a batch release or a hang-up timer. GUESS. */
const VISIT_EVENTS = 1.5;
/**
 * Bytes per record row, as the model's recorder lays them out (src/model/recorder.ts): a need row
 * (12 times of 8 bytes, the id and two codes of 4, the service and 11 counts, 8 counts by contact
 * reason and 15 by failure cause of 2, and 8 codes and flags of 1), a contact row (3 times of 8,
 * the need of 4, service, team and origin of 2, and 5 codes of 1) and a journal row (13 numbers of
 * 8). test/analysis/runCost.test.ts checks them against a run's records.
 *
 * @example
 * ```ts
 * RECORD_BYTES.contact; //=> 39
 * ```
 */
export const RECORD_BYTES = Object.freeze({ need: 12 * 8 + 3 * 4 + (12 + 8 + 15) * 2 + 8, contact: 3 * 8 + 4 + 3 * 2 + 5, journal: 13 * 8 });
/** Bytes per cohort need row while the run goes and when copied out: a row padded to 8 bytes in a buffer grown by doubling (1.5 on average), then its columns. */
const NEED_ROW_BYTES = 192 * 1.5 + RECORD_BYTES.need;
/** Bytes per contact row in the window, likewise. */
const CONTACT_ROW_BYTES = 40 * 1.5 + RECORD_BYTES.contact;
/** Bytes per journal row: 13 columns grown by doubling, then copied out. */
const JOURNAL_ROW_BYTES = RECORD_BYTES.journal * 2.5;
/** Journal: one cohort need in 10, at most 10,000 needs (simulate's defaults). */
const JOURNAL_EVERY = 10;
const JOURNAL_MAX = 10_000;
/** Bytes of an open need: the object, its tasks, timers and places in lines (3–5 KB in all measured, docs/reliability.md). GUESS. */
const OPEN_NEED_BYTES = 3000;
/** Bytes per absence spell: its two numbers and its two scheduled events (scheduled at the start of the run). GUESS. */
const SPELL_BYTES = 16 + 2 * 150;
/** Bytes per demand type: the Zipf weights, the cumulative table and the wrong-answer table of its service. */
const DEMAND_TYPE_BYTES = 24;
/** Bytes of the line and statistics of one personal case owner (an engine team of one; about 6 KB, world.ts). */
const OWNER_BYTES = 6000;
/** What a replication leaves for a comparison: its metric table and the like (GUESS), plus 8 bytes per resolved need and per day. */
const RESULT_BYTES = 20_000;

/**
 * Estimates what running a scenario under some policies will cost: events and memory, from the
 * load analysis of each policy (arrival rates, visits per need, the utilisation of each team)
 * and the window. A need stays open as long as its work and its waits in line (M/M/c, Erlang C)
 * take, spread over its teams' opening hours, plus waits for outsiders and structural runs, plus —
 * behind a team offered more than its capacity by work that waits however long (not by callers
 * who hang up) — a share of the run. Needs arise until the run
 * stops: at the horizon, or when the counted needs are closed, at most at horizon + drain.
 * Proactive updates while a case is open, chasing past the expectation (the time open taken as
 * exponential), hang-ups and redials on a busy live line (Erlang C), absence spells of every
 * person, the daily sample, training and teams opening and closing come on top. Failure demand
 * beyond chasing and redials (rework, repeat contacts) is not estimated: a run stops at
 * `stopEventsPerRun` events instead.
 *
 * @param scenario - a parsed scenario
 * @param policies - the policies to run
 * @param window - the window in minutes
 * @param options - runs per policy and runs at once
 * @returns the estimate (events, peak bytes, and where they come from)
 * @throws RangeError if a step fails with probability 1 (as {@link offeredLoad}), or for bad options
 * @example
 * ```ts
 * const s = loadScenario("teaching");
 * const cost = estimateRunCost(s, [policies.minutes, policies.whole], { horizonMinutes: s.horizonMinutes, warmupMinutes: s.warmupMinutes, drainMinutes: s.drainMinutes }, { replications: 10 });
 * cost.runs; //=> 20
 * ```
 */
export function estimateRunCost(scenario: Scenario, policies: readonly Policy[], window: RunCostWindow, options: RunCostOptions = {}): RunCost {
  const replications = options.replications ?? 1;
  const concurrent = options.concurrent ?? 1;
  if (!(Number.isFinite(replications) && replications >= 0)) throw new RangeError(`estimateRunCost: replications must be a number ≥ 0, got ${replications}`);
  if (!(Number.isFinite(concurrent) && concurrent >= 1)) throw new RangeError(`estimateRunCost: concurrent must be a number ≥ 1, got ${concurrent}`);
  const caseSteps = scenario.services.reduce((a, s) => a + s.steps.length, 0);
  // demand events: the estimate plans for each service's largest demand factor over the whole
  // run (an upper bound: a surge of a few weeks is costed as if it lasted all run)
  const planned = peakDemand(scenario, window.horizonMinutes + window.drainMinutes);
  const perPolicy = policies.map((p) => runOf(planned, p, window));
  const largest = perPolicy.reduce((a, r) => (r.events >= a.events ? r : a), perPolicy[0] ?? emptyRun());
  const heaviest = perPolicy.reduce((a, r) => (r.bytes >= a.bytes ? r : a), perPolicy[0] ?? emptyRun());
  const runs = replications * policies.length;
  const retained = perPolicy.reduce((a, r) => a + r.retained * replications, 0);
  return {
    runs,
    events: perPolicy.reduce((a, r) => a + r.events * replications, 0),
    eventsPerRun: largest.events,
    bytes: Math.min(concurrent, Math.max(1, runs)) * heaviest.bytes + retained,
    bytesPerRun: heaviest.bytes,
    needsPerRun: largest.needs,
    caseSteps,
    eventsBySource: largest.eventsBySource,
    bytesBySource: { ...heaviest.bytesBySource, results: retained },
  };
}

/**
 * The cost of several experiments run one after the other in one process (a sweep's values):
 * their events and runs add up, the largest run is the largest of any, and the memory is the
 * largest run's plus what every run keeps for the results.
 *
 * @param costs - estimates from {@link estimateRunCost}
 * @returns the estimate of them all
 * @example
 * ```ts
 * const s = loadScenario("teaching");
 * const w = { horizonMinutes: s.horizonMinutes, warmupMinutes: s.warmupMinutes, drainMinutes: s.drainMinutes };
 * combineRunCosts([estimateRunCost(s, [policies.minutes], w), estimateRunCost(s, [policies.whole], w)]).runs; //=> 2
 * ```
 */
export function combineRunCosts(costs: readonly RunCost[]): RunCost {
  const results = costs.reduce((a, c) => a + c.bytesBySource.results, 0);
  const largest = costs.reduce<RunCost | null>((a, c) => (a === null || c.eventsPerRun > a.eventsPerRun ? c : a), null);
  const heaviest = costs.reduce<RunCost | null>((a, c) => (a === null || c.bytes - c.bytesBySource.results > a.bytes - a.bytesBySource.results ? c : a), null);
  const empty = emptyRun();
  return {
    runs: costs.reduce((a, c) => a + c.runs, 0),
    events: costs.reduce((a, c) => a + c.events, 0),
    eventsPerRun: largest?.eventsPerRun ?? 0,
    bytes: (heaviest === null ? 0 : heaviest.bytes - heaviest.bytesBySource.results) + results,
    bytesPerRun: Math.max(0, ...costs.map((c) => c.bytesPerRun)),
    needsPerRun: largest?.needsPerRun ?? 0,
    caseSteps: Math.max(0, ...costs.map((c) => c.caseSteps)),
    eventsBySource: largest?.eventsBySource ?? empty.eventsBySource,
    bytesBySource: { ...(heaviest?.bytesBySource ?? empty.bytesBySource), results },
  };
}

/** One run of one policy. */
interface PolicyRun {
  readonly events: number;
  readonly bytes: number;
  readonly retained: number;
  readonly needs: number;
  readonly eventsBySource: Record<RunEventSource, number>;
  readonly bytesBySource: Record<RunMemorySource, number>;
}

function emptyRun(): PolicyRun {
  const events = { needs: 0, work: 0, updates: 0, chases: 0, redials: 0, absences: 0, clock: 0 };
  const bytes = { records: 0, openNeeds: 0, journal: 0, absences: 0, demandTypes: 0, owners: 0, results: 0 };
  return { events: 0, bytes: 0, retained: 0, needs: 0, eventsBySource: events, bytesBySource: bytes };
}

/** A team's queue: servers at work, utilisation, mean minutes per visit, share of the week open, mean wait in line (open minutes). */
interface Line {
  readonly servers: number;
  readonly utilisation: number;
  readonly meanMinutes: number;
  readonly openShare: number;
  readonly wait: number;
  /** Mean length of a closed spell of the team, in minutes (0 for a team always open). */
  readonly closedSpell: number;
}

/** Front minutes of a contact that is not about the need's own work, as a share of its front work (SIDE_CONTACT_SHARE in the model's front.ts). */
const SIDE_CONTACT_SHARE = 0.5;
/** Rounds of the feedback of chasing on the teams' load (chases are work that slows the cases that make them; an engineering choice). */
const FEEDBACK_ROUNDS = 4;

function runOf(scenario: Scenario, policy: Policy, window: RunCostWindow): PolicyRun {
  const analysis = loadAnalysis(scenario, policy);
  const { citizens, mechanisms: m } = scenario;
  const longest = window.horizonMinutes + window.drainMinutes;
  const measured = Math.max(0, window.horizonMinutes - window.warmupMinutes);
  const teams = new Map(analysis.loads.map((t) => [t.team, t]));
  const stationsOf = groupBy(analysis.stations, (st) => st.service);
  const present = presentShare(scenario);
  // chasing is failure demand that feeds back: each chase is a front contact and, under log and
  // pass, a note for the back office; the extra work slows the cases, which are chased more
  const waits = scenario.services.map((service) => waitsOf(scenario, policy, service));
  let extra = new Map<string, number>();
  let lines = new Map<string, Line>();
  let lives: number[] = [];
  // chases a minute of each service
  let chaseRates: number[] = [];
  for (let round = 0; round < FEEDBACK_ROUNDS; round++) {
    const utilisation = new Map(analysis.loads.map((t) => [t.team, utilisationWith(t, extra.get(t.team) ?? 0, present)]));
    lines = linesOf(scenario, analysis, utilisation);
    const backlog = new Map(analysis.loads.map((t) => [t.team, backlogUtilisation(t, utilisation.get(t.team) ?? 0)]));
    lives = scenario.services.map((service, i) => lifeOf(waits[i]!, stationsOf.get(service.id) ?? [], teams, backlog, lines, longest));
    chaseRates = scenario.services.map((service, i) => {
      const life = lives[i]!;
      const chasing = chasingNeeds(citizens.chaseRatePerMinute, service.arrivalsPerMinute, life, service.expectationMinutes, longest);
      // a need whose chase is never answered chases about once, where it would chase rate × life times
      const stalled = stalledShare(service, citizens, analysis, teams, utilisation, lines);
      const perNeed = citizens.chaseRatePerMinute * life;
      return citizens.chaseRatePerMinute * chasing * (1 - stalled + (perNeed > 0 ? stalled / (1 + perNeed) : 0));
    });
    const next = new Map<string, number>();
    const add = (team: string | undefined, minutes: number) => {
      if (team !== undefined && minutes > 0) next.set(team, (next.get(team) ?? 0) + minutes);
    };
    scenario.services.forEach((service, i) => {
      const perWeek = MINUTES_PER_WEEK * chaseRates[i]!;
      CHANNELS.forEach((_, k) => add(analysis.channelTeams[k], perWeek * (service.channelMix[k] ?? 0) * service.frontWork.mean * SIDE_CONTACT_SHARE));
      if (policy.frontOffice.scope === "logAndPass") add(analysis.plannedTeam[service.backOffice], perWeek * m.chaseNoteMinutes);
    });
    extra = next;
  }
  // the run stops at the horizon when no counted need is open then (likely when few arrive in the
  // window); else when the last is closed (the longest of many lives: about the mean × (1 + ln n)),
  // at the latest at horizon + drain
  const openAtHorizon = scenario.services.reduce((a, service, i) => a + service.arrivalsPerMinute * Math.min(lives[i]!, measured), 0);
  const last = Math.max(0, ...scenario.services.map((service, i) => lives[i]! * (1 + Math.log(Math.max(1, service.arrivalsPerMinute * measured)))));
  const run = window.horizonMinutes + (1 - Math.exp(-openAtHorizon)) * Math.min(window.drainMinutes, last);
  const e = emptyRun();
  const ev = e.eventsBySource;
  const by = e.bytesBySource;
  let needs = 0;
  let resolved = 0;
  let open = 0;
  let journalRows = 0;
  scenario.services.forEach((service, i) => {
    const rate = service.arrivalsPerMinute;
    const life = lives[i]!;
    const stations = stationsOf.get(service.id) ?? [];
    const visits = stations.reduce((a, st) => a + st.visits, 0);
    const contacts = stations.reduce((a, st) => a + (st.label.startsWith("first contact") ? st.visits : 0), 0);
    const n = rate * run;
    needs += n;
    resolved += rate * measured;
    open += rate * life;
    ev.needs += n * NEED_EVENTS;
    ev.work += n * visits * VISIT_EVENTS;
    const updates = policy.progressInformation === "proactive" ? service.caseShare * (1 + life / Math.max(m.updateIntervalMinutes, 1e-9)) : 0;
    ev.updates += n * updates * 2;
    // chases in the run: the chase rate × the needs chasing at a time (less those whose chase
    // is never answered) × the run
    const chases = chaseRates[i]! * run;
    ev.chases += chases * 2;
    // hang-ups and redials on the live channels (phone, visit), each a contact row
    // and on written channels given a patience (channel rules): an unanswered e-mail or e-form
    let hangUps = 0;
    CHANNELS.forEach((channel, k) => {
      const mix = service.channelMix[k] ?? 0;
      const spread = channelPatience(citizens, channel);
      if (mix === 0 || spread === null) return;
      const line = lines.get(analysis.channelTeams[k] as string);
      if (line === undefined) return;
      const patience = typicalPatience(spread);
      const rule = scenario.channelRules[channel];
      // a caller about the need itself may give up the need at a hang-up; one who chases never
      // does. A writer about the need writes again (by the same channel or by e-mail) until
      // answered, unless they give up.
      const again = channel === "phone" || channel === "visit" ? citizens.redialProbability : channel === "email" || citizens.emailPatience !== null ? 1 : citizens.redialProbability;
      const main = hangUpsPerContact(line, patience, citizens, run, (1 - citizens.giveUpProbability) * again, rule);
      const side = hangUpsPerContact(line, patience, citizens, run, citizens.redialProbability, rule);
      hangUps += mix * (n * contacts * main + chases * side);
    });
    ev.redials += hangUps * 2;
    // contact rows are kept for the measured window only
    const inWindow = run > 0 ? Math.min(1, measured / run) : 0;
    const rows = rate * measured * contacts + (chases + hangUps) * inWindow;
    by.records += rate * measured * NEED_ROW_BYTES + rows * CONTACT_ROW_BYTES;
    const perNeed = rate * measured > 0 ? rows / (rate * measured) : 0;
    journalRows += Math.min(JOURNAL_MAX, (rate * measured) / JOURNAL_EVERY) * (4 + 2 * visits + perNeed + updates);
    by.demandTypes += service.demandTypes * DEMAND_TYPE_BYTES;
  });
  by.journal = journalRows * JOURNAL_ROW_BYTES;
  by.openNeeds = Math.min(open, needs) * OPEN_NEED_BYTES;
  // every person's absence spells, all scheduled when the run starts (up to horizon + drain)
  const people = scenario.teams.reduce((a, t) => a + t.staff, 0);
  const spells = m.sicknessSpellsPerMinute * longest + (m.holidayWeeks > 0 ? Math.ceil(longest / (52 * MINUTES_PER_WEEK)) : 0);
  ev.absences = (2 * people * spells * run) / Math.max(1, longest);
  by.absences = people * spells * SPELL_BYTES;
  // the daily sample, weekly training, and the teams' lines opening and closing
  const owners = analysis.personalTeams.reduce((a, id) => a + (teams.get(id)?.staff ?? 0), 0);
  const trainees = analysis.loads.reduce((a, t) => a + (t.trainingMinutesPerWeek > 0 ? t.staff : 0), 0);
  const days = run / MINUTES_PER_DAY;
  ev.clock = days + (trainees > 0 ? (run / MINUTES_PER_WEEK) * (1 + trainees) : 0) + 2 * days * analysis.loads.length;
  by.owners = owners * OWNER_BYTES;
  const retained = RESULT_BYTES + 16 * resolved + 8 * days;
  const events = Object.values(ev).reduce((a, x) => a + x, 0);
  const bytes = Object.values(by).reduce((a, x) => a + x, 0) + 16 * days;
  return { events, bytes, retained, needs, eventsBySource: ev, bytesBySource: by };
}

/** A team's utilisation with `extra` minutes a week of failure demand on top of its value demand. */
function utilisationWith(t: TeamLoad, extra: number, present: number): number {
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
 */
function backlogUtilisation(t: TeamLoad, rho: number): number {
  return rho > 1 ? rho * (1 - patientShare(t)) : rho;
}

/**
 * How long a need of a service stays open: its work and its waits in line (M/M/c, Erlang C)
 * spread over its teams' open hours, its other waits ({@link waitsOf}), and behind an
 * overloaded team a queue that grows all run long (a need arriving at t waits about (1 − 1/ρ) t,
 * with ρ the team's {@link backlogUtilisation}).
 */
function lifeOf(
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
 */
function waitsOf(scenario: Scenario, policy: Policy, service: Scenario["services"][number]): number {
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
 */
function chasingNeeds(chaseRate: number, arrivals: number, life: number, expectation: number, longest: number): number {
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
 */
function stalledShare(
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

/** A typical patience: the median of a lognormal of the spread's mean and cv (a spread with a large cv is mostly short). */
function typicalPatience(spread: { readonly mean: number; readonly cv: number }): number {
  return spread.mean / Math.sqrt(1 + spread.cv ** 2);
}

/** The chance that a contact on a line waits past `patience` (M/M/c while open; 1 on a line at or over capacity). */
function hangUpChance(line: Line, patience: number): number {
  const { servers: c, utilisation: rho, meanMinutes: s } = line;
  if (!(rho < 1)) return 1;
  if (!(s > 0)) return 0;
  return erlangC(c, rho * c) * Math.exp(-((c * (1 - rho)) / s) * patience);
}

/** The line of every team with work: servers present, utilisation, minutes per visit, waits. */
function linesOf(scenario: Scenario, analysis: LoadAnalysis, utilisation: ReadonlyMap<string, number>): Map<string, Line> {
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
 */
function hangUpsPerContact(line: Line, patience: number, citizens: Scenario["citizens"], run: number, keepTrying: number, rule: ChannelRule): number {
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

function groupBy<T>(list: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    const group = out.get(k);
    if (group === undefined) out.set(k, [x]);
    else group.push(x);
  }
  return out;
}

/** Options of {@link checkRunCost}. */
export interface RunCostCheckOptions {
  /** Run past the refusal limits (with a warning) instead of refusing (`--allow-large`). */
  readonly allowLarge?: boolean;
}

const EVENT_SOURCE_NAMES: Readonly<Record<RunEventSource, string>> = {
  needs: "needs arising",
  work: "the work of each need",
  updates: "proactive progress updates",
  chases: "citizens chasing",
  redials: "hang-ups and redials",
  absences: "staff absence spells",
  clock: "lines opening and closing",
};

const MEMORY_SOURCE_NAMES: Readonly<Record<RunMemorySource, string>> = {
  records: "need and contact records",
  openNeeds: "needs open at once",
  journal: "the journey journal",
  absences: "staff absence spells",
  demandTypes: "demand-type tables",
  owners: "personal owners' lines",
  results: "the results kept per run",
};

/** What to change, by where most of the cost comes from. */
const REMEDY: Readonly<Record<RunEventSource | RunMemorySource, string>> = {
  needs: "shorten the horizon and drain, or lower the arrivals",
  work: "shorten the horizon and drain, or lower the arrivals",
  updates: "lengthen mechanisms.updateInterval or shorten the run",
  chases: "lower citizens.chaseRate or shorten the run",
  redials: "lengthen citizens.redialDelay and the patience, or lower citizens.redialProbability",
  absences: "shorten the run, or lower mechanisms.sicknessSpells",
  clock: "shorten the run",
  records: "shorten the horizon, or lower the arrivals",
  openNeeds: "add staff where the load warnings say, shorten the run, or use fewer case steps",
  journal: "shorten the horizon",
  demandTypes: "use fewer demandTypes",
  owners: "use ownership \"pool\"",
  results: "run fewer replications, or split them into shards (--shard K/N)",
};

/**
 * Checks an estimate against {@link RUN_COST_LIMITS}. Past a refusal limit it throws a
 * RangeError whose one-line message gives the estimate, the limit, where most of the cost comes
 * from and how to proceed (unless `allowLarge`, which turns the refusal into a warning); past a
 * warning limit it returns the warning for the run to go ahead with.
 *
 * @param cost - from {@link estimateRunCost}
 * @param options - `allowLarge: true` to run past the refusal limits
 * @returns warnings (one line each), none for an ordinary run
 * @throws RangeError past a refusal limit, unless `allowLarge`
 * @example
 * ```ts
 * const s = loadScenario("teaching");
 * const window = { horizonMinutes: 10_000 * 52 * 10080, warmupMinutes: 0, drainMinutes: 0 };
 * checkRunCost(estimateRunCost(s, [policies.whole], window)); // throws RangeError: "too large to run: …"
 * ```
 */
export function checkRunCost(cost: RunCost, options: RunCostCheckOptions = {}): string[] {
  const L = RUN_COST_LIMITS;
  const over: string[] = [];
  const near: string[] = [];
  const events = mostOf(cost.eventsBySource, EVENT_SOURCE_NAMES);
  const memory = mostOf(cost.bytesBySource, MEMORY_SOURCE_NAMES);
  if (cost.caseSteps > L.caseSteps) over.push(`${count(cost.caseSteps)} case steps in all (a run takes at most ${count(L.caseSteps)})`);
  if (cost.eventsPerRun > L.refuseEventsPerRun) over.push(`about ${count(cost.eventsPerRun)} events in one run, ${events.text} (limit ${count(L.refuseEventsPerRun)})`);
  else if (cost.eventsPerRun > L.warnEventsPerRun) near.push(`about ${count(cost.eventsPerRun)} events in one run, ${events.text}`);
  // (for one run its events were said above)
  if (cost.runs > 1 && cost.events > L.refuseEvents) over.push(`about ${count(cost.events)} events in ${count(cost.runs)} runs (limit ${count(L.refuseEvents)})`);
  else if (cost.runs > 1 && cost.events > L.warnEvents) near.push(`about ${count(cost.events)} events in ${count(cost.runs)} runs`);
  if (cost.bytes > L.refuseBytes) over.push(`about ${bytes(cost.bytes)} of memory, ${memory.text} (limit ${bytes(L.refuseBytes)})`);
  else if (cost.bytes > L.warnBytes) near.push(`about ${bytes(cost.bytes)} of memory, ${memory.text}`);
  // what to change: the storm or the run length behind the events of one run, else the number of runs, else the memory
  const perRun = cost.eventsPerRun > L.warnEventsPerRun;
  const runs = cost.runs > 1 && cost.events > L.warnEvents;
  const remedy =
    cost.caseSteps > L.caseSteps ? "use fewer case steps" : perRun ? REMEDY[events.source] : runs ? REMEDY.results : REMEDY[memory.source];
  if (over.length > 0 && options.allowLarge !== true) {
    throw new RangeError(`too large to run: ${over.join("; ")} (docs/performance.md, "What a run costs"); ${remedy}, or pass --allow-large (allowLarge: true) to run it anyway`);
  }
  const warnings = over.length > 0 ? [`running past the limits (--allow-large): ${over.join("; ")}`] : [];
  if (near.length > 0) warnings.push(`a large run: ${near.join("; ")}; it may take long or need much memory (${remedy} to make it smaller)`);
  return warnings;
}

/** The largest source and its words: "mostly proactive progress updates". */
function mostOf<K extends string>(by: Readonly<Record<K, number>>, names: Readonly<Record<K, string>>): { source: K; text: string } {
  const [source] = (Object.entries(by) as [K, number][]).reduce((a, x) => (x[1] > a[1] ? x : a));
  return { source, text: `mostly ${names[source]}` };
}

/**
 * A count in words, for messages: 12,000; 3.2 million; 4.5 billion; 7e15.
 *
 * @param x - a count
 * @returns the words
 */
export function count(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x < 1e6) return Math.round(x).toLocaleString("en");
  for (const [unit, word] of [[1e12, "trillion"], [1e9, "billion"], [1e6, "million"]] as const) {
    if (x >= unit && x < unit * 1000) return `${Number((x / unit).toPrecision(2))} ${word}`;
  }
  return x.toExponential(1).replace("+", "");
}

/**
 * Bytes in words, for messages: 540 MB, 26 GB, 3.1 TB, 2e18 bytes.
 *
 * @param x - bytes
 * @returns the words
 */
export function bytes(x: number): string {
  if (!Number.isFinite(x)) return `${x} bytes`;
  for (const [unit, word] of [[1e12, "TB"], [1e9, "GB"], [1e6, "MB"], [1e3, "KB"]] as const) {
    if (x >= unit && (x < unit * 1000 || unit === 1e12) && x < 1e15) return `${Number((x / unit).toPrecision(2))} ${word}`;
  }
  return x < 1e3 ? `${Math.round(x)} bytes` : `${x.toExponential(1).replace("+", "")} bytes`;
}

