import { existsSync } from "node:fs";
import { join } from "node:path";

/** The `helhet/node` entry's type, from the sources. */
export type NodeEntry = typeof import("../../src/node.js");

/** The repository's root. */
export const ROOT = join(__dirname, "..", "..");

/**
 * The built package through its own exports map, as a user imports it, so that worker threads
 * run dist/worker.js (from the sources the parallel functions run in the calling thread).
 * Fails with what to do when the package is not built (`npm test` builds it first).
 */
export async function importBuilt(): Promise<NodeEntry> {
  if (!existsSync(join(ROOT, "dist", "worker.js"))) throw new Error("dist/worker.js is missing: run `npm run build` first (npm test does)");
  const specifier = "helhet/node";
  return (await import(specifier)) as NodeEntry;
}
