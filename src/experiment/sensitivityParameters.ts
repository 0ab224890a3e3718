/**
 * The parameters a sensitivity study varies, and how each is set: the GUESS-labelled citizen
 * behaviour and mechanism strengths (read from the scenario schema's descriptions, where the
 * label and any documented range live), or dotted paths chosen by the caller. Each parameter
 * has a numeric value (minutes for a duration, events per minute for a rate), a range, and a
 * way to make the scenario and policies at any value in it (docs/drivers.md, "Sensitivity").
 *
 * @packageDocumentation
 */
import type { Policy } from "../policy/index.js";
import { validatePolicy } from "../policy/index.js";
import { formatDuration, formatRate, parseDuration, parseRate, parseScenario, scenarioJsonSchema, scenarioToInput, ScenarioError, validateScenario, type Scenario } from "../scenario/index.js";
import { formatValue } from "../scenario/errors.js";
import { getPath, setPath } from "./paths.js";

/** How a parameter's value is written: a plain number, a duration (minutes) or a rate (per minute). */
export type ParameterKind = "number" | "duration" | "rate";

/** A parameter of a sensitivity study or a winner map, with its range. */
export interface SensitivityParameter {
  /** The dotted path: into the scenario as written in a file (`mechanisms.handoffInfoLoss`, `citizens.phonePatience.mean`), into the model's scenario as `sweep` takes it, or `policy.…` into every policy. */
  readonly path: string;
  readonly kind: ParameterKind;
  /** The value in the scenario (or the policies) as given: a number, minutes or events per minute. */
  readonly value: number;
  /** The two ends of the range, in the same unit. */
  readonly low: number;
  readonly high: number;
  /** Where the range comes from: the schema's documented range, half to double the value, or the `ranges` option. */
  readonly rangeFrom: "documented" | "halfToDouble" | "given";
  /** Whether only whole numbers are allowed (the ends are rounded outward, bisection stops at a step of 1). */
  readonly integer: boolean;
}

/** A GUESS-labelled parameter that is not varied, and why. */
export interface SkippedParameter {
  readonly path: string;
  readonly reason: string;
}

/** A knob: a parameter and the scenario and policies at any value. */
export interface ParameterKnob extends SensitivityParameter {
  /** The scenario and policies with the parameter at `value` (checked as a file would be). */
  readonly at: (value: number) => { readonly scenario: Scenario; readonly policies: readonly Policy[] };
  /** The value as written in a file: `0.15`, `"2.5 min"`, `"0.5 / week"`. */
  readonly show: (value: number) => number | string;
  /** A value given by the caller (a number in the parameter's unit, or text such as `"4 min"`) as a number. */
  readonly read: (given: unknown) => number;
}

type SchemaNode = { type?: string; minimum?: number; maximum?: number; description?: string; $ref?: string; properties?: Record<string, SchemaNode> };

/** The label of a GUESS in a schema description: `(…; GUESS)` or `(…; GUESS; range A to B)` at its end. */
const GUESS_LABEL = /[(;] ?GUESS(?:; range (.+) to (.+))?\)$/;

/**
 * The GUESS-labelled parameters of citizen behaviour and mechanism strengths, as the scenario
 * schema labels them (a field's description ends in "GUESS" or "GUESS; range A to B"): the
 * path, in the input format, and the documented range as written (null where none is
 * documented). A spread is varied by its mean (`citizens.phonePatience.mean`).
 *
 * @returns the labelled parameters in schema order
 * @example
 * ```ts
 * guessLabels().find((g) => g.path === "mechanisms.handoffInfoLoss"); //=> { path: "mechanisms.handoffInfoLoss", range: ["0.05", "0.3"] }
 * ```
 */
export function guessLabels(): { readonly path: string; readonly range: readonly [string, string] | null }[] {
  const schema = scenarioJsonSchema() as { properties: Record<string, SchemaNode> };
  const out: { path: string; range: readonly [string, string] | null }[] = [];
  for (const group of ["citizens", "mechanisms"]) {
    for (const [key, node] of Object.entries(schema.properties[group]?.properties ?? {})) {
      const m = GUESS_LABEL.exec(node.description ?? "");
      if (m === null) continue;
      const spread = node.$ref !== undefined || node.properties?.["mean"] !== undefined;
      out.push({ path: `${group}.${key}${spread ? ".mean" : ""}`, range: m[1] === undefined ? null : [m[1], m[2] as string] });
    }
  }
  return out;
}

/** The schema node of an input path of citizens or mechanisms (for bounds and whole numbers), if any. */
function schemaNode(path: string): SchemaNode | undefined {
  const [group, key, sub] = path.split(".");
  if ((group !== "citizens" && group !== "mechanisms") || sub !== undefined) return undefined;
  const schema = scenarioJsonSchema() as { properties: Record<string, SchemaNode> };
  return schema.properties[group]?.properties?.[key as string];
}

/**
 * The knob of one path: where the value lives (the scenario as written, the model's scenario, or
 * every policy), its kind and value, and how to make the scenario and policies at any value.
 *
 * @param scenario - the scenario
 * @param policies - the policies
 * @param path - a dotted path; `policy.` for the policies
 * @param range - the range as given (numbers or texts), or null for half to double the value
 * @param documented - whether `range` is the schema's documented one
 * @returns the knob
 * @throws RangeError when the path does not exist, its value is not a number, duration or
 *   rate, the policies differ there and no range is given, or the range does not read
 * @example
 * ```ts
 * const k = parameterKnob(loadScenario("teaching"), [policies.minutes, policies.whole], "mechanisms.misrouteWork", null);
 * [k.low, k.high, k.show(k.high)]; //=> [2.5, 10, "10 min"]
 * ```
 */
export function parameterKnob(scenario: Scenario, policies: readonly Policy[], path: string, range: readonly unknown[] | null, documented = false): ParameterKnob {
  if (typeof path !== "string" || path.trim() === "") throw new RangeError(`a parameter must be a dotted path such as mechanisms.handoffInfoLoss, got ${formatValue(path)}`);
  const onPolicy = path.startsWith("policy.");
  const input = onPolicy ? undefined : (scenarioToInput(scenario) as unknown);
  let where: "input" | "model" | "policy";
  let raw: unknown;
  if (onPolicy) {
    where = "policy";
    const inner = path.slice("policy.".length);
    const values = policies.map((p) => getPath(p, inner));
    raw = values[0];
    if (range === null && values.some((v) => v !== raw)) {
      throw new RangeError(`${path}: the policies differ here (${values.map(formatValue).join(", ")}), so there is no one value to halve and double; give its range`);
    }
  } else {
    const inner = path.replace(/^scenario\./, "");
    try {
      raw = getPath(input, inner);
      where = "input";
    } catch (e) {
      // sweep's paths into the model's scenario (arrivalsPerMinute, misrouteMinutes, …)
      try {
        raw = getPath(scenario, inner);
        where = "model";
      } catch {
        throw e;
      }
    }
  }
  const kind: ParameterKind = typeof raw === "number" ? "number" : typeof raw === "string" && isDuration(raw) ? "duration" : typeof raw === "string" && isRate(raw) ? "rate" : fail(path, raw);
  const read = (given: unknown): number => readAs(kind, given, path);
  const value = read(raw);
  const node = where === "input" ? schemaNode(path.replace(/^scenario\./, "")) : undefined;
  let integer = node?.type === "integer";
  const min = node?.minimum ?? (kind === "number" && where !== "input" ? -Infinity : 0);
  const max = node?.maximum ?? Infinity;
  let low: number;
  let high: number;
  let rangeFrom: SensitivityParameter["rangeFrom"];
  if (range !== null) {
    if (!Array.isArray(range) || range.length !== 2) throw new RangeError(`${path}: a range must be two values [low, high], got ${formatValue(range)}`);
    [low, high] = [read(range[0]), read(range[1])];
    if (!(low < high)) throw new RangeError(`${path}: the range's low end must be below its high end, got ${formatValue(range)}`);
    rangeFrom = documented ? "documented" : "given";
    if (low < min || high > max) throw new RangeError(`${path}: the range ${formatValue(range)} goes past what the field takes (${min} to ${max})`);
  } else {
    if (value === 0) throw new ZeroValue(path);
    [low, high] = value > 0 ? [value / 2, value * 2] : [value * 2, value / 2];
    rangeFrom = "halfToDouble";
  }
  // a share's range is clipped to [0, 1] (and every bounded field to its bounds); whole numbers round outward
  low = Math.max(min, low);
  high = Math.min(max, high);
  const inner = onPolicy ? path.slice("policy.".length) : path.replace(/^scenario\./, "");
  const show = (v: number): number | string => (kind === "duration" ? formatDuration(v) : kind === "rate" ? formatRate(v) : v);
  const at = (v: number) => {
    const title = `Invalid ${where === "policy" ? "policy" : "scenario"} with ${path} = ${formatValue(show(v))}`;
    if (where === "policy") return { scenario, policies: policies.map((p) => titled(() => validatePolicy(setPath(p, inner, v), scenario), title)) };
    if (where === "model") return { scenario: titled(() => validateScenario(setPath(scenario, inner, v)), title), policies };
    const written = kind === "duration" ? `${v} min` : kind === "rate" ? `${v} / min` : v;
    return { scenario: titled(() => parseScenario(setPath(input, inner, written)), title), policies };
  };
  // a whole number elsewhere (staff, demand types): a half step below is refused by the check
  if (node === undefined && kind === "number" && Number.isInteger(value) && value >= 1) {
    try {
      at(value - 0.5);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      integer = true;
    }
  }
  if (integer) [low, high] = [Math.floor(low), Math.ceil(high)];
  return { path, kind, value, low, high, rangeFrom, integer, at, show, read };
}

/**
 * A parameter whose value is 0 and which has no documented or given range (half and double are 0 too).
 *
 * @example
 * ```ts
 * new ZeroValue("mechanisms.holidayWeeks").message; // "mechanisms.holidayWeeks is 0 here, …"
 * ```
 */
export class ZeroValue extends RangeError {
  /** @param path - the parameter */
  constructor(path: string) {
    super(`${path} is 0 here, and half and double of 0 are 0: give its range (ranges option, or --params ${path}=LOW..HIGH)`);
    this.name = "ZeroValue";
  }
}

function titled<T>(f: () => T, title: string): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ScenarioError) throw new ScenarioError(e.issues, title);
    throw e;
  }
}

function isDuration(text: string): boolean {
  try {
    parseDuration(text, { allowZero: true });
    return true;
  } catch {
    return false;
  }
}

function isRate(text: string): boolean {
  try {
    parseRate(text, { allowZero: true });
    return true;
  } catch {
    return false;
  }
}

function fail(path: string, raw: unknown): never {
  throw new RangeError(`${path} is ${formatValue(raw)}: only a number, a duration or a rate can be varied${typeof raw === "object" && raw !== null && "mean" in raw ? ` (a spread: name its mean, ${path}.mean)` : ""}`);
}

/** A value as a number of the parameter's unit: a number as it is, text read as the kind reads. */
function readAs(kind: ParameterKind, given: unknown, path: string): number {
  if (typeof given === "number" && Number.isFinite(given)) return given;
  if (typeof given === "string" && given.trim() !== "" && Number.isFinite(Number(given))) return Number(given);
  if (typeof given === "string" && kind === "duration" && isDuration(given)) return parseDuration(given, { allowZero: true });
  if (typeof given === "string" && kind === "rate" && isRate(given)) return parseRate(given, { allowZero: true });
  const what = kind === "duration" ? 'a duration such as "4 min" (or minutes)' : kind === "rate" ? 'a rate such as "0.5 / week" (or per minute)' : "a number";
  throw new RangeError(`${path}: ${formatValue(given)} is not ${what}`);
}

/**
 * The knobs of a study: the given paths (each with its range from `ranges`, else half to
 * double), or every GUESS-labelled parameter of citizen behaviour and mechanism strengths with
 * its documented range (else half to double). A GUESS parameter that cannot be varied (a value
 * of 0 with no range) is skipped with the reason; a given path that cannot be is refused.
 *
 * @param scenario - the scenario
 * @param policies - the policies
 * @param params - dotted paths, or undefined for every GUESS parameter
 * @param ranges - ranges by path (`[low, high]`, numbers or texts with units), overriding the others
 * @returns the knobs and the skipped parameters
 * @throws RangeError for a given path that does not exist or cannot be varied, or a bad range
 * @example
 * ```ts
 * const { knobs } = sensitivityKnobs(loadScenario("teaching"), [policies.minutes, policies.whole]);
 * knobs.find((k) => k.path === "mechanisms.handoffInfoLoss")?.rangeFrom; //=> "documented"
 * ```
 */
export function sensitivityKnobs(
  scenario: Scenario,
  policies: readonly Policy[],
  params?: readonly string[],
  ranges: Readonly<Record<string, readonly unknown[]>> = {},
): { knobs: ParameterKnob[]; skipped: SkippedParameter[] } {
  if (typeof ranges !== "object" || ranges === null || Array.isArray(ranges)) throw new RangeError(`ranges must be { "a.dotted.path": [low, high] }, got ${formatValue(ranges)}`);
  const knobs: ParameterKnob[] = [];
  const skipped: SkippedParameter[] = [];
  if (params !== undefined) {
    if (!Array.isArray(params) || params.length === 0) throw new RangeError(`params must be a list of at least one dotted path, got ${formatValue(params)}`);
    const dup = params.find((p, i) => params.indexOf(p) !== i);
    if (dup !== undefined) throw new RangeError(`params names ${dup} twice`);
    const labels = guessLabels();
    for (const path of params) {
      const documented = labels.find((g) => g.path === path.replace(/^scenario\./, ""))?.range ?? null;
      knobs.push(parameterKnob(scenario, policies, path, ranges[path] ?? documented, ranges[path] === undefined && documented !== null));
    }
    return { knobs, skipped };
  }
  for (const g of guessLabels()) {
    try {
      knobs.push(parameterKnob(scenario, policies, g.path, ranges[g.path] ?? g.range, ranges[g.path] === undefined && g.range !== null));
    } catch (e) {
      if (!(e instanceof ZeroValue)) throw e;
      skipped.push({ path: g.path, reason: "its value is 0 here and no range is documented: half and double of 0 are 0 (give a range to vary it)" });
    }
  }
  for (const path of Object.keys(ranges)) {
    if (!knobs.some((k) => k.path === path)) throw new RangeError(`ranges names ${path}, which is not a GUESS parameter; name it in params to vary it`);
  }
  return { knobs, skipped };
}
