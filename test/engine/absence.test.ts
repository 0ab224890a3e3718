/**
 * Absence of single servers (Team.setAbsent): hand-checked behaviour and statistics, then an
 * M/M/c queue whose last server is away every other long block, against Erlang C.
 */
import { describe, expect, it } from "vitest";
import { MINUTES_PER_DAY, Simulation, Team, WeeklyCalendar } from "../../src/engine/index.js";
import { createStream, exponential } from "../../src/random/index.js";
import { mmc } from "../../src/analysis/index.js";
import { interval } from "../theory/network.js";

function setup(options: ConstructorParameters<typeof Team>[1]) {
  const sim = new Simulation();
  const log: string[] = [];
  const team = new Team(sim, options, {
    done: (e, _tag, server) => log.push(`done ${e} s${server} @${sim.now}`),
    started: (e, _tag, waited, server) => log.push(`start ${e} s${server} waited ${waited} @${sim.now}`),
  });
  return { sim, team, log };
}

const hours = WeeklyCalendar.weekdays("08:00", "16:00");
const mornings = WeeklyCalendar.weekdays("08:00", "12:00");
const afternoons = WeeklyCalendar.weekdays("12:00", "16:00");
const at = (h: number, m = 0) => h * 60 + m; // Monday h:m

describe("Team.setAbsent: behaviour", () => {
  it("queues work for the server still in, and starts it when the absent one comes back", () => {
    const { sim, team, log } = setup({ servers: 2 });
    team.setAbsent(1, true);
    expect(team.isAbsent(1)).toBe(true);
    expect(team.isAbsent(0)).toBe(false);
    team.arrive(1, 10);
    sim.schedule(1, () => team.arrive(2, 10));
    sim.schedule(2, () => team.arrive(3, 5));
    sim.schedule(12, () => team.setAbsent(1, false));
    sim.run();
    expect(log).toEqual([
      "start 1 s0 waited 0 @0",
      "start 2 s0 waited 9 @10",
      "done 1 s0 @10",
      "start 3 s1 waited 10 @12",
      "done 3 s1 @17",
      "done 2 s0 @20",
    ]);
    expect(team.isAbsent(1)).toBe(false);
  });

  it("lets a busy server finish its work in hand (done fires), then gives it no more", () => {
    const { sim, team, log } = setup({ servers: 2 });
    team.arrive(1, 10); // server 0
    team.arrive(2, 3); // server 1
    sim.schedule(5, () => team.setAbsent(0, true));
    sim.schedule(6, () => team.arrive(3, 4)); // server 1, free since 3
    sim.schedule(7, () => team.arrive(4, 4)); // waits: server 0 is busy and absent
    sim.schedule(20, () => team.arrive(5, 1)); // server 1 again, though server 0 is free
    sim.run();
    expect(log).toEqual([
      "start 1 s0 waited 0 @0",
      "start 2 s1 waited 0 @0",
      "done 2 s1 @3",
      "start 3 s1 waited 0 @6",
      "done 1 s0 @10",
      "start 4 s1 waited 3 @10",
      "done 3 s1 @10",
      "done 4 s1 @14",
      "start 5 s1 waited 0 @20",
      "done 5 s1 @21",
    ]);
    expect(team.busy).toBe(0);
  });

  it("goes back to work it was away from when back while still busy, and stays in", () => {
    const { sim, team, log } = setup({ servers: 1 });
    team.arrive(1, 10);
    sim.schedule(2, () => team.setAbsent(0, true));
    sim.schedule(4, () => team.setAbsent(0, false)); // back before the work is done
    sim.schedule(5, () => team.arrive(2, 1)); // waits for server 0, then starts at 10
    sim.run();
    expect(log).toContain("start 2 s0 waited 5 @10");
    expect(team.stats().absentTime).toBe(2);
  });

  it("is idempotent: absent twice is absent once, back when present does nothing", () => {
    const { sim, team, log } = setup({ servers: 1 });
    team.setAbsent(0, false); // present already
    team.setAbsent(0, true);
    team.setAbsent(0, true);
    team.arrive(1, 1);
    expect(team.busy).toBe(0);
    sim.schedule(3, () => {
      team.setAbsent(0, false);
      team.setAbsent(0, false);
    });
    sim.schedule(3, () => team.arrive(2, 1)); // must wait: one server, not two
    sim.run();
    expect(log).toEqual(["start 1 s0 waited 3 @3", "start 2 s0 waited 1 @4", "done 1 s0 @4", "done 2 s0 @5"]);
    const s = team.stats();
    expect(s.absentTime).toBe(3);
    expect(s.capacityTime).toBe(2);

    // absent twice while busy: the work in hand is overtime once
    const b = setup({ servers: 1 });
    b.team.arrive(1, 10);
    b.sim.schedule(4, () => b.team.setAbsent(0, true));
    b.sim.schedule(6, () => b.team.setAbsent(0, true));
    b.sim.run({ until: 20 });
    const sb = b.team.stats();
    expect(sb.overtime).toBe(6);
    expect(sb.absentTime).toBe(16);
    expect(sb.capacityTime).toBe(4);
    expect(sb.utilisation).toBe(1);
  });

  it("refuses a server index out of range, naming the team, and the pause rule", () => {
    const sim = new Simulation();
    const t = new Team(sim, { name: "desk", servers: 2 }, { done: () => {} });
    expect(() => t.setAbsent(2, true)).toThrow(RangeError);
    expect(() => t.setAbsent(2, true)).toThrow(/server of team "desk" must be an integer from 0 to 1, got 2/);
    expect(() => t.setAbsent(-1, false)).toThrow(/got -1/);
    expect(() => t.setAbsent(0.5, true)).toThrow(/got 0.5/);
    expect(() => t.setAbsent(NaN, true)).toThrow(/got NaN/);
    const paused = new Team(sim, { name: "drawer", servers: 1, openingHours: hours, atClosing: "pause" }, { done: () => {} });
    expect(() => paused.setAbsent(0, true)).toThrow(/team "drawer": absence needs the "finish" closing rule/);
  });

  it("plans a wake when a server comes back while closed and nobody else can work", () => {
    const { sim, team, log } = setup({ servers: 1, openingHours: hours });
    sim.schedule(at(7), () => team.setAbsent(0, true));
    sim.schedule(at(9), () => team.arrive(1, 30)); // nobody in: waits, no wake planned
    sim.schedule(at(20), () => team.setAbsent(0, false)); // back after closing
    sim.run();
    expect(log).toEqual([
      `start 1 s0 waited ${MINUTES_PER_DAY + at(8) - at(9)} @${MINUTES_PER_DAY + at(8)}`,
      `done 1 s0 @${MINUTES_PER_DAY + at(8, 30)}`,
    ]);
  });

  it("starts waiting work at once when a server comes back in its open hours", () => {
    const { sim, team, log } = setup({ servers: 1, openingHours: hours });
    sim.schedule(at(7), () => team.setAbsent(0, true));
    sim.schedule(at(9), () => team.arrive(1, 30));
    sim.schedule(at(10), () => team.setAbsent(0, false));
    sim.run();
    expect(log[0]).toBe(`start 1 s0 waited 60 @${at(10)}`);
  });

  it("with servers on different hours, wakes at the returning server's earlier opening", () => {
    const { sim, team, log } = setup({ servers: 2, serverHours: [mornings, afternoons] });
    team.setAbsent(0, true); // the morning server is away
    sim.schedule(at(17), () => team.arrive(1, 30)); // waits for the afternoon server (Tuesday 12:00)
    sim.schedule(at(20), () => team.setAbsent(0, false)); // the morning server opens Tuesday 08:00
    sim.run();
    expect(log[0]).toBe(`start 1 s0 waited ${MINUTES_PER_DAY + at(8) - at(17)} @${MINUTES_PER_DAY + at(8)}`);
  });
});

describe("Team.setAbsent: statistics", () => {
  it("takes absent open time out of capacity, across a reset and in a snapshot mid-spell (hand-checked)", () => {
    // 2 servers, weekdays 08:00–16:00. Monday: A 09:00 for 120 (server 0), server 0 absent
    // 10:00–15:00; B 10:00 for 60 (server 1); C 10:10 for 30 waits until 11:00 (server 1);
    // reset at 12:00; D 13:00 for 30 (server 1); E 15:50 for 30 (server 0, back: 20 overtime).
    const { sim, team, log } = setup({ servers: 2, openingHours: hours });
    const snaps: Record<string, ReturnType<Team["stats"]>> = {};
    sim.schedule(at(9), () => team.arrive(1, 120));
    sim.schedule(at(10), () => team.setAbsent(0, true));
    sim.schedule(at(10), () => team.arrive(2, 60));
    sim.schedule(at(10, 10), () => team.arrive(3, 30));
    sim.schedule(at(12), () => {
      snaps.beforeReset = team.stats();
      team.resetStats();
    });
    sim.schedule(at(13), () => team.arrive(4, 30));
    sim.schedule(at(14), () => (snaps.midSpell = team.stats()));
    sim.schedule(at(15), () => team.setAbsent(0, false));
    sim.schedule(at(15, 50), () => team.arrive(5, 30));
    sim.run({ until: MINUTES_PER_DAY });
    snaps.end = team.stats();
    expect(log).toContain(`done 1 s0 @${at(11)}`);
    expect(log).toContain(`start 3 s1 waited 50 @${at(11)}`);
    expect(log).toContain(`start 5 s0 waited 0 @${at(15, 50)}`);

    // [00:00, 12:00): open 240 per server; server 0 away 10:00–12:00 (120 open minutes).
    // Busy: A 120 + B 60 + C 30 = 210, of which A's 60 minutes after 10:00 are overtime.
    const b = snaps.beforeReset!;
    expect(b.openTime).toBe(240);
    expect(b.absentTime).toBe(120);
    expect(b.capacityTime).toBe(360);
    expect(b.busyTime).toBe(210);
    expect(b.overtime).toBe(60);
    expect(b.utilisation).toBe(210 / 420);

    // [12:00, 14:00): server 0 away all of it, a spell that began before the reset.
    const m = snaps.midSpell!;
    expect(m.openTime).toBe(120);
    expect(m.absentTime).toBe(120);
    expect(m.capacityTime).toBe(120);
    expect(m.busyTime).toBe(30);
    expect(m.overtime).toBe(0);
    expect(m.utilisation).toBe(0.25);

    // [12:00, 24:00): open 240 per server; server 0 away 12:00–15:00 (180). Busy D 30 + E 30,
    // E's last 20 minutes after closing are overtime.
    const e = snaps.end!;
    expect(e.openTime).toBe(240);
    expect(e.absentTime).toBe(180);
    expect(e.capacityTime).toBe(300);
    expect(e.busyTime).toBe(60);
    expect(e.overtime).toBe(20);
    expect(e.utilisation).toBe(60 / 320);
  });

  it("forgets spells that ended before a reset", () => {
    const { sim, team } = setup({ servers: 2 });
    sim.schedule(0, () => team.setAbsent(0, true));
    sim.schedule(10, () => team.setAbsent(0, false));
    sim.schedule(20, () => team.resetStats());
    sim.schedule(22, () => team.setAbsent(1, true));
    sim.schedule(25, () => team.setAbsent(1, false));
    sim.run({ until: 30 });
    const s = team.stats();
    expect(s.absentTime).toBe(3);
    expect(s.capacityTime).toBe(2 * 10 - 3);
  });

  it("counts each server's own hours when servers work different hours (hand-checked)", () => {
    // Server 0 mornings, server 1 afternoons. Monday: work 11:00 for 120 on server 0, which is
    // away from 11:30 on (still away at the snapshot); server 1 away 13:00–15:00.
    const { sim, team, log } = setup({ servers: 2, serverHours: [mornings, afternoons] });
    sim.schedule(at(11), () => team.arrive(1, 120));
    sim.schedule(at(11, 30), () => team.setAbsent(0, true));
    sim.schedule(at(13), () => team.setAbsent(1, true));
    sim.schedule(at(15), () => team.setAbsent(1, false));
    sim.run({ until: MINUTES_PER_DAY });
    expect(log).toEqual([`start 1 s0 waited 0 @${at(11)}`, `done 1 s0 @${at(13)}`]);
    const s = team.stats();
    // scheduled 240 + 240; lost: server 0 11:30–12:00 (30), server 1 13:00–15:00 (120)
    expect(s.absentTime).toBe(150);
    expect(s.capacityTime).toBe(330);
    expect(s.busyTime).toBe(120);
    expect(s.overtime).toBe(90); // 11:30–13:00, all of it while absent
    expect(s.utilisation).toBe(120 / 420);
  });

  it("keeps utilisation within [0, 1] when a server goes absent while busy", () => {
    // without counting the absent server's work as overtime, capacity would be 10 against 100
    // minutes of work: 10 × over
    const one = setup({ servers: 1 });
    one.team.arrive(1, 100);
    one.sim.schedule(10, () => one.team.setAbsent(0, true));
    one.sim.run({ until: 100 });
    const s1 = one.team.stats();
    expect(s1.capacityTime).toBe(10);
    expect(s1.overtime).toBe(90);
    expect(s1.busyTime).toBe(100);
    expect(s1.busyTime).toBeLessThanOrEqual(s1.capacityTime + s1.overtime);
    expect(s1.utilisation).toBe(1);

    const two = setup({ servers: 2, openingHours: hours });
    two.sim.schedule(at(15, 30), () => two.team.arrive(1, 60)); // 15:30–16:30 on server 0
    two.sim.schedule(at(15, 45), () => two.team.setAbsent(0, true));
    two.sim.run({ until: MINUTES_PER_DAY });
    const s2 = two.team.stats();
    expect(s2.absentTime).toBe(15);
    expect(s2.capacityTime).toBe(2 * 480 - 15);
    expect(s2.overtime).toBe(15 + 30); // absent in open hours, then after closing: counted once
    expect(s2.busyTime).toBe(60);
    expect(s2.utilisation).toBe(60 / (945 + 45));
    expect(s2.utilisation).toBeGreaterThanOrEqual(0);
    expect(s2.utilisation).toBeLessThanOrEqual(1);
  });
});

/**
 * M/M/3 (λ = 1.2, μ = 1) whose third server is away every other block of 500 time units. Waits
 * of entities arriving in an away block, after 100 units of settling (about ten relaxation
 * times of M/M/2 at ρ = 0.6) and more than 20 before its end, follow M/M/2; in the blocks with
 * everyone in, M/M/3. R = 20 replications; the theory must lie in the 99% Student-t interval.
 */
describe("Team.setAbsent against queueing theory", () => {
  const lambda = 1.2;
  const block = 500;
  const settle = 100;
  const tail = 20;
  const pairs = 20;

  function run(replication: number) {
    const sim = new Simulation();
    const arrivals = createStream(301, replication, "arrivals");
    const services = createStream(301, replication, "service");
    const gap = exponential(1 / lambda);
    const service = exponential(1);
    const sums = { away: 0, awayN: 0, in: 0, inN: 0 };
    const team = new Team(sim, { servers: 3 }, {
      done: () => {},
      started: (_e, _t, waited) => {
        const arrived = sim.now - waited;
        const offset = arrived % block;
        if (offset < settle || offset >= block - tail) return;
        if (Math.floor(arrived / block) % 2 === 1) {
          sums.away += waited;
          sums.awayN++;
        } else {
          sums.in += waited;
          sums.inN++;
        }
      },
    });
    const end = 2 * pairs * block;
    for (let k = 1; k < 2 * pairs; k++) sim.scheduleAt(k * block, (away) => team.setAbsent(2, away === 1), k % 2);
    let id = 0;
    const arrive = () => {
      team.arrive(id++, service.sample(services));
      const next = sim.now + gap.sample(arrivals);
      if (next < end) sim.scheduleAt(next, arrive);
    };
    sim.scheduleAt(gap.sample(arrivals), arrive);
    sim.run({ until: end });
    const stats = team.stats();
    sim.run({ until: Infinity, maxEvents: Infinity });
    return { away: sums.away / sums.awayN, in: sums.in / sums.inN, stats };
  }

  it("waits like M/M/2 while one of 3 servers is away and like M/M/3 when all are in", () => {
    const runs = Array.from({ length: 20 }, (_, r) => run(r));
    const mm2 = mmc({ arrivalRate: lambda, serviceRate: 1, servers: 2 }).meanWait;
    const mm3 = mmc({ arrivalRate: lambda, serviceRate: 1, servers: 3 }).meanWait;
    expect(mm2).toBeCloseTo(0.5625, 12);
    expect(mm3).toBeCloseTo(0.48 / 3.4 / 1.8, 12);
    const away = interval(runs.map((x) => x.away));
    expect(mm2).toBeGreaterThanOrEqual(away.lo);
    expect(mm2).toBeLessThanOrEqual(away.hi);
    expect(away.halfWidth / mm2).toBeLessThan(0.07);
    const present = interval(runs.map((x) => x.in));
    expect(mm3).toBeGreaterThanOrEqual(present.lo);
    expect(mm3).toBeLessThanOrEqual(present.hi);
    expect(present.halfWidth / mm3).toBeLessThan(0.1);
    // the third server is away half the time (always open): capacity = 3 × end − absentTime
    for (const { stats } of runs) {
      expect(stats.elapsed).toBe(2 * pairs * block);
      expect(stats.absentTime).toBe(pairs * block); // the last spell still running
      expect(stats.capacityTime).toBe(3 * stats.elapsed - stats.absentTime);
      expect(stats.utilisation).toBeLessThanOrEqual(1);
    }
  });
});
