/**
 * The municipality model: needs flowing through teams under a policy.
 *
 * @packageDocumentation
 */
export { simulate } from "./simulate.js";
export type { SimulateOptions } from "./simulate.js";
export type { RunResult } from "./runResult.js";
export type { CountColumn, NeedRecords } from "./runResult.js";
export type { ContactRecords } from "./runResult.js";
export type { TeamResult } from "./runResult.js";
export { Reason } from "./codes.js";
export type { ReasonCode } from "./codes.js";
export { REASON_NAMES } from "./codes.js";
export { Cause, CAUSE_NAMES } from "./codes.js";
export { isFailureReason } from "./codes.js";
export { Task } from "./codes.js";
export type { TaskCode } from "./codes.js";
export { TASK_NAMES } from "./codes.js";
export { Outcome } from "./codes.js";
export { OUTCOME_NAMES } from "./codes.js";
export { NeedStatus } from "./codes.js";
export { STATUS_NAMES } from "./codes.js";
export { Expression } from "./codes.js";
export { EXPRESSION_NAMES } from "./codes.js";
export { planTeams } from "./teams.js";
export type { TeamPlan } from "./teams.js";
export type { TeamLayout } from "./teams.js";
export { JournalEvent } from "./journal.js";
export { JOURNAL_EVENT_NAMES } from "./journal.js";
export type { JournalRecords } from "./journal.js";
export { runWindow } from "./window.js";
export type { RunWindow } from "./window.js";
export type { WindowOptions } from "./window.js";
export { SERIES_PERIODS, PERIOD_MINUTES, seriesBounds } from "./series.js";
export type { SeriesPeriod, RunSeries } from "./series.js";
