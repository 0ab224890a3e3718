/**
 * What the driver studies show in a notebook: a factorial study, a sensitivity study and a
 * winner map, each as its table (HTML, Markdown, text) and its charts composed into one
 * Vega-Lite spec. Used by `displayable` in display.ts.
 *
 * @packageDocumentation
 */
import type { FactorialStudy, HeadlineDifference, SensitivityStudy, WinnerMap } from "../experiment/index.js";
import type { ChartSpec, VegaLiteSpec } from "./charts.js";
import { part, tableHtml, tableMarkdown, type Cell } from "./displayCells.js";
import type { View } from "./displayViews.js";
import { factorialCharts } from "./factorialCharts.js";
import { sensitivityCharts } from "./sensitivityCharts.js";
import { winnerMapCharts } from "./winnerMapCharts.js";
import { FACTORIAL_OUTCOMES, factorialTable } from "./factorialTable.js";
import { escapeHtml } from "./html.js";
import { sensitivityTable, winnerMapTable } from "./sensitivityTable.js";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/** Effects per outcome in a notebook's table (the text and the JSON have them all). */
const TOP = 8;

function shownAs(metric: string): { label: string; scale: number; digits: number } {
  const o = FACTORIAL_OUTCOMES.find((x) => x.metric === metric);
  return o === undefined ? { label: metric, scale: 1, digits: 3 } : o;
}

function signedNum(x: number, metric: string): string {
  const f = shownAs(metric);
  const t = (x * f.scale).toFixed(f.digits);
  if (Number(t) === 0) return (0).toFixed(f.digits);
  return (x > 0 ? `+${t}` : t).replace(/^-/, "−");
}

function withInterval(mean: number, ci: readonly [number, number] | null, metric: string): string {
  return ci === null ? signedNum(mean, metric) : `${signedNum(mean, metric)} [${signedNum(ci[0], metric)}, ${signedNum(ci[1], metric)}]`;
}

function valueText(v: unknown): string {
  return typeof v === "string" ? v : typeof v === "number" ? String(Number(v.toPrecision(6))) : JSON.stringify(v);
}

/** The charts composed one under another (or, given pairs, two side by side), as one spec. */
function composed(title: string, rows: readonly (readonly ChartSpec[])[]): VegaLiteSpec {
  // every chart keeps its own scales and legends
  const resolve = { scale: { color: "independent", x: "independent", y: "independent" }, legend: { color: "independent" } };
  return {
    $schema: SCHEMA,
    title: { text: title, anchor: "start", fontSize: 15 },
    background: "white",
    config: { view: { stroke: null } },
    vconcat: rows.map((r) => (r.length === 1 ? part(r[0]!.spec) : { hconcat: r.map((c) => part(c.spec)), spacing: 40, resolve })),
    spacing: 28,
    resolve,
  };
}

function view(title: string, note: string, header: readonly string[], rows: readonly (readonly Cell[])[], left: number, text: string, spec: VegaLiteSpec): View {
  const html = `<p class="helhet-note">${escapeHtml(note)}</p>\n${tableHtml(header, rows, left)}`;
  const markdown = `${note}\n\n${tableMarkdown(header, rows, left)}`;
  return { title, html, markdown, text, spec };
}

/** The outcomes to show: the one asked for, else the headline ones the result has. */
function chosen(all: readonly string[], outcome: string | undefined, fn: string): string[] {
  if (outcome === undefined) return [...all];
  if (!all.includes(outcome)) throw new RangeError(`${fn}: no outcome "${outcome}"; there are ${all.join(", ")}`);
  return [outcome];
}

/**
 * A factorial study: the factors and, per outcome, the largest effects with their intervals
 * and shares; charts: per outcome the Pareto chart beside the interaction plot.
 *
 * @param s - the study
 * @param outcome - only this outcome (default: the three headline outcomes)
 * @returns the view
 * @example
 * ```ts
 * factorialView(study).title; //=> "teaching: what drives minutes → whole (factorial study)"
 * ```
 */
export function factorialView(s: FactorialStudy, outcome?: string): View {
  const found = FACTORIAL_OUTCOMES.map((o) => o.metric).filter((m) => s.outcomes[m] !== undefined).slice(0, 3);
  // a study without the headline outcomes (made by hand) shows its first ones
  const headline = found.length > 0 ? found : Object.keys(s.outcomes).slice(0, 3);
  const metrics = chosen(outcome === undefined ? headline : Object.keys(s.outcomes), outcome, "factorialView");
  const title = `${s.scenario}: what drives ${s.low} → ${s.high} (factorial study)`;
  const d = s.design;
  const design = d.kind === "full" ? `full factorial, ${d.cells} cells` : `fractional factorial 2^(${d.factors.length}−${d.generators.length}), ${d.cells} cells, resolution ${d.resolution}; ${d.aliases.length} aliased interaction chains`;
  const factors = d.factors.map((f) => `${f.letter} ${f.name}`).join(", ");
  const note = `${d.factors.length} factors (${factors}); ${design}; ${s.replications} replications of every cell on the same citizens. Effect: mean at + (${s.high}'s choice) minus mean at − (${s.low}'s) [95% interval], in bold when clear of zero; share of the variation between cells. The ${TOP} largest per outcome.`;
  const header = ["effect", "kind", "mean [95% interval]", "share of variation"];
  const rows: Cell[][] = [];
  for (const m of metrics) {
    const o = s.outcomes[m]!;
    rows.push([{ text: `${shownAs(m).label} — mean over cells ${(o.mean * shownAs(m).scale).toFixed(shownAs(m).digits)}`, section: true }]);
    for (const e of o.effects.slice(0, TOP)) {
      const clear = e.ci95 !== null && (e.ci95[0] > 0 || e.ci95[1] < 0);
      rows.push([{ text: `${e.letters}: ${e.name}${e.aliases.length > 0 ? ` (= ${e.aliases.join(" = ")})` : ""}` }, { text: e.kind }, { text: withInterval(e.mean, e.ci95, m), bold: clear }, { text: `${(e.share * 100).toFixed(1)}%` }]);
    }
  }
  const charts = factorialCharts(s, metrics);
  const pairs = metrics.map((m) => charts.filter((c) => c.id.endsWith(`-${m.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "")}`)));
  return view(title, note, header, rows, 2, factorialTable(s), composed(title, pairs));
}

/**
 * A sensitivity study: per outcome the parameters, largest swing first, with the difference at
 * each end and where the sign flips; charts: a tornado chart per outcome.
 *
 * @param s - the study
 * @param outcome - only this outcome (default: all three)
 * @returns the view
 * @example
 * ```ts
 * sensitivityView(study).title; //=> "teaching: does whole − minutes hold? (sensitivity)"
 * ```
 */
export function sensitivityView(s: SensitivityStudy, outcome?: string): View {
  const metrics = chosen(s.outcomes.map((o) => o.metric), outcome, "sensitivityView");
  const [p1, p2] = s.policies;
  const title = `${s.scenario}: does ${p2} − ${p1} hold? (sensitivity)`;
  const note = `Each parameter at the low and the high end of its range, one at a time; the paired difference ${p2} − ${p1} (same citizens) with its 95% interval, in bold when clear of zero; ${s.replications} replications at each end. A flip: a sign clear of zero at both ends that changes.`;
  const header = ["parameter", "range", "at the low end", "at the high end", "sign"];
  const rows: Cell[][] = [];
  const cell = (d: HeadlineDifference | undefined, m: string): Cell => (d === undefined ? { text: "" } : { text: withInterval(d.mean, d.ci95, m), bold: d.sign !== 0 });
  for (const m of metrics) {
    const label = s.outcomes.find((o) => o.metric === m)!.label;
    const base = s.baseline[m];
    rows.push([{ text: `${label} — as given ${base === undefined ? "" : withInterval(base.mean, base.ci95, m)}`, section: true }]);
    const ranked = [...s.parameters].filter((p) => p.atLow[m] !== undefined).sort((a, b) => Math.abs(b.swing[m] ?? 0) - Math.abs(a.swing[m] ?? 0) || (a.path < b.path ? -1 : 1));
    for (const p of ranked) {
      const f = p.flips[m];
      rows.push([{ text: p.path }, { text: `${valueText(p.text.low)} – ${valueText(p.text.high)}` }, cell(p.atLow[m], m), cell(p.atHigh[m], m), { text: f?.flips === true ? `flips at ${valueText(f.atText)}` : "no flip", bold: f?.flips === true }]);
    }
  }
  const joint = s.joint ?? null;
  if (joint !== null) {
    rows.push([{ text: `All at once: every parameter varied together at ${joint.samples} points of a Latin hypercube — points below zero / tie / above zero, the smallest and largest mean, and the parameter that goes with it most (Spearman's ρ, clear beyond ±${joint.clearCorrelation.toFixed(2)})`, section: true }]);
    for (const m of metrics) {
      const r = joint.outcomes[m];
      if (r === undefined) continue;
      const top = Object.entries(r.correlation).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1))[0];
      const label = s.outcomes.find((o) => o.metric === m)!.label;
      rows.push([
        { text: label },
        { text: `${r.below} / ${r.tie} / ${r.above}` },
        { text: signedNum(r.min, m) },
        { text: signedNum(r.max, m) },
        top === undefined ? { text: "" } : { text: `${top[0]} (ρ ${top[1] >= 0 ? "+" : ""}${top[1].toFixed(2)}${partialText(r.partial?.[top[0]] ?? null)})`, bold: Math.abs(top[1]) > joint.clearCorrelation },
      ]);
    }
  }
  const charts = sensitivityCharts(s).filter((c) => metrics.some((m) => c.id === `tornado-${m.replace(/[^A-Za-z0-9]+/g, "-")}`));
  return view(title, note, header, rows, 2, sensitivityTable(s), composed(title, charts.map((c) => [c])));
}

/** ", partial +0.93" for a partial rank correlation, "" for none. */
function partialText(p: number | null): string {
  return p === null ? "" : `, partial ${p >= 0 ? "+" : ""}${p.toFixed(2)}`;
}

/**
 * A winner map: per outcome the grid of winners (bold where the interval is clear of zero)
 * with the mean difference; charts: a heat map per outcome.
 *
 * @param m - the map
 * @param outcome - only this outcome (default: all three)
 * @returns the view
 * @example
 * ```ts
 * winnerMapView(map).title; //=> "teaching: where each design wins (minutes vs whole)"
 * ```
 */
export function winnerMapView(m: WinnerMap, outcome?: string): View {
  const metrics = chosen(m.outcomes.map((o) => o.metric), outcome, "winnerMapView");
  const [p1, p2] = m.policies;
  const title = `${m.scenario}: where each design wins (${p1} vs ${p2})`;
  const note = `In every cell both policies met the same citizens; the winner has the lower value where the 95% interval of the paired difference ${p2} − ${p1} (its mean in brackets) is clear of zero, "tie" where it holds zero. ${m.replications} replications per cell. Across: ${m.x.path}; down: ${m.y.path}.`;
  const header = [`${m.y.path} \\ ${m.x.path}`, ...m.x.values.map(valueText)];
  const rows: Cell[][] = [];
  for (const metric of metrics) {
    rows.push([{ text: m.outcomes.find((o) => o.metric === metric)!.label, section: true }]);
    m.cells.forEach((row, j) => {
      rows.push([{ text: valueText(m.y.values[j]) }, ...row.map((c): Cell => {
        const e = c.outcomes[metric];
        return e === undefined ? { text: "" } : { text: `${e.winner} (${signedNum(e.mean, metric)})`, bold: e.winner !== "tie" };
      })]);
    });
  }
  const charts = winnerMapCharts(m).filter((c) => metrics.some((x) => c.id === `map-${x.replace(/[^A-Za-z0-9]+/g, "-")}`));
  return view(title, note, header, rows, 1, winnerMapTable(m), composed(title, charts.map((c) => [c])));
}
