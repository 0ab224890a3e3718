/**
 * Staff absence: each person of every team is away now and then — short sickness spells at
 * random, and a block of summer holiday weeks. The spells are drawn per person from a stream
 * of their own, derived from (seed, replication, team, person), so the same people are away at
 * the same times under every policy (common random numbers); a policy only decides what their
 * absence does to the work: a shared line absorbs it, a personal caseload waits or is covered.
 *
 * @packageDocumentation
 */
import { createStream } from "../random/index.js";
import { spreadDistribution } from "../scenario/spreads.js";
import type { MechanismSpec } from "../scenario/types.js";

const DAY = 1440;
const WEEK = 7 * DAY;
/** Weeks of a simulated year (time 0 is Monday 1 January). */
const YEAR_WEEKS = 52;
/**
 * Summer holidays start no earlier than week 22 counting from 0 (the Monday about 3 June, the
 * model's year being 52 weeks from Monday 1 January; GUESS) ...
 */
export const SUMMER_FIRST_WEEK = 22;
/** ... and end by the start of week 35 (about 2 September; GUESS). */
export const SUMMER_END_WEEK = 35;

/**
 * The absence spells of one person up to `until`, as [start, end) pairs in time order,
 * overlapping spells merged.
 *
 * @param seed - the run's seed
 * @param replication - the replication
 * @param teamId - the scenario team the person belongs to
 * @param person - the person's index within the team
 * @param mechanisms - sickness and holiday parameters
 * @param until - the end of the run (minutes)
 * @param teamSize - people in the person's team (their holidays are staggered)
 * @param rota - the team's holiday rota, one offset a year (see {@link holidayRota})
 * @returns a flat array [start0, end0, start1, end1, ...]
 * @example
 * ```ts
 * const m = loadScenario("teaching").mechanisms;
 * const spells = absenceSpells(1, 0, "officers", 0, m, 52 * 10080);
 * spells.length % 2; //=> 0
 * ```
 */
export function absenceSpells(
  seed: number | string,
  replication: number,
  teamId: string,
  person: number,
  mechanisms: MechanismSpec,
  until: number,
  teamSize = 1,
  rota: readonly number[] = holidayRota(seed, replication, teamId, until),
): Float64Array {
  const rng = createStream(seed, replication, `absence:${teamId}:${person}`);
  const spells: [number, number][] = [];
  // summer holidays: a block of consecutive weeks each year, starting on a Monday in the window;
  // the team's holidays are staggered across the window (a rota: person k starts k/n of the way
  // through it, turned by a random offset each year), so the team is thinned, not emptied
  const weeks = mechanisms.holidayWeeks;
  const starts = Math.max(SUMMER_FIRST_WEEK, SUMMER_END_WEEK - weeks) - SUMMER_FIRST_WEEK + 1;
  for (let year = 0; weeks > 0 && year * YEAR_WEEKS * WEEK < until; year++) {
    const turn = ((person + (rota[year] ?? 0)) % teamSize) / teamSize;
    const start = SUMMER_FIRST_WEEK + Math.floor(turn * starts);
    const from = (year * YEAR_WEEKS + start) * WEEK;
    spells.push([from, from + weeks * WEEK]);
  }
  // sickness: spells arrive as a Poisson process, lengths by the spread (lognormal by default)
  const rate = mechanisms.sicknessSpellsPerMinute;
  if (rate > 0) {
    const length = spreadDistribution(mechanisms.sicknessLength);
    for (let t = -Math.log(1 - rng()) / rate; t < until; t += -Math.log(1 - rng()) / rate) {
      spells.push([t, t + length.fromUniforms(rng(), rng())]);
    }
  }
  return unionOfSpells(spells);
}

/**
 * The union of spells [start, end), sorted by start and merged where they overlap or touch,
 * as [start0, end0, start1, end1, ...]. Sorts `spells` in place.
 *
 * @param spells - the spells, in any order
 * @returns the merged spells
 * @example
 * ```ts
 * unionOfSpells([[5, 20], [0, 10], [30, 40]]); //=> Float64Array [0, 20, 30, 40]
 * ```
 */
export function unionOfSpells(spells: [number, number][]): Float64Array {
  spells.sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  for (const [a, b] of spells) {
    const last = merged.length - 1;
    if (last > 0 && a <= (merged[last] as number)) merged[last] = Math.max(merged[last] as number, b);
    else merged.push(a, b);
  }
  return Float64Array.from(merged);
}

/**
 * A team's holiday rota: for each year of the run, a uniform offset that turns the order in
 * which its people take their summer holidays; drawn once per team from a stream of its own.
 *
 * @param seed - the run's seed
 * @param replication - the replication
 * @param teamId - the scenario team
 * @param until - the end of the run (minutes)
 * @returns one offset in [0, 1) per year
 * @example
 * ```ts
 * holidayRota(1, 0, "officers", 52 * 10080).length; //=> 1
 * ```
 */
export function holidayRota(seed: number | string, replication: number, teamId: string, until: number): number[] {
  const rng = createStream(seed, replication, `holidays:${teamId}`);
  return Array.from({ length: Math.max(1, Math.ceil(until / (YEAR_WEEKS * WEEK))) }, () => rng());
}

/**
 * Whether a person with these spells is away at time t, and if so until when.
 *
 * @param spells - from {@link absenceSpells}
 * @param t - a time (minutes)
 * @returns the end of the spell covering t, or -1 when present
 * @example
 * ```ts
 * awayUntil(new Float64Array([10, 20]), 15); //=> 20
 * awayUntil(new Float64Array([10, 20]), 20); //=> -1
 * ```
 */
export function awayUntil(spells: Float64Array, t: number): number {
  // binary search for the last spell starting at or before t
  let lo = 0;
  let hi = spells.length / 2 - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((spells[2 * mid] as number) <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return -1;
  const end = spells[2 * found + 1] as number;
  return t < end ? end : -1;
}
