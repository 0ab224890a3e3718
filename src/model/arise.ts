/**
 * Phase 1, before contact (M1 demand and variety; the citizen's information search,
 * self-service and channel choice). Needs arise per service from a Poisson process shaped by
 * week, day and season; everything about a need that does not depend on the policy is drawn
 * here from the need's own numbers, keyed by its service and its place among the service's
 * arrivals, so every policy meets the very same citizens (common random numbers).
 *
 * @packageDocumentation
 */
import { childWord, createStream, rateProfile, seasonalArrivals, type SeasonalArrivals } from "../random/index.js";
import { demandFactorAt, demandSegments, nextSurge, type DemandSegments } from "../scenario/events.js";
import { CHANNELS } from "../scenario/types.js";
import { Cause, Reason } from "./codes.js";
import { ARISE_BASE, Arise, Need, U } from "./need.js";
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
 *   same times (the same inversion of the profile's non-homogeneous process).
 * - Where m < 1, each of them is kept with chance m, by a uniform from a stream of the event's
 *   own (`demand-thin:` + service): thinning a Poisson process by m gives one with rate m × rate.
 *   Only arrivals inside such a period draw from it. A citizen left out still takes their place
 *   among the service's arrivals ({@link skipNeed}), so the next citizen brings what they would
 *   have brought without the event.
 * - Where m > 1, a second process adds the surge: rate (m − 1) × rate, drawn like the service's
 *   own (inverting the profile's cumulative rate) but scaled by (max m − 1) and thinned
 *   again by (m − 1) / (max m − 1), from a stream of its own (`demand-surge:` + service); it
 *   jumps over the periods with m ≤ 1 (a Poisson process may restart anywhere). The sum of two
 *   independent Poisson processes is one with the summed rate, m × rate. The surge's citizens
 *   have keys of their own too (`needs-surge:` + service).
 *
 * So the service's usual citizens arrive at the same times and bring the same needs, with the
 * same numbers for everything that happens to them later, as without the event (a surge adds
 * citizens, a fall removes some); what changes is the load they meet. Scaling the rate of the
 * process itself by m(t) would have moved every arrival after the event's start, and every
 * citizen's place among the arrivals with it.
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
    arise(world, s, true);
    const t = after(world.now);
    if (t !== Infinity) world.sim.scheduleAt(t, more);
  };
  const start = after(0);
  if (start !== Infinity) world.sim.scheduleAt(start, more);
}

/**
 * A citizen left out by a fall in demand: they keep their place among the service's arrivals,
 * so the citizens after them bring what they would have brought without the event.
 *
 * @param world - the run
 * @param s - service index
 */
function skipNeed(world: World, s: number): void {
  world.arrivalsSoFar[s]! += 1;
}

/**
 * A need arises for service `s` now: draw what the citizen brings, then phase 1.
 *
 * @param world - the run
 * @param s - service index
 * @param surge - whether the citizen is one a demand surge adds (their keys are the surge's,
 *   see {@link startArrivals})
 * @returns the new need
 */
export function arise(world: World, s: number, surge = false): Need {
  const need = world.newNeed();
  const plan = world.plans[s]!;
  const spec = plan.spec;
  // the need's key: its service's (or the service's surge's) and its place among their arrivals
  const at = surge ? world.plans.length + s : s;
  const place = world.arrivalsSoFar[at]!;
  world.arrivalsSoFar[at] = place + 1;
  const key = surge ? world.surgeKeys[s]! : world.needKeys[s]!;
  need.key0 = childWord(key.k0, place);
  need.key1 = childWord(key.k1, place);
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
  // what the citizen brings, from counters ARISE_BASE + 0, 1, ... (see Arise)
  need.typeRank = pickIndex(plan.typeCdf, world.bank(need, ARISE_BASE + Arise.type));
  need.isCase = world.bank(need, ARISE_BASE + Arise.isCase) < spec.caseShare ? 1 : 0;
  need.needsSpecialist = world.bank(need, ARISE_BASE + Arise.specialist) < spec.specialistShare ? 1 : 0;
  const informed = world.bank(need, ARISE_BASE + Arise.informed) < spec.informationQuality;
  need.complete = informed ? 1 : 0;
  need.channel = pickIndex(plan.channelCdf, world.bank(need, ARISE_BASE + Arise.channel));
  need.firstChannel = need.channel;
  const dists = world.ariseDists[s]!;
  need.frontMinutes = world.sampleFrom(need, dists.front, ARISE_BASE + Arise.frontWork, true);
  need.backMinutes = world.sampleFrom(need, dists.back, ARISE_BASE + Arise.backWork, true);
  // the patience takes two uniforms whatever the channel; a written patience is drawn from the
  // same two (so setting one moves no other draw)
  const p1 = world.bank(need, ARISE_BASE + Arise.patience);
  const p2 = world.bank(need, ARISE_BASE + Arise.patience + 1);
  const patience = world.patience;
  need.patience = (need.channel === VISIT ? patience.visit : patience.phone).fromUniforms(p1, p2);
  need.emailPatience = patience.email === null ? Infinity : patience.email.fromUniforms(p1, p2);
  need.writtenPatience = need.channel !== EFORM ? need.emailPatience : patience.eform === null ? Infinity : patience.eform.fromUniforms(p1, p2);
  const search = world.scenario.citizens.searchMinutes * (informed ? 1 : FAILED_SEARCH_FACTOR);
  need.effort += search;
  world.journal.log(need, JournalEvent.arose, world.now, -1, 0, 0, search, 0, informed ? 1 : 0);
  need.expectationDue = world.now + spec.expectationMinutes;
  if (!need.isCase && informed && world.bank(need, U.selfServe) < spec.selfServiceShare) {
    need.selfServed = 1;
    world.after(search, need, Timer.selfServe);
    return need;
  }
  world.moves.armChasing(world, need);
  if (need.isCase && need.channel === EFORM) world.moves.startCase(world, need, false);
  else world.moves.attempt(world, need, Reason.firstRequest, 1, Cause.none);
  return need;
}
