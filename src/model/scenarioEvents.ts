/**
 * Scenario events in a run (see `ScenarioEvent`): the demand factor of each service over time,
 * and the spells in which a team's people are away because of a staff or hours change. Staff
 * and hours changes reuse the absence mechanism (absence.ts): people sent away by an absence
 * wave, or outside the shortened hours, are absent for the engine (their open time is not
 * capacity); people hired for a while are extra servers who are absent outside their stay.
 * The demand factors are in the scenario layer (scenario/events.ts), shared with the load
 * analysis.
 *
 * @packageDocumentation
 */
import { WeeklyCalendar } from "../engine/index.js";
import type { Scenario } from "../scenario/types.js";
import { unionOfSpells } from "./absence.js";

/** One person's extra absence from events, and who they are. */
export interface EventPerson {
  /** The scenario team. */
  readonly team: string;
  /** Index within the scenario team (hires come after its staff). */
  readonly index: number;
}

/**
 * The people hired by staff events (+n), by scenario team: each event adds n people after the
 * team's staff (and after earlier hires), present only from `at` until `until`.
 *
 * @param scenario - the scenario
 * @param end - the end of the run (minutes)
 * @returns for each hired person: their team, index and the spells they are away because of the event
 * @example
 * ```ts
 * hires(loadScenario("teaching"), 52 * 10080).length; //=> 0
 * ```
 */
export function hires(scenario: Scenario, end: number): { person: EventPerson; away: [number, number][] }[] {
  const next = new Map(scenario.teams.map((t) => [t.id, t.staff]));
  const out: { person: EventPerson; away: [number, number][] }[] = [];
  for (const e of scenario.events ?? []) {
    if (e.team === undefined || e.staff === undefined || !(e.staff > 0)) continue;
    const until = Math.min(end, e.untilMinutes ?? end);
    const away: [number, number][] = [];
    if (e.atMinutes > 0) away.push([0, Math.min(e.atMinutes, end)]);
    if (until < end) away.push([until, end]);
    for (let k = 0; k < e.staff; k++) {
      const index = next.get(e.team) ?? 0;
      next.set(e.team, index + 1);
      out.push({ person: { team: e.team, index }, away });
    }
  }
  return out;
}

/**
 * The spells a person of a team is away because of staff cuts (-n: the team's last people,
 * overlapping cuts taking the next ones down) and shortened opening hours (closed outside the
 * event's hours while it lasts).
 *
 * @param scenario - the scenario
 * @param person - the person (their scenario team and index)
 * @param end - the end of the run (minutes)
 * @returns [start, end) pairs, in no particular order
 * @example
 * ```ts
 * eventAbsence(loadScenario("teaching"), { team: "desk", index: 0 }, 52 * 10080); //=> []
 * ```
 */
export function eventAbsence(scenario: Scenario, person: EventPerson, end: number): [number, number][] {
  const events = scenario.events ?? [];
  const staff = scenario.teams.find((t) => t.id === person.team)?.staff ?? 0;
  const out: [number, number][] = [];
  events.forEach((e, i) => {
    if (e.team !== person.team || e.atMinutes >= end) return;
    const until = Math.min(end, e.untilMinutes ?? end);
    if (e.staff !== undefined && e.staff < 0) {
      // earlier cuts of the same team that overlap this one have taken the last people already
      const taken = events
        .slice(0, i)
        .filter((o) => o.team === e.team && o.staff !== undefined && o.staff < 0 && o.atMinutes < until && (o.untilMinutes ?? Infinity) > e.atMinutes)
        .reduce((a, o) => a - (o.staff as number), 0);
      const first = staff - taken + e.staff;
      if (person.index >= first && person.index < staff - taken) out.push([e.atMinutes, until]);
    }
    if (e.hours !== undefined) out.push(...closedBetween(WeeklyCalendar.fromIntervals(e.hours), e.atMinutes, until));
  });
  return out;
}

/** The times in [a, b) at which the calendar is closed. */
function closedBetween(hours: WeeklyCalendar, a: number, b: number): [number, number][] {
  const out: [number, number][] = [];
  let t = a;
  while (t < b) {
    const open = Math.min(b, hours.nextOpening(t));
    if (open > t) out.push([t, open]);
    if (open >= b) break;
    const close = hours.nextClosing(open);
    if (!(close > open)) break;
    t = close;
  }
  return out;
}

/**
 * Merges extra spells into a person's sorted, merged spells.
 *
 * @param spells - [start0, end0, ...] sorted and merged (absence.ts)
 * @param extra - more [start, end) pairs, any order
 * @returns all of them, sorted and merged
 * @example
 * ```ts
 * mergeSpells(new Float64Array([0, 10]), [[5, 20], [30, 40]]); //=> Float64Array [0, 20, 30, 40]
 * ```
 */
export function mergeSpells(spells: Float64Array, extra: readonly (readonly [number, number])[]): Float64Array {
  if (extra.length === 0) return spells;
  const all: [number, number][] = [...extra.filter(([a, b]) => b > a).map(([a, b]): [number, number] => [a, b])];
  for (let i = 0; i < spells.length; i += 2) all.push([spells[i] as number, spells[i + 1] as number]);
  return unionOfSpells(all);
}

