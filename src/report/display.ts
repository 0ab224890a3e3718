/**
 * Results that display themselves in notebooks. {@link displayable} takes a Comparison, a
 * SweepResult, a RunSummary, a JourneyMap (or several), a TouchpointRanking (or several), a
 * FactorialStudy, a SensitivityStudy or a WinnerMap,
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
import type { Comparison, FactorialStudy, SensitivityStudy, SweepResult, WinnerMap } from "../experiment/index.js";
import type { JourneyMap, TouchpointRanking } from "../journey/index.js";
import type { RunSummary } from "../metrics/index.js";
import type { VegaLiteSpec } from "./charts.js";
import { describe, isObject, listOf } from "./displayCells.js";
import { comparisonView, journeyMapView, summaryView, sweepView, touchpointView, type View } from "./displayViews.js";
import { factorialView, sensitivityView, winnerMapView } from "./driverViews.js";
import { escapeHtml } from "./html.js";
import { renderSvg } from "./svg.js";

/** What {@link displayable} recognised its argument as. */
export type DisplayKind = "comparison" | "sweep" | "runSummary" | "journeyMap" | "touchpoints" | "factorial" | "sensitivity" | "winnerMap";

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
   * histogram and the capability charts show the needs (a long series thinned for drawing, limits from all); else quantiles and limits only.
   */
  readonly endToEndDays?: Readonly<Record<string, readonly number[]>>;
  /** A title for the chart and the table, instead of the one made from the result. */
  readonly title?: string;
  /**
   * For a FactorialStudy, a SensitivityStudy or a WinnerMap: only this outcome (a metric, e.g.
   * "costPerNeed") in the table and the charts; default: the three headline outcomes.
   */
  readonly outcome?: string;
}

/** What {@link displayable} accepts. */
export type DisplayInput = Comparison | SweepResult | RunSummary | JourneyMap | readonly JourneyMap[] | TouchpointRanking | readonly TouchpointRanking[] | FactorialStudy | SensitivityStudy | WinnerMap;


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
  if (isObject(x.design) && isObject(x.outcomes) && typeof x.low === "string" && typeof x.high === "string") return "factorial";
  if (isObject(x.baseline) && Array.isArray(x.parameters) && Array.isArray(x.skipped)) return "sensitivity";
  if (isObject(x.x) && isObject(x.y) && Array.isArray(x.cells) && Array.isArray(x.policies)) return "winnerMap";
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
 * | FactorialStudy | the factors, the largest effects per outcome with intervals and shares | per outcome the Pareto chart of the effects beside the interaction plot of the strongest interaction |
 * | SensitivityStudy | per outcome the parameters by swing, the difference at each end, flips | a tornado chart per outcome |
 * | WinnerMap | per outcome the grid of winners with the mean difference | a heat map per outcome |
 *
 * @param x - the result
 * @param options - per-need end-to-end days (Comparison), one outcome (the studies), a title
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
    case "factorial":
      view = factorialView(x as FactorialStudy, options.outcome);
      break;
    case "sensitivity":
      view = sensitivityView(x as SensitivityStudy, options.outcome);
      break;
    case "winnerMap":
      view = winnerMapView(x as WinnerMap, options.outcome);
      break;
    default:
      throw new TypeError(
        "displayable takes a Comparison (compare), a SweepResult (sweep), a RunSummary (summarise), a JourneyMap or a list of them (journeyMap), " +
          `a TouchpointRanking or a list of them (touchpoints), a FactorialStudy (factorial), a SensitivityStudy (sensitivity) or a WinnerMap (winnerMap); got ${describe(x)}`,
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
