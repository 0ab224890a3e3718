import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Simulation, Team, WeeklyCalendar } from "../../src/engine/index.js";
import { createStream, exponential } from "../../src/random/index.js";
import { runNetwork } from "./network.js";

describe("opening hours", () => {
  it("never starts service while closed, under either closing rule, and serves everyone who waits", () => {
    for (const atClosing of ["finish", "pause"] as const) {
      const sim = new Simulation();
      const hours = WeeklyCalendar.weekdays("08:00", "16:30");
      const rng = createStream(7, 0, "arrivals");
      const work = createStream(7, 0, "work");
      const gap = exponential(20);
      const service = exponential(30);
      const starts: number[] = [];
      let done = 0;
      const team = new Team(sim, { servers: 3, openingHours: hours, atClosing }, {
        started: () => starts.push(sim.now),
        done: () => done++,
      });
      let n = 0;
      const arrive = () => {
        team.arrive(n++, service.sample(work));
        if (n < 5000) sim.schedule(gap.sample(rng), arrive);
      };
      sim.schedule(0, arrive);
      sim.run();
      expect(starts.length).toBe(5000);
      expect(done).toBe(5000);
      expect(starts.every((t) => hours.isOpen(t))).toBe(true);
      const s = team.stats();
      expect(s.utilisation).toBeLessThanOrEqual(1);
      if (atClosing === "pause") expect(s.overtime).toBe(0);
      else expect(s.overtime).toBeGreaterThan(0);
    }
  });
});

describe("determinism", () => {
  const traceHash = (seed: number) => {
    const sim = new Simulation();
    const hash = createHash("sha256");
    const a = createStream(seed, 0, "arrivals");
    const b = createStream(seed, 0, "service");
    const team = new Team(sim, { servers: 2, discipline: "priority" }, { done: () => {} });
    let n = 0;
    const arrive = () => {
      team.arrive(n, exponential(1.5).sample(b), 0, n % 3, n % 5 === 0 ? 2 : Infinity);
      n++;
      if (n < 20000) sim.schedule(exponential(1).sample(a), arrive);
    };
    sim.schedule(0, arrive);
    sim.run({ trace: (t, k) => hash.update(`${k}:${t};`) });
    return hash.digest("hex");
  };

  it("gives an identical event trace for the same seed and a different one for another seed", () => {
    expect(traceHash(1)).toBe(traceHash(1));
    expect(traceHash(1)).not.toBe(traceHash(2));
  });

  it("gives identical statistics for identical inputs", () => {
    const spec = [{ servers: 2, service: exponential(1 / 0.8) }];
    expect(runNetwork(9, 3, 1.2, spec, 0.1, 20_000, 1_000)).toEqual(runNetwork(9, 3, 1.2, spec, 0.1, 20_000, 1_000));
  });
});
