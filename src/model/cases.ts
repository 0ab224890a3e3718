/**
 * Phase 2 behind the front line: enquiries passed on (log and pass) or pulled as consults
 * (resolve at the first point of contact); case steps with hand-offs that lose information or
 * go to the wrong place (M4), batches (M6), completeness checks and requests for missing
 * information (M7), work cut short at step targets (M3), failed work (M8) and rework.
 *
 * @packageDocumentation
 */
import { Cause, NeedStatus, Reason, Task as TaskCode } from "./codes.js";
import { STEP_ROLES, StepRole, U, noteClosing, noteReopen, type Need } from "./need.js";
import { nextRelease } from "./servicePlan.js";
import type { Task } from "./task.js";
import { Timer } from "./timers.js";
import { JournalEvent } from "./journal.js";
import type { World } from "./world.js";

/** Task outcome codes used to tell the two kinds of clarification apart. */
const INFO_LOSS = 0;
const COMPLETENESS = 1;
/** Task outcome code of step work done as a consult (pulled expertise, relayed to the owner). */
const CONSULT = 1;

/** Where pulled expertise waits in the specialist's line (the policy's `consultPriority`). */
function consultPriority(world: World): number {
  return world.policy.consultPriority === "first" ? -1 : 0;
}

/**
 * A case (application) enters the flow, from the front line or straight from an e-form.
 *
 * @param world - the run
 * @param need - the need
 * @param viaFront - whether the citizen came through a front-line contact
 * @example
 * ```ts
 * // internal: startCase(world, need, true)
 * ```
 */
export function startCase(world: World, need: Need, viaFront: boolean): void {
  const mechanisms = world.scenario.mechanisms;
  if (viaFront && !need.complete && world.policy.completenessCheck === "firstContact") {
    if (world.bank(need, U.completenessHelp) < mechanisms.completenessHelpSuccess) need.complete = 1;
  }
  if (need.complete) need.completeAt = world.now;
  if (need.registeredAt < 0) need.registeredAt = world.now;
  need.step = -1;
  if (world.policy.progressInformation === "proactive") {
    // the first update before the citizen would start to wonder, then one every interval
    const m = world.scenario.mechanisms;
    const expectation = world.plans[need.service]!.spec.expectationMinutes;
    world.after(Math.min(m.updateIntervalMinutes, m.firstUpdate * expectation), need, Timer.update);
  }
  proceed(world, need);
}

/**
 * Moves a case to the next step it passes (specialist steps only for needs that need
 * expertise), or closes it after the last one.
 *
 * @param world - the run
 * @param need - the need
 */
export function proceed(world: World, need: Need): void {
  const steps = world.plans[need.service]!.steps;
  let k = need.step + 1;
  while (k < steps.length && steps[k]!.specialist && !need.needsSpecialist) k++;
  if (k >= steps.length) return world.moves.finishCase(world, need);
  need.step = k;
  sendToStep(world, need, k, false);
}

/** Sends a case to step k: a hand-off if the team changes, a consult if expertise is pulled. */
function sendToStep(world: World, need: Need, k: number, isRework: boolean): void {
  const plan = world.plans[need.service]!;
  const step = plan.steps[k]!;
  const mechanisms = world.scenario.mechanisms;
  const team = plan.stepTeam[k] as number;
  const consult = world.policy.caseHandling === "caseOwner" && step.specialist;
  const handOff = !consult && team !== need.owner;
  if (handOff) {
    const base = U.stepBase + STEP_ROLES * k;
    const sender = world.holder(need);
    const fails = world.fails(sender);
    need.handoffs++;
    need.owner = team;
    world.journal.log(need, JournalEvent.handoff, world.now, team, 0, 0, 0, 0, k, -1, k);
    const uLoss = world.uniform(need, base + StepRole.infoLoss, !isRework);
    if (uLoss < mechanisms.handoffInfoLoss && fails) {
      need.infoLost = 1;
      need.origin = sender;
    }
    const uMis = world.uniform(need, base + StepRole.misroute, !isRework);
    if (uMis < mechanisms.misrouteProbability && fails) {
      need.origin = sender;
      const bounce = world.newTask(need, TaskCode.misroute, Reason.wrongPlace, true);
      bounce.step = k;
      bounce.first = isRework ? 1 : 0;
      world.submitAt(releaseTime(world, need, k, true), bounce, team, mechanisms.misrouteMinutes, 0);
      return;
    }
  }
  submitStep(world, need, k, isRework, consult, handOff);
}

/**
 * When work for step k joins its team's line: at the next batch sweep (M6) if it lands in the
 * team's inbox (a hand-off, or a reply from the citizen), at once if the same team goes on
 * with the case; and never before the step's next structural run.
 */
function releaseTime(world: World, need: Need, k: number, inbox: boolean): number {
  const plan = world.plans[need.service]!;
  let at = inbox ? nextRelease(plan.stepBatch[k]!, world.now) : world.now;
  const scheduled = plan.stepScheduled[k];
  if (scheduled) at = nextRelease(scheduled, at);
  return at;
}

/** Queues the work of step k (or the clarification it needs first). */
function submitStep(world: World, need: Need, k: number, isRework: boolean, consult: boolean, inbox: boolean): void {
  const plan = world.plans[need.service]!;
  const step = plan.steps[k]!;
  const team = plan.stepTeam[k] as number;
  const mechanisms = world.scenario.mechanisms;
  const at = consult ? world.now : releaseTime(world, need, k, inbox);
  const field = plan.stepField[k] === true;
  const base = U.stepBase + STEP_ROLES * k;
  // on a step's first pass there is at most one clarification (the citizen's answer completes
  // the application too), so it has one set of bank slots; rework draws from the need's stream
  if (need.infoLost && !consult && !field) {
    const clarify = world.newTask(need, TaskCode.clarify, Reason.clarification, true);
    clarify.step = k;
    clarify.outcome = INFO_LOSS;
    clarify.first = isRework ? 1 : 0;
    world.submitAt(at, clarify, team, world.sample(need, mechanisms.clarificationWork, base + StepRole.clarifyWork, !isRework));
    return;
  }
  if (step.checksCompleteness && !need.complete) {
    const check = world.newTask(need, TaskCode.clarify, Reason.clarification, true);
    check.step = k;
    check.outcome = COMPLETENESS;
    world.submitAt(at, check, team, world.sample(need, mechanisms.clarificationWork, base + StepRole.clarifyWork, !isRework));
    return;
  }
  let minutes = world.stepMinutes(need, k) * (isRework ? mechanisms.reworkShare : 1);
  // what part-optimising buys: a case owner doing another team's step is slower than that
  // team's specialists; work swept in a batch shares its set-up
  if (!consult) minutes *= 1 + mechanisms.generalistPenalty * (plan.stepGeneralist[k] as number);
  if (at > world.now) minutes *= 1 - mechanisms.batchSetupSaving;
  const factor = world.policy.handlingTime.stepFactor;
  if (factor !== null && minutes > factor * step.work.mean) {
    const u = world.uniform(need, base + StepRole.cut, !isRework);
    if (u < world.policy.handlingTime.cutShortProbability && world.fails(team)) {
      minutes = factor * step.work.mean;
      // work stopped at the standard time is left undone or wrong, or what was done was enough (M3)
      if (world.uniform(need, base + StepRole.cutDefect, !isRework) < mechanisms.cutUnresolvedProbability) {
        need.defect = Reason.notDoneRight;
        need.defectCause = Cause.cutShort;
        need.defectStep = k;
        need.defectTeam = team;
      }
    }
  }
  const task = world.newTask(need, isRework ? TaskCode.rework : TaskCode.step, Reason.firstRequest, isRework);
  task.step = k;
  task.outcome = consult ? CONSULT : 0;
  if (consult) need.consults++;
  world.submitAt(at, task, team, minutes, consult ? consultPriority(world) : 0);
}

/**
 * A step (or its rework) is done: work may have failed (M8); then an external wait, the next
 * step, or closing.
 *
 * @param world - the run
 * @param task - the step task
 */
export function stepDone(world: World, task: Task): void {
  const need = task.need as Need;
  const k = task.step;
  const isRework = task.kind === TaskCode.rework;
  const team = task.team;
  const consult = task.outcome === CONSULT;
  world.releaseTask(task);
  if (need.status !== NeedStatus.open) return;
  const plan = world.plans[need.service]!;
  const step = plan.steps[k]!;
  const field = plan.stepField[k] === true;
  const failure = step.failureProbability;
  let lostFailure = 0;
  if (need.infoLost && field) {
    lostFailure = world.scenario.mechanisms.infoLossFailure;
    need.infoLost = 0;
  }
  const base = U.stepBase + STEP_ROLES * k;
  const u = world.uniform(need, base + StepRole.fail, !isRework);
  if (u < failure + lostFailure && world.fails(team)) {
    need.defect = Reason.notDoneRight;
    // the step's own failure rate first; the extra chance from information lost upstream after it
    need.defectCause = u < failure ? (field ? Cause.fieldFailure : Cause.workFailed) : Cause.infoLoss;
    need.defectStep = k;
    need.defectTeam = team;
  }
  if (consult) {
    // the specialist's answer goes back into the case through its owner (relay), who may miss something
    const relay = world.newTask(need, TaskCode.relay, Reason.firstRequest, false);
    relay.step = k;
    relay.first = isRework ? 1 : 0;
    world.submit(relay, world.holder(need), world.scenario.mechanisms.consultRelayMinutes, 0);
    return;
  }
  afterStep(world, need, k, isRework);
}

/** After a step's work (and any relay of a consult): rework closes again; else an outside wait or the next step. */
function afterStep(world: World, need: Need, k: number, isRework: boolean): void {
  if (isRework) return world.moves.finishCase(world, need);
  const step = world.plans[need.service]!.steps[k]!;
  if (step.externalWait !== null) {
    // a step's outside wait comes once, on its first pass: the need's own bank slots
    const wait = world.sample(need, step.externalWait, U.stepBase + STEP_ROLES * k + StepRole.externalWait, true);
    world.journal.log(need, JournalEvent.externalWait, world.now, -1, 0, wait, 0, 0, k, -1, k);
    world.after(wait, need, Timer.external);
    return;
  }
  proceed(world, need);
}

/**
 * A consult's answer was relayed (to the citizen by the front line for an enquiry, into the case
 * by its owner for a step): something may have been lost in the relay, leaving a defect.
 *
 * @param world - the run
 * @param task - the relay task
 */
export function relayDone(world: World, task: Task): void {
  const need = task.need as Need;
  const k = task.step;
  const again = task.first === 1;
  const team = task.team;
  world.releaseTask(task);
  if (need.status !== NeedStatus.open) return;
  const slot = k < 0 ? U.relayLoss : U.stepBase + STEP_ROLES * k + StepRole.relayLoss;
  const lost = world.uniform(need, slot, !again) < world.scenario.mechanisms.consultRelayLoss && world.fails(team);
  if (k < 0) {
    need.outbound++;
    noteClosing(need, world.now);
    if (!lost) return world.moves.resolveNeed(world, need);
    // the citizen got an answer with a gap in it and may find out later
    need.defect = Reason.notDoneRight;
    need.defectCause = Cause.consultLoss;
    need.defectTeam = team;
    need.defectStep = -1;
    const firstClosing = need.closedAt < 0;
    if (firstClosing) need.closedAt = world.now;
    return world.moves.settle(world, need, firstClosing);
  }
  if (lost) {
    // like a cut or a failure, the latest defect is the one the citizen will notice
    need.defect = Reason.notDoneRight;
    need.defectCause = Cause.consultLoss;
    need.defectStep = k;
    need.defectTeam = team;
  }
  afterStep(world, need, k, again);
}

/**
 * A clarification with the citizen is done (information lost at a hand-off, or an incomplete
 * application): the citizen answers after a delay; a letter may prompt a "what does this
 * mean?" call (M7).
 *
 * @param world - the run
 * @param task - the clarification task
 */
export function clarifyDone(world: World, task: Task): void {
  const need = task.need as Need;
  const k = task.step;
  const completeness = task.outcome === COMPLETENESS;
  const isRework = task.first;
  const team = task.team;
  world.releaseTask(task);
  if (need.status !== NeedStatus.open) return;
  need.outbound++;
  need.clarifications++;
  const citizens = world.scenario.citizens;
  const mechanisms = world.scenario.mechanisms;
  const letter = completeness && world.policy.completenessCheck === "backOfficeLetter";
  if (completeness) need.stops++;
  const base = U.stepBase + STEP_ROLES * k;
  const bank = isRework === 0;
  const delay = world.sample(need, letter ? citizens.responseDelay : mechanisms.clarificationDelay, base + StepRole.citizenDelay, bank);
  const unclear = world.uniform(need, base + StepRole.letterUnclear, bank);
  const callAt = world.uniform(need, base + StepRole.unclearCall, bank);
  if (!completeness) need.retells++;
  if (letter && unclear < citizens.letterUnclearProbability && world.fails(team)) {
    need.origin = team;
    world.after(delay * callAt, need, Timer.attempt, Reason.clarification, 0, Cause.unclearLetter);
  }
  need.awaitingCitizen = 1;
  need.pauseAt = world.now;
  world.journal.log(need, JournalEvent.citizenWait, world.now, -1, completeness ? 0 : Reason.clarification, delay, 0, 1, completeness ? 1 : 0);
  world.after(delay, need, Timer.response, completeness ? COMPLETENESS : INFO_LOSS, isRework);
  need.step = k;
}

/**
 * The citizen's answer arrives: the information is complete again and the step goes back in
 * its team's line (and through its batch, M6).
 *
 * @param world - the run
 * @param timer - the response timer
 */
export function responseArrived(world: World, timer: Task): void {
  const need = timer.need as Need;
  const isRework = timer.first === 1;
  world.releaseTask(timer);
  need.awaitingCitizen = 0;
  if (need.status !== NeedStatus.open) return;
  notePause(need, world.now);
  need.infoLost = 0;
  if (!need.complete) {
    need.complete = 1;
    if (need.completeAt < 0) need.completeAt = world.now;
  }
  submitStep(world, need, need.step, isRework, false, true);
}

/**
 * Adds the wait for the citizen's answer that ends at `now` to the need's paused minutes (for
 * the internal clocks; changes nothing in the run): to the pauses before the first closing
 * while it has not come, and to the pauses after the complete application while the closing
 * that stops that clock has not come. A wait ends with the application complete or began with
 * it complete, never both sides of it.
 */
function notePause(need: Need, now: number): void {
  if (need.pauseAt < 0) return;
  const paused = now - need.pauseAt;
  need.pauseAt = -1;
  if (need.firstClosedAt < 0) need.pausedBeforeFirstClosing += paused;
  if (need.completeAt >= 0 && (need.closedAt < 0 || need.closedAt < need.completeAt)) need.pausedAfterComplete += paused;
}

/**
 * Work that went to the wrong place has bounced back (M4): step work goes to its team again.
 *
 * @param world - the run
 * @param task - the misroute task
 */
export function misrouteDone(world: World, task: Task): void {
  const need = task.need as Need;
  const k = task.step;
  const isRework = task.first === 1;
  const callback = task.step < 0;
  world.releaseTask(task);
  if (need.status !== NeedStatus.open) return;
  if (callback) {
    // the citizen is told it is not for here and must get in touch again (after the first
    // pass, when from the need's bank; else from its stream)
    const returnDelay = world.sample(need, world.scenario.citizens.returnDelay, U.wrongPlaceDelay, !isRework);
    world.after(returnDelay, need, Timer.attempt, Reason.wrongPlace, 0, Cause.misroute);
    return;
  }
  // the wrong place hands the work on to where it belongs: a second hand-off
  need.handoffs++;
  world.journal.log(need, JournalEvent.handoff, world.now, world.plans[need.service]!.stepTeam[k] as number, 0, 0, 0, 0, k, -1, k);
  submitStep(world, need, k, isRework, false, true);
}

/**
 * An external wait is over: on to the next step.
 *
 * @param world - the run
 * @param timer - the timer
 */
export function externalDone(world: World, timer: Task): void {
  const need = timer.need as Need;
  world.releaseTask(timer);
  if (need.status !== NeedStatus.open) return;
  proceed(world, need);
}

/**
 * Log and pass (M2, M4): the front passes an enquiry it could not resolve to the back office
 * for a call-back; the hand-off may lose information or go to the wrong place.
 *
 * @param world - the run
 * @param need - the need
 */
export function passEnquiry(world: World, need: Need): void {
  const plan = world.plans[need.service]!;
  const mechanisms = world.scenario.mechanisms;
  const again = need.owner === plan.backOffice;
  const sender = world.frontTeam[need.channel] as number;
  const fails = world.fails(sender);
  need.handoffs++;
  need.owner = plan.backOffice;
  world.journal.log(need, JournalEvent.handoff, world.now, plan.backOffice, 0, 0, 0, 0, -1);
  if (world.uniform(need, U.callbackInfoLoss, !again) < mechanisms.handoffInfoLoss && fails) {
    need.infoLost = 1;
    need.origin = sender;
  }
  const at = nextRelease(plan.callbackBatch, world.now);
  if (world.uniform(need, U.frontMisroute, !again) < mechanisms.misrouteProbability && fails) {
    need.origin = sender;
    const bounce = world.newTask(need, TaskCode.misroute, Reason.wrongPlace, true);
    bounce.step = -1;
    bounce.first = again ? 1 : 0;
    world.submitAt(at, bounce, plan.backOffice, mechanisms.misrouteMinutes);
    return;
  }
  let extra = 0;
  if (need.infoLost === 1) {
    // the call-back first recovers what was lost: "tell me again" (failure work)
    extra = world.sample(need, mechanisms.clarificationWork, U.callbackClarifyWork, !again);
    need.retells++;
    need.infoLost = 0;
  }
  const task = world.newTask(need, TaskCode.callback, Reason.firstRequest, false);
  task.failureMinutes = extra;
  world.submitAt(at, task, plan.backOffice, need.backMinutes + extra);
  world.moves.armChasing(world, need, world.now + mechanisms.callbackExpectationMinutes);
}

/**
 * Resolve at the first point of contact (M2): the front keeps the need and pulls the back
 * office's expertise as a consult (`consultShare` of the back office's work) that waits in its
 * line by the policy's `consultPriority`; the front then relays the answer to the citizen.
 *
 * @param world - the run
 * @param need - the need
 */
export function pullConsult(world: World, need: Need): void {
  const plan = world.plans[need.service]!;
  const task = world.newTask(need, TaskCode.consult, Reason.firstRequest, false);
  need.consults++;
  world.submit(task, plan.backOffice, world.scenario.mechanisms.consultShare * need.backMinutes, consultPriority(world));
  world.moves.armChasing(world, need, world.now + world.scenario.mechanisms.callbackExpectationMinutes);
}

/**
 * A call-back answered the enquiry (log and pass: the back office calls the citizen itself):
 * the need is met.
 *
 * @param world - the run
 * @param task - the callback task
 */
export function answerDone(world: World, task: Task): void {
  const need = task.need as Need;
  world.releaseTask(task);
  if (need.status !== NeedStatus.open) return;
  need.outbound++;
  noteClosing(need, world.now);
  world.moves.resolveNeed(world, need);
}

/**
 * A consult for an enquiry is done: the front line that kept the need relays the answer.
 *
 * @param world - the run
 * @param task - the consult task
 */
export function consultDone(world: World, task: Task): void {
  const need = task.need as Need;
  const again = need.reopened === 1 ? 1 : 0;
  world.releaseTask(task);
  if (need.status !== NeedStatus.open) return;
  const relay = world.newTask(need, TaskCode.relay, Reason.firstRequest, false);
  relay.step = -1;
  relay.first = again;
  world.submit(relay, world.frontTeam[need.channel] as number, world.scenario.mechanisms.consultRelayMinutes, 1);
}

/**
 * The citizen reported that an enquiry's answer was wrong or incomplete: the front line now
 * pulls the expertise (resolve) or passes the enquiry on (log and pass).
 *
 * @param world - the run
 * @param need - the need
 */
export function answerAgain(world: World, need: Need): void {
  noteReopen(need, world.now);
  need.reworks++;
  need.reopened = 1;
  need.defect = 0;
  need.defectCause = 0;
  if (world.policy.frontOffice.scope === "resolve") return pullConsult(world, need);
  passEnquiry(world, need);
}

/**
 * A defect was reported (reopened, or not done right): the last step is redone.
 *
 * @param world - the run
 * @param need - the need
 */
export function rework(world: World, need: Need): void {
  noteReopen(need, world.now);
  need.reworks++;
  need.reopened = 1;
  need.defect = 0;
  need.defectCause = 0;
  world.moves.armChasing(world, need, world.now + world.scenario.mechanisms.callbackExpectationMinutes);
  // redo the step where the defect arose (a premature closure redoes the last step)
  const k = need.defectStep >= 0 ? need.defectStep : Math.max(0, need.step);
  need.defectStep = -1;
  sendToStep(world, need, k, true);
}

/**
 * Rework found before closing (a citizen who confirms catches the defect): redo the last step.
 *
 * @param world - the run
 * @param need - the need
 */
export function reworkBeforeClosing(world: World, need: Need): void {
  need.reworks++;
  need.defect = 0;
  need.defectCause = 0;
  const k = need.defectStep >= 0 ? need.defectStep : Math.max(0, need.step);
  need.defectStep = -1;
  submitStep(world, need, k, true, false, false);
}

function scheduleUpdate(world: World, need: Need): void {
  world.after(world.scenario.mechanisms.updateIntervalMinutes, need, Timer.update);
}

/**
 * A proactive progress update is due (progress information "proactive"): a short task for
 * the case's owner, then the next update.
 *
 * @param world - the run
 * @param timer - the timer
 */
export function updateDue(world: World, timer: Task): void {
  const need = timer.need as Need;
  world.releaseTask(timer);
  if (need.status !== NeedStatus.open) return;
  // one update at a time: while the last one still waits in the owner's line, none is added
  if (need.updatePending === 0) {
    const team = need.owner >= 0 ? need.owner : world.plans[need.service]!.backOffice;
    const task = world.newTask(need, TaskCode.update, Reason.firstRequest, false);
    need.updatePending = 1;
    // in the owner's line like other work (first come, first served)
    world.submit(task, team, world.scenario.mechanisms.updateMinutes, 0);
  }
  scheduleUpdate(world, need);
}

/**
 * A proactive update was given.
 *
 * @param world - the run
 * @param task - the update task
 */
export function updateDone(world: World, task: Task): void {
  const need = task.need as Need;
  world.releaseTask(task);
  need.outbound++;
  need.updatePending = 0;
  need.lastUpdateAt = world.now;
}

