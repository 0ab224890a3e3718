/**
 * Allocation benchmark: the bytes the model allocates per event, for one simulated year of
 * "soderhamn" under each preset (3 replications after a JIT warm-up run), with the functions
 * that allocate most. Garbage is what the collector has to clear, so fewer bytes per event is
 * less time in the collector and less work for its helper threads (which compete with worker
 * threads for the cores). Uses V8's sampling heap profiler through node:inspector, counting
 * objects the collector has already cleared too (a sample every 4 KB, so small figures are
 * estimates). Run with `npm run bench:allocations`.
 *
 * Each line: policy, events, bytes allocated per event, and `top`: the eight functions
 * allocating most, as "bytes per event  function file" (after inlining: an allocation is
 * charged to the function it was inlined into). Like the other benchmarks this runs the source
 * through tsx, module by module; the bundled package (dist/) can inline across modules more, so
 * which function an allocation is charged to differs there.
 */
import { Session } from "node:inspector/promises";
import { loadScenario, policies, simulate } from "../src/index.js";

interface ProfileNode {
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly selfSize: number;
  readonly children: readonly ProfileNode[];
}

const scenario = loadScenario(process.env.SCENARIO ?? "soderhamn");
const session = new Session();
session.connect();
for (const policy of [policies.minutes, policies.whole]) {
  simulate(scenario, policy, { seed: 999 });
  await session.post("HeapProfiler.startSampling", { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  let events = 0;
  for (let r = 0; r < 3; r++) events += simulate(scenario, policy, { seed: 1, replication: r }).events;
  const { profile } = (await session.post("HeapProfiler.stopSampling")) as unknown as { profile: { head: ProfileNode } };
  let total = 0;
  const bySite = new Map<string, number>();
  const walk = (n: ProfileNode): void => {
    const file = n.callFrame.url.split("/").slice(-2).join("/");
    const site = `${n.callFrame.functionName || "(anonymous)"} ${file}${n.callFrame.lineNumber > 0 ? `:${n.callFrame.lineNumber + 1}` : ""}`;
    total += n.selfSize;
    bySite.set(site, (bySite.get(site) ?? 0) + n.selfSize);
    n.children.forEach(walk);
  };
  walk(profile.head);
  const top = [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([site, bytes]) => `${(bytes / events).toFixed(1)}  ${site}`);
  console.log(JSON.stringify({ scenario: scenario.name, policy: policy.name, events, bytesPerEvent: Number((total / events).toFixed(1)), top }));
}
session.disconnect();
