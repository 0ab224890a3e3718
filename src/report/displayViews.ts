/**
 * What each kind of result shows in a notebook: its table as HTML, Markdown and text, and its
 * chart's Vega-Lite spec. Used by {@link displayable} in display.ts.
 *
 * @packageDocumentation
 */
import type { Comparison, SweepResult } from "../experiment/index.js";
import { metricTable } from "../experiment/index.js";
import type { JourneyMap, TouchpointEffect, TouchpointRanking } from "../journey/index.js";
import { journeyMapText, touchpointText } from "../journey/index.js";
import type { RunSummary } from "../metrics/index.js";
import { capabilityChart, CHART_PALETTE, contactsChart, endToEndChart, failureDemandByCauseChart, failureDemandChart, type VegaLiteSpec } from "./charts.js";
import { comparisonTable, reading, TABLE_BLOCKS, type TableRow } from "./comparisonTable.js";
import { comparisonMarkdown } from "./flat.js";
import { escapeHtml } from "./html.js";
import { journeyMapChart, touchpointChart } from "./journeyCharts.js";
import { seriesCharts } from "./series.js";
import { SWEEP_METRICS, sweepTable } from "./sweepTable.js";
import type { DisplayOptions } from "./display.js";
import { tableHtml, tableMarkdown, tableText, estimateCell, estimateHtml, num, clear, words, pct, signed, duration, policyColour, part, compactTitle, sized, type Cell } from "./displayCells.js";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/** What each kind contributes: the table in three forms and the chart's spec. */
export interface View {
  readonly title: string;
  readonly html: string;
  readonly markdown: string;
  readonly text: string;
  readonly spec: VegaLiteSpec;
}

// ---------------------------------------------------------------------------------------------
// Comparison

/** A Comparison: the three-block table, the reading and warnings, and a chart panel. */
export function comparisonView(c: Comparison, options: DisplayOptions): View {
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
      part(failureDemandByCauseChart(c)),
      part(contactsChart(c)),
      // the system over time: the backlog and the end-to-end time, per period, with their XmR bands
      ...seriesCharts(c).filter((ch) => ch.id === "over-time-openNeeds" || ch.id === "over-time-endToEndDays").map((ch) => part(ch.spec)),
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

/** A sweep: key metrics per value and policy, and their curves. */
export function sweepView(s: SweepResult): View {
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

/** One run's summary: its metrics as a table, and failure demand by reason. */
export function summaryView(m: RunSummary): View {
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
  rows.push([{ text: "Failure demand by cause (share of contacts)", group: true, section: true }]);
  for (const k of Object.keys(table).filter((k) => k.startsWith("failureDemandByCause.") && (table[k] ?? 0) > 0)) push(words(k.slice(21)), k, 100, 1, "%");
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

/** Journey maps: the phases per policy, and the emotion curve. */
export function journeyMapView(maps: readonly JourneyMap[]): View {
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

/** Touchpoint rankings: the what-if improvements per team, and their chart. */
export function touchpointView(list: readonly TouchpointRanking[]): View {
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
