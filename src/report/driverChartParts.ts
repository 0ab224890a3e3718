/**
 * What the driver studies' charts (factorialCharts.ts, sensitivityCharts.ts,
 * winnerMapCharts.ts) share: the frame of a chart, how an outcome and a factor's levels are
 * written, and the checks of a study's shape.
 *
 * @packageDocumentation
 */
import { formatValue } from "../scenario/errors.js";
import type { VegaLiteSpec } from "./charts.js";
import { FACTORIAL_OUTCOMES } from "./factorialTable.js";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/**
 * The frame of a driver chart: schema, title and subtitle, white background, no view border.
 *
 * @example
 * ```ts
 * base("Effects", "the mean difference").title; //=> { text: "Effects", subtitle: "the mean difference", anchor: "start" }
 * ```
 */
export const base = (text: string, subtitle: string | string[]): VegaLiteSpec => ({ $schema: SCHEMA, title: { text, subtitle, anchor: "start" }, background: "white", config: { view: { stroke: null } } });

/** How an outcome is shown: its label, the factor its values are multiplied by, and digits. */
export function shownAs(metric: string): { label: string; scale: number; digits: number } {
  const o = FACTORIAL_OUTCOMES.find((x) => x.metric === metric);
  return o === undefined ? { label: metric, scale: 1, digits: 3 } : { label: o.label, scale: o.scale, digits: o.digits };
}

/** A value as written (a string as it is, a number to six significant digits, else JSON), at most 40 characters. */
export function label(v: unknown): string {
  const t = typeof v === "string" ? v : typeof v === "number" ? String(Number(v.toPrecision(6))) : JSON.stringify(v);
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}

/**
 * A factor's value at one level, short: a choice as it is; for a group of settings (an object),
 * only the settings in which the two levels differ ("everyMinutes: 10080").
 */
export function levelText(factor: { readonly low: unknown; readonly high: unknown }, v: -1 | 1): string {
  const own = v < 0 ? factor.low : factor.high;
  const other = v < 0 ? factor.high : factor.low;
  if (typeof own !== "object" || own === null || Array.isArray(own) || typeof other !== "object" || other === null) return label(own);
  const o = own as Record<string, unknown>;
  const p = other as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(o), ...Object.keys(p)])].filter((k) => JSON.stringify(o[k]) !== JSON.stringify(p[k]));
  return label(keys.map((k) => `${k}: ${typeof o[k] === "string" ? o[k] : JSON.stringify(o[k] ?? null)}`).join(", "));
}

/** A scaled number with its sign, as the text tables show it. */
export function signedText(x: number, digits: number): string {
  const t = x.toFixed(digits);
  if (Number(t) === 0) return (0).toFixed(digits);
  return x > 0 ? `+${t}` : t;
}

/** Throws unless `x` is an object whose `keys` are objects: a study of the kind `fn` draws. */
export function requireOf(x: unknown, keys: readonly string[], fn: string, what: string): void {
  const o = x as Record<string, unknown> | null;
  if (typeof o !== "object" || o === null || keys.some((k) => typeof o[k] !== "object")) throw new RangeError(`${fn} needs ${what}, got ${formatValue(x)}`);
}

/** The study's outcome `metric`, or a RangeError naming the outcomes it has. */
export function outcomeOf<T>(outcomes: Readonly<Record<string, T>>, metric: string, fn: string): T {
  const o = outcomes[metric];
  if (o === undefined) throw new RangeError(`${fn}: the study has no outcome "${metric}"; it has ${Object.keys(outcomes).join(", ")}`);
  return o;
}

/**
 * The outcome `metric` of a study that lists its outcomes (a sensitivity study, a winner map),
 * or a RangeError naming the outcomes it has.
 *
 * @example
 * ```ts
 * listedOutcome([{ metric: "arrived" }], "arrived", "winnerMapChart", "map"); //=> { metric: "arrived" }
 * ```
 */
export function listedOutcome<T extends { readonly metric: string }>(outcomes: readonly T[], metric: string, fn: string, what: string): T {
  const o = outcomes.find((x) => x.metric === metric);
  if (o === undefined) throw new RangeError(`${fn}: the ${what} has no outcome "${metric}"; it has ${outcomes.map((x) => x.metric).join(", ")}`);
  return o;
}

/** A chart id part: the text with runs of other characters than letters and digits made "-". */
export function slug(s: string): string {
  return s.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "") || "chart";
}
