/**
 * The system over time: a Comparison's series as CSV (one row per policy and period, one
 * column per series) and as Vega-Lite line charts with the 95% interval across replications
 * and an XmR band (natural process limits: mean ± 2.66 × the mean moving range).
 *
 * @packageDocumentation
 */
import type { Comparison, ComparisonSeries } from "../experiment/index.js";
import { PERIOD_MINUTES } from "../model/index.js";
import { xmrLimits } from "../stats/index.js";
import { CHART_PALETTE, type ChartSpec, type VegaLiteSpec } from "./charts.js";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/**
 * The series the HTML report and the notebook display draw, in order, with their titles.
 *
 * @example
 * ```ts
 * SERIES_CHARTED.map((s) => s.name); //=> ["openNeeds", "endToEndDays", "arrived", "failureDemandShare"]
 * ```
 */
export const SERIES_CHARTED: readonly { readonly name: string; readonly title: string; readonly axis: string; readonly format?: string }[] = [
  { name: "openNeeds", title: "Backlog: needs open at the end of each period", axis: "needs open" },
  { name: "endToEndDays", title: "End-to-end time of the needs met in each period", axis: "mean end-to-end days" },
  { name: "arrived", title: "Demand: needs that arose in each period", axis: "needs arisen" },
  { name: "failureDemandShare", title: "Failure demand: its share of the contacts in each period", axis: "share of handled contacts", format: ".0%" },
];

/**
 * The series as CSV: a row per policy and period with `policy`, `period` (the period's number
 * counted from the start of the run: week k starts on day 7k), `startDay`, `endDay`, then one
 * column per series with its mean over replications (the intervals are in the JSON).
 *
 * @param s - a Comparison's series
 * @returns CSV text with a header line
 * @throws TypeError when there are no series (`series: false`)
 * @example
 * ```ts
 * seriesCsv(compare(loadScenario("teaching"), [policies.whole], { replications: 2 }).series).split("\n")[0]?.startsWith("policy,period,startDay,endDay,arrived"); //=> true
 * ```
 */
export function seriesCsv(s: ComparisonSeries | undefined): string {
  if (s === undefined) throw new TypeError("this comparison has no series over time (they were switched off)");
  const policies = Object.keys(s.policies);
  const names = [...new Set(policies.flatMap((p) => Object.keys(s.policies[p] ?? {})))];
  const q = (x: string) => (/[",\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x);
  const lines = [["policy", "period", "startDay", "endDay", ...names].map(q).join(",")];
  const minutes = PERIOD_MINUTES[s.period];
  for (const p of policies) {
    const own = s.policies[p] ?? {};
    s.startDays.forEach((start, k) => {
      const period = Math.floor(Math.round(start * 1440) / minutes);
      lines.push([q(p), period, start, s.endDays[k], ...names.map((n) => own[n]?.mean[k] ?? "")].join(","));
    });
  }
  return `${lines.join("\n")}\n`;
}

/**
 * One series of a Comparison over time, a panel per policy: the mean over replications as a
 * line, its 95% interval as a shaded ribbon, and the XmR band of the line drawn (centre line
 * and natural process limits, mean ± 2.66 × the mean moving range), with the periods beyond
 * the limits marked.
 *
 * @param c - the comparison (with series)
 * @param name - a series name, e.g. "openNeeds"
 * @param title - the chart's title (default: the name)
 * @param axis - the value axis title
 * @param format - the value axis format (d3-format)
 * @returns the spec
 * @example
 * ```ts
 * const spec = seriesChart(comparison, "openNeeds");
 * ```
 */
export function seriesChart(c: Comparison, name: string, title = name, axis = name, format?: string): VegaLiteSpec {
  const s = c.series;
  const names = Object.keys(c.policies).filter((p) => s?.policies[p]?.[name] !== undefined);
  const rows: Record<string, unknown>[] = [];
  for (const policy of names) {
    const e = s!.policies[policy]![name]!;
    const x = e.mean.length >= 2 ? xmrLimits(e.mean) : null;
    e.mean.forEach((m, k) => {
      const beyond = x !== null && (m > x.upperLimit || m < x.lowerLimit);
      rows.push({ kind: "point", policy, day: s!.startDays[k], value: m, low: e.low?.[k] ?? m, high: e.high?.[k] ?? m, beyond });
    });
    if (x !== null) rows.push({ kind: "limits", policy, from: s!.startDays[0], to: s!.endDays[s!.endDays.length - 1], mean: x.mean, lower: x.lowerLimit, upper: x.upperLimit });
  }
  const colour = { field: "policy", type: "nominal", legend: null, scale: { domain: Object.keys(c.policies), range: Object.keys(c.policies).map((_, i) => CHART_PALETTE[i % CHART_PALETTE.length]) } };
  const xAxis = { field: "day", type: "quantitative", title: `day of the run (start of each ${s?.period ?? "period"})`, scale: { nice: false, zero: false } };
  const y = { type: "quantitative", title: axis, ...(format === undefined ? {} : { axis: { format } }) };
  const replicated = c.replications > 1;
  const limitsOnly = { filter: "datum.kind === 'limits'" };
  const pointsOnly = { filter: "datum.kind === 'point'" };
  return {
    $schema: SCHEMA,
    title: {
      text: title,
      subtitle: [
        `per ${s?.period ?? "period"}: the mean over ${c.replications} replication${replicated ? "s" : ""}${replicated ? " (line) with its 95% interval (ribbon)" : ""}`,
        "grey band: natural process limits of the line (XmR: mean ± 2.66 × mean moving range)",
        "dashed: the line's mean; red: periods beyond the limits",
      ],
      anchor: "start",
    },
    background: "white",
    config: { view: { stroke: null } },
    data: { values: rows },
    facet: { row: { field: "policy", type: "nominal", sort: names, title: null, header: { labelAngle: 0, labelAlign: "left", labelFontWeight: "bold" } } },
    spec: {
      width: 560,
      height: 130,
      layer: [
        { transform: [limitsOnly], mark: { type: "rect", color: "#999", opacity: 0.14 }, encoding: { x: { ...xAxis, field: "from" }, x2: { field: "to" }, y: { ...y, field: "lower" }, y2: { field: "upper" } } },
        { transform: [limitsOnly], mark: { type: "rule", color: "#666", strokeDash: [5, 4] }, encoding: { x: { ...xAxis, field: "from" }, x2: { field: "to" }, y: { ...y, field: "mean" } } },
        ...(replicated ? [{ transform: [pointsOnly], mark: { type: "area", opacity: 0.22 }, encoding: { x: xAxis, y: { ...y, field: "low" }, y2: { field: "high" }, color: colour } }] : []),
        { transform: [pointsOnly], mark: { type: "line", strokeWidth: 1.6 }, encoding: { x: xAxis, y: { ...y, field: "value" }, color: colour } },
        { transform: [{ filter: "datum.kind === 'point' && datum.beyond" }], mark: { type: "circle", size: 26, color: "#d62728" }, encoding: { x: xAxis, y: { ...y, field: "value" } } },
      ],
    },
  };
}

/**
 * The charts over time of a Comparison ({@link SERIES_CHARTED} that it has): backlog,
 * end-to-end time, demand and failure demand. None when it has no series.
 *
 * @param c - the comparison
 * @returns the charts with ids and titles
 * @example
 * ```ts
 * seriesCharts(comparison).map((ch) => ch.id); //=> ["over-time-openNeeds", "over-time-endToEndDays", "over-time-arrived", "over-time-failureDemandShare"]
 * ```
 */
export function seriesCharts(c: Comparison): ChartSpec[] {
  const s = c.series;
  if (s === undefined || s.startDays.length === 0) return [];
  return SERIES_CHARTED.filter((k) => Object.values(s.policies).some((p) => p[k.name] !== undefined)).map((k) => ({
    id: `over-time-${k.name}`,
    title: k.title,
    spec: seriesChart(c, k.name, k.title, k.axis, k.format),
  }));
}
