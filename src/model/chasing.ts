/**
 * Progress chasing (M9): a citizen whose wait has run past what they expected contacts the
 * municipality to ask where the need is, at a rate per unit time; proactive progress
 * information lowers that rate for citizens whose last update reached them in time. Chases are failure demand and use front-line capacity (M12).
 *
 * @packageDocumentation
 */
import { Cause, NeedStatus, Reason } from "./codes.js";
import { CHASE_BASE, U, type Need } from "./need.js";
import type { Task } from "./task.js";
import { Timer } from "./timers.js";
import type { World } from "./world.js";

/**
 * The next uniform for a chase delay: the first two from the need's bank slots (most needs
 * chase at most that often), later ones from the need's chase sequence (counters from
 * `CHASE_BASE`, apart from its own sequence so that the moments a citizen chases do not depend
 * on how many other draws their need has made meanwhile) — the same under every policy (common
 * random numbers), whatever other needs do.
 */
function chaseUniform(world: World, need: Need): number {
  const k = need.chaseDraws++;
  if (k === 0) return world.bank(need, U.firstChase);
  if (k === 1) return world.bank(need, U.secondChase);
  return world.bank(need, CHASE_BASE + k);
}

/** The chase rate once the expectation has run out (updates act when a chase is due). */
function chaseRate(world: World, _need: Need): number {
  return world.scenario.citizens.chaseRatePerMinute;
}

/** Whether proactive updates are promised for this need (cases under "proactive" progress information). */
function updatesPromised(world: World, need: Need): boolean {
  return need.isCase === 1 && world.policy.progressInformation === "proactive";
}

/**
 * Whether the citizen is informed: an update reached them within the last update interval.
 * Updates are sent on a schedule by the case's owner and wait in the owner's line behind other
 * work, so under load they arrive late and the citizen is not informed.
 */
function informed(world: World, need: Need): boolean {
  return need.lastUpdateAt >= 0 && world.now - need.lastUpdateAt <= world.scenario.mechanisms.updateIntervalMinutes;
}

/**
 * Arms chasing: the citizen's expectation runs out at `due`, after which chases come at the
 * chase rate. An earlier `due` replaces a later one; a later one is ignored.
 *
 * @param world - the run
 * @param need - the need
 * @param due - when the expectation runs out; by default the need's own `expectationDue` (the
 *   default is taken here, so that the caller passes no fraction: V8 boxes one passed to a call
 *   it does not inline)
 * @example
 * ```ts
 * // internal: armChasing(world, need, world.now + 3 * 1440)
 * ```
 */
export function armChasing(world: World, need: Need, due = need.expectationDue): void {
  if (need.status !== NeedStatus.open) return;
  if (need.chaseEvent >= 0) {
    if (due >= need.expectationDue) return;
    world.cancelTimer(need.chaseEvent);
    need.chaseEvent = -1;
  }
  need.expectationDue = due;
  const rate = chaseRate(world, need);
  if (!(rate > 0)) return;
  // the first two chase delays come from the need's bank; re-arming and later
  // chases from the need's chase counters (both the same under every policy: common random numbers)
  const u = chaseUniform(world, need);
  const delay = Math.max(0, due - world.now) - Math.log(1 - u) / rate;
  need.chaseEvent = world.after(delay, need, Timer.chase);
}

/**
 * Schedules the next chase after one was made (or skipped).
 *
 * @param world - the run
 * @param need - the need
 */
export function nextChase(world: World, need: Need): void {
  if (need.status !== NeedStatus.open || need.chaseEvent >= 0) return;
  const rate = chaseRate(world, need);
  if (!(rate > 0)) return;
  need.chaseEvent = world.after(-Math.log(1 - chaseUniform(world, need)) / rate, need, Timer.chase);
}

/**
 * Stops chasing (the need is met, given up, or the citizen believes it is done).
 *
 * @param world - the run
 * @param need - the need
 */
export function disarmChasing(world: World, need: Need): void {
  if (need.chaseEvent >= 0) world.cancelTimer(need.chaseEvent);
  need.chaseEvent = -1;
}

/**
 * A chase is due: unless the citizen is the one who owes an answer, they contact the front.
 *
 * @param world - the run
 * @param timer - the chase timer
 */
export function chaseDue(world: World, timer: Task): void {
  const need = timer.need as Need;
  world.releaseTask(timer);
  need.chaseEvent = -1;
  if (need.status !== NeedStatus.open) return;
  if (need.awaitingCitizen) return nextChase(world, need);
  let cause: number = Cause.waitBeyondExpectation;
  if (updatesPromised(world, need)) {
    // an informed citizen chases only `proactiveChaseFactor` as often (thinning, from the need's
    // own sequence); one whose update did not come in time chases as if none were promised
    if (informed(world, need)) {
      if (world.own(need) >= world.scenario.mechanisms.proactiveChaseFactor) return nextChase(world, need);
    } else cause = Cause.missedUpdate;
  }
  // the need waits for its own case owner, who is away: nobody else moves it or answers
  if (world.ownerAway(need)) cause = Cause.ownerAbsent;
  need.waitsBeyond++;
  world.moves.attempt(world, need, Reason.progressChasing, 0, cause);
}
