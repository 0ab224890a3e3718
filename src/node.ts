/**
 * helhet/node — the Node-only parts (file system, worker threads), plus the whole core.
 *
 * @packageDocumentation
 */
export * from "./index.js";
export { readScenarioFile, readPolicyFile } from "./node/files.js";
