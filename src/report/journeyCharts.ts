/**
 * Vega-Lite v5 specs for the customer-journey layer: a journey map (phases across, the emotion
 * curve with its pain points, and the waiting in each phase) and a touchpoint ranking chart.
 * The specs are plain JSON objects with their data inlined; render them with any Vega-Lite
 * v5 viewer (a notebook, the Vega editor, vega-embed). Nothing here imports vega.
 *
 * @packageDocumentation
 */
import type { JourneyMap, MomentSummary, TouchpointEffect, TouchpointRanking } from "../journey/index.js";
import { PHASES } from "../journey/index.js";

/** A Vega-Lite v5 specification of a journey chart, as a plain JSON object with its data inlined. */
export interface JourneyChartSpec {
  readonly $schema: string;
  readonly [key: string]: unknown;
}

const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

interface CurvePoint {
  readonly series: string;
  readonly phase: string;
  /** Position within the phase, 0 to 1 (moments in journey order). */
  readonly position: number;
  readonly label: string;
  readonly emotion: number;
  readonly change: number;
  readonly citizenShare: number | null;
  readonly painPoint: number | null;
  readonly painTag: string | null;
}

/**
 * A journey map chart: one column per phase (before, during, after contact) with the mean
 * emotion curve through the moments of the journey (pain points marked ▼ and labelled), and
 * under it the mean waiting per citizen in each phase by what was waited for. Several maps
 * (for example one per policy) are drawn in one chart, one colour each.
 *
 * @param maps - one journey map or several (from `journeyMap`)
 * @param options - a title
 * @returns a Vega-Lite v5 spec with its data inlined
 * @example
 * ```ts
 * const spec = journeyMapChart([journeyMap(minutesRun), journeyMap(wholeRun)]);
 * spec.$schema; //=> "https://vega.github.io/schema/vega-lite/v5.json"
 * ```
 */
export function journeyMapChart(maps: JourneyMap | readonly JourneyMap[], options: { readonly title?: string } = {}): JourneyChartSpec {
  const list: readonly JourneyMap[] = Array.isArray(maps) ? maps : [maps as JourneyMap];
  const sameService = list.every((m) => m.service === list[0]?.service);
  const series = (m: JourneyMap) => (sameService ? m.policy : `${m.policy}, ${m.serviceName}`);
  const curve = list.flatMap((m) => curveOf(m, series(m)));
  const waits = list.flatMap((m) => m.waits.map((w) => ({ series: series(m), phase: w.phase, kind: w.kind, days: w.minutes / 1440 })));
  const first = list[0];
  const title = options.title ?? (first === undefined ? "Journey map" : `Journey map — ${first.scenario}${sameService ? `, ${first.serviceName}` : ""}`);
  const pains = list.flatMap((m) => m.painPoints.map((p) => ({ series: series(m), text: `▼${p.painPoint} ${series(m)}: ${p.label} (${p.emotionChange.toFixed(2)} per citizen, ${(100 * p.citizenShare).toFixed(0)}% of citizens)` })));
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    datasets: { curve, waits, pains: pains.map((p, line) => ({ ...p, line })) },
    vconcat: [
      { data: { name: "curve" }, hconcat: PHASES.map((phase, k) => curvePanel(phase, k === 0)), resolve: { scale: { y: "shared" } } },
      {
        data: { name: "pains" },
        title: { text: "Pain points: the moments where emotion drops most", fontSize: 11, anchor: "start" },
        mark: { type: "text", align: "left", fontSize: 11 },
        encoding: { y: { field: "line", type: "ordinal", axis: null }, x: { value: 0 }, text: { field: "text", type: "nominal" }, color: { field: "series", type: "nominal", legend: null } },
        width: 700,
        height: { step: 16 },
      },
      {
        data: { name: "waits" },
        mark: "bar",
        encoding: {
          column: { field: "phase", type: "nominal", sort: [...PHASES], title: null },
          x: { field: "series", type: "nominal", title: "policy" },
          y: { field: "days", type: "quantitative", stack: "zero", title: "waiting, days per citizen" },
          color: { field: "kind", type: "nominal", title: "waiting for" },
          tooltip: tooltip(["series", "phase", "kind", "days"]),
        },
        width: 120,
      },
    ],
    resolve: { scale: { color: "independent" } },
  };
}

const PANEL_WIDTH: Readonly<Record<string, number>> = { before: 140, during: 460, after: 100 };

function curvePanel(phase: string, first: boolean): object {
  const x = { field: "position", type: "quantitative", axis: { title: "moments, in journey order", labels: false, ticks: false, grid: false }, scale: { domain: [0, 1], padding: 12 } };
  // one y axis for the three panels (their scale is shared): on the first
  const y = { field: "emotion", type: "quantitative", ...(first ? { title: "emotion (model assumption)" } : { axis: null }) };
  const isPain = "datum.painPoint != null";
  return {
    title: { text: `${phase} contact`, fontSize: 12 },
    transform: [{ filter: `datum.phase === '${phase}'` }],
    width: PANEL_WIDTH[phase] ?? 200,
    height: 220,
    layer: [
      {
        mark: { type: "line", point: true, interpolate: "step-after" },
        encoding: { x, y, color: { field: "series", type: "nominal", title: "policy" }, tooltip: tooltip(["series", "label", "change", "emotion", "citizenShare"]) },
      },
      {
        mark: { type: "point", shape: "triangle-down", size: 150, filled: true, color: "#c0392b" },
        encoding: { x, y, opacity: { condition: { test: isPain, value: 1 }, value: 0 }, tooltip: tooltip(["series", "label", "change"]) },
      },
      {
        mark: { type: "text", dy: -14, fontSize: 11, fontWeight: "bold", color: "#c0392b" },
        encoding: { x, y, text: { condition: { test: isPain, field: "painTag", type: "nominal" }, value: "" } },
      },
    ],
  };
}

function curveOf(m: JourneyMap, series: string): CurvePoint[] {
  const out: CurvePoint[] = [];
  let level = 0;
  for (const phase of PHASES) {
    const moments = m.moments.filter((x) => x.phase === phase);
    const steps: { label: string; emotion: number; change: number; moment: MomentSummary | null }[] = [
      { label: phase === "before" ? "the need arises" : `${phase} contact starts`, emotion: level, change: 0, moment: null },
      ...moments.map((mo) => ({ label: mo.label, emotion: mo.emotion, change: mo.emotionChange, moment: mo })),
    ];
    level = moments[moments.length - 1]?.emotion ?? level;
    steps.push({ label: phase === "after" ? "afterwards" : `${phase} contact ends`, emotion: level, change: 0, moment: null });
    steps.forEach((st, i) =>
      out.push({
        series,
        phase,
        position: i / (steps.length - 1),
        label: st.label,
        emotion: st.emotion,
        change: st.change,
        citizenShare: st.moment?.citizenShare ?? null,
        painPoint: st.moment?.painPoint ?? null,
        painTag: st.moment?.painPoint == null ? null : `▼${st.moment.painPoint}`,
      }),
    );
  }
  return out;
}

const METRICS: readonly { readonly key: "failureDemand" | "endToEndDays" | "contactsPerNeed"; readonly label: string }[] = [
  { key: "failureDemand", label: "failure demand contacts / week" },
  { key: "endToEndDays", label: "end-to-end days" },
  { key: "contactsPerNeed", label: "contacts per need" },
];

/**
 * A touchpoint ranking chart: for each touchpoint (sorted by rank) the improvement in citizen
 * outcomes if its failures were removed (baseline − what-if, so right is better), with the
 * paired 95% interval as a rule; one column per outcome, one block per ranking (policy).
 *
 * @param rankings - one ranking or several (from `touchpoints`)
 * @param options - a title
 * @returns a Vega-Lite v5 spec with its data inlined
 * @example
 * ```ts
 * const spec = touchpointChart(touchpoints(loadScenario("teaching"), policies.minutes, { replications: 3 }));
 * (spec.vconcat as unknown[]).length; //=> 1
 * ```
 */
export function touchpointChart(rankings: TouchpointRanking | readonly TouchpointRanking[], options: { readonly title?: string } = {}): JourneyChartSpec {
  const list: readonly TouchpointRanking[] = Array.isArray(rankings) ? rankings : [rankings as TouchpointRanking];
  const first = list[0];
  const y = { field: "touchpoint", type: "nominal", sort: { field: "rank", op: "min", order: "ascending" }, title: "touchpoint" };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? `Touchpoints that matter most${first === undefined ? "" : ` — ${first.scenario}`}: improvement without their failures (95% paired interval)`,
    // one block per ranking (policy): its touchpoints share the y axis across the three outcomes
    vconcat: list.map((t) => ({
      title: { text: `${t.policy} (${t.replications} replications, ranked by ${t.rankBy})`, fontSize: 12, anchor: "start" },
      data: { values: rankingRows(t) },
      facet: { column: { field: "metric", type: "nominal", sort: METRICS.map((m) => m.label), title: null } },
      spec: {
        width: 200,
        layer: [
          { mark: { type: "bar", color: "#4c78a8" }, encoding: { y, x: { field: "improvement", type: "quantitative", title: "improvement (baseline − what-if)" }, tooltip: tooltip(["touchpoint", "rank", "baseline", "whatIf", "improvement", "low", "high"]) } },
          { mark: { type: "rule", color: "#333" }, encoding: { y, x: { field: "low", type: "quantitative" }, x2: { field: "high" } } },
          { mark: { type: "rule", color: "#999" }, encoding: { x: { datum: 0 } } },
        ],
      },
      resolve: { scale: { x: "independent" } },
    })),
  };
}

function rankingRows(t: TouchpointRanking): object[] {
  return t.rows.flatMap((r) =>
    METRICS.map((m) => {
      const e: TouchpointEffect = r[m.key];
      return {
        touchpoint: r.touchpoint,
        rank: r.rank,
        metric: m.label,
        improvement: -e.change,
        // no interval (one replication): a zero-length rule, so no row has nulls to filter
        low: e.ci95 === null ? -e.change : -e.ci95[1],
        high: e.ci95 === null ? -e.change : -e.ci95[0],
        baseline: e.baseline,
        whatIf: e.whatIf,
      };
    }),
  );
}

const NUMERIC = new Set(["change", "emotion", "citizenShare", "days", "rank", "baseline", "whatIf", "improvement", "low", "high"]);

function tooltip(fields: readonly string[]): { field: string; type: string; format?: string }[] {
  return fields.map((field) => (NUMERIC.has(field) ? { field, type: "quantitative", format: ".2f" } : { field, type: "nominal" }));
}
