/**
 * Writes schema/scenario.schema.json: the JSON Schema of the scenario input format, generated
 * from the zod input schema. Run after changing the format:
 *
 *     npx tsx scripts/writeSchema.ts
 *
 * test/scenario/jsonSchema.test.ts fails when the committed file is out of date.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { scenarioJsonSchema } from "../src/scenario/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const path = join(root, "schema", "scenario.schema.json");
writeFileSync(path, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path}`);
