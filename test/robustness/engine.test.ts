/**
 * The engine on random queueing networks: conservation, the engine's counters against the
 * harness's, Little's law on the sample path (the network and each waiting line), patience
 * kept by reneging customers, and Jackson/Erlang-C theory for stable exponential networks
 * (quick version; `npm run test:long` runs more).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jacksonArb, networkArb, networkViolations, runNetwork, theoryViolations, type NetworkOutcome, type NetworkParams } from "./engineNetwork.js";

const SEED = 20261127;

function check(p: NetworkParams, theory: boolean): NetworkOutcome {
  const o = runNetwork(p);
  const v = [...networkViolations(p, o), ...(theory ? theoryViolations(p, o) : [])];
  if (v.length > 0) throw new Error(v.join("\n"));
  return o;
}

describe("random queueing networks on the engine", () => {
  it("M/M/c and Jackson networks (ρ ≤ 0.8): conservation, Little, and the mean time in system of theory", () => {
    fc.assert(fc.property(jacksonArb(20_000), (p) => void check(p, true)), { seed: SEED, numRuns: 12 });
  });

  it("general networks (cv 0 to 4, reneging, closing hours, either closing rule, ρ up to 1.5): conservation, Little and patience", () => {
    let runs = 0;
    let reneging = 0;
    let reneged = 0;
    fc.assert(
      fc.property(networkArb(3_000), (p) => {
        const o = check(p, false);
        runs++;
        if (o.reneged > 0) reneging++;
        reneged += o.reneged;
      }),
      { seed: SEED, numRuns: 30 },
    );
    // the property exercises reneging: many runs lose customers to it, and in numbers
    expect(runs).toBe(30);
    expect(reneging).toBeGreaterThan(10);
    expect(reneged).toBeGreaterThan(1000);
  });

  it("the checks have teeth", () => {
    const p = fc.sample(networkArb(2_000).filter((q) => q.stations.some((s) => s.meanPatience !== null)), { seed: SEED, numRuns: 1 })[0]!;
    const o = runNetwork(p);
    expect(networkViolations(p, o)).toEqual([]);
    expect(o.reneged).toBeGreaterThan(0);
    expect(networkViolations(p, { ...o, departed: o.departed - 1 }).join()).toMatch(/conservation/);
    expect(networkViolations(p, { ...o, area: o.area * 1.001 + 1 }).join()).toMatch(/Little/);
    expect(networkViolations(p, { ...o, drained: { ...o.drained, inSystem: 1, queued: 1 } }).join()).toMatch(/after draining/);
    expect(networkViolations(p, { ...o, patienceBroken: 1 }).join()).toMatch(/patience/);
    const station = (f: (s: NetworkOutcome["stations"][number]) => NetworkOutcome["stations"][number]) => ({ ...o, stations: o.stations.map((s, i) => (i === 0 ? f(s) : s)) });
    // a reneged customer whose time in line the engine forgot, or one it still counts as waiting
    expect(networkViolations(p, station((s) => ({ ...s, engine: { ...s.engine, timeInLine: s.engine.timeInLine * 1.001 + 1 } }))).join()).toMatch(/time in line/);
    expect(networkViolations(p, station((s) => ({ ...s, engine: { ...s.engine, queueArea: s.engine.queueArea * 1.001 + 1 } }))).join()).toMatch(/Little for the line/);
    const mm1 = fc.sample(jacksonArb(20_000), { seed: SEED, numRuns: 1 })[0]!;
    const r = runNetwork(mm1);
    expect(theoryViolations(mm1, r)).toEqual([]);
    expect(theoryViolations(mm1, { ...r, sojournsAfterWarmup: r.sojournsAfterWarmup.map((x) => x * 1.5) })).not.toEqual([]);
  });
});
