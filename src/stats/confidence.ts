/**
 * Confidence intervals for means across replications: the Student t interval, the paired
 * (common random numbers) difference, and Welch's interval for independent samples.
 *
 * Sources: A. M. Law (2015), Simulation Modeling and Analysis, 5th ed., §4.5 (the t interval)
 * and §10.2 (paired-t and Welch intervals for comparing two systems); B. L. Welch (1947),
 * "The generalization of 'Student's' problem when several different population variances are
 * involved", Biometrika 34(1–2), 28–35; F. E. Satterthwaite (1946), Biometrics Bulletin 2(6),
 * 110–114 (the approximate degrees of freedom).
 *
 * JSON safety: when an interval cannot be formed (fewer than two values) the fields that
 * would be undefined are `null`, never `NaN` or `Infinity`.
 */
import { tQuantile } from "./studentT.js";
import { Welford } from "./welford.js";

/** A mean with its Student t confidence interval. */
export interface MeanInterval {
  /** Sample mean. */
  readonly mean: number;
  /** Sample standard deviation (n − 1 divisor); `null` when n = 1. */
  readonly sd: number | null;
  /** Number of values. */
  readonly n: number;
  /** The confidence level, e.g. 0.95. */
  readonly level: number;
  /** t_{(1+level)/2, n−1}·sd/√n; `null` when n = 1 (no interval can be formed). */
  readonly halfWidth: number | null;
  /** [mean − halfWidth, mean + halfWidth]; `null` when n = 1. */
  readonly ci: readonly [number, number] | null;
}

/** A difference of two independent means with Welch's interval. */
export interface DifferenceInterval {
  /** mean(a) − mean(b). */
  readonly mean: number;
  /** Standard error √(s²ₐ/nₐ + s²_b/n_b); `null` when either sample has fewer than 2 values. */
  readonly se: number | null;
  /** Welch–Satterthwaite degrees of freedom; `null` when `se` is `null` or 0. */
  readonly df: number | null;
  /** The confidence level, e.g. 0.95. */
  readonly level: number;
  /** t_{(1+level)/2, df}·se (0 when se = 0); `null` when `se` is `null`. */
  readonly halfWidth: number | null;
  /** [mean − halfWidth, mean + halfWidth]; `null` when `halfWidth` is `null`. */
  readonly ci: readonly [number, number] | null;
}

function checkLevel(fn: string, level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`${fn}: level must be in (0, 1), got ${level}`);
}

function accumulate(fn: string, name: string, values: ArrayLike<number>): Welford {
  if (values.length === 0) throw new RangeError(`${fn}: ${name} must not be empty`);
  const w = new Welford();
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (!Number.isFinite(x)) throw new RangeError(`${fn}: ${name}[${i}] must be finite, got ${x}`);
    w.add(x);
  }
  return w;
}

function interval(mean: number, halfWidth: number | null): readonly [number, number] | null {
  return halfWidth === null ? null : [mean - halfWidth, mean + halfWidth];
}

/**
 * The mean of `values` with its two-sided Student t confidence interval.
 * @param values - at least one finite number (e.g. one result per replication)
 * @param level - confidence level in (0, 1), default 0.95
 * @returns mean, sd, n, level, halfWidth and ci; with a single value `sd`, `halfWidth` and
 *   `ci` are `null`
 * @throws RangeError if `values` is empty or holds a non-finite number, or `level` is not in (0, 1)
 * @example
 * meanInterval([1, 2, 3, 4, 5]);
 * //=> { mean: 3, sd: 1.5811…, n: 5, level: 0.95, halfWidth: 1.9632…, ci: [1.0368…, 4.9632…] }
 */
export function meanInterval(values: ArrayLike<number>, level = 0.95): MeanInterval {
  checkLevel("meanInterval", level);
  return intervalOf(accumulate("meanInterval", "values", values), level, (df) => tQuantile((1 + level) / 2, df));
}

/**
 * The mean of each sample with its Student t interval, as {@link meanInterval} gives it for that
 * sample alone (the same numbers, bit for bit). Samples of one size share one t quantile, computed
 * once: the way to take many intervals at once, such as a series' every period or every metric of
 * a comparison, each over the same replications.
 * @param samples - samples of at least one finite number each
 * @param level - confidence level in (0, 1), default 0.95
 * @returns one {@link MeanInterval} per sample, in order
 * @throws RangeError if a sample is empty or holds a non-finite number (named as `samples[k]`),
 *   or `level` is not in (0, 1)
 * @example
 * meanIntervals([[1, 2, 3, 4, 5], [2, 4, 6, 8, 10]]).map((i) => i.halfWidth);
 * //=> [1.9632…, 3.9264…] (one t quantile for both: 4 degrees of freedom)
 */
export function meanIntervals(samples: readonly ArrayLike<number>[], level = 0.95): MeanInterval[] {
  checkLevel("meanIntervals", level);
  const t = tQuantiles(level);
  return samples.map((values, k) => intervalOf(accumulate("meanIntervals", `samples[${k}]`, values), level, t));
}

/** The t interval of an accumulated sample, with the t quantile of `df` degrees of freedom from `t`. */
function intervalOf(w: Welford, level: number, t: (df: number) => number): MeanInterval {
  const n = w.count;
  if (n === 1) return { mean: w.mean, sd: null, n, level, halfWidth: null, ci: null };
  const sd = w.sd;
  const halfWidth = (t(n - 1) * sd) / Math.sqrt(n);
  return { mean: w.mean, sd, n, level, halfWidth, ci: interval(w.mean, halfWidth) };
}

/** The two-sided t quantile of `level` by degrees of freedom, each computed once (a cache for one call). */
function tQuantiles(level: number): (df: number) => number {
  const known = new Map<number, number>();
  return (df) => {
    let q = known.get(df);
    if (q === undefined) {
      q = tQuantile((1 + level) / 2, df);
      known.set(df, q);
    }
    return q;
  };
}

/**
 * The paired differences aᵢ − bᵢ with their t interval: the right comparison when a and b were
 * run on common random numbers (the same seeds per replication).
 * @param a - results of the first policy, one per replication
 * @param b - results of the second policy, same replications in the same order
 * @param level - confidence level in (0, 1), default 0.95
 * @returns the {@link MeanInterval} of the differences
 * @throws RangeError if the lengths differ, either is empty or holds a non-finite number, or
 *   `level` is not in (0, 1)
 * @example
 * pairedDifference([10, 12, 11], [9, 10, 10]);
 * //=> { mean: 1.3333…, sd: 0.5773…, n: 3, level: 0.95, halfWidth: 1.4342…, ci: [-0.1009…, 2.7675…] }
 */
export function pairedDifference(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  level = 0.95,
): MeanInterval {
  checkLevel("pairedDifference", level);
  return meanInterval(differences("pairedDifference", a, b, "a", "b"), level);
}

/**
 * The paired differences of each pair of samples `a[k]`, `b[k]` with their t interval, as
 * {@link pairedDifference} gives it for that pair alone (the same numbers, bit for bit); pairs of
 * one size share one t quantile (see {@link meanIntervals}).
 * @param a - the first sample of each pair
 * @param b - the second sample of each pair, as many as `a`, each as long as its partner
 * @param level - confidence level in (0, 1), default 0.95
 * @returns one {@link MeanInterval} of the differences per pair, in order
 * @throws RangeError if `a` and `b` hold different numbers of samples, a pair's lengths differ,
 *   a sample is empty or holds a non-finite number (named as `a[k]` or `b[k]`), or `level` is
 *   not in (0, 1)
 * @example
 * pairedDifferences([[10, 12, 11], [5, 6, 7]], [[9, 10, 10], [5, 5, 5]]).map((d) => d.mean);
 * //=> [1.3333…, 1]
 */
export function pairedDifferences(a: readonly ArrayLike<number>[], b: readonly ArrayLike<number>[], level = 0.95): MeanInterval[] {
  checkLevel("pairedDifferences", level);
  if (a.length !== b.length) throw new RangeError(`pairedDifferences: a and b must hold as many samples, got ${a.length} and ${b.length}`);
  const t = tQuantiles(level);
  return a.map((x, k) => intervalOf(accumulate("pairedDifferences", `a[${k}] − b[${k}]`, differences("pairedDifferences", x, b[k] as ArrayLike<number>, `a[${k}]`, `b[${k}]`)), level, t));
}

/** aᵢ − bᵢ for two samples of equal length with finite numbers; throws RangeError naming the first fault. */
function differences(fn: string, a: ArrayLike<number>, b: ArrayLike<number>, nameA: string, nameB: string): Float64Array {
  if (a.length !== b.length) {
    throw new RangeError(`${fn}: ${nameA} and ${nameB} must have equal lengths, got ${a.length} and ${b.length}`);
  }
  const d = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (!Number.isFinite(x)) throw new RangeError(`${fn}: ${nameA}[${i}] must be finite, got ${x}`);
    if (!Number.isFinite(y)) throw new RangeError(`${fn}: ${nameB}[${i}] must be finite, got ${y}`);
    d[i] = x - y;
  }
  if (d.length === 0) throw new RangeError(`${fn}: ${nameA} and ${nameB} must not be empty`);
  return d;
}

/**
 * Welch's interval for mean(a) − mean(b) from independent samples (unequal variances allowed).
 * @param a - first sample
 * @param b - second sample
 * @param level - confidence level in (0, 1), default 0.95
 * @returns the difference, its standard error, Welch–Satterthwaite df, halfWidth and ci
 *   (`null` fields when either sample has fewer than 2 values; halfWidth 0 and df `null` when
 *   both samples are constant)
 * @throws RangeError if either sample is empty or holds a non-finite number, or `level` is not in (0, 1)
 * @example
 * independentDifference([1, 2, 3, 4, 5], [2, 4, 6, 8]);
 * //=> { mean: -2, se: 1.4719…, df: 4.7494…, level: 0.95, halfWidth: 3.8446…, ci: [-5.8446…, 1.8446…] }
 */
export function independentDifference(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  level = 0.95,
): DifferenceInterval {
  checkLevel("independentDifference", level);
  const wa = accumulate("independentDifference", "a", a);
  const wb = accumulate("independentDifference", "b", b);
  const mean = wa.mean - wb.mean;
  if (wa.count < 2 || wb.count < 2) return { mean, se: null, df: null, level, halfWidth: null, ci: null };
  const va = wa.variance / wa.count;
  const vb = wb.variance / wb.count;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { mean, se, df: null, level, halfWidth: 0, ci: [mean, mean] };
  const welch = (va + vb) ** 2 / (va ** 2 / (wa.count - 1) + vb ** 2 / (wb.count - 1));
  // Mathematically df ≥ min(nₐ, n_b) − 1 ≥ 1; clamp so rounding cannot push it below.
  const df = Math.max(welch, Math.min(wa.count, wb.count) - 1);
  const halfWidth = tQuantile((1 + level) / 2, df) * se;
  return { mean, se, df, level, halfWidth, ci: interval(mean, halfWidth) };
}
