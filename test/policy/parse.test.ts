import { describe, expect, it } from "vitest";
import { parsePolicy, parsePolicyText, policies, ScenarioError, validatePolicy, type ScenarioIssue } from "../../src/index.js";

function problems(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).message;
  }
  throw new Error("expected an error");
}

describe("policies as data", () => {
  it("builds a hybrid from a preset, changing only what is given", () => {
    const p = parsePolicy({ name: "owner with targets", extends: "minutes", caseHandling: "caseOwner", batching: { every: "none" } });
    expect(p).toEqual({
      ...policies.minutes,
      name: "owner with targets",
      description: expect.stringContaining("changed: caseHandling, batching"),
      caseHandling: "caseOwner",
      batching: { everyMinutes: null, byRole: policies.minutes.batching.byRole, steps: {} },
    });
  });

  it("reads units and none", () => {
    const p = parsePolicyText(
      ["name: custom", "extends: whole", "handlingTime: { front: 6 min, cutShortProbability: 0.3 }", "batching: { every: 1 day, byRole: { meeting: 2 weeks }, steps: { buildingPermit.decision: none } }"].join("\n"),
    );
    expect(p.handlingTime.frontMinutes).toBe(6);
    expect(p.handlingTime.stepFactor).toBeNull();
    expect(p.batching).toEqual({ everyMinutes: 1440, byRole: { meeting: 20160 }, steps: { "buildingPermit.decision": null } });
  });

  it("round-trips the presets when every choice is given", () => {
    const full = {
      name: "minutes",
      description: policies.minutes.description,
      frontOffice: { scope: "logAndPass", skillCoverage: 0.3 },
      handlingTime: { front: "none", frontFactor: 1.2, stepFactor: 1.2, cutShortProbability: 0.5 },
      caseHandling: "handoffs",
      batching: { every: "1 week", byRole: { meeting: "4 weeks" }, steps: {} },
      progressInformation: "none",
      closure: "targetDriven",
      completenessCheck: "backOfficeLetter",
      activityMeasure: "casesClosed",
      consultPriority: "queue",
      ownership: "personal",
    };
    expect(parsePolicy(full)).toEqual(policies.minutes);
  });

  it("names every problem with its path, value and expectation", () => {
    const m = problems(() => parsePolicy({ name: "bad", extends: "minutes", frontOffice: { skillCoverage: 1.5 }, caseHandling: "owner", batching: { every: "5m" }, colour: "red" }));
    expect(m).toContain("Invalid policy");
    expect(m).toContain("frontOffice.skillCoverage");
    expect(m).toContain("1.5");
    expect(m).toContain("caseHandling");
    expect(m).toContain('"owner"');
    expect(m).toContain("batching.every");
    expect(m).toContain("colour");
  });

  it("asks for every choice, or a preset to start from", () => {
    const m = problems(() => parsePolicy({ name: "half", caseHandling: "caseOwner" }));
    expect(m).toContain("frontOffice: missing");
    expect(m).toContain("extends: minutes");
  });

  it("checks policies built in code", () => {
    const m = problems(() => validatePolicy({ ...policies.whole, frontOffice: { scope: "resolve", skillCoverage: -1 }, batching: { ...policies.whole.batching, everyMinutes: 0 } }));
    expect(m).toContain("frontOffice.skillCoverage: got -1; expected a number from 0 to 1");
    expect(m).toContain("batching.everyMinutes");
    expect(validatePolicy(policies.minutes)).toBe(policies.minutes);
  });

  it("reports broken YAML with its line", () => {
    expect(problems(() => parsePolicyText("name: [oops"))).toMatch(/line 1/);
  });

  it("reads YAML as scenario files are read: at most 20 issues and a count, NUL refused", () => {
    // a policy file broken on every line: 20 issues with their lines, then how many more
    const broken = Array.from({ length: 2_000 }, () => "]").join("\n");
    let issues: readonly ScenarioIssue[] = [];
    try {
      parsePolicyText(`name: p\nextends: whole\n${broken}`);
    } catch (e) {
      issues = (e as ScenarioError).issues;
    }
    expect(issues).toHaveLength(21);
    expect(issues[0]!.path).toMatch(/^line 3, column 1$/);
    expect(issues[20]!.message).toMatch(/more errors from here on/);
    expect(problems(() => parsePolicyText("name: p\nextends: whole\ncaseHandling: \u0000caseOwner"))).toMatch(/line 3, column 15.*NUL byte/s);
  });
});
