/**
 * Vega-Lite (v5) specs of the driver studies' charts, as plain JSON with their data inline: the
 * Pareto chart of a factorial study's effects, the interaction plot of its strongest two-factor
 * interaction, the tornado chart of a sensitivity study and the heat map of a winner map, each
 * for one outcome (docs/drivers.md). Draw them with `renderSvg`, in a notebook or vega-embed.
 *
 * @packageDocumentation
 */
import type { FactorialEffect, FactorialStudy, SensitivityStudy, WinnerMap } from "../experiment/index.js";
import { formatValue } from "../scenario/errors.js";
import { CHART_PALETTE, type ChartSpec, type VegaLiteSpec } from "./charts.js";
import { FACTORIAL_OUTCOMES } from "./factorialTable.js";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

const base = (text: string, subtitle: string | string[]): VegaLiteSpec => ({ $schema: SCHEMA, title: { text, subtitle, anchor: "start" }, background: "white", config: { view: { stroke: null } } });

/** How an outcome is shown: its label, the factor its values are multiplied by, and digits. */
function shownAs(metric: string): { label: string; scale: number; digits: number } {
  const o = FACTORIAL_OUTCOMES.find((x) => x.metric === metric);
  return o === undefined ? { label: metric, scale: 1, digits: 3 } : { label: o.label, scale: o.scale, digits: o.digits };
}

/** A value as written (a string as it is, a number to six significant digits, else JSON), at most 40 characters. */
function label(v: unknown): string {
  const t = typeof v === "string" ? v : typeof v === "number" ? String(Number(v.toPrecision(6))) : JSON.stringify(v);
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}

/**
 * A factor's value at one level, short: a choice as it is; for a group of settings (an object),
 * only the settings in which the two levels differ ("everyMinutes: 10080").
 */
function levelText(factor: { readonly low: unknown; readonly high: unknown }, v: -1 | 1): string {
  const own = v < 0 ? factor.low : factor.high;
  const other = v < 0 ? factor.high : factor.low;
  if (typeof own !== "object" || own === null || Array.isArray(own) || typeof other !== "object" || other === null) return label(own);
  const o = own as Record<string, unknown>;
  const p = other as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(o), ...Object.keys(p)])].filter((k) => JSON.stringify(o[k]) !== JSON.stringify(p[k]));
  return label(keys.map((k) => `${k}: ${typeof o[k] === "string" ? o[k] : JSON.stringify(o[k] ?? null)}`).join(", "));
}

/** A scaled number with its sign, as the text tables show it. */
function signedText(x: number, digits: number): string {
  const t = x.toFixed(digits);
  if (Number(t) === 0) return (0).toFixed(digits);
  return x > 0 ? `+${t}` : t;
}

function requireOf(x: unknown, keys: readonly string[], fn: string, what: string): void {
  const o = x as Record<string, unknown> | null;
  if (typeof o !== "object" || o === null || keys.some((k) => typeof o[k] !== "object")) throw new RangeError(`${fn} needs ${what}, got ${formatValue(x)}`);
}

function outcomeOf<T>(outcomes: Readonly<Record<string, T>>, metric: string, fn: string): T {
  const o = outcomes[metric];
  if (o === undefined) throw new RangeError(`${fn}: the study has no outcome "${metric}"; it has ${Object.keys(outcomes).join(", ")}`);
  return o;
}

// ---------------------------------------------------------------------------------------------
// factorial

/** Options of {@link factorialParetoChart}. */
export interface ParetoChartOptions {
  /** Effects drawn at most, largest first (default 15; the cumulative share counts every effect). */
  readonly top?: number;
}

/**
 * The Pareto chart of a factorial study's effects on one outcome: a bar per effect (main
 * effects and two-factor interactions), its size |mean at + − mean at −| ranked largest first
 * and coloured by direction, with the 95% interval as an error bar (folded with the bar: an
 * interval reaching below 0 is an effect not clear of zero), and the cumulative share of the
 * variation between cells as a line on its own axis.
 *
 * @param s - the study (from `factorial`)
 * @param metric - the outcome, e.g. "failureDemandShare"
 * @param options - how many effects to draw
 * @returns the spec
 * @throws RangeError when `s` is not a study or has no such outcome
 * @example
 * ```ts
 * const spec = factorialParetoChart(study, "endToEndDays.mean");
 * ```
 */
export function factorialParetoChart(s: FactorialStudy, metric: string, options: ParetoChartOptions = {}): VegaLiteSpec {
  requireOf(s, ["design", "outcomes"], "factorialParetoChart", "a factorial study (from factorial)");
  const o = outcomeOf(s.outcomes, metric, "factorialParetoChart");
  const f = shownAs(metric);
  const top = Math.max(1, options.top ?? 15);
  let cumulative = 0;
  const rows = o.effects.map((e, k) => {
    cumulative += e.share;
    const sign = e.mean < 0 ? -1 : 1;
    const ci = e.ci95 === null ? null : ([sign * e.ci95[sign > 0 ? 0 : 1], sign * e.ci95[sign > 0 ? 1 : 0]] as const);
    return {
      rank: k + 1,
      effect: `${e.letters}: ${e.name}${e.aliases.length > 0 ? " (aliased)" : ""}`,
      kind: e.kind,
      direction: e.mean < 0 ? "lowers it (+ level)" : "raises it (+ level)",
      size: Math.abs(e.mean) * f.scale,
      mean: e.mean * f.scale,
      lo: ci === null ? null : ci[0] * f.scale,
      hi: ci === null ? null : ci[1] * f.scale,
      share: e.share,
      cumulative: Math.min(1, cumulative),
    };
  });
  const shown = rows.slice(0, top);
  const order = shown.map((r) => r.effect);
  const x = { field: "effect", type: "nominal", sort: order, title: `effect, largest first (letters as in the design; + is ${s.high}'s choice)`, axis: { labelAngle: -40, labelLimit: 220 } };
  const rest = rows.length - shown.length;
  return {
    ...base(`What drives ${f.label}: effects of ${s.low} → ${s.high}`, [
      "bars: |mean at + − mean at −|, largest first, with its 95% interval (reaching below 0: not clear of zero)",
      "line: cumulative share of the variation between cells",
      `${s.design.kind === "full" ? "full factorial" : `fractional factorial, resolution ${s.design.resolution ?? "?"}`}, ${s.design.cells} cells, ${s.replications} replications each${rest > 0 ? `; ${rest} smaller effects not drawn` : ""}`,
    ]),
    width: Math.max(360, Math.min(640, 32 * shown.length)),
    height: 240,
    data: { values: shown },
    encoding: { x },
    layer: [
      {
        // the bars and their intervals on one scale
        encoding: { y: { field: "size", type: "quantitative", title: `|effect| on ${f.label}` } },
        layer: [
          {
            mark: { type: "bar", width: { band: 0.7 } },
            encoding: {
              color: { field: "direction", type: "nominal", title: "the + level", scale: { domain: ["raises it (+ level)", "lowers it (+ level)"], range: [CHART_PALETTE[1], CHART_PALETTE[0]] } },
              tooltip: [{ field: "effect" }, { field: "mean", format: `.${f.digits}f` }, { field: "lo", format: `.${f.digits}f` }, { field: "hi", format: `.${f.digits}f` }, { field: "share", format: ".1%" }],
            },
          },
          { transform: [{ filter: "datum.lo !== null" }], mark: { type: "rule", color: "#222" }, encoding: { y: { field: "lo", type: "quantitative" }, y2: { field: "hi" } } },
        ],
      },
      {
        // the cumulative share on its own axis, at the right
        encoding: { y: { field: "cumulative", type: "quantitative", title: "cumulative share of variation", scale: { domain: [0, 1] }, axis: { format: ".0%", orient: "right", grid: false } } },
        layer: [
          { mark: { type: "line", color: "#555", strokeDash: [4, 2] } },
          { mark: { type: "point", filled: true, color: "#555", size: 30 } },
        ],
      },
    ],
    resolve: { scale: { y: "independent" } },
  };
}

/** The interaction an interaction plot shows, and the cell means at its four combinations. */
export interface InteractionCells {
  /** The interaction (the first of its alias chain). */
  readonly effect: FactorialEffect;
  /** The two factors: the first across, the second as the two lines. */
  readonly factors: readonly [{ readonly letter: string; readonly name: string; readonly low: unknown; readonly high: unknown }, { readonly letter: string; readonly name: string; readonly low: unknown; readonly high: unknown }];
  /** The outcome's mean at each combination of levels (−1 or +1 each), over the cells there and every replication. */
  readonly means: readonly { readonly a: -1 | 1; readonly b: -1 | 1; readonly mean: number; readonly cells: number }[];
}

/**
 * The cell means of a factorial outcome at the four combinations of two factors' levels, for
 * its strongest two-factor interaction (or the one named by `letters`, e.g. "AD"): the mean of
 * `cellMeans` over the cells at each combination. In a fraction every combination holds the
 * same number of cells (any two columns of a resolution III+ design are balanced).
 *
 * @param s - the study
 * @param metric - the outcome
 * @param letters - the interaction's letters (default: the largest interaction)
 * @returns the interaction and its four means, or null when the study has no two-factor interaction
 * @throws RangeError when the study has no such outcome, or no cell means (a study from before they were kept)
 * @example
 * ```ts
 * interactionCells(study, "costPerNeed")?.means.length; //=> 4
 * ```
 */
export function interactionCells(s: FactorialStudy, metric: string, letters?: string): InteractionCells | null {
  requireOf(s, ["design", "outcomes"], "interactionCells", "a factorial study (from factorial)");
  const o = outcomeOf(s.outcomes, metric, "interactionCells");
  const effect = o.effects.find((e) => e.kind === "interaction" && (letters === undefined || e.letters === letters));
  if (effect === undefined) return null;
  if (!Array.isArray(o.cellMeans) || o.cellMeans.length !== s.design.matrix.length) {
    throw new RangeError(`interactionCells: the study's outcome "${metric}" carries no cellMeans (a study written before they were kept): run it again`);
  }
  const idx = [...effect.letters].map((l) => s.design.factors.findIndex((f) => f.letter === l));
  const [ia, ib] = idx as [number, number];
  const means = ([-1, 1] as const).flatMap((b) =>
    ([-1, 1] as const).map((a) => {
      const ks = s.design.matrix.map((row, k) => (row[ia] === a && row[ib] === b ? k : -1)).filter((k) => k >= 0);
      return { a, b, mean: ks.reduce((t, k) => t + (o.cellMeans[k] as number), 0) / ks.length, cells: ks.length };
    }),
  );
  const fa = s.design.factors[ia]!;
  const fb = s.design.factors[ib]!;
  return { effect, factors: [fa, fb], means };
}

/**
 * The interaction plot of a factorial outcome's strongest two-factor interaction: the outcome's
 * mean at the four combinations of the two factors' levels, the first factor across and one
 * line per level of the second. Parallel lines: no interaction; lines that diverge or cross:
 * the effect of one choice depends on the other. In a fraction whose interaction is aliased
 * with others, the subtitle names them (the estimate is their sum).
 *
 * @param s - the study (from `factorial`)
 * @param metric - the outcome
 * @param letters - the interaction's letters (default: the largest interaction)
 * @returns the spec
 * @throws RangeError when the study has no such outcome, no two-factor interaction (one factor) or no cell means
 * @example
 * ```ts
 * const spec = factorialInteractionChart(study, "endToEndDays.mean");
 * ```
 */
export function factorialInteractionChart(s: FactorialStudy, metric: string, letters?: string): VegaLiteSpec {
  const cells = interactionCells(s, metric, letters);
  if (cells === null) throw new RangeError(`factorialInteractionChart: the study has no two-factor interaction${letters === undefined ? " (one factor)" : ` ${letters}`}`);
  const f = shownAs(metric);
  const [fa, fb] = cells.factors;
  const level = (factor: typeof fa, v: -1 | 1) => `${v < 0 ? "−" : "+"} ${levelText(factor, v)}`;
  const rows = cells.means.map((m) => ({ a: level(fa, m.a), b: level(fb, m.b), mean: m.mean * f.scale, cells: m.cells }));
  const e = cells.effect;
  const ci = e.ci95 === null ? "" : ` [${signedText(e.ci95[0] * f.scale, f.digits)}, ${signedText(e.ci95[1] * f.scale, f.digits)}]`;
  const aliased = e.aliases.length === 0 ? [] : [`aliased with ${e.aliases.join(", ")}: the estimate is their sum`];
  const lines = [level(fb, -1), level(fb, 1)];
  return {
    ...base(`${fa.name} × ${fb.name}: the strongest interaction on ${f.label}`, [
      "mean over the cells at each combination of the two choices and every replication",
      `interaction ${e.letters} ${signedText(e.mean * f.scale, f.digits)}${ci}, ${(e.share * 100).toFixed(1)}% of the variation between cells`,
      ...aliased,
      "parallel lines: no interaction; lines that diverge or cross: one choice's effect depends on the other",
    ]),
    width: 420,
    height: 240,
    data: { values: rows },
    encoding: {
      x: { field: "a", type: "ordinal", sort: [level(fa, -1), level(fa, 1)], title: `${fa.letter}: ${fa.name}`, axis: { labelAngle: 0, labelLimit: 200 } },
      y: { field: "mean", type: "quantitative", title: f.label, scale: { zero: false } },
      color: { field: "b", type: "nominal", title: `${fb.letter}: ${fb.name}`, sort: lines, scale: { domain: lines, range: [CHART_PALETTE[0], CHART_PALETTE[1]] }, legend: { labelLimit: 320 } },
    },
    layer: [
      { mark: { type: "line", point: { filled: true, size: 70 } } },
      { mark: { type: "text", align: "left", dx: 8, fontSize: 10 }, encoding: { text: { field: "mean", format: `.${f.digits}f` } } },
    ],
  };
}

/**
 * The charts of a factorial study, per outcome (the headline outcomes it has, or those given):
 * the Pareto chart and, when there is one, the interaction plot of the strongest interaction.
 *
 * @param s - the study
 * @param metrics - the outcomes (default: those of `FACTORIAL_OUTCOMES` the study has, the first three)
 * @returns the charts with ids and titles
 * @example
 * ```ts
 * factorialCharts(study).map((c) => c.id)[0]; //=> "pareto-endToEndDays-mean"
 * ```
 */
export function factorialCharts(s: FactorialStudy, metrics?: readonly string[]): ChartSpec[] {
  requireOf(s, ["design", "outcomes"], "factorialCharts", "a factorial study (from factorial)");
  const list = metrics ?? FACTORIAL_OUTCOMES.map((o) => o.metric).filter((m) => s.outcomes[m] !== undefined).slice(0, 3);
  return list.flatMap((m) => {
    const label = shownAs(m).label;
    const pareto = { id: `pareto-${slug(m)}`, title: `Effects on ${label}`, spec: factorialParetoChart(s, m) };
    const hasInteraction = (s.outcomes[m]?.effects ?? []).some((e) => e.kind === "interaction");
    return hasInteraction ? [pareto, { id: `interaction-${slug(m)}`, title: `Strongest interaction on ${label}`, spec: factorialInteractionChart(s, m) }] : [pareto];
  });
}

// ---------------------------------------------------------------------------------------------
// sensitivity

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
  const outcome = s.outcomes.find((o) => o.metric === metric);
  if (outcome === undefined) throw new RangeError(`sensitivityTornadoChart: the study has no outcome "${metric}"; it has ${s.outcomes.map((o) => o.metric).join(", ")}`);
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

// ---------------------------------------------------------------------------------------------
// winner map

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
  const outcome = m.outcomes.find((o) => o.metric === metric);
  if (outcome === undefined) throw new RangeError(`winnerMapChart: the map has no outcome "${metric}"; it has ${m.outcomes.map((o) => o.metric).join(", ")}`);
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

function slug(s: string): string {
  return s.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "") || "chart";
}
