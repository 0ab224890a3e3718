/**
 * `winnerMap`: where each design wins. Two parameters span a grid; in every cell the two
 * policies are compared on the same citizens, and per outcome the paired difference (policy 2
 * − policy 1) with its 95% interval names the winner: the policy with the lower value when the
 * interval is clear of 0, "tie" when it holds 0 (docs/drivers.md, "Where each design wins").
 *
 * @packageDocumentation
 */
import { checkRunCost, combineRunCosts, estimateRunCost } from "../analysis/index.js";
import { runWindow } from "../model/index.js";
import type { Policy } from "../policy/index.js";
import { formatValue } from "../scenario/errors.js";
import type { Scenario } from "../scenario/index.js";
import { compare, type CompareOptions } from "./compare.js";
import { HEADLINE_OUTCOMES, headlineDifferences, type HeadlineDifference } from "./headlineDifferences.js";
import { checkTwoPolicies } from "./sensitivity.js";
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
  const made = ys.map((y) =>
    xs.map((x) => {
      const first = xKnob.at(x);
      return yKnobOf(first.scenario, first.policies).at(y);
    }),
  );
  const costs = made.flat().map((c) => estimateRunCost(c.scenario, c.policies, runWindow(c.scenario, options), { replications }));
  for (const w of checkRunCost(combineRunCosts(costs), { allowLarge: options.allowLarge === true })) options.onWarning?.(w);
  const { onWarning: _once, onProgress, ...compareOptions } = options;
  const names: [string, string] = [policies[0]!.name, policies[1]!.name];
  const total = costs.length;
  let done = 0;
  let meta: { seed: number | string; horizonDays: number; warmupDays: number } | undefined;
  const cells = made.map((row, j) =>
    row.map((c, i): WinnerMapCell => {
      const comparison = compare(c.scenario, c.policies, { ...compareOptions, series: false, warnings: [] });
      onProgress?.(++done, total);
      meta ??= { seed: comparison.seed, horizonDays: comparison.horizonDays, warmupDays: comparison.warmupDays };
      const outcomes: Record<string, WinnerMapEntry> = {};
      for (const [m, d] of Object.entries(headlineDifferences(comparison))) outcomes[m] = { ...d, winner: winnerOf(d, names) };
      return { x: xKnob.show(xs[i]!), y: y0.show(ys[j]!), outcomes, warnings: comparison.warnings };
    }),
  );
  return {
    scenario: scenario.name,
    seed: meta!.seed,
    replications,
    horizonDays: meta!.horizonDays,
    warmupDays: meta!.warmupDays,
    policies: names,
    outcomes: HEADLINE_OUTCOMES,
    x: { path: grid.x.path, values: xs.map((v) => xKnob.show(v)) },
    y: { path: grid.y.path, values: ys.map((v) => y0.show(v)) },
    cells,
  };
}

