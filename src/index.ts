/**
 * helhet — the browser-safe core. Everything exported here runs in a browser or notebook:
 * no `node:` imports anywhere below this file.
 *
 * @packageDocumentation
 */
export {};
