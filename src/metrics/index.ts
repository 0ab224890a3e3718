/**
 * Metrics of a run.
 *
 * @packageDocumentation
 */
export { summarise } from "./summarise.js";
export { internalClockSummary } from "./summarise.js";
export type { RunSummary } from "./summarise.js";
export type { ClockFigures } from "./summarise.js";
export type { InternalClockSummary } from "./summarise.js";
export type { DistributionSummary } from "./summarise.js";
export { demandAnalysis } from "./demand.js";
export type { DemandRow } from "./demand.js";
export { peakHour } from "./peak.js";
export type { PeakHour, HourFigures } from "./peak.js";
