/**
 * analysis: closed-form queueing results (Erlang C, M/M/c, M/G/1, Erlang A, Jackson networks)
 * used by tests, docs and stability warnings; offered load per team from the routing (traffic
 * equations solved with mathjs) and warnings before a run.
 *
 * @packageDocumentation
 */
export { erlangC } from "./queueing.js";
export { mmc } from "./queueing.js";
export { mm1 } from "./queueing.js";
export { pollaczekKhinchine } from "./queueing.js";
export { erlangA } from "./queueing.js";
export { jacksonNetwork } from "./queueing.js";
export type { QueueMetrics } from "./queueing.js";
export type { MmcOptions } from "./queueing.js";
export type { PollaczekKhinchineOptions } from "./queueing.js";
export type { ErlangAOptions } from "./queueing.js";
export type { ErlangAMetrics } from "./queueing.js";
export type { JacksonNetworkOptions } from "./queueing.js";
export type { JacksonNetworkResult } from "./queueing.js";
export { offeredLoad } from "./offeredLoad.js";
export { serviceRouting } from "./offeredLoad.js";
export { presentShare } from "./offeredLoad.js";
export type { TeamLoad } from "./offeredLoad.js";
export type { RoutedStation } from "./offeredLoad.js";
export { loadWarnings } from "./warnings.js";
export { NEAR_CAPACITY } from "./warnings.js";
export type { LoadWarning } from "./warnings.js";
export type { LoadWarningOptions } from "./warnings.js";
export { estimateRunCost } from "./runCost.js";
export { checkRunCost } from "./runCostCheck.js";
export { RUN_COST_LIMITS } from "./runCost.js";
export type { RunCost } from "./runCost.js";
export type { RunCostWindow } from "./runCost.js";
export type { RunCostOptions } from "./runCost.js";
export type { RunCostCheckOptions } from "./runCostCheck.js";
export type { RunEventSource } from "./runCost.js";
export type { RunMemorySource } from "./runCost.js";
export { combineRunCosts } from "./runCost.js";
