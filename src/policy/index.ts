/**
 * Policies: plain data, two presets.
 *
 * @packageDocumentation
 */
export type { Policy } from "./types.js";
export type { FrontOfficeChoice } from "./types.js";
export type { HandlingTimeChoice } from "./types.js";
export type { BatchingChoice } from "./types.js";
export { policies } from "./presets.js";
export { minutesPolicy } from "./presets.js";
export { wholePolicy } from "./presets.js";
export { parsePolicy } from "./parse.js";
export { parsePolicyText } from "./parse.js";
export { validatePolicy } from "./validate.js";
export type { PolicyInput } from "./parse.js";
