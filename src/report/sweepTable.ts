/**
 * A sweep as a text table (one row per value and policy, key metrics with 95% intervals) and
 * as CSV.
 *
 * @packageDocumentation
 */
import type { SweepResult } from "../experiment/index.js";
import { requireSweep } from "./requireResult.js";

/**
 * The metrics a sweep table shows by default.
 *
 * @example
 * ```ts
 * SWEEP_METRICS[0]?.metric; //=> "failureDemandShare"
 * ```
 */
export const SWEEP_METRICS: readonly { readonly metric: string; readonly label: string; readonly scale: number; readonly digits: number }[] = [
  { metric: "failureDemandShare", label: "failure demand %", scale: 100, digits: 1 },
  { metric: "firstContactResolution", label: "first contact %", scale: 100, digits: 1 },
  { metric: "endToEndDays.mean", label: "end-to-end days", scale: 1, digits: 1 },
  { metric: "staffMinutesPerNeed", label: "staff min/need", scale: 1, digits: 1 },
  { metric: "costPerContact", label: "cost/contact", scale: 1, digits: 1 },
];

/**
 * The sweep as an aligned text table.
 *
 * @param s - the sweep result
 * @returns the table
 * @example
 * ```ts
 * console.log(sweepTable(sweep(loadScenario("teaching"), policies.minutes, { path: "policy.handlingTime.frontMinutes", values: [3, 6] }, { replications: 3 })));
 * ```
 */
export function sweepTable(s: SweepResult): string {
  requireSweep(s, "sweepTable");
  const header = [s.path, "policy", ...SWEEP_METRICS.map((m) => m.label)];
  const rows: string[][] = [];
  for (const row of s.rows) {
    for (const [policy, metrics] of Object.entries(row.comparison.policies)) {
      rows.push([
        String(row.value),
        policy,
        ...SWEEP_METRICS.map((m) => {
          const e = metrics[m.metric];
          if (e === undefined) return "";
          const f = (x: number) => (x * m.scale).toFixed(m.digits);
          return e.ci95 === null ? f(e.mean) : `${f(e.mean)} [${f(e.ci95[0])}, ${f(e.ci95[1])}]`;
        }),
      ]);
    }
  }
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? "").length)));
  const line = (r: string[]) => r.map((c, k) => (k < 2 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join("   ");
  return [line(header), ...rows.map(line)].join("\n");
}

/**
 * The sweep as CSV: `value,policy,metric,mean,sd,ci95_low,ci95_high`, every metric.
 *
 * @param s - the sweep result
 * @returns CSV text
 * @example
 * ```ts
 * sweepCsv(result).split("\n")[0]; //=> "value,policy,metric,mean,sd,ci95_low,ci95_high"
 * ```
 */
export function sweepCsv(s: SweepResult): string {
  requireSweep(s, "sweepCsv");
  const lines = ["value,policy,metric,mean,sd,ci95_low,ci95_high"];
  const q = (x: unknown) => {
    const t = String(x);
    return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  for (const row of s.rows) {
    for (const [policy, metrics] of Object.entries(row.comparison.policies)) {
      for (const [m, e] of Object.entries(metrics)) lines.push([q(row.value), q(policy), q(m), e.mean, e.sd ?? "", e.ci95?.[0] ?? "", e.ci95?.[1] ?? ""].join(","));
    }
  }
  return `${lines.join("\n")}\n`;
}
