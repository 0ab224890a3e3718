/**
 * Phase 3, after contact: what the citizen says and where. A model assumption, not a
 * measurement: the weights below are GUESSes chosen so that bad journeys are talked about
 * more than good ones; no source calibrates them (docs/evidence.md, metric 10).
 *
 * @packageDocumentation
 */
import { Expression, NeedStatus } from "./codes.js";
import type { Need } from "./need.js";

/**
 * Weights of the "bad experience" score (GUESS): each failure-demand contact, each retelling,
 * each hand-off, each chase after the expectation ran out, and giving up.
 *
 * @example
 * ```ts
 * EXPERIENCE_WEIGHTS.abandoned; //=> 3
 * ```
 */
export const EXPERIENCE_WEIGHTS = {
  failureContact: 1,
  retell: 1,
  handoff: 0.5,
  waitBeyondExpectation: 1,
  abandoned: 3,
} as const;

/** Chance a citizen with a clean, quick journey praises the service (GUESS). */
export const PRAISE_PROBABILITY = 0.2;

/**
 * The bad-experience score of a finished need.
 *
 * @param need - the need
 * @returns a score ≥ 0 (0 = nothing went wrong)
 * @example
 * ```ts
 * // a need with two failure contacts and one hand-off: 2 + 0.5 = 2.5
 * ```
 */
export function badExperience(need: Need): number {
  const w = EXPERIENCE_WEIGHTS;
  return (
    w.failureContact * need.failureContacts +
    w.retell * need.retells +
    w.handoff * need.handoffs +
    w.waitBeyondExpectation * need.waitsBeyond +
    (need.status === NeedStatus.abandoned ? w.abandoned : 0)
  );
}

/**
 * Decides what the citizen says afterwards from one uniform: a formal complaint with chance
 * 1 − exp(−k·bad), social media with 1 − exp(−2k·bad) (cumulative), word of mouth with
 * 1 − exp(−bad/2), praise with {@link PRAISE_PROBABILITY} when nothing went wrong, else silent.
 *
 * @param need - the finished need
 * @param propensity - the scenario's complaint propensity k
 * @param u - a uniform in [0, 1)
 * @returns an Expression code
 * @example
 * ```ts
 * // a clean journey with u = 0.9 praises: Expression.praise
 * ```
 */
export function decideExpression(need: Need, propensity: number, u: number): number {
  const bad = badExperience(need);
  if (bad <= 0) return u >= 1 - PRAISE_PROBABILITY ? Expression.praise : Expression.silent;
  if (u < 1 - Math.exp(-propensity * bad)) return Expression.complaint;
  if (u < 1 - Math.exp(-2 * propensity * bad)) return Expression.socialMedia;
  if (u < 1 - Math.exp(-bad / 2)) return Expression.wordOfMouth;
  return Expression.silent;
}
