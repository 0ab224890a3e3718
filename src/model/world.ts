/**
 * The runtime of one simulation: the clock, the teams, the random streams, the live needs and
 * tasks, and the recorders. Flow logic lives in the mechanism files (front.ts, cases.ts,
 * closure.ts, chasing.ts), wired together by the state machine of flow.ts; this file holds the
 * state they share and the plumbing of tasks through teams.
 *
 * @packageDocumentation
 */
import { Simulation, Team, WeeklyCalendar } from "../engine/index.js";
import { objectArray } from "../engine/shape.js";
import { awayUntil } from "./absence.js";
import { isAway, leastLoaded, scheduleAbsences, staffTeams, type Staffing } from "./staffing.js";
import { counterKey, counterWord, createStream, type CounterKey, type Rng } from "../random/index.js";
import { spreadDistribution, type SpreadDistribution } from "../scenario/spreads.js";
import type { Policy } from "../policy/types.js";
import type { ChannelRule, Scenario, Spread } from "../scenario/types.js";
import { CHANNEL_RULE_DEFAULTS } from "../scenario/channelRules.js";
import { ARISE_BASE, Arise, Need, OWN_BASE, REPEATED_BASE, REPEATED_DEPTH, REPEATED_WIDTH } from "./need.js";
import { NeedStatus } from "./codes.js";
import { Recorder } from "./recorder.js";
import { SeriesTracker, type SeriesPeriod } from "./series.js";
import { Journal, JournalEvent } from "./journal.js";
import { planTeams, type TeamLayout } from "./teams.js";
import { planServices, type ServicePlan } from "./servicePlan.js";
import { CHANNELS } from "../scenario/types.js";
import { frontTeamIndex } from "../analysis/serviceChains.js";
import { Task, TaskState } from "./task.js";
import type { Moves } from "./flow.js";

/**
 * A need's numbers are `(counterWord(…) >>> 0) / 2^32`, as `counterUniform` gives them; the
 * division is done here (a const enum is written into the code as a literal) so that the
 * uniform is not boxed on its way out of a call that V8 did not inline.
 */
const enum Word {
  Span = 4294967296,
}

/** Options of one run. */
export interface WorldOptions {
  readonly seed: number | string;
  readonly replication: number;
  readonly horizonMinutes: number;
  readonly warmupMinutes: number;
  readonly drainMinutes: number;
  /** Journal one cohort need in this many (0 = none), at most `journalMax` needs. */
  readonly journalEvery: number;
  readonly journalMax: number;
  /** A scenario team whose failures are removed (what-if), if any. */
  readonly perfectTeam?: string;
  /** The most needs open at once before the run is stopped with a message. */
  readonly maxOpenNeeds: number;
  /** The period of the run's series, or null for none. */
  readonly series?: SeriesPeriod | null;
}

/** What a finished task calls: the flow function for its kind. */
export type TaskHandler = (world: World, task: Task) => void;

/**
 * Mutable state of a run. Created by `simulate`; not part of the public API.
 *
 * @example
 * ```ts
 * // internal: see simulate()
 * ```
 */
export class World implements Staffing {
  readonly sim = new Simulation();
  readonly layout: TeamLayout;
  readonly teams: Team[];
  readonly recorder: Recorder;
  /** The run's series while it runs, or null when none was asked for. */
  readonly series: SeriesTracker | null;
  readonly journal: Journal;
  /** Cohort needs so far (for journal sampling). */
  cohortCount = 0;
  /** The planned team whose failures are removed for a what-if run, or -1. */
  readonly perfect: number;
  /**
   * Number `counter` of the need's own numbers: a counter-based uniform of the need's key, the
   * same under every policy and on every thread (common random numbers), computed only when used.
   */
  bank(need: Need, counter: number): number {
    return (counterWord(need.key0, need.key1, counter) >>> 0) / Word.Span;
  }
  /**
   * The next number of the need's own sequence (counters from `OWN_BASE`), for a decision or
   * delay coming up again after its bank slots are used: rework, repeat contacts, later
   * closings, redials.
   */
  own(need: Need): number {
    return (counterWord(need.key0, need.key1, OWN_BASE + need.ownDraws++) >>> 0) / Word.Span;
  }
  /**
   * A uniform of the need's own: bank slot `slot` when `bank` (the first time this decision
   * comes up for the need), else the next number of the need's own sequence.
   */
  uniform(need: Need, slot: number, bank: boolean): number {
    return bank ? this.bank(need, slot) : this.own(need);
  }
  /**
   * A value of a spread for the need: from bank slots `slot` and `slot + 1` when `bank`, else
   * from the next two numbers of the need's own sequence (two uniforms either way).
   */
  sample(need: Need, spread: Spread, slot: number, bank: boolean): number {
    return this.sampleFrom(need, this.dist(spread), slot, bank);
  }
  /** {@link World.sample} with the spread's distribution already at hand (no lookup). */
  sampleFrom(need: Need, d: SpreadDistribution, slot: number, bank: boolean): number {
    if (bank) return d.fromUniforms(this.bank(need, slot), this.bank(need, slot + 1));
    const u1 = this.own(need);
    return d.fromUniforms(u1, this.own(need));
  }
  /**
   * The minutes of work that step `k` of a case takes for this need, from the need's own numbers
   * (counters `ARISE_BASE + Arise.steps + 2k` and the next). A counter-based number is the same
   * whenever it is drawn, so the step's work is drawn when the step comes up, not when the need
   * arises: most needs are not cases and never use it.
   */
  stepMinutes(need: Need, k: number): number {
    return this.sampleFrom(need, this.ariseDists[need.service]!.steps[k]!, ARISE_BASE + Arise.steps + 2 * k, true);
  }
  /**
   * The first bank slot for this time a `Repeated` draw (need.ts) comes up for the need, or -1
   * once its bank copies are used up (then it takes the need's own sequence).
   */
  repeatedSlot(need: Need, repeated: number): number {
    const shift = 2 * repeated;
    const k = (need.repeats >> shift) & 3;
    if (k >= REPEATED_DEPTH) return -1;
    need.repeats += 1 << shift;
    return (REPEATED_BASE[repeated] as number) + k * (REPEATED_WIDTH[repeated] as number);
  }

  /** Each service's key for its citizens' numbers (`needs:` + service id); a need's key derives from it and the need's place among the service's arrivals. */
  readonly needKeys: readonly CounterKey[];
  /** Each service's key for the citizens a demand surge adds (`needs-surge:` + service id). */
  readonly surgeKeys: readonly CounterKey[];
  /** Citizens so far per service (those a fall in demand left out included), then per service's surge. */
  readonly arrivalsSoFar: Int32Array;
  readonly arrivalRngs: Rng[];
  /** The moves mechanism files ask of each other (flow.ts), filled in by `wire`. */
  moves!: Moves;
  /** Handlers by task kind, filled in by `wire` (flow.ts). */
  readonly onDone: TaskHandler[] = [];
  onRenege: TaskHandler = () => {};
  /** Handlers by timer code, filled in by `wire` (flow.ts). */
  readonly onTimer: TaskHandler[] = [];
  private readonly fireTimer = (id: number) => {
    const task = this.tasks[id] as Task;
    if (task.needGen !== (task.need as Need).gen) return this.releaseTask(task);
    (this.onTimer[task.timer] as TaskHandler)(this, task);
  };
  private readonly tasks: Task[] = objectArray();
  private readonly needPool: Need[] = objectArray();
  private readonly freeTasks: number[] = [];
  private readonly spreads = new Map<Spread, SpreadDistribution>();
  /** Per service, the distributions of what a citizen brings (arise.ts): front and back-office work, each step's work. */
  readonly ariseDists: readonly { readonly front: SpreadDistribution; readonly back: SpreadDistribution; readonly steps: readonly SpreadDistribution[] }[];
  /** The citizens' patience by channel: phone, visit, and e-mail and e-form where set (else null). */
  readonly patience: { readonly phone: SpreadDistribution; readonly visit: SpreadDistribution; readonly email: SpreadDistribution | null; readonly eform: SpreadDistribution | null };
  readonly plans: readonly ServicePlan[];
  /** Planned front team answering each channel (index in CHANNELS). */
  readonly frontTeam: readonly number[];
  /** Each channel's rules (closed team, patience), in the order of CHANNELS. */
  readonly rules: readonly ChannelRule[];
  /**
   * Cohort needs whose record is not written yet (`Need.recordDue`); the run stops when none is
   * left after the horizon. A count, not a set: the needs themselves are found at the end among
   * every need object ({@link World.openCohortNeeds}).
   */
  cohortOpen = 0;
  /** Every need object made in the run (live or pooled). */
  private readonly allNeeds: Need[] = objectArray();
  nextNeedId = 0;
  /** Needs alive now (arisen and not yet met or given up). */
  live = 0;
  /** The people of the run (staffing.ts): by planned team. */
  readonly persons: (Team[] | null)[];
  readonly caseload: (Int32Array | null)[];
  readonly spells: Float64Array[][];
  readonly serverHours: (readonly WeeklyCalendar[])[];

  constructor(
    readonly scenario: Scenario,
    readonly policy: Policy,
    readonly options: WorldOptions,
  ) {
    const { seed, replication } = options;
    this.layout = planTeams(scenario, policy);
    this.plans = planServices(scenario, policy, this.layout);
    this.ariseDists = scenario.services.map((spec) => ({ front: this.dist(spec.frontWork), back: this.dist(spec.backOfficeWork), steps: spec.steps.map((step) => this.dist(step.work)) }));
    const { phonePatience, visitPatience, emailPatience, eformPatience } = scenario.citizens;
    this.patience = {
      phone: this.dist(phonePatience),
      visit: this.dist(visitPatience),
      email: (emailPatience ?? null) === null ? null : this.dist(emailPatience as Spread),
      eform: (eformPatience ?? null) === null ? null : this.dist(eformPatience as Spread),
    };
    this.frontTeam = frontTeamIndex(scenario.teams).map((i) => this.layout.teamOf[i] as number);
    this.rules = CHANNELS.map((c) => scenario.channelRules?.[c] ?? CHANNEL_RULE_DEFAULTS[c]);
    this.needKeys = scenario.services.map((s) => counterKey(seed, replication, `needs:${s.id}`));
    this.surgeKeys = scenario.services.map((s) => counterKey(seed, replication, `needs-surge:${s.id}`));
    this.arrivalsSoFar = new Int32Array(2 * scenario.services.length);
    this.arrivalRngs = scenario.services.map((s) => createStream(seed, replication, `arrivals:${s.id}`));
    const clocks = scenario.services.map((s) => s.internalClock);
    this.recorder = new Recorder(this.layout.teams.length, options.warmupMinutes, options.horizonMinutes, clocks);
    const targets = clocks.some((c) => c.targetMinutes !== null);
    this.series = options.series ? new SeriesTracker(options.series, options.warmupMinutes, options.horizonMinutes, this.layout.teams.length, targets) : null;
    this.journal = new Journal(options.journalEvery, options.journalMax);
    const perfectIndex = options.perfectTeam === undefined ? -1 : scenario.teams.findIndex((t) => t.id === options.perfectTeam);
    if (options.perfectTeam !== undefined && perfectIndex < 0) {
      throw new RangeError(`withoutFailuresAt: "${options.perfectTeam}" is not a team of the scenario (${scenario.teams.map((t) => t.id).join(", ")})`);
    }
    this.perfect = perfectIndex < 0 ? -1 : (this.layout.teamOf[perfectIndex] as number);
    const hooks = {
      done: (entity: number) => this.finish(entity),
      started: (entity: number, _tag: number, waited: number) => this.started(entity, waited),
      reneged: (entity: number) => this.reneged(entity),
    };
    const staffing = staffTeams(this.sim, scenario, this.layout, seed, replication, options.horizonMinutes + options.drainMinutes, hooks);
    this.teams = staffing.teams;
    this.persons = staffing.persons;
    this.caseload = staffing.caseload;
    this.spells = staffing.spells;
    this.serverHours = staffing.serverHours;
    scheduleAbsences(this.sim, staffing, scenario.mechanisms.coverAfterMinutes, (j, k) => this.coverWaiting(j, k));
  }

  /**
   * A personal owner goes away for long: the work waiting in their line goes to colleagues,
   * who read in first (see {@link World.ownerFor}).
   */
  private coverWaiting(team: number, person: number): void {
    const line = (this.persons[team] as Team[])[person] as Team;
    for (const task of this.tasks) {
      if (task.state !== TaskState.waiting || task.team !== team || task.person !== person || task.ticket < 0) continue;
      // the person's own work (training) waits for them; so does work of a need that has ended
      const need = task.need;
      if (need === null || task.needGen !== need.gen || need.status !== NeedStatus.open) continue;
      if (!line.withdraw(task.ticket)) continue;
      this.submit(task, team, task.minutes, task.priority);
    }
  }

  /**
   * The person who does a need's work at a team of personal owners: its owner, assigned when the
   * need first reaches the team (the one with the fewest open needs per hour of their working
   * week among those present, then the lowest index: a stated rule, GUESS). An owner away longer than `coverAfter` hands the
   * need over to a colleague, who reads in first: the read-in minutes are added to the task as
   * failure work.
   */
  private ownerFor(need: Need, team: number, task: Task): number {
    const load = this.caseload[team] as Int32Array;
    // after the need has ended (a complaint), whoever is least loaded handles it; it joins no caseload
    if (need.status !== NeedStatus.open) return need.personTeam === team && need.person >= 0 ? need.person : leastLoaded(this, team, -1, this.sim.now);
    if (need.personTeam !== team || need.person < 0) {
      if (need.person >= 0) this.releaseOwner(need);
      need.person = leastLoaded(this, team, -1, this.sim.now);
      need.personTeam = team;
      load[need.person] = (load[need.person] as number) + 1;
      return need.person;
    }
    const back = awayUntil((this.spells[team] as Float64Array[])[need.person] as Float64Array, this.sim.now);
    if (back >= 0 && back - this.sim.now > this.scenario.mechanisms.coverAfterMinutes) {
      const other = leastLoaded(this, team, need.person, this.sim.now);
      // only a colleague who is at work can take it over; if everyone is away, it waits
      if (other >= 0 && other !== need.person && !this.away(team, other)) {
        load[need.person] = (load[need.person] as number) - 1;
        load[other] = (load[other] as number) + 1;
        need.person = other;
        need.covered++;
        const readIn = this.sample(need, this.scenario.mechanisms.readInWork, 0, false);
        task.minutes += readIn;
        if (task.failure === 0) task.failureMinutes += readIn;
      }
    }
    return need.person;
  }

  /** The need no longer counts in its personal owner's caseload (it ended, or moved teams). */
  releaseOwner(need: Need): void {
    if (need.person < 0) return;
    const load = this.caseload[need.personTeam];
    if (load) load[need.person] = (load[need.person] as number) - 1;
    need.person = -1;
    need.personTeam = -1;
  }

  /** Whether the need's personal owner is away now. */
  ownerAway(need: Need): boolean {
    return need.person >= 0 && this.away(need.personTeam, need.person);
  }

  /** Whether person k of planned team j is away now. */
  away(team: number, k: number): boolean {
    return isAway(this, team, k, this.sim.now);
  }

  /**
   * Whether failure mechanisms work at a planned team (all do, except at the team made
   * perfect for a what-if run).
   */
  fails(team: number): boolean {
    return team !== this.perfect;
  }

  /** The planned team holding a need now: its owner, or the front line of its channel. */
  holder(need: Need): number {
    return need.owner >= 0 ? need.owner : (this.frontTeam[need.channel] as number);
  }

  /** The time now, in minutes. */
  get now(): number {
    return this.sim.now;
  }

  /** The distribution of a spread (its family: lognormal by default), cached per spread object. */
  dist(spread: Spread): SpreadDistribution {
    let d = this.spreads.get(spread);
    if (d === undefined) {
      d = spreadDistribution(spread);
      this.spreads.set(spread, d);
    }
    return d;
  }

  /**
   * A need object for a new need, reused from the pool when possible. Tasks remember the
   * need's generation, so a task of a need that has gone is recognised and dropped.
   */
  newNeed(): Need {
    let need = this.needPool.pop();
    if (need === undefined) {
      need = new Need(this.allNeeds.length === 0);
      this.allNeeds.push(need);
    }
    need.reset();
    need.id = this.nextNeedId++;
    return need;
  }

  /** Cohort needs whose record is not written yet, in order of arrival. */
  openCohortNeeds(): Need[] {
    return this.allNeeds.filter((n) => n.recordDue === 1).sort((a, b) => a.id - b.id);
  }

  /** Returns a finished need's object to the pool (its record is written). */
  releaseNeed(need: Need): void {
    need.gen++;
    this.needPool.push(need);
  }

  /**
   * Schedules a timer of a need: after `delay`, the handler for `timer` runs with a task that
   * carries the need, a reason, a first-contact flag and a cause (a `Cause` code, for a contact
   * attempt that is failure demand). The handler must release it.
   *
   * @returns the timer's task id (for {@link World.cancelTimer})
   */
  after(delay: number, need: Need, timer: number, reason = 0, first = 0, cause = 0): number {
    // a timer's task carries only what fireTimer and the timer handlers read (the need and its
    // generation, the code, reason, first-contact flag and cause); handlers release it before
    // anything else, so its other fields, left from an earlier use, are never read
    const task = this.takeTask();
    task.need = need;
    task.needId = need.id;
    task.needGen = need.gen;
    task.kind = -1;
    task.reason = reason;
    task.timer = timer;
    task.first = first;
    task.cause = cause;
    task.event = this.sim.schedule(delay, this.fireTimer, task.id);
    return task.id;
  }

  /** Cancels a pending timer made by {@link World.after} and frees its task. */
  cancelTimer(taskId: number): void {
    const task = this.tasks[taskId] as Task;
    if (this.sim.cancel(task.event)) this.releaseTask(task);
  }

  /**
   * Puts a task in a team's line.
   *
   * @param task - a task from {@link World.newTask}
   * @param team - planned team index
   * @param minutes - staff minutes of work
   * @param priority - lower is served first (pulled expertise uses -1)
   * @param patience - for phone calls: how long the caller waits
   */
  submit(task: Task, team: number, minutes: number, priority = 0, patience = Infinity): void {
    task.team = team;
    task.minutes = minutes;
    task.priority = priority;
    task.queuedAt = this.sim.now;
    task.state = TaskState.waiting;
    const persons = this.persons[team] ?? null;
    if (persons !== null) {
      // a team of personal owners: a need's work waits in its owner's own line, a person's own
      // work (training) in theirs
      const person = task.need !== null ? this.ownerFor(task.need, team, task) : task.person;
      if (person >= 0) {
        task.person = person;
        task.ticket = (persons[person] as Team).arrive(task.id, task.minutes, task.kind, priority, patience);
        return;
      }
    }
    task.person = -1;
    task.ticket = (this.teams[team] as Team).arrive(task.id, minutes, task.kind, priority, patience);
  }

  /**
   * Submits a task to a team at a later time (a batch release, M6), or now if `time` ≤ now.
   *
   * @param time - when the task joins the team's line
   * @param task - the task
   * @param team - planned team index
   * @param minutes - staff minutes of work
   * @param priority - lower is served first
   */
  submitAt(time: number, task: Task, team: number, minutes: number, priority = 0): void {
    if (time <= this.sim.now) {
      this.submit(task, team, minutes, priority);
      return;
    }
    task.team = team;
    task.minutes = minutes;
    task.priority = priority;
    task.state = TaskState.waiting;
    this.sim.scheduleAt(time, this.release, task.id);
  }

  private readonly release = (id: number) => {
    const task = this.tasks[id] as Task;
    this.submit(task, task.team, task.minutes, task.priority);
  };

  /** A task from the pool, or a new one. */
  private takeTask(): Task {
    const id = this.freeTasks.pop();
    if (id !== undefined) return this.tasks[id] as Task;
    const task = new Task(this.tasks.length);
    this.tasks.push(task);
    return task;
  }

  /** A fresh task for a need. */
  newTask(need: Need, kind: number, reason: number, failure: boolean): Task {
    const task = this.takeTask();
    task.need = need;
    task.needId = need.id;
    task.needGen = need.gen;
    task.service = need.service;
    task.kind = kind;
    task.reason = reason;
    task.failure = failure ? 1 : 0;
    task.step = -1;
    task.channel = need.channel;
    task.wait = 0;
    task.first = 0;
    task.outcome = 0;
    task.timer = 0;
    task.priority = 0;
    task.failureMinutes = 0;
    task.origin = -1;
    task.cause = 0;
    task.defect = 0;
    task.person = -1;
    task.ticket = -1;
    return task;
  }

  /** Frees a task once its handler has run. */
  releaseTask(task: Task): void {
    task.state = TaskState.free;
    task.need = null;
    this.freeTasks.push(task.id);
  }


  private recordStaleContact(task: Task, outcome: number, minutes: number): void {
    this.recorder.contactOf(task.needId, task.service, task.team, task.channel, task.reason, outcome, task.queuedAt, task.wait, minutes, task.origin, task.cause, 1);
    if (outcome === 3 && task.channel === 0 && this.recorder.inWindow(task.queuedAt)) this.recorder.phoneAbandoned++;
  }

  private started(entity: number, waited: number): void {
    const task = this.tasks[entity] as Task;
    task.wait = waited;
    task.ticket = -1;
    task.state = TaskState.working;
  }

  /**
   * Puts a piece of the organisation's own work (training) in a team's line: no need, no
   * citizen; its minutes are booked as value work of the team.
   */
  submitOwnWork(kind: number, team: number, minutes: number, person = -1): void {
    const task = this.takeTask();
    task.need = null;
    task.kind = kind;
    task.failure = 0;
    task.failureMinutes = 0;
    task.step = -1;
    task.person = person;
    this.submit(task, team, minutes, 0);
  }

  private finish(entity: number): void {
    const task = this.tasks[entity] as Task;
    this.recorder.workOf(task, this.sim);
    if (task.need === null) return this.releaseTask(task);
    const need = task.need as Need;
    // work for a need that has gone (met or given up meanwhile) was still done, and a contact
    // still happened, but they belong to no need record any more
    if (task.needGen !== need.gen) {
      if (task.kind === 0) this.recordStaleContact(task, task.outcome, task.minutes);
      return this.releaseTask(task);
    }
    need.staffMinutes += task.minutes;
    if (need.journal === 1 && task.kind !== 0) {
      this.journal.log(need, JournalEvent.work, task.queuedAt, task.team, task.reason, task.wait, task.minutes, task.failure || task.failureMinutes > 0 ? 1 : 0, task.kind, -1, task.step);
    }
    const handler = this.onDone[task.kind] as TaskHandler;
    handler(this, task);
  }

  private reneged(entity: number): void {
    const task = this.tasks[entity] as Task;
    task.wait = this.sim.now - task.queuedAt;
    if (task.needGen !== (task.need as Need).gen) {
      this.recordStaleContact(task, 3, 0);
      return this.releaseTask(task);
    }
    this.onRenege(this, task);
  }
}
