/**
 * Readable weekly opening hours ("Mon-Fri 08:00-16:30", "always") to and from the
 * `WeekInterval[]` form of the engine (minutes after Monday 00:00).
 *
 * Grammar of one entry: `<days> <ranges>` where `<days>` is a day ("Mon", "monday"), a day
 * range ("Mon-Fri", wrapping: "Sat-Mon"), a comma-separated list of those ("Mon,Wed,Fri"),
 * "weekdays", "weekends" or "daily"; and `<ranges>` is one or more comma-separated `HH:MM-HH:MM`
 * ranges. A range whose end is not after its start runs overnight into the next day
 * ("Fri 22:00-06:00"); "24:00" is the end of a day. "always" means open around the clock.
 *
 * @packageDocumentation
 */
import { MINUTES_PER_DAY, MINUTES_PER_WEEK, WeeklyCalendar, type WeekInterval } from "../engine/index.js";
import { ScenarioError, makeIssue } from "./errors.js";
import { closestMatch } from "./suggest.js";
import type { Reading } from "./unitWords.js";

/** What an opening-hours field expects, in words. */
export const HOURS_EXPECTED = 'opening hours such as "Mon-Fri 08:00-16:30", a list of them, or "always"';

const DAY_ABBREVIATIONS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const DAY_WORDS: Readonly<Record<string, readonly number[]>> = {
  weekdays: [0, 1, 2, 3, 4],
  weekends: [5, 6],
  daily: [0, 1, 2, 3, 4, 5, 6],
};
const DAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/**
 * Reads opening hours without throwing. Intervals are merged and sorted.
 *
 * @param spec - one entry such as "Mon-Fri 08:00-16:30" or "always", or a list of entries
 * @returns `{ ok: true, value }` or `{ ok: false, problem, expected }` naming the first bad entry
 * @example
 * ```ts
 * readHours("Mon 08:00-12:00"); //=> { ok: true, value: [[480, 720]] }
 * ```
 */
export function readHours(spec: string | readonly string[]): Reading<WeekInterval[]> {
  const entries = typeof spec === "string" ? [spec] : spec;
  if (entries.length === 0) return { ok: false, problem: "The list is empty.", expected: HOURS_EXPECTED };
  const all: WeekInterval[] = [];
  for (const entry of entries) {
    const r = readEntry(entry);
    if (!r.ok) return r;
    all.push(...r.value);
  }
  return { ok: true, value: WeeklyCalendar.fromIntervals(all).intervals.map(([s, e]): WeekInterval => [s, e]) };
}

/**
 * Reads one opening-hours entry (no list) into week intervals, not merged.
 *
 * @param entry - e.g. "Mon-Thu 08:00-16:30", "Fri 08:00-12:00,13:00-15:00", "always"
 * @returns the intervals, or the problem
 * @example
 * ```ts
 * readEntry("Sun 22:00-06:00"); //=> { ok: true, value: [[9960, 10080], [0, 360]] }
 * ```
 */
export function readEntry(entry: string): Reading<WeekInterval[]> {
  const fail = (problem: string): Reading<WeekInterval[]> => ({ ok: false, problem, expected: HOURS_EXPECTED });
  const text = entry.trim();
  if (/^always$/i.test(text)) return { ok: true, value: [[0, MINUTES_PER_WEEK]] };
  const m = /^(.*?[A-Za-z])\s*(\d.*)$/.exec(text);
  if (m === null) return fail(`"${entry}" is not "<days> <HH:MM-HH:MM>".`);
  const days = readDays(m[1] as string);
  if (!days.ok) return fail(days.problem);
  const ranges = readRanges(m[2] as string);
  if (!ranges.ok) return fail(ranges.problem);
  const out: WeekInterval[] = [];
  for (const d of days.value) {
    for (const [from, to] of ranges.value) {
      const start = d * MINUTES_PER_DAY + from;
      const end = d * MINUTES_PER_DAY + (to > from ? to : to + MINUTES_PER_DAY);
      if (end <= MINUTES_PER_WEEK) out.push([start, end]);
      else out.push([start, MINUTES_PER_WEEK], [0, end - MINUTES_PER_WEEK]);
    }
  }
  return { ok: true, value: out };
}

function readDays(text: string): Reading<number[]> {
  const fail = (problem: string): Reading<number[]> => ({ ok: false, problem, expected: HOURS_EXPECTED });
  const days: number[] = [];
  for (const item of text.split(",").map((s) => s.trim())) {
    const word = DAY_WORDS[item.toLowerCase()];
    if (word !== undefined) {
      days.push(...word);
      continue;
    }
    const ends = item.split(/\s*[-–]\s*/);
    if (ends.length > 2 || ends.some((e) => e === "")) return fail(`"${item}" is not a day or a day range like "Mon-Fri".`);
    const numbers: number[] = [];
    for (const e of ends) {
      const d = dayNumber(e);
      if (d === undefined) {
        const close = closestMatch(e, [...DAY_ABBREVIATIONS, ...Object.keys(DAY_WORDS)]);
        return fail(`Unknown day "${e}".${close === undefined ? " Use Mon, Tue, Wed, Thu, Fri, Sat, Sun." : ` Did you mean "${close}"?`}`);
      }
      numbers.push(d);
    }
    const [from, to] = [numbers[0] as number, numbers[numbers.length - 1] as number];
    for (let d = from; ; d = (d + 1) % 7) {
      days.push(d);
      if (d === to) break;
    }
  }
  return { ok: true, value: [...new Set(days)] };
}

function dayNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  const i = DAY_NAMES.findIndex((name) => lower.length >= 3 && name.startsWith(lower));
  return i < 0 ? undefined : i;
}

function readRanges(text: string): Reading<[number, number][]> {
  const fail = (problem: string): Reading<[number, number][]> => ({ ok: false, problem, expected: HOURS_EXPECTED });
  const out: [number, number][] = [];
  for (const item of text.split(",").map((s) => s.trim())) {
    const m = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/.exec(item);
    if (m === null) return fail(`"${item}" is not a time range like "08:00-16:30".`);
    const from = clock(m[1] as string, m[2] as string);
    const to = clock(m[3] as string, m[4] as string);
    if (from === undefined || to === undefined || from === MINUTES_PER_DAY) {
      return fail(`"${item}" has a time outside 00:00-24:00.`);
    }
    if (from === to) return fail(`"${item}" opens and closes at the same time.`);
    out.push([from, to]);
  }
  return { ok: true, value: out };
}

function clock(hh: string, mm: string): number | undefined {
  const h = Number(hh);
  const m = Number(mm);
  const t = h * 60 + m;
  return h <= 24 && m < 60 && t <= MINUTES_PER_DAY ? t : undefined;
}

/**
 * Parses opening hours into merged, sorted week intervals (minutes after Monday 00:00).
 *
 * @param spec - "Mon-Fri 08:00-16:30", a list such as ["Mon-Thu 08:00-16:30", "Fri 08:00-15:00"], or "always"
 * @returns the intervals
 * @throws {ScenarioError} naming the first bad entry
 * @example
 * ```ts
 * parseHours(["Mon-Thu 08:00-16:30", "Fri 08:00-15:00"]).length; //=> 5
 * parseHours("always"); //=> [[0, 10080]]
 * ```
 */
export function parseHours(spec: string | readonly string[]): WeekInterval[] {
  const r = readHours(spec);
  if (r.ok) return r.value;
  throw new ScenarioError([makeIssue("", spec, r.expected, r.problem)], "Invalid opening hours");
}

/**
 * Writes week intervals as readable opening hours that {@link parseHours} reads back to the
 * same merged intervals: "always", or one entry per group of consecutive days with the same
 * times.
 *
 * @param intervals - intervals in minutes after Monday 00:00 (any order; merged first)
 * @returns "always", one entry, or a list of entries
 * @example
 * ```ts
 * formatHours(parseHours("Mon-Fri 08:00-16:30")); //=> "Mon-Fri 08:00-16:30"
 * formatHours([[480, 990], [6240, 6660]]); //=> ["Mon 08:00-16:30", "Fri 08:00-15:00"]
 * ```
 */
export function formatHours(intervals: readonly WeekInterval[]): string | string[] {
  const merged = WeeklyCalendar.fromIntervals(intervals);
  if (merged.isAlways) return "always";
  const perDay: string[][] = Array.from({ length: 7 }, () => []);
  for (const [s, e] of merged.intervals) {
    for (let day = Math.floor(s / MINUTES_PER_DAY); day * MINUTES_PER_DAY < e; day++) {
      const from = Math.max(s, day * MINUTES_PER_DAY) - day * MINUTES_PER_DAY;
      const to = Math.min(e, (day + 1) * MINUTES_PER_DAY) - day * MINUTES_PER_DAY;
      if (to > from) perDay[day]?.push(`${hhmm(from)}-${hhmm(to)}`);
    }
  }
  const out: string[] = [];
  for (let d = 0; d < 7; ) {
    const times = (perDay[d] as string[]).join(",");
    let last = d;
    while (last + 1 < 7 && (perDay[last + 1] as string[]).join(",") === times) last++;
    if (times !== "") out.push(`${DAY_ABBREVIATIONS[d]}${last > d ? `-${DAY_ABBREVIATIONS[last]}` : ""} ${times}`);
    d = last + 1;
  }
  return out.length === 1 ? (out[0] as string) : out;
}

function hhmm(minuteOfDay: number): string {
  const h = Math.floor(minuteOfDay / 60);
  const m = minuteOfDay - h * 60;
  return `${String(h).padStart(2, "0")}:${String(Number(m.toFixed(6))).padStart(2, "0")}`;
}
