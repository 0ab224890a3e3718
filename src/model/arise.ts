/**
 * Phase 1, before contact (M1 demand and variety; the citizen's information search,
 * self-service and channel choice). Needs arise per service from a Poisson process shaped by
 * week, day and season; everything about a need that does not depend on the policy is drawn
 * here from the service's own stream, in a fixed order, so every policy meets the very same
 * citizens (common random numbers).
 *
 * @packageDocumentation
 */
import { rateProfile, seasonalArrivals } from "../random/index.js";
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
 * A need arises for service `s` now: draw what the citizen brings, then phase 1.
 *
 * @param world - the run
 * @param s - service index
 * @returns the new need
 */
export function arise(world: World, s: number): Need {
  const need = world.newNeed();
  const plan = world.plans[s]!;
  const spec = plan.spec;
  const rng = world.needRngs[s]!;
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
    world.cohortOpen.add(need);
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
  const written = need.channel === EFORM ? citizens.eformPatience : citizens.emailPatience;
  need.writtenPatience = (written ?? null) === null ? Infinity : world.dist(written as Spread).fromUniforms(p1, p2);
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
