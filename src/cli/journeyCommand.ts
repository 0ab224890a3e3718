/**
 * `helhet journey`: sample journeys read aloud, the journey map, where failure demand and time
 * come from, and the touchpoints that matter most, per policy.
 *
 * @packageDocumentation
 */
import { simulate } from "../model/index.js";
import type { Policy } from "../policy/index.js";
import type { Scenario } from "../scenario/index.js";
import {
  attribution,
  attributionText,
  journeyMap,
  journeyMapText,
  journeyText,
  pickJourneys,
  touchpoints,
  touchpointText,
} from "../journey/index.js";
import { journeyMapChart, journeysHtml, touchpointChart, type JourneySection } from "../report/index.js";
import { writeFileAtomic } from "../node/atomicWrite.js";
import type { CliOptions } from "./options.js";

/** Where the journey command writes. */
export interface JourneyIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

/**
 * Runs the journey command for the given scenario and policies.
 *
 * @param options - the parsed options (replications default to 3 here: the what-if reruns every team)
 * @param io - output
 * @param scenario - the scenario
 * @param policies - the policies
 * @returns the text (or JSON) to emit
 * @example
 * ```ts
 * // helhet journey --scenario teaching --policies minutes,whole
 * ```
 */
export async function journeyReport(options: CliOptions, io: JourneyIo, scenario: Scenario, policies: readonly Policy[]): Promise<string> {
  const window = {
    seed: options.seed,
    ...(options.horizon === undefined ? {} : { horizon: options.horizon }),
    ...(options.warmup === undefined ? {} : { warmup: options.warmup }),
  };
  const replications = options.replicationsGiven ? options.replications : 3;
  const results = policies.map((p) => {
    const run = simulate(scenario, p, { ...window, journal: { every: 5 } });
    return {
      policy: p.name,
      picks: pickJourneys(run),
      map: journeyMap(run),
      attribution: attribution(run),
      ranking: touchpoints(scenario, p, { ...window, replications }),
    };
  });
  if (options.html !== undefined) {
    const sections: JourneySection[] = [
      { title: "Journey map", charts: [journeyMapChart(results.map((r) => r.map))] },
      { title: "Touchpoints that matter most", charts: [touchpointChart(results.map((r) => r.ranking))] },
      ...results.map((r) => ({ title: `${r.policy}: journeys, map and touchpoints`, text: textOf(r) })),
    ];
    writeFileAtomic(options.html, await journeysHtml(`${scenario.name}: customer journeys`, sections));
    if (!options.quiet) io.err(`wrote ${options.html}`);
  }
  if (options.format === "json") return `${JSON.stringify(Object.fromEntries(results.map((r) => [r.policy, r])), null, 2)}\n`;
  return `${results.map(textOf).join("\n\n")}\n`;
}

function textOf(r: { policy: string; picks: ReturnType<typeof pickJourneys>; map: ReturnType<typeof journeyMap>; attribution: ReturnType<typeof attribution>; ranking: ReturnType<typeof touchpoints> }): string {
  const lines = [`=== ${r.policy} ===`, ""];
  for (const [label, j] of [["The slowest journey", r.picks.slowest], ["A typical journey", r.picks.typical], ["Resolved at the first contact", r.picks.firstContact]] as const) {
    if (j === null) continue;
    lines.push(`${label}:`, journeyText(j), "");
  }
  lines.push(journeyMapText(r.map), "", attributionText(r.attribution), "", touchpointText(r.ranking));
  return lines.join("\n");
}
