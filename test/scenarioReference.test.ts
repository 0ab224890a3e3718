import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scenarioReference } from "../scripts/writeScenarioReference.js";

describe("docs/scenario-reference.md", () => {
  it("is generated from the schema and up to date (npx tsx scripts/writeScenarioReference.ts)", () => {
    expect(readFileSync(join(__dirname, "..", "docs", "scenario-reference.md"), "utf8")).toBe(scenarioReference());
  });
});
