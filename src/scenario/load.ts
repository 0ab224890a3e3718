/**
 * One entry point for "give me a scenario": a built-in by name, a scenario object, or YAML/JSON
 * text.
 *
 * @packageDocumentation
 */
import { builtinScenarioInput } from "./builtins.js";
import { parseScenario, parseScenarioText } from "./parse.js";
import type { Scenario } from "./types.js";

/**
 * Loads a scenario: a string that looks like a name (letters, digits, "-", "_") is a built-in
 * scenario; any other string is read as YAML or JSON text; an object is parsed as the input
 * format. (Reading files is the caller's job: the core runs in a browser.)
 *
 * @param nameOrObject - "soderhamn", "teaching", "standard-work", scenario text, or a scenario object
 * @returns the scenario
 * @throws {ScenarioError} for an unknown built-in name (with a suggestion) or any problem in the scenario
 * @example
 * ```ts
 * loadScenario("teaching").teams.map((t) => t.id); //=> ["desk", "officers", "expert"]
 * ```
 */
export function loadScenario(nameOrObject: string | object): Scenario {
  if (typeof nameOrObject !== "string") return parseScenario(nameOrObject);
  if (/^[A-Za-z0-9_-]+$/.test(nameOrObject.trim())) return parseScenario(builtinScenarioInput(nameOrObject.trim()));
  return parseScenarioText(nameOrObject);
}
