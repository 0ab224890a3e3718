/**
 * `attribution`: failure demand and end-to-end time attributed to the touchpoint where they
 * arose. Failure demand comes from the contact records (every handled failure-demand contact of
 * the measured window, by its `origin`); end-to-end time from the journal (the segments of each
 * journalled need that ended).
 *
 * @packageDocumentation
 */
import { isFailureReason, Outcome, Reason, REASON_NAMES, type RunResult } from "../model/index.js";
import { PSEUDO } from "./build.js";
import { journeys, serviceIndex } from "./journeys.js";
import type { Journey, SegmentKind } from "./types.js";

/** One touchpoint's share of failure demand and end-to-end time. */
export interface AttributionRow {
  /** Team name as run, or a pseudo touchpoint (before contact, the citizen, outsiders). */
  readonly touchpoint: string;
  readonly teamId: string | null;
  /** Handled failure-demand contacts in the window whose failure or wait arose here. */
  readonly failureContacts: number;
  readonly failureShare: number;
  /** Of them: caused by a failure here (cut short, lost, misrouted, not done right, unclear letter, closed too early). */
  readonly failureCaused: number;
  /** Of them: chases and complaints while this team held the need (caused by waiting). */
  readonly waitCaused: number;
  readonly byReason: Readonly<Record<string, number>>;
  /** Mean end-to-end minutes per journalled citizen spent at this touchpoint, and by kind. */
  readonly endToEndMinutes: number;
  readonly byKind: Readonly<Partial<Record<SegmentKind, number>>>;
  readonly endToEndShare: number;
}

/** Attribution of one run. */
export interface Attribution {
  readonly scenario: string;
  readonly policy: string;
  readonly service: string | null;
  readonly failureContacts: number;
  /** Journalled citizens whose need ended (the population of the time attribution). */
  readonly citizens: number;
  /** Their mean end-to-end minutes: the sum of the rows' endToEndMinutes. */
  readonly endToEndMinutes: number;
  /** Sorted by failure demand, then time. */
  readonly rows: readonly AttributionRow[];
}

/**
 * Attributes failure demand and end-to-end time to touchpoints.
 *
 * @param run - a run of `simulate` (with a journal for the time part)
 * @param options - one service (id, name or index), default all
 * @returns the rows, the touchpoints that matter most first
 * @example
 * ```ts
 * const a = attribution(simulate(loadScenario("teaching"), policies.minutes, { seed: 1 }));
 * a.rows[0]?.touchpoint; //=> "front desk"
 * ```
 */
export function attribution(run: RunResult, options: { readonly service?: string | number } = {}): Attribution {
  const s = options.service === undefined ? -1 : serviceIndex(run, options.service);
  const fd = failureByOrigin(run, s);
  const list = journeys(run, s < 0 ? {} : { service: s }).filter((j) => j.endToEndMinutes !== null);
  const time = timeByTouchpoint(list);
  const total = [...time.values()].reduce((a, t) => a + t.total, 0);
  const names = [...run.teams.map((t) => t.name), ...Object.values(PSEUDO)];
  const rows: AttributionRow[] = [];
  names.forEach((name, k) => {
    const f = k < run.teams.length ? fd.perTeam[k] : undefined;
    const t = time.get(name);
    if (f === undefined && t === undefined) return;
    const byReason = f?.byReason ?? REASON_NAMES.map(() => 0);
    const count = byReason.reduce((a, x) => a + x, 0);
    const waited = (byReason[Reason.progressChasing] ?? 0) + (byReason[Reason.complaint] ?? 0);
    rows.push({
      touchpoint: name,
      teamId: k < run.teams.length ? (run.teams[k]?.id ?? null) : null,
      failureContacts: count,
      failureShare: fd.total === 0 ? 0 : count / fd.total,
      failureCaused: count - waited,
      waitCaused: waited,
      byReason: Object.fromEntries(REASON_NAMES.slice(1).map((r, i) => [r, byReason[i + 1] ?? 0])),
      endToEndMinutes: t?.total ?? 0,
      byKind: t?.byKind ?? {},
      endToEndShare: total === 0 ? 0 : (t?.total ?? 0) / total,
    });
  });
  rows.sort((a, b) => b.failureContacts - a.failureContacts || b.endToEndMinutes - a.endToEndMinutes || (a.touchpoint < b.touchpoint ? -1 : 1));
  return {
    scenario: run.scenario,
    policy: run.policy,
    service: s < 0 ? null : (run.serviceIds[s] ?? null),
    failureContacts: fd.total,
    citizens: list.length,
    endToEndMinutes: total,
    rows,
  };
}

interface TimeRow {
  byKind: Partial<Record<SegmentKind, number>>;
  total: number;
}

/** Mean end-to-end minutes per citizen at each touchpoint, by kind. */
function timeByTouchpoint(list: readonly Journey[]): Map<string, TimeRow> {
  const n = Math.max(1, list.length);
  const time = new Map<string, TimeRow>();
  for (const j of list) {
    for (const seg of j.segments) {
      const t = time.get(seg.touchpoint) ?? { byKind: {}, total: 0 };
      t.byKind[seg.kind] = (t.byKind[seg.kind] ?? 0) + seg.minutes / n;
      t.total += seg.minutes / n;
      time.set(seg.touchpoint, t);
    }
  }
  return time;
}

/**
 * Handled failure-demand contacts in the window by origin team and reason.
 *
 * @param run - the run
 * @param service - service index, or -1 for all
 * @returns counts per team (index of RunResult.teams) and reason code, and the total
 * @example
 * ```ts
 * failureByOrigin(run, -1).total; //=> 1234
 * ```
 */
export function failureByOrigin(run: RunResult, service: number): { perTeam: { byReason: number[] }[]; total: number } {
  const c = run.contacts;
  const perTeam = run.teams.map(() => ({ byReason: REASON_NAMES.map(() => 0) }));
  let total = 0;
  for (let i = 0; i < c.length; i++) {
    const reason = c.reason[i] as number;
    if (c.outcome[i] === Outcome.abandoned || !isFailureReason(reason) || (service >= 0 && c.service[i] !== service)) continue;
    total++;
    const team = perTeam[c.origin[i] as number];
    if (team !== undefined) team.byReason[reason] = (team.byReason[reason] ?? 0) + 1;
  }
  return { perTeam, total };
}
