/**
 * The driver studies as self-contained HTML pages, like the comparison report: the text table
 * and every chart as inline SVG (each chart's Vega-Lite JSON in an inert
 * `<script type="application/json">` next to it). Nothing is fetched: no script, stylesheet,
 * font or image; the page reads the same offline and needs no JavaScript.
 *
 * @packageDocumentation
 */
import type { FactorialStudy, SensitivityStudy, WinnerMap } from "../experiment/index.js";
import type { ChartSpec } from "./charts.js";
import { factorialCharts } from "./factorialCharts.js";
import { sensitivityCharts } from "./sensitivityCharts.js";
import { winnerMapCharts } from "./winnerMapCharts.js";
import { factorialTable } from "./factorialTable.js";
import { escapeHtml, pageHead, scopeIds } from "./html.js";
import { sensitivityTable, winnerMapTable } from "./sensitivityTable.js";
import { renderSvg } from "./svg.js";

/** Options of the driver pages. */
export interface DriverHtmlOptions {
  /** The page title (default: made from the study). */
  readonly title?: string;
}

/**
 * The HTML page of a factorial study: the design and the ranked effects as text, then per
 * headline outcome the Pareto chart of the effects and the interaction plot of the strongest
 * two-factor interaction.
 *
 * @param s - the study (from `factorial`)
 * @param options - a title
 * @returns the HTML document, with no external references
 * @throws RangeError when `s` is not a study
 * @example
 * ```ts
 * writeFileSync("drivers.html", await factorialHtml(factorial(loadScenario("teaching"), policies.minutes, policies.whole, { replications: 3 })));
 * ```
 */
export async function factorialHtml(s: FactorialStudy, options: DriverHtmlOptions = {}): Promise<string> {
  const charts = factorialCharts(s);
  return page(options.title ?? `helhet: ${s.scenario}, factorial study of ${s.low} and ${s.high}`, meta(s, `${s.design.cells} cells (hybrid policies between ${s.low} at − and ${s.high} at +), ${s.replications} replication${s.replications === 1 ? "" : "s"} of every cell`), factorialTable(s), charts, "Effects and interactions");
}

/**
 * The HTML page of a sensitivity study: the table of differences at both ends of each range,
 * then a tornado chart per outcome.
 *
 * @param s - the study (from `sensitivity`)
 * @param options - a title
 * @returns the HTML document, with no external references
 * @throws RangeError when `s` is not a study
 * @example
 * ```ts
 * writeFileSync("sensitivity.html", await sensitivityHtml(study));
 * ```
 */
export async function sensitivityHtml(s: SensitivityStudy, options: DriverHtmlOptions = {}): Promise<string> {
  const charts = sensitivityCharts(s);
  return page(options.title ?? `helhet: ${s.scenario}, sensitivity of ${s.policies[1]} − ${s.policies[0]}`, meta(s, `${s.parameters.length} parameter${s.parameters.length === 1 ? "" : "s"} at both ends of their ranges, ${s.replications} replications at each end`), sensitivityTable(s), charts, "Tornado charts");
}

/**
 * The HTML page of a winner map: the grids of winners as text, then a heat map per outcome.
 *
 * @param m - the map (from `winnerMap`)
 * @param options - a title
 * @returns the HTML document, with no external references
 * @throws RangeError when `m` is not a map
 * @example
 * ```ts
 * writeFileSync("map.html", await winnerMapHtml(map));
 * ```
 */
export async function winnerMapHtml(m: WinnerMap, options: DriverHtmlOptions = {}): Promise<string> {
  const charts = winnerMapCharts(m);
  return page(options.title ?? `helhet: ${m.scenario}, where each design wins`, meta(m, `${m.x.values.length} × ${m.y.values.length} cells (${m.x.path} across, ${m.y.path} up), ${m.replications} replications per cell`), winnerMapTable(m), charts, "Heat maps");
}

function meta(s: { readonly scenario: string; readonly seed: number | string; readonly warmupDays: number; readonly horizonDays: number }, what: string): string {
  return `Scenario <strong>${escapeHtml(s.scenario)}</strong> — ${escapeHtml(what)}, seed ${escapeHtml(String(s.seed))}, needs arising from day ${s.warmupDays.toFixed(0)} to day ${s.horizonDays.toFixed(0)}. Every policy met the same citizens, so differences are paired.`;
}

async function page(title: string, metaHtml: string, table: string, charts: readonly ChartSpec[], heading: string): Promise<string> {
  const figures: string[] = [];
  for (const ch of charts) {
    const svg = scopeIds(await renderSvg(ch.spec), ch.id);
    const json = JSON.stringify(ch.spec).replace(/</g, "\\u003c");
    figures.push(`<figure class="chart" id="${escapeHtml(ch.id)}" aria-label="${escapeHtml(ch.title)}">\n<figcaption>${escapeHtml(ch.title)}</figcaption>\n${svg}\n<script type="application/json" class="vega-lite-spec">${json}</script>\n</figure>`);
  }
  return `${pageHead(title, STYLE)}
<p class="meta">${metaHtml}</p>
</header>
<section>
<h2>The table</h2>
<pre>${escapeHtml(table)}</pre>
</section>
<section>
<h2>${escapeHtml(heading)}</h2>
${figures.join("\n")}
</section>
<footer>Made by helhet. Charts rendered with Vega-Lite; each chart's spec is embedded next to it. How to read them: docs/drivers.md.</footer>
</body>
</html>
`;
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#222;max-width:1100px;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.2rem;margin:2rem 0 .4rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.meta{color:#555;font-size:.92rem;margin:.3rem 0 .8rem}
pre{background:#f7f7f7;padding:1em;overflow-x:auto;font-size:12.5px;line-height:1.4}
figure.chart{margin:1rem 0 1.6rem;overflow-x:auto}figure.chart svg{display:block;max-width:100%;height:auto}
figcaption{font-weight:bold;margin-bottom:.3rem}footer{margin:3rem 0 1rem;color:#888;font-size:.8rem}
`;
