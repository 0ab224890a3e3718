/**
 * Results that display themselves in notebooks. {@link displayable} takes a Comparison, a
 * SweepResult, a RunSummary, a JourneyMap (or several) or a TouchpointRanking (or several),
 * recognised by their shape, draws its chart once (vega is loaded lazily, on the first chart)
 * and returns a {@link Displayable}: an object whose `[Symbol.for("Jupyter.display")]()` gives
 * the MIME bundle a kernel shows (`text/html`, `image/svg+xml`, the live Vega-Lite spec and
 * `text/plain`), with plain methods for kernels without that protocol (tslab:
 * `tslab.display.html(d.toHTML())`, `tslab.display.raw("image/svg+xml", d.toSVG())`).
 *
 * Rendering is asynchronous and the display protocol is not, so the work happens in
 * `await displayable(x)`; every method of the result is synchronous and cheap.
 *
 * @packageDocumentation
 */
import type { Comparison, MetricEstimate, SweepResult } from "../experiment/index.js";
import { metricTable } from "../experiment/index.js";
import type { JourneyMap, TouchpointEffect, TouchpointRanking } from "../journey/index.js";
import { journeyMapText, touchpointText } from "../journey/index.js";
import type { RunSummary } from "../metrics/index.js";
import { capabilityChart, CHART_PALETTE, contactsChart, endToEndChart, failureDemandChart, type VegaLiteSpec } from "./charts.js";
import { comparisonTable, reading, TABLE_BLOCKS, type TableRow } from "./comparisonTable.js";
import { comparisonMarkdown } from "./flat.js";
import { escapeHtml } from "./html.js";
import { journeyMapChart, touchpointChart } from "./journeyCharts.js";
import { renderSvg } from "./svg.js";
import { SWEEP_METRICS, sweepTable } from "./sweepTable.js";

/** What {@link displayable} recognised its argument as. */
export type DisplayKind = "comparison" | "sweep" | "runSummary" | "journeyMap" | "touchpoints";

/** The MIME bundle of a {@link Displayable}: what a notebook frontend picks from. */
export interface MimeBundle {
  /** The table (and the reading) followed by the chart as inline SVG: a frontend shows only one type of a bundle, and most pick HTML. */
  readonly "text/html": string;
  /** The chart, drawn with vega: `<svg …>…</svg>`. */
  readonly "image/svg+xml": string;
  /** The same chart as a live Vega-Lite v5 spec with its data inline. */
  readonly "application/vnd.vegalite.v5+json": VegaLiteSpec;
  /** The table as plain text (what a terminal shows). */
  readonly "text/plain": string;
}

/**
 * The key of the rich-display protocol of Jupyter kernels for JavaScript (Deno, and others
 * that look for it): `Symbol.for("Jupyter.display")`, typed as a unique symbol so it can name
 * a method of {@link Displayable}.
 *
 * @example
 * ```ts
 * const d = await displayable(comparison);
 * d[JUPYTER_DISPLAY]()["text/plain"] === d.toString(); //=> true
 * JUPYTER_DISPLAY === Symbol.for("Jupyter.display"); //=> true
 * ```
 */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display") as typeof JUPYTER_DISPLAY;

/** A result that displays itself: the table, the chart, the live spec, Markdown and text. */
export interface Displayable {
  /** What the result is. */
  readonly kind: DisplayKind;
  /** A short title (scenario, policies). */
  readonly title: string;
  /** The result itself, as given. */
  readonly value: DisplayInput;
  /** The MIME bundle of the Jupyter rich-display protocol. */
  [JUPYTER_DISPLAY](): MimeBundle;
  /** The table as an HTML fragment (no chart): for `tslab.display.html`. */
  toHTML(): string;
  /** The chart as standalone SVG markup: for `tslab.display.raw("image/svg+xml", …)`. */
  toSVG(): string;
  /** The chart as a Vega-Lite v5 spec with its data inline (a fresh copy each call). */
  toVegaLite(): VegaLiteSpec;
  /** The table as Markdown (GitHub tables). */
  toMarkdown(): string;
  /** The table as plain text. */
  toString(): string;
}

/** Options of {@link displayable}. */
export interface DisplayOptions {
  /**
   * For a Comparison: end-to-end days of resolved needs per policy in completion order
   * (`ReplicationResult.endToEndDays` of replication 0). Given, the end-to-end chart is a
   * histogram and the capability charts show every need; else quantiles and limits only.
   */
  readonly endToEndDays?: Readonly<Record<string, readonly number[]>>;
  /** A title for the chart and the table, instead of the one made from the result. */
  readonly title?: string;
}

/** What {@link displayable} accepts. */
export type DisplayInput = Comparison | SweepResult | RunSummary | JourneyMap | readonly JourneyMap[] | TouchpointRanking | readonly TouchpointRanking[];

const SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/**
 * Recognises a result by its shape (it may have come back through `JSON.parse`).
 *
 * @param x - anything
 * @returns the kind, or null when it is none of the results that display themselves
 * @example
 * ```ts
 * displayKind(compare(loadScenario("teaching"), [policies.minutes], { replications: 2 })); //=> "comparison"
 * displayKind({ answer: 42 }); //=> null
 * ```
 */
export function displayKind(x: unknown): DisplayKind | null {
  if (Array.isArray(x)) {
    if (x.length === 0) return null;
    const kinds = new Set(x.map((e) => displayKind(e)));
    const only = kinds.size === 1 ? [...kinds][0] : null;
    return only === "journeyMap" || only === "touchpoints" ? only : null;
  }
  if (!isObject(x)) return null;
  if (isObject(x.policies) && isObject(x.differences) && isObject(x.capability) && typeof x.replications === "number") return "comparison";
  if (typeof x.path === "string" && Array.isArray(x.rows) && x.rows.every((r) => isObject(r) && displayKind(r.comparison) === "comparison")) return "sweep";
  if (typeof x.rankBy === "string" && Array.isArray(x.rows) && typeof x.policy === "string") return "touchpoints";
  if (Array.isArray(x.phases) && Array.isArray(x.moments) && Array.isArray(x.painPoints)) return "journeyMap";
  if (typeof x.failureDemandShare === "number" && typeof x.arrived === "number" && isObject(x.endToEndDays)) return "runSummary";
  return null;
}

/**
 * Makes a result display itself: recognises it by shape, draws its chart (loading vega on the
 * first call) and returns an object with the MIME bundle of the Jupyter display protocol and
 * plain `toHTML()`, `toSVG()`, `toVegaLite()`, `toMarkdown()` and `toString()`.
 *
 * | result | table | chart |
 * |---|---|---|
 * | Comparison | the three blocks with 95% intervals and paired differences, the reading | end-to-end time, capability charts side by side, failure demand by reason, contacts per need |
 * | SweepResult | key metrics per value and policy, paired differences | each key metric against the swept value |
 * | RunSummary | every metric of the run | contacts by demand (value and each failure reason), end-to-end quantiles |
 * | JourneyMap(s) | the three phases, pain points, what citizens said | the journey map |
 * | TouchpointRanking(s) | the ranking with paired intervals | the touchpoint chart |
 *
 * @param x - the result
 * @param options - per-need end-to-end days (Comparison), a title
 * @returns the displayable result
 * @throws TypeError when `x` is none of these
 * @example
 * ```ts
 * // in a tslab notebook
 * import * as tslab from "tslab";
 * const d = await displayable(compare(loadScenario("teaching"), [policies.minutes, policies.whole], { replications: 3 }));
 * tslab.display.html(d.toHTML());
 * tslab.display.raw("image/svg+xml", d.toSVG());
 * ```
 */
export async function displayable(x: DisplayInput, options: DisplayOptions = {}): Promise<Displayable> {
  const kind = displayKind(x);
  let view: View;
  switch (kind) {
    case "comparison":
      view = comparisonView(x as Comparison, options);
      break;
    case "sweep":
      view = sweepView(x as SweepResult);
      break;
    case "runSummary":
      view = summaryView(x as RunSummary);
      break;
    case "journeyMap":
      view = journeyMapView(listOf(x as JourneyMap | readonly JourneyMap[]));
      break;
    case "touchpoints":
      view = touchpointView(listOf(x as TouchpointRanking | readonly TouchpointRanking[]));
      break;
    default:
      throw new TypeError(
        "displayable takes a Comparison (compare), a SweepResult (sweep), a RunSummary (summarise), a JourneyMap or a list of them (journeyMap), " +
          `or a TouchpointRanking or a list of them (touchpoints); got ${describe(x)}`,
      );
  }
  const title = options.title ?? view.title;
  const spec: VegaLiteSpec = options.title === undefined ? view.spec : { ...view.spec, title: options.title };
  const frozen = JSON.stringify(spec);
  const drawn = await renderSvg(spec);
  const svg = scopeIds(drawn, `helhet-${kind}-${hash(drawn)}`);
  const html = `<div class="helhet-display helhet-${kind}">\n<style>${STYLE}</style>\n<p class="helhet-title"><strong>${escapeHtml(title)}</strong></p>\n${view.html}\n</div>`;
  const markdown = `**${title.replace(/([*_`|])/g, "\\$1")}**\n\n${view.markdown}`;
  const text = `${title}\n\n${view.text}`;
  const displayed: Displayable = {
    kind,
    title,
    value: x,
    [JUPYTER_DISPLAY]: () => ({
      "text/html": `${html}\n<figure class="helhet-chart" style="margin:1em 0;overflow-x:auto">${svg}</figure>`,
      "image/svg+xml": svg,
      "application/vnd.vegalite.v5+json": JSON.parse(frozen) as VegaLiteSpec,
      "text/plain": text,
    }),
    toHTML: () => html,
    toSVG: () => svg,
    toVegaLite: () => JSON.parse(frozen) as VegaLiteSpec,
    toMarkdown: () => markdown,
    toString: () => text,
  };
  // Node's console.log and a kernel's fallback print the table, not the object
  Object.defineProperty(displayed, Symbol.for("nodejs.util.inspect.custom"), { value: () => text, enumerable: false });
  return displayed;
}

/** What each kind contributes: the table in three forms and the chart's spec. */
interface View {
  readonly title: string;
  readonly html: string;
  readonly markdown: string;
  readonly text: string;
  readonly spec: VegaLiteSpec;
}

// ---------------------------------------------------------------------------------------------
// Comparison

function comparisonView(c: Comparison, options: DisplayOptions): View {
  const names = Object.keys(c.policies);
  const title = `${c.scenario}: ${names.join(" vs ")}`;
  const note = `${c.replications} replication${c.replications === 1 ? "" : "s"}, seed ${c.seed}, needs arising from day ${c.warmupDays.toFixed(0)} to day ${c.horizonDays.toFixed(0)}. Mean [95% interval]${names.length > 1 ? "; the last column is the paired difference (the same citizens under each policy), in bold when its interval is clear of zero" : ""}.`;
  const said = names.length >= 2 ? reading(c) : "";
  const warnings = c.warnings.length === 0 ? "" : `<div class="helhet-warnings"><strong>Warnings</strong><ul>${c.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ul></div>\n`;
  const html = `<p class="helhet-note">${escapeHtml(note)}</p>\n${warnings}${comparisonTableHtml(c)}${said === "" ? "" : `\n<p class="helhet-reading">${escapeHtml(said)}</p>`}`;
  const markdown = `${note}\n\n${comparisonMarkdown(c)}${said === "" ? "" : `\n${said}\n`}${c.warnings.length === 0 ? "" : `\nWarnings:\n${c.warnings.map((w) => `- ${w}`).join("\n")}\n`}`;
  const text = `${comparisonTable(c)}${said === "" ? "" : `\n\n${said}`}${c.warnings.length === 0 ? "" : `\n\nWarnings:\n${c.warnings.map((w) => `  ${w}`).join("\n")}`}`;
  const days = options.endToEndDays;
  const capability = names.map((p) => compactTitle(sized(capabilityChart(c, p, days?.[p]), names.length > 1 ? 340 : 560, 180), `${p}: end-to-end days need by need (XmR)`));
  const spec: VegaLiteSpec = {
    $schema: SCHEMA,
    title: { text: title, anchor: "start", fontSize: 15 },
    background: "white",
    config: { view: { stroke: null } },
    vconcat: [
      part(endToEndChart(c, days)),
      // side by side, two to a row
      names.length > 1 ? { concat: capability, columns: 2, spacing: 40 } : capability[0],
      part(failureDemandChart(c)),
      part(contactsChart(c)),
    ],
    spacing: 28,
    // the capability charts encode their mean and limits with colour and dash scales of their own
    resolve: { scale: { color: "independent", strokeDash: "independent" }, legend: { color: "independent" } },
  };
  return { title, html, markdown, text, spec };
}

function comparisonTableHtml(c: Comparison): string {
  const names = Object.keys(c.policies);
  const base = names[0] as string;
  const head = [...names.map(escapeHtml), ...names.slice(1).map((n) => `${escapeHtml(n)} − ${escapeHtml(base)}`)];
  const utilisation = Object.keys(c.policies[base] ?? {}).filter((m) => m.startsWith("utilisation."));
  const body: string[] = [];
  for (const block of TABLE_BLOCKS) {
    body.push(`<tr class="helhet-block"><th colspan="${head.length + 1}" scope="colgroup" align="left">${escapeHtml(block.title)}</th></tr>`);
    const rows: readonly TableRow[] = block.title === "The parts" ? [...block.rows, ...utilisation.map((m) => ({ metric: m, label: `utilisation, ${m.slice("utilisation.".length)}`, digits: 0, scale: 100, unit: "%" }))] : block.rows;
    for (const row of rows) {
      if (!names.every((n) => c.policies[n]?.[row.metric] !== undefined)) continue;
      const cells = names.map((n) => `<td align="right">${estimateHtml(c.policies[n]![row.metric]!, row, false)}</td>`);
      const diffs = names.slice(1).map((n) => {
        const d = c.differences[`${n}-vs-${base}`]?.[row.metric];
        if (d === undefined) return "<td></td>";
        const text = estimateHtml({ mean: d.mean, sd: null, ci95: d.ci95 }, row, true);
        return `<td align="right" class="helhet-diff${clear(d.ci95) ? " helhet-clear" : ""}">${clear(d.ci95) ? `<b>${text}</b>` : text}</td>`;
      });
      body.push(`<tr><th scope="row" align="left">${escapeHtml(rowLabel(row))}</th>${cells.join("")}${diffs.join("")}</tr>`);
    }
  }
  return `<table>\n<thead><tr><th></th>${head.map((h) => `<th scope="col" align="right">${h}</th>`).join("")}</tr></thead>\n<tbody>\n${body.join("\n")}\n</tbody>\n</table>`;
}

function rowLabel(row: TableRow): string {
  return `${row.label}${row.unit && row.unit !== "%" ? ` (${row.unit})` : ""}`;
}

// ---------------------------------------------------------------------------------------------
// SweepResult

function sweepView(s: SweepResult): View {
  const first = s.rows[0]?.comparison;
  const names = first === undefined ? [] : Object.keys(first.policies);
  const base = names[0] ?? "";
  const title = `${first?.scenario ?? "sweep"}: ${names.join(" vs ")} as ${s.path} varies`;
  const header = [s.path, "policy", ...SWEEP_METRICS.map((m) => m.label)];
  const rows: Cell[][] = [];
  for (const row of s.rows) {
    const c = row.comparison;
    for (const [k, policy] of names.entries()) {
      rows.push([{ text: k === 0 ? valueLabel(row.value) : "", group: k === 0 }, { text: policy }, ...SWEEP_METRICS.map((m) => estimateCell(c.policies[policy]?.[m.metric], m.scale, m.digits, false))]);
    }
    for (const policy of names.slice(1)) {
      const d = c.differences[`${policy}-vs-${base}`];
      rows.push([{ text: "" }, { text: `${policy} − ${base}`, dim: true }, ...SWEEP_METRICS.map((m) => {
        const e = d?.[m.metric];
        return e === undefined ? { text: "" } : { ...estimateCell({ mean: e.mean, sd: null, ci95: e.ci95 }, m.scale, m.digits, true), bold: clear(e.ci95) };
      })]);
    }
  }
  const note = `${first?.replications ?? 0} replications at each value, the same citizens at every value and under every policy; mean [95% interval]; differences in bold when clear of zero.`;
  const html = `<p class="helhet-note">${escapeHtml(note)}</p>\n${tableHtml(header, rows, 2)}`;
  const markdown = `${note}\n\n${tableMarkdown(header, rows, 2)}`;
  const numeric = s.rows.every((r) => typeof r.value === "number" && Number.isFinite(r.value));
  const data = s.rows.flatMap((row) =>
    names.flatMap((policy) =>
      SWEEP_METRICS.map((m) => {
        const e = row.comparison.policies[policy]?.[m.metric];
        return e === undefined ? null : { value: numeric ? row.value : valueLabel(row.value), policy, metric: m.label, mean: e.mean * m.scale, lo: (e.ci95?.[0] ?? e.mean) * m.scale, hi: (e.ci95?.[1] ?? e.mean) * m.scale };
      }).filter((r) => r !== null),
    ),
  );
  const x = numeric
    ? { field: "value", type: "quantitative", title: s.path, scale: { zero: false } }
    : { field: "value", type: "ordinal", title: s.path, sort: s.rows.map((r) => valueLabel(r.value)) };
  const spec: VegaLiteSpec = {
    $schema: SCHEMA,
    title: { text: title, subtitle: "mean over replications with its 95% interval", anchor: "start" },
    background: "white",
    config: { view: { stroke: null } },
    data: { values: data },
    facet: { field: "metric", type: "nominal", title: null, sort: SWEEP_METRICS.map((m) => m.label), header: { labelFontWeight: "bold", labelFontSize: 12 } },
    columns: 3,
    spec: {
      width: 220,
      height: 150,
      layer: [
        { mark: { type: "rule", strokeWidth: 1.5, opacity: 0.6 }, encoding: { x, y: { field: "lo", type: "quantitative", title: null, scale: { zero: false } }, y2: { field: "hi" }, color: policyColour(names) } },
        { mark: { type: "line", point: { filled: true, size: 40 } }, encoding: { x, y: { field: "mean", type: "quantitative" }, color: policyColour(names) } },
      ],
    },
    resolve: { scale: { y: "independent" } },
  };
  return { title, html, markdown, text: sweepTable(s), spec };
}

function valueLabel(v: unknown): string {
  return v === null ? "none" : typeof v === "string" ? v : JSON.stringify(v);
}

// ---------------------------------------------------------------------------------------------
// RunSummary

function summaryView(m: RunSummary): View {
  const title = `${m.scenario}: one run under ${m.policy}`;
  const table = metricTable(m);
  const header = ["metric", m.policy];
  const rows: Cell[][] = [];
  const used = new Set<string>();
  const push = (label: string, metric: string, scale: number, digits: number, unit: string) => {
    const v = table[metric];
    if (v === undefined) return;
    used.add(metric);
    rows.push([{ text: label }, { text: `${(v * scale).toFixed(digits)}${unit}` }]);
  };
  rows.push([{ text: "Needs", group: true, section: true }]);
  push("needs that arose in the window", "arrived", 1, 0, "");
  push("met", "resolved", 1, 0, "");
  push("given up", "abandoned", 1, 0, "");
  push("still open", "open", 1, 0, "");
  for (const block of TABLE_BLOCKS) {
    rows.push([{ text: block.title, group: true, section: true }]);
    for (const r of block.rows) push(rowLabel(r), r.metric, r.scale ?? 1, r.digits, r.unit === "%" ? "%" : "");
    if (block.title === "The parts") for (const k of Object.keys(table).filter((k) => k.startsWith("utilisation."))) push(`utilisation, ${k.slice(12)}`, k, 100, 0, "%");
  }
  rows.push([{ text: "Failure demand by reason (share of contacts)", group: true, section: true }]);
  for (const k of Object.keys(table).filter((k) => k.startsWith("failureDemandByReason."))) push(words(k.slice(22)), k, 100, 1, "%");
  rows.push([{ text: "What citizens say afterwards (share of needs that ended)", group: true, section: true }]);
  for (const k of Object.keys(table).filter((k) => k.startsWith("expression."))) push(words(k.slice(11)), k, 100, 1, "%");
  const note = `One replication: no intervals. End-to-end time in days: mean ${m.endToEndDays.mean.toFixed(1)}, median ${m.endToEndDays.median.toFixed(1)}, 85th percentile ${m.endToEndDays.p85.toFixed(1)}, 95th ${m.endToEndDays.p95.toFixed(1)}.${m.unstableTeams.length === 0 ? "" : ` Unstable (backlog growing at full capacity): ${m.unstableTeams.join(", ")}.`}`;
  const html = `<p class="helhet-note">${escapeHtml(note)}</p>\n${tableHtml(header, rows, 1)}`;
  const markdown = `${note}\n\n${tableMarkdown(header, rows, 1)}`;
  const text = `${note}\n${tableText(header, rows, 1)}`;
  const reasons = Object.entries(m.failureDemandByReason).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
  const demand = [{ kind: "value demand", share: 1 - m.failureDemandShare, type: "value" }, ...reasons.map(([r, v]) => ({ kind: words(r), share: v, type: "failure" }))];
  const quantiles = (["mean", "median", "p85", "p95"] as const).map((q) => ({ label: q === "p85" ? "85th" : q === "p95" ? "95th" : q, days: m.endToEndDays[q] }));
  const spec: VegaLiteSpec = {
    $schema: SCHEMA,
    title: { text: title, anchor: "start" },
    background: "white",
    config: { view: { stroke: null } },
    vconcat: [
      {
        title: { text: "What the contacts were: value demand and failure demand by reason", subtitle: "share of all handled contacts", anchor: "start", fontSize: 12 },
        data: { values: demand },
        width: 420,
        height: { step: 20 },
        layer: [
          { mark: "bar", encoding: { y: { field: "kind", type: "nominal", sort: demand.map((d) => d.kind), title: null }, x: { field: "share", type: "quantitative", axis: { format: ".0%" }, title: "share of contacts" }, color: { field: "type", type: "nominal", scale: { domain: ["value", "failure"], range: ["#54a24b", "#e45756"] }, title: "demand" } } },
          { mark: { type: "text", align: "left", dx: 4, fontSize: 10 }, encoding: { y: { field: "kind", type: "nominal", sort: demand.map((d) => d.kind) }, x: { field: "share", type: "quantitative" }, text: { field: "share", format: ".1%" } } },
        ],
      },
      {
        title: { text: "End-to-end time: from the need arising to the need met", subtitle: "days, resolved needs of the window", anchor: "start", fontSize: 12 },
        data: { values: quantiles },
        width: 420,
        height: { step: 20 },
        layer: [
          { mark: { type: "bar", color: CHART_PALETTE[0] }, encoding: { y: { field: "label", type: "nominal", sort: quantiles.map((q) => q.label), title: null }, x: { field: "days", type: "quantitative", title: "days" } } },
          { mark: { type: "text", align: "left", dx: 4, fontSize: 10 }, encoding: { y: { field: "label", type: "nominal", sort: quantiles.map((q) => q.label) }, x: { field: "days", type: "quantitative" }, text: { field: "days", format: ".1f" } } },
        ],
      },
    ],
  };
  return { title, html, markdown, text, spec };
}

// ---------------------------------------------------------------------------------------------
// JourneyMap

function journeyMapView(maps: readonly JourneyMap[]): View {
  const first = maps[0] as JourneyMap;
  const title = `Journey map — ${first.scenario}, ${first.serviceName}: ${maps.map((m) => m.policy).join(" vs ")}`;
  const series = (m: JourneyMap) => (maps.every((x) => x.service === first.service) ? m.policy : `${m.policy}, ${m.serviceName}`);
  const header = ["policy", "phase", "time", "of it waiting", "citizen effort", "contacts", "failure demand", "emotion change", "emotion at end"];
  const rows: Cell[][] = maps.flatMap((m) =>
    m.phases.map((p, k) => [
      { text: k === 0 ? series(m) : "", group: k === 0 },
      { text: p.phase },
      { text: duration(p.minutes) },
      { text: duration(p.waitingMinutes) },
      { text: duration(p.effortMinutes) },
      { text: p.contacts.toFixed(2) },
      { text: p.failureContacts.toFixed(2) },
      { text: signed(p.emotionChange) },
      { text: signed(p.emotionAtEnd) },
    ]),
  );
  const painHeader = ["policy", "pain point", "phase", "moment", "citizens", "emotion change per citizen"];
  const pains: Cell[][] = maps.flatMap((m) =>
    m.painPoints.map((p, k) => [{ text: k === 0 ? series(m) : "", group: k === 0 }, { text: `▼${p.painPoint}` }, { text: p.phase }, { text: p.label }, { text: pct(p.citizenShare) }, { text: signed(p.emotionChange) }]),
  );
  const kinds = [...new Set(maps.flatMap((m) => Object.keys(m.expression)))];
  const saidHeader = ["policy", ...kinds.map(words)];
  const said: Cell[][] = maps.map((m) => [{ text: series(m) }, ...kinds.map((k) => ({ text: pct(m.expression[k] ?? 0) }))]);
  const who = maps.map((m) => `${series(m)}: ${m.citizens} journalled citizens (${m.resolved} met, ${m.abandoned} gave up), ${m.endToEndDays.toFixed(1)} days end to end`).join("; ");
  const note = `Means per citizen. ${who}. Emotion is a model assumption (docs/journeys.md §5).`;
  const html = [
    `<p class="helhet-note">${escapeHtml(note)}</p>`,
    `<p class="helhet-sub">The three phases</p>`,
    tableHtml(header, rows, 2),
    `<p class="helhet-sub">Pain points: the moments where emotion drops most</p>`,
    tableHtml(painHeader, pains, 4),
    `<p class="helhet-sub">What citizens said afterwards (share of the needs that ended)</p>`,
    tableHtml(saidHeader, said, 1),
  ].join("\n");
  const markdown = [note, "", "The three phases:", "", tableMarkdown(header, rows, 2), "", "Pain points:", "", tableMarkdown(painHeader, pains, 4), "", "What citizens said afterwards:", "", tableMarkdown(saidHeader, said, 1)].join("\n");
  const text = maps.map((m) => journeyMapText(m)).join("\n\n");
  return { title, html, markdown, text, spec: journeyMapChart(maps) as unknown as VegaLiteSpec };
}

// ---------------------------------------------------------------------------------------------
// TouchpointRanking

function touchpointView(list: readonly TouchpointRanking[]): View {
  const first = list[0] as TouchpointRanking;
  const title = `Touchpoints that matter most — ${first.scenario}: ${list.map((t) => t.policy).join(" vs ")}`;
  const header = ["policy", "rank", "touchpoint", "failure demand / week", "change without its failures", "caused there", "end-to-end days", "contacts per need"];
  const rows: Cell[][] = list.flatMap((t) =>
    t.rows.map((r, k) => [
      { text: k === 0 ? t.policy : "", group: k === 0 },
      { text: String(r.rank) },
      { text: r.touchpoint },
      { text: r.failureDemand.baseline.toFixed(1) },
      effectCell(r.failureDemand, 1),
      effectCell(r.causedFailureDemand, 1),
      effectCell(r.endToEndDays, 2),
      effectCell(r.contactsPerNeed, 3),
    ]),
  );
  const weeks = ((first.horizonMinutes - first.warmupMinutes) / 10080).toFixed(0);
  const note = `What if a touchpoint's failures were removed? Each policy's runs again with one team's failures switched off, on the same citizens; change = what-if − baseline [95% paired interval], in bold when clear of zero. ${first.replications} replications of ${weeks} measured weeks, ranked by ${first.rankBy}.`;
  const html = `<p class="helhet-note">${escapeHtml(note)}</p>\n${tableHtml(header, rows, 3)}`;
  const markdown = `${note}\n\n${tableMarkdown(header, rows, 3)}`;
  const text = list.map((t) => touchpointText(t)).join("\n\n");
  return { title, html, markdown, text, spec: touchpointChart(list) as unknown as VegaLiteSpec };
}

function effectCell(e: TouchpointEffect, digits: number): Cell {
  const f = (x: number) => num(x, 1, digits, true);
  return { text: e.ci95 === null ? f(e.change) : `${f(e.change)} [${f(e.ci95[0])}, ${f(e.ci95[1])}]`, bold: clear(e.ci95) };
}

// ---------------------------------------------------------------------------------------------
// tables in three forms

/** A table cell: `group` starts a group of rows (a rule above), `section` spans the whole row. */
interface Cell {
  readonly text: string;
  readonly bold?: boolean;
  readonly dim?: boolean;
  readonly group?: boolean;
  readonly section?: boolean;
}

function tableHtml(header: readonly string[], rows: readonly (readonly Cell[])[], left: number): string {
  const td = (c: Cell, k: number) => {
    const cls = [k < left ? "helhet-left" : "", c.bold ? "helhet-clear" : "", c.dim ? "helhet-dim" : ""].filter(Boolean).join(" ");
    const text = c.bold && c.text !== "" ? `<b>${escapeHtml(c.text)}</b>` : escapeHtml(c.text);
    return `<td align="${k < left ? "left" : "right"}"${cls === "" ? "" : ` class="${cls}"`}>${text}</td>`;
  };
  const body = rows.map((r) => {
    if (r[0]?.section) return `<tr class="helhet-block"><th colspan="${header.length}" scope="colgroup" align="left">${escapeHtml(r[0].text)}</th></tr>`;
    return `<tr${r[0]?.group ? ' class="helhet-group"' : ""}>${r.map(td).join("")}</tr>`;
  });
  return `<table>\n<thead><tr>${header.map((h, k) => `<th scope="col" align="${k < left ? "left" : "right"}"${k < left ? ' class="helhet-left"' : ""}>${escapeHtml(h)}</th>`).join("")}</tr></thead>\n<tbody>\n${body.join("\n")}\n</tbody>\n</table>`;
}

function tableMarkdown(header: readonly string[], rows: readonly (readonly Cell[])[], left: number): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  const out = [`| ${header.map(esc).join(" | ")} |`, `|${header.map((_, k) => (k < left ? "---" : "---:")).join("|")}|`];
  for (const r of rows) {
    if (r[0]?.section) out.push(`| **${esc(r[0].text)}** |${header.slice(1).map(() => " ").join("|")}|`);
    else out.push(`| ${r.map((c) => (c.bold && c.text !== "" ? `**${esc(c.text)}**` : esc(c.text))).join(" | ")} |`);
  }
  return `${out.join("\n")}\n`;
}

function tableText(header: readonly string[], rows: readonly (readonly Cell[])[], left: number): string {
  const plain = rows.filter((r) => !r[0]?.section);
  const widths = header.map((h, k) => Math.max(h.length, ...plain.map((r) => (r[k]?.text ?? "").length)));
  const line = (cells: readonly string[]) => cells.map((c, k) => (k < left ? c.padEnd(widths[k] ?? 0) : c.padStart(widths[k] ?? 0))).join("   ").trimEnd();
  return [line(header), ...rows.map((r) => (r[0]?.section ? r[0].text : line(r.map((c) => c.text))))].join("\n");
}

function estimateCell(e: MetricEstimate | undefined, scale: number, digits: number, signedNumbers: boolean): Cell {
  if (e === undefined) return { text: "" };
  const f = (x: number) => num(x, scale, digits, signedNumbers);
  return { text: e.ci95 === null ? f(e.mean) : `${f(e.mean)} [${f(e.ci95[0])}, ${f(e.ci95[1])}]` };
}

function estimateHtml(e: MetricEstimate, row: TableRow, signedNumbers: boolean): string {
  const f = (x: number) => num(x, row.scale ?? 1, row.digits, signedNumbers);
  const unit = row.unit === "%" ? "%" : "";
  const ci = e.ci95 === null ? "" : ` <span class="helhet-ci">[${f(e.ci95[0])}, ${f(e.ci95[1])}]</span>`;
  return `${f(e.mean)}${unit}${ci}`;
}

/** A number scaled and rounded, with a true minus sign, no "-0", and "+" when asked. */
function num(x: number, scale: number, digits: number, signedNumbers: boolean): string {
  const s = (x * scale).toFixed(digits).replace(/^-(?=0(\.0*)?$)/, "");
  return (signedNumbers && x * scale > 0 && Number(s) !== 0 ? `+${s}` : s).replace(/^-/, "−");
}

function clear(ci: readonly [number, number] | null | undefined): boolean {
  return ci !== null && ci !== undefined && (ci[0] > 0 || ci[1] < 0);
}

// ---------------------------------------------------------------------------------------------
// small helpers

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function listOf<T>(x: T | readonly T[]): readonly T[] {
  return Array.isArray(x) ? (x as readonly T[]) : [x as T];
}

function describe(x: unknown): string {
  if (x === null || typeof x !== "object") return String(x);
  if (Array.isArray(x)) return `an array of ${x.length}`;
  return `an object with ${Object.keys(x).slice(0, 6).join(", ") || "no keys"}`;
}

function words(key: string): string {
  return key === "repeatUnresolved" ? "repeat (unresolved)" : key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

function signed(x: number): string {
  return num(x, 1, 2, true);
}

function duration(minutes: number): string {
  if (minutes < 60) return `${minutes.toFixed(0)} min`;
  if (minutes < 1440) return `${(minutes / 60).toFixed(1)} h`;
  return `${(minutes / 1440).toFixed(1)} days`;
}

function policyColour(names: readonly string[]): VegaLiteSpec {
  return { field: "policy", type: "nominal", title: "policy", scale: { domain: [...names], range: names.map((_, i) => CHART_PALETTE[i % CHART_PALETTE.length]) } };
}

/** A chart as a part of a composed one: its top-level-only keys go. */
function part(spec: VegaLiteSpec): VegaLiteSpec {
  const { $schema: _s, background: _b, config: _c, ...rest } = spec;
  return rest;
}

/**
 * A chart's title shortened to `text`, its subtitle broken at "; " and ", " into lines, for
 * narrow charts side by side (vega sizes a chart by an estimate of its longest title line).
 */
function compactTitle(spec: VegaLiteSpec, text: string): VegaLiteSpec {
  const t = spec.title as { subtitle?: string | string[] } | undefined;
  const sub = typeof t?.subtitle === "string" ? t.subtitle.split(/; |, /) : (t?.subtitle ?? []);
  return { ...spec, title: { ...(t ?? {}), text, subtitle: sub } };
}

function sized(spec: VegaLiteSpec, width: number, height: number): VegaLiteSpec {
  return { ...part(spec), width, height };
}

/**
 * Renames every id in an SVG (and the references to it) to `PREFIX-1`, `PREFIX-2`, … so that
 * several inline SVGs in one notebook page never collide. The prefix comes from the drawing
 * itself (kind and a hash of the SVG), so the same result always gets the same ids and
 * notebook outputs do not depend on the order cells ran in.
 */
function scopeIds(svg: string, prefix: string): string {
  const ids = new Map([...svg.matchAll(/\sid="([^"]+)"/g)].map((m, i) => [m[1] as string, `${prefix}-${i + 1}`]));
  if (ids.size === 0) return svg;
  return svg.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (all, lead: string, id: string) => (ids.has(id) ? `${lead}${ids.get(id)}` : all));
}

/** FNV-1a, 32 bits, as 8 hex digits. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

const STYLE = `
.helhet-display{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#222;line-height:1.4;max-width:1100px}
.helhet-display .helhet-title{font-size:1.05em;margin:.2em 0}
.helhet-display .helhet-note{color:#555;font-size:.9em;margin:.2em 0 .6em}
.helhet-display .helhet-sub{font-weight:bold;margin:.9em 0 .3em}
.helhet-display .helhet-reading{background:#f4f7fb;border-left:4px solid #4c78a8;padding:.4em .8em;margin:.8em 0}
.helhet-display .helhet-warnings{background:#fff6e5;border-left:4px solid #f58518;padding:.3em .8em;margin:.6em 0;font-size:.9em}
.helhet-display table{border-collapse:collapse;font-size:.88em;font-variant-numeric:tabular-nums}
.helhet-display th,.helhet-display td{padding:.2em .6em;text-align:right;border-bottom:1px solid #eee;white-space:nowrap}
.helhet-display thead th{border-bottom:2px solid #999}
.helhet-display table tbody th{text-align:left;font-weight:normal}
.helhet-display table .helhet-left{text-align:left}
.helhet-display table tr.helhet-block th{text-align:left;font-weight:bold;background:#f3f3f3}
.helhet-display tr.helhet-group td{border-top:1px solid #bbb}
.helhet-display .helhet-ci{color:#888;font-size:.9em}
.helhet-display td.helhet-diff{background:#fafafa}
.helhet-display td.helhet-clear{font-weight:bold}
.helhet-display td.helhet-dim{color:#666}
`;
