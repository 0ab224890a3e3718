/**
 * The checks at the door of the report functions: given something that is not a Comparison or
 * a SweepResult, they refuse it with a RangeError saying what they take and where it comes
 * from, instead of a TypeError from inside.
 *
 * @packageDocumentation
 */
import type { Comparison, SweepResult } from "../experiment/index.js";
import { formatValue } from "../scenario/errors.js";

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function looksLikeComparison(x: unknown): boolean {
  return isObject(x) && isObject(x["policies"]) && isObject(x["differences"]) && typeof x["replications"] === "number" && Object.keys(x["policies"]).length > 0;
}

/**
 * Refuses anything that is not a Comparison.
 *
 * @param c - the argument
 * @param fn - the function's name, for the message
 * @throws RangeError naming the function and the value
 * @example
 * ```ts
 * requireComparison({}, "comparisonTable"); //=> throws RangeError "comparisonTable needs a Comparison (from compare, compareParallel or mergeShards), got {}"
 * ```
 */
export function requireComparison(c: unknown, fn: string): asserts c is Comparison {
  if (!looksLikeComparison(c)) throw new RangeError(`${fn} needs a Comparison (from compare, compareParallel or mergeShards), got ${formatValue(c)}`);
}

/**
 * Refuses anything that is not a SweepResult.
 *
 * @param s - the argument
 * @param fn - the function's name, for the message
 * @throws RangeError naming the function and the value
 * @example
 * ```ts
 * requireSweep({}, "sweepTable"); //=> throws RangeError "sweepTable needs a SweepResult (from sweep), got {}"
 * ```
 */
export function requireSweep(s: unknown, fn: string): asserts s is SweepResult {
  const ok = isObject(s) && typeof s["path"] === "string" && Array.isArray(s["rows"]) && s["rows"].every((r) => isObject(r) && looksLikeComparison(r["comparison"]));
  if (!ok) throw new RangeError(`${fn} needs a SweepResult (from sweep), got ${formatValue(s)}`);
}
