/**
 * The chart of a winner map: a heat map of the winner in each cell of its grid.
 * Vega-Lite (v5) specs as plain JSON with their data inline, one outcome each
 * (docs/drivers.md). Draw them with `renderSvg`, in a notebook or vega-embed.
 *
 * @packageDocumentation
 */
import type { WinnerMap } from "../experiment/index.js";
import type { ChartSpec, VegaLiteSpec } from "./charts.js";
import { base, label, listedOutcome, requireOf, shownAs, signedText, slug } from "./driverChartParts.js";

/**
 * The heat map of a winner map for one outcome: the x values across and the y values up,
 * each cell coloured by the mean paired difference (policy 2 − policy 1; blue where policy 2
 * is lower, orange where it is higher, white at 0) with the winner written in it and the mean
 * under it; a cell where the 95% interval holds 0 is a tie, outlined with a dashed border.
 *
 * @param m - the map (from `winnerMap`)
 * @param metric - the outcome
 * @returns the spec
 * @throws RangeError when `m` is not a map or has no such outcome
 * @example
 * ```ts
 * const spec = winnerMapChart(map, "costPerNeed");
 * ```
 */
export function winnerMapChart(m: WinnerMap, metric: string): VegaLiteSpec {
  requireOf(m, ["x", "y", "cells"], "winnerMapChart", "a winner map (from winnerMap)");
  listedOutcome(m.outcomes, metric, "winnerMapChart", "map");
  const f = shownAs(metric);
  const [p1, p2] = m.policies;
  const rows = m.cells.flat().flatMap((c) => {
    const e = c.outcomes[metric];
    if (e === undefined) return [];
    return [{
      x: label(c.x),
      y: label(c.y),
      mean: e.mean * f.scale,
      lo: e.ci95 === null ? null : e.ci95[0] * f.scale,
      hi: e.ci95 === null ? null : e.ci95[1] * f.scale,
      winner: e.winner,
      tie: e.winner === "tie",
      difference: signedText(e.mean * f.scale, f.digits),
    }];
  });
  const extent = Math.max(1e-9, ...rows.map((r) => Math.abs(r.mean)));
  const xs = m.x.values.map(label);
  const ys = [...m.y.values.map(label)].reverse();
  const x = { field: "x", type: "ordinal", sort: xs, title: m.x.path, axis: { labelAngle: 0 } };
  const y = { field: "y", type: "ordinal", sort: ys, title: m.y.path };
  const ties = rows.filter((r) => r.tie).length;
  // white text on the darkest cells, dark text on the rest
  const ink = { condition: { test: `abs(datum.mean) > ${0.6 * extent}`, value: "white" }, value: "#222" };
  return {
    ...base(`Where each design wins: ${f.label}`, [
      `colour: the mean paired difference ${p2} − ${p1} (blue: ${p2} lower, orange: ${p2} higher)`,
      "text: the winner (lower is better) where the 95% interval is clear of 0, and the mean difference",
      `${m.replications} replications per cell; ${ties} of ${rows.length} cells tie (interval holds 0, dashed border)`,
    ]),
    width: Math.max(240, Math.min(640, 110 * xs.length)),
    height: Math.max(140, Math.min(480, 64 * ys.length)),
    data: { values: rows },
    encoding: { x, y },
    layer: [
      {
        mark: { type: "rect", stroke: "white", strokeWidth: 2 },
        encoding: {
          color: { field: "mean", type: "quantitative", title: `${p2} − ${p1}`, scale: { scheme: "blueorange", domain: [-extent, extent], domainMid: 0 } },
          tooltip: [{ field: "x", title: m.x.path }, { field: "y", title: m.y.path }, { field: "winner" }, { field: "mean", format: `.${f.digits}f` }, { field: "lo", format: `.${f.digits}f` }, { field: "hi", format: `.${f.digits}f` }],
        },
      },
      { transform: [{ filter: "datum.tie" }], mark: { type: "rect", fillOpacity: 0, stroke: "#555", strokeWidth: 1.5, strokeDash: [4, 3] } },
      { mark: { type: "text", baseline: "bottom", dy: -1, fontSize: 12, fontWeight: "bold" }, encoding: { text: { field: "winner" }, color: ink } },
      { mark: { type: "text", baseline: "top", dy: 3, fontSize: 10 }, encoding: { text: { field: "difference" }, color: ink } },
    ],
  };
}

/**
 * The charts of a winner map: a heat map per outcome.
 *
 * @param m - the map
 * @returns the charts with ids and titles
 * @example
 * ```ts
 * winnerMapCharts(map).map((c) => c.id); //=> ["map-endToEndDays-mean", "map-failureDemandShare", "map-costPerNeed"]
 * ```
 */
export function winnerMapCharts(m: WinnerMap): ChartSpec[] {
  requireOf(m, ["x", "y", "cells"], "winnerMapCharts", "a winner map (from winnerMap)");
  return m.outcomes.map((o) => ({ id: `map-${slug(o.metric)}`, title: `Where each design wins: ${o.label}`, spec: winnerMapChart(m, o.metric) }));
}
