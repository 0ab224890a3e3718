/**
 * A self-contained HTML page for customer journeys: the journey map and touchpoint ranking
 * charts (rendered to SVG with vega) and readable journeys and tables as text.
 *
 * @packageDocumentation
 */
import { escapeHtml } from "./html.js";
import { renderSvg } from "./svg.js";

/** A section of the journeys page: a title, optional chart specs and preformatted text. */
export interface JourneySection {
  readonly title: string;
  readonly charts?: readonly object[];
  readonly text?: string;
}

/**
 * Renders the journeys page.
 *
 * @param title - the page title
 * @param sections - its sections in order
 * @returns the HTML, with no external references
 * @example
 * ```ts
 * const html = await journeysHtml("soderhamn journeys", [{ title: "Journey map", charts: [journeyMapChart(maps)] }]);
 * html.includes("<svg"); //=> true
 * ```
 */
export async function journeysHtml(title: string, sections: readonly JourneySection[]): Promise<string> {
  const parts: string[] = [];
  let chart = 0;
  for (const s of sections) {
    parts.push(`<h2>${escapeHtml(s.title)}</h2>`);
    for (const spec of s.charts ?? []) {
      // vega numbers its clip paths globally: make ids unique per chart so inline SVGs don't collide
      const svg = (await renderSvg(spec)).replace(/id="([^"]+)"/g, `id="j${chart}-$1"`).replace(/url\(#([^)]+)\)/g, `url(#j${chart}-$1)`);
      parts.push(`<figure>${svg}</figure>`);
      chart++;
    }
    if (s.text !== undefined) parts.push(`<pre>${escapeHtml(s.text)}</pre>`);
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2em}pre{background:#f7f7f7;padding:1em;overflow-x:auto;font-size:13px;line-height:1.4}
figure{margin:1em 0}</style></head>
<body><h1>${escapeHtml(title)}</h1>
${parts.join("\n")}
</body></html>
`;
}
