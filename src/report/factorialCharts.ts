/**
 * The charts of a factorial study: the Pareto chart of its effects and the interaction plot of
 * its strongest two-factor interaction.
 * Vega-Lite (v5) specs as plain JSON with their data inline, one outcome each
 * (docs/drivers.md). Draw them with `renderSvg`, in a notebook or vega-embed.
 *
 * @packageDocumentation
 */
import type { FactorialEffect, FactorialStudy } from "../experiment/index.js";
import { CHART_PALETTE, type ChartSpec, type VegaLiteSpec } from "./charts.js";
import { base, levelText, outcomeOf, requireOf, shownAs, signedText, slug } from "./driverChartParts.js";
import { FACTORIAL_OUTCOMES } from "./factorialTable.js";

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
