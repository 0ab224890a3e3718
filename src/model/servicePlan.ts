/**
 * Per-service lookup tables computed once per run from the scenario, the policy and the team
 * layout: demand-type frequencies, the front line's repertoire, channel choice, which team
 * does each step, and batching.
 *
 * @packageDocumentation
 */
import type { Policy } from "../policy/types.js";
import { CHANNELS, type Scenario, type ServiceSpec, type StepSpec, type TeamRole } from "../scenario/types.js";
import { frontBreadth, type TeamLayout } from "./teams.js";

/** Batch release times: every `every` minutes from `offset`; `every` Infinity = flow. */
export interface BatchRule {
  readonly every: number;
  readonly offset: number;
}

/** Lookup tables for one service. */
export interface ServicePlan {
  readonly spec: ServiceSpec;
  /**
   * The service's steps (`spec.steps`) in an array of their own. The scenario's is frozen, and
   * V8's optimised code reads a frozen array's elements through a generic lookup, not inline
   * (bench/README.md, "Instructions counted").
   */
  readonly steps: readonly StepSpec[];
  /** Cumulative frequencies of demand types, most common first (Zipf). */
  readonly typeCdf: Float64Array;
  /**
   * Demand types (by rank) the front line may resolve under this policy: ranks below this. A
   * repertoire covers the most common types first; any coverage above 0 covers at least one.
   */
  readonly frontRepertoire: number;
  /**
   * Chance of a wrong or incomplete answer by demand-type rank when the front line resolves it:
   * 0 within the basic repertoire, then rising in a straight line (an assumption) to
   * `wrongAnswerProbability` at the last front-resolvable type.
   */
  readonly wrongAnswer: Float64Array;
  /** Multiplier of front contact time for the breadth of the repertoire (1 for a scripted line). */
  readonly frontTimeFactor: number;
  /** The front line's handling-time target in minutes for this service (Infinity: none). */
  readonly frontTarget: number;
  /** Variety of the case work: the mean cv of the steps' work content (0 when no steps). */
  readonly stepVariety: number;
  /** Whether a step is field work (by its scenario team's role, also when pooled). */
  readonly stepField: readonly boolean[];
  /**
   * Share of the people doing a step who are not from the step's own specialised team (0 for
   * a team of its own; for pooled owners, the staff share of the other members): the
   * generalist penalty applies in this proportion.
   */
  readonly stepGeneralist: Float64Array;
  /** Cumulative channel mix in the order of CHANNELS. */
  readonly channelCdf: Float64Array;
  /** Planned team that answers enquiries passed on or pulled from the front. */
  readonly backOffice: number;
  /** Planned team per step. */
  readonly stepTeam: readonly number[];
  /** Policy batching per step, and for passed-on enquiries. */
  readonly stepBatch: readonly BatchRule[];
  readonly callbackBatch: BatchRule;
  /** Structural runs per step (null: none). */
  readonly stepScheduled: readonly (BatchRule | null)[];
}

/** Batches are swept at 08:00 on Mondays and every interval after (GUESS: office start). */
export const BATCH_OFFSET_MINUTES = 8 * 60;

const FLOW: BatchRule = { every: Infinity, offset: 0 };

/**
 * Builds the plan of every service.
 *
 * @param scenario - the scenario
 * @param policy - the policy
 * @param layout - the team layout from `planTeams`
 * @returns one plan per service, in scenario order
 * @example
 * ```ts
 * const s = loadScenario("teaching");
 * planServices(s, policies.minutes, planTeams(s, policies.minutes)).length; //=> s.services.length
 * ```
 */
export function planServices(scenario: Scenario, policy: Policy, layout: TeamLayout): ServicePlan[] {
  const teamIndex = new Map(scenario.teams.map((t, i) => [t.id, i]));
  const planned = (id: string) => layout.teamOf[teamIndex.get(id) as number] as number;
  const roleOf = (id: string) => scenario.teams[teamIndex.get(id) as number]!.role;
  return scenario.services.map((spec) => {
    const weights = Array.from({ length: spec.demandTypes }, (_, r) => 1 / (r + 1) ** spec.typeConcentration);
    const total = weights.reduce((a, w) => a + w, 0);
    const typeCdf = new Float64Array(spec.demandTypes);
    let acc = 0;
    weights.forEach((w, r) => {
      acc += w / total;
      typeCdf[r] = acc;
    });
    typeCdf[spec.demandTypes - 1] = 1;
    const channelCdf = new Float64Array(CHANNELS.length);
    acc = 0;
    spec.channelMix.forEach((m, i) => {
      acc += m;
      channelCdf[i] = acc;
    });
    channelCdf[CHANNELS.length - 1] = Math.max(1, acc);
    const m = scenario.mechanisms;
    const resolvable = spec.frontResolvableShare * spec.demandTypes;
    const coverage = policy.frontOffice.skillCoverage * resolvable;
    const basic = Math.ceil(m.basicRepertoire * resolvable - 1e-9);
    const full = Math.ceil(resolvable - 1e-9);
    const wrongAnswer = new Float64Array(spec.demandTypes);
    for (let r = basic; r < full; r++) wrongAnswer[r] = (m.wrongAnswerProbability * (r - basic + 1)) / (full - basic);
    const targets = policy.handlingTime;
    return {
      spec,
      steps: [...spec.steps],
      typeCdf,
      frontRepertoire: Math.ceil(coverage - 1e-9),
      wrongAnswer,
      frontTimeFactor: 1 + m.breadthContactTime * frontBreadth(policy, m.basicRepertoire),
      frontTarget: Math.min(
        targets.frontMinutes ?? Infinity,
        targets.frontFactor === null ? Infinity : targets.frontFactor * spec.frontWork.mean,
      ),
      channelCdf,
      stepVariety: spec.steps.length === 0 ? 0 : spec.steps.reduce((a, st) => a + st.work.cv, 0) / spec.steps.length,
      stepField: spec.steps.map((st) => roleOf(st.team) === "field"),
      // a typed array: V8 compiles the reads for one kind of array, whether the shares are whole or not
      stepGeneralist: Float64Array.from(spec.steps, (st) => {
        const own = scenario.teams[teamIndex.get(st.team) as number]!.staff;
        return 1 - own / (layout.teams[planned(st.team)]!.staff);
      }),
      backOffice: planned(spec.backOffice),
      stepTeam: spec.steps.map((st) => planned(st.team)),
      stepBatch: spec.steps.map((st) => batchRule(policy, `${spec.id}.${st.id}`, roleOf(st.team))),
      callbackBatch: batchRule(policy, `${spec.id}.callback`, roleOf(spec.backOffice)),
      stepScheduled: spec.steps.map((st) =>
        st.scheduled === null ? null : { every: st.scheduled.everyMinutes, offset: st.scheduled.offsetMinutes },
      ),
    };
  });
}

function batchRule(policy: Policy, key: string, role: TeamRole): BatchRule {
  const own = policy.batching.steps[key];
  const byRole = policy.batching.byRole[role];
  const every = own !== undefined ? own : byRole !== undefined ? byRole : policy.batching.everyMinutes;
  return every === null || !(every > 0) ? FLOW : { every, offset: BATCH_OFFSET_MINUTES };
}

/**
 * The first release time at or after `now` of a batch rule (Infinity-interval rules release at once).
 *
 * @param rule - the batch rule
 * @param now - the current time
 * @example
 * ```ts
 * nextRelease({ every: 10080, offset: 480 }, 500); //=> 10560
 * ```
 */
export function nextRelease(rule: BatchRule, now: number): number {
  if (rule.every === Infinity) return now;
  const k = Math.ceil((now - rule.offset) / rule.every);
  return rule.offset + Math.max(0, k) * rule.every;
}

/**
 * Draws a demand type's rank from a cumulative table (0 = the most common type).
 *
 * @param cdf - cumulative frequencies
 * @param u - a uniform in [0, 1)
 * @example
 * ```ts
 * pickIndex(new Float64Array([0.5, 0.8, 1]), 0.6); //=> 1
 * ```
 */
export function pickIndex(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u < (cdf[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
