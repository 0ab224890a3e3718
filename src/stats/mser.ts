/**
 * MSER-5: the marginal standard error rule for choosing a warm-up truncation point.
 *
 * Sources: K. P. White Jr. (1997), "An effective truncation heuristic for bias reduction in
 * simulation output", Simulation 69(6), 323–334; K. P. White Jr., M. J. Cobb & S. C. Spratt
 * (2000), "A comparison of five steady-state truncation heuristics for simulation", Proc. 2000
 * Winter Simulation Conference, 755–760 (batching into means of 5 before applying MSER).
 *
 * With batch means Z₁…Z_m, MSER(d) = Σ_{j=d+1..m} (Z_j − Z̄(d))² / (m − d)², where Z̄(d) is the
 * mean of the batches kept; the rule picks the d in [0, m/2) that minimises it.
 */

/** The MSER-5 truncation point. */
export interface Mser5Result {
  /** Number of leading batches to delete (d*). */
  readonly truncationBatches: number;
  /** First index of the series to keep: 5·d*. */
  readonly truncationIndex: number;
  /** Always 5. */
  readonly batchSize: 5;
}

const BATCH = 5;

function batchMeans(series: ArrayLike<number>, m: number): Float64Array {
  const z = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let k = 0; k < BATCH; k++) {
      const i = j * BATCH + k;
      const x = series[i] as number;
      if (!Number.isFinite(x)) throw new RangeError(`mser5: series[${i}] must be finite, got ${x}`);
      s += x;
    }
    z[j] = s / BATCH;
  }
  return z;
}

/**
 * The MSER-5 warm-up truncation point of an output series (for example the waiting time of
 * successive needs, or a daily queue length). Trailing values that do not fill a batch of 5
 * are ignored. Ties go to the smallest d.
 *
 * The statistic is computed for every d in one backward pass: Welford's update adds batch d
 * to the kept tail, giving Σ(Z_j − Z̄(d))² without the cancellation of Σz² − (Σz)²/k.
 *
 * @param series - at least 10 finite numbers (two batches)
 * @returns the truncation in batches and in series indices
 * @throws RangeError if the series has fewer than 10 values or a (batched) value is not finite
 * @example
 * mser5([9, 9, 9, 9, 9, 5, 5, 5, 5, 5, 1, 0, 2, 1, 1, 0, 1, 2, 1, 1, 1, 2, 0, 1, 1, 1, 1, 0, 2, 1]);
 * //=> { truncationBatches: 2, truncationIndex: 10, batchSize: 5 }
 */
export function mser5(series: ArrayLike<number>): Mser5Result {
  const m = Math.floor(series.length / BATCH);
  if (m < 2) throw new RangeError(`mser5: series must have at least 10 values, got ${series.length}`);
  const z = batchMeans(series, m);
  let mean = 0;
  let ss = 0;
  let best = 0;
  let bestStat = Infinity;
  for (let d = m - 1; d >= 0; d--) {
    const k = m - d;
    const x = z[d] as number;
    const delta = x - mean;
    mean += delta / k;
    ss += delta * (x - mean);
    const stat = ss / (k * k);
    if (d < m / 2 && stat <= bestStat) {
      bestStat = stat;
      best = d;
    }
  }
  return { truncationBatches: best, truncationIndex: best * BATCH, batchSize: BATCH };
}
