import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPolicyFile, readScenarioFile } from "../../src/node.js";
import { resolveEmpiricalFiles } from "../../src/node/empiricalFiles.js";
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

describe("empirical spreads from CSV files (helhet/node)", () => {
  /** A one-service scenario whose front work and phone patience are read from files in `dir`. */
  function scenarioWith(dir: string, frontWork: unknown, phonePatience: unknown = { mean: "3 min", cv: 1 }): string {
    const path = join(dir, "s.json");
    writeFileSync(
      path,
      JSON.stringify({
        name: "csv",
        population: 100,
        costPerStaffHour: 1,
        teams: [{ id: "desk", role: "front", staff: 1, hours: "always", channels: ["phone"] }],
        services: [{
          id: "q", arrivals: "10 / week", demandTypes: 1, frontResolvableShare: 1, caseShare: 0,
          frontWork, backOfficeWork: { mean: "5 min", cv: 1 }, backOffice: "desk",
          informationQuality: 1, channelMix: { phone: 1 }, expectation: "1 week",
        }],
        citizens: { phonePatience },
      }),
    );
    return path;
  }

  it("reads observed durations with units, or bare numbers in the spread's unit, relative to the scenario file", () => {
    const dir = mkdtempSync(join(tmpdir(), "helhet-"));
    writeFileSync(join(dir, "units.csv"), "duration,note\n12 min,a\n1.5 hours,b\n\n45 s,c\n");
    writeFileSync(join(dir, "bare.csv"), "minutes;other\r\n12,5;x\r\n7;y\r\n60;z\r\n");
    const s = readScenarioFile(scenarioWith(dir, { empirical: { file: "units.csv" } }, { empirical: { file: "bare.csv", unit: "min" } }));
    expect(s.services[0]?.frontWork).toMatchObject({ family: "empirical", values: [12, 90, 0.75] });
    expect(s.citizens.phonePatience).toMatchObject({ family: "empirical", values: [12.5, 7, 60] });
    expect(s.citizens.phonePatience.mean).toBeCloseTo(79.5 / 3, 12);
  });

  it("names the field, the file and the first bad rows", () => {
    const dir = mkdtempSync(join(tmpdir(), "helhet-"));
    writeFileSync(join(dir, "bad.csv"), "12 min\n7m\n12\nabc\n");
    const read = () => readScenarioFile(scenarioWith(dir, { empirical: { file: "bad.csv" } }, { empirical: { file: "missing.csv" } }));
    expect(read).toThrow(ScenarioError);
    try {
      read();
    } catch (e) {
      const issues = (e as ScenarioError).issues;
      expect(issues.map((i) => i.path)).toEqual(["services[0].frontWork.empirical.file", "citizens.phonePatience.empirical.file"]);
      expect(issues[0]?.value).toBe("bad.csv");
      expect(issues[0]?.message).toMatch(/Line 2: "7m" is not a duration.*Did you mean "7 min"\?; Line 3: "12" has no unit.*; Line 4: "abc" is not a duration/);
      expect(issues[1]?.message).toMatch(/The file missing.csv \(.*missing.csv\) does not exist/);
    }
  });

  it("walks a value nested 100,000 deep in steps, not in copies of its path (the fuzz test found 72 s for one file)", () => {
    const dir = mkdtempSync(join(tmpdir(), "helhet-"));
    const file = join(dir, "deep.json");
    // the walk reaches the deepest value; the scenario's own checks then refuse it by its field
    writeFileSync(file, `{"name": ${"[".repeat(100_000)}1${"]".repeat(100_000)}}`);
    expect(() => readScenarioFile(file)).toThrow(/name: .*nested at most 100 levels deep/);
    const { issues } = resolveEmpiricalFiles({ a: [[[{ b: { empirical: { file: "none.csv" } } }]]] }, dir);
    expect(issues.map((i) => i.path)).toEqual(["a[0][0][0].b.empirical.file"]);
  });
});
