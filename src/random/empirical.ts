/**
 * A discrete empirical distribution: a finite set of values with weights.
 *
 * @packageDocumentation
 */
import type { DrawnFromUniforms } from "./distribution.js";
import type { Rng } from "./stream.js";
import { describeValue, fail } from "./_validate.js";

/**
 * A discrete distribution on finitely many values. Values are stored sorted and merged
 * (duplicates add their weights; zero-weight values are dropped), with probabilities
 * normalised to sum to 1. Made by {@link empirical}.
 *
 * @example
 * const d: Empirical = empirical([3, 1, 3]);
 * d.support; //=> [1, 3]
 * d.probabilities; //=> [1/3, 2/3]
 */
export class Empirical implements DrawnFromUniforms {
  readonly kind = "empirical" as const;
  readonly mean: number;
  readonly variance: number;
  /** The distinct values with positive weight, ascending. */
  readonly support: readonly number[];
  /** The probability of each value in `support` (same order; sums to 1). */
  readonly probabilities: readonly number[];
  /** Cumulative probabilities; the last is exactly 1. */
  private readonly cumulative: Float64Array;
  /** The support as a typed array, for the sampler. */
  private readonly values: Float64Array;

  /** @internal Use {@link empirical}, which validates, sorts and merges. */
  constructor(support: readonly number[], probabilities: readonly number[]) {
    this.support = Object.freeze(support.slice());
    this.probabilities = Object.freeze(probabilities.slice());
    this.values = Float64Array.from(support);
    this.cumulative = new Float64Array(support.length);
    let acc = 0;
    let mean = 0;
    for (let i = 0; i < support.length; i++) {
      const p = probabilities[i] as number;
      acc += p;
      this.cumulative[i] = acc;
      mean += p * (support[i] as number);
    }
    this.cumulative[support.length - 1] = 1;
    let variance = 0;
    for (let i = 0; i < support.length; i++) {
      const dev = (support[i] as number) - mean;
      variance += (probabilities[i] as number) * dev * dev;
    }
    this.mean = mean;
    this.variance = variance;
  }

  /**
   * P(X <= x): the cumulative probability of the largest support value <= x.
   *
   * @param x - any number.
   * @returns the probability.
   */
  cdf(x: number): number {
    if (Number.isNaN(x)) return Number.NaN;
    const n = this.values.length;
    // Binary search for the number of support values <= x.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.values[mid] as number) <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : (this.cumulative[lo - 1] as number);
  }

  /**
   * Draws by inversion of the discrete CDF: one uniform u, then a binary search for the first
   * value whose cumulative probability exceeds u (e.g. Devroye 1986, §III.2.1). One uniform
   * per variate, O(log n), and monotone in u because the support is sorted.
   *
   * @param rng - stream of uniforms.
   * @returns one of the support values.
   */
  sample(rng: Rng): number {
    return this.fromUniforms(rng(), 0);
  }

  /**
   * The variate {@link Empirical.sample} would give if the stream's next uniform were `u1`
   * (inversion of the discrete CDF); `u2` is not used (every family a scenario spread can take
   * draws from a pair of uniforms).
   *
   * @param u1 - a uniform in [0, 1).
   * @param _u2 - not used.
   * @returns one of the support values.
   * @example
   * empirical([5, 10, 30]).fromUniforms(0.5, 0.9); //=> 10
   */
  fromUniforms(u1: number, _u2: number): number {
    const u = u1;
    const cum = this.cumulative;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cum[mid] as number) > u) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo] as number;
  }
}

/**
 * Creates a discrete empirical distribution: each value is drawn with probability proportional
 * to its weight (all weights 1 if `weights` is omitted, i.e. resampling the observed values).
 *
 * @param values - the possible values: a non-empty array of finite numbers.
 * @param weights - optional non-negative finite weights, one per value, with a positive sum.
 * @returns the distribution.
 * @throws {RangeError} if `values` is empty or has a non-finite entry, if `weights` has the wrong
 *   length or a negative or non-finite entry, or if the weights sum to 0.
 * @example
 * const d = empirical([5, 10, 30], [0.5, 0.3, 0.2]);
 * d.mean; //=> 11.5
 * d.cdf(10); //=> 0.8
 */
export function empirical(values: readonly number[], weights?: readonly number[]): Empirical {
  if (!Array.isArray(values) || values.length === 0) {
    fail("empirical", "values", "a non-empty array of finite numbers", values);
  }
  if (weights !== undefined && (!Array.isArray(weights) || weights.length !== values.length)) {
    fail("empirical", "weights", `an array of ${values.length} weights (one per value)`, weights);
  }
  const pairs: Array<[number, number]> = [];
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v: unknown = values[i];
    const w: unknown = weights === undefined ? 1 : weights[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      fail("empirical", `values[${i}]`, "a finite number", v);
    }
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      fail("empirical", `weights[${i}]`, "a finite number >= 0", w);
    }
    total += w;
    if (w > 0) pairs.push([v, w]);
  }
  if (!(total > 0) || !Number.isFinite(total)) {
    throw new RangeError(
      `empirical: weights must have a positive finite sum; got sum ${describeValue(total)}`,
    );
  }
  return fromPairs(pairs, total);
}

/** Sorts (value, weight) pairs, merges equal values and normalises the weights. */
function fromPairs(pairs: Array<[number, number]>, total: number): Empirical {
  pairs.sort((a, b) => a[0] - b[0]);
  const support: number[] = [];
  const probabilities: number[] = [];
  for (const [v, w] of pairs) {
    const last = support.length - 1;
    if (last >= 0 && support[last] === v) probabilities[last] = (probabilities[last] as number) + w;
    else {
      support.push(v);
      probabilities.push(w);
    }
  }
  for (let i = 0; i < probabilities.length; i++) {
    probabilities[i] = (probabilities[i] as number) / total;
  }
  return new Empirical(support, probabilities);
}
