/**
 * Phase 1, before contact (M1 demand and variety; the citizen's information search,
 * self-service and channel choice). Needs arise per service from a Poisson process shaped by
 * week, day and season; everything about a need that does not depend on the policy is drawn
 * here from the service's own stream, in a fixed order, so every policy meets the very same
 * citizens (common random numbers).
 *
 * @packageDocumentation
 */
import { createStream, rateProfile, seasonalArrivals, type Rng, type SeasonalArrivals } from "../random/index.js";
import { demandFactorAt, demandSegments, nextSurge, type DemandSegments } from "../scenario/events.js";
import { CHANNELS, type Spread } from "../scenario/types.js";
import { Cause, Reason } from "./codes.js";
import { Need, STEP_ROLES, U } from "./need.js";
import { pickIndex } from "./servicePlan.js";
import { Timer } from "./timers.js";
import { JournalEvent } from "./journal.js";
import type { World } from "./world.js";

/**
 * A citizen who finds no usable information searches this many times longer (GUESS: 3; no
 * source measures it).
 */
export const FAILED_SEARCH_FACTOR = 3;

/**
 * The most needs alive at once before a run is stopped with a message (about 1 KB each): a
 * municipality that far behind is overloaded, and memory must stay bounded.
 */
export const MAX_LIVE_NEEDS = 500_000;

const EFORM = CHANNELS.indexOf("eform");
const VISIT = CHANNELS.indexOf("visit");

/**
 * Starts the arrival process of every service.
 *
 * @param world - the run
 * @example
 * ```ts
 * // internal: called by simulate()
 * ```
 */
export function startArrivals(world: World): void {
  world.plans.forEach((plan, s) => {
    const spec = plan.spec;
    const weekly = rateProfile({ byDay: [...spec.profile.byDay], byHour: [...spec.profile.byHour] });
    const process = seasonalArrivals(spec.arrivalsPerMinute, weekly, spec.profile.byMonth);
    const rng = world.arrivalRngs[s]!;
    // no arrival can matter after the run's end: stop searching there
    const end = world.options.horizonMinutes + world.options.drainMinutes;
    const demand = demandSegments(world.scenario.events, spec.id, end);
    if (demand.from.length > 0) return startChangedArrivals(world, s, process, demand, end);
    const next = () => {
      arise(world, s);
      const t = process.next(world.now, rng, end);
      if (t !== Infinity) world.sim.scheduleAt(t, next);
    };
    const first = process.next(0, rng, end);
    if (first !== Infinity) world.sim.scheduleAt(first, next);
  });
}

/**
 * Arrivals of a service whose demand events change its rate by a factor m(t) (common random
 * numbers: an event moves as few draws as it can).
 *
 * - The service's own arrivals are drawn exactly as without events, from the same stream, at the
 *   same times (the same thinning of the profile's non-homogeneous process).
 * - Where m < 1, each of them is kept with chance m, by a uniform from a stream of the event's
 *   own (`demand-thin:` + service): thinning a Poisson process by m gives one with rate m × rate.
 *   Only arrivals inside such a period draw from it. A citizen left out still takes their draws
 *   from the service's need stream ({@link skipNeed}), so the next citizen brings what they
 *   would have brought without the event.
 * - Where m > 1, a second process adds the surge: rate (m − 1) × rate, drawn like the service's
 *   own (thinning the profile against its largest rate) but scaled by (max m − 1) and thinned
 *   again by (m − 1) / (max m − 1), from a stream of its own (`demand-surge:` + service); it
 *   jumps over the periods with m ≤ 1 (a Poisson process may restart anywhere). The sum of two
 *   independent Poisson processes is one with the summed rate, m × rate. The surge's citizens
 *   draw what they bring from a stream of their own too (`needs-surge:` + service).
 *
 * So the service's usual citizens arrive at the same times and bring the same needs as without
 * the event (a surge adds citizens, a fall removes some); what changes is the load they meet.
 * Later draws that are keyed by a need's id (its own stream) can differ, as ids are given out
 * in order of arrival. Scaling the rate in the thinning itself (one process against the largest
 * rate × max m) would have moved every arrival of the run, before the event too.
 */
function startChangedArrivals(world: World, s: number, process: SeasonalArrivals, demand: DemandSegments, end: number): void {
  const spec = world.plans[s]!.spec;
  const { seed, replication } = world.options;
  const rng = world.arrivalRngs[s]!;
  const thin = createStream(seed, replication, `demand-thin:${spec.id}`);
  const next = () => {
    const m = demandFactorAt(demand, world.now);
    if (m >= 1 || thin() < m) arise(world, s);
    else skipNeed(world, s);
    const t = process.next(world.now, rng, end);
    if (t !== Infinity) world.sim.scheduleAt(t, next);
  };
  const first = process.next(0, rng, end);
  if (first !== Infinity) world.sim.scheduleAt(first, next);
  if (!(demand.max > 1)) return;
  const extra = seasonalArrivals(spec.arrivalsPerMinute * (demand.max - 1), rateProfile({ byDay: [...spec.profile.byDay], byHour: [...spec.profile.byHour] }), spec.profile.byMonth);
  const surge = createStream(seed, replication, `demand-surge:${spec.id}`);
  const needs = createStream(seed, replication, `needs-surge:${spec.id}`);
  const after = (from: number): number => {
    let t = from;
    for (;;) {
      const k = nextSurge(demand, t);
      if (k < 0) return Infinity;
      t = Math.max(t, demand.from[k] as number);
      const to = Math.min(end, demand.to[k] as number);
      const c = extra.next(t, surge, to);
      if (c === Infinity) {
        t = to;
        if (t >= end) return Infinity;
        continue;
      }
      t = c;
      if (surge() * (demand.max - 1) < demandFactorAt(demand, c) - 1) return c;
    }
  };
  const more = () => {
    arise(world, s, needs);
    const t = after(world.now);
    if (t !== Infinity) world.sim.scheduleAt(t, more);
  };
  const start = after(0);
  if (start !== Infinity) world.sim.scheduleAt(start, more);
}

/**
 * The uniforms {@link arise} takes from the service's need stream for one need of a service
 * with `steps` steps: type, case, specialist, information, channel (5), front and back-office
 * work (2 each), patience (2), each step's work (2 each) and the bank of uniforms. A test checks
 * that a citizen left out by a fall in demand leaves the next one's draws as they were.
 *
 * @param steps - the service's steps
 * @returns the count
 */
function drawsPerNeed(steps: number): number {
  return 5 + 2 + 2 + 2 + 2 * steps + U.stepBase + STEP_ROLES * steps;
}

/**
 * A citizen left out by a fall in demand: their draws are taken from the service's need stream
 * and thrown away, so the citizens after them draw what they would have drawn without the event.
 *
 * @param world - the run
 * @param s - service index
 */
function skipNeed(world: World, s: number): void {
  const rng = world.needRngs[s]!;
  for (let i = drawsPerNeed(world.plans[s]!.spec.steps.length); i > 0; i--) rng();
}

/**
 * A need arises for service `s` now: draw what the citizen brings, then phase 1.
 *
 * @param world - the run
 * @param s - service index
 * @param rng - the stream the need's draws come from (default: the service's; a demand surge's
 *   citizens have their own, see {@link startArrivals})
 * @returns the new need
 */
export function arise(world: World, s: number, rng: Rng = world.needRngs[s]!): Need {
  const need = world.newNeed();
  const plan = world.plans[s]!;
  const spec = plan.spec;
  need.service = s;
  need.arrival = world.now;
  world.live++;
  if (world.live > world.options.maxOpenNeeds) {
    throw new RangeError(
      `the run was stopped on day ${Math.floor(world.now / 1440)}: more than ${world.options.maxOpenNeeds.toLocaleString("en")} needs were open at once, ` +
        "so the teams cannot keep up with the demand (see the load warnings); lower the arrivals, add staff or shorten the horizon",
    );
  }
  if (world.recorder.inWindow(world.now)) {
    need.cohort = 1;
    need.recordDue = 1;
    world.cohortOpen++;
    if (world.journal.wants(world.cohortCount++)) need.journal = 1;
  }
  need.typeRank = pickIndex(plan.typeCdf, rng());
  need.isCase = rng() < spec.caseShare ? 1 : 0;
  need.needsSpecialist = rng() < spec.specialistShare ? 1 : 0;
  const informed = rng() < spec.informationQuality;
  need.complete = informed ? 1 : 0;
  need.channel = pickIndex(plan.channelCdf, rng());
  need.firstChannel = need.channel;
  need.frontMinutes = world.draw(spec.frontWork, rng);
  need.backMinutes = world.draw(spec.backOfficeWork, rng);
  const citizens = world.scenario.citizens;
  // the patience takes two uniforms whatever the channel; a written patience is drawn from the
  // same two (so setting one moves no other draw)
  const p1 = rng();
  const p2 = rng();
  need.patience = world.dist(need.channel === VISIT ? citizens.visitPatience : citizens.phonePatience).fromUniforms(p1, p2);
  const email = citizens.emailPatience;
  need.emailPatience = (email ?? null) === null ? Infinity : world.dist(email as Spread).fromUniforms(p1, p2);
  const eform = citizens.eformPatience;
  need.writtenPatience = need.channel !== EFORM ? need.emailPatience : (eform ?? null) === null ? Infinity : world.dist(eform as Spread).fromUniforms(p1, p2);
  spec.steps.forEach((step, k) => {
    need.steps[k] = world.draw(step.work, rng);
  });
  // the bank of uniforms: the need's roles and those of its service's own steps
  const u = need.u;
  const banked = U.stepBase + STEP_ROLES * spec.steps.length;
  for (let i = 0; i < banked; i++) u[i] = rng();
  const search = world.scenario.citizens.searchMinutes * (informed ? 1 : FAILED_SEARCH_FACTOR);
  need.effort += search;
  world.journal.log(need, JournalEvent.arose, world.now, -1, 0, 0, search, 0, informed ? 1 : 0);
  need.expectationDue = world.now + spec.expectationMinutes;
  if (!need.isCase && informed && u[U.selfServe]! < spec.selfServiceShare) {
    need.selfServed = 1;
    world.after(search, need, Timer.selfServe);
    return need;
  }
  world.moves.armChasing(world, need, need.expectationDue);
  if (need.isCase && need.channel === EFORM) world.moves.startCase(world, need, false);
  else world.moves.attempt(world, need, Reason.firstRequest, 1, Cause.none);
  return need;
}
