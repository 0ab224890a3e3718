/**
 * Scenario events: dated changes during a run. A demand step or surge (a factor on the arrival
 * rate of every service or of one), a staff change of a team (an absence wave, new hires) and an
 * opening-hours change of a team, each from `at` until `until` (or to the end of the run). This
 * file holds their input schema, their model form, the short command-line grammar of `--event`
 * and the way back to the input format.
 *
 * @packageDocumentation
 */
import { z } from "zod";
import { durationOrZero, duration, expecting, hours, identifier } from "./fields.js";
import { formatHours, readHours } from "./hours.js";
import type { WeekInterval } from "../engine/index.js";
import type { Scenario, ScenarioEvent } from "./types.js";
import { formatDuration, readDuration } from "./units.js";

/**
 * The largest demand factor an event may set (an engineering bound: a hundredfold surge is far
 * beyond any real one, and the run's cost grows with it).
 *
 * @example
 * ```ts
 * MAX_DEMAND_FACTOR; //=> 100
 * ```
 */
export const MAX_DEMAND_FACTOR = 100;

const DEMAND_EXPECTED = `a demand change: a signed percentage such as "+15%" or "-10%", or a factor such as "x1.3" or 1.3 (from 0 to ${MAX_DEMAND_FACTOR})`;
const STAFF_EXPECTED = 'a change in people, a whole number other than 0: "+2" (two more people), "-2" (two fewer)';

/**
 * Reads a demand change: "+15%" (factor 1.15), "-10%" (0.9), "x1.3" or "×1.3" (1.3).
 *
 * @param text - the change as written
 * @returns the factor on the arrival rate, or NaN when the text is not a demand change
 * @example
 * ```ts
 * readDemandFactor("+15%"); //=> 1.15
 * readDemandFactor("x1.3"); //=> 1.3
 * readDemandFactor("15"); //=> NaN
 * ```
 */
export function readDemandFactor(text: string): number {
  const t = text.trim();
  const percent = /^([+-])\s*(\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (percent) return 1 + (percent[1] === "-" ? -1 : 1) * (Number(percent[2]) / 100);
  const factor = /^[x×*]\s*(\d+(?:\.\d+)?)$/i.exec(t);
  if (factor) return Number(factor[1]);
  return NaN;
}

const demandFactor = expecting(
  z
    .union([z.number(), z.string()])
    .transform((v, ctx) => {
      const f = typeof v === "number" ? v : readDemandFactor(v);
      if (!(Number.isFinite(f) && f >= 0 && f <= MAX_DEMAND_FACTOR)) {
        const unsigned = typeof v === "string" && /^\s*\d+(?:\.\d+)?\s*%$/.test(v);
        const note = unsigned ? `Write the sign: "+${v.trim()}" or "-${v.trim()}".` : Number.isFinite(f) ? `A factor of ${f} is out of range.` : "";
        ctx.issues.push({ code: "custom", message: note, input: v, params: { expected: DEMAND_EXPECTED } });
        return z.NEVER;
      }
      return f;
    }),
  DEMAND_EXPECTED,
);

const staffChange = expecting(
  z.union([z.number(), z.string()]).transform((v, ctx) => {
    const n = typeof v === "number" ? v : /^\s*[+-]\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!(Number.isInteger(n) && n !== 0 && Math.abs(n) <= 100_000)) {
      const note = n === 0 ? "A change of 0 changes nothing." : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? `Write the sign: "+${v.trim()}" or "-${v.trim()}".` : "";
      ctx.issues.push({ code: "custom", message: note, input: v, params: { expected: STAFF_EXPECTED } });
      return z.NEVER;
    }
    return n;
  }),
  STAFF_EXPECTED,
);

/**
 * One scenario event in the input format: `at` (and optionally `until`), and exactly one of
 * `demand` (with an optional `service`), `staff` (with `team`) or `hours` (with `team`). Which
 * fields go together, and that the team or service exists, is checked in `crossCheck.ts`.
 *
 * @example
 * ```ts
 * eventSchema.parse({ at: "20 weeks", until: "28 weeks", demand: "+15%" }).demand; //=> 1.15
 * ```
 */
export const eventSchema = expecting(
  z.strictObject({
    at: durationOrZero.describe('When the change starts, counted from the start of the run (Monday 1 January 00:00), e.g. "20 weeks"'),
    until: duration.optional().describe('When it ends, counted from the start of the run, e.g. "28 weeks" (default: it lasts to the end of the run)'),
    demand: demandFactor.optional().describe('A factor on the arrival rate: "+15%", "-10%", "x1.3" or a number such as 1.3'),
    service: expecting(identifier.describe("Service id"), "the id of a service").optional().describe("With demand: the one service it changes (default: every service)"),
    team: expecting(identifier.describe("Team id"), "the id of a team").optional().describe("With staff or hours: the team it changes"),
    staff: staffChange.optional().describe('A change in the team\'s people: "+2" hires two, "-2" sends two away (an absence wave)'),
    hours: hours.optional().describe('The team\'s opening hours while the event lasts, e.g. "Mon-Fri 09:00-12:00": they may only shorten its usual hours'),
  }),
  'an event { at, until, demand } or { at, until, team, staff } or { at, until, team, hours }',
);

/** An event as written by users (YAML, JSON or a JavaScript object). */
export type ScenarioEventInput = z.input<typeof eventSchema>;

/**
 * Builds the model form of parsed events (only the fields that were written).
 *
 * @param events - the schema's output
 * @returns the events in the model form
 * @example
 * ```ts
 * buildEvents([{ at: 0, demand: 1.1 }]); //=> [{ atMinutes: 0, untilMinutes: null, demand: 1.1 }]
 * ```
 */
export function buildEvents(events: readonly z.output<typeof eventSchema>[]): ScenarioEvent[] {
  return events.map((e) => {
    const out: Record<string, unknown> = { atMinutes: e.at, untilMinutes: e.until ?? null };
    for (const k of ["demand", "service", "team", "staff", "hours"] as const) if (e[k] !== undefined) out[k] = e[k];
    return out as unknown as ScenarioEvent;
  });
}

/**
 * Writes a model event back in the input format ({@link buildEvents} reads it back to the same
 * event). A value of the wrong kind is written as it is, for the reader to report.
 *
 * @param e - an event in the model form
 * @returns the event in the input format
 * @example
 * ```ts
 * eventToInput({ atMinutes: 201600, untilMinutes: null, team: "desk", staff: -2 }); //=> { at: "20 weeks", team: "desk", staff: "-2" }
 * ```
 */
export function eventToInput(e: ScenarioEvent): Record<string, unknown> {
  const r = e as unknown as Record<string, unknown>;
  const time = (x: unknown) => (typeof x === "number" && Number.isFinite(x) ? (x === 0 ? "0 min" : formatDuration(x)) : x);
  const out: Record<string, unknown> = { at: time(r["atMinutes"]) };
  if (r["untilMinutes"] !== null && r["untilMinutes"] !== undefined) out["until"] = time(r["untilMinutes"]);
  if (r["demand"] !== undefined) out["demand"] = typeof r["demand"] === "number" && Number.isFinite(r["demand"]) ? `x${r["demand"]}` : r["demand"];
  if (r["service"] !== undefined) out["service"] = r["service"];
  if (r["team"] !== undefined) out["team"] = r["team"];
  if (r["staff"] !== undefined) out["staff"] = typeof r["staff"] === "number" && Number.isInteger(r["staff"]) ? `${r["staff"] > 0 ? "+" : ""}${r["staff"]}` : r["staff"];
  if (r["hours"] !== undefined) {
    const h = r["hours"];
    const ok = Array.isArray(h) && h.length > 0 && h.every((i) => Array.isArray(i) && i.length === 2 && i.every((m) => typeof m === "number" && m >= 0 && m <= 10080) && i[0] < i[1]);
    out["hours"] = ok ? formatHours(h as WeekInterval[]) : h;
  }
  return out;
}

/**
 * The grammar of `--event`, for messages and help: a change, then when it applies.
 *
 * @example
 * ```ts
 * EVENT_GRAMMAR.startsWith("demand"); //=> true
 * ```
 */
export const EVENT_GRAMMAR =
  '"demand +15% [service ID] weeks 20-28", "staff TEAM -2 weeks 30-34" or "hours TEAM Mon-Fri 09:00-12:00 weeks 40-44"; the time is "weeks A-B", "weeks A-" (to the end) or "from 20 weeks [until 28 weeks]"';

/** The end of an event text: "weeks A-B", "weeks A-", "from X [until Y]". */
function readWhen(text: string): { at: string; until?: string } | string {
  const weeks = /^weeks?\s+(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)?$/i.exec(text);
  if (weeks) return weeks[2] === undefined ? { at: `${weeks[1]} weeks` } : { at: `${weeks[1]} weeks`, until: `${weeks[2]} weeks` };
  const from = /^from\s+(.+?)(?:\s+until\s+(.+))?$/i.exec(text);
  if (from) {
    const at = from[1] as string;
    if (!readDuration(at, { allowZero: true }).ok) return `"${at}" is not a time such as "20 weeks"`;
    if (from[2] !== undefined && !readDuration(from[2]).ok) return `"${from[2]}" is not a time such as "28 weeks"`;
    return from[2] === undefined ? { at } : { at, until: from[2] };
  }
  return `"${text}" is not a time: write "weeks 20-28", "weeks 20-" or "from 20 weeks until 28 weeks"`;
}

/**
 * Reads one `--event` text into an event in the input format (checked later with the
 * scenario, like an event in a file).
 *
 * @param text - e.g. "demand +15% weeks 20-28" or "staff officers -2 weeks 30-34"
 * @returns the event in the input format
 * @throws RangeError with a one-line message naming the text and the grammar
 * @example
 * ```ts
 * parseEventText("demand +15% weeks 20-28"); //=> { at: "20 weeks", until: "28 weeks", demand: "+15%" }
 * parseEventText("staff officers -2 weeks 30-").staff; //=> "-2"
 * ```
 */
export function parseEventText(text: string): ScenarioEventInput {
  const t = text.trim().replace(/\s+/g, " ");
  const fail = (why: string): never => {
    throw new RangeError(`--event "${text}": ${why}; expected ${EVENT_GRAMMAR}`);
  };
  const m = /^(demand|staff|hours)\s+(.*?)\s+((?:weeks?\s+\d|from\s).*)$/i.exec(t);
  if (!m) return fail("it is not a change followed by a time");
  const kind = (m[1] as string).toLowerCase();
  const body = (m[2] as string).split(" ");
  const when = readWhen(m[3] as string);
  if (typeof when === "string") return fail(when);
  if (kind === "demand") {
    const change = body[0] as string;
    if (!Number.isFinite(readDemandFactor(change))) fail(`"${change}" is not a demand change such as "+15%" or "x1.3"`);
    if (body.length === 1) return { ...when, demand: change };
    if (body.length === 3 && body[1] === "service") return { ...when, demand: change, service: body[2] as string };
    return fail(`"${m[2]}" is not a demand change, optionally followed by "service ID"`);
  }
  if (body.length < 2) return fail(`"${m[2]}" does not name a team and a change`);
  const team = body[0] as string;
  const rest = body.slice(1).join(" ");
  if (kind === "staff") {
    if (!/^[+-]\d+$/.test(rest)) fail(`"${rest}" is not a staff change such as "+2" or "-2"`);
    return { ...when, team, staff: rest };
  }
  if (!readHours(rest).ok) fail(`"${rest}" are not opening hours such as "Mon-Fri 09:00-12:00"`);
  return { ...when, team, hours: rest };
}

/**
 * The demand factor of one service over time: intervals `[from[i], to[i])` in which the factor
 * is `factor[i]` (≠ 1); 1 elsewhere. Overlapping demand events multiply.
 */
export interface DemandSegments {
  readonly from: readonly number[];
  readonly to: readonly number[];
  readonly factor: readonly number[];
  /** The largest factor (at least 1). */
  readonly max: number;
}

/**
 * The demand factor of a service over the run, from the scenario's demand events.
 *
 * @param events - the scenario's events (absent: none)
 * @param service - the service id
 * @param end - the end of the run (minutes); nothing after it matters
 * @returns the segments, none when no event changes the service's demand
 * @example
 * ```ts
 * demandSegments([{ atMinutes: 10, untilMinutes: 20, demand: 1.5 }], "permit", 100).factor; //=> [1.5]
 * ```
 */
export function demandSegments(events: readonly ScenarioEvent[] | undefined, service: string, end: number): DemandSegments {
  const mine = (events ?? []).filter((e) => e.demand !== undefined && (e.service === undefined || e.service === service) && e.atMinutes < end);
  const cuts = [...new Set(mine.flatMap((e) => [e.atMinutes, Math.min(end, e.untilMinutes ?? end)]))].sort((a, b) => a - b);
  const from: number[] = [];
  const to: number[] = [];
  const factor: number[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i] as number;
    const b = cuts[i + 1] as number;
    const f = mine.reduce((p, e) => (e.atMinutes <= a && (e.untilMinutes ?? Infinity) >= b ? p * (e.demand as number) : p), 1);
    if (f !== 1) {
      from.push(a);
      to.push(b);
      factor.push(f);
    }
  }
  return { from, to, factor, max: Math.max(1, ...factor) };
}

/**
 * The demand factor at time t.
 *
 * @param seg - from {@link demandSegments}
 * @param t - a time (minutes)
 * @returns the factor (1 outside every segment)
 * @example
 * ```ts
 * demandFactorAt({ from: [10], to: [20], factor: [2], max: 2 }, 15); //=> 2
 * ```
 */
export function demandFactorAt(seg: DemandSegments, t: number): number {
  for (let i = 0; i < seg.from.length; i++) if (t >= (seg.from[i] as number) && t < (seg.to[i] as number)) return seg.factor[i] as number;
  return 1;
}

/**
 * The next segment, at or after t, whose factor is above 1 (for the surge's own arrivals).
 *
 * @param seg - from {@link demandSegments}
 * @param t - a time (minutes)
 * @returns its index, or -1
 * @example
 * ```ts
 * nextSurge({ from: [10, 30], to: [20, 40], factor: [0.5, 2], max: 2 }, 0); //=> 1
 * ```
 */
export function nextSurge(seg: DemandSegments, t: number): number {
  for (let i = 0; i < seg.from.length; i++) if ((seg.factor[i] as number) > 1 && (seg.to[i] as number) > t) return i;
  return -1;
}

/**
 * The scenario in force at time t: its services' arrivals multiplied by the demand events then,
 * its teams' staff changed and hours replaced by the staff and hours events then, and no events.
 * For the load analysis of an event period (the run itself applies events as they come).
 *
 * @param scenario - the scenario
 * @param t - a time (minutes from the start of the run)
 * @returns the scenario as it is at t (the same object when no event is on at t)
 * @example
 * ```ts
 * const s = loadScenario("teaching");
 * const surge = { ...s, events: [{ atMinutes: 0, untilMinutes: null, demand: 2 }] };
 * scenarioAt(surge, 100).services[0]!.arrivalsPerMinute === 2 * s.services[0]!.arrivalsPerMinute; //=> true
 * ```
 */
export function scenarioAt(scenario: Scenario, t: number): Scenario {
  const on = (scenario.events ?? []).filter((e) => e.atMinutes <= t && t < (e.untilMinutes ?? Infinity));
  if (on.length === 0) return scenario;
  const { events: _none, ...rest } = scenario;
  return {
    ...rest,
    services: scenario.services.map((s) => {
      const f = on.reduce((p, e) => (e.demand !== undefined && (e.service === undefined || e.service === s.id) ? p * e.demand : p), 1);
      return f === 1 ? s : { ...s, arrivalsPerMinute: s.arrivalsPerMinute * f };
    }),
    teams: scenario.teams.map((team) => {
      const mine = on.filter((e) => e.team === team.id);
      if (mine.length === 0) return team;
      const staff = Math.max(0, mine.reduce((a, e) => a + (e.staff ?? 0), team.staff));
      const hours = mine.reduce<readonly WeekInterval[]>((h, e) => e.hours ?? h, team.hours);
      return { ...team, staff, hours };
    }),
  };
}

/**
 * The periods in which the scenario's events change something, cut where any event starts or
 * ends, within [0, end).
 *
 * @param scenario - the scenario
 * @param end - the end of the run (minutes)
 * @returns the periods, in time order, each with its scenario in force ({@link scenarioAt})
 * @example
 * ```ts
 * const s = loadScenario("teaching");
 * eventPeriods({ ...s, events: [{ atMinutes: 10, untilMinutes: 20, demand: 2 }] }, 100).map((p) => [p.from, p.to]); //=> [[10, 20]]
 * ```
 */
export function eventPeriods(scenario: Scenario, end: number): { from: number; to: number; scenario: Scenario }[] {
  const events = scenario.events ?? [];
  const cuts = [...new Set([0, end, ...events.flatMap((e) => [e.atMinutes, e.untilMinutes ?? end])])].filter((t) => t >= 0 && t <= end).sort((a, b) => a - b);
  const out: { from: number; to: number; scenario: Scenario }[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i] as number;
    const at = scenarioAt(scenario, from);
    if (at !== scenario) out.push({ from, to: cuts[i + 1] as number, scenario: at });
  }
  return out;
}

/**
 * The scenario with each service's arrivals at their largest over the run (the largest product
 * of the demand factors in force at once, at least 1): what the run-cost estimate plans for.
 *
 * @param scenario - the scenario
 * @param end - the end of the run (minutes)
 * @returns the scenario at peak demand (the same object without demand events)
 * @example
 * ```ts
 * const s = loadScenario("teaching");
 * peakDemand({ ...s, events: [{ atMinutes: 10, untilMinutes: 20, demand: 1.5 }] }, 100).services[0]!.arrivalsPerMinute / s.services[0]!.arrivalsPerMinute; //=> 1.5
 * ```
 */
export function peakDemand(scenario: Scenario, end: number): Scenario {
  if (!(scenario.events ?? []).some((e) => e.demand !== undefined)) return scenario;
  return {
    ...scenario,
    services: scenario.services.map((s) => ({ ...s, arrivalsPerMinute: s.arrivalsPerMinute * demandSegments(scenario.events, s.id, end).max })),
  };
}
