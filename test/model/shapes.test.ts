import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { primeFractions } from "../../src/engine/shape.js";

const root = join(__dirname, "..", "..");

describe("primeFractions", () => {
  it("leaves the values as they were", () => {
    const o = { at: -1, count: 0, name: "desk" };
    primeFractions(o, ["at", "count"]);
    expect(o).toEqual({ at: -1, count: 0, name: "desk" });
  });

  it("refuses a field the object does not have (a misspelt name would add one)", () => {
    expect(() => primeFractions({ at: 0 }, ["at", "aat"])).toThrow("no field aat");
  });
});

describe("hidden classes of the event loop's objects", () => {
  // A field that turns from integers to fractions in the middle of a run retires its object's
  // class, and V8 throws away the code compiled for it (about a fifth of a thread's JIT work in
  // its first runs, bench/README.md). Each object made after two runs must have the class of one
  // made before them; the control class changes on purpose, so the check can fail.
  it("stay the same through runs of both presets, and arrays of objects keep theirs when used", () => {
    const out = execFileSync(process.execPath, ["--allow-natives-syntax", "--import", "tsx", join("test", "helpers", "shapeProbe.ts")], { cwd: root, encoding: "utf8", timeout: 120_000 });
    const same = JSON.parse(out.trim().split("\n").pop() as string) as Record<string, boolean>;
    expect(same["Control"], "the control class must change, or the check cannot tell").toBe(false);
    expect(same["ControlArray"], "a plain [] must change class with its first object, or the check cannot tell").toBe(false);
    const { Control: _, ControlArray: __, ...hot } = same;
    expect(hot).toEqual({ Need: true, Task: true, "Need (not first)": true, "Task (not first)": true, "Need (first and later)": true, "Task (first and later)": true, Simulation: true, EventCalendar: true, TeamStatistics: true, Team: true, SeasonalArrivals: true, objectArray: true, "EventCalendar.handlers": true });
  });
});
