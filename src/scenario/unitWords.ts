/**
 * Words for unit problems: what kind of quantity a string is, and a corrected string to
 * suggest ("3 d" → "3 days", "45m" → "45 min", "120 per week" → "120 / week").
 *
 * @packageDocumentation
 */
import { type Unit } from "mathjs";
import { closestMatch } from "./suggest.js";

/** The result of reading a value without throwing: the value, or the problem and the expectation. */
export type Reading<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: string; readonly expected: string };

/** What a duration field expects, in words. */
export const DURATION_EXPECTED = 'a duration: a number and a unit, e.g. "45 min", "1.5 hours", "3 days", "2 weeks"';

/** What a rate field expects, in words. */
export const RATE_EXPECTED = 'a rate: a number per time unit, e.g. "120 / week", "300 / year"';

/** Common abbreviations and Swedish words mathjs does not know, and the unit meant. */
const MEANT: Readonly<Record<string, string>> = {
  d: "day", dy: "day", dag: "day", dagar: "day", dygn: "day",
  w: "week", wk: "week", wks: "week", v: "week", vecka: "week", veckor: "week",
  mo: "month", mon: "month", mth: "month", mths: "month", mnth: "month", "månad": "month", "månader": "month",
  y: "year", yr: "year", yrs: "year", "år": "year", a: "year",
  m: "min", mi: "min", mn: "min", t: "hour", tim: "hour", timme: "hour", timmar: "hour",
};

const WORDS = ["second", "minute", "hour", "day", "week", "month", "year"];
const SHORT_PLURALS: Readonly<Record<string, string>> = { mins: "min", hrs: "hr", secs: "sec" };

/** Names of dimension patterns (mathjs order: mass, length, time, current, temperature, ...). */
const KINDS: ReadonlyArray<[string, string]> = [
  ["0,0,1", "a duration"],
  ["0,0,-1", "a rate"],
  ["0,1", "a length"],
  ["1", "a mass"],
  ["0,-1", "something per length"],
  ["0,2", "an area"],
  ["0,3", "a volume"],
  ["0,0,0,0,1", "a temperature"],
  ["", "a pure number"],
];

/**
 * Names the kind of quantity of mathjs dimension exponents.
 *
 * @param dimensions - exponents in mathjs order (mass, length, time, ...)
 * @returns e.g. "a duration", "a rate", "a length", "a pure number"
 * @example
 * ```ts
 * describeKind([0, 1, 0, 0, 0, 0, 0, 0, 0]); //=> "a length"
 * ```
 */
export function describeKind(dimensions: readonly number[]): string {
  const trimmed = [...dimensions];
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === 0) trimmed.pop();
  const key = trimmed.join(",");
  return KINDS.find(([k]) => k === key)?.[1] ?? "a quantity of another kind";
}

/**
 * Turns a unit problem into a message with a suggested correction where one is likely.
 *
 * @param text - the text as written (trimmed)
 * @param number - its leading number
 * @param problem - the problem so far (a mathjs message or a wrong-kind sentence)
 * @param kind - what was wanted
 * @param allowed - accepted unit names
 * @param unit - the parsed unit, when mathjs could read it
 * @returns the problem sentence, ending with `Did you mean "..."?` when a fix is likely
 * @example
 * ```ts
 * suggestUnitFix("3 d", "3", 'Unit "d" not found.', "duration", ["day", "days"]);
 * //=> 'Unknown unit "d". Did you mean "3 days"?'
 * ```
 */
export function suggestUnitFix(
  text: string,
  number: string,
  problem: string,
  kind: "duration" | "rate",
  allowed: readonly string[],
  unit?: Unit,
): string {
  const unknown = /Unit "([^"]+)" not found/.exec(problem)?.[1];
  if (unknown !== undefined) {
    if (unknown.toLowerCase() === "per") return `Unknown unit "per": write a rate with "/". Did you mean "${text.replace(/\s*\bper\b\s*/i, " / ")}"?`;
    const word = unitWord(unknown, kind, number, allowed);
    const fix = word === undefined ? " Use min, hours, days, weeks, months or years." : ` Did you mean "${spell(number, word, kind)}"?`;
    return `Unknown unit "${unknown}".${fix}`;
  }
  if (unit === undefined) {
    return `"${text}" is not one number with one unit (${problem.replace(/\.$/, "")}).`;
  }
  const only = unit.units.length === 1 ? unit.units[0] : undefined;
  const bare = only !== undefined && (typeof only.prefix === "string" ? only.prefix : (only.prefix as { name?: string }).name ?? "") === "";
  if (bare && only.unit.name === "m" && Math.abs(only.power) === 1) {
    const what = only.power === 1 ? `${number} metres (m = metre)` : "per metre (m = metre)";
    return `"${text}" is ${what}, not ${kind === "duration" ? "a duration" : "a rate"}. Did you mean "${spell(number, "min", kind)}"?`;
  }
  if (kind === "rate" && bare && only.power === 1 && allowed.includes(only.unit.name)) {
    return `${problem} Did you mean "${spell(number, only.unit.name, kind)}"?`;
  }
  return problem;
}

/** The accepted unit word meant by `token`, in the right number for `kind`, or undefined. */
function unitWord(token: string, kind: "duration" | "rate", number: string, allowed: readonly string[]): string | undefined {
  const lower = token.toLowerCase();
  const base = allowed.includes(lower) ? lower : MEANT[lower] ?? closestMatch(lower, allowed);
  return base === undefined ? undefined : inflect(base, kind, number);
}

/** Singular after "/" or after 1; plural after other numbers (for the long words). */
function inflect(word: string, kind: "duration" | "rate", number: string): string {
  const singular = SHORT_PLURALS[word] ?? (WORDS.includes(word.replace(/s$/, "")) ? word.replace(/s$/, "") : word);
  if (!WORDS.includes(singular)) return singular;
  return kind === "rate" || Number(number) === 1 ? singular : `${singular}s`;
}

function spell(number: string, word: string, kind: "duration" | "rate"): string {
  const w = inflect(word, kind, number);
  return kind === "duration" ? `${number} ${w}` : `${number} / ${w}`;
}
