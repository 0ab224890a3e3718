/**
 * `journeyMap`: the customer-journey map of one policy (and service) — for each phase the time,
 * waiting, citizen effort, contacts, failure demand and emotion, averaged over the journalled
 * citizens whose need ended; the emotion curve through the moments of the journey with the
 * biggest drops marked as pain points; and what citizens said afterwards.
 *
 * @packageDocumentation
 */
import { EXPRESSION_NAMES, type RunResult } from "../model/index.js";
import { MOMENT_LABELS, type Moment } from "./emotion.js";
import { journeys, serviceIndex } from "./journeys.js";
import { PHASES, type Journey, type Phase, type SegmentKind } from "./types.js";

/** Options of {@link journeyMap}. */
export interface JourneyMapOptions {
  /** One service (id, name or index); default all services together. */
  readonly service?: string | number;
  /** How many pain points to mark (default 3). */
  readonly painPoints?: number;
}

/** One phase of the map; every figure is a mean per citizen. */
export interface PhaseSummary {
  readonly phase: Phase;
  /** Time in the phase (before + during = end-to-end time; after is not part of it). */
  readonly minutes: number;
  /** Of it, waiting: not being worked on (before contact, queues, inboxes, the citizen, outsiders). */
  readonly waitingMinutes: number;
  readonly effortMinutes: number;
  /** Contacts the citizen made that were handled, and of them failure demand. */
  readonly contacts: number;
  readonly failureContacts: number;
  readonly emotionChange: number;
  /** Mean emotion level at the end of the phase. */
  readonly emotionAtEnd: number;
}

/** A moment of the journey: one kind of emotion moment at one touchpoint in one phase. */
export interface MomentSummary {
  readonly phase: Phase;
  readonly moment: string;
  readonly touchpoint: string;
  readonly label: string;
  /** Share of citizens who met it at least once. */
  readonly citizenShare: number;
  /** Times per citizen. */
  readonly perCitizen: number;
  /** Emotion change per citizen (over all citizens of the map). */
  readonly emotionChange: number;
  /** The curve: mean emotion after this moment (moments in journey order). */
  readonly emotion: number;
  /** Mean days since the need arose when it happens (orders the curve). */
  readonly meanDay: number;
  /** Rank among the pain points (1 = the biggest drop), or null. */
  readonly painPoint: number | null;
}

/** The waiting of a phase by kind (mean minutes per citizen). */
export interface PhaseWait {
  readonly phase: Phase;
  readonly kind: SegmentKind;
  readonly minutes: number;
}

/** A journey map of one run (one policy), for one service or all. */
export interface JourneyMap {
  readonly scenario: string;
  readonly policy: string;
  /** Service id, or null for all services. */
  readonly service: string | null;
  readonly serviceName: string;
  /** Journalled citizens whose need ended (met or given up): the population of the map. */
  readonly citizens: number;
  readonly resolved: number;
  readonly abandoned: number;
  /** Journalled needs still open at the end of the run (left out). */
  readonly openLeftOut: number;
  readonly endToEndDays: number;
  readonly phases: readonly PhaseSummary[];
  readonly waits: readonly PhaseWait[];
  readonly moments: readonly MomentSummary[];
  readonly painPoints: readonly MomentSummary[];
  /** Shares of what citizens said afterwards, over all cohort needs that ended (not only journalled). */
  readonly expression: Readonly<Record<string, number>>;
}

/**
 * The journey map of a run.
 *
 * @param run - a run of `simulate` with a journal
 * @param options - service, number of pain points
 * @returns the map (all figures 0 if no journalled need ended)
 * @example
 * ```ts
 * const map = journeyMap(simulate(loadScenario("teaching"), policies.minutes, { seed: 1 }), { service: "permit" });
 * map.phases.map((p) => p.phase); //=> ["before", "during", "after"]
 * ```
 */
export function journeyMap(run: RunResult, options: JourneyMapOptions = {}): JourneyMap {
  const s = options.service === undefined ? -1 : serviceIndex(run, options.service);
  const all = journeys(run, s < 0 ? {} : { service: s });
  const list = all.filter((j) => j.endToEndMinutes !== null);
  const n = Math.max(1, list.length);
  const moments = momentsOf(list, n, options.painPoints ?? 3);
  return {
    scenario: run.scenario,
    policy: run.policy,
    service: s < 0 ? null : (run.serviceIds[s] ?? null),
    serviceName: s < 0 ? "all services" : (run.serviceNames[s] ?? "?"),
    citizens: list.length,
    resolved: list.filter((j) => j.status === "resolved").length,
    abandoned: list.filter((j) => j.status === "abandoned").length,
    openLeftOut: all.length - list.length,
    endToEndDays: list.reduce((a, j) => a + (j.endToEndMinutes as number), 0) / n / 1440,
    phases: phasesOf(list, n),
    waits: waitsOf(list, n),
    moments,
    painPoints: moments.filter((m) => m.painPoint !== null).sort((a, b) => (a.painPoint as number) - (b.painPoint as number)),
    expression: expressionShares(run, s),
  };
}

function phasesOf(list: readonly Journey[], n: number): PhaseSummary[] {
  let level = 0;
  return PHASES.map((phase) => {
    const events = list.flatMap((j) => j.events.filter((e) => e.phase === phase));
    const contacts = events.filter((e) => e.event === "contact" && e.outcome !== "abandoned");
    const change = events.reduce((a, e) => a + e.emotionChange, 0) / n;
    level += change;
    const minutes = list.reduce((a, j) => a + (j.phases[phase] ?? 0), 0) / n;
    const waiting = phase === "after" ? events.reduce((a, e) => a + e.waitMinutes, 0) / n : sumSegments(list, phase, (k) => k !== "handling") / n;
    return {
      phase,
      minutes,
      waitingMinutes: waiting,
      effortMinutes: events.reduce((a, e) => a + e.effortMinutes, 0) / n,
      contacts: contacts.length / n,
      failureContacts: contacts.filter((e) => e.demand === "failure").length / n,
      emotionChange: change,
      emotionAtEnd: level,
    };
  });
}

function sumSegments(list: readonly Journey[], phase: Phase, keep: (k: SegmentKind) => boolean): number {
  let sum = 0;
  for (const j of list) for (const s of j.segments) if (s.phase === phase && keep(s.kind)) sum += s.minutes;
  return sum;
}

function waitsOf(list: readonly Journey[], n: number): PhaseWait[] {
  const kinds: SegmentKind[] = ["beforeContact", "queue", "inbox", "away", "citizen", "outsiders", "other"];
  const out: PhaseWait[] = [];
  for (const phase of ["before", "during"] as const) {
    for (const kind of kinds) {
      const minutes = sumSegments(list, phase, (k) => k === kind) / n;
      if (minutes > 0) out.push({ phase, kind, minutes });
    }
  }
  const after = list.reduce((a, j) => a + j.events.filter((e) => e.phase === "after").reduce((b, e) => b + e.waitMinutes, 0), 0) / n;
  if (after > 0) out.push({ phase: "after", kind: "queue", minutes: after });
  return out;
}

function momentsOf(list: readonly Journey[], n: number, pains: number): MomentSummary[] {
  const acc = new Map<string, { phase: Phase; moment: Moment; touchpoint: string; count: number; citizens: Set<number>; change: number; since: number }>();
  for (const j of list) {
    for (const e of j.events) {
      if (e.moment === null) continue;
      const moment = e.moment as Moment;
      const touchpoint = e.touchpoint ?? (moment === "noInformation" ? "information search" : "self-service");
      const key = `${e.phase}|${moment}|${touchpoint}`;
      const a = acc.get(key) ?? { phase: e.phase, moment, touchpoint, count: 0, citizens: new Set<number>(), change: 0, since: 0 };
      a.count++;
      a.citizens.add(j.need);
      a.change += e.emotionChange;
      a.since += e.sinceArrivalMinutes;
      acc.set(key, a);
    }
  }
  const rows = [...acc.values()]
    .map((a) => ({ ...a, label: `${MOMENT_LABELS[a.moment]}: ${a.touchpoint}`, meanDay: a.since / a.count / 1440 }))
    .sort((a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase) || a.meanDay - b.meanDay || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const drops = rows.filter((r) => r.change < 0).sort((a, b) => a.change - b.change || (a.label < b.label ? -1 : 1)).slice(0, Math.max(0, pains));
  let level = 0;
  return rows.map((r) => {
    level += r.change / n;
    const rank = drops.indexOf(r);
    return {
      phase: r.phase,
      moment: r.moment,
      touchpoint: r.touchpoint,
      label: r.label,
      citizenShare: r.citizens.size / n,
      perCitizen: r.count / n,
      emotionChange: r.change / n,
      emotion: level,
      meanDay: r.meanDay,
      painPoint: rank < 0 ? null : rank + 1,
    };
  });
}

/**
 * What citizens said afterwards: shares over the cohort needs (of one service, or all) that
 * ended, from the need records.
 *
 * @param run - the run
 * @param service - service index, or -1 for all
 * @returns share per expression name (silent, praise, wordOfMouth, socialMedia, complaint)
 * @example
 * ```ts
 * expressionShares(run, -1).complaint; //=> 0.03
 * ```
 */
export function expressionShares(run: RunResult, service: number): Record<string, number> {
  const counts = EXPRESSION_NAMES.map(() => 0);
  let total = 0;
  const n = run.needs;
  for (let i = 0; i < n.length; i++) {
    const x = n.expression[i] as number;
    if (!Number.isFinite(x) || (service >= 0 && n.service[i] !== service)) continue;
    counts[x] = (counts[x] as number) + 1;
    total++;
  }
  return Object.fromEntries(EXPRESSION_NAMES.map((name, k) => [name, total === 0 ? 0 : (counts[k] as number) / total]));
}
