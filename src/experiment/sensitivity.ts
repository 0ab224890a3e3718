/**
 * `sensitivity`: does the conclusion hold over what we do not know? Every GUESS-labelled
 * parameter (or a chosen list of paths) is moved to each end of its range, one at a time, and
 * the two policies are compared there on the same citizens (common random numbers). Per
 * outcome the study reports the paired difference at both ends with its 95% interval, and
 * whether its sign, judged clear at 95%, flips across the range; where it does, bisection finds
 * where the mean difference crosses zero (docs/drivers.md, "Sensitivity of the conclusion").
 *
 * @packageDocumentation
 */
import { REPLICATION_JOURNAL } from "./replication.js";
import { checkRunCost, combineRunCosts, estimateRunCost, type RunCost } from "../analysis/index.js";
import { runWindow } from "../model/index.js";
import type { Policy } from "../policy/index.js";
import { formatValue } from "../scenario/errors.js";
import type { Scenario } from "../scenario/index.js";
import { capacityWarnings, checkPolicies, type CompareOptions } from "./compare.js";
import type { Comparison } from "./comparison.js";
import { HEADLINE_OUTCOMES, headlineDifferences, type HeadlineDifference } from "./headlineDifferences.js";
import { jointSummary, latinHypercube, type JointPoint, type JointSensitivity } from "./latinHypercube.js";
import { parameterKnob, sensitivityKnobs, type ParameterKind, type ParameterKnob, type SkippedParameter } from "./sensitivityParameters.js";
import { runStudySteps, type ComparisonRequest, type StudyRun, type StudySteps } from "./studySteps.js";

/** Options of {@link sensitivity}. */
export interface SensitivityOptions extends Omit<CompareOptions, "series" | "warnings"> {
  /** Dotted paths to vary (default: every GUESS-labelled parameter of citizen behaviour and mechanisms). */
  readonly params?: readonly string[];
  /** Ranges by path, `[low, high]` as numbers or texts with units (`["1 min", "4 min"]`); they override the documented ones and half to double. */
  readonly ranges?: Readonly<Record<string, readonly unknown[]>>;
  /** Bisection steps where a sign flips, 0–10 (default 4: the flip is located within 1/16 of the range). */
  readonly bisectionSteps?: number;
  /** Points of a Latin hypercube that varies every parameter at once (default 0: none; else at least 2). */
  readonly samples?: number;
}

/** Where a difference's sign flips across a parameter's range. */
export interface SignFlip {
  /** Whether the difference is clear of 0 at 95% at both ends, with opposite signs. */
  readonly flips: boolean;
  /** Where the mean difference crosses 0: the straight line between the final bracket's two means (null when it does not flip). */
  readonly at: number | null;
  /** `at` as written in a file ("3.5 min"); null when it does not flip. */
  readonly atText: number | string | null;
  /** The final bracket: two values whose mean differences have opposite signs (null when it does not flip). */
  readonly bracket: readonly [number, number] | null;
  /** Bisection steps taken: midpoints compared (a midpoint may be shared with another outcome's bisection). */
  readonly steps: number;
}

/** One parameter varied: its range, the differences at each end, and the sign flips. */
export interface SensitivityRow {
  readonly path: string;
  readonly kind: ParameterKind;
  /** The value in the scenario as given (minutes for a duration, per minute for a rate). */
  readonly value: number;
  readonly low: number;
  readonly high: number;
  /** The value and the ends as written in a file ("2.5 min", "0.5 / week", 0.15). */
  readonly text: { readonly value: number | string; readonly low: number | string; readonly high: number | string };
  readonly rangeFrom: "documented" | "halfToDouble" | "given";
  /** Per outcome: the paired difference (policy 2 − policy 1) at the low and the high end. */
  readonly atLow: Readonly<Record<string, HeadlineDifference>>;
  readonly atHigh: Readonly<Record<string, HeadlineDifference>>;
  /** Per outcome: the difference at the high end minus at the low end (how far the parameter moves it). */
  readonly swing: Readonly<Record<string, number>>;
  /** Per outcome: whether the sign flips across the range, and where. */
  readonly flips: Readonly<Record<string, SignFlip>>;
  /** Warnings of the runs at the ends (unstable teams), each naming the end. */
  readonly warnings: readonly string[];
}

/** The result of {@link sensitivity}; `JSON.stringify` gives its JSON. */
export interface SensitivityStudy {
  readonly scenario: string;
  readonly seed: number | string;
  readonly replications: number;
  readonly horizonDays: number;
  readonly warmupDays: number;
  /** The two policies; every difference is the second minus the first. */
  readonly policies: readonly [string, string];
  readonly outcomes: readonly { readonly metric: string; readonly label: string }[];
  /** The differences with every parameter as given. */
  readonly baseline: Readonly<Record<string, HeadlineDifference>>;
  readonly bisectionSteps: number;
  readonly parameters: readonly SensitivityRow[];
  /** Every parameter varied at once by a Latin hypercube (`samples`); null when not asked for. */
  readonly joint: JointSensitivity | null;
  /** GUESS-labelled parameters not varied, with the reason. */
  readonly skipped: readonly SkippedParameter[];
  /** The load analysis of the scenario as given, and of the comparison at baseline. */
  readonly warnings: readonly string[];
}

/**
 * Checks the two policies and the options of a sensitivity study or a winner map, and returns
 * the replication count.
 *
 * @param fn - the function's name, for messages
 * @param scenario - the scenario
 * @param policies - the policies (two)
 * @param options - the options
 * @returns the number of replications
 * @throws RangeError for other than two policies, fewer than 2 replications, or a bad option
 * @example
 * ```ts
 * checkTwoPolicies("sensitivity", loadScenario("teaching"), [policies.minutes], {});
 * //=> throws RangeError "sensitivity compares two policies (the difference is the second minus the first), got 1"
 * ```
 */
export function checkTwoPolicies(fn: string, scenario: Scenario, policies: readonly Policy[], options: CompareOptions): number {
  const replications = checkPolicies(policies, options, scenario);
  if (policies.length !== 2) throw new RangeError(`${fn} compares two policies (the difference is the second minus the first), got ${policies.length}`);
  if (replications < 2) throw new RangeError(`${fn} needs replications ≥ 2 for its 95% intervals, got ${replications}`);
  return replications;
}

/**
 * Varies each GUESS-labelled parameter (or each path of `options.params`) over its range, one
 * at a time, and compares the two policies at both ends on the same citizens. The range is
 * the one documented in the scenario schema's label, else half to double the value (a share
 * clipped to [0, 1], every field to its bounds, whole numbers rounded outward); a GUESS
 * parameter whose value is 0 has no half or double and is skipped, with the reason, unless
 * `ranges` gives it one. Where an outcome's difference is clear of 0 at both ends with
 * opposite signs, the sign flips: bisection (`bisectionSteps` comparisons, each halving the
 * bracket) finds where the mean difference crosses 0, to within the range / 2^steps. With
 * `samples`, every parameter is also varied at once, by a Latin hypercube of that many
 * points (`joint`). The cost of every run, the bisections' at most, is estimated and checked
 * before the first runs.
 *
 * @param scenario - the scenario
 * @param policies - two policies; differences are the second minus the first
 * @param options - replications (default 10, at least 2), seed, window, params, ranges, bisectionSteps, samples, progress, `allowLarge`, `onWarning`
 * @returns the study
 * @throws RangeError for other than two policies, fewer than 2 replications, a bad option, a
 *   path that does not exist or cannot be varied, or a study too large to run (unless `allowLarge`)
 * @throws {ScenarioError} for a value that makes the scenario or a policy invalid (named in the title)
 * @example
 * ```ts
 * const s = sensitivity(loadScenario("teaching"), [policies.minutes, policies.whole], {
 *   replications: 3, horizon: "8 weeks", warmup: "2 weeks", params: ["mechanisms.handoffInfoLoss"],
 * });
 * s.parameters[0]?.flips["costPerNeed"]?.flips; // true when the cost difference changes sign over the range
 * ```
 */
export function sensitivity(scenario: Scenario, policies: readonly Policy[], options: SensitivityOptions = {}): SensitivityStudy {
  const run = sensitivityRun(scenario, policies, options);
  return assembleSensitivity([runStudySteps(run, studyCompareOptions(options))]);
}

/**
 * The options of a study's comparisons: those of `compare` without the study's own.
 *
 * @param options - a study's options
 * @returns replications, seed, window, `allowLarge` and `onProgress`
 * @example
 * ```ts
 * studyCompareOptions({ replications: 3, params: ["citizens.searchTime"] }); //=> { replications: 3 }
 * ```
 */
export function studyCompareOptions(options: SensitivityOptions): Omit<CompareOptions, "series" | "warnings" | "onWarning"> {
  const { onWarning: _w, params: _p, ranges: _r, bisectionSteps: _b, samples: _s, ...rest } = options;
  return rest;
}

/** Which of a study's items (parameters, then joint samples) a run takes: those i with i mod count = index. */
export interface StudyPart {
  readonly index: number;
  readonly count: number;
}

/**
 * A part of a sensitivity study: the study's metadata, baseline and warnings, and the rows and
 * joint points of the items it ran (by item index: the parameters 0…P−1, then the samples).
 * {@link assembleSensitivity} makes the study from all the parts.
 */
export interface SensitivityPart {
  readonly study: Omit<SensitivityStudy, "parameters" | "joint">;
  /** Items in the study: parameters, then joint samples. */
  readonly items: number;
  /** Joint samples asked for (0 for none). */
  readonly samples: number;
  readonly part: StudyPart;
  readonly rows: readonly { readonly index: number; readonly row: SensitivityRow }[];
  readonly points: readonly { readonly index: number; readonly point: JointPoint }[];
}

/**
 * A sensitivity study as steps (for the serial driver, worker threads and shards): checks the
 * policies, options and parameters, makes every joint sample's scenario, estimates and checks
 * the cost of the part's runs, and returns the steps with their bound.
 *
 * @param scenario - the scenario
 * @param policies - two policies
 * @param options - as {@link sensitivity}
 * @param part - the items to run (default all)
 * @param concurrent - runs in memory at once, for the cost check (worker threads; default 1)
 * @returns the steps, which return the part
 * @throws as {@link sensitivity}, or RangeError for a part with more shards than items
 * @example
 * ```ts
 * const part = runStudySteps(sensitivityRun(loadScenario("teaching"), [policies.minutes, policies.whole], { replications: 3 }), { replications: 3 });
 * ```
 */
export function sensitivityRun(scenario: Scenario, policies: readonly Policy[], options: SensitivityOptions = {}, part: StudyPart = { index: 0, count: 1 }, concurrent = 1): StudyRun<SensitivityPart> {
  const replications = checkTwoPolicies("sensitivity", scenario, policies, options);
  const steps = options.bisectionSteps ?? 4;
  if (!Number.isSafeInteger(steps) || steps < 0 || steps > 10) throw new RangeError(`bisectionSteps must be a whole number from 0 to 10, got ${formatValue(steps)}`);
  const samples = options.samples ?? 0;
  if (!Number.isSafeInteger(samples) || samples < 0 || samples > 10_000) throw new RangeError(`samples (of the Latin hypercube) must be a whole number from 0 to 10000, got ${formatValue(samples)}`);
  if (samples === 1) throw new RangeError("samples (of the Latin hypercube) must be 0 (none) or at least 2: one point has no spread to rank");
  const { knobs, skipped } = sensitivityKnobs(scenario, policies, options.params, options.ranges ?? {});
  const items = knobs.length + samples;
  if (!Number.isSafeInteger(part.count) || part.count < 1 || !Number.isSafeInteger(part.index) || part.index < 0 || part.index >= part.count) {
    throw new RangeError(`a shard must be K/N with 0 ≤ K < N, got ${formatValue(part.index)}/${formatValue(part.count)}`);
  }
  if (part.count > items) throw new RangeError(`shard count must be at most the study's ${items} item${items === 1 ? "" : "s"} (${knobs.length} parameter${knobs.length === 1 ? "" : "s"}${samples > 0 ? ` and ${samples} joint samples` : ""}), got ${part.count}: shard k runs the items i with i mod count = k`);
  const mine = (i: number) => i % part.count === part.index;
  const rowsOf = knobs.map((k, i) => ({ k, i })).filter((x) => mine(x.i));
  const ends = rowsOf.map(({ k }) => ({ low: k.at(k.low), high: k.at(k.high) }));
  const design = samples === 0 ? [] : latinHypercube(samples, knobs.length, options.seed ?? 1);
  const points = design.map((u, j) => ({ j, values: knobs.map((k, d) => valueAt(k, u[d]!)) })).filter((p) => mine(knobs.length + p.j));
  const pointAt = points.map((p) => jointAt(scenario, policies, knobs, p.values));
  // the cost of every comparison, with the bisections' at most (each at the dearer end), checked first
  const window = runWindow(scenario, options);
  const cost = (s: Scenario, ps: readonly Policy[]) => estimateRunCost(s, ps, runWindow(s, options), { replications, concurrent, journal: REPLICATION_JOURNAL });
  const costs: RunCost[] = [cost(scenario, policies)];
  ends.forEach((e) => {
    const [a, b] = [cost(e.low.scenario, e.low.policies), cost(e.high.scenario, e.high.policies)];
    costs.push(a, b);
    for (let i = 0; i < steps * HEADLINE_OUTCOMES.length; i++) costs.push(a.events >= b.events ? a : b);
  });
  for (const at of pointAt) costs.push(cost(at.scenario, at.policies));
  for (const w of checkRunCost(combineRunCosts(costs), { allowLarge: options.allowLarge === true })) options.onWarning?.(w);
  const meta = {
    scenario: scenario.name,
    seed: options.seed ?? 1,
    replications,
    horizonDays: window.horizonMinutes / 1440,
    warmupDays: window.warmupMinutes / 1440,
    policies: [policies[0]!.name, policies[1]!.name] as [string, string],
    outcomes: HEADLINE_OUTCOMES,
  };
  function* run(): StudySteps<SensitivityPart> {
    const [base, ...atEnds] = yield [{ scenario, policies }, ...ends.flatMap((e) => [e.low, e.high]), ...pointAt];
    const endsRun = atEnds.slice(0, 2 * ends.length);
    const pointsRun = atEnds.slice(2 * ends.length);
    const rows = yield* bisect(rowsOf.map((r) => r.k), endsRun, steps);
    return {
      study: { ...meta, baseline: headlineDifferences(base!), bisectionSteps: steps, skipped, warnings: [...capacityWarnings(scenario, policies), ...base!.warnings] },
      items,
      samples,
      part,
      rows: rows.map((row, n) => ({ index: rowsOf[n]!.i, row })),
      points: pointsRun.map((c, n) => ({
        index: knobs.length + points[n]!.j,
        point: { values: points[n]!.values, text: knobs.map((k, d) => k.show(points[n]!.values[d]!)), differences: headlineDifferences(c), warnings: c.warnings },
      })),
    };
  }
  return { steps: run(), comparisons: costs.length, replications };
}

/**
 * The study from its parts (one part for a study run whole; every shard's part, in any order,
 * for a study run in shards): the rows and joint points in item order, the joint summary.
 *
 * @param parts - every part of one study, each once
 * @returns the study
 * @throws RangeError when an item is missing or given twice
 * @example
 * ```ts
 * const study = assembleSensitivity([part]);
 * ```
 */
export function assembleSensitivity(parts: readonly SensitivityPart[]): SensitivityStudy {
  const ref = parts[0];
  if (ref === undefined) throw new RangeError("a study needs at least one part");
  const rows = new Map<number, SensitivityRow>();
  const points = new Map<number, JointPoint>();
  const parameters = ref.items - ref.samples;
  for (const p of parts) {
    for (const r of p.rows) {
      if (!(Number.isSafeInteger(r.index) && r.index >= 0 && r.index < parameters)) throw new RangeError(`parameter item ${r.index} is out of range (0 to ${parameters - 1})`);
      if (rows.has(r.index)) throw new RangeError(`item ${r.index} is given twice`);
      rows.set(r.index, r.row);
    }
    for (const q of p.points) {
      if (!(Number.isSafeInteger(q.index) && q.index >= parameters && q.index < ref.items)) throw new RangeError(`joint sample item ${q.index} is out of range (${parameters} to ${ref.items - 1})`);
      if (points.has(q.index)) throw new RangeError(`item ${q.index} is given twice`);
      points.set(q.index, q.point);
    }
  }
  for (let i = 0; i < ref.items; i++) if (!(i < parameters ? rows.has(i) : points.has(i))) throw new RangeError(`item ${i} of ${ref.items} is missing`);
  const ordered = [...rows.keys()].sort((a, b) => a - b).map((i) => rows.get(i)!);
  const jointPoints = [...points.keys()].sort((a, b) => a - b).map((i) => points.get(i)!);
  const { skipped, warnings, ...head } = ref.study;
  return {
    ...head,
    parameters: ordered,
    joint: ref.samples === 0 ? null : jointSummary(ordered.map((r) => r.path), HEADLINE_OUTCOMES.map((o) => o.metric), jointPoints),
    skipped,
    warnings,
  };
}

/** A joint sample's value of one parameter: its range at u in [0, 1), a whole number rounded to the nearest. */
function valueAt(k: ParameterKnob, u: number): number {
  const v = k.low + u * (k.high - k.low);
  return k.integer ? Math.min(k.high, Math.max(k.low, Math.round(v))) : v;
}

/** The scenario and policies with every parameter at its sample value (each set on what the ones before made). */
function jointAt(scenario: Scenario, policies: readonly Policy[], knobs: readonly ParameterKnob[], values: readonly number[]): ComparisonRequest {
  let at: ComparisonRequest = { scenario, policies };
  knobs.forEach((k, d) => {
    at = parameterKnob(at.scenario, at.policies, k.path, [k.low, k.high]).at(values[d]!);
  });
  return at;
}

/** A bracket of one outcome whose sign flips: the two values and their mean differences. */
type Bracket = { metric: string; a: number; b: number; ma: number; mb: number; m: number; taken: number };

/**
 * The rows of the parameters: both ends (run already), then bisection in rounds: each round
 * asks, for every parameter at once, the midpoints of its outcomes' brackets (outcomes share a
 * midpoint they have in common), so a round is one batch however the batch is run.
 */
function* bisect(knobs: readonly ParameterKnob[], ends: readonly Comparison[], steps: number): Generator<readonly ComparisonRequest[], SensitivityRow[], readonly Comparison[]> {
  const states = knobs.map((k, n) => {
    const atLow = headlineDifferences(ends[2 * n]!);
    const atHigh = headlineDifferences(ends[2 * n + 1]!);
    const seen = new Map<number, Record<string, HeadlineDifference>>([
      [k.low, atLow],
      [k.high, atHigh],
    ]);
    const brackets: Bracket[] = [];
    for (const o of HEADLINE_OUTCOMES) {
      const lo = atLow[o.metric];
      const hi = atHigh[o.metric];
      if (lo !== undefined && hi !== undefined && lo.sign !== 0 && hi.sign !== 0 && lo.sign !== hi.sign) brackets.push({ metric: o.metric, a: k.low, b: k.high, ma: lo.mean, mb: hi.mean, m: NaN, taken: 0 });
    }
    return { k, atLow, atHigh, seen, brackets };
  });
  for (let i = 0; i < steps; i++) {
    const asks: { n: number; v: number }[] = [];
    const live: { n: number; br: Bracket }[] = [];
    states.forEach((st, n) => {
      for (const br of st.brackets) {
        if (st.k.integer && br.b - br.a <= 1) continue;
        br.m = st.k.integer ? Math.round((br.a + br.b) / 2) : (br.a + br.b) / 2;
        live.push({ n, br });
        if (!st.seen.has(br.m) && !asks.some((x) => x.n === n && x.v === br.m)) asks.push({ n, v: br.m });
      }
    });
    if (live.length === 0) break;
    const got = asks.length === 0 ? [] : yield asks.map((x) => states[x.n]!.k.at(x.v));
    asks.forEach((x, j) => states[x.n]!.seen.set(x.v, headlineDifferences(got[j]!)));
    for (const { n, br } of live) {
      const mm = states[n]!.seen.get(br.m)?.[br.metric]?.mean ?? NaN;
      br.taken++;
      // the side whose mean has the low end's sign moves in
      if (Math.sign(mm) === Math.sign(br.ma) || mm === 0) [br.a, br.ma] = [br.m, mm];
      else [br.b, br.mb] = [br.m, mm];
    }
  }
  return states.map(({ k, atLow, atHigh, brackets }, n): SensitivityRow => {
    const flips: Record<string, SignFlip> = {};
    const swing: Record<string, number> = {};
    for (const o of HEADLINE_OUTCOMES) {
      const lo = atLow[o.metric];
      const hi = atHigh[o.metric];
      if (lo === undefined || hi === undefined) continue;
      swing[o.metric] = hi.mean - lo.mean;
      const br = brackets.find((b) => b.metric === o.metric);
      if (br === undefined) {
        flips[o.metric] = { flips: false, at: null, atText: null, bracket: null, steps: 0 };
        continue;
      }
      const at = br.ma === br.mb ? (br.a + br.b) / 2 : br.a + ((br.b - br.a) * br.ma) / (br.ma - br.mb);
      flips[o.metric] = { flips: true, at, atText: k.show(at), bracket: [br.a, br.b], steps: br.taken };
    }
    const warnings = [
      ...ends[2 * n]!.warnings.map((w) => `at ${k.path} = ${formatValue(k.show(k.low))}: ${w}`),
      ...ends[2 * n + 1]!.warnings.map((w) => `at ${k.path} = ${formatValue(k.show(k.high))}: ${w}`),
    ];
    return {
      path: k.path,
      kind: k.kind,
      value: k.value,
      low: k.low,
      high: k.high,
      text: { value: k.show(k.value), low: k.show(k.low), high: k.show(k.high) },
      rangeFrom: k.rangeFrom,
      atLow,
      atHigh,
      swing,
      flips,
      warnings,
    };
  });
}
