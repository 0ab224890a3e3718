/**
 * `simulate`: one run of a scenario under a policy.
 *
 * @packageDocumentation
 */
import type { Policy } from "../policy/types.js";
import { validatePolicy } from "../policy/validate.js";
import { validateScenario } from "../scenario/validate.js";
import { checkOptionsObject, checkRunOptions } from "./runOptions.js";
import { estimateRunCost, RUN_COST_LIMITS } from "../analysis/runCost.js";
import { bytes, checkRunCost, count } from "../analysis/runCostCheck.js";
import { runWindow } from "./window.js";
import type { Scenario } from "../scenario/types.js";
import { MAX_LIVE_NEEDS, startArrivals } from "./arise.js";
import { Task as TaskCode } from "./codes.js";
import { writeOpenRecords } from "./closure.js";
import { wire } from "./flow.js";
import type { RunResult, TeamResult } from "./runResult.js";
import { World } from "./world.js";
import { peekStaffSums, resetStaffStats, teamStatsOf } from "./staffing.js";
import { PERIOD_MINUTES, SERIES_PERIODS, type SeriesPeriod } from "./series.js";

/**
 * Options of {@link simulate}. Durations are minutes or a string with a unit ("52 weeks");
 * defaults come from the scenario.
 */
export interface SimulateOptions {
  /** Master seed (default 1). */
  readonly seed?: number | string;
  /** Replication index (default 0): replication r of every policy sees the same citizens. */
  readonly replication?: number;
  /** Needs arriving before the horizon are counted (default: the scenario's). */
  readonly horizon?: number | string;
  /** Needs arriving before the warm-up ends are not counted (default: the scenario's). */
  readonly warmup?: number | string;
  /** After the horizon, how long counted needs may still finish (default: the scenario's). */
  readonly drain?: number | string;
  /**
   * What-if: remove the failures that arise at this scenario team (work cut short there,
   * information lost or misrouted when it hands work on, failed work, unclear letters,
   * premature closure). Its waits and everything else stay. Under pooling the whole pooled
   * team is made perfect.
   */
  readonly withoutFailuresAt?: string;
  /** Stop the run with a message when more needs than this are open at once (default 500,000: memory stays bounded). */
  readonly maxOpenNeeds?: number;
  /**
   * Stop the run with a message after this many events (default `RUN_COST_LIMITS.stopEventsPerRun`,
   * 200 million; none under `allowLarge`): no run goes on for hours unasked.
   */
  readonly maxEvents?: number;
  /**
   * Stop the run with a message once its records (need, contact and journal rows) hold more than
   * this many bytes, checked once a simulated day (default `RUN_COST_LIMITS.stopBytesPerRun`,
   * none under `allowLarge`).
   */
  readonly maxRecordBytes?: number;
  /** Journal the full journey of one cohort need in `every` (default 10; 0 = none), at most `max` needs (default 10,000). */
  readonly journal?: { readonly every?: number; readonly max?: number };
  /**
   * The period of the run's series ({@link RunResult.series}): "week" (default), "day" or
   * "hour"; false for none. Recording them draws no random number and moves no event.
   */
  readonly series?: SeriesPeriod | false;
  /**
   * Run even when the run-cost estimate is past `RUN_COST_LIMITS` (a warning instead of a
   * refusal), and do not stop the run at `stopEventsPerRun` events or `stopBytesPerRun` bytes of
   * records (default false).
   */
  readonly allowLarge?: boolean;
  /** Called with each warning of the run-cost check before the run starts (default: none). */
  readonly onWarning?: (message: string) => void;
}

/**
 * Runs the scenario's citizens through the municipality under a policy.
 *
 * Needs arise from the start; those arriving in [warmup, horizon) are the measured cohort.
 * Arrivals go on after the horizon so that the cohort finishes under a realistic load; the
 * run stops when every cohort need is closed, or at horizon + drain (then the rest count as
 * open). Contacts and staff minutes are measured in [warmup, horizon).
 *
 * @param scenario - a parsed scenario (see `loadScenario`)
 * @param policy - the design choices (see `policies`)
 * @param options - seed, replication and time window
 * Before the run, its cost is estimated (`estimateRunCost`) and checked (`checkRunCost`): a run
 * past `RUN_COST_LIMITS` is refused, one near them runs with a warning to `onWarning`, and a run
 * that fires `stopEventsPerRun` events is stopped — unless `allowLarge`.
 *
 * @returns the run's records and team statistics
 * @throws {ScenarioError} for a scenario or policy that does not pass `validateScenario` or
 *   `validatePolicy` (e.g. the input format, which `parseScenario` reads first, or a batching
 *   key that names no step of the scenario)
 * @throws RangeError for a bad option (a negative or inconsistent time window, a seed that is
 *   not a whole number or text, a journal interval that is not a whole number ≥ 0), for a run
 *   too large to run (unless `allowLarge`), or when the run is stopped (too many needs open at
 *   once, too many events)
 * @example
 * ```ts
 * const run = simulate(loadScenario("teaching"), policies.whole, { seed: 1, horizon: "26 weeks", warmup: "4 weeks" });
 * run.needs.length > 0; //=> true
 * ```
 */
export function simulate(scenario: Scenario, policy: Policy, options: SimulateOptions = {}): RunResult {
  validateScenario(scenario);
  validatePolicy(policy, scenario);
  checkOptionsObject(options, "simulate");
  checkRunOptions(options as unknown as Readonly<Record<string, unknown>>);
  const window = runWindow(scenario, options);
  const { horizonMinutes: horizon, warmupMinutes: warmup, drainMinutes: drain } = window;
  const large = options.allowLarge === true;
  const journalEvery = options.journal?.every ?? 10;
  const journalMax = options.journal?.max ?? 10_000;
  const estimate = large ? null : estimateRunCost(scenario, [policy], window, { journal: { every: journalEvery, max: journalMax } });
  if (estimate !== null) for (const w of checkRunCost(estimate)) options.onWarning?.(w);
  const seed = options.seed ?? 1;
  const replication = options.replication ?? 0;
  const world = new World(scenario, policy, {
    seed,
    replication,
    horizonMinutes: horizon,
    warmupMinutes: warmup,
    drainMinutes: drain,
    journalEvery,
    journalMax,
    maxOpenNeeds: options.maxOpenNeeds ?? MAX_LIVE_NEEDS,
    series: seriesPeriod(options.series, horizon - warmup),
    ...(options.withoutFailuresAt === undefined ? {} : { perfectTeam: options.withoutFailuresAt }),
  });
  wire(world);
  startArrivals(world);
  startTraining(world);
  world.sim.scheduleAt(warmup, () => resetStaffStats(world), 0, -2);
  const snapshots: TeamResult["stats"][] = [];
  world.sim.scheduleAt(horizon, () => {
    world.teams.forEach((_, j) => snapshots.push(teamStatsOf(world, j)));
    if (world.cohortOpen === 0) world.sim.stop();
  }, 0, 2);
  const daily: number[] = [];
  // the memory stop: records past the limit end the run (checked with the daily sample)
  const maxBytes = options.maxRecordBytes ?? (large ? Infinity : RUN_COST_LIMITS.stopBytesPerRun);
  let heldBytes = 0;
  const sample = () => {
    daily.push(world.live);
    heldBytes = world.recorder.heldBytes() + world.journal.heldBytes();
    if (heldBytes > maxBytes) return world.sim.stop();
    world.sim.schedule(1440, sample, 0, 3);
  };
  world.sim.scheduleAt(1440, sample, 0, 3);
  const marks = markPeriods(world);
  const maxEvents = options.maxEvents ?? (large ? Infinity : RUN_COST_LIMITS.stopEventsPerRun);
  const report = world.sim.run({ until: horizon + drain, maxEvents });
  if (report.reason === "maxEvents") throw stoppedMessage(world.now, report.events, estimate?.eventsPerRun);
  if (heldBytes > maxBytes) throw memoryStoppedMessage(world.now, maxBytes, estimate?.bytesPerRun);
  writeOpenRecords(world);
  const run = result(world, snapshots, seed, replication);
  return {
    ...run,
    // the marks at period ends are the recorder's, not the model's
    events: run.events - marks.fired,
    dailyOpenNeeds: Float64Array.from(daily),
    journal: world.journal.records(),
    series: world.series === null ? null : world.series.build(run.needs, run.contacts, world.scenario.teams.map((t) => t.id), scenarioTeamPlan(world)),
  };
}

/**
 * The most periods a run's series records: 100,000 (an engineering choice: about 11 years by
 * hour, 1,900 years by week). A window longer than that by week records no series unless one is
 * asked for; asked for, it is refused.
 */
export const MAX_SERIES_PERIODS = 100_000;

function seriesPeriod(period: SeriesPeriod | false | undefined, windowMinutes: number): SeriesPeriod | null {
  if (period === false) return null;
  if (period !== undefined && !(SERIES_PERIODS as readonly string[]).includes(period)) throw new RangeError(`series must be one of ${SERIES_PERIODS.join(", ")} or false, got ${JSON.stringify(period)}`);
  const periods = windowMinutes / PERIOD_MINUTES[period ?? "week"];
  if (periods <= MAX_SERIES_PERIODS) return period ?? "week";
  if (period === undefined) return null; // the default: a window too long for weekly series records none
  throw new RangeError(
    `series by ${period} over this window would be ${Math.ceil(periods).toLocaleString("en")} periods; the most a run records is ${MAX_SERIES_PERIODS.toLocaleString("en")}: use a longer period, a shorter horizon or series: false`,
  );
}

/**
 * At the end of every period of the series, before anything else happens at that moment, the
 * series reads the needs alive and the teams' statistics (without touching their sums). One
 * mark is pending at a time; returns how many fired.
 */
function markPeriods(world: World): { fired: number } {
  const marks = { fired: 0 };
  const series = world.series;
  if (series === null) return marks;
  const bounds = series.bounds;
  let i = 1;
  const scratch = new Float64Array(4);
  const read = (j: number, out: Float64Array, at: number) => peekStaffSums(world, j, out, at, scratch);
  const mark = () => {
    marks.fired++;
    series.mark(i, world.live, read);
    i++;
    if (i < bounds.length) world.sim.scheduleAt(bounds[i] as number, mark, 0, -3);
  };
  world.sim.scheduleAt(bounds[1] as number, mark, 0, -3);
  return marks;
}

/** For each scenario team, the planned team it runs in. */
function scenarioTeamPlan(world: World): number[] {
  const out = new Array<number>(world.scenario.teams.length).fill(0);
  world.layout.teams.forEach((plan, j) => plan.members.forEach((m) => (out[m] = j)));
  return out;
}


/** The one-line error of a run stopped at `stopEventsPerRun` events. */
function stoppedMessage(now: number, events: number, estimated: number | undefined): RangeError {
  const before = estimated === undefined ? "" : ` (about ${count(estimated)} were estimated before it started)`;
  return new RangeError(
    `the run was stopped on day ${Math.floor(now / 1440)} after ${count(events)} events, the most it may fire${before}: ` +
      "something in the scenario makes far more work than its load, such as a loop of failure demand or a storm of tiny delays " +
      '(docs/performance.md, "What a run costs"); shorten the run or find the loop, or pass --allow-large (allowLarge: true) to run it anyway',
  );
}

/** The one-line error of a run stopped when its records passed `stopBytesPerRun` bytes. */
function memoryStoppedMessage(now: number, limit: number, estimated: number | undefined): RangeError {
  const before = estimated === undefined ? "" : `; about ${bytes(estimated)} in all were estimated before it started`;
  return new RangeError(
    `the run was stopped on day ${Math.floor(now / 1440)} when its records passed ${bytes(limit)} (the most a run may keep${before}): ` +
      "something in the scenario makes far more contacts than its load, such as a loop of failure demand or a storm of tiny delays " +
      '(docs/performance.md, "What a run costs"); shorten the run or find the loop, or pass --allow-large (allowLarge: true) to run it anyway',
  );
}

/**
 * Training that keeps a broad repertoire up (breadth costs): every week, on Thursday at 13:00
 * (GUESS: a quiet afternoon), each person of a team that trains who is not away gets a week's
 * share of the yearly training as work in the team's line, taken from its capacity.
 */
function startTraining(world: World): void {
  const WEEK = 7 * 1440;
  const plans = world.layout.teams;
  if (!plans.some((p) => p.trainingPerYear > 0)) return;
  const weekly = () => {
    plans.forEach((plan, i) => {
      if (plan.trainingPerYear <= 0) return;
      // nobody trains while away
      for (let k = 0; k < plan.staff; k++) if (!world.away(i, k)) world.submitOwnWork(TaskCode.training, i, plan.trainingPerYear / 52, k);
    });
    world.sim.schedule(WEEK, weekly, 0, 3);
  };
  world.sim.scheduleAt(TRAINING_OFFSET_MINUTES, weekly, 0, 3);
}

/** When weekly training starts: Thursday 13:00 of the first week (time 0 is Monday 00:00; GUESS). */
export const TRAINING_OFFSET_MINUTES = 3 * 1440 + 13 * 60;

function result(world: World, snapshots: TeamResult["stats"][], seed: number | string, replication: number): Omit<RunResult, "dailyOpenNeeds" | "journal" | "series"> {
  const { scenario, policy, recorder } = world;
  const teams: TeamResult[] = world.layout.teams.map((plan, i) => {
    const minutes = recorder.teamMinutes(i);
    return {
      id: plan.id,
      name: plan.name,
      role: plan.role,
      staff: plan.staff,
      members: plan.members.map((m) => scenario.teams[m]!.id),
      stats: snapshots[i] ?? teamStatsOf(world, i),
      valueMinutes: minutes.value,
      failureMinutes: minutes.failure,
      minutesByTask: minutes.byTask,
      pay: plan.pay,
    };
  });
  return {
    scenario: scenario.name,
    policy: policy.name,
    seed,
    replication,
    horizonMinutes: world.options.horizonMinutes,
    warmupMinutes: world.options.warmupMinutes,
    endMinutes: world.now,
    events: world.sim.eventsFired,
    needsArisen: world.nextNeedId,
    costPerStaffHour: scenario.costPerStaffHour,
    currency: scenario.currency,
    serviceIds: scenario.services.map((s) => s.id),
    serviceNames: scenario.services.map((s) => s.name),
    serviceSteps: scenario.services.map((s) => s.steps.map((st) => ({ id: st.id, name: st.name }))),
    internalClocks: scenario.services.map((s) => s.internalClock),
    teams,
    needs: recorder.needRecords(),
    contacts: recorder.contactRecords(),
    resolvedInWindow: recorder.resolvedInWindow,
    phoneAttempts: recorder.phoneAttempts,
    phoneAbandoned: recorder.phoneAbandoned,
  };
}
