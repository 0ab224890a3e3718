/**
 * Vega-Lite (v5 schema) specs of a Comparison's charts as plain JSON with their data inline (no
 * URLs, no vega import here): draw them with {@link renderSvg}, in a notebook or vega-embed.
 *
 * @packageDocumentation
 */
import type { Comparison } from "../experiment/index.js";
import { seriesCharts } from "./series.js";

/** A Vega-Lite spec as plain JSON. */
export type VegaLiteSpec = Record<string, unknown>;

/** A chart of a report: an id (for HTML anchors), a title and its Vega-Lite spec. */
export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly spec: VegaLiteSpec;
}

/** Options of {@link comparisonCharts}. */
export interface ChartOptions {
  /**
   * End-to-end days of resolved needs per policy in completion order: `ReplicationResult.endToEndDays`
   * of replication 0 (what the capability limits come from). Given, the end-to-end chart is a
   * histogram and the capability charts show the needs (a long series thinned for drawing, limits from all); else quantiles and limits only.
   */
  readonly endToEndDays?: Readonly<Record<string, readonly number[]>>;
  /** Further charts (e.g. the journey map and touchpoint ranking), appended in order. */
  readonly extraCharts?: readonly { readonly title: string; readonly spec: object }[];
}

/**
 * The colours given to policies, in the Comparison's policy order (the same in every chart).
 *
 * @example
 * ```ts
 * CHART_PALETTE[0]; //=> "#4c78a8"
 * ```
 */
export const CHART_PALETTE: readonly string[] = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2", "#9d755d", "#bab0ac"];

const SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";
const REASONS = ["progressChasing", "notDoneRight", "clarification", "wrongPlace", "repeatUnresolved", "reopened", "complaint"];
const REASON_LABELS: Record<string, string> = { repeatUnresolved: "repeat (unresolved)" };
const QUANTILES = ["median", "85th", "95th"];
const TITLE_E2E = "End-to-end time: how long citizens wait for their need to be met";

const base = (text: string, subtitle: string | string[]): VegaLiteSpec => ({ $schema: SCHEMA, title: { text, subtitle, anchor: "start" }, background: "white", config: { view: { stroke: null } } });

const colour = (c: Comparison, names = Object.keys(c.policies)): VegaLiteSpec =>
  ({ field: "policy", type: "nominal", title: "policy", scale: { domain: names, range: names.map((_, i) => CHART_PALETTE[i % CHART_PALETTE.length]) } });

const words = (key: string): string => REASON_LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

function niceStep(x: number): number {
  const p = x > 0 ? 10 ** Math.floor(Math.log10(x)) : 1;
  return ([1, 2, 2.5, 5, 10].find((m) => x / p <= m) ?? 10) * p;
}

/**
 * End-to-end time per policy. With per-need times: a histogram per policy (share of resolved
 * needs per bin, common bins, the longest 1% folded into the last bar) with the pooled median,
 * 85th and 95th percentiles as rules. Without: the pooled quantiles and the mean on one line per
 * policy.
 *
 * @param c - the comparison
 * @param days - optional end-to-end days per policy (replication 0)
 * @returns the spec
 * @example
 * ```ts
 * const spec = endToEndChart(comparison, { minutes: [1.5, 12], whole: [0.4, 0.9] });
 * ```
 */
export function endToEndChart(c: Comparison, days?: Readonly<Record<string, readonly number[]>>): VegaLiteSpec {
  const names = Object.keys(c.policies);
  const quantiles = names.flatMap((policy) => {
    const q = c.pooled[policy]?.endToEndDays ?? { median: 0, p85: 0, p95: 0 };
    return [q.median, q.p85, q.p95].map((v, i) => ({ kind: "q", policy, label: QUANTILES[i], days: v }));
  });
  const given = names.filter((n) => (days?.[n]?.length ?? 0) > 0);
  if (days === undefined || given.length === 0) {
    const means = names.map((policy) => ({ kind: "mean", policy, label: "mean", days: c.policies[policy]?.["endToEndDays.mean"]?.mean ?? 0 }));
    return {
      ...base(TITLE_E2E, "pooled median, 85th and 95th percentiles (dots) and the mean (tick), days"),
      width: 560, height: { step: 44 },
      data: { values: [...quantiles, ...means] },
      encoding: { y: { field: "policy", type: "nominal", sort: names, title: null }, x: { field: "days", type: "quantitative", title: "days from need arising to need met" } },
      layer: [
        { transform: [{ filter: "datum.kind === 'q'" }], mark: { type: "line", color: "#bbb" }, encoding: { detail: { field: "policy" } } },
        { transform: [{ filter: "datum.kind === 'q'" }], mark: { type: "point", filled: true, size: 80 }, encoding: { color: colour(c) } },
        ...QUANTILES.map((label, i) => ({ transform: [{ filter: `datum.kind === 'q' && datum.label === '${label}'` }], mark: { type: "text", dy: i === 1 ? 13 : -12, fontSize: 10 }, encoding: { text: { field: "label" } } })),
        { transform: [{ filter: "datum.kind === 'mean'" }], mark: { type: "tick", thickness: 2, color: "#333" } },
      ],
    };
  }
  const sorted = given.map((n) => [...(days[n] ?? [])].sort((a, b) => a - b));
  const upper = Math.max(...sorted.map((s) => s[Math.min(s.length - 1, Math.floor(0.99 * s.length))] ?? 0), 1e-9);
  const step = niceStep(upper / 40);
  const bins = Math.max(1, Math.ceil(upper / step));
  const rows = given.flatMap((policy, k) => {
    const counts = new Array<number>(bins).fill(0);
    for (const v of sorted[k]!) counts[Math.min(bins - 1, Math.max(0, Math.floor(v / step)))]! += 1 / sorted[k]!.length;
    return counts.map((share, i) => ({ kind: "bin", policy, from: i * step, to: (i + 1) * step, share }));
  });
  const shown = quantiles.filter((q) => given.includes(q.policy));
  return {
    ...base(TITLE_E2E, [
      `bars: share of resolved needs per ${step}-day bin (replication 0; the last bar also holds every longer wait)`,
      "dashed lines: median, 85th and 95th percentile over all replications",
    ]),
    data: { values: [...rows, ...shown] },
    facet: { row: { field: "policy", type: "nominal", sort: given, title: null, header: { labelAngle: 0, labelAlign: "left", labelFontWeight: "bold" } } },
    spec: { width: 560, height: 110, layer: [
        { transform: [{ filter: "datum.kind === 'bin'" }], mark: { type: "rect", stroke: "white", strokeWidth: 0.5 }, encoding: {
          x: { field: "from", type: "quantitative", title: "days from need arising to need met", scale: { domain: [0, bins * step] } },
          x2: { field: "to" }, y: { field: "share", type: "quantitative", title: "share of needs", axis: { format: ".0%" } }, color: { ...colour(c), legend: null } } },
        { transform: [{ filter: "datum.kind === 'q'" }], mark: { type: "rule", color: "#333", strokeDash: [4, 3] }, encoding: { x: { field: "days", type: "quantitative" } } },
        ...QUANTILES.map((label, i) => ({ transform: [{ filter: `datum.kind === 'q' && datum.label === '${label}'` }],
          mark: { type: "text", align: "left", baseline: "top", dx: 3, y: 2 + 12 * i, fontSize: 10, color: "#333" }, encoding: { x: { field: "days", type: "quantitative" }, text: { field: "label" } } })),
    ] },
  };
}

/**
 * The capability (XmR) chart of one policy's end-to-end times: the centre line and natural
 * process limits from `comparison.capability`, and, when given, the resolved needs in completion
 * order (days to 1/1000) with the needs beyond the limits marked. Up to `maxPoints` needs are
 * drawn as they are; a longer series is thinned for drawing (M4: the first, lowest, highest and
 * last need of each run of needs that shares a sliver of the x axis), which keeps every peak
 * and every signal visible at a fraction of the size; the limits and the counts in the
 * subtitle always come from every need.
 *
 * @param c - the comparison
 * @param policy - the policy charted
 * @param points - optional end-to-end days in completion order (replication 0)
 * @param maxPoints - most needs drawn unthinned (default 2,000: about four per pixel)
 * @returns the spec
 * @example
 * ```ts
 * const spec = capabilityChart(comparison, "whole", replication0.endToEndDays);
 * ```
 */
export function capabilityChart(c: Comparison, policy: string, points?: readonly number[], maxPoints = 2000): VegaLiteSpec {
  const cap = c.capability[policy] ?? { mean: 0, upperLimit: 0, lowerLimit: 0, signals: { beyondLimits: 0, runOfEight: 0 }, points: 0 };
  const n = Math.max(points?.length ?? 0, cap.points, 2);
  const limits = ([["upper limit", cap.upperLimit], ["mean", cap.mean], ["lower limit", cap.lowerLimit]] as const).map(([what, y]) => ({ label: `${what} ${y.toFixed(1)}`, y, dash: what === "mean" ? "mean" : "limit", x: 1, x2: n }));
  const series = thinForDrawing(points ?? [], Math.max(4, Math.floor(maxPoints / 4)));
  const x = { field: "need", type: "quantitative", title: "resolved needs in completion order (replication 0)", scale: { domain: [1, n], nice: false } };
  const y = { field: "days", type: "quantitative", title: "end-to-end days" };
  const dash = (range: unknown[]) => ({ field: "dash", type: "nominal", scale: { domain: ["mean", "limit"], range }, legend: null });
  const layers: VegaLiteSpec[] = series.length === 0 ? [] : [
    { mark: { type: "line", strokeWidth: 0.8, color: "#8fa7c4", aria: false }, encoding: { x, y } },
    { transform: [{ filter: `datum.days > ${cap.upperLimit} || datum.days < ${cap.lowerLimit}` }], mark: { type: "circle", size: 14, color: "#d62728", opacity: 0.9, aria: false }, encoding: { x, y } },
  ];
  layers.push({ data: { values: limits }, mark: { type: "rule", strokeWidth: 1.5 }, encoding: { x: { ...x, field: "x" }, x2: { field: "x2" }, y: { ...y, field: "y" }, color: dash(["#333", "#d62728"]), strokeDash: dash([[1, 0], [6, 4]]) } });
  layers.push({ data: { values: limits }, mark: { type: "text", align: "left", baseline: "middle", dx: 4, fontSize: 10, color: "#333" }, encoding: { x: { ...x, field: "x2" }, y: { ...y, field: "y" }, text: { field: "label" } } });
  const signals = `${cap.signals.beyondLimits} points beyond the limits, ${cap.signals.runOfEight} runs of eight on one side of the mean; ${cap.points} needs`;
  const every = Math.ceil((points?.length ?? 0) / Math.max(4, Math.floor(maxPoints / 4)));
  const subtitle = series.length === 0
    ? `${signals} (the needs themselves were not kept: limits only)`
    : series.length < (points?.length ?? 0) ? [signals, `line drawn through the first, lowest, highest and last of every ${every} needs`] : signals;
  return { ...base(`${policy}: end-to-end time need by need (XmR capability chart)`, subtitle), width: 560, height: 200, ...(series.length === 0 ? {} : { data: { values: series } }), layer: layers };
}

/**
 * A series thinned for drawing as a line (M4): cut into `buckets` runs of consecutive points,
 * keep of each run its first, lowest, highest and last point, in order. A series of at most
 * 4 × `buckets` points is kept whole. Values are rounded to 1/1000.
 *
 * @param values - the series (1-based positions are its x)
 * @param buckets - runs to cut it into
 * @returns `{ need, days }` points, x ascending
 * @example
 * ```ts
 * thinForDrawing([1, 5, 2, 8, 3, 1, 9, 4], 1); //=> [{ need: 1, days: 1 }, { need: 7, days: 9 }, { need: 8, days: 4 }]
 * ```
 */
export function thinForDrawing(values: readonly number[], buckets: number): { need: number; days: number }[] {
  const point = (i: number) => ({ need: i + 1, days: Math.round((values[i] as number) * 1000) / 1000 });
  if (values.length <= 4 * buckets) return values.map((_, i) => point(i));
  const out: { need: number; days: number }[] = [];
  const size = values.length / buckets;
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * size);
    const to = Math.floor((b + 1) * size) - 1;
    let lo = from;
    let hi = from;
    for (let i = from + 1; i <= to; i++) {
      if ((values[i] as number) < (values[lo] as number)) lo = i;
      if ((values[i] as number) > (values[hi] as number)) hi = i;
    }
    for (const i of [...new Set([from, lo, hi, to])].sort((a, c) => a - c)) out.push(point(i));
  }
  return out;
}

/**
 * Failure demand by reason: each reason's share of all handled contacts per policy, the mean
 * over replications with its 95% interval (the reasons add up to the failure-demand share).
 *
 * @param c - the comparison
 * @returns the spec
 * @example
 * ```ts
 * const spec = failureDemandChart(comparison);
 * ```
 */
export function failureDemandChart(c: Comparison): VegaLiteSpec {
  const names = Object.keys(c.policies);
  const prefix = "failureDemandByReason.";
  const found = new Set(names.flatMap((n) => Object.keys(c.policies[n] ?? {}).filter((m) => m.startsWith(prefix)).map((m) => m.slice(prefix.length))));
  const reasons = [...REASONS.filter((r) => found.has(r)), ...[...found].filter((r) => !REASONS.includes(r)).sort()];
  const rows = names.flatMap((policy) => reasons.map((r) => barRow(c, policy, words(r), prefix + r)));
  return barsWithIntervals(c, rows, {
    title: "Failure demand by reason: contacts caused by a failure to do something or do it right",
    subtitle: "share of all handled contacts, mean over replications with 95% interval",
    category: "reason", categories: reasons.map(words), value: "share of handled contacts", format: ".0%",
  });
}

/** Causes in a readable order: the minutes design's first, then whole's own, then the shared ones. */
const CAUSES = [
  "cutShort", "prematureClosure", "misroute", "infoLoss", "unclearLetter",
  "wrongAnswer", "consultLoss", "missedUpdate", "ownerAbsent", "measureGaming",
  "workFailed", "fieldFailure", "waitBeyondExpectation", "badExperience",
];

/**
 * Failure demand by cause per policy: the mechanism that made each failure contact (a cut,
 * a wrong answer, a lost relay, a missed update, ...), as the share of all handled contacts,
 * mean with 95% interval. Causes no policy shows are left out.
 *
 * @param c - the comparison
 * @returns the spec
 * @example
 * ```ts
 * const spec = failureDemandByCauseChart(comparison);
 * ```
 */
export function failureDemandByCauseChart(c: Comparison): VegaLiteSpec {
  const names = Object.keys(c.policies);
  const prefix = "failureDemandByCause.";
  const shown = (cause: string) => names.some((n) => (c.policies[n]?.[prefix + cause]?.mean ?? 0) > 0);
  const found = new Set(names.flatMap((n) => Object.keys(c.policies[n] ?? {}).filter((m) => m.startsWith(prefix)).map((m) => m.slice(prefix.length))));
  const causes = [...CAUSES.filter((k) => found.has(k)), ...[...found].filter((k) => !CAUSES.includes(k)).sort()].filter(shown);
  const rows = names.flatMap((policy) => causes.map((k) => barRow(c, policy, words(k), prefix + k)));
  return barsWithIntervals(c, rows, {
    title: "Failure demand by cause: the mechanism that made each failure contact",
    subtitle: "share of all handled contacts, mean over replications with 95% interval",
    category: "cause", categories: causes.map(words), value: "share of handled contacts", format: ".1%",
  });
}

/**
 * Contacts per resolved need per policy (every contact the citizen made and the front handled,
 * chases and repeats included), mean with 95% interval.
 *
 * @param c - the comparison
 * @returns the spec
 * @example
 * ```ts
 * const spec = contactsChart(comparison);
 * ```
 */
export function contactsChart(c: Comparison): VegaLiteSpec {
  const names = Object.keys(c.policies);
  return barsWithIntervals(c, names.map((policy) => barRow(c, policy, policy, "contactsPerNeed")), {
    title: "Contacts per need: how often citizens had to get in touch",
    subtitle: "handled contacts per resolved need, mean over replications with 95% interval",
    category: null, categories: names, value: "contacts per resolved need", format: ".2f",
  });
}

interface BarRow { policy: string; reason: string; share: number; lo: number | null; hi: number | null }

function barRow(c: Comparison, policy: string, reason: string, metric: string): BarRow {
  const e = c.policies[policy]?.[metric];
  return { policy, reason, share: e?.mean ?? 0, lo: e?.ci95?.[0] ?? null, hi: e?.ci95?.[1] ?? null };
}

function barsWithIntervals(c: Comparison, rows: BarRow[], o: { title: string; subtitle: string; category: string | null; categories: string[]; value: string; format: string }): VegaLiteSpec {
  const x = { field: "share", type: "quantitative", title: o.value, axis: { format: o.format } };
  // no category: one bar per policy
  const y = { field: "reason", type: "nominal", sort: o.categories, title: o.category ?? "policy" };
  const yOffset = o.category === null ? {} : { yOffset: { field: "policy", type: "nominal", sort: Object.keys(c.policies) } };
  const intervals = rows.filter((r) => r.lo !== null && r.hi !== null);
  const layers: VegaLiteSpec[] = [
    { data: { values: rows }, mark: o.category === null ? { type: "bar", height: { band: 0.6 } } : { type: "bar" }, encoding: { x, y, ...yOffset, color: colour(c) } },
    ...(intervals.length === 0 ? [] : [{ data: { values: intervals }, mark: { type: "rule", color: "#222" }, encoding: { x: { field: "lo", type: "quantitative" }, x2: { field: "hi" }, y, ...yOffset } }]),
    { data: { values: rows.map((r) => ({ ...r, at: Math.max(r.share, r.hi ?? r.share, 0) })) }, mark: { type: "text", align: "left", dx: 4, fontSize: 10, color: "#333" }, encoding: { x: { field: "at", type: "quantitative" }, y, ...yOffset, text: { field: "share", format: o.format } } },
  ];
  const height = o.category === null ? { step: 36 } : { step: 13 * Object.keys(c.policies).length + 10, for: "position" };
  return { ...base(o.title, o.subtitle), width: 520, height, layer: layers };
}

/**
 * Every chart of the report for a comparison, in order: end-to-end time, a capability chart per
 * policy, failure demand by reason and by cause, contacts per need, the charts over time (when
 * the comparison has series: backlog, end-to-end time, demand, failure demand), then
 * `extraCharts`.
 *
 * @param c - the comparison
 * @param options - per-need end-to-end days (replication 0) and further charts
 * @returns the charts with ids and titles
 * @example
 * ```ts
 * comparisonCharts(comparison).map((ch) => ch.id).slice(0, 7); //=> ["end-to-end", "capability-minutes", "capability-whole", "failure-demand", "failure-demand-cause", "contacts", "over-time-openNeeds"]
 * ```
 */
export function comparisonCharts(c: Comparison, options: ChartOptions = {}): ChartSpec[] {
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "chart";
  const charts: ChartSpec[] = [
    { id: "end-to-end", title: "End-to-end time", spec: endToEndChart(c, options.endToEndDays) },
    ...Object.keys(c.policies).map((p) => ({ id: `capability-${slug(p)}`, title: `Capability: ${p}`, spec: capabilityChart(c, p, options.endToEndDays?.[p]) })),
    { id: "failure-demand", title: "Failure demand by reason", spec: failureDemandChart(c) },
    { id: "failure-demand-cause", title: "Failure demand by cause", spec: failureDemandByCauseChart(c) },
    { id: "contacts", title: "Contacts per need", spec: contactsChart(c) },
    ...seriesCharts(c),
    ...(options.extraCharts ?? []).map((e) => ({ id: `extra-${slug(e.title)}`, title: e.title, spec: e.spec as VegaLiteSpec })),
  ];
  // ids are HTML anchors: keep them unique when two names give the same slug
  const seen = new Set<string>();
  return charts.map((ch) => {
    let id = ch.id;
    for (let k = 2; seen.has(id); k++) id = `${ch.id}-${k}`;
    return seen.add(id), { ...ch, id };
  });
}
