import { describe, expect, it } from "vitest";
import { EventCalendar, Simulation } from "../../src/engine/index.js";

describe("EventCalendar", () => {
  it("fires events in (time, priority, sequence) order", () => {
    const cal = new EventCalendar(4);
    const fired: number[] = [];
    const h = (p: number) => fired.push(p);
    cal.push(5, 0, h, 1);
    cal.push(2, 0, h, 2);
    cal.push(5, -1, h, 3); // same time as 1, lower priority value first
    cal.push(5, 0, h, 4); // same time and priority as 1, scheduled later
    cal.push(0, 0, h, 5);
    while (cal.fireNext());
    expect(fired).toEqual([5, 2, 3, 1, 4]);
  });

  it("sorts many random events exactly like a stable sort on (time, priority)", () => {
    const cal = new EventCalendar(2);
    const keys: { t: number; p: number; i: number }[] = [];
    let x = 12345;
    const lcg = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(lcg() * 100);
      const p = Math.floor(lcg() * 3);
      keys.push({ t, p, i });
    }
    const fired: number[] = [];
    for (const k of keys) cal.push(k.t, k.p, (i) => fired.push(i), k.i);
    while (cal.fireNext());
    const expected = [...keys].sort((a, b) => a.t - b.t || a.p - b.p || a.i - b.i).map((k) => k.i);
    expect(fired).toEqual(expected);
  });

  it("orders the whole range of priorities, and refuses one outside it or not whole", () => {
    const cal = new EventCalendar();
    const fired: number[] = [];
    const h = (p: number) => fired.push(p);
    for (const p of [2047, 0, -2048, 1, -1]) cal.push(7, p, h, p);
    while (cal.fireNext());
    expect(fired).toEqual([-2048, -1, 0, 1, 2047]);
    for (const bad of [2048, -2049, 0.5, NaN, Infinity]) expect(() => cal.push(1, bad, h, 0)).toThrow(`priority must be an integer from -2048 to 2047, got ${bad}`);
    expect(() => new Simulation().schedule(1, h, 0, 1e9)).toThrow(/priority must be an integer/);
  });

  it("cancels pending events and refuses stale ids", () => {
    const cal = new EventCalendar();
    const fired: number[] = [];
    const h = (p: number) => fired.push(p);
    const a = cal.push(1, 0, h, 1);
    cal.push(2, 0, h, 2);
    expect(cal.cancel(a)).toBe(true);
    expect(cal.cancel(a)).toBe(false);
    expect(cal.pending).toBe(1);
    while (cal.fireNext());
    expect(fired).toEqual([2]);
    // the slot of `a` is reused by a new event: the old id must not cancel it
    cal.push(3, 0, h, 3);
    expect(cal.cancel(a)).toBe(false);
    while (cal.fireNext());
    expect(fired).toEqual([2, 3]);
  });

  it("compacts when most entries are cancelled, keeping the order of the rest", () => {
    const cal = new EventCalendar();
    const fired: number[] = [];
    const ids: number[] = [];
    for (let i = 0; i < 10000; i++) ids.push(cal.push(10000 - i, 0, (p) => fired.push(p), i));
    ids.forEach((id, i) => {
      if (i % 10 !== 0) cal.cancel(id);
    });
    expect(cal.pending).toBe(1000);
    expect(cal.size).toBeLessThan(2 * 1000 + 1100);
    while (cal.fireNext());
    const expected = Array.from({ length: 1000 }, (_, k) => 9990 - 10 * k);
    expect(fired).toEqual(expected);
  });
});

describe("Simulation", () => {
  it("advances the clock to each event and to `until`", () => {
    const sim = new Simulation();
    const seen: number[] = [];
    sim.schedule(3, () => seen.push(sim.now));
    sim.schedule(7, () => seen.push(sim.now));
    sim.schedule(20, () => seen.push(sim.now));
    const r = sim.run({ until: 10 });
    expect(seen).toEqual([3, 7]);
    expect(r).toEqual({ reason: "until", events: 2, now: 10 });
    expect(sim.pending).toBe(1);
    const r2 = sim.run();
    expect(seen).toEqual([3, 7, 20]);
    expect(r2.reason).toBe("empty");
  });

  it("fires an event due exactly at `until`, and tells a calendar run empty before `until` from one stopped by it", () => {
    const sim = new Simulation();
    const seen: number[] = [];
    sim.schedule(10, () => seen.push(sim.now));
    expect(sim.run({ until: 10 })).toEqual({ reason: "empty", events: 1, now: 10 });
    sim.schedule(5, () => seen.push(sim.now));
    expect(sim.run({ until: 30 })).toEqual({ reason: "empty", events: 1, now: 30 });
    sim.schedule(Number.MAX_VALUE - sim.now, () => seen.push(sim.now));
    expect(sim.run({ until: 1e300 })).toEqual({ reason: "until", events: 0, now: 1e300 });
    expect(sim.run()).toEqual({ reason: "empty", events: 1, now: Number.MAX_VALUE });
    expect(seen).toEqual([10, 15, Number.MAX_VALUE]);
  });

  it("stops after maxEvents without moving the clock past the last event", () => {
    const sim = new Simulation();
    const tick = () => sim.schedule(1, tick);
    sim.schedule(0, tick);
    const r = sim.run({ maxEvents: 5, until: 100 });
    expect(r).toEqual({ reason: "maxEvents", events: 5, now: 4 });
  });

  it("lets handlers schedule at the current time and runs them in order", () => {
    const sim = new Simulation();
    const log: string[] = [];
    sim.schedule(1, () => {
      log.push("a");
      sim.schedule(0, () => log.push("c"));
      sim.schedule(0, () => log.push("b"), 0, -1);
    });
    sim.run();
    expect(log).toEqual(["a", "b", "c"]);
  });

  it("does not let a cancelled event move the clock", () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const id = sim.schedule(1, () => seen.push(-1));
    sim.schedule(5, () => seen.push(sim.now));
    sim.cancel(id);
    sim.run({ until: 3 });
    expect(sim.now).toBe(3);
    sim.run();
    expect(seen).toEqual([5]);
  });

  it("rejects negative delays, past times and bad limits", () => {
    const sim = new Simulation();
    expect(() => sim.schedule(-1, () => {})).toThrow(/delay must be ≥ 0, got -1/);
    expect(() => sim.schedule(NaN, () => {})).toThrow(/delay/);
    sim.run({ until: 5 });
    expect(() => sim.scheduleAt(4, () => {})).toThrow(/time must be ≥ now \(5\), got 4/);
    expect(() => sim.run({ until: 1 })).toThrow(/until/);
    expect(sim.schedule(Infinity, () => {})).toBe(-1);
    expect(sim.cancel(-1)).toBe(false);
  });

  it("gives an identical trace for identical inputs", () => {
    const traceOf = () => {
      const sim = new Simulation();
      const out: number[] = [];
      let n = 0;
      const h = (p: number) => {
        if (n++ < 200) sim.schedule((p * 7) % 5, h, (p * 31 + 7) % 101, p % 3);
      };
      for (let i = 0; i < 5; i++) sim.schedule(i % 2, h, i);
      sim.run({ trace: (t, k) => out.push(t, k) });
      return out;
    };
    expect(traceOf()).toEqual(traceOf());
  });
});

describe("Simulation.stop", () => {
  it("returns after the current event and can be resumed", () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const tick = () => {
      seen.push(sim.now);
      if (sim.now === 3) sim.stop();
      sim.schedule(1, tick);
    };
    sim.schedule(0, tick);
    expect(sim.run({ until: 10 })).toEqual({ reason: "stopped", events: 4, now: 3 });
    expect(sim.run({ until: 5 }).reason).toBe("until");
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe("memory", () => {
  it("grows with the events pending at once, not with the events fired", () => {
    const cal = new EventCalendar(4);
    let t = 0;
    const h = () => {};
    for (let i = 0; i < 8; i++) cal.push(t + i, 0, h, 0);
    const ids: number[] = [];
    for (let k = 0; k < 500_000; k++) {
      cal.fireNext();
      t += 1;
      ids.push(cal.push(t + 8, 0, h, 0));
      // a pending timer that is cancelled again, as patience timers are
      const timer = cal.push(t + 100, 0, h, 0);
      cal.cancel(timer);
      if (ids.length > 16) ids.shift();
    }
    expect(cal.pending).toBe(8);
    expect(cal.allocatedSlots).toBeLessThanOrEqual(4096);
  });
});
