/**
 * A sensitivity study and a winner map as text and as CSV.
 *
 * @packageDocumentation
 */
import type { HeadlineDifference, SensitivityStudy, WinnerMap } from "../experiment/index.js";
import { formatValue } from "../scenario/errors.js";

/** How each headline outcome is shown: scale and digits. */
const SHOWN: Readonly<Record<string, { readonly scale: number; readonly digits: number; readonly unit: string }>> = {
  "endToEndDays.mean": { scale: 1, digits: 2, unit: "" },
  failureDemandShare: { scale: 100, digits: 1, unit: " pp" },
  costPerNeed: { scale: 1, digits: 1, unit: "" },
};

function signed(x: number, metric: string): string {
  const f = SHOWN[metric] ?? { scale: 1, digits: 3, unit: "" };
  const t = (x * f.scale).toFixed(f.digits);
  if (Number(t) === 0) return (0).toFixed(f.digits);
  return x > 0 ? `+${t}` : t;
}

function estimate(d: HeadlineDifference | undefined, metric: string): string {
  if (d === undefined) return "";
  return `${signed(d.mean, metric)} ${d.ci95 === null ? "" : `[${signed(d.ci95[0], metric)}, ${signed(d.ci95[1], metric)}]`}`.trim();
}

function text(v: number | string): string {
  return typeof v === "string" ? v : String(Number(v.toPrecision(6)));
}

function requireShape(s: unknown, keys: readonly string[], fn: string, what: string): void {
  const o = s as Record<string, unknown> | null;
  if (typeof o !== "object" || o === null || keys.some((k) => typeof o[k] !== "object")) throw new RangeError(`${fn} needs ${what}, got ${formatValue(s)}`);
}

function columns(rows: readonly (readonly string[])[], right: readonly boolean[]): string[] {
  const widths = rows[0]!.map((_, k) => Math.max(...rows.map((r) => r[k]!.length)));
  return rows.map((r) => `  ${r.map((c, k) => (right[k] ? c.padStart(widths[k]!) : c.padEnd(widths[k]!))).join("  ")}`.trimEnd());
}

/**
 * The study as text: the baseline differences, then per outcome a table of the parameters,
 * those that move the difference most first, with the difference at each end of the range and
 * where the sign flips.
 *
 * @param s - the study (from `sensitivity`)
 * @returns the text
 * @throws RangeError when `s` is not a study
 * @example
 * ```ts
 * console.log(sensitivityTable(sensitivity(loadScenario("teaching"), [policies.minutes, policies.whole], { replications: 3, params: ["mechanisms.handoffInfoLoss"] })));
 * ```
 */
export function sensitivityTable(s: SensitivityStudy): string {
  requireShape(s, ["baseline", "parameters", "skipped"], "sensitivityTable", "a sensitivity study (from sensitivity)");
  const [p1, p2] = s.policies;
  const out = [`Differences ${p2} − ${p1}, paired (same citizens): mean [95% interval], with each parameter at the low and the high end of its range, one at a time; lower is better for ${p2} on every outcome.`];
  out.push(`Ranges: "doc" documented in the scenario schema, "½–2×" half to double the value (clipped to the field's bounds), "given". A flip is a sign clear of 0 at both ends that changes; where it does, ${s.bisectionSteps} bisection steps locate the crossing to within the range / ${2 ** s.bisectionSteps}.`);
  for (const o of s.outcomes) {
    out.push("", `${o.label} — as given ${estimate(s.baseline[o.metric], o.metric)}`);
    const rows = [...s.parameters]
      .filter((p) => p.atLow[o.metric] !== undefined)
      .sort((a, b) => Math.abs(b.swing[o.metric] ?? 0) - Math.abs(a.swing[o.metric] ?? 0) || (a.path < b.path ? -1 : 1))
      .map((p) => {
        const f = p.flips[o.metric];
        const from = p.rangeFrom === "documented" ? "doc" : p.rangeFrom === "halfToDouble" ? "½–2×" : "given";
        return [p.path, `${text(p.text.low)} – ${text(p.text.high)} (${from})`, estimate(p.atLow[o.metric], o.metric), estimate(p.atHigh[o.metric], o.metric), f?.flips === true ? `flips at ${text(f.atText as number | string)}` : "no flip"];
      });
    if (rows.length === 0) continue;
    out.push(...columns([["parameter", "range", "at low end", "at high end", "sign"], ...rows], [false, false, true, true, false]));
  }
  if (s.joint !== undefined && s.joint !== null) out.push("", ...jointText(s));
  if (s.skipped.length > 0) {
    out.push("", "Not varied:");
    for (const k of s.skipped) out.push(`  ${k.path}: ${k.reason}`);
  }
  const warnings = [...s.warnings, ...s.parameters.flatMap((p) => p.warnings)];
  for (const w of warnings) out.push("", `warning: ${w}`);
  return out.join("\n");
}

/** The joint part: per outcome, the signs over the samples and the parameters that go with the difference. */
function jointText(s: SensitivityStudy): string[] {
  const j = s.joint!;
  const out = [`All at once: every parameter varied together at ${j.samples} points of a Latin hypercube of the ranges above. Per outcome, the points where ${s.policies[1]} − ${s.policies[0]} is clear below 0, holds 0 and is clear above 0, the range of its mean, and the parameters whose value goes with it (Spearman's ρ, beyond ±${j.clearCorrelation.toFixed(2)} clear of 0 at about 95%; strongest first, at most five; with more points than parameters, also the partial rank correlation, the other parameters taken out).`];
  for (const o of s.outcomes) {
    const r = j.outcomes[o.metric];
    if (r === undefined) continue;
    const strong = Object.entries(r.correlation)
      .filter(([, rho]) => Math.abs(rho) > j.clearCorrelation)
      .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1))
      .slice(0, 5)
      .map(([path, rho]) => {
        const partial = r.partial?.[path] ?? null;
        return `${path} (ρ ${rho >= 0 ? "+" : ""}${rho.toFixed(2)}${partial === null ? "" : `, partial ${partial >= 0 ? "+" : ""}${partial.toFixed(2)}`})`;
      });
    out.push(`  ${o.label}: below 0 at ${r.below}, tie at ${r.tie}, above 0 at ${r.above}; mean from ${signed(r.min, o.metric)} to ${signed(r.max, o.metric)}; ${strong.length === 0 ? "no parameter clearly goes with it" : strong.join(", ")}`);
  }
  return out;
}

/**
 * The study as CSV, one row per outcome, parameter and end, then (with joint samples) one row
 * per outcome and sample, its parameter "all" and its end "sample N":
 * `outcome,parameter,range_from,end,value,mean,ci95_low,ci95_high,sign,flips,flip_at`.
 *
 * @param s - the study
 * @returns CSV text
 * @throws RangeError when `s` is not a study
 * @example
 * ```ts
 * sensitivityCsv(study).split("\n")[0]; //=> "outcome,parameter,range_from,end,value,mean,ci95_low,ci95_high,sign,flips,flip_at"
 * ```
 */
export function sensitivityCsv(s: SensitivityStudy): string {
  requireShape(s, ["baseline", "parameters", "skipped"], "sensitivityCsv", "a sensitivity study (from sensitivity)");
  const lines = ["outcome,parameter,range_from,end,value,mean,ci95_low,ci95_high,sign,flips,flip_at"];
  for (const o of s.outcomes) {
    for (const p of s.parameters) {
      const f = p.flips[o.metric];
      for (const [end, value, d] of [["low", p.low, p.atLow[o.metric]], ["high", p.high, p.atHigh[o.metric]]] as const) {
        if (d === undefined) continue;
        lines.push([o.metric, p.path, p.rangeFrom, end, value, d.mean, d.ci95?.[0] ?? "", d.ci95?.[1] ?? "", d.sign, f?.flips === true, f?.at ?? ""].map(csv).join(","));
      }
    }
    (s.joint?.points ?? []).forEach((point, k) => {
      const d = point.differences[o.metric];
      if (d !== undefined) lines.push([o.metric, "all", "latinHypercube", `sample ${k + 1}`, "", d.mean, d.ci95?.[0] ?? "", d.ci95?.[1] ?? "", d.sign, "", ""].map(csv).join(","));
    });
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The map as text: per outcome a grid, the y values down and the x values across, each cell the
 * winner (or "tie") with the mean difference.
 *
 * @param m - the map (from `winnerMap`)
 * @returns the text
 * @throws RangeError when `m` is not a map
 * @example
 * ```ts
 * console.log(winnerMapTable(map));
 * ```
 */
export function winnerMapTable(m: WinnerMap): string {
  requireShape(m, ["x", "y", "cells"], "winnerMapTable", "a winner map (from winnerMap)");
  const [p1, p2] = m.policies;
  const out = [`Winner per cell (lower is better): ${p2} or ${p1} where the 95% interval of the paired difference ${p2} − ${p1} (in brackets, its mean) is clear of 0, "tie" where it holds 0. Across: ${m.x.path}; down: ${m.y.path}.`];
  for (const o of m.outcomes) {
    out.push("", o.label);
    const head = [`${m.y.path} \\ ${m.x.path}`, ...m.x.values.map(text)];
    const rows = m.cells.map((row, j) => [text(m.y.values[j]!), ...row.map((c) => {
      const e = c.outcomes[o.metric];
      return e === undefined ? "" : `${e.winner} (${signed(e.mean, o.metric)})`;
    })]);
    out.push(...columns([head, ...rows], head.map((_, k) => k > 0)));
  }
  const warnings = [...new Set(m.cells.flat().flatMap((c) => c.warnings.map((w) => `at ${m.x.path} = ${text(c.x)}, ${m.y.path} = ${text(c.y)}: ${w}`)))];
  for (const w of warnings) out.push("", `warning: ${w}`);
  return out.join("\n");
}

/**
 * The map as CSV, one row per outcome and cell: `outcome,x,y,mean,ci95_low,ci95_high,winner`.
 *
 * @param m - the map
 * @returns CSV text
 * @throws RangeError when `m` is not a map
 * @example
 * ```ts
 * winnerMapCsv(map).split("\n")[0]; //=> "outcome,x,y,mean,ci95_low,ci95_high,winner"
 * ```
 */
export function winnerMapCsv(m: WinnerMap): string {
  requireShape(m, ["x", "y", "cells"], "winnerMapCsv", "a winner map (from winnerMap)");
  const lines = ["outcome,x,y,mean,ci95_low,ci95_high,winner"];
  for (const o of m.outcomes) {
    for (const c of m.cells.flat()) {
      const e = c.outcomes[o.metric];
      if (e !== undefined) lines.push([o.metric, c.x, c.y, e.mean, e.ci95?.[0] ?? "", e.ci95?.[1] ?? "", e.winner].map(csv).join(","));
    }
  }
  return `${lines.join("\n")}\n`;
}

function csv(x: unknown): string {
  const t = String(x);
  return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}
