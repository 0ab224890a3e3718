/**
 * Time-average of a piecewise-constant, right-continuous signal such as a queue length or
 * the number of busy servers: (1/(t − t₀)) ∫ₜ₀ᵗ x(s) ds.
 *
 * Source: the time-persistent statistic of A. M. Law (2015), Simulation Modeling and
 * Analysis, 5th ed., §1.4 (the time-average number in queue: area under Q(t) divided by
 * the length of the run).
 *
 * @example
 * // Queue length 0 on [0, 2), 3 on [2, 5), 1 from 5 on: (0·2 + 3·3 + 1·5)/10.
 * new TimeWeighted(0, 0).update(2, 3).update(5, 1).mean(10);
 * //=> 1.4
 */
export class TimeWeighted {
  // numbers from the start, so V8 keeps the doubles in place (see TeamStatistics.lastT)
  #start = 0;
  #last = 0;
  #value = 0;
  #area = 0;

  /**
   * Start observing at time `t0` with the signal at `value`.
   * @param t0 - start time (finite)
   * @param value - the signal's value from `t0` on (finite)
   * @throws RangeError if either argument is not finite
   * @example
   * new TimeWeighted(0, 2).mean(10);
   * //=> 2
   */
  constructor(t0: number, value: number) {
    checkFinite("t0", t0);
    checkFinite("value", value);
    this.#start = t0;
    this.#last = t0;
    this.#value = value;
  }

  /** The signal's current value. @example new TimeWeighted(0, 3).value; //=> 3 */
  get value(): number {
    return this.#value;
  }

  /**
   * The signal changes to `value` at time `t`; the old value is credited for [last, t).
   * @param t - the time of the change, not earlier than the previous update
   * @param value - the new value (finite)
   * @returns this accumulator
   * @throws RangeError if `t` is not finite or earlier than the last update, or `value` is not finite
   * @example
   * new TimeWeighted(0, 0).update(4, 2).mean(8);
   * //=> 1
   */
  update(t: number, value: number): this {
    this.#advance("update", t);
    checkFinite("value", value);
    this.#value = value;
    return this;
  }

  /**
   * The time-average over [start, t], where start is `t0` or the last {@link TimeWeighted.reset}.
   * If `t` equals the start, the window is empty and the current value (the limit of the
   * average as the window shrinks) is returned.
   * @param t - the end of the window, not earlier than the last update
   * @returns the time-weighted mean
   * @throws RangeError if `t` is not finite or earlier than the last update
   * @example
   * new TimeWeighted(0, 1).update(2, 3).mean(4);
   * //=> 2
   */
  mean(t: number): number {
    checkTime("mean", t, this.#last);
    const duration = t - this.#start;
    if (duration === 0) return this.#value;
    return (this.#area + this.#value * (t - this.#last)) / duration;
  }

  /**
   * Forget the history before `t` (for a warm-up period); the current value is kept.
   * @param t - the new start, not earlier than the last update
   * @returns this accumulator
   * @throws RangeError if `t` is not finite or earlier than the last update
   * @example
   * new TimeWeighted(0, 10).update(5, 2).reset(6).mean(10);
   * //=> 2
   */
  reset(t: number): this {
    checkTime("reset", t, this.#last);
    this.#start = t;
    this.#last = t;
    this.#area = 0;
    return this;
  }

  #advance(method: string, t: number): void {
    checkTime(method, t, this.#last);
    this.#area += this.#value * (t - this.#last);
    this.#last = t;
  }
}

function checkFinite(name: string, x: number): void {
  if (!Number.isFinite(x)) throw new RangeError(`TimeWeighted: ${name} must be finite, got ${x}`);
}

function checkTime(method: string, t: number, last: number): void {
  if (!Number.isFinite(t) || t < last) {
    throw new RangeError(`TimeWeighted.${method}: t must be finite and >= ${last}, got ${t}`);
  }
}
