/**
 * The range each reported metric can take, so that its interval keeps within it: shares and
 * utilisations lie in [0, 1], every other metric a Comparison reports (counts, days, minutes,
 * costs, contacts per need) is non-negative.
 *
 * @packageDocumentation
 */

/** The closed range of a metric's values: `[low, high]`. */
export type MetricRange = readonly [low: number, high: number];

/** Shares, by prefix of the metric name. */
const SHARE_PREFIXES = ["utilisation.", "expression.", "failureDemandByReason.", "failureDemandByCause."] as const;
/** Shares that do not end in "Share". */
const SHARES = new Set(["callAbandonment", "firstContactResolution"]);

/**
 * The range of a metric by its name (see docs/metrics.md and docs/statistics.md).
 *
 * @param name - a metric name as in a Comparison, e.g. `"failureDemandShare"`, `"utilisation.desk"`
 * @returns `[0, 1]` for a share or a utilisation, else `[0, Infinity]`
 * @example
 * ```ts
 * metricRange("utilisation.desk"); //=> [0, 1]
 * metricRange("endToEndDays.p85"); //=> [0, Infinity]
 * ```
 */
export function metricRange(name: string): MetricRange {
  if (name.endsWith("Share") || SHARES.has(name) || SHARE_PREFIXES.some((p) => name.startsWith(p))) return [0, 1];
  return [0, Infinity];
}

/**
 * A Student-t interval truncated to the metric's range. The mean lies in the range, so cutting
 * off the part of an interval outside it never loses the mean: the truncated interval covers it
 * whenever the t interval does (the same coverage, never wider).
 *
 * @param ci - the interval, or null (one replication)
 * @param range - the metric's range
 * @returns the interval within the range, or null
 * @example
 * ```ts
 * withinRange([-0.02, 0.07], [0, 1]); //=> [0, 0.07]
 * ```
 */
export function withinRange(ci: readonly [number, number] | null, range: MetricRange): [number, number] | null {
  if (ci === null) return null;
  return [Math.min(Math.max(ci[0], range[0]), range[1]), Math.max(Math.min(ci[1], range[1]), range[0])];
}
