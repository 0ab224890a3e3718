/**
 * The zod schemas of a spread in the scenario input format: a lognormal `{ mean, cv }`, or one
 * family of lognormal, exponential, gamma, deterministic, triangular, uniform or empirical,
 * read into a {@link Spread}. Each is registered in `expectations` (fields.ts) with what it
 * expects in words, which error messages quote.
 *
 * @packageDocumentation
 */
import { z } from "zod";
import { empirical, triangular, uniform } from "../random/index.js";
import { SPREAD_FAMILIES, type Spread } from "./types.js";
import { cvOf } from "./spreads.js";
import { duration, durationOrZero, expecting } from "./fields.js";
import { readDuration } from "./units.js";

/**
 * The largest coefficient of variation of a spread. Work and delays are lognormal with
 * σ² = ln(1 + cv²): past about 1.3e154, cv² overflows and no time can be drawn (a cv of 1e300
 * once passed validation and stopped the run with "serviceTime ... got NaN").
 */
export const MAX_CV = 1e150;

/**
 * Makes a lognormal spread `{ mean, cv }` whose mean is read by `mean` (a duration schema).
 *
 * @param mean - schema of the mean, e.g. {@link duration}
 * @returns the spread schema (output `{ mean: minutes, cv }`)
 * @example
 * ```ts
 * spreadOf(duration).parse({ mean: "20 min", cv: 0.8 }); //=> { mean: 20, cv: 0.8 }
 * ```
 */
export function spreadOf<T extends z.ZodType<number, string>>(mean: T) {
  const cv = expecting(z.number().min(0).max(MAX_CV), "a coefficient of variation from 0 (always the mean) to 1e150");
  return expecting(
    z.strictObject({ mean: mean.describe("Mean"), cv: cv.describe("Coefficient of variation (lognormal); 0 = fixed") }),
    'a spread { mean: "20 min", cv: 0.8 }',
  );
}

/** What a spread may be, in words (error messages quote it). */
const SPREAD_EXPECTED =
  'a spread: { mean: "20 min", cv: 0.8 } (lognormal), or one family of lognormal, exponential, gamma, deterministic, triangular, uniform, empirical, ' +
  'e.g. { exponential: "10 min" }, { gamma: { mean: "20 min", cv: 0.5 } }, { deterministic: "20 min" }, { triangular: { min: "5 min", mode: "10 min", max: "40 min" } }, ' +
  '{ uniform: { min: "5 min", max: "15 min" } }, { empirical: ["12 min", "7 min", "45 min"] }';

const cvOrZero = expecting(z.number().min(0).max(MAX_CV), "a coefficient of variation from 0 (always the mean) to 1e150");
const gammaCv = expecting(z.number().min(0.001).max(1000), "a coefficient of variation from 0.001 to 1000 (for a fixed time write { deterministic: ... })");
const gammaShape = expecting(z.number().min(1e-6).max(1e6), "a shape from 0.000001 to 1,000,000");
/** The most values an empirical spread may list (a year of a busy line's calls fits). */
const MAX_EMPIRICAL_VALUES = 1_000_000;

const lognormalParams = expecting(
  z.strictObject({ mean: duration.describe("Mean"), cv: cvOrZero.describe("Coefficient of variation; 0 = always the mean") }),
  'a lognormal { mean: "20 min", cv: 0.8 }',
);

const gammaParams = expecting(
  z
    .strictObject({
      mean: duration.optional().describe("Mean (with cv)"),
      cv: gammaCv.optional().describe("Coefficient of variation (with mean); shape = 1 / cv²"),
      shape: gammaShape.optional().describe("Shape k (with scale)"),
      scale: duration.optional().describe("Scale θ (with shape); mean = kθ"),
    })
    .superRefine((g, ctx) => {
      const byMean = g.mean !== undefined || g.cv !== undefined;
      const byShape = g.shape !== undefined || g.scale !== undefined;
      const expected = 'a gamma { mean: "20 min", cv: 0.5 } or { shape: 4, scale: "5 min" }';
      if (byMean && byShape) ctx.addIssue({ code: "custom", message: "Give mean and cv, or shape and scale, not both.", params: { expected } });
      else if (byMean ? g.mean === undefined || g.cv === undefined : g.shape === undefined || g.scale === undefined) {
        ctx.addIssue({ code: "custom", message: byMean ? "Give both mean and cv." : byShape ? "Give both shape and scale." : "Give mean and cv, or shape and scale.", params: { expected } });
      }
    }),
  'a gamma { mean: "20 min", cv: 0.5 } or { shape: 4, scale: "5 min" }',
);

const triangularParams = expecting(
  z
    .strictObject({
      min: durationOrZero.describe("Lower end"),
      mode: durationOrZero.describe("Most likely value, from min to max"),
      max: duration.describe("Upper end, above min"),
    })
    .superRefine((t, ctx) => {
      if (!(t.max > t.min)) ctx.addIssue({ code: "custom", path: ["max"], message: "max must be above min.", params: { expected: "a duration above min" } });
      else if (t.mode < t.min || t.mode > t.max) ctx.addIssue({ code: "custom", path: ["mode"], message: "mode must lie from min to max.", params: { expected: "a duration from min to max" } });
    }),
  'a triangular { min: "5 min", mode: "10 min", max: "40 min" }',
);

const uniformParams = expecting(
  z
    .strictObject({ min: durationOrZero.describe("Lower end"), max: duration.describe("Upper end, above min") })
    .superRefine((u, ctx) => {
      if (!(u.max > u.min)) ctx.addIssue({ code: "custom", path: ["max"], message: "max must be above min.", params: { expected: "a duration above min" } });
    }),
  'a uniform { min: "5 min", max: "15 min" }',
);

const EMPIRICAL_EXPECTED = `observed durations: a list such as ["12 min", "7 min", "1 hour"], { values: [12, 7, 60], unit: "min" }, or { file: "times.csv", unit: "min" } in a scenario file read by helhet/node; 1 to ${MAX_EMPIRICAL_VALUES.toLocaleString("en")} values`;

/** The input of an empirical spread after reading: minutes, or a CSV file left for helhet/node. */
type EmpiricalRead = { readonly minutes: number[] } | { readonly file: string };

/**
 * Observed durations, read by hand rather than as a zod union so that a problem is reported at
 * the value that has it (`empirical[3]`, `empirical.unit`) with what was expected there.
 */
const empiricalParams = expecting(
  z
    .unknown()
    .transform((input, ctx): EmpiricalRead => {
      const issue = (path: PropertyKey[], value: unknown, message: string, expected: string) =>
        ctx.issues.push({ code: "custom", message, input: value, path, params: { expected } });
      const tooMany = (n: number) => n > MAX_EMPIRICAL_VALUES;
      if (Array.isArray(input)) {
        if (input.length === 0 || tooMany(input.length)) {
          issue([], input, input.length === 0 ? "The list is empty." : `It lists ${input.length.toLocaleString("en")} values.`, EMPIRICAL_EXPECTED);
          return { minutes: [] };
        }
        const minutes: number[] = [];
        input.forEach((v, i) => {
          const r = readDuration(typeof v === "string" ? v : String(v), { allowZero: true });
          if (typeof v === "number") issue([i], v, `A bare number has no unit: write e.g. "${v} min", or give { values, unit }.`, 'a duration ≥ 0, e.g. "12 min"');
          else if (typeof v !== "string") issue([i], v, "It is not text with a unit.", 'a duration ≥ 0, e.g. "12 min"');
          else if (!r.ok) issue([i], v, r.problem, r.expected);
          else minutes.push(r.value);
        });
        return { minutes };
      }
      if (typeof input !== "object" || input === null) {
        issue([], input, "It is neither a list nor an object.", EMPIRICAL_EXPECTED);
        return { minutes: [] };
      }
      const o = input as Record<string, unknown>;
      for (const key of Object.keys(o)) {
        if (!["values", "unit", "file"].includes(key)) issue([key], o[key], `unknown key "${key}"`, "one of the keys values, unit, file");
      }
      let perUnit = 1;
      if (o["unit"] !== undefined) {
        const r = typeof o["unit"] === "string" ? readDuration(`1 ${o["unit"]}`) : undefined;
        if (r?.ok === true) perUnit = r.value;
        else issue(["unit"], o["unit"], "It is not a unit of time.", 'a unit of time: "s", "min", "hours", "days", "weeks", "months" or "years"');
      }
      if (o["file"] !== undefined) {
        if (o["values"] !== undefined) issue([], input, "Give values or a file, not both.", EMPIRICAL_EXPECTED);
        else if (typeof o["file"] !== "string" || o["file"] === "") issue(["file"], o["file"], "It is not a file name.", "the name of a CSV file");
        else {
          issue(
            ["file"],
            o["file"],
            "A CSV file is read when the scenario is read from a file (helhet/node's readScenarioFile, or the helhet command); here give the values as a list",
            "observed values as a list: a CSV file only in a scenario file read by helhet/node",
          );
        }
        return { file: String(o["file"]) };
      }
      const values = o["values"];
      if (!Array.isArray(values) || values.length === 0 || tooMany(values.length)) {
        issue(["values"], values, values === undefined ? "Give the values (with their unit) or a file." : "It is not a list of 1 or more numbers.", `a list of 1 to ${MAX_EMPIRICAL_VALUES.toLocaleString("en")} numbers ≥ 0`);
        return { minutes: [] };
      }
      if (o["unit"] === undefined) issue(["unit"], undefined, "The values need their unit.", 'a unit of time, e.g. "min"');
      const minutes: number[] = [];
      values.forEach((v, i) => {
        if (typeof v === "number" && Number.isFinite(v) && v >= 0) minutes.push(v * perUnit);
        else issue(["values", i], v, "It is not a number ≥ 0.", "an observed value: a number ≥ 0 in the unit given");
      });
      return { minutes };
    })
    .meta({
      anyOf: [
        { type: "array", items: { type: "string" }, minItems: 1, description: 'Observed durations, e.g. ["12 min", "7 min"]' },
        {
          type: "object",
          properties: { values: { type: "array", items: { type: "number", minimum: 0 }, minItems: 1 }, unit: { type: "string" } },
          required: ["values", "unit"],
          additionalProperties: false,
          description: 'Observed values in one unit, e.g. { values: [12, 7], unit: "min" }',
        },
        {
          type: "object",
          properties: { file: { type: "string" }, unit: { type: "string" } },
          required: ["file"],
          additionalProperties: false,
          description: "A CSV file of observed values, one a row in the first column (a header row is skipped), relative to the scenario file: read by helhet/node; unit: of bare numbers in the file",
        },
      ],
    }),
  EMPIRICAL_EXPECTED,
);

/**
 * A spread as written in a scenario (durations with units): one of its forms. See
 * docs/scenario-format.md.
 */
export type SpreadInput =
  | { readonly mean: string; readonly cv: number }
  | { readonly lognormal: { readonly mean: string; readonly cv: number } }
  | { readonly exponential: string }
  | { readonly gamma: { readonly mean: string; readonly cv: number } | { readonly shape: number; readonly scale: string } }
  | { readonly deterministic: string }
  | { readonly triangular: { readonly min: string; readonly mode: string; readonly max: string } }
  | { readonly uniform: { readonly min: string; readonly max: string } }
  | { readonly empirical: readonly string[] | { readonly values: readonly number[]; readonly unit: string } | { readonly file: string; readonly unit?: string } };

/**
 * A spread of minutes: a lognormal `{ mean: "20 min", cv: 0.8 }` (the default form), or one
 * distribution family: `{ lognormal: { mean, cv } }`, `{ exponential: mean }`,
 * `{ gamma: { mean, cv } }` or `{ gamma: { shape, scale } }`, `{ deterministic: value }`,
 * `{ triangular: { min, mode, max } }`, `{ uniform: { min, max } }`, or
 * `{ empirical: [observed durations] }` (also `{ values: [numbers], unit }`; a CSV `{ file }`
 * in a scenario file read by helhet/node). An unknown family is an unknown key, refused with
 * the keys accepted. Output: a {@link Spread} with its family's mean and cv (a lognormal one is
 * `{ mean, cv }` as before).
 *
 * @example
 * ```ts
 * spread.parse({ mean: "1 hour", cv: 0 }); //=> { mean: 60, cv: 0 }
 * spread.parse({ exponential: "10 min" }); //=> { family: "exponential", mean: 10, cv: 1 }
 * ```
 */
export const spread = expecting(
  z
    .strictObject({
      mean: duration.optional().describe("Mean of a lognormal spread (with cv)"),
      cv: cvOrZero.optional().describe("Coefficient of variation of a lognormal spread (with mean); 0 = always the mean"),
      lognormal: lognormalParams.optional().describe("Lognormal by its own mean and cv: the same as { mean, cv }"),
      exponential: duration.optional().describe('Exponential with this mean (cv 1), e.g. "10 min"'),
      gamma: gammaParams.optional().describe("Gamma by mean and cv, or by shape and scale"),
      deterministic: duration.optional().describe("Always this value (cv 0)"),
      triangular: triangularParams.optional().describe("Triangular from min to max, most likely at mode"),
      uniform: uniformParams.optional().describe("Uniform from min to max"),
      empirical: empiricalParams.optional().describe("Observed values, each drawn equally often (resampling)"),
    })
    .superRefine((s, ctx) => {
      // an unknown key (most likely a family helhet does not have) is the one problem told: its
      // message lists the keys, so the families, accepted
      if (ctx.issues.some((i) => i.code === "unrecognized_keys" && (i.path ?? []).length === 0)) return;
      const families = SPREAD_FAMILIES.filter((f) => s[f] !== undefined);
      const lognormalKeys = (["mean", "cv"] as const).filter((k) => s[k] !== undefined);
      if (families.length + (lognormalKeys.length > 0 ? 1 : 0) > 1) {
        const given = [...(lognormalKeys.length > 0 ? ["mean/cv"] : []), ...families].join(", ");
        ctx.addIssue({ code: "custom", message: `It gives ${given}: give one form only.`, params: { expected: SPREAD_EXPECTED } });
      } else if (families.length === 0 && lognormalKeys.length < 2) {
        const missing = lognormalKeys.length === 0 ? "It names no family and no mean and cv." : `It has ${lognormalKeys[0]} without ${lognormalKeys[0] === "mean" ? "cv" : "mean"}.`;
        ctx.addIssue({ code: "custom", message: missing, params: { expected: SPREAD_EXPECTED } });
      }
      const g = s.gamma;
      if (g?.mean !== undefined && g.cv !== undefined && !(g.mean * g.cv * g.cv > 0)) {
        // the scale mean·cv² must be a number above 0 for a gamma time to be drawn
        ctx.addIssue({ code: "custom", path: ["gamma"], message: `Its scale, mean × cv², is too small to compute (${g.mean} min × ${g.cv}²).`, params: { expected: "a gamma whose mean × cv² is above 1e-300 minutes" } });
      }
      const e = s.empirical;
      const values = e !== undefined && "minutes" in e ? e.minutes : undefined;
      if (values !== undefined && values.length > 0 && values.every((v) => v === 0)) {
        ctx.addIssue({ code: "custom", path: ["empirical"], message: "Every value is 0: a duration must be positive on average.", params: { expected: "observed durations, at least one above 0" } });
      }
    })
    .transform((s): Spread => toSpread(s))
    .meta({
      id: "spread",
      title: "Spread",
      description:
        "A duration that varies, in exactly one form: { mean, cv } (lognormal, the default), or one family key: lognormal, exponential, gamma, deterministic, triangular, uniform or empirical (docs/scenario-format.md)",
      additionalProperties: false,
      oneOf: [{ required: ["mean", "cv"] }, ...SPREAD_FAMILIES.map((f) => ({ required: [f] }))],
    }),
  SPREAD_EXPECTED,
) as unknown as z.ZodType<Spread, SpreadInput>;

type SpreadFields = {
  mean?: number | undefined;
  cv?: number | undefined;
  lognormal?: { mean: number; cv: number } | undefined;
  exponential?: number | undefined;
  gamma?: { mean?: number | undefined; cv?: number | undefined; shape?: number | undefined; scale?: number | undefined } | undefined;
  deterministic?: number | undefined;
  triangular?: { min: number; mode: number; max: number } | undefined;
  uniform?: { min: number; max: number } | undefined;
  empirical?: EmpiricalRead | undefined;
};

/** The model's spread of validated input: its family's parameters, mean and cv. */
function toSpread(s: SpreadFields): Spread {
  if (s.lognormal !== undefined) return { mean: s.lognormal.mean, cv: s.lognormal.cv };
  if (s.exponential !== undefined) return { family: "exponential", mean: s.exponential, cv: 1 };
  if (s.deterministic !== undefined) return { family: "deterministic", mean: s.deterministic, cv: 0 };
  if (s.gamma !== undefined) {
    const g = s.gamma;
    if (g.mean !== undefined && g.cv !== undefined) return { family: "gamma", mean: g.mean, cv: g.cv };
    const shape = g.shape as number;
    return { family: "gamma", mean: shape * (g.scale as number), cv: 1 / Math.sqrt(shape) };
  }
  if (s.triangular !== undefined) {
    const { min, mode, max } = s.triangular;
    const d = triangular({ min, mode, max });
    return { family: "triangular", mean: d.mean, cv: cvOf(d), min, mode, max };
  }
  if (s.uniform !== undefined) {
    const { min, max } = s.uniform;
    const d = uniform({ min, max });
    return { family: "uniform", mean: d.mean, cv: cvOf(d), min, max };
  }
  if (s.empirical !== undefined && "minutes" in s.empirical) {
    const values = s.empirical.minutes;
    const d = empirical(values);
    return { family: "empirical", mean: d.mean, cv: cvOf(d), values };
  }
  return { mean: s.mean as number, cv: s.cv as number };
}
