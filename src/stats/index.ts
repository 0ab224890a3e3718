/**
 * stats: small pure numeric helpers (Welford accumulator, time-weighted mean, Student t,
 * confidence intervals, XmR limits, MSER-5 warm-up, quantile summaries).
 *
 * @packageDocumentation
 */
export { Welford } from "./welford.js";
export type { WelfordJSON } from "./welford.js";
export { TimeWeighted } from "./timeWeighted.js";
export { tCdf } from "./studentT.js";
export { tQuantile } from "./studentT.js";
export { meanInterval } from "./confidence.js";
export { pairedDifference, pairedDifferences, meanIntervals } from "./confidence.js";
export { independentDifference } from "./confidence.js";
export type { MeanInterval } from "./confidence.js";
export type { DifferenceInterval } from "./confidence.js";
export { xmrLimits } from "./xmr.js";
export type { XmrLimits } from "./xmr.js";
export type { XmrSignal } from "./xmr.js";
export { mser5 } from "./mser.js";
export type { Mser5Result } from "./mser.js";
export { summariseQuantiles } from "./quantiles.js";
export { summariseSortedQuantiles } from "./quantiles.js";
export { quantileOfSorted, quantilesBySelection } from "./quantiles.js";
export type { NumberColumn } from "./quantiles.js";
export type { QuantileSummary } from "./quantiles.js";
