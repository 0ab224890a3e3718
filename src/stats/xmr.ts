/**
 * XmR (individuals and moving range) process behaviour chart limits and signals.
 *
 * Source: D. J. Wheeler (2000), Understanding Variation: The Key to Managing Chaos, 2nd ed.,
 * SPC Press (E46 in docs/evidence.md): natural process limits x̄ ± 2.66·mR̄ (2.66 = 3/d₂ with
 * d₂ = 1.128 for ranges of two), the upper range limit D₄·mR̄ (Wheeler writes 3.268; we use the
 * tabled D₄ = 1 + 3d₃/d₂ = 3.2665 ≈ 3.267), and the detection rules "a point outside the
 * limits" and "eight successive values on the same side of the central line".
 */

/** One detected signal. */
export interface XmrSignal {
  /** Index into the series: the point outside the limits, or the 8th point of a run. */
  readonly index: number;
  readonly rule: "beyond-limits" | "run-of-8";
  readonly side: "above" | "below";
}

/** Limits and signals of an XmR chart. */
export interface XmrLimits {
  /** Central line: the mean of the values. */
  readonly mean: number;
  /** Average moving range mR̄ = mean of |xᵢ − xᵢ₋₁|. */
  readonly movingRangeMean: number;
  /** Upper natural process limit x̄ + 2.66·mR̄. */
  readonly upperLimit: number;
  /** Lower natural process limit max(0, x̄ − 2.66·mR̄) (our series are non-negative). */
  readonly lowerLimit: number;
  /** Upper range limit 3.267·mR̄. */
  readonly movingRangeUpperLimit: number;
  /** Signals in index order; a point can carry both rules (beyond-limits listed first). */
  readonly signals: readonly XmrSignal[];
}

const RUN_LENGTH = 8;

/** Points exactly on the central line end a run; a run signals once, at its 8th point. */
function runSignals(values: ArrayLike<number>, mean: number): XmrSignal[] {
  const signals: XmrSignal[] = [];
  let side: "above" | "below" | null = null;
  let run = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    const s = x > mean ? "above" : x < mean ? "below" : null;
    run = s !== null && s === side ? run + 1 : s === null ? 0 : 1;
    side = s;
    if (run === RUN_LENGTH && s !== null) signals.push({ index: i, rule: "run-of-8", side: s });
  }
  return signals;
}

/**
 * XmR limits of a series (for example end-to-end days of successive weeks) and its signals:
 * points beyond the natural process limits, and runs of eight or more on one side of the
 * central line (reported once, at the index where the run reaches eight; a value exactly on
 * the central line ends a run).
 * @param values - at least two finite numbers, in time order
 * @returns limits and signals
 * @throws RangeError if fewer than two values or a value is not finite
 * @example
 * xmrLimits([5, 6, 5, 7, 6, 5, 6, 30]);
 * //=> { mean: 8.75, movingRangeMean: 4.428…, upperLimit: 20.53…, lowerLimit: 0,
 * //     movingRangeUpperLimit: 14.46…,
 * //     signals: [{ index: 7, rule: "beyond-limits", side: "above" }] }
 */
export function xmrLimits(values: ArrayLike<number>): XmrLimits {
  const n = values.length;
  if (n < 2) throw new RangeError(`xmrLimits: values must have at least 2 elements, got ${n}`);
  let sum = 0;
  let rangeSum = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (!Number.isFinite(x)) throw new RangeError(`xmrLimits: values[${i}] must be finite, got ${x}`);
    sum += x;
    if (i > 0) rangeSum += Math.abs(x - (values[i - 1] as number));
  }
  const mean = sum / n;
  const movingRangeMean = rangeSum / (n - 1);
  const upperLimit = mean + 2.66 * movingRangeMean;
  const lowerLimit = Math.max(0, mean - 2.66 * movingRangeMean);
  const signals: XmrSignal[] = [];
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (x > upperLimit) signals.push({ index: i, rule: "beyond-limits", side: "above" });
    else if (x < lowerLimit) signals.push({ index: i, rule: "beyond-limits", side: "below" });
  }
  const all = [...signals, ...runSignals(values, mean)].sort((p, q) => p.index - q.index);
  return { mean, movingRangeMean, upperLimit, lowerLimit, movingRangeUpperLimit: 3.267 * movingRangeMean, signals: all };
}
