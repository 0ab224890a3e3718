/**
 * Varying every parameter at once: a Latin hypercube of the parameters' ranges (each range cut
 * into as many equal strata as there are samples, each stratum used once, strata paired at
 * random) and what the samples say about the conclusion: per outcome, how many samples put the
 * difference clear below 0, clear above or neither, and how closely each parameter's value
 * goes with the difference (Spearman's rank correlation). See docs/drivers.md, "Jointly".
 *
 * @packageDocumentation
 */
import { create, lusolveDependencies, type FactoryFunctionMap } from "mathjs";
import { createStream } from "../random/stream.js";
import type { HeadlineDifference } from "./headlineDifferences.js";

/**
 * A Latin hypercube of `samples` points in [0, 1)^`dims`: in every dimension each of the
 * `samples` equal strata holds exactly one point, at a uniform place in it; the strata of the
 * dimensions are paired by independent random permutations (McKay, Beckman and Conover 1979).
 * The random numbers come from the experiment's seed (stream "sensitivity:latinHypercube" of
 * replication 0), so the design is the same on every machine and in every shard.
 *
 * @param samples - points, a whole number ≥ 1
 * @param dims - dimensions, a whole number ≥ 0
 * @param seed - the experiment's seed
 * @returns `samples` rows of `dims` numbers in [0, 1)
 * @throws RangeError for a bad count
 * @example
 * ```ts
 * const u = latinHypercube(4, 2, 1);
 * u.map((row) => Math.floor(row[0]! * 4)).sort(); //=> [0, 1, 2, 3]: one point per stratum
 * ```
 */
export function latinHypercube(samples: number, dims: number, seed: number | string): number[][] {
  if (!Number.isSafeInteger(samples) || samples < 1) throw new RangeError(`samples must be a whole number ≥ 1, got ${samples}`);
  if (!Number.isSafeInteger(dims) || dims < 0) throw new RangeError(`dims must be a whole number ≥ 0, got ${dims}`);
  const rng = createStream(seed, 0, "sensitivity:latinHypercube");
  const rows = Array.from({ length: samples }, () => new Array<number>(dims).fill(0));
  for (let d = 0; d < dims; d++) {
    // Fisher–Yates: strata in random order, then a uniform place in each
    const perm = Array.from({ length: samples }, (_, i) => i);
    for (let i = samples - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [perm[i], perm[j]] = [perm[j]!, perm[i]!];
    }
    for (let i = 0; i < samples; i++) rows[i]![d] = (perm[i]! + rng()) / samples;
  }
  return rows;
}

/**
 * Spearman's rank correlation: Pearson's correlation of the ranks, tied values sharing their
 * mean rank. 0 when either list is constant (nothing to rank) or shorter than 2.
 *
 * @param xs - the first values
 * @param ys - the second values, as many
 * @returns the correlation, −1 to 1
 * @example
 * ```ts
 * spearman([1, 2, 3, 4], [10, 20, 25, 100]); //=> 1
 * spearman([1, 2, 3], [3, 2, 1]); //=> -1
 * ```
 */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  if (xs.length !== ys.length) throw new RangeError(`spearman needs lists of one length, got ${xs.length} and ${ys.length}`);
  const n = xs.length;
  if (n < 2) return 0;
  const rx = ranks(xs);
  const ry = ranks(ys);
  const m = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const a = rx[i]! - m;
    const b = ry[i]! - m;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/**
 * Partial rank correlation coefficients (PRCC; Marino et al. 2008, "A methodology for
 * performing global uncertainty and sensitivity analysis in systems biology", J. Theor. Biol.
 * 254(1), 178–196): for each input, the correlation of the ranks of the input and of the output
 * once the linear effect of the other inputs' ranks is taken out of both. Computed from the
 * inverse C of the rank correlation matrix of inputs and output (mathjs `lusolve`):
 * PRCC_j = −C[j][y] / √(C[j][j] C[y][y]). It needs more samples than inputs plus one; an input
 * that does not vary (one value at every point) gets null, and so does every input when the
 * matrix cannot be inverted or there are too few samples.
 *
 * @param columns - the inputs, one array of values per input, each as long as `y`
 * @param y - the output
 * @returns per input its PRCC (−1 to 1), or null
 * @example
 * ```ts
 * // y follows a, whatever b does: a's PRCC is near 1, b's near 0
 * const a = [1, 2, 3, 4, 5, 6, 7, 8], b = [3, 1, 4, 1, 5, 9, 2, 6];
 * partialRankCorrelations([a, b], a.map((x, i) => x + 0.01 * b[i]!))[0]! > 0.9; //=> true
 * ```
 */
export function partialRankCorrelations(columns: readonly (readonly number[])[], y: readonly number[]): (number | null)[] {
  const n = y.length;
  const varying = columns.map((c) => c.some((v) => v !== c[0]));
  const used = columns.filter((_, j) => varying[j]);
  const out: (number | null)[] = columns.map(() => null);
  if (used.length === 0 || n <= used.length + 1 || !y.some((v) => v !== y[0])) return out;
  // ranks, centred and scaled to unit length, so that their cross-products are the correlations
  const z = [...used, y].map((c) => {
    const r = ranks(c);
    const m = (n + 1) / 2;
    const d = r.map((x) => x - m);
    const norm = Math.sqrt(d.reduce((a, x) => a + x * x, 0));
    return d.map((x) => x / norm);
  });
  const k = z.length;
  const corr = z.map((a) => z.map((b) => a.reduce((s, x, i) => s + x * (b[i] as number), 0)));
  const math = create({ lusolveDependencies: lusolveDependencies as FactoryFunctionMap });
  let inverse: number[][];
  try {
    // the inverse, column by column: C e_i
    const cols = Array.from({ length: k }, (_, i) => (math.lusolve(corr, Array.from({ length: k }, (_, j) => (j === i ? 1 : 0))) as number[][]).map((row) => row[0] as number));
    inverse = Array.from({ length: k }, (_, r) => cols.map((col) => col[r] as number));
  } catch {
    return out;
  }
  const yy = inverse[k - 1]![k - 1]!;
  let u = 0;
  columns.forEach((_, j) => {
    if (!varying[j]) return;
    const jj = inverse[u]![u]!;
    const value = -inverse[u]![k - 1]! / Math.sqrt(jj * yy);
    out[j] = Number.isFinite(value) ? Math.max(-1, Math.min(1, value)) : null;
    u++;
  });
  return out;
}

/** Ranks 1…n, ties sharing their mean rank. */
function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) out[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** One sample of a joint study: every parameter at once, and the differences there. */
export interface JointPoint {
  /** The parameters' values, in the order of the study's parameters (their unit: minutes, per minute, a number). */
  readonly values: readonly number[];
  /** The values as written in a file ("2.5 min", 0.15). */
  readonly text: readonly (number | string)[];
  /** Per outcome: the paired difference (policy 2 − policy 1) at this point. */
  readonly differences: Readonly<Record<string, HeadlineDifference>>;
  /** Warnings of the point's runs (unstable teams). */
  readonly warnings: readonly string[];
}

/** What the joint samples say about one outcome. */
export interface JointOutcome {
  /** Samples whose difference is clear below 0, holds 0, clear above 0 (at 95%). */
  readonly below: number;
  readonly tie: number;
  readonly above: number;
  /** The smallest and largest mean difference over the samples. */
  readonly min: number;
  readonly max: number;
  /** Per parameter (by path): Spearman's rank correlation of its value with the mean difference. */
  readonly correlation: Readonly<Record<string, number>>;
  /**
   * Per parameter (by path): its partial rank correlation with the mean difference, the other
   * parameters' ranks taken out ({@link partialRankCorrelations}); null with too few samples
   * (no more than the parameters plus one) or for a parameter that did not vary.
   */
  readonly partial: Readonly<Record<string, number | null>>;
}

/** The joint part of a sensitivity study: every parameter varied at once by Latin hypercube. */
export interface JointSensitivity {
  readonly samples: number;
  /** The parameters varied, in the order of each point's values. */
  readonly paths: readonly string[];
  /**
   * A correlation is clear of 0 at about 95% beyond this: 1.96 / √(samples − 1), the large-sample
   * rule for a rank correlation of unrelated values.
   */
  readonly clearCorrelation: number;
  readonly outcomes: Readonly<Record<string, JointOutcome>>;
  readonly points: readonly JointPoint[];
}

/**
 * Summarises the points of a joint study: per outcome, the signs' counts, the range of the mean
 * differences and each parameter's rank correlation with them. Pure: the points in sample order
 * give the same summary wherever they were run.
 *
 * @param paths - the parameters, in the order of each point's values
 * @param outcomes - the outcomes' metric names
 * @param points - the samples, in order
 * @returns the joint study
 * @example
 * ```ts
 * const j = jointSummary(["a"], ["cost"], [
 *   { values: [1], text: [1], differences: { cost: { mean: -1, ci95: [-2, -0.5], sign: -1 } }, warnings: [] },
 *   { values: [2], text: [2], differences: { cost: { mean: 1, ci95: [0.5, 2], sign: 1 } }, warnings: [] },
 * ]);
 * [j.outcomes["cost"]?.below, j.outcomes["cost"]?.above, j.outcomes["cost"]?.correlation["a"]]; //=> [1, 1, 1]
 * j.outcomes["cost"]?.partial["a"]; //=> null (two points are too few for a partial correlation)
 * ```
 */
export function jointSummary(paths: readonly string[], outcomes: readonly string[], points: readonly JointPoint[]): JointSensitivity {
  const result: Record<string, JointOutcome> = {};
  for (const metric of outcomes) {
    const ds = points.map((p) => p.differences[metric]).filter((d): d is HeadlineDifference => d !== undefined);
    if (ds.length !== points.length) continue;
    const means = ds.map((d) => d.mean);
    const correlation: Record<string, number> = {};
    const partial: Record<string, number | null> = {};
    const columns = paths.map((_, i) => points.map((p) => p.values[i]!));
    const prcc = partialRankCorrelations(columns, means);
    paths.forEach((path, i) => {
      correlation[path] = spearman(columns[i]!, means);
      partial[path] = prcc[i] ?? null;
    });
    result[metric] = {
      below: ds.filter((d) => d.sign < 0).length,
      tie: ds.filter((d) => d.sign === 0).length,
      above: ds.filter((d) => d.sign > 0).length,
      min: Math.min(...means),
      max: Math.max(...means),
      correlation,
      partial,
    };
  }
  return { samples: points.length, paths, clearCorrelation: points.length > 1 ? 1.96 / Math.sqrt(points.length - 1) : 1, outcomes: result, points };
}
