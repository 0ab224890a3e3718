/**
 * Reports: text tables, CSV, Markdown.
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
