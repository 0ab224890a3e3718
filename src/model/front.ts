/**
 * Phase 2 at the front line: contact attempts, phone queues with abandonment and redial
 * (M11), handling-time targets that cut work short (M3), and the front line's scope: log and
 * pass, or absorb the variety of demand at the first contact (M2).
 *
 * @packageDocumentation
 */
import { CHANNELS, type ChannelRule } from "../scenario/types.js";
import { Cause, isFailureReason, Outcome, Reason, Task as TaskCode } from "./codes.js";
import { NeedStatus } from "./codes.js";
import type { Need } from "./need.js";
import { CutReturn, HangUp, Repeated, U, noteClosing } from "./need.js";
import type { Task } from "./task.js";
import { Timer } from "./timers.js";
import { JournalEvent } from "./journal.js";
import type { World } from "./world.js";

const PHONE = CHANNELS.indexOf("phone");
const EMAIL = CHANNELS.indexOf("email");
const VISIT = CHANNELS.indexOf("visit");

/**
 * Front minutes for a contact that is not about the need's own work (a chase, a question about
 * a letter, a report of a defect, a complaint), as a share of the need's front work (GUESS 0.5).
 */
export const SIDE_CONTACT_SHARE = 0.5;

/**
 * Citizens who find a phone line or desk closed get in touch at a uniformly random time in the
 * next opening period, ending this many minutes before closing (GUESS).
 */
export const CLOSING_MARGIN_MINUTES = 15;

/** Where the failure behind a contact arose (the touchpoint that caused it). */
function originOf(world: World, need: Need, reason: number): number {
  switch (reason) {
    case Reason.firstRequest:
      return -1;
    case Reason.progressChasing:
    case Reason.complaint:
      return world.holder(need);
    case Reason.reopened:
    case Reason.notDoneRight:
      return need.defectTeam >= 0 ? need.defectTeam : world.holder(need);
    default:
      return need.origin >= 0 ? need.origin : world.holder(need);
  }
}

/** Reasons whose contact carries the need's main flow (as opposed to side contacts). */
function isMainFlow(reason: number): boolean {
  return reason === Reason.firstRequest || reason === Reason.repeatUnresolved || reason === Reason.wrongPlace ||
    reason === Reason.reopened || reason === Reason.notDoneRight;
}

/**
 * The citizen contacts the front line now, by the need's channel.
 *
 * @param world - the run
 * @param need - the need
 * @param reason - why (a Reason code)
 * @param first - 1 for the need's first contact
 * @param cause - for failure demand, the mechanism behind it (a `Cause` code); 0 for value demand
 * @example
 * ```ts
 * // internal: attempt(world, need, Reason.firstRequest, 1, Cause.none)
 * ```
 */
export function attempt(world: World, need: Need, reason: number, first: number, cause: number): void {
  if (need.status !== NeedStatus.open && reason !== Reason.complaint) return;
  const team = world.frontTeam[need.channel] as number;
  const live = need.channel === PHONE || need.channel === VISIT;
  const front = world.teams[team]!;
  const rule = world.rules[need.channel] as ChannelRule;
  if (live && rule.whenClosed === "comeBack" && !front.isStaffed()) {
    // the citizen gets in touch at some time during the next opening period (uniformly); a desk
    // whose people are all away is met as closed, and tried again at its next opening
    const opens = front.openingHours.nextOpening(front.isOpen() ? front.openingHours.nextClosing(world.now) : world.now);
    if (opens === Infinity) return;
    const closes = Math.min(front.openingHours.nextClosing(opens), opens + 1440);
    const slot = world.repeatedSlot(need, Repeated.closedLine);
    const u = world.uniform(need, slot, slot >= 0);
    const at = opens + u * Math.max(0, closes - opens - CLOSING_MARGIN_MINUTES);
    world.journal.log(need, JournalEvent.closedLine, world.now, team, reason, at - world.now, 0, 0, 0);
    world.after(at - world.now, need, Timer.attempt, reason, first, cause);
    return;
  }
  const task = world.newTask(need, TaskCode.contact, reason, isFailureReason(reason));
  task.first = first;
  task.origin = originOf(world, need, reason);
  task.cause = isFailureReason(reason) ? cause : Cause.none;
  const minutes = decideContact(world, need, task);
  // a citizen's patience is theirs: drawn once when the need arose (common random numbers); it
  // counts from joining the line (by default; for a contact made while the team is closed, from
  // its opening) or from now, the moment of contact (channel rules)
  let patience = live ? need.patience : need.writtenPatience;
  if (patience < Infinity && rule.patienceFrom === "joining" && !front.isOpen()) {
    patience += front.openingHours.nextOpening(world.now) - world.now;
  }
  if (need.channel === PHONE && world.recorder.inWindow(world.now)) world.recorder.phoneAttempts++;
  // live contacts (phone, visit) are answered before written ones waiting in the same team
  world.submit(task, team, minutes, live ? 0 : 1, patience);
}

/** Decides how long a contact takes and how it will end; stores the outcome in the task. */
function decideContact(world: World, need: Need, task: Task): number {
  const policy = world.policy;
  const plan = world.plans[need.service]!;
  const mechanisms = world.scenario.mechanisms;
  if (task.reason !== Reason.firstRequest && task.reason !== Reason.repeatUnresolved) {
    task.outcome = Outcome.handled;
    return need.frontMinutes * SIDE_CONTACT_SHARE;
  }
  // a broad repertoire takes longer to diagnose from (breadth costs)
  let minutes = need.frontMinutes * plan.frontTimeFactor;
  const helps = need.isCase && !need.complete && policy.completenessCheck === "firstContact";
  if (helps) minutes += mechanisms.completenessHelpMinutes;
  const target = plan.frontTarget;
  // the first contact (and its redials) has its own slots; later ones are the need's own draws
  const firstTime = task.first === 1;
  const front = world.frontTeam[need.channel] as number;
  if (minutes > target) {
    const slot = firstTime ? U.frontCut : world.repeatedSlot(need, Repeated.repeatCut);
    const u = world.uniform(need, slot, slot >= 0);
    if (u < policy.handlingTime.cutShortProbability && world.fails(front)) {
      minutes = target;
      // cut short: the request is left unresolved, or what was done in the time was enough (M3)
      if (world.uniform(need, U.cutUnresolved, firstTime) < mechanisms.cutUnresolvedProbability) {
        task.outcome = Outcome.unresolved;
        need.origin = front;
        return minutes;
      }
    }
  }
  if (need.isCase) task.outcome = Outcome.handled;
  else if (need.typeRank < plan.frontRepertoire) {
    task.outcome = Outcome.resolved;
    // beyond the basic repertoire an answer may be wrong or incomplete (breadth's failure mode)
    const p = plan.wrongAnswer[need.typeRank] as number;
    if (p > 0 && world.uniform(need, U.wrongAnswer, firstTime) < p && world.fails(front)) task.defect = Cause.wrongAnswer;
  } else task.outcome = Outcome.handled;
  return minutes;
}

/**
 * A front contact is finished: record it and move the need on.
 *
 * @param world - the run
 * @param task - the contact task
 */
export function contactDone(world: World, task: Task): void {
  const need = task.need as Need;
  world.recorder.contact(need, task.team, need.channel, task.reason, task.outcome, task.queuedAt, task.wait, task.minutes, task.origin, task.cause);
  world.journal.log(need, JournalEvent.contact, task.queuedAt, task.team, task.reason, task.wait, task.minutes, task.failure, task.outcome, task.origin, -1, task.cause);
  need.contacts++;
  // the citizen's effort: time waiting on the line or at the desk, and the contact itself
  need.effort += task.wait * (need.channel === PHONE || need.channel === VISIT ? 1 : 0) + task.minutes;
  if (task.failure) need.failureContacts++;
  if (task.first) need.contacted = 1;
  const reason = task.reason;
  const outcome = task.outcome;
  const first = task.first;
  const defect = task.defect;
  const team = task.team;
  world.releaseTask(task);
  if (need.status !== NeedStatus.open && reason !== Reason.complaint) return;
  switch (reason) {
    case Reason.firstRequest:
    case Reason.repeatUnresolved:
      return afterOwnContact(world, need, outcome, first, defect, team);
    case Reason.wrongPlace:
      return world.moves.passEnquiry(world, need);
    case Reason.progressChasing:
      if (world.policy.frontOffice.scope === "logAndPass") passChaseNote(world, need);
      return world.moves.nextChase(world, need);
    case Reason.reopened:
    case Reason.notDoneRight:
      return need.isCase ? world.moves.rework(world, need) : world.moves.answerAgain(world, need);
    case Reason.complaint:
      return world.moves.complaintHandling(world, need);
    default:
      return;
  }
}

function afterOwnContact(world: World, need: Need, outcome: number, first: number, defect: number, team: number): void {
  if (outcome === Outcome.resolved) {
    noteClosing(need, world.now);
    if (defect !== 0) {
      // the citizen leaves with a wrong or incomplete answer, believing the need met: it is
      // settled like a closed case whose defect the citizen may notice later
      need.defect = Reason.notDoneRight;
      need.defectCause = defect;
      need.defectTeam = team;
      need.defectStep = -1;
      const firstClosing = need.closedAt < 0;
      if (firstClosing) need.closedAt = world.now;
      return world.moves.settle(world, need, firstClosing);
    }
    if (first) need.firstContactResolved = 1;
    return world.moves.resolveNeed(world, need);
  }
  if (outcome === Outcome.unresolved) {
    if (need.isCase) {
      // intake cut short: the case goes on, but what the citizen said was not all taken down
      need.infoLost = 1;
      return world.moves.startCase(world, need, true);
    }
    // a cut enquiry may be logged and passed on (or its expertise pulled) instead of left to the citizen
    if (world.uniform(need, U.cutPassOn, first === 1) < world.scenario.mechanisms.cutPassOnProbability) {
      if (world.policy.frontOffice.scope === "resolve") return world.moves.pullConsult(world, need);
      need.infoLost = 1;
      return world.moves.passEnquiry(world, need);
    }
    return failedAttempt(world, need);
  }
  if (need.isCase) return world.moves.startCase(world, need, true);
  if (world.policy.frontOffice.scope === "resolve") return world.moves.pullConsult(world, need);
  return world.moves.passEnquiry(world, need);
}

/**
 * An enquiry was cut short: the citizen may give up the need (M11), else comes back with
 * probability `returnProbability` after `returnDelay`; a citizen who does not come back has
 * given up too. The draws are the need's own (the first times from its bank).
 */
function failedAttempt(world: World, need: Need): void {
  need.failedAttempts++;
  const citizens = world.scenario.citizens;
  const at = world.repeatedSlot(need, Repeated.cutReturn);
  const bank = at >= 0;
  const giveUp = world.uniform(need, at + CutReturn.giveUp, bank) < citizens.giveUpProbability;
  const comesBack = world.uniform(need, at + CutReturn.comesBack, bank) < citizens.returnProbability;
  const delay = world.sample(need, citizens.returnDelay, at + CutReturn.delay, bank);
  if (giveUp || !comesBack) return world.moves.abandonNeed(world, need);
  world.after(citizens.returnDelay.mean > 0 ? delay : 0, need, Timer.attempt, Reason.repeatUnresolved, 0, Cause.cutShort);
}

/** Under log and pass, the front cannot see the case: it passes a note to the back office. */
function passChaseNote(world: World, need: Need): void {
  const plan = world.plans[need.service]!;
  const team = need.owner >= 0 ? need.owner : plan.backOffice;
  const note = world.newTask(need, TaskCode.chaseNote, Reason.progressChasing, true);
  world.submit(note, team, world.scenario.mechanisms.chaseNoteMinutes, 0);
}

/**
 * A caller hung up in the queue (M11): record it, then give up, redial, or drop the contact. A
 * written contact that outlasted a written patience (channel rules) is abandoned the same way:
 * the citizen gives up the need, or writes again after `redialDelay` (a redial and writing
 * instead are the same for them).
 *
 * @param world - the run
 * @param task - the abandoned contact
 */
export function contactAbandoned(world: World, task: Task): void {
  const need = task.need as Need;
  world.recorder.contact(need, task.team, need.channel, task.reason, Outcome.abandoned, task.queuedAt, task.wait, 0, task.origin, task.cause);
  world.journal.log(need, JournalEvent.contact, task.queuedAt, task.team, task.reason, task.wait, 0, task.failure, Outcome.abandoned, task.origin, -1, task.cause);
  if (need.channel === PHONE && world.recorder.inWindow(task.queuedAt)) world.recorder.phoneAbandoned++;
  const reason = task.reason;
  const first = task.first;
  const cause = task.cause;
  // waiting on the line or at the desk is the citizen's effort; an unanswered e-mail is not
  if (task.channel === PHONE || task.channel === VISIT) need.effort += task.wait;
  world.releaseTask(task);
  if (need.status !== NeedStatus.open && reason !== Reason.complaint) return;
  const citizens = world.scenario.citizens;
  need.failedAttempts++;
  // the need's own draws: the first hang-ups' from its bank, later ones from its stream
  const at = world.repeatedSlot(need, Repeated.hangUp);
  const bank = at >= 0;
  const giveUp = world.uniform(need, at + HangUp.giveUp, bank) < citizens.giveUpProbability;
  const redials = world.uniform(need, at + HangUp.redial, bank) < citizens.redialProbability;
  const delay = world.sample(need, citizens.redialDelay, at + HangUp.delay, bank);
  if (isMainFlow(reason) && giveUp) return world.moves.abandonNeed(world, need);
  if (redials) {
    world.after(delay, need, Timer.attempt, reason, first, cause);
    return;
  }
  // one who does not call again writes instead (an e-mail waits in line but is never dropped);
  // only the per-attempt chance above gives a need up (M11)
  if (isMainFlow(reason) || reason === Reason.complaint) {
    // an e-mail waits with the citizen's e-mail patience (an e-form's patience stays with the form)
    need.channel = EMAIL;
    need.writtenPatience = need.emailPatience;
    world.after(delay, need, Timer.attempt, reason, first, cause);
    return;
  }
  if (reason === Reason.progressChasing) world.moves.nextChase(world, need);
}

/**
 * A delayed contact attempt is due.
 *
 * @param world - the run
 * @param timer - the timer task (carries reason and first flag)
 */
export function attemptDue(world: World, timer: Task): void {
  const need = timer.need as Need;
  const reason = timer.reason;
  const first = timer.first;
  const cause = timer.cause;
  world.releaseTask(timer);
  attempt(world, need, reason, first, cause);
}
