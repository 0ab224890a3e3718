/**
 * Durations ("45 min", "3 days") and rates ("120 / week") read through mathjs units, into
 * minutes and per-minute rates. Only the unit part of mathjs is loaded (see toolchain.md), and
 * only when the first unit is read. Read each string once, when a scenario is loaded.
 *
 * Calendar: a year is 365 days (mathjs' own year is 365.25 days and is replaced here);
 * a month is mathjs' 30.44 days (a twelfth of 365.25 days).
 *
 * @packageDocumentation
 */
import { create, createUnitDependencies, unitDependencies, type FactoryFunctionMap, type MathJsInstance, type Unit } from "mathjs";
import { ScenarioError, makeIssue } from "./errors.js";
import { DURATION_EXPECTED, RATE_EXPECTED, type Reading, suggestUnitFix, describeKind } from "./unitWords.js";

/** Time units accepted in durations and rates (mathjs spellings, case-sensitive). */
const TIME_UNITS = [
  "s", "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours",
  "day", "days", "week", "weeks", "month", "months", "year", "years",
];

const LEADING_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?/i;

/** The mathjs instance, created on first use (no work at import time). */
const instance: { math?: MathJsInstance } = {};

function math(): MathJsInstance {
  if (instance.math === undefined) {
    const m = create({ unitDependencies, createUnitDependencies } as FactoryFunctionMap);
    m.createUnit({ year: { definition: "365 days", aliases: ["years"] } }, { override: true });
    instance.math = m;
  }
  return instance.math;
}

/** Options of {@link readDuration} and {@link readRate}. */
export interface ReadQuantityOptions {
  /** Whether 0 is accepted (default false: the quantity must be positive). */
  readonly allowZero?: boolean;
}

/**
 * Reads a duration into minutes without throwing.
 *
 * @param text - e.g. "45 min", "3 days", "1.5 hours"
 * @param options - `allowZero` (default false)
 * @returns `{ ok: true, value }` or `{ ok: false, problem, expected }`
 * @example
 * ```ts
 * readDuration("3 days"); //=> { ok: true, value: 4320 }
 * readDuration("45m").ok; //=> false: '"45m" is 45 metres (m = metre), not a duration. Did you mean "45 min"?'
 * ```
 */
export function readDuration(text: string, options: ReadQuantityOptions = {}): Reading<number> {
  return readQuantity(text, "duration", options.allowZero ?? false);
}

/**
 * Reads a rate into events per minute without throwing.
 *
 * @param text - e.g. "120 / week", "300 / year", "0.5 / week"
 * @param options - `allowZero` (default false)
 * @returns `{ ok: true, value }` or `{ ok: false, problem, expected }`
 * @example
 * ```ts
 * readRate("120 / week"); //=> { ok: true, value: 0.011904761904761904 }
 * readRate("120 week").ok; //=> false (a duration, not a rate)
 * ```
 */
export function readRate(text: string, options: ReadQuantityOptions = {}): Reading<number> {
  return readQuantity(text, "rate", options.allowZero ?? false);
}

/**
 * Parses a duration into minutes.
 *
 * @param text - e.g. "45 min", "3 days", "2 weeks", "1.5 hours", "1 month"
 * @param options - `allowZero` (default false)
 * @returns minutes
 * @throws {ScenarioError} for a bare number, an unknown unit, a unit of the wrong kind ("45m" is
 *   metres), a negative, zero (unless allowed) or non-finite value
 * @example
 * ```ts
 * parseDuration("1.5 hours"); //=> 90
 * parseDuration("2 weeks"); //=> 20160
 * ```
 */
export function parseDuration(text: string, options: ReadQuantityOptions = {}): number {
  return unwrap(readDuration(text, options), text);
}

/**
 * Parses a rate into events per minute (a year is 365 days).
 *
 * @param text - e.g. "120 / week", "300 / year"
 * @param options - `allowZero` (default false)
 * @returns events per minute
 * @throws {ScenarioError} for a bare number, an unknown unit, a quantity that is not per time,
 *   a negative, zero (unless allowed) or non-finite value
 * @example
 * ```ts
 * parseRate("525600 / year"); //=> 1
 * ```
 */
export function parseRate(text: string, options: ReadQuantityOptions = {}): number {
  return unwrap(readRate(text, options), text);
}

function unwrap(r: Reading<number>, text: string): number {
  if (r.ok) return r.value;
  throw new ScenarioError([makeIssue("", text, r.expected, r.problem)], "Invalid quantity");
}

function readQuantity(raw: unknown, kind: "duration" | "rate", allowZero: boolean): Reading<number> {
  const expected = (kind === "duration" ? DURATION_EXPECTED : RATE_EXPECTED) + (allowZero ? " (0 allowed)" : "");
  const fail = (problem: string): Reading<number> => ({ ok: false, problem, expected });
  if (typeof raw !== "string") return fail(`${typeof raw} is not text with a unit`);
  const text = raw.trim();
  const number = LEADING_NUMBER.exec(text)?.[0];
  if (text === "") return fail("The text is empty.");
  if (number === undefined) return fail(`"${text}" does not start with a number.`);
  if (number.length === text.length) {
    const example = kind === "duration" ? `"${text} min" or "${text} days"` : `"${text} / week" or "${text} / year"`;
    return fail(`A bare number has no unit: write e.g. ${example}.`);
  }
  let unit: Unit;
  try {
    unit = math().unit(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return fail(suggestUnitFix(text, number, message, kind, TIME_UNITS));
  }
  const found = describeKind(unit.dimensions);
  const wanted = kind === "duration" ? "a duration" : "a rate";
  if (found !== wanted) {
    return fail(suggestUnitFix(text, number, `"${text}" is ${found}, not ${wanted}.`, kind, TIME_UNITS, unit));
  }
  const unsupported = unit.units.find((c) => !TIME_UNITS.includes(c.unit.name) || prefixName(c.prefix) !== "");
  if (unsupported !== undefined) {
    const name = prefixName(unsupported.prefix) + unsupported.unit.name;
    return fail(`The unit "${name}" is not used here: use min, hours, days, weeks, months or years.`);
  }
  const value = unit.toNumber(kind === "duration" ? "min" : "min^-1");
  if (!Number.isFinite(value)) return fail(`"${text}" is not a finite amount.`);
  if (value < 0) return fail(`"${text}" is negative.`);
  if (value === 0 && !allowZero) return fail(`"${text}" is zero; it must be positive.`);
  return { ok: true, value };
}

function prefixName(prefix: unknown): string {
  if (typeof prefix === "string") return prefix;
  if (typeof prefix === "object" && prefix !== null && "name" in prefix) return String(prefix.name);
  return "";
}

/**
 * Writes minutes as a duration string that {@link parseDuration} reads back: whole weeks, days
 * or hours when exact, else minutes (12 significant digits).
 *
 * @param minutes - a finite number ≥ 0
 * @returns e.g. "2 weeks", "3 days", "90 min"
 * @example
 * ```ts
 * formatDuration(20160); //=> "2 weeks"
 * formatDuration(4320); //=> "3 days"
 * formatDuration(90); //=> "90 min"
 * ```
 */
export function formatDuration(minutes: number): string {
  const units: [number, string, string][] = [
    [10080, "week", "weeks"],
    [1440, "day", "days"],
    [60, "hour", "hours"],
  ];
  for (const [size, one, many] of units) {
    const n = minutes / size;
    if (minutes > 0 && Number.isInteger(n)) return `${n} ${n === 1 ? one : many}`;
  }
  return `${tidy(minutes)} min`;
}

/**
 * Writes a per-minute rate as a rate string that {@link parseRate} reads back, in the unit
 * (year, week, day, hour, minute) that needs the fewest digits.
 *
 * @param perMinute - a finite number ≥ 0
 * @returns e.g. "300 / year", "120 / week"
 * @example
 * ```ts
 * formatRate(120 / 10080); //=> "120 / week"
 * formatRate(300 / 525600); //=> "300 / year"
 * ```
 */
export function formatRate(perMinute: number): string {
  const units: [number, string][] = [
    [525600, "year"],
    [10080, "week"],
    [1440, "day"],
    [60, "hour"],
    [1, "min"],
  ];
  // a rate near the largest number overflows in the longer units: write those per minute
  const texts = units.filter(([size]) => Number.isFinite(perMinute * size)).map(([size, name]) => `${tidy(perMinute * size)} / ${name}`);
  if (texts.length === 0) return `${tidy(perMinute)} / min`;
  return texts.reduce((best, t) => (digits(t) < digits(best) ? t : best));
}

function tidy(x: number): string {
  return String(Number(x.toPrecision(12)));
}

function digits(text: string): number {
  return text.replace(/[^0-9]/g, "").replace(/^0+/, "").length;
}
