/**
 * The `helhet` command. `helhet compare` (the default) runs the policies on the same citizens
 * and prints the comparison; `scenarios`, `schema` and `validate` help with scenario files.
 *
 * @packageDocumentation
 */
import { builtinScenarios, loadScenario, scenarioJsonSchema, ScenarioError, type Scenario } from "../scenario/index.js";
import { policies as presets, type Policy } from "../policy/index.js";
import { capacityWarnings, compare, runReplication, sweep, type Comparison, type ExperimentOptions } from "../experiment/index.js";
import { comparisonCsv, comparisonHtml, comparisonMarkdown, comparisonTable, journeyMapChart, reading, sweepCsv, sweepTable, touchpointChart } from "../report/index.js";
import { journeyMap } from "../journey/index.js";
import { simulate } from "../model/index.js";
import { readPolicyFile, readScenarioFile } from "../node/files.js";
import { writeFileAtomic } from "../node/atomicWrite.js";
import { compareParallel } from "../node/parallel.js";
import { touchpointsParallel } from "../node/touchpointsParallel.js";
import { mergeShards, readShardFile, runShard, ShardError, stringifyShard, writeShardFile } from "../node/shard.js";
import { availableParallelism } from "node:os";
import { parseOptions, UsageError, type CliOptions } from "./options.js";
import { colours, progressBar } from "./terminal.js";
import { journeyReport } from "./journeyCommand.js";

/** Where the command writes: stdout and stderr, and whether they are terminals. */
export interface CliIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly isTTY?: boolean;
  readonly errIsTTY?: boolean;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const HELP = `helhet — simulate a municipality's services under two ways of steering

Usage:
  helhet [compare] [options]      run the policies on the same citizens and compare (default)
  helhet run [--policy P]         one policy's metrics with intervals (default policy: whole)
  helhet sweep --param PATH --values A,B,C
                                  compare at each value of one scenario or policy parameter
  helhet journey                  sample journeys read aloud, the journey map, where failure demand
                                  comes from, and the touchpoints that matter most (what-if reruns;
                                  --replications defaults to 3 here)
  helhet merge SHARD...           merge shard files (from --shard K/N runs) into one comparison
  helhet scenarios                list the built-in scenarios
  helhet schema                   print the JSON Schema of scenario files
  helhet validate FILE            check a scenario file and list every problem
  helhet --help | --version

Options:
  --scenario NAME|FILE     built-in scenario or scenario file (default: soderhamn)
  --policies LIST          comma-separated presets (minutes, whole) or policy files (default: minutes,whole)
  --replications N         replications per policy (default: 10)
  --seed N                 master seed (default: 1)
  --horizon DURATION       measured period, e.g. "52 weeks" (default: the scenario's)
  --warmup DURATION        warm-up excluded from statistics, e.g. "8 weeks" (default: the scenario's)
  --format FORMAT          table, json, csv or markdown (default: table; sweep: no markdown;
                           journey: table or json)
  --out FILE               write the result to FILE (whole or not at all) instead of stdout
  --html FILE              also write a self-contained HTML report with charts (compare, run, merge, journey)
  --workers N              run replications on N worker threads (same numbers as 1)
  --shard K/N              run only shard K of N (replications r with r mod N = K) and write a
                           mergeable shard file (--out) for helhet merge
  --quiet                  no progress and no reading, just the result
  --no-color               no colours (also when NO_COLOR is set)
  --policy NAME|FILE       for run: the policy (default: whole)
  --param PATH             for sweep: a dotted path, e.g. services.general.demandTypes or
                           policy.handlingTime.frontMinutes
  --values A,B,C           for sweep: the values (numbers, or durations such as "4 min")
  --service ID             for journey: only this service's citizens (id or name)
  --rank-by OUTCOME        for journey: rank touchpoints by failureDemand (default), endToEndDays
                           or contactsPerNeed
  --allow-large            run even when the run-cost estimate is past the limits (docs/performance.md)

Exit status: 0 success, 2 usage or validation error, 1 anything else.
`;

declare const __HELHET_VERSION__: string | undefined;
const VERSION = typeof __HELHET_VERSION__ === "string" ? __HELHET_VERSION__ : "0.0.0-dev";

/**
 * Runs the command and returns the exit status (0 success, 2 usage or validation error, 1
 * anything else). Never throws for user errors.
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
  try {
    const options = atMostCores(parseOptions(argv, io.env ?? {}, io.isTTY === true), io);
    if (options.help) return io.out(HELP), 0;
    if (options.version) return io.out(VERSION), 0;
    switch (options.command) {
      case "compare":
        return await compareCommand(options, io, options.policies);
      case "run":
        return await compareCommand(options, io, [options.policy]);
      case "journey": {
        const scenario = scenarioOf(options.scenario);
        return emit(options, io, await journeyReport(options, io, scenario, options.policies.map(policyOf)));
      }
      case "merge":
        return await mergeCommand(options, io);
      case "sweep":
        return sweepCommand(options, io);
      case "scenarios":
        for (const s of builtinScenarios()) io.out(`${s.name.padEnd(16)} ${s.description}`);
        return 0;
      case "schema":
        return emit(options, io, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
      case "validate":
        return validateCommand(options, io);
      default:
        throw new UsageError(`unknown command "${options.command}"; the commands are compare, run, sweep, journey, merge, scenarios, schema, validate`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`helhet: ${e.message}\nRun "helhet --help" for the options.`);
      return 2;
    }
    if (e instanceof ScenarioError || e instanceof RangeError || e instanceof ShardError) {
      io.err(`helhet: ${e.message}`);
      return 2;
    }
    io.err(`helhet: ${(e as Error).message ?? String(e)}`);
    return 1;
  }
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
  return { allowLarge: options.allowLarge, onWarning: (w) => io.err(`warning: ${w}`) };
}

function scenarioOf(name: string): Scenario {
  return /[/\\]|\.(ya?ml|json)$/i.test(name) ? readScenarioFile(name) : loadScenario(name);
}

function policyOf(name: string): Policy {
  if (name === "minutes" || name === "whole") return presets[name];
  if (/[/\\]|\.(ya?ml|json)$/i.test(name)) return readPolicyFile(name);
  throw new UsageError(`--policies: "${name}" is neither a preset (minutes, whole) nor a policy file (.yaml, .json)`);
}

async function compareCommand(options: CliOptions, io: CliIo, policyNames: readonly string[]): Promise<number> {
  const scenario = scenarioOf(options.scenario);
  const policies = policyNames.map(policyOf);
  const c = colours(options.color);
  // the load analysis speaks before the run starts
  const warnings = capacityWarnings(scenario, policies);
  for (const w of warnings) io.err(`warning: ${w}`);
  const window = {
    replications: options.replications,
    seed: options.seed,
    ...(options.horizon === undefined ? {} : { horizon: options.horizon }),
    ...(options.warmup === undefined ? {} : { warmup: options.warmup }),
    allowLarge: options.allowLarge,
  };
  if (options.shard !== undefined) {
    // one shard of a run spread over machines: a mergeable result (helhet merge)
    const shard = runShard(scenario, policies, { ...window, ...costCheck(options, io), shard: options.shard });
    if (options.out !== undefined) {
      writeShardFile(options.out, shard);
      return 0;
    }
    io.out(stringifyShard(shard).replace(/\n$/, ""));
    return 0;
  }
  const bar = options.quiet ? undefined : progressBar(io.errIsTTY === true, `${scenario.name}: ${policies.map((p) => p.name).join(" vs ")}`);
  const run = { ...window, ...costCheck(options, io), ...(bar ? { onProgress: bar.update } : {}), warnings };
  const comparison = options.workers > 1 ? await compareParallel(scenario, policies, { ...run, workers: options.workers }) : compare(scenario, policies, run);
  bar?.stop();
  if (options.html !== undefined) await writeHtml(options, io, comparison, scenario, policies, window);
  let text: string;
  if (options.format === "json") text = `${JSON.stringify(comparison, null, 2)}\n`;
  else if (options.format === "csv") text = comparisonCsv(comparison);
  else if (options.format === "markdown") text = comparisonMarkdown(comparison);
  else {
    const head = `${c.bold(scenario.name)} — ${comparison.replications} replications, seed ${comparison.seed}; mean [95% interval]; differences are paired (same citizens)`;
    text = `${head}\n\n${comparisonTable(comparison, { bold: c.bold, dim: c.dim })}\n`;
    if (!options.quiet && policies.length >= 2) text += `\n${reading(comparison)}\n`;
  }
  return emit(options, io, text);
}

/**
 * The HTML report: the comparison, plus replication 0's end-to-end times per policy, the
 * journey map of replication 0, and the touchpoint ranking (a what-if per team, with two
 * replications to keep the report quick) when the scenario is at hand.
 */
async function writeHtml(options: CliOptions, io: CliIo, comparison: Comparison, scenario: Scenario | undefined, policies: readonly Policy[], window: ExperimentOptions): Promise<void> {
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
  const html = await comparisonHtml(comparison, { endToEndDays, extraCharts, title: `${comparison.scenario}: ${Object.keys(comparison.policies).join(" vs ")}` });
  try {
    writeFileAtomic(options.html as string, html);
  } catch (e) {
    throw new Error(`cannot write --html ${options.html}: ${(e as Error).message}`);
  }
  if (!options.quiet) io.err(`wrote ${options.html}`);
}

function windowOf(w: ExperimentOptions): { horizon?: number | string; warmup?: number | string } {
  return { ...(w.horizon === undefined ? {} : { horizon: w.horizon }), ...(w.warmup === undefined ? {} : { warmup: w.warmup }) };
}

async function mergeCommand(options: CliOptions, io: CliIo): Promise<number> {
  if (options.positionals.length === 0) throw new UsageError("merge needs the shard files: helhet merge SHARD...");
  const comparison = mergeShards(options.positionals.map(readShardFile));
  if (options.html !== undefined) await writeHtml(options, io, comparison, undefined, [], {});
  const text =
    options.format === "json"
      ? `${JSON.stringify(comparison, null, 2)}\n`
      : options.format === "csv"
        ? comparisonCsv(comparison)
        : options.format === "markdown"
          ? comparisonMarkdown(comparison)
          : `${comparisonTable(comparison)}\n\n${reading(comparison)}\n`;
  return emit(options, io, text);
}

function sweepCommand(options: CliOptions, io: CliIo): number {
  if (options.param === undefined) throw new UsageError("sweep needs --param PATH, e.g. --param services.general.demandTypes");
  if (options.values.length === 0) throw new UsageError("sweep needs --values A,B,C");
  if (options.format === "markdown") throw new UsageError(`sweep writes --format table, json or csv, got "markdown"`);
  const scenario = scenarioOf(options.scenario);
  const policies = options.policies.map(policyOf);
  const values = options.values.map((v) => (v !== "" && Number.isFinite(Number(v)) ? Number(v) : v));
  const bar = options.quiet ? undefined : progressBar(io.errIsTTY === true, `sweep ${options.param}`);
  const result = sweep(scenario, policies, { path: options.param, values }, {
    replications: options.replications,
    seed: options.seed,
    ...(options.horizon === undefined ? {} : { horizon: options.horizon }),
    ...(options.warmup === undefined ? {} : { warmup: options.warmup }),
    ...costCheck(options, io),
    ...(bar ? { onProgress: bar.update } : {}),
  });
  bar?.stop();
  if (options.format === "json") return emit(options, io, `${JSON.stringify(result, null, 2)}\n`);
  if (options.format === "csv") return emit(options, io, sweepCsv(result));
  const head = `${scenario.name} — sweep of ${options.param}, ${options.replications} replications per value, seed ${options.seed}; mean [95% interval]`;
  return emit(options, io, `${head}\n\n${sweepTable(result)}\n`);
}

function validateCommand(options: CliOptions, io: CliIo): number {
  const file = options.positionals[0];
  if (file === undefined) throw new UsageError("validate needs a scenario file: helhet validate FILE");
  const s = readScenarioFile(file);
  io.out(`${file}: a valid scenario "${s.name}" with ${s.teams.length} teams and ${s.services.length} services`);
  return 0;
}

function emit(options: CliOptions, io: CliIo, text: string): number {
  if (options.out === undefined) io.out(text.replace(/\n$/, ""));
  else {
    try {
      writeFileAtomic(options.out, text);
    } catch (e) {
      io.err(`helhet: cannot write --out ${options.out}: ${(e as Error).message}`);
      return 1;
    }
  }
  return 0;
}
