/**
 * The design choices of a policy as the factors of a factorial study, and the hybrid policy of
 * each cell. A choice is one factor, with its sub-fields grouped where they act together:
 *
 * - `frontOffice.scope` and `frontOffice.skillCoverage` are two factors (what the front does
 *   with what it cannot resolve, and how much it can resolve);
 * - `handlingTime` is one factor (its targets and the chance of cutting short make one
 *   regime of standard times: a target without cuts, or cuts without a target, does nothing);
 * - `batching` is one factor (the sweep interval with its overrides by role and by step);
 * - every other choice (`caseHandling`, `progressInformation`, `closure`,
 *   `completenessCheck`, `activityMeasure`, `consultPriority`, `ownership`) is a factor.
 *
 * A choice on which the two policies agree is not a factor.
 *
 * @packageDocumentation
 */
import type { Policy } from "../policy/index.js";
import { getPath, setPath } from "./paths.js";

/**
 * The factor choices in the order they get their letters (A, B, C, …): the path of each in a
 * policy. A path names a whole object (`handlingTime`, `batching`) when its fields are one factor.
 *
 * @example
 * ```ts
 * FACTOR_CHOICES.length; //=> 11
 * ```
 */
export const FACTOR_CHOICES: readonly string[] = Object.freeze([
  "frontOffice.scope",
  "frontOffice.skillCoverage",
  "handlingTime",
  "caseHandling",
  "batching",
  "progressInformation",
  "closure",
  "completenessCheck",
  "activityMeasure",
  "consultPriority",
  "ownership",
]);

/** A factor of a factorial study: a design choice and its two values. */
export interface FactorialFactor {
  /** The factor's letter in the design (A, B, …). */
  readonly letter: string;
  /** The choice: its path in a policy, e.g. `"frontOffice.scope"` or `"handlingTime"`. */
  readonly name: string;
  /** The value at level − (the low policy's). */
  readonly low: unknown;
  /** The value at level + (the high policy's). */
  readonly high: unknown;
}

/** Letters of factors, as in the design (I is skipped). */
const LETTERS = "ABCDEFGHJKL";

/**
 * The factors of a study between two policies: every choice of {@link FACTOR_CHOICES} on which
 * they differ, with its two values.
 *
 * @param low - the policy at level −
 * @param high - the policy at level +
 * @returns the factors, lettered in the order of {@link FACTOR_CHOICES}; none when the two make the same choices
 * @example
 * ```ts
 * factorialFactors(policies.minutes, policies.whole).map((f) => f.name);
 * //=> ["frontOffice.scope", "frontOffice.skillCoverage", "handlingTime", "caseHandling", "batching", "progressInformation", "closure", "completenessCheck", "activityMeasure"]
 * ```
 */
export function factorialFactors(low: Policy, high: Policy): FactorialFactor[] {
  const out: FactorialFactor[] = [];
  for (const name of FACTOR_CHOICES) {
    const a = getPath(low, name);
    const b = getPath(high, name);
    if (!sameValue(a, b)) out.push({ letter: LETTERS[out.length] as string, name, low: a, high: b });
  }
  return out;
}

/**
 * The hybrid policy of a cell: the low policy with the high policy's value of every factor at
 * level +. Its name is `cell` and its number (from 1), with the levels: `cell 3 (+−+…)`.
 *
 * @param low - the policy at level −
 * @param factors - the factors (from {@link factorialFactors})
 * @param levels - one −1 or +1 per factor
 * @param index - the cell's index (from 0)
 * @returns the cell's policy
 * @example
 * ```ts
 * const fs = factorialFactors(policies.minutes, policies.whole);
 * cellPolicy(policies.minutes, fs, fs.map((f) => (f.name === "closure" ? 1 : -1)), 0).closure; //=> "citizenConfirms"
 * ```
 */
export function cellPolicy(low: Policy, factors: readonly FactorialFactor[], levels: readonly number[], index: number): Policy {
  let p: Policy = low;
  factors.forEach((f, j) => {
    if (levels[j] === 1) p = setPath(p, f.name, f.high);
  });
  const signs = levels.map((l) => (l === 1 ? "+" : "-")).join("");
  const high = factors.filter((_, j) => levels[j] === 1).map((f) => f.name);
  return { ...p, name: `cell ${index + 1} (${signs})`, description: high.length === 0 ? `${low.name} as it is` : `${low.name} with ${high.join(", ")} from the high policy` };
}

/** Deep equality of plain data (objects compared key by key, whatever the key order). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
