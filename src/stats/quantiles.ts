/**
 * The distribution summary used for end-to-end times: mean, median, 85th and 95th
 * percentiles, computed with d3-array.
 *
 * Quantiles use d3-array's `quantileSorted`, which interpolates linearly between order
 * statistics at h = (n − 1)·p (R's default `quantile(type = 7)`; R. J. Hyndman & Y. Fan
 * (1996), "Sample quantiles in statistical packages", The American Statistician 50(4),
 * 361–365, definition 7). The mean uses d3-array's `fsum` (exactly rounded summation).
 */
import { fsum, max, min, quantileSorted, quickselect } from "d3-array";

/**
 * A column of numbers: a typed array of any of the widths the columnar run records use
 * (`Float64Array` for times, `Uint16Array` for counts, …) or a plain array.
 */
export type NumberColumn = Float64Array | Float32Array | Uint32Array | Uint16Array | Int16Array | Uint8Array | readonly number[];

/** Mean and selected percentiles of a sample. */
export interface QuantileSummary {
  readonly n: number;
  readonly mean: number;
  readonly median: number;
  readonly p85: number;
  readonly p95: number;
}

/**
 * Summarise values that are already sorted ascending (no copy is made).
 * @param sorted - at least one finite number, ascending
 * @returns n, mean, median, p85 and p95
 * @throws RangeError if `sorted` is empty, holds a non-finite number, or is not ascending
 * @example
 * summariseSortedQuantiles(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
 * //=> { n: 10, mean: 5.5, median: 5.5, p85: 8.649999999999999, p95: 9.549999999999999 }
 */
export function summariseSortedQuantiles(sorted: NumberColumn): QuantileSummary {
  const n = sorted.length;
  if (n === 0) throw new RangeError("summariseSortedQuantiles: sorted must not be empty");
  for (let i = 0; i < n; i++) {
    const x = sorted[i] as number;
    if (!Number.isFinite(x)) {
      throw new RangeError(`summariseSortedQuantiles: sorted[${i}] must be finite, got ${x}`);
    }
    if (i > 0 && x < (sorted[i - 1] as number)) {
      throw new RangeError(`summariseSortedQuantiles: sorted must be ascending, but sorted[${i}] = ${x} < sorted[${i - 1}]`);
    }
  }
  const q = (p: number): number => quantileOfSorted(sorted, p);
  return { n, mean: fsum(sorted) / n, median: q(0.5), p85: q(0.85), p95: q(0.95) };
}

/**
 * Summarise values in any order (a sorted copy is made; the input is not mutated).
 * @param values - at least one finite number, e.g. a Float64Array column of end-to-end days
 * @returns n, mean, median, p85 and p95
 * @throws RangeError if `values` is empty or holds a non-finite number
 * @example
 * summariseQuantiles(Float64Array.of(10, 1, 9, 2, 8, 3, 7, 4, 6, 5));
 * //=> { n: 10, mean: 5.5, median: 5.5, p85: 8.649999999999999, p95: 9.549999999999999 }
 */
export function summariseQuantiles(values: NumberColumn): QuantileSummary {
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (!Number.isFinite(x)) throw new RangeError(`summariseQuantiles: values[${i}] must be finite, got ${x}`);
  }
  if (values.length === 0) throw new RangeError("summariseQuantiles: values must not be empty");
  return summariseSortedQuantiles(Float64Array.from(values).sort());
}

/**
 * The p-quantile of values already sorted ascending, without checks or copies: d3-array's
 * `quantileSorted` (definition 7, as {@link summariseSortedQuantiles}) on a typed array, for
 * callers that have just sorted a `Float64Array` numerically (which needs no comparator, so it is
 * many times faster than sorting an array of numbers).
 *
 * @param sorted - at least one number, ascending
 * @param p - the probability, from 0 to 1
 * @returns the quantile (NaN for an empty array)
 * @example
 * quantileOfSorted(Float64Array.of(1, 2, 3, 4), 0.5); //=> 2.5
 */
export function quantileOfSorted(sorted: NumberColumn, p: number): number {
  // d3's typings ask for an Array; quantileSorted only reads `length` and indices
  return quantileSorted(sorted as unknown as number[], p) ?? Number.NaN;
}

/**
 * The p-quantiles of `values`, each the number {@link quantileOfSorted} gives on the sorted
 * values, found by selection instead of a sort: d3-array's `quickselect` puts each quantile's
 * lower order statistic in place (largest p first, each selection within the part below the
 * last), and the next order statistic is the least value above it. For a few quantiles of a
 * long array this is several times faster than sorting it. `values` is reordered in place.
 *
 * @param values - the numbers (none NaN), reordered in place
 * @param ps - the probabilities, each from 0 to 1
 * @returns the quantiles, in the order of `ps` (NaN for an empty array)
 * @example
 * quantilesBySelection(Float64Array.of(4, 1, 3, 2), [0.5, 0.75]); //=> [2.5, 3.25]
 */
export function quantilesBySelection(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  const out = new Array<number>(ps.length).fill(Number.NaN);
  if (n === 0) return out;
  const order = ps.map((_, k) => k).sort((a, b) => (ps[b] as number) - (ps[a] as number));
  // d3's typings ask for an Array; quickselect, min and max only read `length` and indices
  const array = values as unknown as number[];
  let right = n - 1;
  for (const k of order) {
    const p = ps[k] as number;
    if (p <= 0 || n < 2) out[k] = min(array) as number;
    else if (p >= 1) out[k] = max(array) as number;
    else {
      const i = (n - 1) * p;
      const i0 = Math.floor(i);
      quickselect(array, i0, 0, right);
      right = i0;
      const value0 = values[i0] as number;
      const value1 = min(values.subarray(i0 + 1) as unknown as number[]) as number;
      out[k] = value0 + (value1 - value0) * (i - i0);
    }
  }
  return out;
}
