/**
 * The check of a run's estimated cost against {@link RUN_COST_LIMITS}: a refusal of one line
 * (the estimate, the limit, where most of the cost comes from, what to change), or warnings for
 * the run to go ahead with; and figures put into words for those messages.
 *
 * @packageDocumentation
 */
import { RUN_COST_LIMITS, type RunCost, type RunEventSource, type RunMemorySource } from "./runCost.js";

/** Options of {@link checkRunCost}. */
export interface RunCostCheckOptions {
  /** Run past the refusal limits (with a warning) instead of refusing (`--allow-large`). */
  readonly allowLarge?: boolean;
}

const EVENT_SOURCE_NAMES: Readonly<Record<RunEventSource, string>> = {
  needs: "needs arising",
  work: "the work of each need",
  updates: "proactive progress updates",
  chases: "citizens chasing",
  redials: "hang-ups and redials",
  absences: "staff absence spells",
  clock: "lines opening and closing",
};

const MEMORY_SOURCE_NAMES: Readonly<Record<RunMemorySource, string>> = {
  records: "need and contact records",
  openNeeds: "needs open at once",
  journal: "the journey journal",
  absences: "staff absence spells",
  demandTypes: "demand-type tables",
  owners: "personal owners' lines",
  results: "the results kept per run",
};

/** What to change, by where most of the cost comes from. */
const REMEDY: Readonly<Record<RunEventSource | RunMemorySource, string>> = {
  needs: "shorten the horizon and drain, or lower the arrivals",
  work: "shorten the horizon and drain, or lower the arrivals",
  updates: "lengthen mechanisms.updateInterval or shorten the run",
  chases: "lower citizens.chaseRate or shorten the run",
  redials: "lengthen citizens.redialDelay and the patience, or lower citizens.redialProbability",
  absences: "shorten the run, or lower mechanisms.sicknessSpells",
  clock: "shorten the run",
  records: "shorten the horizon, or lower the arrivals",
  openNeeds: "add staff where the load warnings say, shorten the run, or use fewer case steps",
  journal: "shorten the horizon",
  demandTypes: "use fewer demandTypes",
  owners: "use ownership \"pool\"",
  results: "run fewer replications, or split them into shards (--shard K/N)",
};

/**
 * Checks an estimate against {@link RUN_COST_LIMITS}. Past a refusal limit it throws a
 * RangeError whose one-line message gives the estimate, the limit, where most of the cost comes
 * from and how to proceed (unless `allowLarge`, which turns the refusal into a warning); past a
 * warning limit it returns the warning for the run to go ahead with.
 *
 * @param cost - from {@link estimateRunCost}
 * @param options - `allowLarge: true` to run past the refusal limits
 * @returns warnings (one line each), none for an ordinary run
 * @throws RangeError past a refusal limit, unless `allowLarge`
 * @example
 * ```ts
 * const s = loadScenario("teaching");
 * const window = { horizonMinutes: 10_000 * 52 * 10080, warmupMinutes: 0, drainMinutes: 0 };
 * checkRunCost(estimateRunCost(s, [policies.whole], window)); // throws RangeError: "too large to run: …"
 * ```
 */
export function checkRunCost(cost: RunCost, options: RunCostCheckOptions = {}): string[] {
  const L = RUN_COST_LIMITS;
  const over: string[] = [];
  const near: string[] = [];
  const events = mostOf(cost.eventsBySource, EVENT_SOURCE_NAMES);
  const memory = mostOf(cost.bytesBySource, MEMORY_SOURCE_NAMES);
  if (cost.caseSteps > L.caseSteps) over.push(`${count(cost.caseSteps)} case steps in all (a run takes at most ${count(L.caseSteps)})`);
  if (cost.eventsPerRun > L.refuseEventsPerRun) over.push(`about ${count(cost.eventsPerRun)} events in one run, ${events.text} (limit ${count(L.refuseEventsPerRun)})`);
  else if (cost.eventsPerRun > L.warnEventsPerRun) near.push(`about ${count(cost.eventsPerRun)} events in one run, ${events.text}`);
  // (for one run its events were said above)
  if (cost.runs > 1 && cost.events > L.refuseEvents) over.push(`about ${count(cost.events)} events in ${count(cost.runs)} runs (limit ${count(L.refuseEvents)})`);
  else if (cost.runs > 1 && cost.events > L.warnEvents) near.push(`about ${count(cost.events)} events in ${count(cost.runs)} runs`);
  if (cost.bytes > L.refuseBytes) over.push(`about ${bytes(cost.bytes)} of memory, ${memory.text} (limit ${bytes(L.refuseBytes)})`);
  else if (cost.bytes > L.warnBytes) near.push(`about ${bytes(cost.bytes)} of memory, ${memory.text}`);
  // what to change: the storm or the run length behind the events of one run, else the number of runs, else the memory
  const perRun = cost.eventsPerRun > L.warnEventsPerRun;
  const runs = cost.runs > 1 && cost.events > L.warnEvents;
  const remedy =
    cost.caseSteps > L.caseSteps ? "use fewer case steps" : perRun ? REMEDY[events.source] : runs ? REMEDY.results : REMEDY[memory.source];
  if (over.length > 0 && options.allowLarge !== true) {
    throw new RangeError(`too large to run: ${over.join("; ")} (docs/performance.md, "What a run costs"); ${remedy}, or pass --allow-large (allowLarge: true) to run it anyway`);
  }
  const warnings = over.length > 0 ? [`running past the limits (--allow-large): ${over.join("; ")}`] : [];
  if (near.length > 0) warnings.push(`a large run: ${near.join("; ")}; it may take long or need much memory (${remedy} to make it smaller)`);
  return warnings;
}

/** The largest source and its words: "mostly proactive progress updates". */
function mostOf<K extends string>(by: Readonly<Record<K, number>>, names: Readonly<Record<K, string>>): { source: K; text: string } {
  const [source] = (Object.entries(by) as [K, number][]).reduce((a, x) => (x[1] > a[1] ? x : a));
  return { source, text: `mostly ${names[source]}` };
}

/**
 * A count in words, for messages: 12,000; 3.2 million; 4.5 billion; 7e15.
 *
 * @param x - a count
 * @returns the words
  *
 * @example
 * ```ts
 * count(3.2e6); //=> "3.2 million"
 * ```
 */
export function count(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x < 1e6) return Math.round(x).toLocaleString("en");
  for (const [unit, word] of [[1e12, "trillion"], [1e9, "billion"], [1e6, "million"]] as const) {
    if (x >= unit && x < unit * 1000) return `${Number((x / unit).toPrecision(2))} ${word}`;
  }
  return x.toExponential(1).replace("+", "");
}

/**
 * Bytes in words, for messages: 540 MB, 26 GB, 3.1 TB, 2e18 bytes.
 *
 * @param x - bytes
 * @returns the words
  *
 * @example
 * ```ts
 * bytes(2.6e10); //=> "26 GB"
 * ```
 */
export function bytes(x: number): string {
  if (!Number.isFinite(x)) return `${x} bytes`;
  for (const [unit, word] of [[1e12, "TB"], [1e9, "GB"], [1e6, "MB"], [1e3, "KB"]] as const) {
    if (x >= unit && (x < unit * 1000 || unit === 1e12) && x < 1e15) return `${Number((x / unit).toPrecision(2))} ${word}`;
  }
  return x < 1e3 ? `${Math.round(x)} bytes` : `${x.toExponential(1).replace("+", "")} bytes`;
}
