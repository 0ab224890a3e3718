/**
 * Metrics of a run.
 *
 * @packageDocumentation
 */
export { summarise } from "./summarise.js";
export type { RunSummary } from "./summarise.js";
export type { DistributionSummary } from "./summarise.js";
