/**
 * Where a command's scenario and policies come from — a built-in name or preset, a file, or
 * inline YAML or JSON — and the --event options added to the scenario.
 *
 * @packageDocumentation
 */
import { statSync } from "node:fs";
import { builtinScenarios, loadScenario, parseScenario, scenarioToInput, ScenarioError, type Scenario } from "../scenario/index.js";
import { policies as presets, type Policy } from "../policy/index.js";
import { readPolicyFile, readScenarioFile } from "../node/files.js";
import { UsageError, type CliOptions } from "./options.js";
import type { OutputInput } from "./outputs.js";

/**
 * The scenario with the --event events added after its own, checked like a file's: a problem
 * (an unknown team, a cut larger than the team) is a usage error naming the --event.
 */
export function withEvents(scenario: Scenario, events: CliOptions["events"]): Scenario {
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

/** A ScenarioError's first problem without the "(scenario): " of a whole document. */
export function oneIssue(e: ScenarioError): string {
  return (e.issues[0]?.message ?? e.message).replace(/^\(scenario\): /, "");
}

/** Where a scenario or policy comes from: a built-in name or preset, a file, or inline YAML/JSON text. */
export interface Source<T> {
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
export function scenarioSource(name: string): Source<Scenario> {
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
export function policySource(name: string, option: string): Source<Policy> {
  if (name === "minutes" || name === "whole") return { load: () => presets[name] };
  if (isFile(name) || PATH_LIKE.test(name)) return { load: () => readPolicyFile(name), file: name };
  throw new UsageError(`${option}: ${JSON.stringify(name)} is neither a preset (minutes, whole) nor a policy file that exists`);
}

/** The input files of a command, which no output may overwrite. */
export function inputsOf(scenario: Source<Scenario>, policies: readonly Source<Policy>[]): OutputInput[] {
  return [
    ...(scenario.file === undefined ? [] : [{ what: "the scenario file", path: scenario.file }]),
    ...policies.flatMap((p) => (p.file === undefined ? [] : [{ what: "a policy file", path: p.file }])),
  ];
}
