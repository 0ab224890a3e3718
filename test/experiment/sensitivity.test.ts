import { describe, expect, it } from "vitest";
import { compare, guessLabels, headlineDifferences, loadScenario, policies, scenarioJsonSchema, sensitivity, sensitivityKnobs, type Policy } from "../../src/index.js";

const SHORT = { horizon: "8 weeks", warmup: "2 weeks", replications: 3 };
const teaching = loadScenario("teaching");
const pair = [policies.minutes, policies.whole];

describe("the GUESS parameters", () => {
  it("are the fields the schema labels GUESS, every one varied or skipped with a reason", () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, { properties: Record<string, { description?: string }> }> };
    const labelled = ["citizens", "mechanisms"].flatMap((g) => Object.entries(schema.properties[g]!.properties).filter(([, n]) => /GUESS/.test(n.description ?? "")).map(([k]) => `${g}.${k}`));
    expect(guessLabels().map((g) => g.path.replace(/\.mean$/, ""))).toEqual(labelled);
    const { knobs, skipped } = sensitivityKnobs(teaching, pair);
    expect([...knobs.map((k) => k.path), ...skipped.map((s) => s.path)].sort()).toEqual(guessLabels().map((g) => g.path).sort());
    expect(knobs.length).toBeGreaterThan(40);
  });

  it("take the documented range, else half to double clipped to the field's bounds; a zero is skipped", () => {
    const { knobs, skipped } = sensitivityKnobs(teaching, pair);
    const k = (p: string) => knobs.find((x) => x.path === p)!;
    expect([k("mechanisms.handoffInfoLoss").low, k("mechanisms.handoffInfoLoss").high, k("mechanisms.handoffInfoLoss").rangeFrom]).toEqual([0.05, 0.3, "documented"]);
    expect([k("citizens.phonePatience.mean").low, k("citizens.phonePatience.mean").high]).toEqual([1, 4]);
    expect([k("mechanisms.misrouteWork").low, k("mechanisms.misrouteWork").high, k("mechanisms.misrouteWork").rangeFrom]).toEqual([2.5, 10, "halfToDouble"]);
    // a share: double of 0.7 is clipped to 1
    expect([k("mechanisms.confirmationCatch").low, k("mechanisms.confirmationCatch").high]).toEqual([0.35, 1]);
    // teaching has no absence: 0 has no half and double
    expect(skipped.map((s) => s.path)).toEqual(["mechanisms.sicknessSpells", "mechanisms.holidayWeeks"]);
    expect(skipped[0]!.reason).toMatch(/0 here/);
    // a given range overrides
    const given = sensitivityKnobs(teaching, pair, ["mechanisms.holidayWeeks", "teams.desk.staff"], { "mechanisms.holidayWeeks": [0, 4] }).knobs;
    expect(given.map((g) => [g.low, g.high, g.integer])).toEqual([[0, 4, true], [1, 4, true]]);
  });
});

describe("sensitivity", () => {
  // a toy flip: a broad front line (skillCoverage 1) against a scripted one differs in cost by
  // a straight line in the generalist's pay (pay changes the bill, not the runs), so its
  // difference crosses 0 at one value that the two ends give exactly
  const broad: Policy = { ...policies.minutes, name: "broad", frontOffice: { ...policies.minutes.frontOffice, skillCoverage: 1 } };
  const toy = [policies.minutes, broad];

  it("finds a known sign flip by bisection, to within range / 2^steps", () => {
    const s = sensitivity(teaching, toy, { ...SHORT, params: ["mechanisms.payGeneralist"], ranges: { "mechanisms.payGeneralist": [0.1, 10] }, bisectionSteps: 4 });
    const row = s.parameters[0]!;
    const lo = row.atLow["costPerNeed"]!;
    const hi = row.atHigh["costPerNeed"]!;
    expect(lo.sign * hi.sign).toBe(-1);
    const f = row.flips["costPerNeed"]!;
    expect(f.flips).toBe(true);
    const [a, b] = f.bracket!;
    expect(b - a).toBeLessThanOrEqual((10 - 0.1) / 16 + 1e-9);
    expect(f.at!).toBeGreaterThanOrEqual(a);
    expect(f.at!).toBeLessThanOrEqual(b);
    expect(f.steps).toBe(4);
    // the straight line through the two ends crosses 0 where the bisection says
    const exact = 0.1 + ((10 - 0.1) * lo.mean) / (lo.mean - hi.mean);
    expect(f.at!).toBeCloseTo(exact, 6);
    // and the mean difference there is 0 (checked by a comparison at that value)
    const knob = sensitivityKnobs(teaching, toy, ["mechanisms.payGeneralist"], { "mechanisms.payGeneralist": [0.1, 10] }).knobs[0]!;
    const there = knob.at(f.at!);
    const d = headlineDifferences(compare(there.scenario, there.policies, { ...SHORT, series: false }))["costPerNeed"]!;
    expect(Math.abs(d.mean)).toBeLessThan(1e-6 * Math.abs(lo.mean));
    // an outcome whose sign does not flip has no bracket
    for (const [m, flip] of Object.entries(row.flips)) if (!flip.flips) expect(flip, m).toEqual({ flips: false, at: null, atText: null, bracket: null, steps: 0 });
  });

  it("reports both ends of every parameter with a flips field per outcome, and is deterministic", () => {
    const options = { ...SHORT, params: ["mechanisms.misrouteProbability", "citizens.searchTime"] };
    const a = sensitivity(teaching, pair, options);
    expect(a.parameters.map((p) => p.path)).toEqual(options.params);
    for (const p of a.parameters) {
      for (const end of [p.atLow, p.atHigh]) expect(Object.keys(end)).toEqual(["endToEndDays.mean", "failureDemandShare", "costPerNeed"]);
      expect(Object.keys(p.flips)).toEqual(["endToEndDays.mean", "failureDemandShare", "costPerNeed"]);
    }
    expect(a.parameters[1]!.text).toEqual({ value: "10 min", low: "5 min", high: "20 min" });
    // the baseline is the comparison of the scenario as it is
    expect(a.baseline).toEqual(headlineDifferences(compare(teaching, pair, { ...SHORT, series: false })));
    expect(JSON.stringify(sensitivity(teaching, pair, options))).toBe(JSON.stringify(a));
  });

  it("refuses bad input, naming the field or option", () => {
    expect(() => sensitivity(teaching, [policies.minutes], SHORT)).toThrow(/compares two policies.*got 1/);
    expect(() => sensitivity(teaching, pair, { ...SHORT, replications: 1 })).toThrow(/replications ≥ 2/);
    expect(() => sensitivity(teaching, pair, { ...SHORT, bisectionSteps: 11 })).toThrow(/bisectionSteps must be a whole number from 0 to 10, got 11/);
    expect(() => sensitivity(teaching, pair, { ...SHORT, params: ["mechanisms.nope"] })).toThrow(/mechanisms\.nope: mechanisms\.nope does not exist/);
    expect(() => sensitivity(teaching, pair, { ...SHORT, params: ["citizens.phonePatience"] })).toThrow(/name its mean, citizens\.phonePatience\.mean/);
    expect(() => sensitivity(teaching, pair, { ...SHORT, params: ["policy.frontOffice.skillCoverage"] })).toThrow(/the policies differ here/);
    expect(() => sensitivity(teaching, pair, { ...SHORT, ranges: { "mechanisms.handoffInfoLoss": [0.3, 0.1] } })).toThrow(/low end must be below its high end/);
    expect(() => sensitivity(teaching, pair, { ...SHORT, ranges: { "teams.desk.staff": [1, 3] } })).toThrow(/not a GUESS parameter; name it in params/);
    expect(() => sensitivity(teaching, pair, { ...SHORT, params: ["citizens.searchTime"], ranges: { "citizens.searchTime": ["5 kg", "9 min"] } })).toThrow(/citizens\.searchTime: "5 kg" is not a duration/);
    expect(() => sensitivity(teaching, pair, { ...SHORT, params: ["mechanisms.handoffInfoLoss"], ranges: { "mechanisms.handoffInfoLoss": [0.1, 3] } })).toThrow(/handoffInfoLoss: the range \[0\.1,3\] goes past what the field takes \(0 to 1\)/);
    expect(() => sensitivity(teaching, pair, { ...SHORT, params: ["teams.desk.staff"], ranges: { "teams.desk.staff": [0, 3] } })).toThrow(/Invalid scenario with teams\.desk\.staff = 0/);
  });
});
