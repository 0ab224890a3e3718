/**
 * `helhet factorial`: the study in one thread or on worker threads, with a progress bar on a
 * terminal, printed as text, JSON or CSV, and with `--html` a page with the charts.
 *
 * @packageDocumentation
 */
import { factorial, type FactorialOptions } from "../experiment/index.js";
import type { Policy } from "../policy/index.js";
import { factorialCsv, factorialTable } from "../report/index.js";
import { factorialHtml } from "../report/driverHtml.js";
import type { Scenario } from "../scenario/index.js";
import { readFileSync } from "node:fs";
import { factorialParallel } from "../node/factorialParallel.js";
import { isFactorialShardJson, mergeFactorialShards, readFactorialShardFile, runFactorialShard, stringifyFactorialShard } from "../node/factorialShard.js";
import type { FactorialStudy } from "../experiment/index.js";
import { UsageError, type CliOptions } from "./options.js";
import { colours, escapeControls, escapeJson, escapeStrings, progressBar } from "./terminal.js";

/** What a driver command writes: the text in the format asked for, and the HTML page when --html is given. */
export interface StudyReport {
  readonly text: string;
  readonly html: string | undefined;
}

/**
 * Runs the study of `helhet factorial` and returns its text in the format asked for, and the
 * HTML page (the table and the charts) when `--html` is given.
 *
 * @param options - the command line
 * @param io - where progress goes (stderr, a bar on a terminal)
 * @param scenario - the scenario
 * @param low - the policy at level −
 * @param high - the policy at level +
 * @param cost - the run-cost check's options
 * @returns the text to print or write, and the HTML page
 * @example
 * ```ts
 * const { text, html } = await factorialReport(options, io, loadScenario("teaching"), policies.minutes, policies.whole, { allowLarge: false, onWarning: console.error });
 * ```
 */
export async function factorialReport(
  options: CliOptions,
  io: { readonly err: (s: string) => void; readonly errIsTTY?: boolean },
  scenario: Scenario,
  low: Policy,
  high: Policy,
  cost: Pick<FactorialOptions, "allowLarge" | "onWarning">,
): Promise<StudyReport> {
  if (options.shard !== undefined) {
    // one shard of a study spread over machines: a mergeable file (helhet merge)
    const { onProgress: _none, ...shardRun } = runOptions(options, cost);
    return { text: escapeJson(stringifyFactorialShard(runFactorialShard(scenario, low, high, { ...shardRun, shard: options.shard }))), html: undefined };
  }
  const bar = options.quiet ? undefined : progressBar(io.errIsTTY === true, escapeControls(`${scenario.name}: factorial of ${low.name} and ${high.name}`));
  const run: FactorialOptions = { ...runOptions(options, cost), ...(bar ? { onProgress: bar.update } : {}) };
  const study = options.workers > 1 ? await factorialParallel(scenario, low, high, { ...run, workers: options.workers }) : factorial(scenario, low, high, run);
  bar?.stop();
  return { text: studyText(options, study, `${escapeControls(scenario.name)} — factorial study of ${escapeControls(low.name)} (−) and ${escapeControls(high.name)} (+)`), html: options.html === undefined ? undefined : await factorialHtml(study) };
}

function runOptions(options: CliOptions, cost: Pick<FactorialOptions, "allowLarge" | "onWarning">): FactorialOptions {
  return {
    replications: options.replications,
    seed: options.seed,
    ...(options.horizon === undefined ? {} : { horizon: options.horizon }),
    ...(options.warmup === undefined ? {} : { warmup: options.warmup }),
    ...cost,
  };
}

/** A study as JSON, CSV or the table under a heading that starts with `title`. */
function studyText(options: CliOptions, study: FactorialStudy, title: string): string {
  if (options.format === "json") return escapeJson(`${JSON.stringify(study, null, 2)}\n`);
  if (options.format === "csv") return factorialCsv(study);
  const c = colours(options.color);
  const [name, rest] = title.split(" — ") as [string, string];
  const head = `${c.bold(name)} — ${rest}, ${study.replications} replications of every cell, seed ${escapeControls(String(study.seed))}; common random numbers`;
  return `${head}\n\n${factorialTable(escapeStrings(study))}\n`;
}

/**
 * `helhet merge` of factorial shards: the study, when the first file is a factorial shard (from
 * `helhet factorial --shard K/N`), and its HTML page when `--html` is given; undefined
 * otherwise, for the comparison's merge.
 *
 * @param options - the command line (the files are its arguments)
 * @returns the text to print or write and the HTML page, or undefined
 * @throws {ShardError} when the shards do not merge; {@link UsageError} for --series or --format markdown
 * @example
 * ```ts
 * const merged = await factorialMerge(options); // undefined for a comparison's shards
 * ```
 */
export async function factorialMerge(options: CliOptions): Promise<StudyReport | undefined> {
  const first = options.positionals[0];
  if (first === undefined || !looksLikeFactorialShard(first)) return undefined;
  if (options.series !== undefined) throw new UsageError("factorial shards carry no series over time: leave out --series");
  if (options.format === "markdown") throw new UsageError("a factorial study is written as table, json or csv, not markdown");
  const study = mergeFactorialShards(options.positionals.map(readFactorialShardFile), options.positionals);
  const text = studyText(options, study, `${escapeControls(study.scenario)} — factorial study of ${escapeControls(study.low)} (−) and ${escapeControls(study.high)} (+)`);
  return { text, html: options.html === undefined ? undefined : await factorialHtml(study) };
}

/** Whether a file is a factorial shard (false when it cannot be read: the comparison's merge says why). */
function looksLikeFactorialShard(path: string): boolean {
  try {
    return isFactorialShardJson(JSON.parse(readFileSync(path, "utf8")));
  } catch {
    return false;
  }
}
