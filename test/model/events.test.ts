/**
 * Scenario events in a run: a demand surge raises the arrivals by its factor while it lasts
 * (checked against the Poisson standard error of the counts, with fixed seeds), leaves the
 * usual citizens' arrivals as they were (common random numbers), and staff and hours changes
 * show in the team's utilisation series while they last.
 */
import { describe, expect, it } from "vitest";
import { loadScenario, parseScenario, policies, scenarioToInput, simulate, type RunResult, type ScenarioInput } from "../../src/index.js";

const WEEK = 10080;
const OPTS = { horizon: 30 * WEEK, warmup: 8 * WEEK, series: "week" as const };
// the series' rows start at the warm-up's end (week 8)
const row = (week: number) => week - 8;
const sum = (a: ArrayLike<number>, from: number, to: number) => Array.from(a).slice(from, to).reduce((x, y) => x + y, 0);

/** The teaching scenario without a season (so weeks 10–19 and 20–27 have the same usual demand), with events. */
function flat(events: unknown[]): ScenarioInput {
  const input = scenarioToInput(loadScenario("teaching")) as unknown as { services: { profile?: Record<string, unknown> }[] } & Record<string, unknown>;
  for (const s of input.services) s.profile = { ...(s.profile ?? {}), byMonth: new Array(12).fill(1) };
  return { ...input, events } as unknown as ScenarioInput;
}

function arrived(run: RunResult): Float64Array {
  return run.series!.values["arrived"]!;
}

describe("scenario events in a run", () => {
  const surge = parseScenario(flat([{ at: "20 weeks", until: "28 weeks", demand: "+15%" }]));
  const usual = parseScenario(flat([]));
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const runs = seeds.map((seed) => ({ surge: simulate(surge, policies.minutes, { ...OPTS, seed }), usual: simulate(usual, policies.minutes, { ...OPTS, seed }) }));

  it("a 15% demand surge in weeks 20–28 raises the weekly arrivals by about 15% there (within the Poisson standard error)", () => {
    let before = 0;
    let during = 0;
    for (const r of runs) {
      before += sum(arrived(r.surge), row(10), row(20));
      during += sum(arrived(r.surge), row(20), row(28));
    }
    // per week: 10 weeks before, 8 during; log of the ratio of two Poisson counts has a
    // standard error of about sqrt(1/n1 + 1/n2)
    const ratio = during / 8 / (before / 10);
    const se = Math.sqrt(1 / before + 1 / during);
    expect(Math.abs(Math.log(ratio) - Math.log(1.15))).toBeLessThan(3.5 * se);
    // and it is clearly a rise: 1 is outside the interval
    expect(Math.log(ratio)).toBeGreaterThan(3 * se);
  });

  it("keeps the usual citizens (common random numbers): the same arrivals before the surge, and the surge only adds about 15% while it lasts", () => {
    let usualDuring = 0;
    let extra = 0;
    for (const r of runs) {
      // before the event the runs are the same, week for week
      expect(Array.from(arrived(r.surge)).slice(0, row(20))).toEqual(Array.from(arrived(r.usual)).slice(0, row(20)));
      const a = sum(arrived(r.surge), row(20), row(28));
      const b = sum(arrived(r.usual), row(20), row(28));
      expect(a).toBeGreaterThanOrEqual(b);
      usualDuring += b;
      extra += a - b;
    }
    // every usual citizen is in the surge's run, the very same (arrival, channel, kind, patience)
    const { surge: r, usual: u } = runs[0]!;
    const there = new Map<string, number>();
    for (let i = 0; i < r.needs.length; i++) there.set(`${r.needs.service[i]}:${r.needs.arrival[i]}`, i);
    for (let i = 0; i < u.needs.length; i++) {
      const j = there.get(`${u.needs.service[i]}:${u.needs.arrival[i]}`);
      expect(j).toBeDefined();
      expect([r.needs.channel[j!], r.needs.isCase[j!], r.needs.patience[j!]]).toEqual([u.needs.channel[i], u.needs.isCase[i], u.needs.patience[i]]);
    }
    // the surge's arrivals are Poisson with mean 0.15 × the usual mean: standard error about sqrt(extra)
    expect(Math.abs(extra - 0.15 * usualDuring)).toBeLessThan(3.5 * Math.sqrt(0.15 * usualDuring));
  });

  it("a fall in demand thins the usual arrivals, and the citizens kept are the same citizens", () => {
    const fall = parseScenario(flat([{ at: "20 weeks", until: "28 weeks", demand: "-50%", service: "questions" }]));
    const r = simulate(fall, policies.minutes, { ...OPTS, seed: 1 });
    const u = runs[0]!.usual;
    expect(Array.from(arrived(r)).slice(0, row(20))).toEqual(Array.from(arrived(u)).slice(0, row(20)));
    const a = sum(arrived(r), row(20), row(28));
    const b = sum(arrived(u), row(20), row(28));
    expect(a).toBeLessThan(b);
    expect(a).toBeGreaterThan(0.5 * b);
    // every citizen kept is the very same citizen: same arrival, channel, kind and patience
    const usual = new Map<string, number>();
    for (let i = 0; i < u.needs.length; i++) usual.set(`${u.needs.service[i]}:${u.needs.arrival[i]}`, i);
    let after = 0;
    for (let i = 0; i < r.needs.length; i++) {
      const j = usual.get(`${r.needs.service[i]}:${r.needs.arrival[i]}`);
      expect(j).toBeDefined();
      expect([r.needs.channel[i], r.needs.isCase[i], r.needs.patience[i]]).toEqual([u.needs.channel[j!], u.needs.isCase[j!], u.needs.patience[j!]]);
      if (r.needs.arrival[i]! >= 28 * WEEK) after++;
    }
    expect(after).toBeGreaterThan(100);
  });

  it("an absence wave raises, and hires lower, the team's utilisation while they last; shortened hours show in the queue", () => {
    const util = (events: unknown[], team: string) => {
      const r = simulate(parseScenario(flat(events)), policies.minutes, { ...OPTS, seed: 4 });
      const u = r.series!.values[`utilisation.${team}`]!;
      return { before: sum(u, row(10), row(14)) / 4, during: sum(u, row(14), row(18)) / 4, queue: sum(r.series!.values[`queueLength.${team}`]!, row(14), row(18)) / 4 };
    };
    const base = util([], "desk");
    const cut = util([{ at: "14 weeks", until: "18 weeks", team: "desk", staff: -1 }], "desk");
    expect(cut.before).toBe(base.before);
    expect(cut.during).toBeGreaterThan(base.during * 1.4);
    const officers = util([], "officers");
    const hired = util([{ at: "14 weeks", until: "18 weeks", team: "officers", staff: "+2" }], "officers");
    expect(hired.before).toBe(officers.before);
    expect(hired.during).toBeLessThan(officers.during * 0.6);
    const short = util([{ at: "14 weeks", until: "18 weeks", team: "desk", hours: "Mon-Fri 09:00-10:00" }], "desk");
    expect(short.during).toBeGreaterThan(base.during * 1.4);
    expect(short.queue).toBeGreaterThan(base.queue);
  });

  it("works under both policies, and with no events (or an empty list) the run is the very same", () => {
    // (both through the input format: writing a rate in words may round its last bit)
    const input = scenarioToInput(loadScenario("teaching"));
    const s = parseScenario(input);
    const none = parseScenario({ ...input, events: [] });
    for (const policy of [policies.minutes, policies.whole]) {
      const a = simulate(s, policy, { horizon: 12 * WEEK, warmup: 2 * WEEK, seed: 3 });
      const b = simulate(none, policy, { horizon: 12 * WEEK, warmup: 2 * WEEK, seed: 3 });
      expect(Array.from(b.needs.arrival)).toEqual(Array.from(a.needs.arrival));
      expect(b.teams.map((t) => t.stats.busyTime)).toEqual(a.teams.map((t) => t.stats.busyTime));
      const all = parseScenario({
        ...input,
        events: [
          { at: "4 weeks", until: "8 weeks", demand: "x1.5" },
          { at: "5 weeks", team: "officers", staff: "+1" },
          { at: "6 weeks", until: "7 weeks", team: "desk", staff: -1 },
          { at: "6 weeks", until: "9 weeks", team: "desk", hours: "Mon-Fri 09:00-11:00" },
        ],
      });
      const c = simulate(all, policy, { horizon: 12 * WEEK, warmup: 2 * WEEK, seed: 3 });
      expect(c.needs.length).toBeGreaterThan(a.needs.length);
    }
  });
});
