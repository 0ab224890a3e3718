import { describe, expect, it } from "vitest";
import { MINUTES_PER_DAY, Simulation, Team, WeeklyCalendar } from "../../src/engine/index.js";

function setup(options: ConstructorParameters<typeof Team>[1]) {
  const sim = new Simulation();
  const log: string[] = [];
  const team = new Team(sim, options, {
    done: (e, tag, server) => log.push(`done ${e} tag${tag} s${server} @${sim.now}`),
    started: (e, _tag, waited) => log.push(`start ${e} waited ${waited} @${sim.now}`),
    reneged: (e, _tag, waited) => log.push(`renege ${e} after ${waited} @${sim.now}`),
  });
  return { sim, team, log };
}

describe("Team", () => {
  it("serves first come first served with one server", () => {
    const { sim, team, log } = setup({ servers: 1 });
    team.arrive(1, 5, 7);
    team.arrive(2, 3);
    sim.schedule(1, () => team.arrive(3, 1));
    sim.run();
    expect(log).toEqual([
      "start 1 waited 0 @0",
      "start 2 waited 5 @5",
      "done 1 tag7 s0 @5",
      "start 3 waited 7 @8",
      "done 2 tag0 s0 @8",
      "done 3 tag0 s0 @9",
    ]);
  });

  it("uses every server before anyone waits", () => {
    const { sim, team } = setup({ servers: 3 });
    for (let i = 0; i < 5; i++) team.arrive(i, 10);
    expect(team.busy).toBe(3);
    expect(team.queueLength).toBe(2);
    sim.run();
    const s = team.stats();
    expect(s.completed).toBe(5);
    expect(s.meanWait).toBeCloseTo((0 + 0 + 0 + 10 + 10) / 5, 12);
    // busy 3 for 10 minutes, then 2 for 10 minutes: 50 server-minutes in 20 minutes
    expect(s.meanBusy).toBeCloseTo(50 / 20, 12);
    expect(s.utilisation).toBeCloseTo(50 / 60, 12);
    expect(s.meanQueueLength).toBeCloseTo(20 / 20, 12);
    expect(s.maxQueueLength).toBe(2);
  });

  it("serves by priority, ties first come first served", () => {
    const { sim, team, log } = setup({ servers: 1, discipline: "priority" });
    team.arrive(0, 1);
    team.arrive(1, 1, 0, 5);
    team.arrive(2, 1, 0, 1);
    team.arrive(3, 1, 0, 5);
    team.arrive(4, 1, 0, 0);
    sim.run();
    const order = log.filter((l) => l.startsWith("start")).map((l) => Number(l.split(" ")[1]));
    expect(order).toEqual([0, 4, 2, 1, 3]);
  });

  it("lets impatient entities renege, and never serves them", () => {
    const { sim, team, log } = setup({ servers: 1 });
    team.arrive(1, 10);
    team.arrive(2, 1, 0, 0, 4); // leaves at 4
    team.arrive(3, 1, 0, 0, 20); // served at 10
    sim.run();
    expect(log).toContain("renege 2 after 4 @4");
    expect(log).toContain("start 3 waited 10 @10");
    expect(log.some((l) => l.startsWith("start 2"))).toBe(false);
    const s = team.stats();
    expect(s.reneged).toBe(1);
    expect(s.meanTimeInLine).toBeCloseTo((0 + 4 + 10) / 3, 12);
    expect(sim.pending).toBe(0);
  });

  it("cancels the patience timer when service starts", () => {
    const { sim, team, log } = setup({ servers: 1 });
    team.arrive(1, 2);
    team.arrive(2, 1, 0, 0, 5);
    sim.run({ until: 2.5 });
    expect(sim.pending).toBe(1); // only entity 2's completion
    sim.run();
    expect(log.filter((l) => l.startsWith("renege"))).toEqual([]);
  });

  it("withdraws a waiting entity without calling hooks", () => {
    const { sim, team, log } = setup({ servers: 1 });
    team.arrive(1, 2);
    const ticket = team.arrive(2, 1, 0, 0, 50);
    expect(team.withdraw(ticket)).toBe(true);
    expect(team.withdraw(ticket)).toBe(false);
    sim.run();
    expect(log.join()).not.toContain(" 2 ");
    expect(sim.now).toBe(2);
  });

  it("keeps many reneged entries from piling up (compaction)", () => {
    const sim = new Simulation();
    let reneged = 0;
    const team = new Team(sim, { servers: 1 }, { done: () => {}, reneged: () => reneged++ });
    team.arrive(-1, 1e6);
    for (let i = 0; i < 20000; i++) team.arrive(i, 1, 0, 0, i % 2 === 0 ? 1 : 1e7);
    sim.run({ until: 10 });
    expect(reneged).toBe(10000);
    expect(team.queueLength).toBe(10000);
    sim.run();
    expect(team.stats().completed).toBe(10001);
  });

  describe("opening hours", () => {
    const hours = WeeklyCalendar.weekdays("08:00", "16:00");
    const eight = 8 * 60;

    it("starts no service while closed and starts waiting work at opening", () => {
      const { sim, team, log } = setup({ servers: 1, openingHours: hours });
      team.arrive(1, 30); // Monday 00:00: closed
      expect(team.busy).toBe(0);
      sim.run();
      expect(log[0]).toBe(`start 1 waited ${eight} @${eight}`);
    });

    it("finishes work in hand after closing by default, counting overtime", () => {
      const { sim, team, log } = setup({ servers: 1, openingHours: hours });
      sim.schedule(15 * 60 + 30, () => {
        team.arrive(1, 60); // 15:30 → done 16:30
        team.arrive(2, 10); // waits for Tuesday 08:00
      });
      sim.run();
      expect(log).toContain(`done 1 tag0 s0 @${16 * 60 + 30}`);
      expect(log).toContain(`start 2 waited ${MINUTES_PER_DAY + eight - (15 * 60 + 30)} @${MINUTES_PER_DAY + eight}`);
      sim.run({ until: 2 * MINUTES_PER_DAY });
      const s = team.stats();
      expect(s.overtime).toBeCloseTo(30, 9);
      expect(s.busyTime).toBeCloseTo(70, 9);
      expect(s.openTime).toBe(2 * 480);
      expect(s.utilisation).toBeCloseTo(70 / (960 + 30), 12);
    });

    it("pauses work in hand at closing when asked, and resumes it at opening", () => {
      const { sim, team, log } = setup({ servers: 1, openingHours: hours, atClosing: "pause" });
      sim.schedule(15 * 60 + 30, () => team.arrive(1, 60));
      sim.run();
      // 30 minutes on Monday, 30 more from Tuesday 08:00
      expect(log).toContain(`done 1 tag0 s0 @${MINUTES_PER_DAY + eight + 30}`);
      const s = team.stats();
      expect(s.overtime).toBe(0);
      expect(s.busyTime).toBeCloseTo(60, 9);
    });

    it("carries paused work over a weekend", () => {
      const { sim, team, log } = setup({ servers: 2, openingHours: hours, atClosing: "pause" });
      const fridayLate = 4 * MINUTES_PER_DAY + 15 * 60;
      sim.schedule(fridayLate, () => {
        team.arrive(1, 120);
        team.arrive(2, 30);
      });
      sim.run();
      expect(log).toContain(`done 2 tag0 s1 @${fridayLate + 30}`);
      expect(log).toContain(`done 1 tag0 s0 @${7 * MINUTES_PER_DAY + eight + 60}`);
    });
  });

  it("rejects bad input with the team's name and the value", () => {
    const sim = new Simulation();
    expect(() => new Team(sim, { name: "desk", servers: 0 }, { done: () => {} })).toThrow(
      /servers of team "desk" must be an integer ≥ 1, got 0/,
    );
    const t = new Team(sim, { name: "desk", servers: 1 }, { done: () => {} });
    expect(() => t.arrive(1, -1)).toThrow(/serviceTime at team "desk" must be finite and ≥ 0, got -1/);
    t.arrive(1, 1);
    expect(() => t.arrive(2, 1, 0, 0, -3)).toThrow(/patience/);
  });
});

describe("Team with servers on different hours", () => {
  const mornings = WeeklyCalendar.weekdays("08:00", "12:00");
  const afternoons = WeeklyCalendar.weekdays("12:00", "16:00");

  it("lets each server start work only in its own hours, and counts capacity server by server", () => {
    const sim = new Simulation();
    const starts: [number, number][] = [];
    const team = new Team(sim, { servers: 2, serverHours: [mornings, afternoons] }, {
      done: () => {},
      started: (_e, _t, _w, server) => starts.push([server, sim.now]),
    });
    for (let i = 0; i < 40; i++) sim.schedule(i * 30, () => team.arrive(i, 50));
    sim.run({ until: 7 * 1440 });
    expect(starts.length).toBe(40);
    for (const [server, t] of starts) expect((server === 0 ? mornings : afternoons).isOpen(t)).toBe(true);
    expect(starts.some(([s]) => s === 0)).toBe(true);
    expect(starts.some(([s]) => s === 1)).toBe(true);
    const st = team.stats();
    expect(st.capacityTime).toBe(2 * 5 * 240);
    expect(st.openTime).toBe(5 * 480);
    expect(st.busyTime).toBeCloseTo(40 * 50, 9);
    expect(st.utilisation).toBeCloseTo(2000 / (2400 + st.overtime), 9);
    expect(st.overtime).toBeGreaterThanOrEqual(0);
  });

  it("refuses a wrong number of calendars and the pause rule", () => {
    const sim = new Simulation();
    expect(() => new Team(sim, { name: "t", servers: 2, serverHours: [mornings] }, { done: () => {} })).toThrow(/one calendar per server \(2\), got 1/);
    expect(() => new Team(sim, { name: "t", servers: 2, serverHours: [mornings, afternoons], atClosing: "pause" }, { done: () => {} })).toThrow(/pause/);
  });
});

describe("Team with servers on different hours: waking", () => {
  it("wakes at the earliest opening of a server freed after a later wake was planned", () => {
    const mornings = WeeklyCalendar.weekdays("08:00", "12:00");
    const afternoons = WeeklyCalendar.weekdays("12:00", "16:00");
    const sim = new Simulation();
    const starts: string[] = [];
    const team = new Team(sim, { servers: 2, serverHours: [mornings, afternoons] }, {
      done: () => {},
      started: (e, _t, _w, server) => starts.push(`${e} s${server} @${sim.now}`),
    });
    sim.schedule(11 * 60, () => team.arrive(1, 600)); // server 0 works Monday 11:00–21:00
    sim.schedule(20 * 60, () => team.arrive(2, 10)); // waits; server 1 opens Tuesday 12:00
    sim.run({ until: 2 * MINUTES_PER_DAY });
    // server 0, free from 21:00, opens Tuesday 08:00: earlier than server 1
    expect(starts).toEqual(["1 s0 @660", `2 s0 @${MINUTES_PER_DAY + 8 * 60}`]);
  });
});

describe("Team.peekStats and peekSums", () => {
  it("reads the statistics so far without changing a later snapshot by one bit", () => {
    const build = (peek: boolean) => {
      const sim = new Simulation();
      const hours = WeeklyCalendar.fromIntervals([[8 * 60, 16 * 60]]);
      const team = new Team(sim, { servers: 2, openingHours: hours }, { done: () => undefined });
      const peeks: number[] = [];
      for (let i = 0; i < 200; i++) sim.scheduleAt(i * 37.3, () => team.arrive(i, 13.7 + (i % 7) * 9.1), 0, 0);
      const sums = new Float64Array(4);
      if (peek) {
        for (let k = 1; k < 50; k++) {
          sim.scheduleAt(k * 151.9, () => {
            const s = team.peekStats();
            team.peekSums(sums, 0);
            // the four sums the series need are the statistics' own
            expect(sums[0]).toBe(s.busyTime);
            expect(sums[1]).toBe(s.capacityTime + s.overtime);
            expect(sums[2]).toBeCloseTo(s.meanQueueLength * s.elapsed, 9);
            expect(sums[3]).toBe(s.elapsed);
            peeks.push(s.busyTime);
          }, 0, -1);
        }
      }
      sim.run({ until: 9000 });
      return { stats: team.stats(), peeks };
    };
    const plain = build(false);
    const peeked = build(true);
    expect(peeked.stats).toEqual(plain.stats);
    expect(peeked.peeks.length).toBe(49);
    expect(peeked.peeks.every((b, i) => i === 0 || b >= peeked.peeks[i - 1]!)).toBe(true);
  });
});
