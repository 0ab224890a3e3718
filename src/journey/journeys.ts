/**
 * `journeys`: readable journeys of individual citizens from a run's journal, and helpers that
 * pick the slowest, a typical and a first-contact-resolved one.
 *
 * @packageDocumentation
 */
import type { RunResult } from "../model/index.js";
import { buildJourney, runContext } from "./build.js";
import { journalRowsByNeed } from "./journalRows.js";
import type { Journey } from "./types.js";

/** Options of {@link journeys}. */
export interface JourneysOptions {
  /** At most this many journeys, spread evenly over the matching ones (default: all). */
  readonly sample?: number;
  /** Only needs of this service: its id, name or index. */
  readonly service?: string | number;
  /** Only journeys for which this returns true. */
  readonly filter?: (journey: Journey) => boolean;
}

/**
 * The journeys of the journalled citizens of a run (see the `journal` option of `simulate`),
 * in order of need id. Each journey has its events in time order with phase, touchpoint,
 * channel, clock time, waiting, handling, outcome, value or failure with reason, emotion, and
 * a narrative to read aloud.
 *
 * @param run - a run of `simulate`
 * @param options - sample size, service, filter
 * @returns the journeys
 * @throws RangeError for an unknown service or a sample below 1
 * @example
 * ```ts
 * const run = simulate(loadScenario("teaching"), policies.minutes, { seed: 1, horizon: "12 weeks", warmup: "2 weeks" });
 * journeys(run, { sample: 3, service: "permit" }).length; //=> 3
 * ```
 */
export function journeys(run: RunResult, options: JourneysOptions = {}): Journey[] {
  const service = options.service === undefined ? -1 : serviceIndex(run, options.service);
  if (options.sample !== undefined && !(options.sample >= 1)) throw new RangeError(`journeys: sample must be ≥ 1, got ${options.sample}`);
  const ctx = runContext(run);
  const all: Journey[] = [];
  const byNeed = [...journalRowsByNeed(run).entries()].sort((a, b) => a[0] - b[0]);
  for (const [need, rows] of byNeed) {
    const row = ctx.needRow.get(need);
    if (row === undefined || (service >= 0 && run.needs.service[row] !== service)) continue;
    const j = buildJourney(ctx, need, rows);
    if (j !== null && (options.filter === undefined || options.filter(j))) all.push(j);
  }
  return options.sample === undefined ? all : spread(all, Math.floor(options.sample));
}

/**
 * The index of a service given by id, name or index.
 *
 * @param run - the run
 * @param service - id, name or index
 * @returns the index
 * @throws RangeError if there is no such service
 * @example
 * ```ts
 * serviceIndex(run, "permit"); //=> 1
 * ```
 */
export function serviceIndex(run: RunResult, service: string | number): number {
  const i = typeof service === "number" ? service : Math.max(run.serviceIds.indexOf(service), run.serviceNames.indexOf(service));
  if (!(i >= 0 && i < run.serviceIds.length && Number.isInteger(i))) {
    throw new RangeError(`unknown service ${JSON.stringify(service)}; the run has ${run.serviceIds.join(", ")}`);
  }
  return i;
}

function spread<T>(items: readonly T[], k: number): T[] {
  if (items.length <= k) return [...items];
  return Array.from({ length: k }, (_, i) => items[Math.floor((i * items.length) / k)] as T);
}

/** The three journeys a teacher reads aloud. */
export interface JourneyPicks {
  /** The resolved journey with the longest end-to-end time. */
  readonly slowest: Journey | null;
  /** A resolved journey with the median end-to-end time. */
  readonly typical: Journey | null;
  /** A journey resolved at the first contact (the median one of those). */
  readonly firstContact: Journey | null;
}

/**
 * The resolved journey with the longest end-to-end time (ties: the lowest need id).
 *
 * @param list - journeys
 * @returns the slowest, or null if none was resolved
 * @example
 * ```ts
 * slowestJourney(journeys(run))?.endToEndMinutes; //=> 87231.4
 * ```
 */
export function slowestJourney(list: readonly Journey[]): Journey | null {
  let best: Journey | null = null;
  for (const j of resolvedByTime(list)) if (best === null || (j.endToEndMinutes as number) > (best.endToEndMinutes as number)) best = j;
  return best;
}

/**
 * A typical journey: the resolved one with the median end-to-end time (the lower median).
 *
 * @param list - journeys
 * @returns the median one, or null if none was resolved
 * @example
 * ```ts
 * typicalJourney(journeys(run))?.status; //=> "resolved"
 * ```
 */
export function typicalJourney(list: readonly Journey[]): Journey | null {
  const r = resolvedByTime(list);
  return r[Math.floor((r.length - 1) / 2)] ?? null;
}

/**
 * A journey resolved at the first contact: the median one of those by end-to-end time.
 *
 * @param list - journeys
 * @returns the journey, or null if none was resolved at the first contact
 * @example
 * ```ts
 * firstContactJourney(journeys(run))?.firstContactResolved; //=> true
 * ```
 */
export function firstContactJourney(list: readonly Journey[]): Journey | null {
  return typicalJourney(list.filter((j) => j.firstContactResolved));
}

/**
 * The slowest, a typical and a first-contact-resolved journey of a run.
 *
 * @param run - the run
 * @param options - as for {@link journeys} (service, filter; sample is ignored)
 * @returns the three picks
 * @example
 * ```ts
 * const { slowest, typical, firstContact } = pickJourneys(run);
 * console.log(typical?.narrative.join("\n"));
 * ```
 */
export function pickJourneys(run: RunResult, options: Omit<JourneysOptions, "sample"> = {}): JourneyPicks {
  const list = journeys(run, { ...(options.service === undefined ? {} : { service: options.service }), ...(options.filter ? { filter: options.filter } : {}) });
  return { slowest: slowestJourney(list), typical: typicalJourney(list), firstContact: firstContactJourney(list) };
}

function resolvedByTime(list: readonly Journey[]): Journey[] {
  return list
    .filter((j) => j.status === "resolved" && j.endToEndMinutes !== null)
    .sort((a, b) => (a.endToEndMinutes as number) - (b.endToEndMinutes as number) || a.need - b.need);
}
