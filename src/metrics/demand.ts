/**
 * Demand analysis: the contacts of a run by service, touchpoint (team) and reason, split into
 * value and failure demand — the first thing a systems-thinking study looks at ("study the
 * demand", Seddon's Check step 2–3; E4 in docs/evidence.md).
 *
 * @packageDocumentation
 */
import { isFailureReason, Outcome, REASON_NAMES } from "../model/codes.js";
import type { RunResult } from "../model/runResult.js";

/** One row of the demand table. */
export interface DemandRow {
  readonly service: string;
  readonly touchpoint: string;
  readonly reason: string;
  readonly failure: boolean;
  /** Handled contacts (abandoned calls not counted). */
  readonly contacts: number;
  /** Share of all handled contacts of the run. */
  readonly share: number;
  /** Share of this service's handled contacts. */
  readonly shareOfService: number;
}

/**
 * Contacts by service, touchpoint and reason in the measurement window, largest first.
 *
 * @param run - the result of `simulate`
 * @returns the rows, sorted by contacts (descending), then service, touchpoint and reason
 * @example
 * ```ts
 * const rows = demandAnalysis(simulate(loadScenario("teaching"), policies.minutes));
 * rows.filter((r) => r.failure).reduce((a, r) => a + r.share, 0); // the failure-demand share
 * ```
 */
export function demandAnalysis(run: RunResult): DemandRow[] {
  const c = run.contacts;
  const counts = new Map<string, number>();
  const perService = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < c.length; i++) {
    if (c.outcome[i] === Outcome.abandoned) continue;
    const key = `${c.service[i]}|${c.team[i]}|${c.reason[i]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    perService.set(c.service[i]!, (perService.get(c.service[i]!) ?? 0) + 1);
    total++;
  }
  const rows: DemandRow[] = [];
  for (const [key, n] of counts) {
    const [s, t, r] = key.split("|").map(Number) as [number, number, number];
    rows.push({
      service: run.serviceIds[s] ?? String(s),
      touchpoint: run.teams[t]?.id ?? String(t),
      reason: REASON_NAMES[r] ?? String(r),
      failure: isFailureReason(r),
      contacts: n,
      share: n / total,
      shareOfService: n / (perService.get(s) ?? n),
    });
  }
  return rows.sort((a, b) => b.contacts - a.contacts || a.service.localeCompare(b.service) || a.touchpoint.localeCompare(b.touchpoint) || a.reason.localeCompare(b.reason));
}
