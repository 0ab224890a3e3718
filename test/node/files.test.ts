import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPolicyFile, readScenarioFile } from "../../src/node.js";
import { ScenarioError } from "../../src/index.js";

const root = join(__dirname, "..", "..");

describe("reading files (helhet/node)", () => {
  it("reads the example scenario and policy", () => {
    const s = readScenarioFile(join(root, "examples/scenarios/small-town.yaml"));
    expect(s.name).toBe("small-town");
    expect(s.services.length).toBeGreaterThan(0);
    const p = readPolicyFile(join(root, "examples/policies/hybrid.yaml"));
    expect(p.caseHandling).toBe("caseOwner");
    expect(p.handlingTime.frontFactor).toBe(1.2);
  });

  it("reads JSON files as JSON", () => {
    const dir = mkdtempSync(join(tmpdir(), "helhet-"));
    const path = join(dir, "p.json");
    writeFileSync(path, JSON.stringify({ name: "j", extends: "whole" }));
    expect(readPolicyFile(path).name).toBe("j");
  });

  it("says clearly when a file is missing or broken", () => {
    expect(() => readScenarioFile("/nonexistent/x.yaml")).toThrow(ScenarioError);
    expect(() => readScenarioFile("/nonexistent/x.yaml")).toThrow(/does not exist/);
    const dir = mkdtempSync(join(tmpdir(), "helhet-"));
    const path = join(dir, "bad.yaml");
    writeFileSync(path, "name: [broken");
    expect(() => readScenarioFile(path)).toThrow(/line 1/);
  });
});
