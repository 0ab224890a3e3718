// Distribution families of a scenario spread: how each form is read, refused and written back,
// the distributions the model draws from, and runs that use them (issue 13, item 6).
import { describe, expect, it } from "vitest";
import { offeredLoad } from "../../src/analysis/index.js";
import { policies } from "../../src/policy/index.js";
import { simulate } from "../../src/model/index.js";
import { builtinScenarioInput, parseScenario, ScenarioError, scenarioToInput, type Spread } from "../../src/scenario/index.js";
import { spreadDistribution } from "../../src/scenario/spreads.js";
import { expectKolmogorovSmirnov, expectMeanWithinSE } from "../helpers/expectWithinSE.js";

type Input = Record<string, any>;
const teaching = (): Input => structuredClone(builtinScenarioInput("teaching")) as Input;

/** The issues of reading the teaching scenario with its first service's frontWork set to `value`. */
function frontWorkIssues(value: unknown): { path: string; message: string; expected: string }[] {
  const input = teaching();
  input.services[0].frontWork = value;
  try {
    parseScenario(input);
    return [];
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return e.issues.map((i) => ({ path: i.path, message: i.message, expected: i.expected }));
  }
}

function frontWork(value: unknown): Spread {
  const input = teaching();
  input.services[0].frontWork = value;
  return parseScenario(input).services[0]!.frontWork;
}

describe("reading a spread's family", () => {
  it("keeps { mean, cv } as today's lognormal spread, with no family", () => {
    expect(frontWork({ mean: "8 min", cv: 0.8 })).toEqual({ mean: 8, cv: 0.8 });
    expect(frontWork({ lognormal: { mean: "8 min", cv: 0.8 } })).toEqual({ mean: 8, cv: 0.8 });
  });

  it("reads every family with units, and gives each its mean and cv", () => {
    expect(frontWork({ exponential: "10 min" })).toEqual({ family: "exponential", mean: 10, cv: 1 });
    expect(frontWork({ exponential: "2 days" })).toEqual({ family: "exponential", mean: 2880, cv: 1 });
    expect(frontWork({ gamma: { mean: "20 min", cv: 0.5 } })).toEqual({ family: "gamma", mean: 20, cv: 0.5 });
    expect(frontWork({ gamma: { shape: 4, scale: "5 min" } })).toEqual({ family: "gamma", mean: 20, cv: 0.5 });
    expect(frontWork({ deterministic: "1 hour" })).toEqual({ family: "deterministic", mean: 60, cv: 0 });
    // triangular(0, 10, 20): mean 10, variance (0 + 100 + 400 - 0 - 0 - 200) / 18 = 50/3
    const t = frontWork({ triangular: { min: "0 min", mode: "10 min", max: "20 min" } });
    expect(t).toMatchObject({ family: "triangular", min: 0, mode: 10, max: 20, mean: 10 });
    expect(t.cv).toBeCloseTo(Math.sqrt(50 / 3) / 10, 14);
    // uniform(5, 15): mean 10, sd 10 / √12
    const u = frontWork({ uniform: { min: "5 min", max: "15 min" } });
    expect(u).toMatchObject({ family: "uniform", min: 5, max: 15, mean: 10 });
    expect(u.cv).toBeCloseTo(10 / Math.sqrt(12) / 10, 14);
    // observed 12, 7, 60 minutes: mean 79/3, population variance of the three
    const e = frontWork({ empirical: ["12 min", "7 min", "1 hour"] });
    expect(e).toMatchObject({ family: "empirical", values: [12, 7, 60] });
    expect(e.mean).toBeCloseTo(79 / 3, 12);
    const variance = [12, 7, 60].reduce((a, x) => a + (x - 79 / 3) ** 2, 0) / 3;
    expect(e.cv).toBeCloseTo(Math.sqrt(variance) / (79 / 3), 12);
    expect(frontWork({ empirical: { values: [0.2, 0.1, 1], unit: "hours" } })).toMatchObject({ values: [12, 6, 60] });
  });

  it("refuses an unknown family, naming the field and the families accepted", () => {
    const [issue, ...rest] = frontWorkIssues({ weibull: "10 min" });
    expect(rest).toEqual([]);
    expect(issue?.path).toBe("services[0].frontWork.weibull");
    for (const family of ["lognormal", "exponential", "gamma", "deterministic", "triangular", "uniform", "empirical"]) expect(issue?.expected).toContain(family);
    expect(issue?.message).toMatch(/unknown key/);
    expect(frontWorkIssues({ exponentail: "10 min" })[0]?.message).toContain('Did you mean "exponential"?');
  });

  it.each<[string, unknown, string, RegExp]>([
    ["no form", {}, "services[0].frontWork", /names no family and no mean and cv/],
    ["a mean without cv", { mean: "8 min" }, "services[0].frontWork", /mean without cv/],
    ["two forms", { mean: "8 min", cv: 1, exponential: "8 min" }, "services[0].frontWork", /give one form only/],
    ["an exponential mean without unit", { exponential: 10 }, "services[0].frontWork.exponential", /A bare number has no unit/],
    ["an exponential mean in metres", { exponential: "10m" }, "services[0].frontWork.exponential", /Did you mean "10 min"/],
    ["a gamma with half its parameters", { gamma: { mean: "8 min" } }, "services[0].frontWork.gamma", /Give both mean and cv/],
    ["a gamma by both parameterisations", { gamma: { mean: "8 min", cv: 1, shape: 2 } }, "services[0].frontWork.gamma", /not both/],
    ["a gamma with cv 0", { gamma: { mean: "8 min", cv: 0 } }, "services[0].frontWork.gamma.cv", /expected a coefficient of variation from 0.001/],
    ["a triangular mode above max", { triangular: { min: "1 min", mode: "9 min", max: "5 min" } }, "services[0].frontWork.triangular.mode", /from min to max/],
    ["a uniform with max = min", { uniform: { min: "5 min", max: "5 min" } }, "services[0].frontWork.uniform.max", /above min/],
    ["an empty empirical list", { empirical: [] }, "services[0].frontWork.empirical", /The list is empty/],
    ["an empirical value without unit", { empirical: ["3 min", 12] }, "services[0].frontWork.empirical[1]", /A bare number has no unit/],
    ["an empirical value in metres", { empirical: ["3 min", "7m"] }, "services[0].frontWork.empirical[1]", /Did you mean "7 min"/],
    ["only zeros", { empirical: ["0 min", "0 s"] }, "services[0].frontWork.empirical", /Every value is 0/],
    ["values without their unit", { empirical: { values: [1, 2] } }, "services[0].frontWork.empirical.unit", /need their unit/],
    ["values in an unknown unit", { empirical: { values: [1, 2], unit: "m" } }, "services[0].frontWork.empirical.unit", /not a unit of time/],
    ["a negative value", { empirical: { values: [1, -2], unit: "min" } }, "services[0].frontWork.empirical.values[1]", /not a number ≥ 0/],
    ["a CSV file outside helhet/node", { empirical: { file: "times.csv" } }, "services[0].frontWork.empirical.file", /read when the scenario is read from a file/],
  ])("refuses %s, at the field, saying what was expected", (_what, value, path, message) => {
    const issues = frontWorkIssues(value);
    expect(issues.map((i) => i.path)).toContain(path);
    const issue = issues.find((i) => i.path === path)!;
    expect(issue.message).toMatch(message);
    expect(issue.expected.length).toBeGreaterThan(5);
  });

  it("writes every family back (scenarioToInput) so that reading it again gives the same scenario", () => {
    const input = teaching();
    const forms = [
      { exponential: "10 min" },
      { gamma: { mean: "20 min", cv: 0.5 } },
      { deterministic: "1 hour" },
      { triangular: { min: "5 min", mode: "10 min", max: "40 min" } },
      { uniform: { min: "0 min", max: "15 min" } },
      { empirical: ["12 min", "7 min", "1 hour", "7 min"] },
    ];
    input.services[0].frontWork = forms[0];
    input.services[0].backOfficeWork = forms[1];
    input.services[1].steps[0].work = forms[2];
    input.services[1].steps[1].work = forms[3];
    input.services[1].steps[1].externalWait = forms[4];
    input.services[1].steps[2].work = forms[5];
    input.citizens = { phonePatience: { exponential: "2 days" } };
    const s = parseScenario(input);
    const again = parseScenario(scenarioToInput(s));
    const spreads = (x: typeof s) => [
      ...x.services.flatMap((sv) => [sv.frontWork, sv.backOfficeWork, ...sv.steps.flatMap((st) => [st.work, st.externalWait])]),
      x.citizens.phonePatience,
    ];
    // the durations here are whole minutes, written back exactly
    expect(spreads(again)).toEqual(spreads(s));
    expect(spreads(s).filter((x) => x !== null && "family" in x).length).toBe(7);
  });
});

describe("the distribution of a spread", () => {
  it("is lognormal for { mean, cv } and each family's own otherwise, with the spread's mean", () => {
    const spreads: Spread[] = [
      { mean: 20, cv: 0.5 },
      { family: "exponential", mean: 10, cv: 1 },
      { family: "gamma", mean: 20, cv: 0.5 },
      { family: "deterministic", mean: 20, cv: 0 },
      frontWork({ triangular: { min: "5 min", mode: "10 min", max: "40 min" } }),
      frontWork({ uniform: { min: "5 min", max: "15 min" } }),
      frontWork({ empirical: ["12 min", "7 min", "1 hour"] }),
    ];
    expect(spreads.map((s) => spreadDistribution(s).kind)).toEqual(["lognormal", "exponential", "gamma", "deterministic", "triangular", "uniform", "empirical"]);
    for (const s of spreads) {
      const d = spreadDistribution(s);
      expect(d.mean).toBeCloseTo(s.mean, 12);
      expect(Math.sqrt(d.variance) / d.mean).toBeCloseTo(s.cv, 12);
    }
  });

  it("refuses a spread whose mean or cv is not its family's (e.g. a sweep over cv of an exponential spread)", () => {
    expect(() => spreadDistribution({ family: "exponential", mean: 10, cv: 0.5 })).toThrow(/cv 1 always; got cv 0.5/);
    expect(() => spreadDistribution({ family: "deterministic", mean: 10, cv: 1 })).toThrow(/cv 0 always/);
    const t = frontWork({ triangular: { min: "5 min", mode: "10 min", max: "40 min" } });
    expect(() => spreadDistribution({ ...t, mean: 30 })).toThrow(/takes its mean and cv from min, mode and max/);
    expect(() => spreadDistribution({ family: "weibull", mean: 1, cv: 1 } as unknown as Spread)).toThrow(
      /one of lognormal, exponential, gamma, deterministic, triangular, uniform, empirical; got "weibull"/,
    );
  });
});

describe("runs with other families", () => {
  /** The teaching scenario with exponential work and patience: issue 13's example. */
  function exponentialTeaching(): Input {
    const input = teaching();
    for (const sv of input.services) {
      sv.frontWork = { exponential: "10 min" };
      for (const st of sv.steps ?? []) st.work = { exponential: "10 min" };
    }
    input.citizens = { ...input.citizens, phonePatience: { exponential: "2 days" }, visitPatience: { exponential: "2 days" } };
    return input;
  }

  it("validates and runs a scenario whose work is { exponential: 10 min } and patience { exponential: 2 days }; the patience drawn is exponential with that mean", () => {
    const run = simulate(parseScenario(exponentialTeaching()), policies.whole, { seed: 3, horizon: "30 weeks", warmup: "4 weeks" });
    expect(run.needs.length).toBeGreaterThan(1000);
    expect(run.contacts.length).toBeGreaterThan(1000);
    // each need's patience was drawn once, at arrival, from the exponential of mean 2 days
    const patience = run.needs.patience;
    expectMeanWithinSE(patience, 2880, 2880 ** 2);
    expectKolmogorovSmirnov(patience, (x) => (x <= 0 ? 0 : -Math.expm1(-x / 2880)));
  });

  it("keeps common random numbers: changing a family leaves every other draw of every need where it was", () => {
    const base = parseScenario(teaching());
    const other = parseScenario(exponentialTeaching());
    const options = { seed: 5, horizon: "20 weeks", warmup: "0 weeks", journal: { every: 0 } } as const;
    const a = simulate(base, policies.minutes, options);
    const b = simulate(other, policies.minutes, options);
    // needs end differently, so compare the needs both runs recorded, by id
    const byId = (r: typeof a) => new Map(Array.from(r.needs.id, (id, i) => [id, i]));
    const ia = byId(a);
    let compared = 0;
    for (const [id, j] of byId(b)) {
      const i = ia.get(id);
      if (i === undefined) continue;
      compared++;
      for (const column of ["arrival", "service", "channel", "isCase"] as const) expect(b.needs[column][j], `${column} of need ${id}`).toBe(a.needs[column][i]);
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it("{ lognormal: { mean, cv } } runs bit for bit as { mean, cv }", () => {
    const input = teaching();
    const named = teaching();
    for (const sv of named.services) {
      sv.frontWork = { lognormal: sv.frontWork };
      sv.backOfficeWork = { lognormal: sv.backOfficeWork };
    }
    const options = { seed: 9, horizon: "12 weeks", warmup: "2 weeks" } as const;
    const a = simulate(parseScenario(input), policies.whole, options);
    const b = simulate(parseScenario(named), policies.whole, options);
    expect(Array.from(b.contacts.wait)).toEqual(Array.from(a.contacts.wait));
    expect(Array.from(b.needs.end)).toEqual(Array.from(a.needs.end));
  });

  it("the load analysis reads each family's mean: the same offered load for the same means", () => {
    const lognormal = teaching();
    const exponential = teaching();
    const triangular = teaching();
    lognormal.services[0].frontWork = { mean: "8 min", cv: 0.8 };
    exponential.services[0].frontWork = { exponential: "8 min" };
    triangular.services[0].frontWork = { triangular: { min: "2 min", mode: "8 min", max: "14 min" } };
    const load = (i: Input) => offeredLoad(parseScenario(i), policies.minutes).map((t) => t.offeredMinutesPerWeek);
    expect(load(exponential)).toEqual(load(lognormal));
    const t = load(triangular);
    load(lognormal).forEach((x, k) => expect(t[k]).toBeCloseTo(x, 9));
  });
});
