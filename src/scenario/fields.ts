/**
 * The zod building blocks of the scenario input format: durations, rates, shares, opening hours,
 * channel mixes and profiles (spreads are in spreadFields.ts). Each is registered in {@link expectations} with
 * what it expects in words, which error messages quote.
 *
 * @packageDocumentation
 */
import { z } from "zod";
import { WeeklyCalendar, type WeekInterval } from "../engine/index.js";
import { CHANNELS, type Channel } from "./types.js";
import { HOURS_EXPECTED, readEntry } from "./hours.js";
import { readDuration, readRate } from "./units.js";
import type { Reading } from "./unitWords.js";

/** What a schema expects, in words, and which hint a bare number gets. */
export interface Expectation {
  readonly expected: string;
  readonly unit?: "duration" | "rate";
}

/**
 * Registry of expectations for the leaf schemas (kept out of the JSON Schema, unlike
 * descriptions).
 *
 * @example
 * ```ts
 * expectations.get(share)?.expected; //=> "a number from 0 to 1"
 * ```
 */
export const expectations = z.registry<Expectation>();

/**
 * Registers what `schema` expects and returns it.
 *
 * @param schema - any zod schema
 * @param expected - the expectation in words
 * @param unit - "duration" or "rate" for quantity fields
 * @returns `schema`
 * @example
 * ```ts
 * const staff = expecting(z.number().int().min(1), "a whole number ≥ 1");
 * ```
 */
export function expecting<T extends z.ZodType>(schema: T, expected: string, unit?: "duration" | "rate"): T {
  (schema as z.ZodType).register(expectations, unit === undefined ? { expected } : { expected, unit });
  return schema;
}

/**
 * The longest duration a scenario or policy takes: 1,000,000 years, in minutes. Beyond any
 * sensible run, and short enough that work drawn from it (a lognormal draw is at most about
 * 1e16 times its mean), times every factor the model applies, and summed into costs, stays a
 * finite number: "1e300 min" with a cv of 50 once passed validation and stopped the run with
 * "serviceTime ... got Infinity".
 */
export const MAX_DURATION_MINUTES = 1_000_000 * 525_600;

/**
 * The largest rate of `perYear` a year, in the per-minute unit of a scenario, with room for the
 * rounding of a rate written in words: "100000000 / year" reads one unit in the last place above
 * 1e8 / 525,600, and a limit must take the value it names.
 *
 * @param perYear - the limit, a year
 * @returns the limit a minute, a part in 10¹² above the exact quotient
 * @example
 * ```ts
 * perYearLimit(52) >= parseRate("52 / year"); //=> true
 * ```
 */
export function perYearLimit(perYear: number): number {
  return (perYear / 525_600) * (1 + 1e-12);
}

function quantity(read: (t: string) => Reading<number>, longest?: number) {
  return z.string().transform((text, ctx) => {
    const r = read(text);
    if (!r.ok) {
      ctx.issues.push({ code: "custom", message: r.problem, input: text });
      return z.NEVER;
    }
    if (longest !== undefined && r.value > longest) {
      ctx.issues.push({ code: "custom", message: `"${text.length > 40 ? `${text.slice(0, 37)}...` : text}" is longer than the longest duration a scenario takes, 1,000,000 years.`, input: text });
      return z.NEVER;
    }
    return r.value;
  });
}

/**
 * A positive duration such as "45 min" (output: minutes).
 *
 * @example
 * ```ts
 * duration.parse("3 days"); //=> 4320
 * ```
 */
export const duration = expecting(quantity((t) => readDuration(t), MAX_DURATION_MINUTES), 'a positive duration, e.g. "45 min" or "3 days"', "duration");

/**
 * A duration ≥ 0 such as "0 min" or "2 weeks" (output: minutes).
 *
 * @example
 * ```ts
 * durationOrZero.parse("0 min"); //=> 0
 * ```
 */
export const durationOrZero = expecting(quantity((t) => readDuration(t, { allowZero: true }), MAX_DURATION_MINUTES), 'a duration ≥ 0, e.g. "0 min" or "2 weeks"', "duration");

/**
 * A positive rate such as "120 / week" (output: per minute; a year is 365 days).
 *
 * @example
 * ```ts
 * rate.parse("525600 / year"); //=> 1
 * ```
 */
export const rate = expecting(quantity((t) => readRate(t)), 'a positive rate, e.g. "120 / week" or "300 / year"', "rate");

/**
 * A rate ≥ 0 such as "0.5 / week" (output: per minute).
 *
 * @example
 * ```ts
 * rateOrZero.parse("0 / week"); //=> 0
 * ```
 */
export const rateOrZero = expecting(quantity((t) => readRate(t, { allowZero: true })), 'a rate ≥ 0, e.g. "0.5 / week"', "rate");

/**
 * A share or probability from 0 to 1.
 *
 * @example
 * ```ts
 * share.parse(0.25); //=> 0.25
 * ```
 */
export const share = expecting(z.number().min(0).max(1), "a number from 0 to 1");

/**
 * A finite number ≥ 0.
 *
 * @example
 * ```ts
 * nonNegative.parse(2); //=> 2
 * ```
 */
export const nonNegative = expecting(z.number().min(0), "a number ≥ 0");

/**
 * A multiple of another number from 0 to 1,000 (pay as a multiple of the cost of a staff hour,
 * extra contact time as a share of it): large enough for any design, small enough that products
 * of durations, factors and costs stay finite.
 *
 * @example
 * ```ts
 * multiple.parse(1.4); //=> 1.4
 * ```
 */
export const multiple = expecting(z.number().min(0).max(1000), "a number from 0 to 1,000");

/**
 * A whole number ≥ 1.
 *
 * @example
 * ```ts
 * positiveInteger.parse(3); //=> 3
 * ```
 */
export const positiveInteger = expecting(z.number().int().min(1), "a whole number ≥ 1");

/**
 * An identifier: a letter, then letters, digits, "-" or "_".
 *
 * @example
 * ```ts
 * identifier.parse("contactCentre"); //=> "contactCentre"
 * ```
 */
export const identifier = expecting(z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/), 'an id: a letter, then letters, digits, "-" or "_"');

/**
 * Free text.
 *
 * @example
 * ```ts
 * text.parse("contact centre"); //=> "contact centre"
 * ```
 */
export const text = expecting(z.string(), "text");

/**
 * A name: text of one line, not empty. Names are printed in messages, tables and reports, where
 * a line break would add lines of its own (terminal escapes are escaped, line breaks refused).
 *
 * @example
 * ```ts
 * oneLineName.parse("contact centre"); //=> "contact centre"
 * oneLineName.safeParse("contact\ncentre").success; //=> false
 * ```
 */
export const oneLineName = expecting(
  z.string().min(1).regex(/^[^\n\r\v\f\u0085\u2028\u2029]*$/),
  "a non-empty name on one line (no line breaks)",
);

/**
 * Opening hours: one entry, a list of entries, or "always" (output: merged week intervals).
 *
 * @example
 * ```ts
 * hours.parse("Mon 08:00-12:00"); //=> [[480, 720]]
 * ```
 */
export const hours = expecting(
  z.union([z.string(), z.array(z.string()).min(1)]).transform((value, ctx) => {
    const entries = typeof value === "string" ? [value] : value;
    const all: WeekInterval[] = [];
    entries.forEach((entry, i) => {
      const r = readEntry(entry);
      if (r.ok) all.push(...r.value);
      else ctx.issues.push({ code: "custom", message: r.problem, input: entry, path: typeof value === "string" ? [] : [i], params: { expected: r.expected } });
    });
    if (all.length === 0) return z.NEVER;
    return WeeklyCalendar.fromIntervals(all).intervals.map(([s, e]): WeekInterval => [s, e]);
  }),
  HOURS_EXPECTED,
);

/**
 * A channel: phone, visit, email or eform.
 *
 * @example
 * ```ts
 * channel.parse("phone"); //=> "phone"
 * ```
 */
export const channel = expecting(z.enum(["phone", "visit", "email", "eform"] as const satisfies readonly Channel[]), "one of phone, visit, email, eform");

/**
 * A channel mix `{ phone: 0.5, visit: 0.1, email: 0.15, eform: 0.25 }`; missing channels are 0
 * (output: shares in the order of `CHANNELS`). That it sums to 1 is a cross-check.
 *
 * @example
 * ```ts
 * channelMix.parse({ phone: 0.75, eform: 0.25 }); //=> [0.75, 0, 0, 0.25]
 * ```
 */
export const channelMix = expecting(
  z
    .strictObject({
      phone: share.optional().describe("Share of first contacts by phone"),
      visit: share.optional().describe("Share of first contacts by visit"),
      email: share.optional().describe("Share of first contacts by e-mail"),
      eform: share.optional().describe("Share of first contacts by e-form (goes to the back office)"),
    })
    .transform((m) => CHANNELS.map((c) => m[c] ?? 0)),
  "a channel mix such as { phone: 0.5, visit: 0.1, email: 0.15, eform: 0.25 } summing to 1",
);

/**
 * Makes a list of `n` non-negative weights, not all zero.
 *
 * @param n - the length
 * @param what - what the entries are, e.g. "Monday first"
 * @returns the schema
 * @example
 * ```ts
 * weights(7, "Monday first").parse([1, 1, 1, 1, 1, 0, 0]).length; //=> 7
 * ```
 */
export function weights(n: number, what: string) {
  return expecting(
    z
      .array(expecting(z.number().min(0), "a weight ≥ 0"))
      .length(n)
      .refine((a) => a.length !== n || a.some((x) => !(x >= 0)) || a.some((x) => x > 0), { message: "The weights are all zero." }),
    `${n} weights ≥ 0, ${what}, not all zero`,
  );
}
