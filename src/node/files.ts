/**
 * Reading scenario and policy files (Node only: the core never touches the file system).
 *
 * @packageDocumentation
 */
import { readFileSync, statSync } from "node:fs";
import { dirname, extname } from "node:path";
import { parsePolicyText } from "../policy/index.js";
import { makeIssue } from "../scenario/errors.js";
import { parseScenario, ScenarioError, type Scenario } from "../scenario/index.js";
import { MAX_TEXT_CHARACTERS, readText as readScenarioData } from "../scenario/parse.js";
import { scenarioInputSchema } from "../scenario/schema.js";
import { resolveEmpiricalFiles } from "./empiricalFiles.js";
import type { Policy } from "../policy/index.js";

function readText(path: string, what: string): string {
  try {
    // a file far past the longest text read is refused before it is read into memory (a text
    // within 4 bytes a character of the limit is read, and the text's length then decides)
    const size = statSync(path).size;
    if (size > 4 * MAX_TEXT_CHARACTERS) {
      const expected = `a ${what} file of at most ${MAX_TEXT_CHARACTERS.toLocaleString("en")} characters (about 4 MB)`;
      throw new ScenarioError([{ path: "", value: path, expected, message: `(${what}): got ${path}, a file of ${size.toLocaleString("en")} bytes; expected ${expected}` }], `Invalid ${what}`);
    }
    return readFileSync(path, "utf8");
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "the file does not exist" : code === "EISDIR" ? "it is a folder" : (e as Error).message;
    throw new ScenarioError([makeIssue("", path, `a readable ${what} file (YAML or JSON)`, why)], `Cannot read ${what} file`);
  }
}

/**
 * Reads a scenario file (YAML, or JSON for a `.json` file). An empirical spread may name a CSV
 * file of observed durations, `{ empirical: { file: "times.csv", unit: "min" } }`, read relative
 * to the scenario file (see `resolveEmpiricalFiles`).
 *
 * @param path - the file's path
 * @returns the scenario
 * @throws {ScenarioError} when the file cannot be read or is not a valid scenario
 * @example
 * ```ts
 * const s = readScenarioFile("examples/scenarios/small-town.yaml");
 * s.teams.length > 0; //=> true
 * ```
 */
export function readScenarioFile(path: string): Scenario {
  const text = readText(path, "scenario");
  // the same reading (depth, duplicate keys, byte-order mark) as parseScenarioText
  const data = readScenarioData(text, extname(path).toLowerCase() === ".json" ? "json" : "yaml", "scenario", scenarioInputSchema);
  // empirical spreads may name CSV files of observations, relative to the scenario file
  const { issues } = resolveEmpiricalFiles(data, dirname(path));
  if (issues.length > 0) throw new ScenarioError(issues);
  return parseScenario(data);
}

/**
 * Reads a policy file (YAML or JSON; see `parsePolicy` for the format).
 *
 * @param path - the file's path
 * @returns the policy
 * @throws {ScenarioError} when the file cannot be read or is not a valid policy
 * @example
 * ```ts
 * readPolicyFile("examples/policies/hybrid.yaml").name; //=> "hybrid"
 * ```
 */
export function readPolicyFile(path: string): Policy {
  return parsePolicyText(readText(path, "policy"));
}
