/**
 * `helhet sensitivity` and `helhet map`: the study and the grid in one thread, on worker threads
 * (`--workers`) or as one shard (`--shard`, merged by `helhet merge`), with a progress bar on a
 * terminal, printed as text, JSON or CSV, and with `--html` a page with the charts.
 *
 * @packageDocumentation
 */
import { readFileSync } from "node:fs";
import { sensitivity, winnerMap, type SensitivityOptions, type SensitivityStudy, type WinnerMap, type WinnerMapAxis } from "../experiment/index.js";
import { sensitivityParallel, winnerMapParallel } from "../node/studyParallel.js";
import { isStudyShardJson, mergeStudyShards, readStudyShardFile, runSensitivityShard, runWinnerMapShard, stringifyStudyShard } from "../node/studyShard.js";
import type { Policy } from "../policy/index.js";
import { sensitivityCsv, sensitivityTable, winnerMapCsv, winnerMapTable } from "../report/index.js";
import { sensitivityHtml, winnerMapHtml } from "../report/driverHtml.js";
import type { StudyReport } from "./factorialCommand.js";
import type { Scenario } from "../scenario/index.js";
import { UsageError, type CliOptions } from "./options.js";
import { colours, escapeControls, escapeJson, escapeStrings, progressBar } from "./terminal.js";

type Io = { readonly err: (s: string) => void; readonly errIsTTY?: boolean };
type Cost = Pick<SensitivityOptions, "allowLarge" | "onWarning">;

/**
 * The paths and ranges of `--params`: each entry a path, or `path=LOW..HIGH`.
 *
 * @param entries - the entries of --params
 * @returns the paths (undefined for none: every GUESS parameter) and the ranges
 * @throws {UsageError} for an entry that does not read
 * @example
 * ```ts
 * readParams(["mechanisms.misrouteWork=2 min..10 min"]); //=> { params: ["mechanisms.misrouteWork"], ranges: { "mechanisms.misrouteWork": ["2 min", "10 min"] } }
 * ```
 */
export function readParams(entries: readonly string[]): { params: string[] | undefined; ranges: Record<string, [string, string]> } {
  const ranges: Record<string, [string, string]> = {};
  const params = entries.map((e) => {
    const m = /^([^=]+?)\s*(?:=\s*(.+?)\s*\.\.\s*(.+?)\s*)?$/.exec(e);
    if (m === null || /=/.test(m[1] as string) || (e.includes("=") && m[2] === undefined)) throw new UsageError(`--params: ${JSON.stringify(e)} is not PATH or PATH=LOW..HIGH, e.g. mechanisms.misrouteWork=2 min..10 min`);
    if (m[2] !== undefined) ranges[m[1] as string] = [m[2], m[3] as string];
    return m[1] as string;
  });
  return { params: params.length === 0 ? undefined : params, ranges };
}

/**
 * An axis of `--x` or `--y`: `PATH=A,B,C`, numbers read as numbers.
 *
 * @param option - "--x" or "--y"
 * @param text - the option's value
 * @returns the axis
 * @throws {UsageError} when it is missing or does not read
 * @example
 * ```ts
 * readAxis("--x", "services.questions.demandTypes=2,10,20"); //=> { path: "services.questions.demandTypes", values: [2, 10, 20] }
 * ```
 */
export function readAxis(option: string, text: string | undefined): WinnerMapAxis {
  if (text === undefined) throw new UsageError(`map needs ${option} PATH=A,B,C, e.g. ${option} services.questions.demandTypes=2,10,20`);
  const at = text.indexOf("=");
  const path = text.slice(0, at).trim();
  const values = text.slice(at + 1).split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (at < 0 || path === "" || values.length === 0) throw new UsageError(`${option} must be PATH=A,B,C (a dotted path and its values), got ${JSON.stringify(text)}`);
  return { path, values: values.map((v) => (Number.isFinite(Number(v)) ? Number(v) : v)) };
}

function window(options: CliOptions) {
  return {
    replications: options.replications,
    seed: options.seed,
    ...(options.horizon === undefined ? {} : { horizon: options.horizon }),
    ...(options.warmup === undefined ? {} : { warmup: options.warmup }),
  };
}

/**
 * Runs `helhet sensitivity` and returns its text in the format asked for, and the HTML page
 * (the table and the tornado charts) when `--html` is given.
 *
 * @param options - the command line
 * @param io - where progress goes (stderr, a bar on a terminal)
 * @param scenario - the scenario
 * @param policies - the two policies
 * @param cost - the run-cost check's options
 * @returns the text to print or write, and the HTML page
 * @example
 * ```ts
 * const { text, html } = await sensitivityReport(options, io, loadScenario("teaching"), [policies.minutes, policies.whole], { allowLarge: false });
 * ```
 */
export async function sensitivityReport(options: CliOptions, io: Io, scenario: Scenario, policies: readonly Policy[], cost: Cost): Promise<StudyReport> {
  const { params, ranges } = readParams(options.params);
  const run: SensitivityOptions = { ...window(options), ...cost, ...(params === undefined ? {} : { params }), ranges, samples: options.samples };
  if (options.shard !== undefined) return { text: escapeJson(stringifyStudyShard(runSensitivityShard(scenario, policies, { ...run, shard: options.shard }))), html: undefined };
  const bar = options.quiet ? undefined : progressBar(io.errIsTTY === true, escapeControls(`${scenario.name}: sensitivity of ${policies.map((p) => p.name).join(" vs ")}`));
  const withBar = { ...run, ...(bar ? { onProgress: bar.update } : {}) };
  const study = options.workers > 1 ? await sensitivityParallel(scenario, policies, { ...withBar, workers: options.workers }) : sensitivity(scenario, policies, withBar);
  bar?.stop();
  return sensitivityText(options, study);
}

/** A sensitivity study in the format asked for, with its HTML page when --html is given. */
async function sensitivityText(options: CliOptions, study: SensitivityStudy): Promise<StudyReport> {
  const html = options.html === undefined ? undefined : await sensitivityHtml(study);
  if (options.format === "json") return { text: escapeJson(`${JSON.stringify(study, null, 2)}\n`), html };
  if (options.format === "csv") return { text: sensitivityCsv(study), html };
  const joint = study.joint === null ? "" : `, and all at once at ${study.joint.samples} Latin hypercube points`;
  const head = `${colours(options.color).bold(escapeControls(study.scenario))} — sensitivity of ${escapeControls(study.policies[1])} − ${escapeControls(study.policies[0])}, ${study.parameters.length} parameters${joint}, ${study.replications} replications at each end, seed ${escapeControls(String(study.seed))}; common random numbers`;
  return { text: `${head}\n\n${sensitivityTable(escapeStrings(study))}\n`, html };
}

/**
 * Runs `helhet map` and returns its text in the format asked for, and the HTML page (the
 * table and the heat maps) when `--html` is given.
 *
 * @param options - the command line
 * @param io - where progress goes
 * @param scenario - the scenario
 * @param policies - the two policies
 * @param cost - the run-cost check's options
 * @returns the text to print or write, and the HTML page
 * @example
 * ```ts
 * const { text, html } = await mapReport(options, io, loadScenario("teaching"), [policies.minutes, policies.whole], { allowLarge: false });
 * ```
 */
export async function mapReport(options: CliOptions, io: Io, scenario: Scenario, policies: readonly Policy[], cost: Cost): Promise<StudyReport> {
  const grid = { x: readAxis("--x", options.x), y: readAxis("--y", options.y) };
  if (options.shard !== undefined) return { text: escapeJson(stringifyStudyShard(runWinnerMapShard(scenario, policies, grid, { ...window(options), ...cost, shard: options.shard }))), html: undefined };
  const bar = options.quiet ? undefined : progressBar(io.errIsTTY === true, escapeControls(`${scenario.name}: map of ${grid.x.path} × ${grid.y.path}`));
  const run = { ...window(options), ...cost, ...(bar ? { onProgress: bar.update } : {}) };
  const map = options.workers > 1 ? await winnerMapParallel(scenario, policies, grid, { ...run, workers: options.workers }) : winnerMap(scenario, policies, grid, run);
  bar?.stop();
  return mapText(options, map);
}

/** A winner map in the format asked for, with its HTML page when --html is given. */
async function mapText(options: CliOptions, map: WinnerMap): Promise<StudyReport> {
  const html = options.html === undefined ? undefined : await winnerMapHtml(map);
  if (options.format === "json") return { text: escapeJson(`${JSON.stringify(map, null, 2)}\n`), html };
  if (options.format === "csv") return { text: winnerMapCsv(map), html };
  const head = `${colours(options.color).bold(escapeControls(map.scenario))} — where each design wins, ${map.replications} replications per cell, seed ${escapeControls(String(map.seed))}; common random numbers`;
  return { text: `${head}\n\n${winnerMapTable(escapeStrings(map))}\n`, html };
}

/**
 * `helhet merge` of study shards: the sensitivity study or the winner map, when the first file
 * is a study shard (from `helhet sensitivity --shard K/N` or `helhet map --shard K/N`), and its
 * HTML page when `--html` is given; undefined otherwise, for the other merges.
 *
 * @param options - the command line (the files are its arguments)
 * @returns the text to print or write and the HTML page, or undefined
 * @throws {ShardError} when the shards do not merge; {@link UsageError} for --series or --format markdown
 * @example
 * ```ts
 * const merged = await studyMerge(options); // undefined for a comparison's shards
 * ```
 */
export async function studyMerge(options: CliOptions): Promise<StudyReport | undefined> {
  const first = options.positionals[0];
  if (first === undefined || !looksLikeStudyShard(first)) return undefined;
  if (options.series !== undefined) throw new UsageError("study shards carry no series over time: leave out --series");
  if (options.format === "markdown") throw new UsageError("a sensitivity study or a winner map is written as table, json or csv, not markdown");
  const merged = mergeStudyShards(options.positionals.map(readStudyShardFile), options.positionals);
  return merged.kind === "sensitivity" ? sensitivityText(options, merged.study) : mapText(options, merged.study);
}

/** Whether a file is a study shard (false when it cannot be read: the comparison's merge says why). */
function looksLikeStudyShard(path: string): boolean {
  try {
    return isStudyShardJson(JSON.parse(readFileSync(path, "utf8")));
  } catch {
    return false;
  }
}
