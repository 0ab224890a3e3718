import { beforeAll, describe, expect, it } from "vitest";
import { importBuilt, type NodeEntry } from "../helpers/builtPackage.js";
import { loadScenario, policies } from "../../src/index.js";
import { touchpoints } from "../../src/journey/index.js";
import { touchpointsParallel as fromSource } from "../../src/node.js";

/**
 * touchpointsParallel on real worker threads (the built package: tinypool workers cannot load
 * the TypeScript sources on Node 20), against the serial `touchpoints`.
 */
const scenario = loadScenario("teaching");
const OPTIONS = { replications: 3, seed: 9, horizon: "10 weeks", warmup: "2 weeks" } as const;

let built: NodeEntry;

beforeAll(async () => {
  built = await importBuilt();
});

describe("touchpointsParallel", () => {
  for (const policy of [policies.minutes, policies.whole]) {
    const serial = touchpoints(scenario, policy, OPTIONS);
    for (const workers of [1, 2, 3]) {
      it(`gives the serial ranking bit for bit (${policy.name}, ${workers} worker${workers > 1 ? "s" : ""})`, async () => {
        const seen: [number, number][] = [];
        const t = await built.touchpointsParallel(scenario, policy, { ...OPTIONS, workers, onProgress: (d, n) => seen.push([d, n]) });
        expect(JSON.stringify(t)).toBe(JSON.stringify(serial));
        const runs = OPTIONS.replications * (1 + serial.rows.length);
        expect(seen.at(-1)).toEqual([runs, runs]);
      });
    }
  }

  it("measures one service's citizens on request, the same on threads", async () => {
    const serial = touchpoints(scenario, policies.minutes, { ...OPTIONS, service: "permit", rankBy: "endToEndDays" });
    expect(serial.service).toBe("permit");
    const all = touchpoints(scenario, policies.minutes, OPTIONS);
    // permit citizens are a part of all citizens: less failure demand per week than everybody's
    expect(serial.rows[0]!.failureDemand.baseline).toBeLessThan(all.rows[0]!.failureDemand.baseline);
    const t = await built.touchpointsParallel(scenario, policies.minutes, { ...OPTIONS, service: "permit", rankBy: "endToEndDays", workers: 2 });
    expect(JSON.stringify(t)).toBe(JSON.stringify(serial));
  });

  it("runs in this thread from the sources, with the same ranking", async () => {
    const t = await fromSource(scenario, policies.whole, { ...OPTIONS, workers: 2 });
    expect(t).toEqual(touchpoints(scenario, policies.whole, OPTIONS));
  });

  it("rejects bad workers, an unknown service and a cancelled run", async () => {
    await expect(built.touchpointsParallel(scenario, policies.whole, { ...OPTIONS, workers: 0 })).rejects.toThrow(/workers/);
    expect(() => touchpoints(scenario, policies.whole, { ...OPTIONS, service: "nope" })).toThrow(/unknown service "nope".*questions, permit/);
    const ac = new AbortController();
    ac.abort(new Error("stop"));
    await expect(built.touchpointsParallel(scenario, policies.whole, { ...OPTIONS, workers: 2, signal: ac.signal })).rejects.toThrow("stop");
  });
});
