/**
 * The `helhet` command (first version). `helhet compare` runs both preset policies on a
 * built-in scenario and prints the key metrics side by side; the full command with intervals,
 * formats and reports follows.
 *
 * @packageDocumentation
 */
import { parseArgs } from "node:util";
import { loadScenario, builtinScenarios, ScenarioError } from "../scenario/index.js";
import { policies } from "../policy/index.js";
import { simulate } from "../model/index.js";
import { summarise, type RunSummary } from "../metrics/index.js";
import { readScenarioFile } from "../node/files.js";

const HELP = `helhet — simulate a municipality's services under two ways of steering

Usage:
  helhet [compare] [--scenario NAME] [--seed N]   compare the preset policies (default)
  helhet scenarios                                list the built-in scenarios
  helhet --help | --version

Options:
  --scenario NAME   a built-in scenario (default: soderhamn) or a scenario file (.yaml, .json)
  --seed N          master seed (default: 1)
`;

const ROWS: readonly [string, (m: RunSummary) => number, number][] = [
  ["end-to-end days (mean)", (m) => m.endToEndDays.mean, 1],
  ["end-to-end days (p85)", (m) => m.endToEndDays.p85, 1],
  ["first-contact resolution", (m) => m.firstContactResolution, 2],
  ["contacts per need", (m) => m.contactsPerNeed, 2],
  ["failure demand share", (m) => m.failureDemandShare, 2],
  ["needs given up (share)", (m) => m.abandonedShare, 2],
  ["staff minutes per need", (m) => m.staffMinutesPerNeed, 1],
  ["handling minutes per contact", (m) => m.handlingMinutesPerContact, 1],
  ["cost per contact", (m) => m.costPerContact, 0],
  ["cost per need", (m) => m.costPerNeed, 0],
];

/**
 * Runs the command with the given arguments and returns the exit code (0 success, 2 usage or
 * validation error, 1 anything else).
 *
 * @param argv - the arguments after the program name
 * @param out - where results go (stdout)
 * @param err - where errors go (stderr)
 * @example
 * ```ts
 * main(["--version"], console.log, console.error); //=> 0
 * ```
 */
export function main(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        scenario: { type: "string", default: "soderhamn" },
        seed: { type: "string", default: "1" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (e) {
    err(`helhet: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) return out(HELP), 0;
  if (values.version) return out(VERSION), 0;
  const command = positionals[0] ?? "compare";
  if (command === "scenarios") {
    for (const s of builtinScenarios()) out(`${s.name.padEnd(16)} ${s.description}`);
    return 0;
  }
  if (command !== "compare") {
    err(`helhet: unknown command "${command}"\n\n${HELP}`);
    return 2;
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) {
    err(`helhet: --seed must be an integer, got "${values.seed}"`);
    return 2;
  }
  try {
    const name = values.scenario as string;
    const scenario = /[/\\]|\.(ya?ml|json)$/i.test(name) ? readScenarioFile(name) : loadScenario(name);
    const results = [policies.minutes, policies.whole].map((p) => summarise(simulate(scenario, p, { seed })));
    out(`${scenario.name} — one replication, seed ${seed}; ${results[0]!.arrived} needs arrived in the measured period\n`);
    out("metric".padEnd(34) + results.map((r) => r.policy.padStart(12)).join(""));
    for (const [label, get, digits] of ROWS) {
      out(label.padEnd(34) + results.map((r) => get(r).toFixed(digits).padStart(12)).join(""));
    }
    return 0;
  } catch (e) {
    if (e instanceof ScenarioError) {
      err(`helhet: ${e.message}`);
      return 2;
    }
    err(`helhet: ${(e as Error).message}`);
    return 1;
  }
}

declare const __HELHET_VERSION__: string | undefined;
const VERSION = typeof __HELHET_VERSION__ === "string" ? __HELHET_VERSION__ : "0.0.0-dev";
