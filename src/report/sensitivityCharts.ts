/**
 * The chart of a sensitivity study: the tornado of each parameter's swing.
 * Vega-Lite (v5) specs as plain JSON with their data inline, one outcome each
 * (docs/drivers.md). Draw them with `renderSvg`, in a notebook or vega-embed.
 *
 * @packageDocumentation
 */
import type { SensitivityStudy } from "../experiment/index.js";
import { CHART_PALETTE, type ChartSpec, type VegaLiteSpec } from "./charts.js";
import { base, label, listedOutcome, requireOf, shownAs, slug } from "./driverChartParts.js";

/**
 * The tornado chart of a sensitivity study for one outcome: per parameter (largest swing at
 * the top), a bar from the difference as given to the difference at the low and at the high
 * end of its range, each end's 95% interval as an error bar, a line at zero (no difference)
 * and a dashed one at the difference as given; a parameter across whose range the sign flips
 * is marked "sign flips at …".
 *
 * @param s - the study (from `sensitivity`)
 * @param metric - the outcome, e.g. "costPerNeed"
 * @returns the spec
 * @throws RangeError when `s` is not a study or has no such outcome
 * @example
 * ```ts
 * const spec = sensitivityTornadoChart(study, "costPerNeed");
 * ```
 */
export function sensitivityTornadoChart(s: SensitivityStudy, metric: string): VegaLiteSpec {
  requireOf(s, ["baseline", "parameters", "skipped"], "sensitivityTornadoChart", "a sensitivity study (from sensitivity)");
  listedOutcome(s.outcomes, metric, "sensitivityTornadoChart", "study");
  const f = shownAs(metric);
  const [p1, p2] = s.policies;
  const given = (s.baseline[metric]?.mean ?? 0) * f.scale;
  const ranked = [...s.parameters]
    .filter((p) => p.atLow[metric] !== undefined && p.atHigh[metric] !== undefined)
    .sort((a, b) => Math.abs(b.swing[metric] ?? 0) - Math.abs(a.swing[metric] ?? 0) || (a.path < b.path ? -1 : 1));
  const name = (p: (typeof ranked)[number]) => `${p.path} (${label(p.text.low)} – ${label(p.text.high)})`;
  const order = ranked.map(name);
  const ends = ranked.flatMap((p) =>
    (["low", "high"] as const).map((end) => {
      const d = (end === "low" ? p.atLow : p.atHigh)[metric]!;
      return {
        parameter: name(p),
        end: `at the ${end} end`,
        value: label(end === "low" ? p.text.low : p.text.high),
        mean: d.mean * f.scale,
        lo: d.ci95 === null ? null : d.ci95[0] * f.scale,
        hi: d.ci95 === null ? null : d.ci95[1] * f.scale,
        given,
        swing: (p.swing[metric] ?? 0) * f.scale,
      };
    }),
  );
  const flips = ranked
    .filter((p) => p.flips[metric]?.flips === true)
    .map((p) => {
      const xs = ends.filter((e) => e.parameter === name(p)).flatMap((e) => [e.mean, e.hi ?? e.mean]);
      return { parameter: name(p), at: Math.max(...xs), text: `sign flips at ${label(p.flips[metric]!.atText)}` };
    });
  // the axis title above the labels, level: long labels leave no room beside them
  const y = { field: "parameter", type: "nominal", sort: order, title: "parameter (range), largest swing first", axis: { labelLimit: 400, titleAngle: 0, titleAlign: "right", titleBaseline: "bottom", titleX: 0, titleY: -6 } };
  const x = { field: "mean", type: "quantitative", title: `${p2} − ${p1}: ${f.label}` };
  const yOffset = { yOffset: { field: "end", type: "nominal", sort: ["at the low end", "at the high end"] } };
  const colour = { field: "end", type: "nominal", title: "the parameter", sort: ["at the low end", "at the high end"], scale: { domain: ["at the low end", "at the high end"], range: [CHART_PALETTE[0], CHART_PALETTE[1]] } };
  const layers: VegaLiteSpec[] = [
    { data: { values: ends }, mark: { type: "bar", opacity: 0.75 }, encoding: { y, ...yOffset, x, x2: { field: "given" }, color: colour, tooltip: [{ field: "parameter" }, { field: "end" }, { field: "value" }, { field: "mean", format: `.${f.digits}f` }, { field: "lo", format: `.${f.digits}f` }, { field: "hi", format: `.${f.digits}f` }] } },
    { data: { values: ends.filter((e) => e.lo !== null) }, mark: { type: "rule", color: "#222" }, encoding: { y, ...yOffset, x: { field: "lo", type: "quantitative" }, x2: { field: "hi" } } },
    { data: { values: ends }, mark: { type: "point", filled: true, color: "#222", size: 25 }, encoding: { y, ...yOffset, x } },
    { data: { values: [{ x: 0, what: "no difference" }] }, mark: { type: "rule", color: "#000", strokeWidth: 1.5 }, encoding: { x: { field: "x", type: "quantitative" } } },
    { data: { values: [{ x: given, what: "as given" }] }, mark: { type: "rule", color: "#777", strokeDash: [5, 3] }, encoding: { x: { field: "x", type: "quantitative" } } },
  ];
  if (flips.length > 0) layers.push({ data: { values: flips }, mark: { type: "text", align: "left", dx: 8, fontSize: 10, fontWeight: "bold", color: "#d62728" }, encoding: { y, x: { field: "at", type: "quantitative" }, text: { field: "text" } } });
  return {
    ...base(`Does the conclusion hold? ${f.label}, ${p2} − ${p1}`, [
      "each parameter at the low and the high end of its range, one at a time: the paired difference",
      `with its 95% interval, a bar from the difference as given (dashed line); below 0, ${p2} is lower`,
      `${s.replications} replications at each end; ${flips.length === 0 ? "no sign flips: the sign clear of 0 at both ends never changes" : `${flips.length} parameter${flips.length === 1 ? "" : "s"} across whose range the sign flips (marked)`}`,
    ]),
    width: 480,
    height: { step: 34 },
    layer: layers,
  };
}

/**
 * The charts of a sensitivity study: a tornado chart per outcome.
 *
 * @param s - the study
 * @returns the charts with ids and titles
 * @example
 * ```ts
 * sensitivityCharts(study).map((c) => c.id); //=> ["tornado-endToEndDays-mean", "tornado-failureDemandShare", "tornado-costPerNeed"]
 * ```
 */
export function sensitivityCharts(s: SensitivityStudy): ChartSpec[] {
  requireOf(s, ["baseline", "parameters", "skipped"], "sensitivityCharts", "a sensitivity study (from sensitivity)");
  return s.outcomes.map((o) => ({ id: `tornado-${slug(o.metric)}`, title: `Sensitivity: ${o.label}`, spec: sensitivityTornadoChart(s, o.metric) }));
}
