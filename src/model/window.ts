/**
 * The time window of a run: horizon, warm-up and drain in minutes, from options given as
 * minutes or durations ("52 weeks"), with the scenario's defaults.
 *
 * @packageDocumentation
 */
import { parseDuration } from "../scenario/units.js";
import type { Scenario } from "../scenario/types.js";

/** A run's window in minutes. */
export interface RunWindow {
  readonly horizonMinutes: number;
  readonly warmupMinutes: number;
  readonly drainMinutes: number;
}

/** Horizon, warm-up and drain as minutes or durations. */
export interface WindowOptions {
  readonly horizon?: number | string;
  readonly warmup?: number | string;
  readonly drain?: number | string;
}

/**
 * Resolves and checks a run's window.
 *
 * @param scenario - the scenario (its defaults fill the gaps)
 * @param options - horizon, warm-up and drain
 * @returns the window in minutes
 * @throws RangeError naming the bad option and its value
 * @example
 * ```ts
 * runWindow(loadScenario("teaching"), { horizon: "2 weeks", warmup: 0 }).horizonMinutes; //=> 20160
 * ```
 */
export function runWindow(scenario: Scenario, options: WindowOptions): RunWindow {
  const horizon = minutesOf(options.horizon, scenario.horizonMinutes, "horizon");
  const warmup = minutesOf(options.warmup, scenario.warmupMinutes, "warmup");
  const drain = minutesOf(options.drain, scenario.drainMinutes, "drain");
  if (!(horizon > 0 && Number.isFinite(horizon))) throw new RangeError(`horizon must be a positive number of minutes, got ${horizon}`);
  if (!(warmup >= 0 && warmup < horizon)) throw new RangeError(`warmup must be ≥ 0 and shorter than the horizon (${horizon} min), got ${warmup}`);
  if (!(drain >= 0 && Number.isFinite(drain))) throw new RangeError(`drain must be ≥ 0 minutes, got ${drain}`);
  return { horizonMinutes: horizon, warmupMinutes: warmup, drainMinutes: drain };
}

function minutesOf(value: number | string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value === "number") return value;
  try {
    return parseDuration(value, { allowZero: true });
  } catch (e) {
    throw new RangeError(`${name}: ${(e as Error).message}`);
  }
}
