/**
 * Shared assertions for tier (b) of style.md §4.8: a sample against the theory of the
 * distribution it came from, with tolerances of k standard errors (k = 4 by default).
 *
 * All three helpers use large-sample normal approximations, so use n >= 10^4.
 */
import { expect } from "vitest";

/**
 * The sample mean and the unbiased sample variance (two-pass, for accuracy).
 *
 * @param samples - the sample.
 * @returns `{ n, mean, variance }`.
 */
export function sampleMoments(samples: ArrayLike<number>): {
  n: number;
  mean: number;
  variance: number;
} {
  const n = samples.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += samples[i] as number;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (samples[i] as number) - mean;
    ss += d * d;
  }
  return { n, mean, variance: ss / (n - 1) };
}

/**
 * Asserts |x̄ - μ| <= k · σ / √n.
 *
 * @param samples - the sample (n >= 10^4).
 * @param mean - the true mean μ.
 * @param variance - the true variance σ² (> 0; for a degenerate distribution test exactly).
 * @param k - tolerance in standard errors.
 */
export function expectMeanWithinSE(
  samples: ArrayLike<number>,
  mean: number,
  variance: number,
  k = 4,
): void {
  const m = sampleMoments(samples);
  const se = Math.sqrt(variance / m.n);
  const diff = Math.abs(m.mean - mean);
  expect(
    diff,
    `sample mean ${m.mean} vs true ${mean}: |diff| ${diff} > ${k} SE (${k * se}), n = ${m.n}`,
  ).toBeLessThanOrEqual(k * se);
}

/**
 * Asserts |s² - σ²| <= k · SE(s²).
 *
 * Without `fourthCentralMoment`, SE(s²) = σ² √(2 / (n - 1)), the normal-theory value of
 * style.md §4.8. That value is only right for normal data: it is too small for any
 * distribution with excess kurtosis > 0 (for the exponential it is half the true SE). When the
 * true fourth central moment μ4 is known, pass it and the exact SE of the unbiased sample
 * variance is used: SE(s²) = √((μ4 - σ⁴ (n - 3) / (n - 1)) / n), from the standard
 * finite-sample result Var(s²) = (μ4 - σ⁴ (n - 3) / (n - 1)) / n (see e.g. the Wikipedia
 * article "Variance", section "Distribution of the sample variance"; it reduces to
 * 2σ⁴ / (n - 1) for normal data, where μ4 = 3σ⁴). For
 * very heavy tails (e.g. lognormal with cv > 1) the sample variance is far from normal even at
 * n = 10^5, so no k-SE check is meaningful: don't call this there.
 *
 * @param samples - the sample (n >= 10^4).
 * @param variance - the true variance σ².
 * @param k - tolerance in standard errors.
 * @param fourthCentralMoment - the true μ4 = E[(X - μ)^4], if known.
 */
export function expectVarianceWithinSE(
  samples: ArrayLike<number>,
  variance: number,
  k = 4,
  fourthCentralMoment?: number,
): void {
  const m = sampleMoments(samples);
  const n = m.n;
  const se =
    fourthCentralMoment === undefined
      ? variance * Math.sqrt(2 / (n - 1))
      : Math.sqrt((fourthCentralMoment - (variance * variance * (n - 3)) / (n - 1)) / n);
  const diff = Math.abs(m.variance - variance);
  expect(
    diff,
    `sample variance ${m.variance} vs true ${variance}: ` +
      `|diff| ${diff} > ${k} SE (${k * se}), n = ${n}`,
  ).toBeLessThanOrEqual(k * se);
}

/**
 * Asserts, at each point x, |F_n(x) - F(x)| <= k · √(p (1 - p) / n) with p = F(x) and F_n the
 * empirical CDF (the share of samples <= x). Where p is 0 or 1 the tolerance is 0, so the
 * sample must match exactly (e.g. no sample outside the support).
 *
 * @param samples - the sample (n >= 10^4).
 * @param cdf - the true CDF.
 * @param points - where to compare (3-5 points spread over the body and a tail).
 * @param k - tolerance in standard errors.
 */
export function expectCdfWithinSE(
  samples: ArrayLike<number>,
  cdf: (x: number) => number,
  points: readonly number[],
  k = 4,
): void {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  for (const x of points) {
    const p = cdf(x);
    const empirical = countAtMost(sorted, x) / n;
    const tol = k * Math.sqrt((p * (1 - p)) / n);
    const diff = Math.abs(empirical - p);
    expect(
      diff,
      `CDF at ${x}: empirical ${empirical} vs true ${p}: |diff| ${diff} > ${tol}, n = ${n}`,
    ).toBeLessThanOrEqual(tol);
  }
}

/** Number of entries <= x in an ascending array (binary search). */
function countAtMost(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Asserts the Kolmogorov–Smirnov distance D_n = sup_x |F_n(x) - F(x)| of a sample from a
 * continuous distribution is below the asymptotic critical value at level 0.001,
 * √(-ln(0.0005) / (2n)) = 1.9495 / √n (Kolmogorov's limit law; see e.g. the Wikipedia article
 * "Kolmogorov–Smirnov test"). D_n is checked on both sides of every sample point.
 *
 * @param samples - the sample (n >= 10^4).
 * @param cdf - the true, continuous CDF.
 */
export function expectKolmogorovSmirnov(samples: ArrayLike<number>, cdf: (x: number) => number): void {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i] as number);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  const critical = Math.sqrt(-Math.log(0.0005) / (2 * n));
  expect(d, `KS distance ${d} > critical ${critical} (level 0.001), n = ${n}`).toBeLessThanOrEqual(critical);
}
