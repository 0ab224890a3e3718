/**
 * Renders a Vega-Lite spec to a standalone SVG string with vega and vega-lite, in Node or a
 * browser, without a canvas. The two packages are loaded with `import()` the first time a chart
 * is drawn (about 150 ms), so importing helhet stays fast for everything else.
 *
 * @packageDocumentation
 */
import type * as VegaModule from "vega";
import type * as VegaLiteModule from "vega-lite";

interface Renderers {
  readonly vega: typeof VegaModule;
  readonly vl: typeof VegaLiteModule;
}

/** The lazily loaded renderer modules: loaded once, on the first call of {@link renderSvg}. */
const renderers: { loading?: Promise<Renderers> } = {};

function load(): Promise<Renderers> {
  if (renderers.loading === undefined) {
    renderers.loading = Promise.all([import("vega"), import("vega-lite")]).then(
      ([vega, vl]) => ({ vega, vl }),
      (e: unknown) => {
        // let a later call try again (e.g. after installing the packages)
        delete renderers.loading;
        throw new Error(`drawing charts needs the packages vega and vega-lite (npm install vega vega-lite): ${(e as Error).message ?? String(e)}`);
      },
    );
  }
  return renderers.loading;
}

/**
 * Renders a Vega-Lite spec (data inline) to an SVG string: `<svg …>…</svg>` with its width,
 * height and a white background. Compiler and renderer warnings are ignored; invalid specs
 * throw.
 *
 * @param spec - a Vega-Lite spec, e.g. from {@link comparisonCharts}
 * @returns the SVG markup
 * @example
 * ```ts
 * const svg = await renderSvg(contactsChart(comparison));
 * svg.startsWith("<svg"); //=> true
 * ```
 */
export async function renderSvg(spec: object): Promise<string> {
  const { vega, vl } = await load();
  const quiet = vega.logger(vega.None);
  const compiled = vl.compile(spec as VegaLiteModule.TopLevelSpec, { logger: quiet }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none", logLevel: vega.None });
  try {
    // scales down to the width it is shown in (a notebook column, a phone), never up
    return (await view.toSVG()).replace(/^<svg /, '<svg style="max-width: 100%; height: auto" ');
  } finally {
    view.finalize();
  }
}
