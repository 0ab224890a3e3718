/**
 * `factorial`: which design choices drive the difference between two policies? Each choice on
 * which they differ is a two-level factor; every cell of a two-level design (full or a regular
 * fraction, `factorialDesign.ts`) is a hybrid policy, run on the same citizens as every other
 * cell (common random numbers); main effects and two-factor interactions are estimated per
 * replication and given with Student-t intervals over replications and their share of the
 * variation between cells (docs/drivers.md).
 *
 * @packageDocumentation
 */
import { policies as presets, validatePolicy, type Policy } from "../policy/index.js";
import { ScenarioError, type Scenario } from "../scenario/index.js";
import { meanInterval } from "../stats/index.js";
import { checkExperimentCost, checkPolicies } from "./compare.js";
import { effectColumn, interactionChains, twoLevelDesign, type TwoLevelDesign } from "./factorialDesign.js";
import { cellPolicy, factorialFactors, type FactorialFactor } from "./factorialFactors.js";
import { metricRange, withinRange } from "./metricRange.js";
import { runReplication, type ExperimentOptions, type ReplicationResult } from "./replication.js";

/** Options of {@link factorial}: those of an experiment but `series` (a study keeps no series over time). */
export interface FactorialOptions extends Omit<ExperimentOptions, "series"> {
  /** Called after each replication of each cell with (done, total), e.g. for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The design of a study, as reported. */
export interface FactorialDesignReport {
  /** "full": every combination; "fractional": a regular 2^(k−p) fraction. */
  readonly kind: "full" | "fractional";
  /** Number of cells (hybrid policies), each run `replications` times. */
  readonly cells: number;
  /** Resolution of a fraction (4: main effects clear of two-factor interactions); null for a full factorial. */
  readonly resolution: number | null;
  /** Generators of a fraction, e.g. `"F = BCDE"`; none for a full factorial. */
  readonly generators: readonly string[];
  /** The defining relation's words, e.g. `"I = ABFG"`, shortest first. */
  readonly definingRelation: readonly string[];
  /** The factors: letter, choice, and the value at each level. */
  readonly factors: readonly FactorialFactor[];
  /**
   * Two-factor interactions that the design cannot tell apart, one list per alias chain of more
   * than one (e.g. `["frontOffice.scope × handlingTime", "caseHandling × batching"]`): the
   * chain's estimate is the sum of their effects. Empty for a full factorial or resolution V+.
   */
  readonly aliases: readonly (readonly string[])[];
  /** The levels of each cell, one −1 or +1 per factor (rows in the order of `cellNames`). */
  readonly matrix: readonly (readonly number[])[];
  /** The cells' policy names, e.g. `"cell 1 (---------)"`. */
  readonly cellNames: readonly string[];
}

/** An estimated effect on one outcome. */
export interface FactorialEffect {
  /** "main": one choice; "interaction": two (the first of an alias chain). */
  readonly kind: "main" | "interaction";
  /** The choice, or the two choices joined by " × ". */
  readonly name: string;
  /** The letters, e.g. `"D"` or `"AD"`. */
  readonly letters: string;
  /** The other two-factor interactions of the alias chain (the estimate is their sum); empty when clear. */
  readonly aliases: readonly string[];
  /** Mean over replications of (mean at + − mean at −). */
  readonly mean: number;
  /** 95% Student-t interval over replications; null with one replication. */
  readonly ci95: readonly [number, number] | null;
  /** Sum of squares of the effect over the total sum of squares between cell means (0–1). */
  readonly share: number;
}

/** One outcome: its mean over every cell and the effects, largest first. */
export interface FactorialOutcome {
  /** Mean over every cell and replication. */
  readonly mean: number;
  /** Main effects and estimable two-factor interactions, ranked by absolute size. */
  readonly effects: readonly FactorialEffect[];
  /** Share of the variation between cells that the effects listed explain (the rest: higher-order interactions). */
  readonly explainedShare: number;
  /**
   * Mean over replications of each cell, in the order of `design.cellNames` (and the rows of
   * `design.matrix`): what an interaction plot averages over the cells at each combination of
   * two factors' levels.
   */
  readonly cellMeans: readonly number[];
}

/** The result of {@link factorial}; `JSON.stringify` gives its JSON. */
export interface FactorialStudy {
  readonly scenario: string;
  readonly seed: number | string;
  readonly replications: number;
  readonly horizonDays: number;
  readonly warmupDays: number;
  /** The policies at level − and +. */
  readonly low: string;
  readonly high: string;
  readonly design: FactorialDesignReport;
  /** Per metric (every metric of a Comparison that every cell reports). */
  readonly outcomes: Readonly<Record<string, FactorialOutcome>>;
  readonly warnings: readonly string[];
}

/** A study before it runs: its design, its cells, and the checked replication count. */
export interface FactorialPlan {
  readonly scenario: string;
  readonly seed: number | string;
  readonly replications: number;
  readonly low: string;
  readonly high: string;
  readonly factors: readonly FactorialFactor[];
  readonly design: TwoLevelDesign;
  /** One hybrid policy per row of the design. */
  readonly cells: readonly Policy[];
}

/**
 * Checks a study and makes its plan: the factors (choices on which `low` and `high` differ),
 * the design, and the hybrid policy of every cell, each checked against the scenario.
 *
 * @param scenario - the scenario
 * @param low - the policy at level −
 * @param high - the policy at level +
 * @param options - replications, seed, window
 * @returns the plan
 * @throws RangeError when the two policies make the same choices (no factors), or for a bad option
 * @throws {ScenarioError} for a scenario or policy that does not pass its check, or a cell that
 *   does not (named in the title)
 * @example
 * ```ts
 * const plan = factorialPlan(loadScenario("teaching"), policies.minutes, policies.whole, { replications: 3 });
 * plan.cells.length; //=> 32
 * factorialPlan(loadScenario("teaching"), policies.whole, policies.whole, {});
 * //=> throws RangeError "a factorial study needs two policies that differ: …"
 * ```
 */
export function factorialPlan(scenario: Scenario, low: Policy, high: Policy, options: FactorialOptions = {}): FactorialPlan {
  const replications = checkPolicies([low], options, scenario);
  validatePolicy(high, scenario);
  const plan = factorialPlanOf({ scenario: scenario.name, seed: options.seed ?? 1, replications }, low, high);
  for (const p of plan.cells) {
    try {
      validatePolicy(p, scenario);
    } catch (e) {
      if (e instanceof ScenarioError) throw new ScenarioError(e.issues, `Invalid policy in ${p.name}, ${p.description}`);
      throw e;
    }
  }
  return plan;
}

/**
 * The plan of a study of two policies already checked, without a scenario at hand (as when
 * shards are merged): the factors, the design and the cells.
 *
 * @param meta - the scenario's name, the seed and the replications
 * @param low - the policy at level −
 * @param high - the policy at level +
 * @returns the plan
 * @throws RangeError when the two policies make the same choices (no factors)
 */
export function factorialPlanOf(meta: { readonly scenario: string; readonly seed: number | string; readonly replications: number }, low: Policy, high: Policy): FactorialPlan {
  const factors = factorialFactors(low, high);
  if (factors.length === 0) {
    throw new RangeError(`a factorial study needs two policies that differ: "${low.name}" and "${high.name}" make the same design choices, so there is no factor to vary`);
  }
  const design = twoLevelDesign(factors.length);
  const cells = design.matrix.map((levels, i) => cellPolicy(low, factors, levels, i));
  return { scenario: meta.scenario, seed: meta.seed, replications: meta.replications, low: low.name, high: high.name, factors, design, cells };
}

/**
 * Runs a factorial study of the design choices in which two policies differ: each is a factor
 * with two levels (the low policy's value and the high policy's; docs/drivers.md for how
 * choices are grouped), every cell of the design a hybrid policy. Up to five factors the design
 * is the full factorial; with more, a 32-cell fraction of resolution IV or better, whose
 * aliased two-factor interactions are reported. Every cell runs the same replications on the
 * same citizens (common random numbers), so effects are estimated per replication and their
 * intervals are paired. The run cost of every cell is estimated and checked before any runs.
 *
 * @param scenario - the scenario
 * @param low - the policy at level − (default: the `minutes` preset)
 * @param high - the policy at level + (default: the `whole` preset)
 * @param options - replications (default 10), seed, window, progress, `allowLarge`, `onWarning`
 * @returns the study: the design and, per outcome, the effects ranked by size
 * @throws RangeError when the two policies make the same choices, for a bad option, or for a
 *   study too large to run (unless `allowLarge`)
 * @throws {ScenarioError} for a scenario, policy or cell that does not pass its check
 * @example
 * ```ts
 * const study = factorial(loadScenario("teaching"), policies.minutes, policies.whole, { replications: 3, horizon: "8 weeks", warmup: "2 weeks" });
 * study.design.resolution; //=> 4
 * study.outcomes["failureDemandShare"]?.effects[0]?.name; // the choice that moves failure demand most
 * ```
 */
export function factorial(scenario: Scenario, low: Policy = presets.minutes, high: Policy = presets.whole, options: FactorialOptions = {}): FactorialStudy {
  const plan = factorialPlan(scenario, low, high, options);
  checkExperimentCost(scenario, plan.cells, options);
  // the runs check themselves again (cheap), but warn only once, here; no series are needed
  const { onWarning: _once, onProgress, ...runOptions } = options;
  const results: ReplicationResult[] = [];
  const total = plan.replications * plan.cells.length;
  for (let r = 0; r < plan.replications; r++) {
    for (const cell of plan.cells) {
      results.push(runReplication(scenario, cell, r, { ...runOptions, series: false }));
      onProgress?.(results.length, total);
    }
  }
  return buildFactorial(plan, results);
}

/**
 * Builds a study from the replication results of its cells (from `factorial`, worker threads
 * or shards): per outcome, each main effect and estimable two-factor interaction per
 * replication, then its mean and 95% Student-t interval over replications and its share of the
 * variation between cells. Pure: the same results in any order give the same study.
 *
 * @param plan - the plan (from {@link factorialPlan})
 * @param results - every cell's replications, in any order
 * @returns the study
 * @throws RangeError when a cell lacks a replication another cell has, or a result is of no cell
 * @example
 * ```ts
 * const s = loadScenario("teaching");
 * const plan = factorialPlan(s, policies.minutes, { ...policies.minutes, name: "owner", caseHandling: "caseOwner" }, { replications: 2 });
 * const rs = [0, 1].flatMap((r) => plan.cells.map((c) => runReplication(s, c, r, { horizon: "8 weeks", warmup: "2 weeks" })));
 * buildFactorial(plan, rs).outcomes["contactsPerNeed"]?.effects.length; //=> 1
 * ```
 */
export function buildFactorial(plan: FactorialPlan, results: readonly ReplicationResult[]): FactorialStudy {
  const names = plan.cells.map((c) => c.name);
  const index = new Map(names.map((n, i) => [n, i]));
  const byCell: ReplicationResult[][] = names.map(() => []);
  for (const r of results) {
    const i = index.get(r.policy);
    if (i === undefined) throw new RangeError(`a result for policy "${r.policy}" which is no cell of the study`);
    byCell[i]!.push(r);
  }
  for (const list of byCell) list.sort((a, b) => a.replication - b.replication);
  const reps = byCell[0]!.map((r) => r.replication).join(",");
  byCell.forEach((list, i) => {
    if (list.map((r) => r.replication).join(",") !== reps) throw new RangeError(`${names[i]} has replications [${list.map((r) => r.replication)}], ${names[0]} has [${reps}]`);
  });
  const n = byCell[0]!.length;
  if (n === 0) throw new RangeError("no replications to study");
  const first = byCell[0]![0]!;
  const metrics = Object.keys(first.metrics)
    .filter((m) => byCell.every((list) => list.every((r) => typeof r.metrics[m] === "number" && Number.isFinite(r.metrics[m]))))
    .sort();
  const { design, factors } = plan;
  const label = (pair: readonly number[]) => pair.map((j) => factors[j]!.name).join(" × ");
  const letters = (pair: readonly number[]) => pair.map((j) => design.letters[j]).join("");
  const chains = interactionChains(design);
  const columns = [
    ...factors.map((f, j) => ({ kind: "main" as const, name: f.name, letters: f.letter, aliases: [] as string[], column: effectColumn(design, [j]) })),
    ...chains.map((c) => ({ kind: "interaction" as const, name: label(c.pairs[0]!), letters: letters(c.pairs[0]!), aliases: c.pairs.slice(1).map(label), column: c.column })),
  ];
  const outcomes: Record<string, FactorialOutcome> = {};
  for (const m of metrics) outcomes[m] = outcome(m, byCell.map((list) => list.map((r) => r.metrics[m] as number)), columns);
  return {
    scenario: plan.scenario,
    seed: plan.seed,
    replications: n,
    horizonDays: first.horizonMinutes / 1440,
    warmupDays: first.warmupMinutes / 1440,
    low: plan.low,
    high: plan.high,
    design: {
      kind: design.kind,
      cells: design.matrix.length,
      resolution: design.resolution,
      generators: design.generators,
      definingRelation: design.definingRelation,
      factors,
      aliases: chains.filter((c) => c.pairs.length > 1).map((c) => c.pairs.map(label)),
      matrix: design.matrix,
      cellNames: names,
    },
    outcomes,
    warnings: instability(names, byCell),
  };
}

/** The effects of the columns on one outcome, from its values per cell and replication. */
function outcome(
  metric: string,
  values: readonly (readonly number[])[],
  columns: readonly { kind: "main" | "interaction"; name: string; letters: string; aliases: string[]; column: readonly number[] }[],
): FactorialOutcome {
  const cells = values.length;
  const reps = values[0]!.length;
  const cellMeans = values.map((v) => v.reduce((a, x) => a + x, 0) / reps);
  const grand = cellMeans.reduce((a, x) => a + x, 0) / cells;
  const total = cellMeans.reduce((a, x) => a + (x - grand) ** 2, 0);
  const [lo, hi] = metricRange(metric);
  const effects: FactorialEffect[] = columns.map((c) => {
    // per replication: mean at + minus mean at − (each level holds half of the cells)
    const perRep: number[] = [];
    for (let r = 0; r < reps; r++) {
      let s = 0;
      for (let k = 0; k < cells; k++) s += (c.column[k] as number) * (values[k]![r] as number);
      perRep.push((2 * s) / cells);
    }
    const i = meanInterval(perRep);
    const ss = cells * (i.mean / 2) ** 2;
    return {
      kind: c.kind,
      name: c.name,
      letters: c.letters,
      aliases: c.aliases,
      mean: i.mean,
      ci95: withinRange(i.ci, [lo - hi, hi - lo]),
      share: total > 0 ? Math.min(1, ss / total) : 0,
    };
  });
  const ranked = effects.map((e, k) => ({ e, k })).sort((a, b) => Math.abs(b.e.mean) - Math.abs(a.e.mean) || a.k - b.k).map((x) => x.e);
  return { mean: grand, effects: ranked, explainedShare: Math.min(1, effects.reduce((a, e) => a + e.share, 0)), cellMeans };
}

/** A warning per team whose queue grew through the run in some cells (an unstable system). */
function instability(names: readonly string[], byCell: readonly (readonly ReplicationResult[])[]): string[] {
  const teams = new Map<string, { runs: number; cells: Set<number> }>();
  byCell.forEach((list, i) => {
    for (const r of list) {
      for (const t of r.unstableTeams ?? []) {
        const e = teams.get(t) ?? { runs: 0, cells: new Set<number>() };
        e.runs++;
        e.cells.add(i);
        teams.set(t, e);
      }
    }
  });
  const runs = byCell.length * (byCell[0]?.length ?? 0);
  return [...teams]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([team, e]) => `unstable — the queue at ${team} grew through the run at full capacity in ${e.runs} of ${runs} runs (${e.cells.size} of ${names.length} cells: ${[...e.cells].map((i) => i + 1).join(", ")}); its waits depend on the run length`);
}
