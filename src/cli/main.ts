/**
 * The `helhet` command. `helhet compare` (the default) runs the policies on the same citizens
 * and prints the comparison; `scenarios`, `schema` and `validate` help with scenario files.
 *
 * @packageDocumentation
 */
import { statSync } from "node:fs";
import { builtinScenarioInput, builtinScenarios, formatDuration, scenarioYaml, loadScenario, parseDuration, parseScenario, scenarioJsonSchema, scenarioToInput, ScenarioError, type Scenario } from "../scenario/index.js";
import { policies as presets, type Policy } from "../policy/index.js";
import { capacityWarnings, checkPolicies, compare, runReplication, sweep, type Comparison, type ExperimentOptions } from "../experiment/index.js";
import { comparisonCsv, comparisonHtml, comparisonMarkdown, comparisonTable, journeyMapChart, needTableCsv, needTableJsonLines, reading, seriesCsv, sweepCsv, sweepTable, touchpointChart } from "../report/index.js";
import { journeyMap } from "../journey/index.js";
import { runWindow, simulate } from "../model/index.js";
import { readPolicyFile, readScenarioFile } from "../node/files.js";
import { compareParallel } from "../node/parallel.js";
import { touchpointsParallel } from "../node/touchpointsParallel.js";
import { mergeShards, readShardFile, runShard, ShardError, stringifyShard } from "../node/shard.js";
import { availableParallelism } from "node:os";
import { commandOptions, COMMANDS, parseOptions, UsageError, type CliOptions } from "./options.js";
import { commitOutputs, OutputError, planOutputs, type OutputInput, type OutputOption, type OutputTarget } from "./outputs.js";
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

const HELP = `helhet — simulate a municipality's services under two ways of steering

Usage:
  helhet [compare] [options]      run the policies on the same citizens and compare (default)
  helhet run [--policy P]         one policy's metrics with intervals (default policy: whole)
  helhet sweep --param PATH --values A,B,C
                                  compare at each value of one scenario or policy parameter
  helhet factorial [--low P --high P]
                                  which design choices drive the difference: every choice in which
                                  two policies differ is a factor of a factorial study
  helhet sensitivity [--params LIST]
                                  does the conclusion hold? each GUESS parameter (or each of LIST)
                                  at both ends of its range, one at a time, with sign flips located
  helhet map --x PATH=A,B --y PATH=C,D
                                  where each design wins: the winner per outcome in every cell of a
                                  two-parameter grid, "tie" where the interval holds 0
  helhet journey                  sample journeys read aloud, the journey map, where failure demand
                                  comes from, and the touchpoints that matter most (what-if reruns;
                                  --replications defaults to 3 here)
  helhet merge SHARD...           merge shard files (from --shard K/N runs) into one comparison (or
                                  one factorial study, sensitivity study or winner map)
  helhet scenario list            list the built-in scenarios (also: helhet scenarios)
  helhet scenario export NAME     write a built-in scenario as commented YAML to start your own from
  helhet schema                   print the JSON Schema of scenario files
  helhet validate FILE...         check scenario files and list every problem
  helhet playground [--port N]    serve the playground (change the design in a browser, watch the
                                  citizens) on localhost
  helhet help [COMMAND]           this text, or one command's options and an example
  helhet --help | --version
  A scenario can also be given as the argument: helhet compare teaching, helhet run town.yaml

Options:
  --scenario NAME|FILE     built-in scenario or scenario file (default: soderhamn)
  --policies LIST          comma-separated presets (minutes, whole) or policy files (default: minutes,whole)
  --replications N         replications per policy (default: 10)
  --seed N                 master seed (default: 1)
  --horizon DURATION       measured period, e.g. "52 weeks" (default: the scenario's)
  --warmup DURATION        warm-up excluded from statistics, e.g. "8 weeks" (default: the scenario's)
  --event TEXT             a dated change during the run, added to the scenario's events
                           (repeatable; every command that runs): "demand +15% weeks 20-28",
                           "demand x1.3 service permit weeks 10-", "staff officers -2 weeks 30-34",
                           "hours desk Mon-Fri 09:00-12:00 weeks 40-44"; weeks count from the start
                           of the run, "weeks A-B" is from week A up to week B, "weeks A-" to the end
  --format FORMAT          table, json, csv or markdown (default: table; sweep: no markdown;
                           journey: table or json)
  --out FILE               write the result to FILE (whole or not at all) instead of stdout; never
                           an input of the run; a pipe or device (/dev/stdout) is written into
  --html FILE              also write a self-contained HTML report with charts (compare, run, merge,
                           journey, factorial, sensitivity, map); checked before the run, written
                           together with --out
  --series PERIOD          for compare, run and merge: print the series over time instead of the
                           table, by week, day or hour (CSV, or JSON with --format json)
  --needs FILE             for run: also write the need records of replication 0, one row per
                           need (CSV, or JSON lines when FILE ends in .jsonl)
  --workers N              run replications on N worker threads (same numbers as 1)
  --shard K/N              run only shard K of N and write a mergeable shard file (--out) for
                           helhet merge: replications r with r mod N = K (N at most the
                           replications); for sensitivity the parameters (and samples), for map
                           the cells, i with i mod N = K
  --quiet                  no progress and no reading, just the result
  --no-color               no colours (also when NO_COLOR is set)
  --policy NAME|FILE       for run: the policy (default: whole)
  --param PATH             for sweep: a dotted path, e.g. services.general.demandTypes or
                           policy.handlingTime.frontMinutes
  --values A,B,C           for sweep: the values (numbers, or durations such as "4 min")
  --low NAME|FILE          for factorial: the policy at level − (default: minutes)
  --high NAME|FILE         for factorial: the policy at level + (default: whole)
  --params LIST            for sensitivity: dotted paths to vary instead of every GUESS parameter,
                           each optionally with its range: mechanisms.misrouteWork=2 min..10 min
  --samples N              for sensitivity: also vary every parameter at once, at N points of a
                           Latin hypercube (default 0: none)
  --x PATH=A,B,C           for map: the parameter across and its values (numbers or "4 min")
  --y PATH=A,B,C           for map: the parameter down and its values
  --service ID             for journey: only this service's citizens (id or name)
  --rank-by OUTCOME        for journey: rank touchpoints by failureDemand (default), endToEndDays
                           or contactsPerNeed
  --allow-large            run even when the run-cost estimate is past the limits (docs/performance.md)
  --port N                 for playground: the port on 127.0.0.1 (default 8808; 0: any free one)

An option a command does not use is refused. Numbers are whole numbers in decimal digits.
Exit status: 0 success, 2 usage or validation error, 1 anything else (an output that cannot be
written, for one).
`;

/** Per command: what it does, how to call it, and an example (the options come from HELP). */
const COMMAND_HELP: Readonly<Record<(typeof COMMANDS)[number], { readonly what: string; readonly usage: readonly string[]; readonly example: string }>> = {
  compare: { what: "run the policies on the same citizens and compare them (the default command)", usage: ["helhet [compare] [SCENARIO] [options]"], example: "helhet compare teaching --replications 20 --html report.html" },
  run: { what: "one policy's metrics with intervals", usage: ["helhet run [SCENARIO] [--policy P] [options]"], example: "helhet run teaching --policy minutes --series week --format csv" },
  sweep: { what: "compare at each value of one scenario or policy parameter", usage: ["helhet sweep [SCENARIO] --param PATH --values A,B,C [options]"], example: "helhet sweep teaching --param policy.frontOffice.skillCoverage --values 0.3,0.6,0.9" },
  factorial: {
    what: "which design choices drive the difference between two policies: a factorial study (full up to 5 choices, a 32-cell fraction of resolution IV or better beyond) of the choices in which they differ, with main effects and two-factor interactions",
    usage: ["helhet factorial [SCENARIO] [--low P] [--high P] [options]"],
    example: "helhet factorial teaching --replications 5 --format json --out drivers.json",
  },
  sensitivity: {
    what: "does the conclusion hold over what we do not know? Each GUESS-labelled parameter (or each of --params) at both ends of its range (documented, else half to double), one at a time: the paired differences with 95% intervals, and where a sign flips, found by bisection; with --samples N also all at once, at N points of a Latin hypercube",
    usage: ["helhet sensitivity [SCENARIO] [--policies A,B] [--params LIST] [options]"],
    example: "helhet sensitivity teaching --replications 5 --params mechanisms.handoffInfoLoss,citizens.chaseRate --format json",
  },
  map: {
    what: "where each design wins: in every cell of a two-parameter grid, per outcome, the paired difference with its 95% interval and the winner (\"tie\" when the interval holds 0)",
    usage: ["helhet map [SCENARIO] --x PATH=A,B,.. --y PATH=C,D,.. [--policies A,B] [options]"],
    example: "helhet map teaching --x services.questions.demandTypes=2,10,20 --y policy.frontOffice.skillCoverage=0.3,0.8 --replications 5",
  },
  journey: { what: "journeys read aloud, the journey map, where failure demand comes from and the touchpoints that matter most", usage: ["helhet journey [SCENARIO] [options]"], example: "helhet journey teaching --html journeys.html" },
  merge: { what: "merge shard files (from --shard K/N runs) into one comparison", usage: ["helhet merge SHARD... [options]"], example: "helhet merge results/shard-*.json --format json --out comparison.json" },
  scenario: { what: "list the built-in scenarios, or write one as commented YAML to start your own from", usage: ["helhet scenario list", "helhet scenario export NAME [--out FILE]"], example: "helhet scenario export teaching --out my-town.yaml && helhet validate my-town.yaml" },
  scenarios: { what: "list the built-in scenarios (the same as helhet scenario list)", usage: ["helhet scenarios"], example: "helhet scenarios" },
  schema: { what: "print the JSON Schema of scenario files (for editors)", usage: ["helhet schema [--out FILE]"], example: "helhet schema --out scenario.schema.json" },
  validate: { what: "check scenario files and list every problem of each", usage: ["helhet validate FILE..."], example: "helhet validate my-town.yaml" },
  playground: { what: "serve the playground on localhost: change the design in a browser and watch the citizens (Ctrl-C stops it)", usage: ["helhet playground [--port N]"], example: "helhet playground --port 8808" },
  help: { what: "the help text, or one command's", usage: ["helhet help [COMMAND]", "helhet COMMAND --help"], example: "helhet help sweep" },
};

/** The help of one command: what it does, its usage, the options it takes (as in HELP) and an example. */
function commandHelp(command: (typeof COMMANDS)[number]): string {
  const h = COMMAND_HELP[command];
  const options = HELP.slice(HELP.indexOf("\nOptions:\n") + "\nOptions:\n".length, HELP.indexOf("\nExit status"));
  const blocks = new Map<string, string>();
  let current = "";
  for (const line of options.split("\n")) {
    const m = /^ {2}--([a-z-]+)/.exec(line);
    if (m) current = m[1] as string;
    if (current !== "") blocks.set(current, blocks.has(current) ? `${blocks.get(current)}\n${line}` : line);
  }
  const own = commandOptions(command).flatMap((o) => (o === "help" || o === "version" ? [] : [blocks.get(o) ?? `  --${o}`]));
  return [
    `helhet ${command} — ${h.what}`,
    "",
    "Usage:",
    ...h.usage.map((u) => `  ${u}`),
    "",
    "Options:",
    ...own,
    "  --help                   this text",
    "",
    "Example:",
    `  ${h.example}`,
    "",
    "All commands: helhet --help. Exit status: 0 success, 2 usage or validation error, 1 anything else.",
    "",
  ].join("\n");
}

declare const __HELHET_VERSION__: string | undefined;
const VERSION = typeof __HELHET_VERSION__ === "string" ? __HELHET_VERSION__ : "0.0.0-dev";

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

/** A ScenarioError's first problem without the "(scenario): " of a whole document. */
/**
 * The scenario with the --event events added after its own, checked like a file's: a problem
 * (an unknown team, a cut larger than the team) is a usage error naming the --event.
 */
function withEvents(scenario: Scenario, events: CliOptions["events"]): Scenario {
  if (events.length === 0) return scenario;
  const input = scenarioToInput(scenario);
  const own = input.events ?? [];
  try {
    return parseScenario({ ...input, events: [...own, ...events.map((e) => e.event)] });
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    const issue = e.issues[0];
    const k = /^events\[(\d+)\]/.exec(issue?.path ?? "");
    const given = k === null ? -1 : Number(k[1]) - own.length;
    const what = given >= 0 ? `--event ${JSON.stringify(events[given]?.text)}` : "--event";
    throw new UsageError(`${what}: ${oneIssue(e).replace(/^events\[\d+\]\.?/, "") || oneIssue(e)}`);
  }
}

function oneIssue(e: ScenarioError): string {
  return (e.issues[0]?.message ?? e.message).replace(/^\(scenario\): /, "");
}

/** Where a scenario comes from: a built-in name, a file, or inline YAML/JSON text. */
interface Source<T> {
  readonly load: () => T;
  /** The file, when it is read from one. */
  readonly file?: string;
}

const PATH_LIKE = /[/\\]|\.(ya?ml|json)$/i;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * --scenario: a built-in name; else a file when one exists at that path (whatever its
 * extension) or the text looks like a path; else inline YAML or JSON when it looks like a
 * mapping ({...} or "key: value"); else an unknown name.
 */
function scenarioSource(name: string): Source<Scenario> {
  if (builtinScenarios().some((s) => s.name === name)) return { load: () => loadScenario(name) };
  if (isFile(name) || PATH_LIKE.test(name)) return { load: () => readScenarioFile(name), file: name };
  if (/[:{\n]/.test(name)) return { load: () => loadScenario(name) };
  if (/^[A-Za-z0-9_-]+$/.test(name.trim())) {
    return {
      load: () => {
        try {
          return loadScenario(name);
        } catch (e) {
          if (e instanceof ScenarioError) throw new UsageError(`--scenario: ${oneIssue(e)}, or a scenario file`);
          throw e;
        }
      },
    };
  }
  const names = builtinScenarios().map((s) => s.name).join(", ");
  throw new UsageError(`--scenario ${JSON.stringify(name)} is neither a built-in scenario (${names}) nor a file that exists`);
}

/** A policy: a preset name, or a file when one exists at that path or the text looks like a path. */
function policySource(name: string, option: string): Source<Policy> {
  if (name === "minutes" || name === "whole") return { load: () => presets[name] };
  if (isFile(name) || PATH_LIKE.test(name)) return { load: () => readPolicyFile(name), file: name };
  throw new UsageError(`${option}: ${JSON.stringify(name)} is neither a preset (minutes, whole) nor a policy file that exists`);
}

function inputsOf(scenario: Source<Scenario>, policies: readonly Source<Policy>[]): OutputInput[] {
  return [
    ...(scenario.file === undefined ? [] : [{ what: "the scenario file", path: scenario.file }]),
    ...policies.flatMap((p) => (p.file === undefined ? [] : [{ what: "a policy file", path: p.file }])),
  ];
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
  const comparison = options.workers > 1 ? await compareParallel(scenario, policies, { ...run, workers: options.workers }) : compare(scenario, policies, run);
  bar?.stop();
  const html = options.html === undefined ? undefined : await htmlOf(options, comparison, scenario, policies, window);
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
async function htmlOf(options: CliOptions, comparison: Comparison, scenario: Scenario | undefined, policies: readonly Policy[], window: ExperimentOptions): Promise<string> {
  const endToEndDays: Record<string, readonly number[]> = {};
  const extraCharts: { title: string; spec: object }[] = [];
  if (scenario !== undefined) {
    const maps = [];
    const rankings = [];
    for (const p of policies) {
      endToEndDays[p.name] = runReplication(scenario, p, 0, window).endToEndDays;
      maps.push(journeyMap(simulate(scenario, p, { ...windowOf(window), seed: window.seed ?? 1, journal: { every: 5 } })));
      rankings.push(await touchpointsParallel(scenario, p, { ...window, replications: Math.min(2, window.replications ?? 2), workers: options.workers }));
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
  const result = sweep(scenario, policies, { path: options.param, values }, {
    replications: options.replications,
    seed: options.seed,
    ...(options.horizon === undefined ? {} : { horizon: options.horizon }),
    ...(options.warmup === undefined ? {} : { warmup: options.warmup }),
    ...costCheck(options, io),
    ...(bar ? { onProgress: bar.update } : {}),
  });
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
