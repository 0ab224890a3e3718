/**
 * The JSON Schema of the scenario input format, for editors (YAML language servers, VS Code)
 * and other languages. `schema/scenario.schema.json` is this, written by
 * `scripts/writeSchema.ts`. Cross-checks (team references, sums) are not in it.
 *
 * @packageDocumentation
 */
import { z } from "zod";
import { scenarioInputSchema } from "./schema.js";

/**
 * The JSON Schema (draft 2020-12) of the scenario input format, made by `z.toJSONSchema` from
 * the input schema (`io: "input"`: what users write, with units as strings).
 *
 * @returns a fresh JSON Schema object
 * @example
 * ```ts
 * scenarioJsonSchema().title; //=> "helhet scenario"
 * ```
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioInputSchema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
}
