/**
 * `helhet factorial`: the study in one thread or on worker threads, with a progress bar on a
 * terminal, printed as text, JSON or CSV.
 *
 * @packageDocumentation
 */
import { factorial, type FactorialOptions } from "../experiment/index.js";
import type { Policy } from "../policy/index.js";
import { factorialCsv, factorialTable } from "../report/index.js";
import type { Scenario } from "../scenario/index.js";
import { factorialParallel } from "../node/factorialParallel.js";
import type { CliOptions } from "./options.js";
import { colours, escapeControls, escapeJson, escapeStrings, progressBar } from "./terminal.js";

/**
 * Runs the study of `helhet factorial` and returns its text in the format asked for.
 *
 * @param options - the command line
 * @param io - where progress goes (stderr, a bar on a terminal)
 * @param scenario - the scenario
 * @param low - the policy at level −
 * @param high - the policy at level +
 * @param cost - the run-cost check's options
 * @returns the text to print or write
 * @example
 * ```ts
 * const text = await factorialReport(options, io, loadScenario("teaching"), policies.minutes, policies.whole, { allowLarge: false, onWarning: console.error });
 * ```
 */
export async function factorialReport(
  options: CliOptions,
  io: { readonly err: (s: string) => void; readonly errIsTTY?: boolean },
  scenario: Scenario,
  low: Policy,
  high: Policy,
  cost: Pick<FactorialOptions, "allowLarge" | "onWarning">,
): Promise<string> {
  const bar = options.quiet ? undefined : progressBar(io.errIsTTY === true, escapeControls(`${scenario.name}: factorial of ${low.name} and ${high.name}`));
  const run: FactorialOptions = {
    replications: options.replications,
    seed: options.seed,
    ...(options.horizon === undefined ? {} : { horizon: options.horizon }),
    ...(options.warmup === undefined ? {} : { warmup: options.warmup }),
    ...cost,
    ...(bar ? { onProgress: bar.update } : {}),
  };
  const study = options.workers > 1 ? await factorialParallel(scenario, low, high, { ...run, workers: options.workers }) : factorial(scenario, low, high, run);
  bar?.stop();
  if (options.format === "json") return escapeJson(`${JSON.stringify(study, null, 2)}\n`);
  if (options.format === "csv") return factorialCsv(study);
  const c = colours(options.color);
  const head = `${c.bold(escapeControls(scenario.name))} — factorial study of ${escapeControls(low.name)} (−) and ${escapeControls(high.name)} (+), ${study.replications} replications of every cell, seed ${study.seed}; common random numbers`;
  return `${head}\n\n${factorialTable(escapeStrings(study))}\n`;
}
