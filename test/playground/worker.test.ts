import { describe, expect, it } from "vitest";
import { loadScenario, policies, runReplication } from "../../src/index.js";
import { DEFAULT_STATE, type PlaygroundState } from "../../playground/state.js";
import { assembleState, pack, runShare, runState, unpack } from "../../playground/worker.js";

/**
 * The playground worker's spread runs, in Node: the page's workers each run a share of the
 * replications (runShare) and one of them makes the comparison of all the shares
 * (assembleState). That must be the comparison one worker makes alone (runState), bit for bit,
 * whatever the number of shares and the order the shares come back in.
 */
const state: PlaygroundState = { ...DEFAULT_STATE, replications: 3, horizonWeeks: 8, seed: 5 };

function comparisonOf(reply: Awaited<ReturnType<typeof runState>>): string {
  if (reply.type !== "result") throw new Error(`expected a result, got ${JSON.stringify(reply)}`);
  return JSON.stringify(reply.comparison);
}

describe("the playground worker's shares", () => {
  it("shares a run as replications index, index + threads, … of every policy", () => {
    const done: number[][] = [];
    const share = runShare(state, undefined, 2, 1, (d, total) => done.push([d, total]));
    expect(share.results.map((r) => [r.replication, r.policy])).toEqual([[1, "minutes"], [1, "whole"]]);
    expect(done).toEqual([[1, 2], [2, 2]]);
    // the journeys of the policies in its places of the list: whole, the second
    expect(share.journeys.map((j) => j.policy)).toEqual(["whole"]);
    expect(runShare(state, undefined, 4, 3, () => {})).toEqual({ results: [], journeys: [] });
  });

  it("assembles the comparison and journeys one worker gets alone, for any number of shares and any order", async () => {
    const one = await runState(state, undefined, () => {});
    const alone = comparisonOf(one);
    const journeys = one.type === "result" ? one.journeys : [];
    expect(journeys.map((j) => j.policy)).toEqual(["minutes", "whole"]);
    for (const threads of [2, 3]) {
      const shares = Array.from({ length: threads }, (_, k) => runShare(state, undefined, threads, k, () => {}));
      for (const order of [shares, [...shares].reverse()]) {
        const reply = await assembleState(state, undefined, order.flatMap((s) => s.results), order.flatMap((s) => s.journeys));
        expect(comparisonOf(reply)).toBe(alone);
        expect(reply.type === "result" ? reply.journeys : []).toEqual(journeys);
      }
    }
  }, 120_000);

  it("refuses what compare refuses, by name", () => {
    expect(() => runShare({ ...state, scenario: "nowhere" }, undefined, 2, 0, () => {})).toThrow(/nowhere/);
  });

  it("packs a result's lists as typed arrays and unpacks the same doubles", () => {
    const r = runReplication(loadScenario("teaching"), policies.whole, 0, { horizon: "4 weeks", warmup: "1 week" });
    const packed = pack(r);
    expect(packed.endToEndDays).toBeInstanceOf(Float64Array);
    expect(packed.endToEndDays.length).toBe(r.endToEndDays.length);
    expect(unpack(packed)).toStrictEqual(r);
  });
});
