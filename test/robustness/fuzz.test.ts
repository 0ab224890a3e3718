/**
 * Fuzzing the front door (quick version: 200 mutations; `npm run test:long` tries 10,000):
 * mutated scenario files go to parseScenarioText, `helhet validate` and `helhet run`, each
 * case in a worker thread with a time limit and a heap limit. See docs/reliability.md.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { parseScenarioText, ScenarioError } from "../../src/index.js";
import { issueProblems, RUN_LIMITS } from "./fuzzCase.js";
import { FuzzRunner, outcomeProblems } from "./fuzzRunner.js";
import { fuzzOnce, fuzzProperty, newFuzzTally } from "./fuzzProperty.js";
import { applyTextOp, mutatedFile, mutationArb, type Mutation } from "./mutate.js";

const SEED = 20261127;
const runner = new FuzzRunner({ timeoutMs: 30_000 });
afterAll(() => runner.close());

describe("fuzzing scenario files", () => {
  it("200 mutations: each loads or is refused with issues naming where; no throw, stack trace, NaN or hang", async () => {
    const tally = newFuzzTally();
    await fc.assert(fuzzProperty(runner, tally), { seed: SEED, numRuns: 200 });
    expect(tally.cases).toBe(200);
    // both sides are exercised: some mutations still load (and run), most are refused
    expect(tally.loaded).toBeGreaterThan(10);
    expect(tally.refused).toBeGreaterThan(100);
    expect(tally.cliRuns).toBe(200);
  });

  it("the mutations are varied: every kind of operation and both formats occur", () => {
    const sample = fc.sample(mutationArb, { seed: SEED, numRuns: 300 });
    const kinds = new Set(sample.flatMap((m) => [...m.docOps.map((o) => o.kind), ...m.textOps.map((o) => o.kind)]));
    expect(kinds.size).toBe(9 + 15);
    expect(new Set(sample.map((m) => m.format))).toEqual(new Set(["yaml", "json"]));
    expect(new Set(sample.map((m) => m.base)).size).toBe(4);
  });

  it("a key given twice and a value nested thousands deep reach the reader, in JSON and YAML, and are refused by place", () => {
    for (const format of ["json", "yaml"] as const) {
      const clean = mutatedFile({ base: "small-town", docOps: [], format, textOps: [] }).text;
      const twice = applyTextOp(clean, { kind: "dupKey", pick: 7, variant: 0 }).text;
      expect(() => parseScenarioText(twice, format)).toThrow(format === "json" ? /given twice/ : /Map keys must be unique/);
      for (const variant of [0, 1, 2]) {
        const deep = applyTextOp(clean, { kind: "deepValue", pick: 9, variant });
        const e = (() => {
          try {
            parseScenarioText(deep.text, format);
          } catch (x) {
            return x as ScenarioError;
          }
          throw new Error(`${deep.what} was accepted`);
        })();
        expect(e, deep.what).toBeInstanceOf(ScenarioError);
        expect(issueProblems(e, deep.text, format), deep.what).toEqual([]);
        expect(e.message, deep.what).toMatch(/nested (more than|at most) 100 levels deep/);
      }
    }
  });

  it("the checks have teeth: a clean file passes; a refusal without a path, with a stack trace or a huge message, a hang and a crash are reported", async () => {
    const tally = newFuzzTally();
    const clean: Mutation = { base: "teaching", docOps: [], format: "yaml", textOps: [] };
    expect(mutatedFile(clean).text.length).toBeGreaterThan(100);
    expect(await fuzzOnce(runner, clean, tally)).toEqual([]);
    expect(tally.loaded).toBe(1);
    const doc = "name: x\n";
    const refusal = (path: string, message: string) => new ScenarioError([{ path, value: 1, expected: "something", message }]);
    expect(issueProblems(refusal("population", "population: missing; expected a whole number ≥ 1"), doc, "yaml")).toEqual([]);
    expect(issueProblems(refusal("", "(scenario): got 1; expected an object"), doc, "yaml").join()).toMatch(/names no path/);
    expect(issueProblems(refusal("teams", "teams: oops\n    at parse (parse.js:1:1)"), doc, "yaml").join()).toMatch(/stack/);
    expect(issueProblems(refusal("teams", `teams: got "${"x".repeat(3000)}"`), doc, "yaml").join()).toMatch(/characters/);
    expect(issueProblems(new ScenarioError([{ path: "", value: 1, expected: "valid YAML", message: "(scenario): bad" }], "Broken YAML"), "[", "yaml").join()).toMatch(/no line and column/);
    // what a run may refuse in a file that validate accepts: only that it is too large
    expect(RUN_LIMITS.test("helhet: the run was stopped on day 3: more than 500,000 needs were open at once")).toBe(true);
    expect(RUN_LIMITS.test('helhet: serviceTime at team "front desk" must be finite and ≥ 0, got NaN')).toBe(false);
    expect(outcomeProblems({ id: 1, timedOut: true, ms: 30_000 }).join()).toMatch(/time limit/);
    expect(outcomeProblems({ id: 1, crashed: "out of memory", ms: 1 }).join()).toMatch(/crashed/);
  });
});
