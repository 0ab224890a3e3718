/**
 * Builds a Comparison from replication results: per policy and metric the mean over
 * replications with its standard deviation and 95% Student-t interval; pooled end-to-end
 * quantiles; paired differences against the first policy (common random numbers make the
 * pairs); a capability (XmR) chart per policy; and a suggested warm-up (MSER-5). Pure: the
 * same results in any order give the same Comparison, so shards merge exactly.
 *
 * @packageDocumentation
 */
import { metricRange, withinRange } from "./metricRange.js";
import { meanIntervals, mser5, pairedDifferences, quantilesBySelection, xmrLimits, type MeanInterval } from "../stats/index.js";
import type { ReplicationResult } from "./replication.js";
import type { SeriesPeriod } from "../model/index.js";

/** A metric over replications. `sd` and `ci95` are null with one replication. */
export interface MetricEstimate {
  readonly mean: number;
  readonly sd: number | null;
  readonly ci95: readonly [number, number] | null;
}

/** A paired difference (policy − first policy) over replications. */
export interface DifferenceEstimate {
  readonly mean: number;
  readonly ci95: readonly [number, number] | null;
}

/** The capability chart of a policy's end-to-end times (replication 0, completion order). */
export interface CapabilitySummary {
  readonly mean: number;
  readonly upperLimit: number;
  readonly lowerLimit: number;
  /** Number of signals: points beyond the limits, runs of eight on one side. */
  readonly signals: { readonly beyondLimits: number; readonly runOfEight: number };
  /** Resolved needs charted. */
  readonly points: number;
}

/** One series of a policy over replications: per period the mean and its 95% Student-t interval. */
export interface SeriesEstimate {
  readonly mean: readonly number[];
  /** Lower and upper ends of the 95% interval per period; null with one replication. */
  readonly low: readonly number[] | null;
  readonly high: readonly number[] | null;
}

/** The series over time of every policy, per period, across replications (docs/metrics.md, "Over time"). */
export interface ComparisonSeries {
  readonly period: SeriesPeriod;
  /** Start and end of each period, in days from the start of the run. */
  readonly startDays: readonly number[];
  readonly endDays: readonly number[];
  /** Per policy, per series name (as in `RunSeries.values`). */
  readonly policies: Readonly<Record<string, Readonly<Record<string, SeriesEstimate>>>>;
}

/** The result of a policy comparison; `JSON.stringify` gives the documented JSON contract. */
export interface Comparison {
  readonly scenario: string;
  readonly seed: number | string;
  readonly replications: number;
  readonly horizonDays: number;
  readonly warmupDays: number;
  readonly policies: Readonly<Record<string, Readonly<Record<string, MetricEstimate>>>>;
  readonly pooled: Readonly<Record<string, { readonly endToEndDays: { readonly median: number; readonly p85: number; readonly p95: number } }>>;
  readonly differences: Readonly<Record<string, Readonly<Record<string, DifferenceEstimate>>>>;
  readonly capability: Readonly<Record<string, CapabilitySummary>>;
  /** MSER-5 on the replication-averaged daily series of needs alive, from the start of the run. */
  readonly suggestedWarmupDays: number;
  readonly warnings: readonly string[];
  /** The series over time, per policy and period; absent when the replications carry none. */
  readonly series?: ComparisonSeries;
}

/** What the Comparison is about. */
export interface ComparisonMeta {
  readonly scenario: string;
  readonly seed: number | string;
  readonly policies: readonly string[];
  readonly warnings?: readonly string[];
}

/**
 * Builds the Comparison of replication results (of any number of policies and replications).
 *
 * @param meta - scenario name, seed, policy order (the first is the baseline)
 * @param results - every policy's replications, in any order
 * @returns the Comparison
 * @throws RangeError when a policy lacks replications the others have (pairs must match)
 * @example
 * ```ts
 * const s = loadScenario("teaching");
 * const rs = [0, 1].flatMap((r) => [policies.minutes, policies.whole].map((p) => runReplication(s, p, r)));
 * buildComparison({ scenario: s.name, seed: 1, policies: ["minutes", "whole"] }, rs).replications; //=> 2
 * ```
 */
export function buildComparison(meta: ComparisonMeta, results: readonly ReplicationResult[]): Comparison {
  const byPolicy = new Map(meta.policies.map((p) => [p, [] as ReplicationResult[]]));
  for (const r of results) {
    const list = byPolicy.get(r.policy);
    if (list === undefined) throw new RangeError(`a result for policy "${r.policy}" which is not in the comparison (${meta.policies.join(", ")})`);
    list.push(r);
  }
  for (const list of byPolicy.values()) list.sort((a, b) => a.replication - b.replication);
  const first = byPolicy.get(meta.policies[0] as string) ?? [];
  const indices = first.map((r) => r.replication).join(",");
  for (const [name, list] of byPolicy) {
    if (list.map((r) => r.replication).join(",") !== indices) {
      throw new RangeError(`policy "${name}" has replications [${list.map((r) => r.replication)}], the first policy has [${indices}]`);
    }
  }
  if (first.length === 0) throw new RangeError("no replications to compare");
  const namesOf = (list: readonly ReplicationResult[]) => Object.keys(list[0]?.metrics ?? {}).sort();
  const policies: Record<string, Record<string, MetricEstimate>> = {};
  const pooled: Record<string, { endToEndDays: { median: number; p85: number; p95: number } }> = {};
  const capability: Record<string, CapabilitySummary> = {};
  const differences: Record<string, Record<string, DifferenceEstimate>> = {};
  for (const [name, list] of byPolicy) {
    policies[name] = estimates(namesOf(list), list);
    pooled[name] = { endToEndDays: pooledQuantiles(list) };
    capability[name] = capabilityOf(list[0]!.endToEndDays);
  }
  for (const name of meta.policies.slice(1)) {
    const list = byPolicy.get(name)!;
    const shared = namesOf(list).filter((m) => first[0]!.metrics[m] !== undefined);
    differences[`${name}-vs-${meta.policies[0]}`] = differencesOf(shared, list, first);
  }
  return {
    scenario: meta.scenario,
    seed: meta.seed,
    replications: first.length,
    horizonDays: first[0]!.horizonMinutes / 1440,
    warmupDays: first[0]!.warmupMinutes / 1440,
    policies,
    pooled,
    differences,
    capability,
    suggestedWarmupDays: suggestedWarmup(results),
    warnings: [...(meta.warnings ?? []), ...instability(meta.policies, byPolicy)],
    ...seriesOf(byPolicy),
  };
}

/**
 * Per policy, series and period: the mean over replications with its 95% interval. Absent
 * when a replication carries no series; the replications must share their periods.
 */
function seriesOf(byPolicy: Map<string, ReplicationResult[]>): { series?: ComparisonSeries } {
  const all = [...byPolicy.values()].flat();
  const first = all[0]?.series;
  if (first === undefined || all.some((r) => r.series === undefined)) return {};
  const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  for (const r of all) {
    const s = r.series!;
    if (s.period !== first.period || !same(s.start, first.start) || !same(s.end, first.end)) {
      throw new RangeError(`replication ${r.replication} of "${r.policy}" has series by ${s.period} over other periods than the first (by ${first.period})`);
    }
  }
  const policies: Record<string, Record<string, SeriesEstimate>> = {};
  for (const [name, list] of byPolicy) {
    const names = Object.keys(list[0]!.series!.values);
    policies[name] = Object.fromEntries(names.map((k) => [k, seriesEstimate(list.map((r) => r.series!.values[k] ?? []), first.start.length)]));
  }
  return { series: { period: first.period, startDays: first.start.map((t) => t / 1440), endDays: first.end.map((t) => t / 1440), policies } };
}

function seriesEstimate(runs: readonly (readonly number[])[], periods: number): SeriesEstimate {
  const mean: number[] = [];
  const low: number[] = [];
  const high: number[] = [];
  const columns = Array.from({ length: periods }, (_, p) => Float64Array.from(runs, (r) => r[p] ?? 0));
  for (const i of meanIntervals(columns)) {
    mean.push(i.mean);
    if (i.ci !== null) {
      low.push(i.ci[0]);
      high.push(i.ci[1]);
    }
  }
  return runs.length > 1 ? { mean, low, high } : { mean, low: null, high: null };
}

/** A warning per policy whose runs had teams with a growing backlog (an unstable system). */
function instability(order: readonly string[], byPolicy: Map<string, ReplicationResult[]>): string[] {
  const out: string[] = [];
  for (const name of order) {
    const list = byPolicy.get(name) ?? [];
    const teams = new Map<string, number>();
    for (const r of list) for (const t of r.unstableTeams ?? []) teams.set(t, (teams.get(t) ?? 0) + 1);
    for (const [team, n] of [...teams].sort((a, b) => a[0].localeCompare(b[0]))) {
      out.push(`${name}: unstable — the queue at ${team} grew through the run at full capacity in ${n} of ${list.length} replications; its waits depend on the run length`);
    }
  }
  return out;
}

/** Each metric's mean, sd and t interval over the runs, the interval kept within the metric's range. */
function estimates(metrics: readonly string[], runs: readonly ReplicationResult[]): Record<string, MetricEstimate> {
  const intervals = meanIntervals(metrics.map((m) => runs.map((r) => r.metrics[m] ?? 0)));
  return Object.fromEntries(metrics.map((m, k) => [m, estimate(m, intervals[k] as MeanInterval)]));
}

/** A metric's estimate from its interval, the interval kept within the metric's range. */
function estimate(metric: string, i: MeanInterval): MetricEstimate {
  return { mean: i.mean, sd: i.sd, ci95: withinRange(i.ci, metricRange(metric)) };
}

/** Each metric's paired difference (runs − baseline) and its t interval, kept within what a difference of the metric can be. */
function differencesOf(metrics: readonly string[], runs: readonly ReplicationResult[], baseline: readonly ReplicationResult[]): Record<string, DifferenceEstimate> {
  const values = (list: readonly ReplicationResult[]) => metrics.map((m) => list.map((r) => r.metrics[m] ?? 0));
  const ds = pairedDifferences(values(runs), values(baseline));
  return Object.fromEntries(metrics.map((m, k) => [m, difference(m, ds[k] as MeanInterval)]));
}

/** A metric's difference from its interval, kept within what a difference of the metric can be. */
function difference(metric: string, d: MeanInterval): DifferenceEstimate {
  const [low, high] = metricRange(metric);
  return { mean: d.mean, ci95: withinRange(d.ci, [low - high, high - low]) };
}

function pooledQuantiles(list: readonly ReplicationResult[]): { median: number; p85: number; p95: number } {
  let total = 0;
  for (const r of list) total += r.endToEndDays.length;
  const all = new Float64Array(total);
  let at = 0;
  for (const r of list) {
    all.set(r.endToEndDays, at);
    at += r.endToEndDays.length;
  }
  if (all.length === 0) return { median: 0, p85: 0, p95: 0 };
  // three quantiles of every replication's times (about a million numbers for 20 years of a
  // municipality): selected, not sorted, with the numbers a sort would give
  const [median, p85, p95] = quantilesBySelection(all, [0.5, 0.85, 0.95]) as [number, number, number];
  return { median, p85, p95 };
}

function capabilityOf(series: readonly number[]): CapabilitySummary {
  if (series.length < 2) return { mean: series[0] ?? 0, upperLimit: series[0] ?? 0, lowerLimit: series[0] ?? 0, signals: { beyondLimits: 0, runOfEight: 0 }, points: series.length };
  const x = xmrLimits(series);
  let beyond = 0;
  let runs = 0;
  for (const s of x.signals) {
    if (s.rule === "beyond-limits") beyond++;
    else runs++;
  }
  return { mean: x.mean, upperLimit: x.upperLimit, lowerLimit: x.lowerLimit, signals: { beyondLimits: beyond, runOfEight: runs }, points: series.length };
}

/** MSER-5 truncation (in days) of the daily series of needs alive, averaged over every run. */
function suggestedWarmup(results: readonly ReplicationResult[]): number {
  const length = Math.min(...results.map((r) => r.dailyOpenNeeds.length));
  if (!(length >= 10)) return 0;
  const mean = new Float64Array(length);
  for (const r of results) for (let d = 0; d < length; d++) mean[d] = mean[d]! + r.dailyOpenNeeds[d]! / results.length;
  // only the part of the run before the horizon describes the steady system
  const horizonDays = Math.min(length, Math.floor((results[0]?.horizonMinutes ?? 0) / 1440));
  return mser5(mean.subarray(0, Math.max(10, horizonDays))).truncationIndex;
}
