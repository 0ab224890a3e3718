/**
 * `winnerMap`: where each design wins. Two parameters span a grid; in every cell the two
 * policies are compared on the same citizens, and per outcome the paired difference (policy 2
 * − policy 1) with its 95% interval names the winner: the policy with the lower value when the
 * interval is clear of 0, "tie" when it holds 0 (docs/drivers.md, "Where each design wins").
 *
 * @packageDocumentation
 */
import { REPLICATION_JOURNAL } from "./replication.js";
import { checkRunCost, combineRunCosts, estimateRunCost } from "../analysis/index.js";
import { runWindow } from "../model/index.js";
import type { Policy } from "../policy/index.js";
import { formatValue } from "../scenario/errors.js";
import type { Scenario } from "../scenario/index.js";
import type { CompareOptions } from "./compare.js";
import { HEADLINE_OUTCOMES, headlineDifferences, type HeadlineDifference } from "./headlineDifferences.js";
import { checkTwoPolicies, type StudyPart } from "./sensitivity.js";
import { runStudySteps, type StudyRun, type StudySteps } from "./studySteps.js";
import { parameterKnob } from "./sensitivityParameters.js";

/** One axis of a winner map: a dotted path (as `sweep` and `sensitivity` take) and its values. */
export interface WinnerMapAxis {
  readonly path: string;
  /** Numbers in the parameter's unit, or texts with units ("4 min", "0.5 / week"). */
  readonly values: readonly unknown[];
}

/** Options of {@link winnerMap}: those of a comparison but its series and warnings. */
export type WinnerMapOptions = Omit<CompareOptions, "series" | "warnings">;

/** One outcome in one cell: the paired difference and who wins. */
export interface WinnerMapEntry extends HeadlineDifference {
  /** The policy with the lower value when the 95% interval is clear of 0; "tie" when it holds 0. */
  readonly winner: string;
}

/** One cell of the grid. */
export interface WinnerMapCell {
  /** The cell's values as written in a file ("4 min", 0.3). */
  readonly x: number | string;
  readonly y: number | string;
  /** Per outcome: the difference and the winner. */
  readonly outcomes: Readonly<Record<string, WinnerMapEntry>>;
  /** Warnings of the cell's runs (unstable teams). */
  readonly warnings: readonly string[];
}

/** The result of {@link winnerMap}; `JSON.stringify` gives its JSON. */
export interface WinnerMap {
  readonly scenario: string;
  readonly seed: number | string;
  readonly replications: number;
  readonly horizonDays: number;
  readonly warmupDays: number;
  /** The two policies; every difference is the second minus the first. */
  readonly policies: readonly [string, string];
  readonly outcomes: readonly { readonly metric: string; readonly label: string }[];
  /** The axes, with their values as written in a file. */
  readonly x: { readonly path: string; readonly values: readonly (number | string)[] };
  readonly y: { readonly path: string; readonly values: readonly (number | string)[] };
  /** The grid, `cells[j][i]` at y value j and x value i. */
  readonly cells: readonly (readonly WinnerMapCell[])[];
}

/**
 * The winner of one outcome from its paired difference (policy 2 − policy 1; lower is better):
 * policy 2 when the interval lies below 0, policy 1 above, "tie" when it holds 0 or there is none.
 *
 * @param d - the difference
 * @param names - the two policies' names
 * @returns the winner's name or "tie"
 * @example
 * ```ts
 * winnerOf({ mean: -2, ci95: [-3, -1], sign: -1 }, ["minutes", "whole"]); //=> "whole"
 * winnerOf({ mean: 1, ci95: [-1, 3], sign: 0 }, ["minutes", "whole"]); //=> "tie"
 * ```
 */
export function winnerOf(d: HeadlineDifference, names: readonly [string, string]): string {
  return d.sign < 0 ? names[1] : d.sign > 0 ? names[0] : "tie";
}

/**
 * Compares two policies in every cell of a two-parameter grid, on the same citizens, and names
 * per cell and outcome (end-to-end time, failure-demand share, cost per need; lower is better)
 * the winner, or "tie" when the 95% interval of the paired difference holds 0. Both paths are
 * set together in a cell (the second on the scenario and policies the first made); every
 * cell is made and checked, and the cost of all of them estimated, before the first runs.
 *
 * @param scenario - the scenario
 * @param policies - two policies; differences are the second minus the first
 * @param grid - the x and y axes: paths and values
 * @param options - replications (default 10, at least 2), seed, window, progress, `allowLarge`, `onWarning`
 * @returns the map
 * @throws RangeError for other than two policies, fewer than 2 replications, a bad axis or
 *   option, the same path on both axes, or a map too large to run (unless `allowLarge`)
 * @throws {ScenarioError} for a value that makes the scenario or a policy invalid
 * @example
 * ```ts
 * const m = winnerMap(loadScenario("teaching"), [policies.minutes, policies.whole], {
 *   x: { path: "services.questions.demandTypes", values: [2, 20] },
 *   y: { path: "policy.frontOffice.skillCoverage", values: [0.3, 0.8] },
 * }, { replications: 3, horizon: "8 weeks", warmup: "2 weeks" });
 * m.cells[0]?.[0]?.outcomes["costPerNeed"]?.winner; // "minutes", "whole" or "tie"
 * ```
 */
export function winnerMap(scenario: Scenario, policies: readonly Policy[], grid: { readonly x: WinnerMapAxis; readonly y: WinnerMapAxis }, options: WinnerMapOptions = {}): WinnerMap {
  const { onWarning: _once, ...compareOptions } = options;
  return assembleWinnerMap([runStudySteps(winnerMapRun(scenario, policies, grid, options), compareOptions)]);
}

/** A part of a winner map: its metadata and the cells it ran, by index (row-major: y, then x). */
export interface WinnerMapPart {
  readonly map: Omit<WinnerMap, "cells">;
  readonly part: StudyPart;
  readonly cells: readonly { readonly index: number; readonly cell: WinnerMapCell }[];
}

/**
 * A winner map as steps (for the serial driver, worker threads and shards): checks the
 * policies, options and grid, makes every cell's scenario and policies, estimates and checks
 * the cost of the part's runs, and returns the steps.
 *
 * @param scenario - the scenario
 * @param policies - two policies
 * @param grid - the x and y axes
 * @param options - as {@link winnerMap}
 * @param part - the cells to run, those k (row-major) with k mod count = index (default all)
 * @param concurrent - runs in memory at once, for the cost check (default 1)
 * @returns the steps, which return the part
 * @throws as {@link winnerMap}, or RangeError for a part with more shards than cells
 * @example
 * ```ts
 * const part = runStudySteps(winnerMapRun(s, ps, grid, { replications: 3 }), { replications: 3 });
 * ```
 */
export function winnerMapRun(
  scenario: Scenario,
  policies: readonly Policy[],
  grid: { readonly x: WinnerMapAxis; readonly y: WinnerMapAxis },
  options: WinnerMapOptions = {},
  part: StudyPart = { index: 0, count: 1 },
  concurrent = 1,
): StudyRun<WinnerMapPart> {
  const replications = checkTwoPolicies("winnerMap", scenario, policies, options);
  if (typeof grid !== "object" || grid === null) throw new RangeError(`the grid must be { x: { path, values }, y: { path, values } }, got ${formatValue(grid)}`);
  for (const axis of ["x", "y"] as const) {
    const a = grid[axis];
    if (typeof a !== "object" || a === null || typeof a.path !== "string" || !Array.isArray(a.values)) {
      throw new RangeError(`${axis} must be { path: "a.dotted.path", values: [...] }, got ${formatValue(a)}`);
    }
    if (a.values.length === 0) throw new RangeError(`${axis} (${a.path}) needs at least one value`);
  }
  if (grid.x.path === grid.y.path) throw new RangeError(`x and y are both ${grid.x.path}: give two parameters`);
  // the policy paths of the second axis are set on the first axis' policies
  const xKnob = parameterKnob(scenario, policies, grid.x.path, [0, 1]);
  const xs = grid.x.values.map((v) => xKnob.read(v));
  const yKnobOf = (s: Scenario, ps: readonly Policy[]) => parameterKnob(s, ps, grid.y.path, [0, 1]);
  const y0 = yKnobOf(scenario, policies);
  const ys = grid.y.values.map((v) => y0.read(v));
  const count = xs.length * ys.length;
  if (!Number.isSafeInteger(part.count) || part.count < 1 || !Number.isSafeInteger(part.index) || part.index < 0 || part.index >= part.count) {
    throw new RangeError(`a shard must be K/N with 0 ≤ K < N, got ${formatValue(part.index)}/${formatValue(part.count)}`);
  }
  if (part.count > count) throw new RangeError(`shard count must be at most the map's ${count} cells, got ${part.count}: shard k runs the cells i with i mod count = k`);
  const mine: { index: number; i: number; j: number }[] = [];
  for (let j = 0; j < ys.length; j++) for (let i = 0; i < xs.length; i++) if ((j * xs.length + i) % part.count === part.index) mine.push({ index: j * xs.length + i, i, j });
  // every cell of the map is made and checked, whichever part runs it
  const made = ys.map((y) =>
    xs.map((x) => {
      const first = xKnob.at(x);
      return yKnobOf(first.scenario, first.policies).at(y);
    }),
  );
  const costs = mine.map(({ i, j }) => {
    const c = made[j]![i]!;
    return estimateRunCost(c.scenario, c.policies, runWindow(c.scenario, options), { replications, concurrent, journal: REPLICATION_JOURNAL });
  });
  for (const w of checkRunCost(combineRunCosts(costs), { allowLarge: options.allowLarge === true })) options.onWarning?.(w);
  const names: [string, string] = [policies[0]!.name, policies[1]!.name];
  const window = runWindow(scenario, options);
  const map: Omit<WinnerMap, "cells"> = {
    scenario: scenario.name,
    seed: options.seed ?? 1,
    replications,
    horizonDays: window.horizonMinutes / 1440,
    warmupDays: window.warmupMinutes / 1440,
    policies: names,
    outcomes: HEADLINE_OUTCOMES,
    x: { path: grid.x.path, values: xs.map((v) => xKnob.show(v)) },
    y: { path: grid.y.path, values: ys.map((v) => y0.show(v)) },
  };
  function* run(): StudySteps<WinnerMapPart> {
    const comparisons = yield mine.map(({ i, j }) => made[j]![i]!);
    const cells = mine.map(({ index, i, j }, n) => {
      const comparison = comparisons[n]!;
      const outcomes: Record<string, WinnerMapEntry> = {};
      for (const [m, d] of Object.entries(headlineDifferences(comparison))) outcomes[m] = { ...d, winner: winnerOf(d, names) };
      return { index, cell: { x: xKnob.show(xs[i]!), y: y0.show(ys[j]!), outcomes, warnings: comparison.warnings } };
    });
    return { map, part, cells };
  }
  return { steps: run(), comparisons: mine.length, replications };
}

/**
 * The map from its parts (one for a map run whole; every shard's, in any order): the cells in
 * their grid.
 *
 * @param parts - every part of one map, each once
 * @returns the map
 * @throws RangeError when a cell is missing or given twice
 * @example
 * ```ts
 * const map = assembleWinnerMap([part]);
 * ```
 */
export function assembleWinnerMap(parts: readonly WinnerMapPart[]): WinnerMap {
  const ref = parts[0];
  if (ref === undefined) throw new RangeError("a map needs at least one part");
  const width = ref.map.x.values.length;
  const all = new Map<number, WinnerMapCell>();
  for (const p of parts) {
    for (const c of p.cells) {
      if (!(Number.isSafeInteger(c.index) && c.index >= 0 && c.index < width * ref.map.y.values.length)) throw new RangeError(`cell ${c.index} is out of range (0 to ${width * ref.map.y.values.length - 1})`);
      if (all.has(c.index)) throw new RangeError(`cell ${c.index} is given twice`);
      all.set(c.index, c.cell);
    }
  }
  const cells = ref.map.y.values.map((_, j) =>
    ref.map.x.values.map((_, i) => {
      const c = all.get(j * width + i);
      if (c === undefined) throw new RangeError(`cell ${j * width + i} (x ${i + 1}, y ${j + 1}) is missing`);
      return c;
    }),
  );
  return { ...ref.map, cells };
}
