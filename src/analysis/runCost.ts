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
import { CHANNELS, type Scenario } from "../scenario/types.js";
import { peakDemand } from "../scenario/events.js";
import { loadAnalysis, presentShare } from "./offeredLoad.js";
import { channelPatience } from "./serviceChains.js";
import { hangUpsPerContact, linesOf, typicalPatience, type Line } from "./frontLines.js";
import { backlogUtilisation, chasingNeeds, lifeOf, stalledShare, utilisationWith, waitsOf } from "./needLives.js";

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
  /**
   * The journal each run keeps, as `simulate`'s option: every `every`-th cohort need, at most
   * `max` needs (default `simulate`'s: every 10th, at most 10,000; `{ every: 0 }` for none, as
   * the replications of a comparison keep).
   */
  readonly journal?: { readonly every: number; readonly max?: number };
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
 * - `caseSteps`: steps of all services together; beyond this the model's service plans (each
 *   step's tables) and this estimate are unchecked, and the scenario file is megabytes.
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
/** Bytes per cohort need row while the run goes and when copied out: 1.5 × 192 for the row in its chunk (on the safe side: a row takes 186 bytes, and the chunks of 4,096 rows leave at most one part-used), then its columns. */
const NEED_ROW_BYTES = 192 * 1.5 + RECORD_BYTES.need;
/** Bytes per contact row in the window, likewise. */
const CONTACT_ROW_BYTES = 40 * 1.5 + RECORD_BYTES.contact;
/** Bytes per journal row: 13 columns grown by doubling, then copied out. */
const JOURNAL_ROW_BYTES = RECORD_BYTES.journal * 2.5;
/** Journal: one cohort need in 10, at most 10,000 needs (simulate's defaults). */
const JOURNAL = Object.freeze({ every: 10, max: 10_000 });
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
  const journal = options.journal ?? JOURNAL;
  if (!(Number.isFinite(journal.every) && journal.every >= 0)) throw new RangeError(`estimateRunCost: journal.every must be a number ≥ 0, got ${journal.every}`);
  if (journal.max !== undefined && !(journal.max >= 0)) throw new RangeError(`estimateRunCost: journal.max must be a number ≥ 0, got ${journal.max}`);
  const perPolicy = policies.map((p) => runOf(planned, p, window, journal));
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

/** Front minutes of a contact that is not about the need's own work, as a share of its front work (SIDE_CONTACT_SHARE in the model's front.ts). */
const SIDE_CONTACT_SHARE = 0.5;
/** Rounds of the feedback of chasing on the teams' load (chases are work that slows the cases that make them; an engineering choice). */
const FEEDBACK_ROUNDS = 4;

function runOf(scenario: Scenario, policy: Policy, window: RunCostWindow, journal: NonNullable<RunCostOptions["journal"]>): PolicyRun {
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
  // journal rows of the needs journaled, before the cap on them (every `every`-th cohort need)
  let journaled = 0;
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
    const chosen = journal.every > 0 ? (rate * measured) / journal.every : 0;
    journaled += chosen;
    journalRows += chosen * (4 + 2 * visits + perNeed + updates);
    by.demandTypes += service.demandTypes * DEMAND_TYPE_BYTES;
  });
  // at most `max` needs in all (simulate's cap is on the run, not on each service)
  const cap = journal.max ?? JOURNAL.max;
  by.journal = journaled > cap ? (journalRows * cap * JOURNAL_ROW_BYTES) / journaled : journalRows * JOURNAL_ROW_BYTES;
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

