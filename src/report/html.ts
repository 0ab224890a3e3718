/**
 * The comparison as one self-contained HTML page: the three-block table with intervals and
 * paired differences, the plain-language reading, the warnings and every chart as inline SVG.
 * No script, stylesheet, font or image is fetched: the file reads the same offline, and it
 * needs no JavaScript to show the charts (each chart's Vega-Lite JSON rides along in an inert
 * `<script type="application/json">` for reuse).
 *
 * @packageDocumentation
 */
import type { Comparison, MetricEstimate } from "../experiment/index.js";
import { TABLE_BLOCKS, reading, type TableRow } from "./comparisonTable.js";
import { CHART_PALETTE, comparisonCharts, type ChartOptions } from "./charts.js";
import { renderSvg } from "./svg.js";

/** Options of {@link comparisonHtml}. */
export interface HtmlReportOptions extends ChartOptions {
  /** The page title (default: "helhet: SCENARIO"). */
  readonly title?: string;
  /** Include each chart's Vega-Lite JSON in an inert script tag (default true). */
  readonly embedSpecs?: boolean;
}

/**
 * Escapes text for HTML content and attribute values.
 *
 * @param s - any text
 * @returns the text with `& < > " '` escaped
 * @example
 * ```ts
 * escapeHtml(`<b a="1">&`); //=> "&lt;b a=&quot;1&quot;&gt;&amp;"
 * ```
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] as string);
}

/**
 * Builds the HTML report of a comparison: one file with everything inline.
 *
 * Per-need end-to-end times are not part of a Comparison. Pass `endToEndDays` (per policy, the
 * `ReplicationResult.endToEndDays` of replication 0, in completion order) to draw the
 * end-to-end histogram and the needs on the capability charts (thinned for drawing when long);
 * without it those charts show the pooled quantiles and the capability limits only. `extraCharts` (e.g. the journey map and
 * touchpoint ranking) are drawn after the comparison's own charts, each under its title.
 *
 * @param c - the comparison
 * @param extras - per-need times, further charts, title
 * @returns the HTML document
 * @example
 * ```ts
 * const c = compare(loadScenario("teaching"), [policies.minutes, policies.whole], { replications: 3 });
 * writeFileSync("report.html", await comparisonHtml(c));
 * ```
 */
export async function comparisonHtml(c: Comparison, extras: HtmlReportOptions = {}): Promise<string> {
  const charts = comparisonCharts(c, extras);
  const svgs: string[] = [];
  for (const ch of charts) svgs.push(scopeIds(await renderSvg(ch.spec), ch.id));
  const names = Object.keys(c.policies);
  const title = extras.title ?? `helhet: ${c.scenario}`;
  const own = charts.length - (extras.extraCharts?.length ?? 0);
  const figure = (k: number) => {
    const ch = charts[k]!;
    const json = extras.embedSpecs === false ? "" : `\n<script type="application/json" class="vega-lite-spec">${JSON.stringify(ch.spec).replace(/</g, "\\u003c")}</script>`;
    return `<figure class="chart" id="${escapeHtml(ch.id)}" aria-label="${escapeHtml(ch.title)}">\n${k >= own ? `<figcaption>${escapeHtml(ch.title)}</figcaption>\n` : ""}${svgs[k]}${json}\n</figure>`;
  };
  const section = (heading: string, note: string, from: number, to: number) =>
    to > from ? `<section>\n<h2>${heading}</h2>\n${note === "" ? "" : `<p class="note">${note}</p>\n`}${charts.slice(from, to).map((_, i) => figure(from + i)).join("\n")}\n</section>` : "";
  const capabilityEnd = 1 + names.length;
  const overTime = charts.findIndex((ch) => ch.id.startsWith("over-time-"));
  const demandEnd = overTime >= 0 && overTime < own ? overTime : own;
  const policyList = names.map((n, i) => `<span class="swatch" style="background:${CHART_PALETTE[i % CHART_PALETTE.length]}"></span>${escapeHtml(n)}`).join(" vs ");
  const warnings = c.warnings.length === 0 ? "" : `<div class="warnings" role="note"><strong>Warnings</strong><ul>${c.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ul></div>\n`;
  const text = names.length >= 2 ? `<p class="reading">${escapeHtml(reading(c))}</p>\n` : "";
  return `${pageHead(title, STYLE)}
<p class="meta">${policyList} on scenario <strong>${escapeHtml(c.scenario)}</strong> — ${c.replications} replication${c.replications === 1 ? "" : "s"}, seed ${escapeHtml(String(c.seed))}, needs arising from day ${fmt(c.warmupDays, 0)} to day ${fmt(c.horizonDays, 0)} (suggested warm-up: ${fmt(c.suggestedWarmupDays, 0)} days). Every policy met the same citizens, so differences are paired.</p>
</header>
${warnings}${text}<section>
<h2>The comparison</h2>
<p class="note">Mean over replications with its 95% interval; the last column${names.length > 2 ? "s are" : " is"} the paired difference, in bold when its interval is clear of zero.</p>
${tableHtml(c)}
</section>
${section("How long citizens wait", "Share of resolved needs by end-to-end time: from the moment the need arose to the moment the citizen sees it met.", 0, 1)}
${section("Is the time predictable?", "Capability (XmR) charts: points outside the limits, or long runs on one side of the mean, are signals of special causes; the limits are what the system will keep producing as long as it stays as it is.", 1, capabilityEnd)}
${section("Where the demand comes from", "", capabilityEnd, demandEnd)}
${section("The system over time", `Per ${c.series?.period ?? "period"} of the window, the mean over replications with its 95% interval; the grey band holds the natural process limits of the line drawn (XmR): points outside it, or long runs on one side, are signals that the system changed.`, demandEnd, own)}
${section("Journeys", "", own, charts.length)}
<footer>Made by helhet. Charts rendered with Vega-Lite${extras.embedSpecs === false ? "" : "; each chart's spec is embedded next to it"}.</footer>
</body>
</html>
`;
}

function fmt(x: number, digits: number): string {
  return x.toFixed(digits);
}

function tableHtml(c: Comparison): string {
  const names = Object.keys(c.policies);
  const base = names[0] as string;
  const head = [...names.map(escapeHtml), ...names.slice(1).map((n) => `${escapeHtml(n)} − ${escapeHtml(base)}`)];
  const utilisation = Object.keys(c.policies[base] ?? {}).filter((m) => m.startsWith("utilisation."));
  const body: string[] = [];
  for (const block of TABLE_BLOCKS) {
    body.push(`<tr class="block"><th colspan="${head.length + 1}" scope="colgroup">${escapeHtml(block.title)}</th></tr>`);
    const rows: readonly TableRow[] = block.title === "The parts" ? [...block.rows, ...utilisation.map((m) => ({ metric: m, label: `utilisation, ${m.slice("utilisation.".length)}`, digits: 0, scale: 100, unit: "%" }))] : block.rows;
    for (const row of rows) {
      if (!names.every((n) => c.policies[n]?.[row.metric] !== undefined)) continue;
      const label = `${row.label}${row.unit && row.unit !== "%" ? ` (${row.unit})` : ""}`;
      const cells = names.map((n) => `<td>${cellHtml(c.policies[n]![row.metric]!, row, false)}</td>`);
      const diffs = names.slice(1).map((n) => {
        const d = c.differences[`${n}-vs-${base}`]?.[row.metric];
        if (d === undefined) return "<td></td>";
        const clear = d.ci95 !== null && (d.ci95[0] > 0 || d.ci95[1] < 0);
        return `<td class="diff${clear ? " clear" : ""}">${cellHtml({ mean: d.mean, sd: null, ci95: d.ci95 }, row, true)}</td>`;
      });
      body.push(`<tr><th scope="row">${escapeHtml(label)}</th>${cells.join("")}${diffs.join("")}</tr>`);
    }
  }
  return `<table>\n<thead><tr><th></th>${head.map((h) => `<th scope="col">${h}</th>`).join("")}</tr></thead>\n<tbody>\n${body.join("\n")}\n</tbody>\n</table>`;
}

function cellHtml(e: MetricEstimate, row: TableRow, signed: boolean): string {
  const k = row.scale ?? 1;
  const num = (x: number) => {
    const s = (x * k).toFixed(row.digits).replace(/^-(?=0(\.0*)?$)/, "");
    return (signed && x * k > 0 && Number(s) !== 0 ? `+${s}` : s).replace(/^-/, "−");
  };
  const unit = row.unit === "%" ? "%" : "";
  const ci = e.ci95 === null ? "" : ` <span class="ci">[${num(e.ci95[0])}, ${num(e.ci95[1])}]</span>`;
  return `${num(e.mean)}${unit}${ci}`;
}

/**
 * The start of a self-contained report page, up to the title in its header: doctype, head with
 * the title and the page's own style, and the opening of body and header (which the caller
 * closes after its meta line).
 *
 * @param title - the page's title (escaped here)
 * @param style - the page's CSS
 * @returns the HTML
 * @example
 * ```ts
 * pageHead("a <study>", "h1{}").includes("<title>a &lt;study&gt;</title>"); //=> true
 * ```
 */
export function pageHead(title: string, style: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>`;
}

/**
 * Renames every id in an SVG (and the references to it) to `PREFIX-1`, `PREFIX-2`, … so that
 * several inline SVGs never collide and the page does not depend on vega's global id counter.
 *
 * @param svg - an SVG document
 * @param prefix - the page-unique prefix, e.g. the chart's id
 * @returns the SVG with its ids renamed
 * @example
 * ```ts
 * scopeIds('<svg><clipPath id="clip1"/><g clip-path="url(#clip1)"/></svg>', "pareto");
 * //=> '<svg><clipPath id="pareto-1"/><g clip-path="url(#pareto-1)"/></svg>'
 * ```
 */
export function scopeIds(svg: string, prefix: string): string {
  const p = prefix.replace(/[^A-Za-z0-9_-]/g, "_");
  const ids = new Map([...svg.matchAll(/\sid="([^"]+)"/g)].map((m, i) => [m[1] as string, `${p}-${i + 1}`]));
  if (ids.size === 0) return svg;
  return svg.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (all, lead: string, id: string) => (ids.has(id) ? `${lead}${ids.get(id)}` : all));
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#222;max-width:1000px;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.2rem;margin:2rem 0 .4rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.meta,.note{color:#555;font-size:.92rem;margin:.3rem 0 .8rem}
.reading{font-size:1.05rem;background:#f4f7fb;border-left:4px solid #4c78a8;padding:.6rem .9rem;margin:1.2rem 0}
.warnings{background:#fff6e5;border-left:4px solid #f58518;padding:.5rem .9rem;margin:1rem 0}.warnings ul{margin:.3rem 0 0;padding-left:1.2rem}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.3em;vertical-align:baseline}
table{border-collapse:collapse;font-size:.9rem;font-variant-numeric:tabular-nums;width:100%}
th,td{padding:.25rem .6rem;text-align:right;border-bottom:1px solid #eee;white-space:nowrap}
thead th{border-bottom:2px solid #999}tbody th{text-align:left;font-weight:normal;white-space:normal}
tr.block th{text-align:left;font-weight:bold;background:#f3f3f3;padding-top:.5rem}
.ci{color:#888;font-size:.85em}td.diff{background:#fafafa}td.clear{font-weight:bold}
figure.chart{margin:1rem 0 1.6rem;overflow-x:auto}figure.chart svg{display:block;max-width:100%;height:auto}
figcaption{font-weight:bold;margin-bottom:.3rem}footer{margin:3rem 0 1rem;color:#888;font-size:.8rem}
`;
