/**
 * Reports: text tables, CSV, Markdown, Vega-Lite charts, SVG and a self-contained HTML page.
 *
 * @packageDocumentation
 */
export { comparisonTable } from "./comparisonTable.js";
export { reading } from "./comparisonTable.js";
export { TABLE_BLOCKS } from "./comparisonTable.js";
export type { TableRow } from "./comparisonTable.js";
export type { TableStyle } from "./comparisonTable.js";
export { comparisonCsv } from "./flat.js";
export { comparisonMarkdown } from "./flat.js";
export { sweepTable } from "./sweepTable.js";
export { sweepCsv } from "./sweepTable.js";
export { SWEEP_METRICS } from "./sweepTable.js";
export { comparisonCharts } from "./charts.js";
export { endToEndChart } from "./charts.js";
export { capabilityChart } from "./charts.js";
export { failureDemandChart } from "./charts.js";
export { failureDemandByCauseChart } from "./charts.js";
export { contactsChart } from "./charts.js";
export { CHART_PALETTE } from "./charts.js";
export type { ChartSpec } from "./charts.js";
export type { ChartOptions } from "./charts.js";
export type { VegaLiteSpec } from "./charts.js";
export { renderSvg } from "./svg.js";
export { comparisonHtml } from "./html.js";
export { escapeHtml } from "./html.js";
export type { HtmlReportOptions } from "./html.js";
export { journeyMapChart } from "./journeyCharts.js";
export { touchpointChart } from "./journeyCharts.js";
export type { JourneyChartSpec } from "./journeyCharts.js";
export { journeysHtml } from "./journeyHtml.js";
export type { JourneySection } from "./journeyHtml.js";
export { displayable } from "./display.js";
export { displayKind } from "./display.js";
export { JUPYTER_DISPLAY } from "./display.js";
export type { Displayable } from "./display.js";
export type { DisplayInput } from "./display.js";
export type { DisplayKind } from "./display.js";
export type { DisplayOptions } from "./display.js";
export type { MimeBundle } from "./display.js";
export { seriesCsv } from "./series.js";
export { seriesChart } from "./series.js";
export { seriesCharts } from "./series.js";
export { SERIES_CHARTED } from "./series.js";
export { needTableRows } from "./needs.js";
export { needTableCsv } from "./needs.js";
export { needTableJsonLines } from "./needs.js";
export { NEED_TABLE_COLUMNS } from "./needs.js";
export { factorialTable, factorialCsv, FACTORIAL_OUTCOMES } from "./factorialTable.js";
export type { FactorialTableOptions } from "./factorialTable.js";
export { sensitivityTable, sensitivityCsv, winnerMapTable, winnerMapCsv } from "./sensitivityTable.js";
export { factorialParetoChart, factorialInteractionChart, interactionCells, factorialCharts } from "./factorialCharts.js";
export { sensitivityTornadoChart, sensitivityCharts } from "./sensitivityCharts.js";
export { winnerMapChart, winnerMapCharts } from "./winnerMapCharts.js";
export type { ParetoChartOptions, InteractionCells } from "./factorialCharts.js";
export { factorialHtml, sensitivityHtml, winnerMapHtml } from "./driverHtml.js";
export type { DriverHtmlOptions } from "./driverHtml.js";
