/**
 * The built-in scenarios, by name. They are written in the input format (see `builtin/`) and
 * read through the same validation as user scenarios.
 *
 * @packageDocumentation
 */
import { soderhamnScenario } from "./builtin/soderhamn.js";
import { standardWorkScenario } from "./builtin/standardWork.js";
import { teachingScenario } from "./builtin/teaching.js";
import { makeIssue, ScenarioError } from "./errors.js";
import type { ScenarioInput } from "./schema.js";
import { didYouMean } from "./suggest.js";

const BUILTINS: ReadonlyArray<ScenarioInput> = [soderhamnScenario, teachingScenario, standardWorkScenario];

/**
 * The names and descriptions of the built-in scenarios.
 *
 * @returns one entry per built-in scenario
 * @example
 * ```ts
 * builtinScenarios().map((s) => s.name); //=> ["soderhamn", "teaching", "standard-work"]
 * ```
 */
export function builtinScenarios(): ReadonlyArray<{ name: string; description: string }> {
  return BUILTINS.map((s) => ({ name: s.name, description: s.description ?? "" }));
}

/**
 * A built-in scenario in the input format (units and readable hours), for example to save it as
 * YAML and edit it. A deep copy: changing it does not change the built-in.
 *
 * @param name - a name from {@link builtinScenarios}
 * @returns the scenario input
 * @throws {ScenarioError} for an unknown name, suggesting the closest one
 * @example
 * ```ts
 * builtinScenarioInput("teaching").teams.length; //=> 3
 * ```
 */
export function builtinScenarioInput(name: string): ScenarioInput {
  const found = BUILTINS.find((s) => s.name === name);
  if (found === undefined) {
    const names = BUILTINS.map((s) => s.name);
    throw new ScenarioError([makeIssue("", name, `a built-in scenario name (${names.join(", ")})`, didYouMean(name, names))], "Unknown scenario");
  }
  return structuredClone(found);
}
