/**
 * The one check of a scenario in the input format: nesting depth, then the schema (shapes,
 * ranges, units, hours) and the cross-checks (references, sums, run lengths), every problem
 * collected. `parseScenario` (files, text, objects) and `validateScenario` (scenarios built or
 * changed in code, sweeps) both go through it, so they refuse the same values with the same
 * messages.
 *
 * @packageDocumentation
 */
import { crossCheck } from "./crossCheck.js";
import { depthProblem } from "./depth.js";
import type { ScenarioIssue } from "./errors.js";
import { scenarioInputSchema, type ParsedInput } from "./schema.js";
import { fromZodIssues } from "./zodIssues.js";

/**
 * Checks a scenario in the input format.
 *
 * @param input - anything
 * @returns every problem found, and the schema's output when there is none
 * @example
 * ```ts
 * inputIssues({ name: "x" }).issues.map((i) => i.path); //=> ["population", "costPerStaffHour", "teams", "services"]
 * ```
 */
export function inputIssues(input: unknown): { readonly issues: ScenarioIssue[]; readonly data?: ParsedInput } {
  const deep = depthProblem(input, scenarioInputSchema);
  if (deep !== undefined) return { issues: [deep] };
  const result = scenarioInputSchema.safeParse(input);
  const issues: ScenarioIssue[] = result.success ? [] : fromZodIssues(result.error.issues, input, scenarioInputSchema);
  const seen = new Set(issues.map((i) => i.message));
  for (const i of crossCheck(input)) if (!seen.has(i.message)) issues.push(i);
  return issues.length > 0 || !result.success ? { issues } : { issues, data: result.data };
}
