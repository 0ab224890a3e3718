/**
 * Building one citizen's {@link Journey} from the journal rows of a need: phases, touchpoints,
 * clock times, effort, emotion, the end-to-end segments and the narrative.
 *
 * @packageDocumentation
 */
import { CHANNELS } from "../scenario/index.js";
import {
  CAUSE_NAMES, EXPRESSION_NAMES, isFailureReason, JOURNAL_EVENT_NAMES, JournalEvent, Outcome,
  OUTCOME_NAMES, REASON_NAMES, STATUS_NAMES, TASK_NAMES, type RunResult,
} from "../model/index.js";
import { clockOf, spellDuration } from "./clock.js";
import { EMOTION_WEIGHTS, momentOf } from "./emotion.js";
import { rawEvent, type RawEvent } from "./journalRows.js";
import { describeEvent } from "./narrative.js";
import { firstTouch, isMainFlow, splitEndToEnd, type RawSegment } from "./segments.js";
import type { Journey, JourneyEvent, JourneySegment, Phase } from "./types.js";

/** Names of the pseudo touchpoints that are not teams. */
export const PSEUDO = { before: "before contact", citizen: "the citizen", outsiders: "outsiders", other: "unattributed" } as const;

/** What every journey of a run shares: lookups built once. */
export interface RunContext {
  readonly run: RunResult;
  readonly needRow: ReadonlyMap<number, number>;
}

/**
 * The lookups for building a run's journeys.
 *
 * @param run - the run
 * @returns need rows by id
 * @example
 * ```ts
 * const ctx = runContext(run);
 * ```
 */
export function runContext(run: RunResult): RunContext {
  const needRow = new Map<number, number>();
  for (let i = 0; i < run.needs.length; i++) needRow.set(run.needs.id[i] as number, i);
  return { run, needRow };
}

const LIVE = new Set([CHANNELS.indexOf("phone"), CHANNELS.indexOf("visit")]);

/**
 * Builds the journey of one need from its journal rows (in time order).
 *
 * @param ctx - from {@link runContext}
 * @param need - the need id
 * @param rows - its journal rows in time order
 * @returns the journey, or null if the need has no record
 * @example
 * ```ts
 * buildJourney(runContext(run), 120, rows)?.narrative[0]; //=> "Citizen 120: ..."
 * ```
 */
export function buildJourney(ctx: RunContext, need: number, rows: readonly number[]): Journey | null {
  const r = ctx.needRow.get(need);
  if (r === undefined) return null;
  const f = frameOf(ctx, r, rows.map((row) => rawEvent(ctx.run, row)));
  const out = describeEvents(ctx, f);
  const ended = Number.isFinite(f.end);
  const contacts = out.filter((e) => e.event === "contact" && e.outcome !== "abandoned");
  const n = ctx.run.needs;
  const journey = {
    need,
    service: ctx.run.serviceIds[n.service[r] as number] ?? "?",
    serviceName: f.service,
    channel: CHANNELS[n.channel[r] as number] ?? "?",
    isCase: f.isCase,
    status: STATUS_NAMES[n.status[r] as number] ?? "?",
    arrivalMinutes: f.arrival,
    endMinutes: ended ? f.end : null,
    endToEndMinutes: ended ? f.end - f.arrival : null,
    phases: {
      before: f.touch - f.arrival,
      during: ended ? f.end - f.touch : null,
      after: Math.max(0, ...out.filter((e) => e.phase === "after").map((e) => e.timeMinutes + e.waitMinutes + e.handlingMinutes - f.end)),
    },
    contacts: contacts.length,
    failureContacts: contacts.filter((e) => e.demand === "failure").length,
    handoffs: out.filter((e) => e.event === "handoff").length,
    firstContactResolved: f.fcr,
    effortMinutes: out.reduce((s, e) => s + e.effortMinutes, 0),
    expression: ended && Number.isFinite(n.expression[r] as number) ? (EXPRESSION_NAMES[n.expression[r] as number] ?? null) : null,
    emotion: out.length === 0 ? 0 : (out[out.length - 1] as JourneyEvent).emotion,
    events: out,
    segments: f.raw.map((s) => namedSegment(ctx.run, s)),
  };
  return { ...journey, narrative: narrate(journey) };
}

/** What the events of one journey are read against: its times, origins, segments and facts. */
function frameOf(ctx: RunContext, r: number, events: readonly RawEvent[]): Frame {
  const n = ctx.run.needs;
  const arrival = n.arrival[r] as number;
  const endRaw = n.end[r] as number;
  const ended = Number.isFinite(endRaw);
  const end = ended ? endRaw : Infinity;
  const touched = firstTouch(events);
  const origin = events.map((e) => (e.code === JournalEvent.contact && isFailureReason(e.reason) ? e.origin : -1));
  const away = events.map((e, k) => (e.code !== JournalEvent.contact ? -1 : isFailureReason(e.reason) ? (origin[k] as number) : e.team));
  return {
    events,
    arrival,
    end,
    touch: Math.min(touched, ended ? end : ctx.run.endMinutes),
    origin,
    raw: ended ? splitEndToEnd(events, arrival, end, away) : [],
    fcr: n.firstContactResolved[r] === 1,
    service: ctx.run.serviceNames[n.service[r] as number] ?? "?",
    steps: (ctx.run.serviceSteps[n.service[r] as number] ?? []).map((s) => s.name),
    isCase: n.isCase[r] === 1,
    selfServed: touched === Infinity,
  };
}

interface Frame {
  readonly events: readonly RawEvent[];
  readonly arrival: number;
  readonly end: number;
  readonly touch: number;
  readonly origin: readonly number[];
  readonly raw: readonly RawSegment[];
  readonly fcr: boolean;
  readonly service: string;
  /** The readable names of the service's case steps. */
  readonly steps: readonly string[];
  readonly isCase: boolean;
  readonly selfServed: boolean;
}

function describeEvents(ctx: RunContext, f: Frame): JourneyEvent[] {
  const { run } = ctx;
  const idle = new Float64Array(f.events.length);
  for (const s of f.raw) if (s.kind === "inbox" || s.kind === "away") idle[s.event] = (idle[s.event] as number) + s.minutes;
  const the = (i: number) => (i >= 0 && run.teams[i] ? `the ${shortName(run.teams[i]!.name)}` : "");
  let emotion = 0;
  let handled = false;
  let lastTeam = -1;
  return f.events.map((e, k) => {
    const firstHandled = e.code === JournalEvent.contact && e.detail !== Outcome.abandoned && !handled;
    if (firstHandled) handled = true;
    const moment = momentOf(e, { firstHandled, firstContactResolved: f.fcr });
    const change = moment === null ? 0 : EMOTION_WEIGHTS[moment];
    emotion += change;
    const at = e.code === JournalEvent.citizenWait || e.code === JournalEvent.ended ? lastTeam : e.team;
    if (isMainFlow(e) && e.team >= 0 && e.time <= f.end) lastTeam = e.team;
    const since = e.time - f.arrival;
    const origin = f.origin[k] as number;
    const text = describeEvent(e, { service: f.service, isCase: f.isCase, team: the, idle: idle[k] as number, since, origin: the(origin), step: (i) => f.steps[i] ?? "" });
    return { ...eventOf(run, e, phaseOf(e, f), at, origin), sinceArrivalMinutes: since, idleMinutes: idle[k] as number, moment, emotionChange: change, emotion, text };
  });
}

/** The fields of an event that follow from its journal row alone. */
function eventOf(run: RunResult, e: RawEvent, phase: Phase, at: number, origin: number) {
  const team = at >= 0 ? run.teams[at] : undefined;
  const staffOrContact = e.code === JournalEvent.contact || e.code === JournalEvent.work;
  return {
    event: JOURNAL_EVENT_NAMES[e.code] ?? "?",
    phase,
    timeMinutes: e.time,
    ...clockOf(e.time),
    touchpoint: team?.name ?? null,
    teamId: team?.id ?? null,
    channel: CHANNELS[e.channel] ?? "?",
    waitMinutes: e.code === JournalEvent.arose ? 0 : e.wait,
    handlingMinutes: e.minutes,
    effortMinutes: effortOf(e),
    task: e.code === JournalEvent.work ? (TASK_NAMES[e.detail] ?? null) : null,
    outcome: outcomeOf(e),
    demand: staffOrContact ? (e.failure === 1 ? ("failure" as const) : ("value" as const)) : null,
    reason: e.code === JournalEvent.contact || e.failure === 1 ? (REASON_NAMES[e.reason] ?? null) : null,
    origin: origin >= 0 ? (run.teams[origin]?.name ?? null) : null,
    cause: e.code === JournalEvent.contact && isFailureReason(e.reason) ? (CAUSE_NAMES[e.cause] ?? null) : null,
  };
}

/** A pooled team's long name ("case owners (a, b, c)") as its head ("case owners") in the narrative. */
function shortName(name: string): string {
  const cut = name.indexOf(" (");
  return name.length > 40 && cut > 0 ? name.slice(0, cut) : name;
}

function phaseOf(e: RawEvent, f: Frame): Phase {
  if (e.code === JournalEvent.arose || e.time < f.touch) return "before";
  // a self-served citizen never gets in touch: the whole need is phase 1
  if (e.code === JournalEvent.ended && f.selfServed) return "before";
  if (e.code === JournalEvent.expressed || e.time > f.end) return "after";
  return "during";
}

function effortOf(e: RawEvent): number {
  if (e.code === JournalEvent.arose) return e.minutes;
  if (e.code !== JournalEvent.contact) return 0;
  if (e.detail === Outcome.abandoned) return e.wait;
  return (LIVE.has(e.channel) ? e.wait : 0) + e.minutes;
}

function outcomeOf(e: RawEvent): string | null {
  switch (e.code) {
    case JournalEvent.contact:
      return OUTCOME_NAMES[e.detail] ?? null;
    case JournalEvent.ended:
      return STATUS_NAMES[e.detail] ?? null;
    case JournalEvent.expressed:
      return EXPRESSION_NAMES[e.detail] ?? null;
    case JournalEvent.arose:
      return e.detail === 1 ? "informed" : "notInformed";
    case JournalEvent.closed:
      return e.detail === 1 ? "closedWithDefect" : "closed";
    case JournalEvent.citizenWait:
      return e.detail === 1 ? "missingInformation" : "retell";
    default:
      return null;
  }
}

function namedSegment(run: RunResult, s: RawSegment): JourneySegment {
  const team = s.team >= 0 ? run.teams[s.team] : undefined;
  const pseudo = s.kind === "beforeContact" ? PSEUDO.before : s.kind === "citizen" ? PSEUDO.citizen : s.kind === "outsiders" ? PSEUDO.outsiders : PSEUDO.other;
  return { ...s, touchpoint: team?.name ?? pseudo, teamId: team?.id ?? null };
}

function narrate(j: Omit<Journey, "narrative">): string[] {
  const how = j.isCase ? "an application" : "an enquiry";
  const lines = [`Citizen ${j.need}: ${j.serviceName}, ${how}, first by ${j.channel}.`, ...j.events.map((e) => e.text)];
  const e2e = j.endToEndMinutes === null ? "still open at the end of the run" : `${spellDuration(j.endToEndMinutes)} end to end`;
  lines.push(`In all: ${e2e}; ${j.contacts} contact${j.contacts === 1 ? "" : "s"} (${j.failureContacts} failure demand), ${j.handoffs} hand-off${j.handoffs === 1 ? "" : "s"}; emotion ${j.emotion >= 0 ? "+" : ""}${j.emotion}.`);
  return lines;
}

