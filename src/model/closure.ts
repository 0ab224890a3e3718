/**
 * Closing a need (M10): premature closure when staff are held to cases closed, confirmation
 * with the citizen or closure at the step's end, defects noticed later and reopened; then
 * phase 3 (what the citizen says, a complaint being itself a contact) and the need's record.
 *
 * @packageDocumentation
 */
import { Cause, Expression, NeedStatus, Reason, Task as TaskCode } from "./codes.js";
import { decideExpression } from "./expression.js";
import { U, clockMinutes, noteClosing, type Need } from "./need.js";
import type { Task } from "./task.js";
import { Timer } from "./timers.js";
import { JournalEvent } from "./journal.js";
import type { World } from "./world.js";

/**
 * The last step of a case is done: the organisation closes it.
 *
 * @param world - the run
 * @param need - the need
 * @example
 * ```ts
 * // internal: finishCase(world, need)
 * ```
 */
export function finishCase(world: World, need: Need): void {
  noteClosing(need, world.now);
  const firstClosing = need.closedAt < 0;
  // the organisation's own clock runs from the complete application to its first closing after it
  const stopsComplete = need.closedAt < 0 || (need.completeAt >= 0 && need.closedAt < need.completeAt);
  if (stopsComplete) need.closedAt = world.now;
  if (world.series !== null) clockStop(world, need, firstClosing, stopsComplete);
  let gamed = false;
  if (firstClosing && need.defect === 0) {
    // closing at "symptom relief" needs work whose end is a matter of judgement: the chance
    // scales with the variety of the case work (cv, capped at 1); standard work has none to fudge.
    // Held to cases closed, staff are tempted with every case (M10); held to end-to-end time,
    // with the cases already late, to stop the clock (the end-to-end measure's dysfunction).
    const mechanisms = world.scenario.mechanisms;
    const plan = world.plans[need.service]!;
    const variety = Math.min(1, plan.stepVariety);
    const closer = world.holder(need);
    const late = world.now - need.arrival > plan.spec.expectationMinutes;
    const measure = world.policy.activityMeasure;
    const chance = measure === "casesClosed" ? mechanisms.prematureClosure : late ? mechanisms.measureGaming : 0;
    if (chance > 0 && world.bank(need, U.premature) < chance * variety && world.fails(closer)) {
      need.defect = Reason.reopened;
      need.defectCause = measure === "casesClosed" ? Cause.prematureClosure : Cause.measureGaming;
      need.defectStep = -1;
      need.defectTeam = closer;
      gamed = measure === "endToEndTime";
    }
  }
  world.journal.log(need, JournalEvent.closed, world.now, need.owner, 0, 0, 0, 0, need.defect !== 0 ? 1 : 0);
  // a case closed to stop the clock skips the citizen's confirmation: that is the point of it
  if (world.policy.closure === "citizenConfirms" && !gamed) {
    const team = need.owner >= 0 ? need.owner : world.plans[need.service]!.backOffice;
    const task = world.newTask(need, TaskCode.confirm, Reason.firstRequest, false);
    task.first = firstClosing ? 1 : 0;
    world.submit(task, team, world.scenario.mechanisms.confirmationMinutes, 0);
    return;
  }
  settle(world, need, firstClosing);
}

/**
 * Tells the series when a case's internal clock with a target stops at this closing: the first
 * closing for a clock from registration or first contact, the first closing after the complete
 * application for one from there. Measurement only.
 */
function clockStop(world: World, need: Need, firstClosing: boolean, stopsComplete: boolean): void {
  const clock = world.plans[need.service]!.spec.internalClock;
  if (clock.targetMinutes === null) return;
  if (!(clock.startsAt === "completeApplication" ? stopsComplete : firstClosing)) return;
  const minutes = clockMinutes(need, clock);
  if (!Number.isNaN(minutes)) world.series!.clockStop(minutes <= clock.targetMinutes, world.now);
}

/**
 * The citizen was asked whether the need is met; a defect may be caught before closing.
 *
 * @param world - the run
 * @param task - the confirmation task
 */
export function confirmDone(world: World, task: Task): void {
  const need = task.need as Need;
  const firstClosing = task.first === 1;
  world.releaseTask(task);
  if (need.status !== NeedStatus.open) return;
  need.outbound++;
  if (need.defect !== 0) {
    const u = world.uniform(need, U.confirmCatch, firstClosing);
    if (u < world.scenario.mechanisms.confirmationCatch) return world.moves.reworkBeforeClosing(world, need);
  }
  settle(world, need, firstClosing);
}

/**
 * Closed (a case) or answered (an enquiry): a defect left in may be noticed later, and the need
 * stays open until then; a defect never noticed leaves the need resolved but not clean.
 *
 * @param world - the run
 * @param need - the need
 * @param firstClosing - whether this is the need's first closing (its draws come from its bank)
 */
export function settle(world: World, need: Need, firstClosing: boolean): void {
  if (need.defect !== 0) {
    const citizens = world.scenario.citizens;
    const u = world.uniform(need, U.noticeDefect, firstClosing);
    const delay = world.sample(need, citizens.noticeDelay, U.noticeDelay, firstClosing);
    if (u < citizens.noticeDefectProbability) {
      world.moves.disarmChasing(world, need);
      need.awaitingCitizen = 1;
      world.after(delay, need, Timer.notice, need.defect, 0, need.defectCause);
      return;
    }
    need.defectLeft = 1;
  }
  resolveNeed(world, need);
}

/**
 * The citizen notices the defect and gets in touch (reopened, or not done right).
 *
 * @param world - the run
 * @param timer - the notice timer (its reason is the defect)
 */
export function defectNoticed(world: World, timer: Task): void {
  const need = timer.need as Need;
  const reason = timer.reason;
  const cause = timer.cause;
  world.releaseTask(timer);
  need.awaitingCitizen = 0;
  if (need.status !== NeedStatus.open) return;
  world.journal.log(need, JournalEvent.noticed, world.now, -1, reason, 0, 0, 1, 0);
  world.moves.attempt(world, need, reason, 0, cause);
}

/**
 * Self-service met the need (phase 1).
 *
 * @param world - the run
 * @param timer - the timer
 */
export function selfServed(world: World, timer: Task): void {
  const need = timer.need as Need;
  world.releaseTask(timer);
  resolveNeed(world, need);
}

/**
 * The need is met.
 *
 * @param world - the run
 * @param need - the need
 */
export function resolveNeed(world: World, need: Need): void {
  finalise(world, need, NeedStatus.resolved);
}

/**
 * The citizen gives the need up (M11).
 *
 * @param world - the run
 * @param need - the need
 */
export function abandonNeed(world: World, need: Need): void {
  finalise(world, need, NeedStatus.abandoned);
}

function finalise(world: World, need: Need, status: number): void {
  if (need.status !== NeedStatus.open) return;
  need.status = status;
  need.endAt = world.now;
  world.live--;
  world.releaseOwner(need);
  world.moves.disarmChasing(world, need);
  if (status === NeedStatus.resolved && world.recorder.inWindow(world.now)) world.recorder.resolvedInWindow++;
  world.series?.ended(status, world.now, need.arrival);
  need.expression = decideExpression(need, world.scenario.citizens.complaintPropensity, world.bank(need, U.expression));
  world.journal.log(need, JournalEvent.ended, world.now, -1, 0, 0, 0, 0, status);
  world.journal.log(need, JournalEvent.expressed, world.now, -1, 0, 0, 0, 0, need.expression);
  if (need.expression === Expression.complaint) {
    need.afterCare = 1;
    // a need ends once: its complaint's delay is in its bank
    const delay = world.sample(need, world.scenario.citizens.returnDelay, U.complaintDelay, true);
    world.after(delay, need, Timer.attempt, Reason.complaint, 0, Cause.badExperience);
    return;
  }
  writeRecord(world, need);
}

/**
 * A complaint contact was handled at the front: the back office handles the complaint, then
 * the need's record is written.
 *
 * @param world - the run
 * @param need - the need
 */
export function complaintHandling(world: World, need: Need): void {
  const team = world.plans[need.service]!.backOffice;
  const task = world.newTask(need, TaskCode.complaint, Reason.complaint, true);
  world.submit(task, team, world.scenario.mechanisms.complaintMinutes, 0);
}

/**
 * The complaint is handled.
 *
 * @param world - the run
 * @param task - the complaint task
 */
export function complaintDone(world: World, task: Task): void {
  const need = task.need as Need;
  world.releaseTask(task);
  need.afterCare = 0;
  writeRecord(world, need);
}

function writeRecord(world: World, need: Need): void {
  if (need.cohort === 1) {
    world.recorder.need(need);
    need.recordDue = 0;
    if (--world.cohortOpen === 0 && world.now >= world.options.horizonMinutes) world.sim.stop();
  }
  world.releaseNeed(need);
}

/**
 * Writes the rows of cohort needs still open (or in after-care) when the run ends.
 *
 * @param world - the run
 */
export function writeOpenRecords(world: World): void {
  for (const need of world.openCohortNeeds()) {
    const open = need.status === NeedStatus.open;
    world.recorder.need(need, open);
    need.recordDue = 0;
  }
  world.cohortOpen = 0;
}
