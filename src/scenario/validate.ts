/**
 * `validateScenario`: the check of a scenario in the model's form (built or changed in code, or
 * a sweep's value written into a scenario), by the same rules and with the same messages as a
 * file: it is written back into the input format and read by the one input check
 * (`inputIssues`), then compared field by field with the scenario that reading gives, so that
 * no field the model needs is missing. A scenario straight from `parseScenario` is known to be
 * valid (and is frozen) and is not checked again.
 *
 * @packageDocumentation
 */
import { buildScenario, isParsedScenario } from "./build.js";
import { formatPath, makeIssue, ScenarioError, type ScenarioIssue } from "./errors.js";
import { inputIssues } from "./inputIssues.js";
import { scenarioToInput } from "./serialize.js";
import type { Scenario } from "./types.js";

type Raw = Readonly<Record<string, unknown>>;

function isRecord(x: unknown): x is Raw {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

const PARSED = "a parsed scenario (from loadScenario, parseScenario or parseScenarioText)";

/**
 * Checks a scenario in the model's form and returns it: the same rules as for a scenario file
 * (ranges, units, references, sums), and every field of the `Scenario` type present. Problems
 * are named by their place in the input format (`services[0].arrivals`, not
 * `arrivalsPerMinute`), as a file would have them; docs/scenario-format.md lists the names.
 *
 * @param scenario - a scenario, e.g. a parsed one changed with a spread
 * @returns the same scenario
 * @throws {ScenarioError} listing every problem; for anything that is not a scenario in the
 *   model's form (e.g. the input format, which `parseScenario` reads), one issue saying so
 * @example
 * ```ts
 * const s = loadScenario("teaching");
 * validateScenario({ ...s, population: 0 });
 * //=> throws ScenarioError "Invalid scenario (1 problem):
 * //     - population: got 0; expected a whole number ≥ 1"
 * ```
 */
export function validateScenario(scenario: unknown): Scenario {
  if (isParsedScenario(scenario)) return scenario;
  if (!isRecord(scenario) || !("horizonMinutes" in scenario)) throw notParsed(scenario);
  const checked = inputIssues(scenarioToInput(scenario as unknown as Scenario));
  if (checked.issues.length > 0 || checked.data === undefined) throw new ScenarioError(checked.issues);
  const missing: ScenarioIssue[] = [];
  shapeIssues(scenario, buildScenario(checked.data), [], missing);
  if (missing.length > 0) throw new ScenarioError(missing);
  return scenario as unknown as Scenario;
}

function notParsed(value: unknown): ScenarioError {
  const inputLike = isRecord(value) && ["name", "teams", "services", "population", "horizon"].some((k) => k in value);
  const issue = inputLike
    ? makeIssue("", value, PARSED, "This is the input format, as written in a file: read it with parseScenario (or loadScenario) first", "got a scenario in the input format")
    : makeIssue("", value, PARSED);
  return new ScenarioError([issue]);
}

function kindOf(x: unknown): string {
  return x === null ? "null" : Array.isArray(x) ? "a list" : typeof x === "object" ? "an object" : `a ${typeof x}`;
}

/**
 * Reports every field of `model` (the scenario read back) that `given` lacks or holds as another
 * kind of value (a list for an object, null for a spread).
 */
function shapeIssues(given: unknown, model: unknown, path: (string | number)[], out: ScenarioIssue[]): void {
  if (out.length >= 20) return;
  if (kindOf(given) !== kindOf(model)) {
    const expected = given === undefined ? "a value: a scenario built in code needs every field of the Scenario type (parseScenario fills in the defaults)" : kindOf(model);
    out.push(makeIssue(formatPath(path), given, expected));
    return;
  }
  if (Array.isArray(model)) model.forEach((m: unknown, i) => shapeIssues((given as unknown[])[i], m, [...path, i], out));
  else if (isRecord(model)) for (const [k, m] of Object.entries(model)) shapeIssues((given as Raw)[k], m, [...path, k], out);
}
