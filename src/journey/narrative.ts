/**
 * A journey told in words, one line per event, for a teacher to read aloud: "Monday 09:14
 * (day 3) — calls the contact centre about building permit; waits 3 min; cut short after 4 min,
 * unresolved".
 *
 * @packageDocumentation
 */
import { EXPRESSION_NAMES, JournalEvent, NeedStatus, Outcome, Reason, Task } from "../model/index.js";
import { clockOf, spellDuration } from "./clock.js";
import type { RawEvent } from "./journalRows.js";

/** What a line needs besides the event. */
export interface LineContext {
  readonly service: string;
  readonly isCase: boolean;
  /** The name of a planned team ("the contact centre"), or "" for -1. */
  readonly team: (index: number) => string;
  /** Time before the event that the need waited for it to be picked up (minutes). */
  readonly idle: number;
  /** Minutes since the need arose. */
  readonly since: number;
  /** The team where a failure-demand contact's failure or wait arose, or "". */
  readonly origin: string;
  /** The readable name of a case step of the need's service ("neighbour hearing"), or "" for -1. */
  readonly step: (index: number) => string;
}

const VERB = ["calls", "visits", "e-mails", "sends a form to"];

const PURPOSE: Record<number, string> = {
  [Reason.firstRequest]: "about {s}",
  [Reason.progressChasing]: "to ask where things stand with {s}",
  [Reason.notDoneRight]: "about {s}: it was not done right",
  [Reason.clarification]: "to ask what a letter about {s} means",
  [Reason.wrongPlace]: "again about {s}, told it was not for the place it went to",
  [Reason.repeatUnresolved]: "again about {s}, as the last contact left it unresolved",
  [Reason.reopened]: "to reopen {s}: the problem is back",
  [Reason.complaint]: "to complain formally about {s}",
};

/** Failure demand caused by a wait rather than a failure: its origin is the team holding the need. */
const WAITED = new Set<number>([Reason.progressChasing, Reason.complaint]);

const SAYS = ["says nothing about it", "praises the service", "tells friends and family", "posts about it on social media", "decides to complain formally"];

/**
 * The line for one event, with its clock time.
 *
 * @param e - the event
 * @param ctx - names and times
 * @returns e.g. "Monday 09:14 (day 3) — calls the contact centre about building permit; ..."
 * @example
 * ```ts
 * describeEvent(e, ctx); //=> "Monday 09:14 (day 3) — calls the contact centre about general enquiries; resolved there and then in 6 min"
 * ```
 */
export function describeEvent(e: RawEvent, ctx: LineContext): string {
  const c = clockOf(e.time);
  return `${c.weekday} ${c.clock} (day ${c.day}) — ${what(e, ctx)}`;
}

function what(e: RawEvent, ctx: LineContext): string {
  const team = ctx.team(e.team);
  switch (e.code) {
    case JournalEvent.arose: {
      const kind = ctx.isCase ? " (an application)" : "";
      const found = e.detail === 1 ? "finds what they need" : "finds nothing usable";
      return `needs help with ${ctx.service}${kind}; searches for information for ${spellDuration(e.minutes)} and ${found}`;
    }
    case JournalEvent.contact:
      return contactLine(e, ctx, team);
    case JournalEvent.work:
      return workLine(e, team, ctx.idle, ctx.step(e.step));
    case JournalEvent.handoff:
      return e.step < 0 ? `the enquiry is passed to ${team} for a call-back` : `the case is handed on to ${team} for step ${e.step + 1}${named(ctx.step(e.step))}`;
    case JournalEvent.citizenWait:
      return e.reason === Reason.clarification
        ? `is asked to tell the story again (information lost on the way); answers after ${spellDuration(e.wait)}`
        : `is asked for missing information; it arrives after ${spellDuration(e.wait)}`;
    case JournalEvent.externalWait:
      return `waits ${spellDuration(e.wait)} for others outside the municipality${e.step >= 0 && ctx.step(e.step) !== "" ? ` during the ${ctx.step(e.step)}` : " (referrals, neighbours, bookings)"}`;
    case JournalEvent.closed:
      return `the case is closed by ${team || "the organisation"}${e.detail === 1 ? ", with a defect left in" : ""}`;
    case JournalEvent.noticed:
      return "notices that it was not done right";
    case JournalEvent.closedLine:
      return `finds ${team || "the line"} closed and will try again in ${spellDuration(e.wait)}`;
    case JournalEvent.ended:
      return e.detail === NeedStatus.resolved ? `the need is met, ${spellDuration(ctx.since)} after it arose` : `gives up, ${spellDuration(ctx.since)} after the need arose`;
    case JournalEvent.expressed:
      return `afterwards: ${SAYS[e.detail] ?? EXPRESSION_NAMES[e.detail] ?? "?"}`;
    default:
      return "something happens";
  }
}

/** The mechanism behind a failure-demand contact, in words, by `Cause` code (none for value demand). */
const CAUSE_WORDS: readonly string[] = [
  "",
  "work cut short at a target",
  "a wrong answer",
  "lost in relaying a consult",
  "information lost at a hand-off",
  "sent to the wrong place",
  "an unclear letter",
  "field work that failed",
  "work that failed",
  "closed too early",
  "closed to stop the clock",
  "waited past what was expected",
  "no update in time",
  "the case owner away",
  "a bad experience",
];

function contactLine(e: RawEvent, ctx: LineContext, team: string): string {
  const purpose = (PURPOSE[e.reason] ?? "about {s}").replace("{s}", ctx.service);
  const later = ctx.idle >= 0.5 && e.reason !== Reason.firstRequest ? `${spellDuration(ctx.idle)} later, ` : "";
  const why = CAUSE_WORDS[e.cause] ?? "";
  const where = ctx.origin === "" ? "" : WAITED.has(e.reason) ? `while the need was with ${ctx.origin}` : `caused at ${ctx.origin}`;
  const cause = why === "" && where === "" ? "" : ` (${[why, where].filter((x) => x !== "").join(", ")})`;
  const head = `${later}${VERB[e.channel] ?? "contacts"} ${team} ${purpose}${cause}`;
  if (e.detail === Outcome.abandoned) return `${head}; hangs up after waiting ${spellDuration(e.wait)}`;
  const parts = [head];
  if (e.wait >= 0.5) parts.push(e.channel <= 1 ? `waits ${spellDuration(e.wait)}` : `it waits ${spellDuration(e.wait)} to be read`);
  const m = spellDuration(e.minutes);
  if (e.detail === Outcome.resolved) parts.push(`resolved there and then in ${m}`);
  else if (e.detail === Outcome.unresolved) parts.push(`cut short after ${m}, unresolved`);
  else parts.push(`handled in ${m}`);
  return parts.join("; ");
}

const WORK: Record<number, string> = {
  [Task.step]: "case work",
  [Task.callback]: "a call-back with the answer",
  [Task.consult]: "expert advice pulled in",
  [Task.chaseNote]: "a note about the chase",
  [Task.clarify]: "a request to the citizen for information",
  [Task.misroute]: "work that is not theirs, sent back",
  [Task.confirm]: "a check with the citizen that all is done",
  [Task.update]: "a progress update",
  [Task.complaint]: "handling the complaint",
  [Task.rework]: "the work redone",
};

/** ", neighbour hearing" for a named step, "" otherwise. */
function named(step: string): string {
  return step === "" ? "" : `, ${step}`;
}

/** "case work (assessment) at the planning officers: joins their line after 7.0 days in the inbox, waits 52 min, takes 36 min" */
function workLine(e: RawEvent, team: string, idle: number, step: string): string {
  const base = e.detail === Task.callback && e.failure === 1 ? "a call-back that first asks the citizen to tell it all again" : (WORK[e.detail] ?? "work");
  const what = step === "" ? base : `${base} (${step})`;
  const parts = [`joins their line${idle >= 0.5 ? ` after ${spellDuration(idle)} in the inbox` : ""}`];
  if (e.wait >= 0.5) parts.push(`waits ${spellDuration(e.wait)}`);
  parts.push(`takes ${spellDuration(e.minutes)}`);
  return `${what} at ${team}: ${parts.join(", ")}`;
}
