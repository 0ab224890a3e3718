import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import {
  builtinScenarioInput,
  parseScenario,
  parseScenarioText,
  type ScenarioInput,
  ScenarioError,
  type ScenarioIssue,
} from "../../src/scenario/index.js";

/** The teaching scenario's input, changed by `edit`. */
function teachingWith(edit: (s: Record<string, any>) => void): ScenarioInput {
  const s = builtinScenarioInput("teaching") as unknown as Record<string, any>;
  edit(s);
  return s as unknown as ScenarioInput;
}

function issuesOf(input: unknown): readonly ScenarioIssue[] {
  try {
    parseScenario(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    expect(e).not.toBeInstanceOf(ZodError);
    return (e as ScenarioError).issues;
  }
  throw new Error("expected a ScenarioError");
}

function onlyIssue(edit: (s: Record<string, any>) => void): ScenarioIssue {
  const issues = issuesOf(teachingWith(edit));
  expect(issues.map((i) => i.message)).toHaveLength(1);
  return issues[0] as ScenarioIssue;
}

describe("error messages name the path, the value and what was expected", () => {
  it.each<[string, (s: Record<string, any>) => void, string, unknown, RegExp, RegExp?]>([
    ["metres for minutes", (s) => (s.services[1].steps[0].work.mean = "45m"), "services[1].steps[0].work.mean", "45m", /duration/, /Did you mean "45 min"\?/],
    ["unknown unit", (s) => (s.horizon = "3 d"), "horizon", "3 d", /duration/, /Did you mean "3 days"\?/],
    ["bare number for a duration", (s) => (s.services[0].expectation = 3), "services[0].expectation", 3, /duration/, /bare number.*"3 min"/],
    ["wrong kind of unit", (s) => (s.services[0].frontWork.mean = "5 kg"), "services[0].frontWork.mean", "5 kg", /duration/, /a mass/],
    ["duration for a rate", (s) => (s.services[0].arrivals = "4000 year"), "services[0].arrivals", "4000 year", /rate/, /Did you mean "4000 \/ year"\?/],
    ["bare number for a rate", (s) => (s.services[0].arrivals = 4000), "services[0].arrivals", 4000, /rate/, /"4000 \/ week"/],
    ["negative duration", (s) => (s.drain = "-1 week"), "drain", "-1 week", /duration/, /negative/],
    ["zero where positive", (s) => (s.services[1].steps[1].work.mean = "0 min"), "services[1].steps[1].work.mean", "0 min", /positive/, /zero/],
    ["fractional staff", (s) => (s.teams[0].staff = 1.5), "teams[0].staff", 1.5, /whole number from 1 to 100,000/],
    ["zero staff", (s) => (s.teams[1].staff = 0), "teams[1].staff", 0, /whole number from 1 to 100,000/],
    ["share above 1", (s) => (s.services[1].caseShare = 1.2), "services[1].caseShare", 1.2, /from 0 to 1/],
    ["negative cv", (s) => (s.services[0].frontWork.cv = -0.5), "services[0].frontWork.cv", -0.5, /from 0 \(always the mean\) to 1e150/],
    ["NaN", (s) => (s.services[0].informationQuality = Number.NaN), "services[0].informationQuality", Number.NaN, /from 0 to 1/],
    ["Infinity", (s) => (s.costPerStaffHour = Number.POSITIVE_INFINITY), "costPerStaffHour", Number.POSITIVE_INFINITY, /from 0 to 1,000,000,000/],
    ["demandTypes 0", (s) => (s.services[0].demandTypes = 0), "services[0].demandTypes", 0, /whole number from 1 to 1,000,000/],
    // issue 14, D6: a billion demand types passed validation, then a run went past 900 MB
    ["demandTypes 1e9", (s) => (s.services[0].demandTypes = 1e9), "services[0].demandTypes", 1e9, /whole number from 1 to 1,000,000/],
    ["unknown role", (s) => (s.teams[1].role = "backOffice"), "teams[1].role", "backOffice", /front, caseWork/],
    ["unknown channel", (s) => (s.teams[0].channels = ["phone", "visit", "email", "fax"]), "teams[0].channels[3]", "fax", /phone, visit, email, eform/],
    ["bad hours", (s) => (s.teams[0].hours = "Mon-Fry 09:00-12:00"), "teams[0].hours", "Mon-Fry 09:00-12:00", /opening hours/, /Did you mean "Fri"\?/],
    ["bad hours in a list", (s) => (s.teams[2].hours = ["Tue 09:00-12:00", "Thu 10-12"]), "teams[2].hours[1]", "Thu 10-12", /opening hours/],
    ["empty hours", (s) => (s.teams[1].hours = []), "teams[1].hours", [], /opening hours/],
    ["missing hours", (s) => delete s.teams[1].hours, "teams[1].hours", undefined, /opening hours/],
    ["profile of the wrong length", (s) => (s.services[0].profile = { byDay: [1, 1, 1] }), "services[0].profile.byDay", [1, 1, 1], /7 weights/],
    ["negative profile weight", (s) => (s.services[0].profile = { byMonth: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1] }), "services[0].profile.byMonth[11]", -1, /a weight ≥ 0/],
    ["all-zero profile", (s) => (s.services[0].profile = { byHour: Array(24).fill(0) }), "services[0].profile.byHour", Array(24).fill(0), /not all zero/, /all zero/],
    ["wrong type", (s) => (s.population = "8000"), "population", "8000", /whole number/],
    ["bad id", (s) => (s.services[0].id = "2nd service"), "services[0].id", "2nd service", /an id/],
    ["warm-up longer than the horizon", (s) => (s.warmup = "60 weeks"), "warmup", "60 weeks", /shorter than the horizon/],
    ["citizen default overridden badly", (s) => (s.citizens = { chaseRate: "0.5 per week" }), "citizens.chaseRate", "0.5 per week", /rate/, /Did you mean "0.5 \/ week"\?/],
  ])("%s", (_what, edit, path, value, expected, note) => {
    const issue = onlyIssue(edit);
    expect(issue.path).toBe(path);
    expect(issue.value).toEqual(value);
    expect(issue.expected).toMatch(expected);
    expect(issue.message.startsWith(`${path}: `)).toBe(true);
    expect(issue.message).toContain("expected");
    if (note !== undefined) expect(issue.message).toMatch(note);
  });

  it('says "missing" for a missing required field', () => {
    const issue = onlyIssue((s) => delete s.services[0].channelMix);
    expect(issue.message).toMatch(/^services\[0\]\.channelMix: missing; expected a channel mix/);
  });

  it("rejects a non-object scenario", () => {
    const [issue] = issuesOf(42);
    expect(issue?.path).toBe("");
    expect(issue?.message).toMatch(/got 42; expected a scenario object/);
  });
});

describe("unknown keys", () => {
  it.each<[string, (s: Record<string, any>) => void, string, string | undefined]>([
    ["top level", (s) => (s.horizn = "52 weeks"), "horizn", "horizon"],
    ["in a team", (s) => (s.teams[0].stafff = 2), "teams[0].stafff", "staff"],
    ["in a service", (s) => (s.services[0].chanelMix = {}), "services[0].chanelMix", "channelMix"],
    ["in a step", (s) => (s.services[1].steps[0].specalist = true), "services[1].steps[0].specalist", "specialist"],
    ["in a spread", (s) => (s.services[0].frontWork.mena = "5 min"), "services[0].frontWork.mena", "mean"],
    ["in a channel mix", (s) => (s.services[0].channelMix.emial = 0), "services[0].channelMix.emial", "email"],
    ["in citizens", (s) => (s.citizens = { redialProbabilty: 0.5 }), "citizens.redialProbabilty", "redialProbability"],
    ["model name instead of input name", (s) => (s.mechanisms = { misrouteMinutes: "5 min" }), "mechanisms.misrouteMinutes", "misrouteWork"],
    ["model name with Minutes", (s) => (s.horizonMinutes = 1000), "horizonMinutes", "horizon"],
    ["nothing close", (s) => (s.teams[0].colour = "blue"), "teams[0].colour", undefined],
  ])("%s", (_what, edit, path, suggestion) => {
    const issue = onlyIssue(edit);
    expect(issue.path).toBe(path);
    expect(issue.message).toMatch(/unknown key/);
    expect(issue.expected).toMatch(/^one of the keys /);
    if (suggestion === undefined) expect(issue.message).not.toMatch(/Did you mean/);
    else expect(issue.message).toContain(`Did you mean "${suggestion}"?`);
  });
});

describe("cross-checks", () => {
  it("finds a step team that does not exist and suggests the closest", () => {
    const issue = onlyIssue((s) => (s.services[1].steps[0].team = "oficers"));
    expect(issue.path).toBe("services[1].steps[0].team");
    expect(issue.value).toBe("oficers");
    expect(issue.expected).toBe("the id of a team (desk, officers, expert)");
    expect(issue.message).toContain('Did you mean "officers"?');
  });

  it("finds a back office that does not exist", () => {
    expect(onlyIssue((s) => (s.services[0].backOffice = "admin")).path).toBe("services[0].backOffice");
  });

  it("finds duplicate ids", () => {
    // the expert team is gone too, so its step reference is reported as well
    const issues = issuesOf(teachingWith((s) => (s.teams[2].id = "desk")));
    expect(issues.map((i) => i.path)).toEqual(["teams[2].id", "services[1].steps[2].team"]);
    expect(issues[0]?.message).toMatch(/^teams\[2\]\.id: got "desk"; expected an id not used by another team\. teams\[0\] has the same id/);
    expect(onlyIssue((s) => (s.services[1].id = "questions")).path).toBe("services[1].id");
    expect(onlyIssue((s) => (s.services[1].steps[3].id = "intake")).path).toBe("services[1].steps[3].id");
  });

  it("checks that a channel mix sums to 1", () => {
    const issue = onlyIssue((s) => (s.services[0].channelMix = { phone: 0.5, visit: 0.2, email: 0.2 }));
    expect(issue.path).toBe("services[0].channelMix");
    expect(issue.expected).toBe("shares that sum to 1");
    expect(issue.message).toContain("They sum to 0.9");
  });

  it("accepts a sum within 1e-6", () => {
    expect(() => parseScenario(teachingWith((s) => (s.services[0].channelMix = { phone: 0.6, visit: 0.15, email: 0.2, eform: 0.0500005 })))).not.toThrow();
  });

  it("checks that every channel used is answered by a front team (e-forms excepted)", () => {
    const visits = issuesOf(teachingWith((s) => (s.teams[0].channels = ["phone", "email"])));
    expect(visits.map((i) => i.path)).toEqual(["services[0].channelMix.visit", "services[1].channelMix.visit"]);
    expect(visits[0]?.message).toContain('No team with role front lists "visit"');
    const issues = issuesOf(teachingWith((s) => (s.teams[0].channels = ["phone", "visit"])));
    expect(issues.map((i) => i.path)).toEqual(["services[0].channelMix.email", "services[1].channelMix.email"]);
  });

  it("checks channels against roles", () => {
    expect(onlyIssue((s) => (s.teams[1].channels = ["phone"])).message).toMatch(/only front teams answer channels/);
    expect(onlyIssue((s) => (s.teams[0].channels = ["phone", "visit", "email", "phone"])).message).toMatch(/"phone" is listed twice/);
    const issues = issuesOf(teachingWith((s) => (s.teams[0].channels = [])));
    expect(issues[0]?.path).toBe("teams[0].channels");
  });

  it("requires steps when cases exist", () => {
    const issue = onlyIssue((s) => (s.services[1].steps = []));
    expect(issue.path).toBe("services[1].steps");
    expect(issue.expected).toMatch(/at least one step when caseShare > 0/);
  });
});

describe("all problems at once", () => {
  const input = teachingWith((s) => {
    s.horizon = "52 wk";
    s.teams[0].staff = 0;
    s.teams[1].hours = "Mon-Fri 8-16";
    s.services[0].arrivals = "4000 per year";
    s.services[0].channelMix = { phone: 0.7, visit: 0.15, email: 0.2, eform: 0.05 };
    s.services[1].steps[2].team = "experts";
    s.services[1].backOffice = "officer";
    s.services[1].steps[0].work.mean = "20m";
    s.citizens = { giveUpProbability: 2, chaseRat: "1 / week" };
  });

  it("collects every problem in one ScenarioError", () => {
    const paths = issuesOf(input).map((i) => i.path);
    expect(paths).toEqual([
      "horizon",
      "teams[0].staff",
      "teams[1].hours",
      "services[0].arrivals",
      "services[1].steps[0].work.mean",
      "citizens.giveUpProbability",
      "citizens.chaseRat",
      "services[0].channelMix",
      "services[1].backOffice",
      "services[1].steps[2].team",
    ]);
  });

  it("lists every issue on its own line of the message", () => {
    try {
      parseScenario(input);
    } catch (e) {
      const err = e as ScenarioError;
      const lines = err.message.split("\n");
      expect(lines[0]).toBe("Invalid scenario (10 problems):");
      expect(lines.slice(1)).toEqual(err.issues.map((i) => `  - ${i.message}`));
      expect(err.name).toBe("ScenarioError");
    }
  });
});

describe("broken text", () => {
  it("reports broken YAML with line and column, not a stack trace", () => {
    try {
      parseScenarioText("name: teaching\nteams: [\n  - id: desk\npopulation: 3\npopulation: 4\n");
      throw new Error("expected a ScenarioError");
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      const err = e as ScenarioError;
      expect(err.message.split("\n")[0]).toMatch(/^Broken YAML/);
      for (const i of err.issues) {
        expect(i.path).toMatch(/^line \d+, column \d+$/);
        expect(i.expected).toBe("valid YAML");
      }
      expect(err.issues.some((i) => /unique/.test(i.message))).toBe(true);
    }
  });

  it("reports a YAML tab indentation error with its line", () => {
    expect(() => parseScenarioText("name: x\n\tpopulation: 3\n")).toThrow(/line 2, column 1/);
  });

  it("reports broken JSON with line and column", () => {
    try {
      parseScenarioText('{\n  "name": "x",\n}', "json");
      throw new Error("expected a ScenarioError");
    } catch (e) {
      const issue = (e as ScenarioError).issues[0];
      expect(issue?.path).toBe("line 3, column 1");
      expect(issue?.expected).toBe("valid JSON");
    }
  });

  it("reports problems in valid YAML with paths as for objects", () => {
    expect(() => parseScenarioText("name: x\npopulation: 10\ncostPerStaffHour: 1\nteams: []\nservices: []\n")).toThrow(
      /teams: got \[\]; expected a list of at least one team/,
    );
  });
});

describe("deeply nested YAML", () => {
  it("is refused at the deep point, before aliases are expanded (a few levels are all a scenario needs)", () => {
    const deep = `name: x\nextra: ${"{a: ".repeat(3000)}1${"}".repeat(3000)}\n`;
    const t0 = performance.now();
    let err: unknown;
    try {
      parseScenarioText(deep);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ScenarioError);
    expect((err as ScenarioError).message).toMatch(/^Broken YAML/);
    // the parser's own stack gives out first on a small stack; with a large one the depth check does
    expect((err as ScenarioError).issues[0]?.message).toMatch(/line 2, column \d+.*(nested more than 100 levels deep|Maximum call stack size exceeded)/);
    expect(performance.now() - t0).toBeLessThan(5000);
    const deeper = `name: x\nextra: ${"{a: ".repeat(150)}1${"}".repeat(150)}\n`;
    expect(() => parseScenarioText(deeper)).toThrow(/line 2, column \d+.*nested more than 100 levels deep/);
    // 100 levels still read (and are then refused by the schema as an unknown key, not as broken YAML)
    const ok = `name: x\nextra: ${"{a: ".repeat(99)}1${"}".repeat(99)}\n`;
    expect(() => parseScenarioText(ok)).toThrow(/^Invalid scenario/);
  });
});
