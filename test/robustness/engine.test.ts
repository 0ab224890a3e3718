/**
 * The engine on random queueing networks: conservation, the engine's counters against the
 * harness's, Little's law on the sample path, and Jackson/Erlang-C theory for stable
 * exponential networks (quick version; `npm run test:long` runs more).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jacksonArb, networkArb, networkViolations, runNetwork, theoryViolations, type NetworkParams } from "./engineNetwork.js";

const SEED = 20261127;

function check(p: NetworkParams, theory: boolean): void {
  const o = runNetwork(p);
  const v = [...networkViolations(p, o), ...(theory ? theoryViolations(p, o) : [])];
  if (v.length > 0) throw new Error(v.join("\n"));
}

describe("random queueing networks on the engine", () => {
  it("M/M/c and Jackson networks (ρ ≤ 0.8): conservation, Little, and the mean time in system of theory", () => {
    fc.assert(fc.property(jacksonArb(20_000), (p) => check(p, true)), { seed: SEED, numRuns: 12 });
  });

  it("general networks (cv 0 to 4, closing hours, either closing rule, ρ up to 1.5): conservation and Little", () => {
    fc.assert(fc.property(networkArb(3_000, { reneging: false }), (p) => check(p, false)), { seed: SEED, numRuns: 30 });
  });

  it("the checks have teeth", () => {
    const p = fc.sample(networkArb(2_000, { reneging: false }), { seed: SEED, numRuns: 1 })[0]!;
    const o = runNetwork(p);
    expect(networkViolations(p, o)).toEqual([]);
    expect(networkViolations(p, { ...o, departed: o.departed - 1 }).join()).toMatch(/conservation/);
    expect(networkViolations(p, { ...o, area: o.area * 1.001 + 1 }).join()).toMatch(/Little/);
    expect(networkViolations(p, { ...o, drained: { ...o.drained, inSystem: 1, queued: 1 } }).join()).toMatch(/after draining/);
    const mm1 = fc.sample(jacksonArb(20_000), { seed: SEED, numRuns: 1 })[0]!;
    const r = runNetwork(mm1);
    expect(theoryViolations(mm1, r)).toEqual([]);
    expect(theoryViolations(mm1, { ...r, sojournsAfterWarmup: r.sojournsAfterWarmup.map((x) => x * 1.5) })).not.toEqual([]);
  });
});
