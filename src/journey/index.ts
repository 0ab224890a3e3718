/**
 * Customer journeys (kundresa): individual citizens' journeys in three phases with a narrative,
 * journey maps with an emotion curve and pain points, attribution of failure demand and
 * end-to-end time to touchpoints, and the what-if ranking of the touchpoints that matter most.
 *
 * @packageDocumentation
 */
export { PHASES } from "./types.js";
export type { Phase } from "./types.js";
export type { SegmentKind } from "./types.js";
export type { JourneySegment } from "./types.js";
export type { JourneyEvent } from "./types.js";
export type { PhaseMinutes } from "./types.js";
export type { Journey } from "./types.js";
export { EMOTION_WEIGHTS } from "./emotion.js";
export { MOMENT_LABELS } from "./emotion.js";
export type { Moment } from "./emotion.js";
export { journeys } from "./journeys.js";
export { pickJourneys } from "./journeys.js";
export { slowestJourney } from "./journeys.js";
export { typicalJourney } from "./journeys.js";
export { firstContactJourney } from "./journeys.js";
export type { JourneysOptions } from "./journeys.js";
export type { JourneyPicks } from "./journeys.js";
export { journeyMap } from "./journeyMap.js";
export type { JourneyMap } from "./journeyMap.js";
export type { JourneyMapOptions } from "./journeyMap.js";
export type { PhaseSummary } from "./journeyMap.js";
export type { MomentSummary } from "./journeyMap.js";
export type { PhaseWait } from "./journeyMap.js";
export { attribution } from "./attribution.js";
export type { Attribution } from "./attribution.js";
export type { AttributionRow } from "./attribution.js";
export { touchpoints } from "./touchpoints.js";
export { touchpointPlan } from "./touchpoints.js";
export { touchpointRun } from "./touchpoints.js";
export { rankTouchpoints } from "./touchpoints.js";
export type { TouchpointPlan } from "./touchpoints.js";
export type { TouchpointRunOptions } from "./touchpoints.js";
export type { TouchpointsOptions } from "./touchpoints.js";
export type { TouchpointMetric } from "./touchpoints.js";
export type { TouchpointEffect } from "./touchpoints.js";
export type { TouchpointRow } from "./touchpoints.js";
export type { TouchpointRanking } from "./touchpoints.js";
export type { TouchpointMeasures } from "./touchpoints.js";
export { journeyText } from "./text.js";
export { journeyMapText } from "./text.js";
export { attributionText } from "./text.js";
export { touchpointText } from "./text.js";
