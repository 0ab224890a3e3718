/**
 * Regression tests for issue 14, item 4 ("one validation"): each made from a reproducer of
 * ../shared/reliability-cases (D5, D9, D10, D11, D12, D21, D24), through the library and,
 * where the reproducer uses the command line, through the in-process `main()`. D26 and D29 are
 * evidence that must stay true: no prototype pollution, and bad files refused with exit 2.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import {
  builtinScenarioInput,
  compare,
  comparisonTable,
  loadScenario,
  parsePolicy,
  parsePolicyText,
  parseScenario,
  parseScenarioText,
  policies,
  ScenarioError,
  scenarioToInput,
  setPath,
  simulate,
  sweep,
  validatePolicy,
  validateScenario,
  type Policy,
  type Scenario,
} from "../../src/index.js";
import { compareParallel, runShard } from "../../src/node.js";
import { main } from "../../src/cli/main.js";

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), env: {} });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** The error `f` throws (the test fails when it throws nothing). */
function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error, got none");
}

/** The issue messages of the ScenarioError `f` throws. */
function issues(f: () => unknown): string[] {
  const e = thrown(f);
  expect(e).toBeInstanceOf(ScenarioError);
  return (e as ScenarioError).issues.map((i) => i.message);
}

const dir = mkdtempSync(join(tmpdir(), "helhet-validation-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const SMALL_TOWN = readFileSync("examples/scenarios/small-town.yaml", "utf8");
/** small-town as data, with a short window (as the reproducers shorten it). */
function smallTown(): Record<string, unknown> & { services: Record<string, unknown>[]; teams: Record<string, unknown>[] } {
  return { ...parse(SMALL_TOWN), horizon: "2 weeks", warmup: "1 week", drain: "2 weeks" };
}

const W = { horizon: "1 week", warmup: "1 day" };
const FAST = ["--scenario", "teaching", "--replications", "1", "--horizon", "1week", "--warmup", "1day", "--quiet"];
const teaching = loadScenario("teaching");
type Input = { services: Record<string, unknown>[]; teams: Record<string, unknown>[]; citizens?: Record<string, unknown> };
const teachingInput = () => structuredClone(builtinScenarioInput("teaching")) as unknown as Input;

describe("D5: swept values are checked as file values are", () => {
  const cases: [string, unknown, (i: Input) => void][] = [
    ["services.questions.caseShare", 7, (i) => (i.services[0]!["caseShare"] = 7)],
    ["citizens.redialProbability", 3, (i) => (i.citizens = { redialProbability: 3 })],
    ["services.questions.typeConcentration", -1, (i) => (i.services[0]!["typeConcentration"] = -1)],
    ["teams.desk.staff", 1_000_000_000, (i) => (i.teams[0]!["staff"] = 1_000_000_000)],
  ];

  for (const [path, value, inFile] of cases) {
    it(`${path} = ${value} is refused before anything runs, with the message a file gets`, () => {
      const e = thrown(() => sweep(teaching, policies.whole, { path, values: [value] }, { replications: 1, ...W }));
      expect(e).toBeInstanceOf(ScenarioError);
      expect(e.message.split("\n")[0]).toBe(`Invalid scenario with ${path} = ${value} (${(e as ScenarioError).issues.length === 1 ? "1 problem" : `${(e as ScenarioError).issues.length} problems`}):`);
      const input = teachingInput();
      inFile(input);
      expect((e as ScenarioError).issues.map((i) => i.message)).toEqual(issues(() => parseScenario(input)));
    });
  }

  it("every value is checked before the first runs", () => {
    const progress: number[] = [];
    const path = "services.permit.caseShare";
    expect(thrown(() => sweep(teaching, policies.whole, { path, values: [0.5, 7] }, { replications: 1, ...W, onProgress: (d) => progress.push(d) }))).toBeInstanceOf(ScenarioError);
    expect(progress).toEqual([]);
  });

  it("opening hours swept as text are read as a file's: always runs, and equals the file with hours: always", () => {
    const swept = sweep(teaching, policies.whole, { path: "teams.desk.hours", values: ["always"] }, { replications: 1, ...W });
    const input = teachingInput();
    input.teams[0]!["hours"] = "always";
    expect(swept.rows[0]!.comparison).toEqual(compare(parseScenario(input), [policies.whole], { replications: 1, ...W }));
    expect(issues(() => sweep(teaching, policies.whole, { path: "teams.desk.hours", values: ["sometimes"] }, { replications: 1, ...W }))[0]).toMatch(/^teams\[0\]\.hours: got "sometimes"; expected/);
  });

  it("a valid swept value gives the numbers of the same value in a file", () => {
    const swept = sweep(teaching, policies.whole, { path: "services.questions.demandTypes", values: [3] }, { replications: 1, ...W });
    const input = teachingInput();
    input.services[0]!["demandTypes"] = 3;
    expect(swept.rows[0]!.comparison).toEqual(compare(parseScenario(input), [policies.whole], { replications: 1, ...W }));
  });

  it("policy values too: out of range, and a step key that the scenario does not have", () => {
    const e = thrown(() => sweep(teaching, policies.whole, { path: "policy.handlingTime.cutShortProbability", values: [2] }, { replications: 1, ...W }));
    expect(e.message).toMatch(/^Invalid policy with policy\.handlingTime\.cutShortProbability = 2 \(1 problem\):\n {2}- handlingTime\.cutShortProbability: got 2; expected a number from 0 to 1$/);
    const steps = thrown(() => sweep(teaching, policies.whole, { path: "policy.batching.steps", values: [{ "permit.intak": 10080 }] }, { replications: 1, ...W }));
    expect(steps.message).toMatch(/batching\.steps\.permit\.intak: .*Did you mean "permit\.intake"\?/);
  });

  it("helhet sweep refuses with exit 2 and the field", async () => {
    const r = await cli(["sweep", ...FAST, "--policies", "whole", "--param", "services.questions.caseShare", "--values", "7"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Invalid scenario with services\.questions\.caseShare = 7/);
    expect(r.err).toMatch(/services\[0\]\.caseShare: got 7; expected a number from 0 to 1/);
    const staff = await cli(["sweep", ...FAST, "--policies", "whole", "--param", "teams.desk.staff", "--values", "1000000000"]);
    expect(staff.code).toBe(2);
    expect(staff.err).toMatch(/teams\[0\]\.staff: got 1000000000; expected a whole number from 1 to 100,000/);
    const hours = await cli(["sweep", ...FAST, "--policies", "whole", "--param", "teams.desk.hours", "--values", "always"]);
    expect(hours.code).toBe(0);
  });
});

describe("D9: deep nesting is refused naming the field, never with a stack overflow", () => {
  const deepJson = (depth: number) =>
    JSON.stringify(smallTown()).replace(/"description":"[^"]*"/, `"description":${"[".repeat(depth)}"leaf"${"]".repeat(depth)}`);

  for (const depth of [3000, 5000, 100_000]) {
    it(`JSON text ${depth} deep: a ScenarioError at description`, () => {
      const e = thrown(() => parseScenarioText(deepJson(depth), "json"));
      expect(e).toBeInstanceOf(ScenarioError);
      const [issue] = (e as ScenarioError).issues;
      expect(issue?.path).toBe("description");
      expect(issue?.message).toMatch(/^description: got \[\[\[\[+\.\.\.; expected a value nested at most 100 levels deep/);
    });
  }

  it("objects passed to the loaders: deep, and cyclic, refused the same way", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(issues(() => parseScenario({ ...smallTown(), description: deep }))[0]).toMatch(/^description: got \{"a":\{"a":.*expected a value nested at most 100 levels deep/);
    const cyclic: Record<string, unknown> = { name: "x" };
    cyclic["self"] = cyclic;
    expect(issues(() => parseScenario({ ...smallTown(), description: cyclic }))[0]).toMatch(/^description: got .*\[cycle\].*expected a value nested at most 100 levels deep/);
    expect(issues(() => loadScenario({ ...smallTown(), sources: [deep] }))[0]).toMatch(/^sources\[0\]: got/);
    expect(issues(() => parsePolicy({ name: "p", extends: "whole", description: deep }))[0]).toMatch(/^description: got .*nested at most 100 levels deep/);
  });

  it("just inside the limit, the schema answers as usual", () => {
    let ok: unknown = "x";
    for (let i = 0; i < 98; i++) ok = [ok];
    expect(issues(() => parseScenario({ ...smallTown(), description: ok }))[0]).toMatch(/^description: got \[\[\[.*; expected text$/);
  });

  it("YAML names the field too", () => {
    const text = `${SMALL_TOWN}\nnotes: ${"[".repeat(300)}1${"]".repeat(300)}\n`;
    expect(issues(() => parseScenarioText(text))[0]).toMatch(/^line \d+, column \d+: .*expected valid YAML\. notes: nested more than 100 levels deep/);
    const hours = SMALL_TOWN.replace("    hours: Mon-Fri 08:00-16:00", `    hours: ${"[".repeat(300)}1${"]".repeat(300)}`);
    expect(issues(() => parseScenarioText(hours))[0]).toMatch(/expected valid YAML\. teams\[\d\]\.hours\[0\]: nested more than 100 levels deep/);
    // deeper than the yaml package can read (it overflows the stack): the same refusal, at the key
    const staff = SMALL_TOWN.replace("    staff: 2", `    staff: ${"[".repeat(5000)}2${"]".repeat(5000)}`);
    const deep = issues(() => parseScenarioText(staff));
    expect(deep).toHaveLength(1);
    expect(deep[0]).toMatch(/^line \d+, column \d+: got "staff: \[\[\[.*expected valid YAML\. staff: nested more than 100 levels deep/);
    expect(deep[0]).not.toMatch(/call stack/);
  });

  it("helhet validate: exit 2 with the field", async () => {
    const r = await cli(["validate", file("deep5000.json", deepJson(5000))]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/description: got \[\[\[/);
    expect(r.err).not.toMatch(/call stack|got leaf/);
  });
});

describe("D10: what validate accepts, run accepts", () => {
  const cv = (value: number) => {
    const s = smallTown();
    (s.services[0]!["frontWork"] as Record<string, unknown>)["cv"] = value;
    return s;
  };

  it("a cv past what a lognormal can draw (1e300) is refused at validation, naming the field", () => {
    expect(issues(() => parseScenario(cv(1e300)))).toEqual(["services[0].frontWork.cv: got 1e+300; expected a coefficient of variation from 0 (always the mean) to 1e150"]);
  });

  it("the largest accepted cv runs", () => {
    const s = parseScenario(cv(1e150));
    expect(() => simulate(s, policies.minutes, { seed: 1 })).not.toThrow();
  });

  it("validate and run give the same refusal", async () => {
    const path = file("cv.yaml", SMALL_TOWN.replace("      cv: 0.8", "      cv: 1e300"));
    const v = await cli(["validate", path]);
    const r = await cli(["run", "--scenario", path, "--replications", "1", "--horizon", "2weeks", "--warmup", "1week", "--quiet"]);
    expect([v.code, r.code]).toEqual([2, 2]);
    expect(r.err).toBe(v.err);
    expect(v.err).toMatch(/services\[0\]\.frontWork\.cv: got 1e\+300/);
  });

  it("byDay [5e-324, 0, …] is a valid profile (all on Monday), accepted by validate and run alike", async () => {
    const tiny = smallTown();
    tiny.services[0]!["profile"] = { byDay: [5e-324, 0, 0, 0, 0, 0, 0] };
    const one = smallTown();
    one.services[0]!["profile"] = { byDay: [1, 0, 0, 0, 0, 0, 0] };
    expect(parseScenario(tiny).services[0]!.profile).toEqual(parseScenario(one).services[0]!.profile);
    const path = file("profile.yaml", SMALL_TOWN.replace("    demandTypes: 10", "    profile: { byDay: [5e-324, 0, 0, 0, 0, 0, 0] }\n    demandTypes: 10"));
    expect((await cli(["validate", path])).code).toBe(0);
    expect((await cli(["run", "--scenario", path, "--replications", "1", "--horizon", "2weeks", "--warmup", "1week", "--quiet"])).code).toBe(0);
  });
});

describe("D11: profile weights near the largest number act as their ratios", () => {
  const withDay = (w: readonly number[]) => {
    const s = smallTown();
    s.services[0]!["arrivals"] = "4000 / year";
    s.services[0]!["profile"] = { byDay: w };
    return parseScenario(s);
  };

  it("[1e308 × 7] is [1 × 7]: the same profile, the same arrivals", () => {
    const huge = withDay(Array(7).fill(1e308));
    const ones = withDay(Array(7).fill(1));
    expect(huge.services[0]!.profile.byDay).toEqual(ones.services[0]!.profile.byDay);
    const arrived = (s: Scenario) => simulate(s, policies.whole, { seed: 1 }).needsArisen;
    expect(arrived(huge)).toBe(arrived(ones));
    expect(arrived(huge)).toBeGreaterThan(0);
    expect(withDay([1e308, 1e308, 0, 0, 0, 0, 0]).services[0]!.profile.byDay).toEqual(withDay([1, 1, 0, 0, 0, 0, 0]).services[0]!.profile.byDay);
  });

  it("ordinary weights are divided by their mean exactly as before (the same numbers)", () => {
    const w = [1.2, 1.1, 1, 1, 0.9, 0.3, 0.1];
    const mean = w.reduce((a, b) => a + b, 0) / w.length;
    expect(withDay(w).services[0]!.profile.byDay).toEqual(w.map((x) => x / mean));
  });
});

describe("D12: a policy's batching.steps key must name a step of the scenario", () => {
  const typo: Policy = { ...policies.whole, name: "p", batching: { ...policies.whole.batching, steps: { "permit.intak": 40320, "nosuch.step": 2880 } } };

  it("names the key, the known step keys and a suggestion", () => {
    expect(issues(() => validatePolicy(typo, teaching))).toEqual([
      'batching.steps.permit.intak: got "permit.intak"; expected a step of scenario "teaching" as "serviceId.stepId" (questions.callback, permit.callback, permit.intake, permit.assessment, permit.review, permit.decision), or "serviceId.callback". No step "intak" in service permit. Did you mean "permit.intake"?',
      'batching.steps.nosuch.step: got "nosuch.step"; expected a step of scenario "teaching" as "serviceId.stepId" (questions.callback, permit.callback, permit.intake, permit.assessment, permit.review, permit.decision), or "serviceId.callback". No service "nosuch" in the scenario (questions, permit).',
    ]);
    const ok: Policy = { ...typo, batching: { ...typo.batching, steps: { "permit.intake": 40320, "questions.callback": null } } };
    expect(validatePolicy(ok, teaching)).toBe(ok);
  });

  it("simulate, compare, compareParallel and runShard refuse it before running", async () => {
    const progress: number[] = [];
    expect(thrown(() => simulate(teaching, typo, W))).toBeInstanceOf(ScenarioError);
    expect(thrown(() => compare(teaching, [typo], { replications: 2, ...W, onProgress: (d) => progress.push(d) }))).toBeInstanceOf(ScenarioError);
    expect(progress).toEqual([]);
    await expect(compareParallel(teaching, [typo], { replications: 2, workers: 2, ...W })).rejects.toThrow(/Did you mean "permit\.intake"/);
    expect(thrown(() => runShard(teaching, [typo], { replications: 2, ...W, shard: { index: 0, count: 2 } }))).toBeInstanceOf(ScenarioError);
  });

  it("helhet compare with the policy file: exit 2 with the key", async () => {
    const path = file("typo.yaml", 'name: p\nextends: whole\nbatching: { steps: { "permit.intak": "4 weeks", "nosuch.step": "2 days" } }\n');
    const r = await cli(["compare", ...FAST, "--format", "csv", "--policies", path]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/batching\.steps\.permit\.intak: .*Did you mean "permit\.intake"\?/);
    const ok = file("ok.yaml", 'name: p\nextends: whole\nbatching: { steps: { "permit.intake": "4 weeks" } }\n');
    expect((await cli(["compare", ...FAST, "--format", "csv", "--policies", ok])).code).toBe(0);
  });
});

describe("D21: a key given twice in JSON is refused, as in YAML", () => {
  const dup = JSON.stringify(smallTown()).replace('"staff":2,', '"staff":2,"staff":50,');

  it("names the key, the object and the line and column", () => {
    const e = thrown(() => parseScenarioText(dup, "json"));
    expect(e.message).toMatch(/^Broken JSON \(1 problem\):\n {2}- line 1, column \d+: got .*; expected valid JSON\. The key "staff" is given twice in teams\[0\]; keys must be unique$/);
    expect((e as ScenarioError).issues[0]!.path).toMatch(/^line 1, column \d+$/);
  });

  it("also written with escapes, and deep in lists; the same key in two objects is fine", () => {
    expect(thrown(() => parseScenarioText('{"a": 1, "\\u0061": 2}', "json")).message).toMatch(/The key "a" is given twice in the document's top level/);
    const steps = JSON.stringify(smallTown()).replace(/"team":"([^"]+)"/, '"team":"$1","team":"$1"');
    expect(thrown(() => parseScenarioText(steps, "json")).message).toMatch(/The key "team" is given twice in services\[\d\]\.steps\[0\]/);
    expect(parseScenarioText(JSON.stringify(smallTown()), "json").teams.length).toBeGreaterThan(1);
  });

  it("helhet validate: exit 2 for .json as for .yaml", async () => {
    expect((await cli(["validate", file("dup.json", dup)])).code).toBe(2);
    expect((await cli(["validate", file("dup.yaml", dup)])).code).toBe(2);
  });
});

describe("D24: garbage passed to the public functions: a ScenarioError or RangeError naming the argument", () => {
  const P = policies;
  const calls: [string, () => unknown, RegExp][] = [
    ["parseScenarioText(null)", () => parseScenarioText(null as never), /\(scenario\): got null; expected the text of a scenario file/],
    ["parseScenarioText(123)", () => parseScenarioText(123 as never), /got 123; expected the text of a scenario file/],
    ["parseScenarioText(text, 'toml')", () => parseScenarioText("name: x", "toml" as never), /format of scenario text must be "yaml" or "json", got "toml"/],
    ["parsePolicyText(null)", () => parsePolicyText(null as never), /got null; expected the text of a policy file/],
    ["simulate(null, whole)", () => simulate(null as never, P.whole, W), /\(scenario\): got null; expected a parsed scenario/],
    ["simulate(teach, null)", () => simulate(teaching, null as never, W), /policy: got null; expected a policy/],
    ["simulate(teach, {})", () => simulate(teaching, {} as never, W), /name: missing; expected a non-empty name/],
    ["simulate(teach, {...whole, batching: {everyMinutes: 5}})", () => simulate(teaching, { ...P.whole, batching: { everyMinutes: 5 } } as never, W), /batching\.byRole: missing/],
    ["simulate(input format, whole)", () => simulate(builtinScenarioInput("teaching") as never, P.whole, W), /got a scenario in the input format; expected a parsed scenario .*read it with parseScenario/],
    ["compare(teach, null)", () => compare(teaching, null as never, { replications: 1, ...W }), /policies must be a list of policies/],
    ["compare(teach, [null])", () => compare(teaching, [null as never], { replications: 1, ...W }), /policy: got null/],
    ["compare(teach, 'minutes')", () => compare(teaching, "minutes" as never, { replications: 1, ...W }), /policies must be a list of policies .* got "minutes"/],
    ["compare(teach, [whole], null)", () => compare(teaching, [P.whole], null as never), /the options of compare must be an object/],
    ["compare(teach, [whole], {onProgress: 5})", () => compare(teaching, [P.whole], { replications: 1, onProgress: 5 as never, ...W }), /onProgress must be a function/],
    ["validatePolicy({})", () => validatePolicy({} as never), /name: missing/],
    ["comparisonTable({})", () => comparisonTable({} as never), /comparisonTable needs a Comparison/],
    ["simulate(teach, whole, {journal: {every: -1}})", () => simulate(teaching, P.whole, { ...W, journal: { every: -1 } }), /journal\.every must be a whole number ≥ 0/],
    ["simulate(teach, whole, {journal: {every: NaN}})", () => simulate(teaching, P.whole, { ...W, journal: { every: NaN } }), /journal\.every must be a whole number ≥ 0 .* got NaN/],
    ["simulate(teach, whole, {seed: 1.5})", () => simulate(teaching, P.whole, { ...W, seed: 1.5 }), /seed must be a whole number or a non-empty text/],
    ["simulate(teach, batching.steps {'permit.nosuch': 10})", () => simulate(teaching, { ...P.whole, batching: { ...P.whole.batching, steps: { "permit.nosuch": 10 } } }, W), /batching\.steps\.permit\.nosuch: .*No step "nosuch" in service permit/],
    ["sweep(teach, whole, null)", () => sweep(teaching, P.whole, null as never), /the sweep must be \{ path/],
  ];
  for (const [label, f, message] of calls) {
    it(label, () => {
      const e = thrown(f);
      expect(e.constructor.name, `${label}: ${e.message}`).toMatch(/^(ScenarioError|RangeError)$/);
      expect(e.message).toMatch(message);
    });
  }

  it("a scenario built or changed in code is checked like a file", () => {
    expect(issues(() => validateScenario({ ...teaching, population: 0 }))).toEqual(["population: got 0; expected a whole number ≥ 1"]);
    const { pay: _pay, ...noPay } = teaching.mechanisms;
    expect(issues(() => simulate({ ...teaching, mechanisms: noPay } as never, P.whole, W))).toEqual([
      "mechanisms.pay: missing; expected a value: a scenario built in code needs every field of the Scenario type (parseScenario fills in the defaults)",
    ]);
    const step = teaching.services[1]!.steps[0]!;
    const changed = setPath(teaching, "services.permit.steps.0", { ...step, externalWait: undefined });
    expect(issues(() => validateScenario(changed))[0]).toMatch(/^services\[1\]\.steps\[0\]\.externalWait: missing/);
    for (const name of ["soderhamn", "teaching", "standard-work"]) {
      const copy = { ...loadScenario(name) };
      expect(validateScenario(copy)).toBe(copy);
    }
  });

  it("the same run, whether the scenario is parsed or a copy", () => {
    const copy = JSON.parse(JSON.stringify(teaching)) as Scenario;
    expect(simulate(copy, P.whole, { ...W, seed: 3 })).toEqual(simulate(teaching, P.whole, { ...W, seed: 3 }));
  });

  it("a parsed scenario round-trips through the input format (serialising stays exact in form)", () => {
    expect(Object.keys(scenarioToInput(teaching))).toEqual(["name", "description", "sources", "population", "costPerStaffHour", "currency", "horizon", "warmup", "drain", "teams", "services", "citizens", "mechanisms"]);
  });
});

describe("D23: the messages of validation name the file kind, the choices and take their own limit", () => {
  it("an empty or non-mapping policy file is told as a policy, without zod's words", async () => {
    for (const text of ["", "- a\n", "5\n"]) {
      const [m] = issues(() => parsePolicyText(text));
      expect(m).toMatch(/^\(policy\): got .*; expected a policy object \{ name, extends, \.\.\. \}/);
      expect(m).not.toMatch(/scenario|Invalid input|received/);
    }
    const r = await cli(["run", ...FAST, "--policy", file("empty.yaml", "")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^helhet: Invalid policy \(1 problem\):\n {2}- \(policy\): got null; expected a policy object/);
  });

  it("a typo in batching.byRole lists the roles", () => {
    const [m] = issues(() => parsePolicyText('name: p\nextends: minutes\nbatching: { byRole: { frontdesk: "1 week" } }\n'));
    expect(m).toBe('batching.byRole.frontdesk: unknown key (with value "1 week"); expected one of the keys front, caseWork, specialist, field, meeting');
  });

  it("a rate at its limit is taken: 100,000,000 / year of arrivals, 52 / year of sickness spells", () => {
    const at = parseScenarioText(SMALL_TOWN.replace("arrivals: 4000 / year", "arrivals: 100000000 / year"));
    expect(at.services[0]?.arrivalsPerMinute).toBeCloseTo(1e8 / 525_600, 9);
    expect(issues(() => parseScenarioText(SMALL_TOWN.replace("arrivals: 4000 / year", "arrivals: 100000001 / year")))[0]).toMatch(/^services\[0\]\.arrivals: got "100000001 \/ year"; expected a positive rate up to 100,000,000 \/ year/);
    const input = smallTown();
    const spells = parseScenario({ ...input, mechanisms: { ...(input["mechanisms"] as object), sicknessSpells: "52 / year" } });
    expect(spells.mechanisms.sicknessSpellsPerMinute).toBeCloseTo(52 / 525_600, 12);
  });
});

describe("D26 and D29 (evidence): no prototype pollution; bad files still refused with exit 2", () => {
  it("__proto__, constructor and prototype keys pollute nothing", () => {
    const base = JSON.stringify(builtinScenarioInput("teaching"));
    const tries = [
      () => parseScenarioText(base.replace('{"name"', '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"name"'), "json"),
      () => parseScenarioText(`${SMALL_TOWN}\n__proto__: {polluted: yes}\n`),
      () => parseScenario(JSON.parse(base.replace('"teams":[{', '"teams":[{"__proto__":{"polluted":"yes"},'))),
      () => parsePolicyText("name: x\nextends: minutes\nbatching: {byRole: {__proto__: {polluted: yes}}}\n"),
      () => parsePolicy(JSON.parse('{"name":"x","extends":"minutes","batching":{"steps":{"__proto__":"1 week"}}}')),
      () => validatePolicy(JSON.parse(`{"__proto__":{"polluted":"yes"},${JSON.stringify(P_WHOLE).slice(1)}`)),
      () => setPath({}, "__proto__.polluted", 1),
      () => setPath({}, "constructor.prototype.polluted", 1),
    ];
    for (const t of tries) {
      try {
        t();
      } catch (e) {
        expect(e).toBeInstanceOf(e instanceof ScenarioError ? ScenarioError : RangeError);
      }
    }
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("a sweep path through __proto__ or constructor names no inherited field: the keys that are there", () => {
    expect(() => setPath({}, "__proto__.polluted", 1)).toThrow(/^__proto__\.polluted: __proto__ does not exist; there are no keys there$/);
    expect(() => setPath({ a: 1 }, "constructor.prototype.polluted", 1)).toThrow(/^constructor\.prototype\.polluted: constructor does not exist; the keys there are a$/);
    expect(() => setPath({ a: 1 }, "a.b", 1)).toThrow(/^a\.b: a\.b does not exist; the value there is 1, which has no keys$/);
    expect(() => setPath(policies.minutes, "toString", 1)).toThrow(/toString does not exist; the keys there are name, /);
  });

  it("bad files: exit 2, one message naming the field, no stack trace", async () => {
    const bad = [
      SMALL_TOWN.replace("staff: 2", "staff: 0"),
      SMALL_TOWN.replace("      cv: 0.8", "      cv: -1"),
      SMALL_TOWN.replace(/^currency: SEK/m, "currency: SEK\ncurrency: EUR"),
      "name: [unclosed\n",
    ];
    for (const [i, text] of bad.entries()) {
      const r = await cli(["validate", file(`bad${i}.yaml`, text)]);
      expect(r.code).toBe(2);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});

const P_WHOLE = policies.whole;
