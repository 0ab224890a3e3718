/**
 * The need's life as a state machine (src/model/flow.ts): one table lists every transition,
 * and the mechanism files reach each other only through it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TRANSITIONS } from "../../src/model/flow.js";
import { TASK_NAMES } from "../../src/model/codes.js";
import { Timer } from "../../src/model/timers.js";

const MECHANISMS = ["arise", "front", "cases", "closure", "chasing"];

describe("the state machine of a need", () => {
  it("has exactly one transition for every kind of work but training (no need), every timer but the batch release, and hanging up", () => {
    const done = TRANSITIONS.flatMap((t) => ("done" in t.event ? [t.event.done] : []));
    const timers = TRANSITIONS.flatMap((t) => ("timer" in t.event ? [t.event.timer] : []));
    const hungUp = TRANSITIONS.filter((t) => "hungUp" in t.event);
    const work = TASK_NAMES.map((_, k) => k).filter((k) => TASK_NAMES[k] !== "training");
    expect([...done].sort((a, b) => a - b)).toEqual(work);
    expect([...timers].sort((a, b) => a - b)).toEqual(Object.values(Timer).filter((t) => t !== Timer.release).sort((a, b) => a - b));
    expect(hungUp).toHaveLength(1);
    for (const t of TRANSITIONS) expect(t.does.length, t.state).toBeGreaterThan(10);
  });

  it("keeps the mechanism files apart: none imports another's functions (moves go through world.moves)", () => {
    for (const file of MECHANISMS) {
      const text = readFileSync(join(__dirname, "..", "..", "src", "model", `${file}.ts`), "utf8");
      const imports = [...text.matchAll(/^import (?!type )[^;]*from "\.\/(\w+)\.js";/gm)].map((m) => m[1]);
      const crossing = imports.filter((name) => MECHANISMS.includes(name!));
      expect(crossing, file).toEqual([]);
    }
  });
});
