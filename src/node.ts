/**
 * helhet/node — the Node-only parts (file system, worker threads). Re-exports the core.
 *
 * @packageDocumentation
 */
export * from "./index.js";
