/**
 * The `helhet` command. `helhet compare` (the default) runs the policies on the same citizens
 * and prints the comparison; `scenarios`, `schema` and `validate` help with scenario files.
 *
 * @packageDocumentation
 */
import { builtinScenarioInput, builtinScenarios, formatDuration, scenarioYaml, parseDuration, scenarioJsonSchema, ScenarioError, type Scenario } from "../scenario/index.js";
import type { Policy } from "../policy/index.js";
import { capacityWarnings, checkPolicies, compare, runReplication, sweep, type Comparison, type ExperimentOptions } from "../experiment/index.js";
import { comparisonCsv, comparisonHtml, comparisonMarkdown, comparisonTable, journeyMapChart, needTableCsv, needTableJsonLines, reading, seriesCsv, sweepCsv, sweepTable, touchpointChart } from "../report/index.js";
import { journeyMap } from "../journey/index.js";
import { runWindow, simulate } from "../model/index.js";
import { readScenarioFile } from "../node/files.js";
import { compareParallel } from "../node/parallel.js";
import { openWorkers, type WorkerPool } from "../node/pool.js";
import { sweepParallel } from "../node/sweepParallel.js";
import { touchpointsParallel } from "../node/touchpointsParallel.js";
import { mergeShards, runShard, ShardError } from "../node/shard.js";
import { readShardFile, stringifyShard } from "../node/shardFile.js";
import { availableParallelism } from "node:os";
import { COMMANDS, parseOptions, UsageError, type CliOptions } from "./options.js";
import { commandHelp, HELP, VERSION } from "./help.js";
import { inputsOf, oneIssue, policySource, scenarioSource, withEvents } from "./sources.js";
import { commitOutputs, OutputError, planOutputs, type OutputOption, type OutputTarget } from "./outputs.js";
import { colours, escapeControls, escapeJson, escapeStrings, progressBar } from "./terminal.js";
import { journeyReport } from "./journeyCommand.js";
import { factorialMerge, factorialReport } from "./factorialCommand.js";
import { mapReport, sensitivityReport, studyMerge } from "./sensitivityCommand.js";
import { servePlayground } from "./playgroundCommand.js";

/** Where the command writes: stdout and stderr, and whether they are terminals. */
export interface CliIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly isTTY?: boolean;
  readonly errIsTTY?: boolean;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Stops a long-running command (`playground`) when aborted. */
  readonly signal?: AbortSignal;
}

/**
 * Runs the command and returns the exit status (0 success, 2 usage or validation error, 1
 * anything else). Never throws for user errors. Messages on `io.err` have their control
 * characters escaped.
 *
 * @param argv - the arguments after the program name
 * @param io - output streams
 * @returns the exit status
 * @example
 * ```ts
 * await main(["--version"], { out: console.log, err: console.error }); //=> 0
 * ```
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const safe: CliIo = { ...io, err: (s) => io.err(escapeControls(s)) };
  try {
    const options = atMostCores(parseOptions(argv, io.env ?? {}, io.isTTY === true, builtinScenarios().map((s) => s.name)), io);
    if (options.help) {
      // helhet --help: every command; helhet COMMAND --help: that command's
      const known = (COMMANDS as readonly string[]).includes(options.command) && argv.includes(options.command);
      return io.out(known ? commandHelp(options.command as (typeof COMMANDS)[number]) : HELP), 0;
    }
    if (options.version) return io.out(VERSION), 0;
    switch (options.command) {
      case "compare":
        return await compareCommand(options, safe, options.policies, "--policies");
      case "run":
        return await compareCommand(options, safe, [options.policy], "--policy");
      case "journey":
        return await journeyCommand(options, safe);
      case "merge":
        return await mergeCommand(options, safe);
      case "sweep":
        return await sweepCommand(options, safe);
      case "factorial":
        return await factorialCommand(options, safe);
      case "sensitivity":
      case "map":
        return await twoPolicyCommand(options, safe);
      case "scenarios":
        for (const s of builtinScenarios()) io.out(escapeControls(`${s.name.padEnd(16)} ${s.description}`));
        return 0;
      case "scenario": {
        if (options.positionals[0] === "list") {
          for (const s of builtinScenarios()) io.out(escapeControls(`${s.name.padEnd(16)} ${s.description}`));
          return 0;
        }
        const outputs = planOutputs([["--out", options.out]], []);
        return await finish(options, safe, outputs, scenarioYaml(builtinScenarioInput(options.positionals[1] as string)));
      }
      case "help": {
        const about = options.positionals[0] as (typeof COMMANDS)[number] | undefined;
        io.out(about === undefined ? HELP : commandHelp(about));
        return 0;
      }
      case "schema": {
        const outputs = planOutputs([["--out", options.out]], []);
        return await finish(options, safe, outputs, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
      }
      case "validate":
        return validateCommand(options, safe);
      case "playground":
        return await servePlayground(options.port, safe);
      default:
        throw new UsageError(`unknown command "${options.command}"; the commands are ${COMMANDS.join(", ")}`);
    }
  } catch (e) {
    return failure(e, safe);
  }
}

/** The exit status of an error, after printing its message (prefixed with `about:` when given). */
function failure(e: unknown, io: CliIo, about = ""): number {
  if (e instanceof UsageError) {
    io.err(`helhet: ${about}${e.message}\nRun "helhet --help" for the options.`);
    return 2;
  }
  if (e instanceof ScenarioError || e instanceof RangeError || e instanceof ShardError) {
    io.err(`helhet: ${about}${e.message}`);
    return 2;
  }
  // OutputError ("cannot write --out …") and anything unexpected
  io.err(`helhet: ${about}${e instanceof OutputError ? e.message : ((e as Error)?.message ?? String(e))}`);
  return 1;
}

/** More worker threads than processors only add memory and time: use as many as there are processors. */
function atMostCores(options: CliOptions, io: CliIo): CliOptions {
  const cores = availableParallelism();
  if (options.workers <= cores) return options;
  io.err(`warning: --workers ${options.workers} is more than the ${cores} processors here; using ${cores} (more threads only add memory and time)`);
  return { ...options, workers: cores };
}

/** The run-cost check's option and where its warnings go (docs/performance.md, "What a run costs"). */
function costCheck(options: CliOptions, io: CliIo): { allowLarge: boolean; onWarning: (w: string) => void } {
  return { allowLarge: options.allowLarge, onWarning: (w) => io.err(`warning: ${escapeControls(w)}`) };
}

/**
 * The run's window, checked here so that the message speaks of the options: a warm-up that is
 * not shorter than the horizon names where each came from (an option or the scenario).
 */
function checkWindow(options: CliOptions, scenario: Scenario): void {
  const { horizon, warmup } = options;
  if (horizon === undefined && warmup === undefined) return;
  for (const [option, text] of [["--horizon", horizon], ["--warmup", warmup]] as const) {
    if (text === undefined) continue;
    try {
      parseDuration(text, { allowZero: true });
    } catch (e) {
      if (e instanceof ScenarioError) throw new UsageError(`${option}: ${oneIssue(e)}`);
      throw e;
    }
  }
  try {
    runWindow(scenario, { ...(horizon === undefined ? {} : { horizon }), ...(warmup === undefined ? {} : { warmup }) });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    if (!/^warmup must be/.test(e.message)) throw new UsageError(e.message.replace(/^(horizon|warmup)\b:?/, (w) => `--${w.replace(":", "")}:`));
    if (warmup === undefined) {
      throw new UsageError(`--horizon ${JSON.stringify(horizon)} is not longer than ${scenario.name}'s warm-up (${formatDuration(scenario.warmupMinutes)}); give a shorter --warmup too`);
    }
    if (horizon === undefined) throw new UsageError(`--warmup ${JSON.stringify(warmup)} must be shorter than ${scenario.name}'s horizon (${formatDuration(scenario.horizonMinutes)})`);
    throw new UsageError(`--warmup ${JSON.stringify(warmup)} must be shorter than --horizon ${JSON.stringify(horizon)}`);
  }
}

async function compareCommand(options: CliOptions, io: CliIo, policyNames: readonly string[], policyOption: string): Promise<number> {
  const scenarioFrom = scenarioSource(options.scenario);
  const policyFrom = policyNames.map((n) => policySource(n, policyOption));
  const outputs = planOutputs([["--out", options.out], ["--html", options.html], ["--needs", options.needs]], inputsOf(scenarioFrom, policyFrom));
  const scenario = withEvents(scenarioFrom.load(), options.events);
  const policies = policyFrom.map((p) => p.load());
  checkWindow(options, scenario);
  const c = colours(options.color);
  // the load analysis speaks before the run starts
  const warnings = capacityWarnings(scenario, policies);
  for (const w of warnings) io.err(`warning: ${w}`);
  const window = {
    replications: options.replications,
    seed: options.seed,
    ...(options.horizon === undefined ? {} : { horizon: options.horizon }),
    ...(options.warmup === undefined ? {} : { warmup: options.warmup }),
    ...(options.series === undefined ? {} : { series: options.series }),
    allowLarge: options.allowLarge,
  };
  if (options.shard !== undefined) {
    // one shard of a run spread over machines: a mergeable result (helhet merge), carrying the
    // load warnings so that the merged comparison is the one compare gives
    const shard = runShard(scenario, policies, { ...window, ...costCheck(options, io), shard: options.shard, warnings });
    return finish(options, io, outputs, escapeJson(stringifyShard(shard)));
  }
  const bar = options.quiet ? undefined : progressBar(io.errIsTTY === true, escapeControls(`${scenario.name}: ${policies.map((p) => p.name).join(" vs ")}`));
  const run = { ...window, ...costCheck(options, io), ...(bar ? { onProgress: bar.update } : {}), warnings };
  // one set of threads for the comparison and the HTML report's what-ifs: they start and warm up once
  const pool = options.workers > 1 ? await openWorkers({ workers: Math.min(options.workers, options.replications) }) : undefined;
  let comparison: Comparison;
  let html: string | undefined;
  try {
    comparison = pool !== undefined ? await compareParallel(scenario, policies, { ...run, pool }) : compare(scenario, policies, run);
    bar?.stop();
    html = options.html === undefined ? undefined : await htmlOf(options, comparison, scenario, policies, window, pool);
  } finally {
    await pool?.close();
  }
  const needs = options.needs === undefined ? undefined : needsText(options, io, scenario, policies[0] as Policy, window);
  let text: string;
  if (options.series !== undefined) text = seriesText(options, io, comparison);
  else if (options.format === "table") {
    const shown = escapeStrings(comparison);
    const head = `${c.bold(escapeControls(scenario.name))} — ${comparison.replications} replications, seed ${comparison.seed}; mean [95% interval]; differences are paired (same citizens)`;
    text = `${head}\n\n${comparisonTable(shown, { bold: c.bold, dim: c.dim })}\n`;
    if (!options.quiet && policies.length >= 2) text += `\n${reading(shown)}\n`;
  } else text = dataText(options, io, comparison);
  return finish(options, io, outputs, text, html, needs);
}

/** The series over time of a comparison: CSV, or JSON with --format json. */
function seriesText(options: CliOptions, io: CliIo, comparison: Comparison): string {
  const s = comparison.series;
  if (s === undefined) throw new UsageError("these results carry no series over time (shards written without them)");
  if (s.period !== options.series) throw new UsageError(`--series ${options.series}: the results carry series by ${s.period}`);
  if (options.format === "json") return escapeJson(`${JSON.stringify(s, null, 2)}\n`);
  const csv = seriesCsv(s);
  return onTerminal(options, io) ? escapeControls(csv) : csv;
}

/** The need records of replication 0 of the policy, as CSV or (for .jsonl) JSON lines. */
function needsText(options: CliOptions, io: CliIo, scenario: Scenario, policy: Policy, window: ExperimentOptions): string {
  const path = options.needs as string;
  const run = simulate(scenario, policy, { ...windowOf(window), seed: window.seed ?? 1, replication: 0, series: false });
  if (!options.quiet) io.err(`${path}: ${run.needs.length} needs of replication 0`);
  return /\.jsonl$/i.test(path) ? needTableJsonLines(run) : needTableCsv(run);
}

/** JSON, CSV or Markdown of a comparison (CSV and Markdown escaped only on a terminal). */
function dataText(options: CliOptions, io: CliIo, comparison: Comparison): string {
  if (options.format === "json") return escapeJson(`${JSON.stringify(comparison, null, 2)}\n`);
  const text = options.format === "csv" ? comparisonCsv(comparison) : comparisonMarkdown(comparison);
  return onTerminal(options, io) ? escapeControls(text) : text;
}

function onTerminal(options: CliOptions, io: CliIo): boolean {
  return options.out === undefined && io.isTTY === true;
}

/**
 * The HTML report: the comparison, plus replication 0's end-to-end times per policy, the
 * journey map of replication 0, and the touchpoint ranking (a what-if per team, with two
 * replications to keep the report quick) when the scenario is at hand.
 */
async function htmlOf(options: CliOptions, comparison: Comparison, scenario: Scenario | undefined, policies: readonly Policy[], window: ExperimentOptions, pool?: WorkerPool): Promise<string> {
  const endToEndDays: Record<string, readonly number[]> = {};
  const extraCharts: { title: string; spec: object }[] = [];
  if (scenario !== undefined) {
    const maps = [];
    const rankings = [];
    for (const p of policies) {
      endToEndDays[p.name] = runReplication(scenario, p, 0, window).endToEndDays;
      maps.push(journeyMap(simulate(scenario, p, { ...windowOf(window), seed: window.seed ?? 1, journal: { every: 5 } })));
      rankings.push(await touchpointsParallel(scenario, p, { ...window, replications: Math.min(2, window.replications ?? 2), ...(pool === undefined ? { workers: options.workers } : { pool }) }));
    }
    extraCharts.push({ title: "Journey map (replication 0)", spec: journeyMapChart(maps) });
    extraCharts.push({ title: "Touchpoints that matter most (what-if per team, 2 replications)", spec: touchpointChart(rankings) });
  }
  return comparisonHtml(comparison, { endToEndDays, extraCharts, title: `${comparison.scenario}: ${Object.keys(comparison.policies).join(" vs ")}` });
}

function windowOf(w: ExperimentOptions): { horizon?: number | string; warmup?: number | string } {
  return { ...(w.horizon === undefined ? {} : { horizon: w.horizon }), ...(w.warmup === undefined ? {} : { warmup: w.warmup }) };
}

async function journeyCommand(options: CliOptions, io: CliIo): Promise<number> {
  const scenarioFrom = scenarioSource(options.scenario);
  const policyFrom = options.policies.map((n) => policySource(n, "--policies"));
  const outputs = planOutputs([["--out", options.out], ["--html", options.html]], inputsOf(scenarioFrom, policyFrom));
  const scenario = withEvents(scenarioFrom.load(), options.events);
  const policies = policyFrom.map((p) => p.load());
  checkPolicies(policies, { replications: options.replications });
  checkWindow(options, scenario);
  const report = await journeyReport(options, io, scenario, policies);
  const text = options.format === "json" ? escapeJson(report.text) : escapeControls(report.text);
  return finish(options, io, outputs, text, report.html);
}

async function mergeCommand(options: CliOptions, io: CliIo): Promise<number> {
  if (options.positionals.length === 0) throw new UsageError("merge needs the shard files: helhet merge SHARD...");
  const outputs = planOutputs([["--out", options.out], ["--html", options.html]], options.positionals.map((path) => ({ what: "a shard file", path })));
  const study = (await studyMerge(options)) ?? (await factorialMerge(options));
  if (study !== undefined) return finish(options, io, outputs, options.format === "csv" && onTerminal(options, io) ? escapeControls(study.text) : study.text, study.html);
  const comparison = mergeShards(options.positionals.map(readShardFile), options.positionals);
  const html = options.html === undefined ? undefined : await htmlOf(options, comparison, undefined, [], {});
  let text: string;
  if (options.series !== undefined) text = seriesText(options, io, comparison);
  else if (options.format === "table") {
    const shown = escapeStrings(comparison);
    text = `${comparisonTable(shown)}\n`;
    if (!options.quiet && Object.keys(comparison.policies).length >= 2) text += `\n${reading(shown)}\n`;
  } else text = dataText(options, io, comparison);
  return finish(options, io, outputs, text, html);
}

async function sweepCommand(options: CliOptions, io: CliIo): Promise<number> {
  if (options.param === undefined) throw new UsageError("sweep needs --param PATH, e.g. --param services.general.demandTypes");
  if (options.values.length === 0) throw new UsageError("sweep needs --values A,B,C");
  const scenarioFrom = scenarioSource(options.scenario);
  const policyFrom = options.policies.map((n) => policySource(n, "--policies"));
  const outputs = planOutputs([["--out", options.out]], inputsOf(scenarioFrom, policyFrom));
  const scenario = withEvents(scenarioFrom.load(), options.events);
  const policies = policyFrom.map((p) => p.load());
  checkWindow(options, scenario);
  const values = options.values.map((v) => (v !== "" && Number.isFinite(Number(v)) ? Number(v) : v));
  const bar = options.quiet ? undefined : progressBar(io.errIsTTY === true, escapeControls(`sweep ${options.param}`));
  const run = {
    replications: options.replications,
    seed: options.seed,
    ...(options.horizon === undefined ? {} : { horizon: options.horizon }),
    ...(options.warmup === undefined ? {} : { warmup: options.warmup }),
    ...costCheck(options, io),
    ...(bar ? { onProgress: bar.update } : {}),
  };
  const spec = { path: options.param, values };
  const result = options.workers > 1 ? await sweepParallel(scenario, policies, spec, { ...run, workers: options.workers }) : sweep(scenario, policies, spec, run);
  bar?.stop();
  if (options.format === "json") return finish(options, io, outputs, escapeJson(`${JSON.stringify(result, null, 2)}\n`));
  if (options.format === "csv") {
    const csv = sweepCsv(result);
    return finish(options, io, outputs, onTerminal(options, io) ? escapeControls(csv) : csv);
  }
  const head = `${scenario.name} — sweep of ${options.param}, ${options.replications} replications per value, seed ${options.seed}; mean [95% interval]`;
  return finish(options, io, outputs, escapeControls(`${head}\n\n${sweepTable(result)}\n`));
}

async function factorialCommand(options: CliOptions, io: CliIo): Promise<number> {
  const scenarioFrom = scenarioSource(options.scenario);
  const policyFrom = [policySource(options.low, "--low"), policySource(options.high, "--high")];
  const outputs = planOutputs([["--out", options.out], ["--html", options.html]], inputsOf(scenarioFrom, policyFrom));
  const scenario = withEvents(scenarioFrom.load(), options.events);
  const [low, high] = policyFrom.map((p) => p.load()) as [Policy, Policy];
  checkWindow(options, scenario);
  const { text, html } = await factorialReport(options, io, scenario, low, high, costCheck(options, io));
  // the table and the JSON are escaped as they are made; CSV on a terminal only, as compare's
  return finish(options, io, outputs, options.format === "csv" && onTerminal(options, io) ? escapeControls(text) : text, html);
}

/** `helhet sensitivity` and `helhet map`: two policies, a scenario, one report. */
async function twoPolicyCommand(options: CliOptions, io: CliIo): Promise<number> {
  const scenarioFrom = scenarioSource(options.scenario);
  const policyFrom = options.policies.map((n) => policySource(n, "--policies"));
  const outputs = planOutputs([["--out", options.out], ["--html", options.html]], inputsOf(scenarioFrom, policyFrom));
  const scenario = withEvents(scenarioFrom.load(), options.events);
  const policies = policyFrom.map((p) => p.load());
  checkWindow(options, scenario);
  const report = options.command === "map" ? mapReport : sensitivityReport;
  const { text, html } = await report(options, io, scenario, policies, costCheck(options, io));
  return finish(options, io, outputs, options.format === "csv" && onTerminal(options, io) ? escapeControls(text) : text, html);
}

/** Checks every file given, says of each whether it is valid, and exits 2 when any is not. */
function validateCommand(options: CliOptions, io: CliIo): number {
  const files = options.positionals;
  if (files.length === 0) throw new UsageError("validate needs a scenario file: helhet validate FILE...");
  let status = 0;
  for (const file of files) {
    try {
      const s = readScenarioFile(file);
      io.out(escapeControls(`${file}: a valid scenario "${s.name}" with ${s.teams.length} teams and ${s.services.length} services`));
    } catch (e) {
      // one file: the message as it is; several: each message says which file it is about
      status = Math.max(status, failure(e, io, files.length === 1 ? "" : `${file}: `));
    }
  }
  return status;
}

/**
 * Writes the result: the files checked before the run (`--html`, then `--out`, renamed into place
 * together), else the text on stdout; "wrote FILE" for the HTML report unless --quiet.
 */
async function finish(options: CliOptions, io: CliIo, outputs: readonly OutputTarget[], text: string, html?: string, needs?: string): Promise<number> {
  const texts = new Map<OutputOption, string>();
  if (html !== undefined) texts.set("--html", html);
  if (needs !== undefined) texts.set("--needs", needs);
  if (options.out !== undefined) texts.set("--out", text);
  await commitOutputs(outputs, texts, { err: io.err });
  if (options.html !== undefined && html !== undefined && !options.quiet) io.err(`wrote ${options.html}`);
  if (options.out === undefined) io.out(text.replace(/\n$/, ""));
  return 0;
}
