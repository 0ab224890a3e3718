/**
 * Table cells and chart helpers for the notebook views (displayViews.ts): one table rendered as
 * HTML, Markdown or text, estimates with their intervals, and chart composition.
 *
 * @packageDocumentation
 */
import type { MetricEstimate } from "../experiment/index.js";
import { CHART_PALETTE, type VegaLiteSpec } from "./charts.js";
import type { TableRow } from "./comparisonTable.js";
import { escapeHtml } from "./html.js";

/** A table cell: `group` starts a group of rows (a rule above), `section` spans the whole row. */
export interface Cell {
  readonly text: string;
  readonly bold?: boolean;
  readonly dim?: boolean;
  readonly group?: boolean;
  readonly section?: boolean;
}

/** A table as HTML: a header row, then rows of cells; the first `left` columns align left. */
export function tableHtml(header: readonly string[], rows: readonly (readonly Cell[])[], left: number): string {
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

/** The same table as Markdown. */
export function tableMarkdown(header: readonly string[], rows: readonly (readonly Cell[])[], left: number): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  const out = [`| ${header.map(esc).join(" | ")} |`, `|${header.map((_, k) => (k < left ? "---" : "---:")).join("|")}|`];
  for (const r of rows) {
    if (r[0]?.section) out.push(`| **${esc(r[0].text)}** |${header.slice(1).map(() => " ").join("|")}|`);
    else out.push(`| ${r.map((c) => (c.bold && c.text !== "" ? `**${esc(c.text)}**` : esc(c.text))).join(" | ")} |`);
  }
  return `${out.join("\n")}\n`;
}

/** The same table as aligned plain text. */
export function tableText(header: readonly string[], rows: readonly (readonly Cell[])[], left: number): string {
  const plain = rows.filter((r) => !r[0]?.section);
  const widths = header.map((h, k) => Math.max(h.length, ...plain.map((r) => (r[k]?.text ?? "").length)));
  const line = (cells: readonly string[]) => cells.map((c, k) => (k < left ? c.padEnd(widths[k] ?? 0) : c.padStart(widths[k] ?? 0))).join("   ").trimEnd();
  return [line(header), ...rows.map((r) => (r[0]?.section ? r[0].text : line(r.map((c) => c.text))))].join("\n");
}

/** A cell for a mean with its 95% interval (empty when missing), scaled and rounded. */
export function estimateCell(e: MetricEstimate | undefined, scale: number, digits: number, signedNumbers: boolean): Cell {
  if (e === undefined) return { text: "" };
  const f = (x: number) => num(x, scale, digits, signedNumbers);
  return { text: e.ci95 === null ? f(e.mean) : `${f(e.mean)} [${f(e.ci95[0])}, ${f(e.ci95[1])}]` };
}

/** A mean with its interval as HTML, the interval dimmed. */
export function estimateHtml(e: MetricEstimate, row: TableRow, signedNumbers: boolean): string {
  const f = (x: number) => num(x, row.scale ?? 1, row.digits, signedNumbers);
  const unit = row.unit === "%" ? "%" : "";
  const ci = e.ci95 === null ? "" : ` <span class="helhet-ci">[${f(e.ci95[0])}, ${f(e.ci95[1])}]</span>`;
  return `${f(e.mean)}${unit}${ci}`;
}

/** A number scaled and rounded, with a true minus sign, no "-0", and "+" when asked. */
export function num(x: number, scale: number, digits: number, signedNumbers: boolean): string {
  const s = (x * scale).toFixed(digits).replace(/^-(?=0(\.0*)?$)/, "");
  return (signedNumbers && x * scale > 0 && Number(s) !== 0 ? `+${s}` : s).replace(/^-/, "−");
}

/** Whether an interval lies clear of zero. */
export function clear(ci: readonly [number, number] | null | undefined): boolean {
  return ci !== null && ci !== undefined && (ci[0] > 0 || ci[1] < 0);
}

// ---------------------------------------------------------------------------------------------
// small helpers

/** Whether a value is a non-null object. */
export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** One value or a list of them, as a list. */
export function listOf<T>(x: T | readonly T[]): readonly T[] {
  return Array.isArray(x) ? (x as readonly T[]) : [x as T];
}

/** A short description of a value for error messages. */
export function describe(x: unknown): string {
  if (x === null || typeof x !== "object") return String(x);
  if (Array.isArray(x)) return `an array of ${x.length}`;
  return `an object with ${Object.keys(x).slice(0, 6).join(", ") || "no keys"}`;
}

/** A camelCase key in words ("failureDemandShare" → "failure demand share"). */
export function words(key: string): string {
  return key === "repeatUnresolved" ? "repeat (unresolved)" : key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** A share as a percentage with one decimal. */
export function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

/** A number with its sign (+ or −). */
export function signed(x: number): string {
  return num(x, 1, 2, true);
}

/** Minutes spelt as minutes, hours or days. */
export function duration(minutes: number): string {
  if (minutes < 60) return `${minutes.toFixed(0)} min`;
  if (minutes < 1440) return `${(minutes / 60).toFixed(1)} h`;
  return `${(minutes / 1440).toFixed(1)} days`;
}

/** The colour encoding that keeps each policy its colour in every chart. */
export function policyColour(names: readonly string[]): VegaLiteSpec {
  return { field: "policy", type: "nominal", title: "policy", scale: { domain: [...names], range: names.map((_, i) => CHART_PALETTE[i % CHART_PALETTE.length]) } };
}

/** A chart as a part of a composed one: its top-level-only keys go. */
export function part(spec: VegaLiteSpec): VegaLiteSpec {
  const { $schema: _s, background: _b, config: _c, ...rest } = spec;
  return rest;
}

/**
 * A chart's title shortened to `text`, its subtitle broken at "; " and ", " into lines, for
 * narrow charts side by side (vega sizes a chart by an estimate of its longest title line).
 */
export function compactTitle(spec: VegaLiteSpec, text: string): VegaLiteSpec {
  const t = spec.title as { subtitle?: string | string[] } | undefined;
  const sub = typeof t?.subtitle === "string" ? t.subtitle.split(/; |, /) : (t?.subtitle ?? []);
  return { ...spec, title: { ...(t ?? {}), text, subtitle: sub } };
}

/** A chart as a part of a composed one, with a width and height. */
export function sized(spec: VegaLiteSpec, width: number, height: number): VegaLiteSpec {
  return { ...part(spec), width, height };
}

