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
import { capacityWarnings } from "../experiment/index.js";
import { openWorkers } from "../node/pool.js";
import { touchpointsParallel } from "../node/touchpointsParallel.js";
import { UsageError, type CliOptions } from "./options.js";
import { escapeControls, progressBar } from "./terminal.js";

/** Where the journey command writes. */
export interface JourneyIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly errIsTTY?: boolean;
}

/**
 * Runs the journey command for the given scenario and policies.
 *
 * @param options - the parsed options (replications default to 3 here: the what-if reruns every
 *   team; --service narrows journeys, map, attribution and the measured outcomes to one service;
 *   --rank-by; --workers spreads the what-if runs over threads with the same numbers)
 * @param io - output
 * @param scenario - the scenario
 * @param policies - the policies
 * @returns the text (or JSON) to emit, and the HTML page when --html is given (the caller writes
 *   both)
 * @example
 * ```ts
 * // helhet journey --scenario teaching --policies minutes,whole
 * const { text } = await journeyReport(options, io, loadScenario("teaching"), [policies.minutes, policies.whole]);
 * ```
 */
export async function journeyReport(options: CliOptions, io: JourneyIo, scenario: Scenario, policies: readonly Policy[]): Promise<{ text: string; html?: string }> {
  if (options.format !== "table" && options.format !== "json") throw new UsageError(`journey writes --format table or json, got "${options.format}"`);
  const service = options.service === undefined ? undefined : serviceOf(scenario, options.service);
  const window = {
    seed: options.seed,
    ...(options.horizon === undefined ? {} : { horizon: options.horizon }),
    ...(options.warmup === undefined ? {} : { warmup: options.warmup }),
    allowLarge: options.allowLarge,
  };
  const onWarning = (w: string) => io.err(`warning: ${w}`);
  for (const w of capacityWarnings(scenario, policies)) io.err(`warning: ${w}`);
  const replications = options.replicationsGiven ? options.replications : 3;
  // one set of threads for every policy's what-ifs: they start and warm up once
  const pool = options.workers > 1 ? await openWorkers({ workers: Math.min(options.workers, replications) }) : undefined;
  const threads = pool === undefined ? { workers: options.workers } : { pool };
  const results = [];
  try {
    for (const p of policies) {
      const run = simulate(scenario, p, { ...window, onWarning, journal: { every: 5 } });
      const only = service === undefined ? {} : { service };
      const bar = options.quiet ? undefined : progressBar(io.errIsTTY === true, escapeControls(`${scenario.name}, ${p.name}: what-if per touchpoint`));
      const ranking = await touchpointsParallel(scenario, p, { ...window, ...only, replications, rankBy: options.rankBy, ...threads, onWarning, ...(bar ? { onProgress: bar.update } : {}) });
      bar?.stop();
      results.push({
        policy: p.name,
        service: service ?? null,
        picks: pickJourneys(run, only),
        map: journeyMap(run, only),
        attribution: attribution(run, only),
        ranking,
      });
    }
  } finally {
    await pool?.close();
  }
  let html: string | undefined;
  if (options.html !== undefined) {
    const sections: JourneySection[] = [
      { title: "Journey map", charts: [journeyMapChart(results.map((r) => r.map))] },
      { title: "Touchpoints that matter most", charts: [touchpointChart(results.map((r) => r.ranking))] },
      ...results.map((r) => ({ title: `${r.policy}${r.service === null ? "" : ` (${r.service})`}: journeys, map and touchpoints`, text: textOf(r) })),
    ];
    html = await journeysHtml(`${scenario.name}: customer journeys`, sections);
  }
  const text = options.format === "json" ? `${JSON.stringify(Object.fromEntries(results.map((r) => [r.policy, r])), null, 2)}\n` : `${results.map(textOf).join("\n\n")}\n`;
  return html === undefined ? { text } : { text, html };
}

function textOf(r: { policy: string; service: string | null; picks: ReturnType<typeof pickJourneys>; map: ReturnType<typeof journeyMap>; attribution: ReturnType<typeof attribution>; ranking: ReturnType<typeof touchpoints> }): string {
  const lines = [`=== ${r.policy}${r.service === null ? "" : `, citizens of ${r.service}`} ===`, ""];
  for (const [label, j] of [["The slowest journey", r.picks.slowest], ["A typical journey", r.picks.typical], ["Resolved at the first contact", r.picks.firstContact]] as const) {
    if (j === null) continue;
    lines.push(`${label}:`, journeyText(j), "");
  }
  lines.push(journeyMapText(r.map), "", attributionText(r.attribution), "", touchpointText(r.ranking));
  return lines.join("\n");
}

/** The service's id for --service (an id or a name of the scenario), or a usage error naming the choices. */
function serviceOf(scenario: Scenario, service: string): string {
  const found = scenario.services.find((x) => x.id === service || x.name === service);
  if (found === undefined) throw new UsageError(`--service must be a service of ${scenario.name} (${scenario.services.map((x) => x.id).join(", ")}), got "${service}"`);
  return found.id;
}
