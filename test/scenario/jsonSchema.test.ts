import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scenarioJsonSchema } from "../../src/scenario/index.js";

const FILE = join(__dirname, "..", "..", "schema", "scenario.schema.json");

describe("JSON Schema of the input format", () => {
  it("is up to date in schema/scenario.schema.json (run: npx tsx scripts/writeSchema.ts)", () => {
    const committed = readFileSync(FILE, "utf8");
    expect(committed).toBe(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  });

  it("describes what users write: units as strings, unknown keys forbidden, optional parts not required", () => {
    const schema = scenarioJsonSchema() as {
      title: string;
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { type?: string; items?: { properties: Record<string, { type?: string }> } }>;
    };
    expect(schema.title).toBe("helhet scenario");
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(["name", "population", "costPerStaffHour", "teams", "services"]);
    expect(schema.properties["horizon"]?.type).toBe("string");
    expect(schema.properties["services"]?.items?.properties["arrivals"]?.type).toBe("string");
  });

  it("returns a fresh object each time", () => {
    const a = scenarioJsonSchema();
    a["title"] = "changed";
    expect(scenarioJsonSchema()["title"]).toBe("helhet scenario");
  });
});
