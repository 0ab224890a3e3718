import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinScenarioInput, loadScenario, parseScenario, parseScenarioText, ScenarioError } from "../../src/scenario/index.js";

const DOC = readFileSync(join(__dirname, "..", "..", "docs", "scenario-format.md"), "utf8");

function blockAfter(heading: string, lang: string): string {
  const at = DOC.indexOf(heading);
  expect(at, heading).toBeGreaterThanOrEqual(0);
  const m = new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(DOC.slice(at));
  expect(m, `${lang} block after ${heading}`).not.toBeNull();
  return (m as RegExpExecArray)[1] as string;
}

describe("docs/scenario-format.md", () => {
  it("has a full example that reads as the teaching scenario", () => {
    expect(parseScenarioText(blockAfter("## Full example", "yaml"))).toEqual(loadScenario("teaching"));
  });

  it("shows error messages as they are", () => {
    const input = builtinScenarioInput("teaching") as unknown as Record<string, any>;
    input["horizon"] = "52 wk";
    input["teams"][0].staff = 0;
    input["services"][1].steps[0].work.mean = "20m";
    input["services"][1].steps[2].team = "experts";
    try {
      parseScenario(input);
      throw new Error("expected a ScenarioError");
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      expect(blockAfter("## Errors", "")).toBe(`${(e as ScenarioError).message}\n`);
    }
  });
});
