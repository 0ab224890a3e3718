/**
 * The headline outcomes of a sensitivity study and a winner map, and their paired differences
 * (policy 2 − policy 1) read from a comparison, each with its sign judged at 95%.
 *
 * @packageDocumentation
 */
import type { Comparison } from "./comparison.js";

/**
 * The outcomes a sensitivity study and a winner map report: lower is better on each.
 *
 * @example
 * ```ts
 * HEADLINE_OUTCOMES.map((o) => o.metric); //=> ["endToEndDays.mean", "failureDemandShare", "costPerNeed"]
 * ```
 */
export const HEADLINE_OUTCOMES: readonly { readonly metric: string; readonly label: string }[] = Object.freeze([
  { metric: "endToEndDays.mean", label: "end-to-end time, mean (days)" },
  { metric: "failureDemandShare", label: "failure demand (of contacts)" },
  { metric: "costPerNeed", label: "cost per need" },
]);

/** A paired difference (policy 2 − policy 1) with its 95% interval and its sign judged at 95%. */
export interface HeadlineDifference {
  readonly mean: number;
  /** 95% Student-t interval over replications of the paired differences; null with one replication. */
  readonly ci95: readonly [number, number] | null;
  /** +1 when the interval lies above 0, −1 below 0, 0 when it holds 0 (or there is none). */
  readonly sign: -1 | 0 | 1;
}

/**
 * The sign of a difference judged at 95%: +1 or −1 when its interval is clear of 0, else 0.
 *
 * @param ci95 - the interval, or null
 * @returns the sign
 * @example
 * ```ts
 * clearSign([-3, -1]); //=> -1
 * clearSign([-1, 2]); //=> 0
 * ```
 */
export function clearSign(ci95: readonly [number, number] | null): -1 | 0 | 1 {
  if (ci95 === null) return 0;
  return ci95[0] > 0 ? 1 : ci95[1] < 0 ? -1 : 0;
}

/**
 * The headline differences of a comparison of two policies: per outcome of
 * {@link HEADLINE_OUTCOMES}, the second policy minus the first, paired.
 *
 * @param c - a comparison of two policies
 * @returns the differences by metric (an outcome the comparison lacks is left out)
 * @example
 * ```ts
 * headlineDifferences(compare(loadScenario("teaching"), [policies.minutes, policies.whole], { replications: 3 }))["costPerNeed"]?.sign;
 * ```
 */
export function headlineDifferences(c: Comparison): Record<string, HeadlineDifference> {
  const names = Object.keys(c.policies);
  const diff = c.differences[`${names[1]}-vs-${names[0]}`] ?? {};
  const out: Record<string, HeadlineDifference> = {};
  for (const o of HEADLINE_OUTCOMES) {
    const d = diff[o.metric];
    if (d === undefined) continue;
    out[o.metric] = { mean: d.mean, ci95: d.ci95, sign: clearSign(d.ci95) };
  }
  return out;
}
