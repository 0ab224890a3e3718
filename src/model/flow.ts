/**
 * The need's life as an explicit state machine: every transition in one table. A need is in
 * one of a few states (arising, at the front, in a case step, waiting for the citizen, waiting
 * outside, closing, settled, ended); an event (a task a team finished, a timer that fired, a
 * caller who hung up) moves it on through a handler in one mechanism file. The mechanism files
 * never import each other: when one needs another's move (a contact attempt, starting a case,
 * closing, chasing) it calls it through `world.moves`, which this file fills in. Adding a
 * mechanism means adding a row here and a handler in its file.
 *
 * @packageDocumentation
 */
import { Task as TaskCode } from "./codes.js";
import * as cases from "./cases.js";
import * as chasing from "./chasing.js";
import * as closure from "./closure.js";
import * as front from "./front.js";
import type { Need } from "./need.js";
import { Timer } from "./timers.js";
import type { TaskHandler, World } from "./world.js";

/**
 * The moves a mechanism file may ask of another, through `world.moves`: the only way the flow
 * crosses from one file to the next.
 */
export interface Moves {
  /** front.ts: the citizen contacts the front line now (reason, first-contact flag, cause). */
  readonly attempt: (world: World, need: Need, reason: number, first: number, cause: number) => void;
  /** cases.ts: a case enters the flow (from the front, or straight from an e-form). */
  readonly startCase: (world: World, need: Need, viaFront: boolean) => void;
  /** cases.ts: log and pass an enquiry to the back office. */
  readonly passEnquiry: (world: World, need: Need) => void;
  /** cases.ts: pull expertise for an enquiry as a consult. */
  readonly pullConsult: (world: World, need: Need) => void;
  /** cases.ts: an enquiry's answer was wrong: ask again. */
  readonly answerAgain: (world: World, need: Need) => void;
  /** cases.ts: a defect was reported after closing: redo the step. */
  readonly rework: (world: World, need: Need) => void;
  /** cases.ts: a confirming citizen caught a defect before closing: redo the step. */
  readonly reworkBeforeClosing: (world: World, need: Need) => void;
  /** closure.ts: the last step is done: close the case. */
  readonly finishCase: (world: World, need: Need) => void;
  /** closure.ts: closed or answered: a defect may be noticed later. */
  readonly settle: (world: World, need: Need, firstClosing: boolean) => void;
  /** closure.ts: the need is met. */
  readonly resolveNeed: (world: World, need: Need) => void;
  /** closure.ts: the citizen gives the need up. */
  readonly abandonNeed: (world: World, need: Need) => void;
  /** closure.ts: a complaint reached the front: the back office handles it. */
  readonly complaintHandling: (world: World, need: Need) => void;
  /** chasing.ts: the citizen's expectation runs out at `due` (by default the need's `expectationDue`). */
  readonly armChasing: (world: World, need: Need, due?: number) => void;
  /** chasing.ts: the next chase after one was made or skipped. */
  readonly nextChase: (world: World, need: Need) => void;
  /** chasing.ts: no more chasing. */
  readonly disarmChasing: (world: World, need: Need) => void;
}

/**
 * The moves, from their files.
 *
 * @example
 * ```ts
 * // internal: world.moves = MOVES (see wire)
 * ```
 */
export const MOVES: Moves = Object.freeze({
  attempt: front.attempt,
  startCase: cases.startCase,
  passEnquiry: cases.passEnquiry,
  pullConsult: cases.pullConsult,
  answerAgain: cases.answerAgain,
  rework: cases.rework,
  reworkBeforeClosing: cases.reworkBeforeClosing,
  finishCase: closure.finishCase,
  settle: closure.settle,
  resolveNeed: closure.resolveNeed,
  abandonNeed: closure.abandonNeed,
  complaintHandling: closure.complaintHandling,
  armChasing: chasing.armChasing,
  nextChase: chasing.nextChase,
  disarmChasing: chasing.disarmChasing,
});

/** One row of the state machine: in a state, an event moves the need on through a handler. */
export interface Transition {
  /** Where the need is when the event comes. */
  readonly state: string;
  /** A team finished a task of this kind, a timer of this kind fired, or a caller hung up. */
  readonly event: { readonly done: number } | { readonly timer: number } | { readonly hungUp: true };
  /** The handler (file: function) and what it decides. */
  readonly handler: TaskHandler;
  readonly does: string;
}

const release: TaskHandler = (world, task) => world.releaseTask(task);

/**
 * Every transition of a need's life. Each task kind and each timer kind has exactly one row
 * (`test/model/flow.test.ts`).
 *
 * @example
 * ```ts
 * // internal: TRANSITIONS.filter((t) => "timer" in t.event).length === 7
 * ```
 */
export const TRANSITIONS: readonly Transition[] = Object.freeze([
  { state: "at the front", event: { done: TaskCode.contact }, handler: front.contactDone, does: "front.ts: resolved, passed on, case started, cut short, chase answered, defect reported" },
  { state: "at the front", event: { hungUp: true }, handler: front.contactAbandoned, does: "front.ts: give up, redial, or write instead (M11)" },
  { state: "in a case step", event: { done: TaskCode.step }, handler: cases.stepDone, does: "cases.ts: failed work (M8), a consult's relay, an outside wait, the next step or closing" },
  { state: "in a case step", event: { done: TaskCode.rework }, handler: cases.stepDone, does: "cases.ts: the redone step, then closing again" },
  { state: "passed on", event: { done: TaskCode.callback }, handler: cases.answerDone, does: "cases.ts: the back office answered the enquiry: met" },
  { state: "expertise pulled", event: { done: TaskCode.consult }, handler: cases.consultDone, does: "cases.ts: the front relays the consult's answer" },
  { state: "expertise pulled", event: { done: TaskCode.relay }, handler: cases.relayDone, does: "cases.ts: the answer relayed, perhaps with a gap (consultLoss)" },
  { state: "in a case step", event: { done: TaskCode.chaseNote }, handler: release, does: "a chase note answered: nothing moves" },
  { state: "in a case step", event: { done: TaskCode.clarify }, handler: cases.clarifyDone, does: "cases.ts: asked the citizen: wait for the answer (M4, M7)" },
  { state: "in a case step", event: { done: TaskCode.misroute }, handler: cases.misrouteDone, does: "cases.ts: back from the wrong place (M4)" },
  { state: "closing", event: { done: TaskCode.confirm }, handler: closure.confirmDone, does: "closure.ts: the citizen confirms, or a defect is caught" },
  { state: "in a case step", event: { done: TaskCode.update }, handler: cases.updateDone, does: "cases.ts: the citizen is informed" },
  { state: "ended", event: { done: TaskCode.complaint }, handler: closure.complaintDone, does: "closure.ts: the complaint handled: the record is written" },
  { state: "any", event: { timer: Timer.attempt }, handler: front.attemptDue, does: "front.ts: a contact attempt is due" },
  { state: "arising", event: { timer: Timer.selfServe }, handler: closure.selfServed, does: "closure.ts: self-service met the need" },
  { state: "open", event: { timer: Timer.chase }, handler: chasing.chaseDue, does: "chasing.ts: a chase is due (M9)" },
  { state: "waiting for the citizen", event: { timer: Timer.response }, handler: cases.responseArrived, does: "cases.ts: the citizen answered: the step goes on" },
  { state: "waiting outside", event: { timer: Timer.external }, handler: cases.externalDone, does: "cases.ts: the outside wait is over: the next step" },
  { state: "settled", event: { timer: Timer.notice }, handler: closure.defectNoticed, does: "closure.ts: the citizen noticed a defect and gets in touch" },
  { state: "in a case step", event: { timer: Timer.update }, handler: cases.updateDue, does: "cases.ts: a proactive update is due" },
]);

/**
 * Wires a run: the table's handlers into the world's dispatch, the moves into `world.moves`.
 *
 * @param world - the run
 * @example
 * ```ts
 * // internal: wire(world) before the run starts
 * ```
 */
export function wire(world: World): void {
  world.moves = MOVES;
  for (const t of TRANSITIONS) {
    if ("done" in t.event) world.onDone[t.event.done] = t.handler;
    else if ("timer" in t.event) world.onTimer[t.event.timer] = t.handler;
    else world.onRenege = t.handler;
  }
}
