/**
 * The teaching scenario with every arrival rate × 4.33, for the run-cost tests: its desk is
 * offered 153% of its capacity, 73% of it first calls and visits (which go first in its line),
 * and its officers 339%. Written chases wait at the desk for good.
 */
import { builtinScenarioInput, parseScenario, type Scenario } from "../../src/index.js";

/** The arrival factor. */
export const SWAMPED_FACTOR = 4.33;

/**
 * The scenario, run for `horizon`.
 *
 * @param horizon - e.g. "52 weeks"
 * @returns the scenario
 */
export function swampedTeaching(horizon: string): Scenario {
  const base = builtinScenarioInput("teaching") as unknown as { services: { arrivals: string }[] };
  return parseScenario({ ...base, horizon, services: base.services.map((sv) => ({ ...sv, arrivals: `${Number.parseFloat(sv.arrivals) * SWAMPED_FACTOR} / year` })) });
}
