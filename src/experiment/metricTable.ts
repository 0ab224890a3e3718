/**
 * Flattens a run's summary into named numbers — the metrics a Comparison reports, with the
 * JSON names of design.md (nested figures joined with dots: `endToEndDays.p85`,
 * `utilisation.contactCentre`, `failureDemandByReason.progressChasing`).
 *
 * @packageDocumentation
 */
import type { RunSummary } from "../metrics/index.js";

/** Named metric values of one replication. */
export type MetricTable = Readonly<Record<string, number>>;

/**
 * The metrics of one run as a flat table.
 *
 * @param m - a run summary
 * @returns metric name → value
 * @example
 * ```ts
 * const t = metricTable(summarise(simulate(loadScenario("teaching"), policies.whole)));
 * typeof t["endToEndDays.mean"]; //=> "number"
 * ```
 */
export function metricTable(m: RunSummary): MetricTable {
  const out: Record<string, number> = {};
  const flat = (prefix: string, value: unknown) => {
    if (typeof value === "number") out[prefix] = value;
    else if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) flat(prefix === "" ? k : `${prefix}.${k}`, v);
    }
  };
  for (const [k, v] of Object.entries(m)) {
    if (k === "scenario" || k === "policy") continue;
    flat(k, v);
  }
  return out;
}
