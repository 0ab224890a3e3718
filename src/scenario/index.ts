/**
 * The scenario layer: the scenario types, the input format (YAML/JSON/objects with units such
 * as "45 min" and "120 / week", read through mathjs), validation that reports every problem at
 * once, and the built-in scenarios. Explicit named re-exports only.
 *
 * @packageDocumentation
 */
export type { Channel } from "./types.js";
export type { Spread } from "./types.js";
export type { ChannelRule } from "./types.js";
export type { ChannelRules } from "./types.js";
export type { ChannelRulesInput } from "./channelRules.js";
export { CHANNEL_RULE_DEFAULTS } from "./channelRules.js";
export type { SpreadFamily } from "./types.js";
export { SPREAD_FAMILIES } from "./types.js";
export type { SpreadInput } from "./spreadFields.js";
export type { SpreadDistribution } from "./spreads.js";
export { spreadDistribution } from "./spreads.js";
export type { TeamRole } from "./types.js";
export type { TeamSpec } from "./types.js";
export type { StepSpec } from "./types.js";
export type { ScheduledRun } from "./types.js";
export type { ArrivalProfile } from "./types.js";
export type { ServiceSpec } from "./types.js";
export type { InternalClockSpec } from "./types.js";
export type { ClockStart } from "./types.js";
export { CLOCK_STARTS } from "./types.js";
export type { CitizenSpec } from "./types.js";
export type { MechanismSpec } from "./types.js";
export type { Scenario } from "./types.js";
export type { ScenarioEvent } from "./types.js";
export type { ScenarioEventInput } from "./events.js";
export { parseEventText } from "./events.js";
export { readDemandFactor } from "./events.js";
export { CHANNELS } from "./types.js";

export type { ScenarioInput } from "./schema.js";
export type { CitizensInput } from "./schema.js";
export type { MechanismsInput } from "./schema.js";
export type { ProfileInput } from "./schema.js";

export type { ScenarioIssue } from "./errors.js";
export { ScenarioError } from "./errors.js";

export { parseScenario } from "./parse.js";
export { parseScenarioText } from "./parse.js";
export { loadScenario } from "./load.js";
export { validateScenario } from "./validate.js";
export { builtinScenarios } from "./builtins.js";
export { builtinScenarioInput } from "./builtins.js";
export { scenarioYaml } from "./exportYaml.js";
export { scenarioToInput } from "./serialize.js";
export { scenarioJsonSchema } from "./jsonSchema.js";

export type { ReadQuantityOptions } from "./units.js";
export { parseDuration } from "./units.js";
export { parseRate } from "./units.js";
export { formatDuration } from "./units.js";
export { formatRate } from "./units.js";
export { parseHours } from "./hours.js";
export { formatHours } from "./hours.js";

export { CITIZEN_DEFAULTS } from "./defaults.js";
export { MECHANISM_DEFAULTS } from "./defaults.js";
export { PROFILE_DEFAULTS } from "./defaults.js";
export { RUN_DEFAULTS } from "./defaults.js";
export { SERVICE_DEFAULTS } from "./defaults.js";
export { CLOCK_DEFAULTS } from "./defaults.js";
