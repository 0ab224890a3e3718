/**
 * A scenario as a commented YAML file to start one's own from: the input format with units
 * (as a built-in is written), a header saying where it came from and how to check it, and each
 * top-level field introduced by its description from the JSON Schema.
 *
 * @packageDocumentation
 */
import { Document, isPair, isScalar, type YAMLMap } from "yaml";
import { scenarioJsonSchema } from "./jsonSchema.js";
import type { ScenarioInput } from "./schema.js";

/**
 * The YAML text of a scenario in the input format, with comments.
 *
 * @param input - the scenario in the input format (e.g. `builtinScenarioInput("teaching")`)
 * @returns YAML that `parseScenarioText` reads back to the same scenario
 * @example
 * ```ts
 * const text = scenarioYaml(builtinScenarioInput("teaching"));
 * parseScenarioText(text).name; //=> "teaching"
 * ```
 */
export function scenarioYaml(input: ScenarioInput): string {
  const properties = (scenarioJsonSchema()["properties"] ?? {}) as Record<string, { description?: string }>;
  const doc = new Document(input, { keepUndefined: false });
  doc.commentBefore = [
    ` Scenario "${input.name}" for helhet. Edit it and check it with: helhet validate FILE`,
    " Durations and rates take units (\"45 min\", \"300 / year\"); values marked GUESS are estimates.",
    " Every field: docs/scenario-format.md and docs/scenario-reference.md of the helhet package.",
  ].join("\n");
  const map = doc.contents as YAMLMap;
  for (const item of map.items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    const description = properties[String(item.key.value)]?.description;
    if (description !== undefined) (item.key as { commentBefore?: string }).commentBefore = ` ${description.replace(/\n/g, " ")}`;
  }
  return doc.toString({ lineWidth: 0 });
}
