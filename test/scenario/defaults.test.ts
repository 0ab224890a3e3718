import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  builtinScenarioInput,
  CITIZEN_DEFAULTS,
  MECHANISM_DEFAULTS,
  parseScenario,
  PROFILE_DEFAULTS,
  RUN_DEFAULTS,
} from "../../src/scenario/index.js";
import { citizensSchema, mechanismsSchema } from "../../src/scenario/behaviourSchema.js";

describe("defaults", () => {
  it("are valid input and cover every field", () => {
    expect(Object.keys(citizensSchema.parse(CITIZEN_DEFAULTS)).sort()).toEqual(Object.keys(citizensSchema.shape).sort());
    expect(Object.keys(mechanismsSchema.parse(MECHANISM_DEFAULTS)).sort()).toEqual(Object.keys(mechanismsSchema.shape).sort());
    expect([PROFILE_DEFAULTS.byDay.length, PROFILE_DEFAULTS.byHour.length, PROFILE_DEFAULTS.byMonth.length]).toEqual([7, 24, 12]);
  });

  it("every default carries its source or GUESS in a comment", () => {
    const text = readFileSync(join(__dirname, "..", "..", "src", "scenario", "defaults.ts"), "utf8");
    for (const key of [...Object.keys(CITIZEN_DEFAULTS), ...Object.keys(MECHANISM_DEFAULTS)]) {
      const lines = text.split("\n");
      const at = lines.findIndex((l) => l.trimStart().startsWith(`${key}:`));
      expect(at, key).toBeGreaterThan(0);
      const comment = lines.slice(Math.max(0, at - 3), at).join("\n");
      expect(comment, key).toMatch(/GUESS|E\d+|M\d+|§/);
    }
  });

  it("fill in what a scenario leaves out", () => {
    const input = builtinScenarioInput("teaching") as Record<string, unknown>;
    for (const key of ["horizon", "warmup", "drain", "currency", "citizens", "mechanisms"]) delete input[key];
    const s = parseScenario(input);
    expect(s.horizonMinutes).toBe(52 * 10080);
    expect(s.warmupMinutes).toBe(8 * 10080);
    expect(s.drainMinutes).toBe(26 * 10080);
    expect(s.currency).toBe(RUN_DEFAULTS.currency);
    expect(s.citizens.chaseRatePerMinute).toBeCloseTo(0.5 / 10080, 15);
    expect(s.citizens.phonePatience).toEqual({ mean: 2.5, cv: 1 });
    expect(s.citizens.responseDelay.mean).toBe(10 * 1440);
    expect(s.mechanisms.handoffInfoLoss).toBe(0.15);
    expect(s.mechanisms.complaintMinutes).toBe(60);
  });

  it("merge field by field with what a scenario gives", () => {
    const input = builtinScenarioInput("teaching");
    const s = parseScenario({ ...input, citizens: { redialProbability: 0.9 }, mechanisms: { misrouteWork: "12 min" } });
    expect(s.citizens.redialProbability).toBe(0.9);
    expect(s.citizens.giveUpProbability).toBe(0.05);
    expect(s.mechanisms.misrouteMinutes).toBe(12);
    expect(s.mechanisms.misrouteProbability).toBe(0.1);
  });

  it("fill in optional team, service and step fields", () => {
    const s = parseScenario(builtinScenarioInput("teaching"));
    const officers = s.teams.find((t) => t.id === "officers");
    expect(officers?.channels).toEqual([]);
    const permit = s.services.find((sv) => sv.id === "permit");
    expect(permit?.typeConcentration).toBe(1);
    const assessment = permit?.steps.find((st) => st.id === "assessment");
    expect(assessment).toMatchObject({ name: "assessment", specialist: false, checksCompleteness: false, externalWait: null, failureProbability: 0, scheduled: null });
    expect(permit?.channelMix).toEqual([0.4, 0.1, 0.1, 0.4]);
  });
});

describe("GUESS labels in the schema", () => {
  // the schema's descriptions carry the labels that sensitivity reads; they must say what the
  // comments of defaults.ts say (a default whose comment names only its cv as a GUESS, or says
  // it is GUESS-free or has no GUESS, is not labelled: sensitivity varies means and values)
  it("label exactly the defaults whose comment calls the value a GUESS", () => {
    const text = readFileSync(join(__dirname, "..", "..", "src", "scenario", "defaults.ts"), "utf8");
    const lines = text.split("\n");
    const shapes = { ...citizensSchema.shape, ...mechanismsSchema.shape } as Record<string, { description?: string }>;
    for (const key of [...Object.keys(CITIZEN_DEFAULTS), ...Object.keys(MECHANISM_DEFAULTS)]) {
      const at = lines.findIndex((l) => l.trimStart().startsWith(`${key}:`));
      let from = at;
      while (from > 0 && lines[from - 1]!.trimStart().startsWith("//")) from--;
      const comment = lines.slice(from, at).join(" ");
      const guess = /GUESS/.test(comment.replace(/GUESS-free|no GUESS|cv GUESS/g, ""));
      expect(/[(;] ?GUESS(; range .+ to .+)?\)$/.test(shapes[key]?.description ?? ""), key).toBe(guess);
    }
  });
});
