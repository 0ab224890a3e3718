/**
 * Welford's running mean and variance, with an exact-order-independent merge so that
 * accumulators from worker threads or shards can be combined.
 *
 * Sources:
 * - B. P. Welford (1962), "Note on a method for calculating corrected sums of squares and
 *   products", Technometrics 4(3), 419–420 (the one-pass update in {@link Welford.add}).
 * - T. F. Chan, G. H. Golub & R. J. LeVeque (1979), "Updating formulae and a pairwise algorithm
 *   for computing sample variances", Stanford CS report STAN-CS-79-773; summarised in Chan,
 *   Golub & LeVeque (1983), The American Statistician 37(3), 242–247, eq. 2.1 (the pairwise
 *   combination in {@link Welford.merge}).
 */

/** JSON-safe state of a {@link Welford} accumulator (min/max are `null` when empty). */
export interface WelfordJSON {
  readonly count: number;
  readonly mean: number;
  readonly m2: number;
  readonly min: number | null;
  readonly max: number | null;
}

/**
 * A running accumulator of count, mean, sample variance, min and max.
 *
 * `mean` is `NaN` while empty; `variance` and `sd` are `NaN` while `count < 2`.
 *
 * @example
 * const w = new Welford();
 * for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) w.add(x);
 * [w.mean, w.variance, w.min, w.max];
 * //=> [5, 4.571428571428571, 2, 9]
 */
export class Welford {
  #count = 0;
  #mean = 0;
  #m2 = 0;
  #min = Infinity;
  #max = -Infinity;

  /**
   * Add one observation.
   * @param x - a finite number
   * @returns this accumulator
   * @throws RangeError if `x` is not finite
   * @example
   * new Welford().add(3).add(5).mean;
   * //=> 4
   */
  add(x: number): this {
    if (!Number.isFinite(x)) throw new RangeError(`Welford.add: x must be finite, got ${x}`);
    this.#count += 1;
    const delta = x - this.#mean;
    this.#mean += delta / this.#count;
    this.#m2 += delta * (x - this.#mean);
    if (x < this.#min) this.#min = x;
    if (x > this.#max) this.#max = x;
    return this;
  }

  /** Number of observations. @example new Welford().add(1).count; //=> 1 */
  get count(): number {
    return this.#count;
  }

  /** Arithmetic mean (`NaN` when empty). @example new Welford().add(1).add(2).mean; //=> 1.5 */
  get mean(): number {
    return this.#count === 0 ? NaN : this.#mean;
  }

  /** Sample variance with divisor n − 1 (`NaN` when count < 2). @example new Welford().add(1).add(3).variance; //=> 2 */
  get variance(): number {
    return this.#count < 2 ? NaN : this.#m2 / (this.#count - 1);
  }

  /** Sample standard deviation (`NaN` when count < 2). @example new Welford().add(1).add(3).sd; //=> 1.4142135623730951 */
  get sd(): number {
    return Math.sqrt(this.variance);
  }

  /** Smallest observation (`Infinity` when empty). @example new Welford().add(4).add(2).min; //=> 2 */
  get min(): number {
    return this.#min;
  }

  /** Largest observation (`-Infinity` when empty). @example new Welford().add(4).add(2).max; //=> 4 */
  get max(): number {
    return this.#max;
  }

  /**
   * Fold another accumulator into this one (Chan, Golub & LeVeque's pairwise formula):
   * n = nₐ + n_b, δ = x̄_b − x̄ₐ, x̄ = (nₐx̄ₐ + n_b x̄_b)/n, M2 = M2ₐ + M2_b + δ²·nₐn_b/n.
   *
   * The result is the same (up to rounding) as one pass over all observations in any order.
   * Every operation used is symmetric in the two operands, so `a.merge(b)` and `b.merge(a)`
   * give bit-identical state; merging three or more is associative only up to rounding, so
   * merge shards in a fixed order (for example by replication index) for reproducible bits.
   *
   * @param other - the accumulator to fold in (not modified)
   * @returns this accumulator
   * @example
   * const a = new Welford().add(1).add(2);
   * const b = new Welford().add(3).add(4);
   * [a.merge(b).mean, a.variance];
   * //=> [2.5, 1.6666666666666667]
   */
  merge(other: Welford): this {
    const nb = other.#count;
    if (nb === 0) return this;
    const na = this.#count;
    if (na === 0) {
      this.#count = nb;
      this.#mean = other.#mean;
      this.#m2 = other.#m2;
      this.#min = other.#min;
      this.#max = other.#max;
      return this;
    }
    const n = na + nb;
    const delta = other.#mean - this.#mean;
    this.#mean = (na * this.#mean + nb * other.#mean) / n;
    this.#m2 = this.#m2 + other.#m2 + ((delta * delta) * (na * nb)) / n;
    this.#count = n;
    this.#min = Math.min(this.#min, other.#min);
    this.#max = Math.max(this.#max, other.#max);
    return this;
  }

  /**
   * JSON-safe state, for shipping between worker threads or shards.
   * @returns the state; `min`/`max` are `null` when empty
   * @example
   * new Welford().add(1).add(3).toJSON();
   * //=> { count: 2, mean: 2, m2: 2, min: 1, max: 3 }
   */
  toJSON(): WelfordJSON {
    const empty = this.#count === 0;
    return {
      count: this.#count,
      mean: this.#mean,
      m2: this.#m2,
      min: empty ? null : this.#min,
      max: empty ? null : this.#max,
    };
  }

  /**
   * Rebuild an accumulator from {@link Welford.toJSON} output.
   * @param state - the saved state
   * @returns a new accumulator with exactly that state
   * @throws RangeError if the state is inconsistent (negative or fractional count, non-finite
   *   fields, negative m2, min > max, or min/max null for a non-empty accumulator)
   * @example
   * Welford.fromJSON({ count: 2, mean: 2, m2: 2, min: 1, max: 3 }).variance;
   * //=> 2
   */
  static fromJSON(state: WelfordJSON): Welford {
    const { count, mean, m2, min, max } = state;
    const bad = (field: string, v: unknown): never => {
      throw new RangeError(`Welford.fromJSON: invalid ${field}: ${String(v)}`);
    };
    if (!Number.isInteger(count) || count < 0) bad("count", count);
    if (!Number.isFinite(mean)) bad("mean", mean);
    if (!Number.isFinite(m2) || m2 < 0) bad("m2", m2);
    const w = new Welford();
    if (count === 0) return w;
    if (min === null || !Number.isFinite(min)) bad("min", min);
    if (max === null || !Number.isFinite(max) || (max as number) < (min as number)) bad("max", max);
    w.#count = count;
    w.#mean = mean;
    w.#m2 = m2;
    w.#min = min as number;
    w.#max = max as number;
    return w;
  }
}
