/**
 * Private argument checks for the factories of the random layer. Never re-exported.
 *
 * Every check throws a `RangeError` (or `TypeError` for a value of the wrong type) whose
 * message names the function, the parameter, what was expected and the value received, e.g.
 * `exponential: mean must be a finite number > 0; got -1`.
 *
 * @internal
 * @packageDocumentation
 */

/**
 * Renders a received value for an error message: strings are quoted, arrays are summarised.
 *
 * @param value - any value.
 * @returns a short, human-readable rendering.
 * @example
 * describeValue("x"); //=> '"x"'
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === "number" && Object.is(value, -0)) return "-0";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return String(value);
}

/**
 * Throws a `RangeError` naming the function, the parameter, the expectation and the value.
 *
 * @param fn - name of the public function being validated.
 * @param param - name of the parameter (or `options.field`).
 * @param expected - what was expected, e.g. `"a finite number > 0"`.
 * @param value - the value received.
 * @returns never.
 * @throws {RangeError} always.
 * @example
 * fail("exponential", "mean", "a finite number > 0", -1); // throws
 */
export function fail(fn: string, param: string, expected: string, value: unknown): never {
  throw new RangeError(`${fn}: ${param} must be ${expected}; got ${describeValue(value)}`);
}

/**
 * Checks that `value` is a finite number.
 *
 * @param fn - public function name.
 * @param param - parameter name.
 * @param value - value to check.
 * @returns the value, typed as a number.
 * @throws {RangeError} if it is not a finite number.
 * @example
 * requireFinite("uniform", "min", 0); //=> 0
 */
export function requireFinite(fn: string, param: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    fail(fn, param, "a finite number", value);
  }
  return value;
}

/**
 * Checks that `value` is a finite number strictly greater than 0.
 *
 * @param fn - public function name.
 * @param param - parameter name.
 * @param value - value to check.
 * @returns the value, typed as a number.
 * @throws {RangeError} if it is not a finite number > 0.
 * @example
 * requirePositive("exponential", "mean", 5); //=> 5
 */
export function requirePositive(fn: string, param: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    fail(fn, param, "a finite number > 0", value);
  }
  return value;
}

/**
 * Checks that `value` is a finite number greater than or equal to 0.
 *
 * @param fn - public function name.
 * @param param - parameter name.
 * @param value - value to check.
 * @returns the value, typed as a number.
 * @throws {RangeError} if it is not a finite number >= 0.
 * @example
 * requireNonNegative("lognormal", "options.cv", 0); //=> 0
 */
export function requireNonNegative(fn: string, param: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    fail(fn, param, "a finite number >= 0", value);
  }
  return value;
}

/**
 * Checks that `value` is a probability: a number in [0, 1].
 *
 * @param fn - public function name.
 * @param param - parameter name.
 * @param value - value to check.
 * @returns the value, typed as a number.
 * @throws {RangeError} if it is not a number in [0, 1].
 * @example
 * requireProbability("bernoulli", "p", 0.3); //=> 0.3
 */
export function requireProbability(fn: string, param: string, value: unknown): number {
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) {
    fail(fn, param, "a number in [0, 1]", value);
  }
  return value;
}

/**
 * Checks that `value` is an object (an options bag), so that reading its fields is safe.
 *
 * @param fn - public function name.
 * @param param - parameter name.
 * @param value - value to check.
 * @returns nothing.
 * @throws {TypeError} if it is not a non-null object.
 * @example
 * requireOptions("gamma", "options", { shape: 2, scale: 1 }); // ok
 */
export function requireOptions(fn: string, param: string, value: unknown): void {
  if (typeof value !== "object" || value === null) {
    throw new TypeError(`${fn}: ${param} must be an object; got ${describeValue(value)}`);
  }
}
