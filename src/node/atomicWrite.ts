/**
 * Writing output files whole or not at all: write to a temporary file in the same folder, then
 * rename it over the target (a rename within one file system is atomic). An interrupted run
 * leaves no half-written file.
 *
 * @packageDocumentation
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Writes `text` to `path` atomically.
 *
 * @param path - the target file
 * @param text - the whole contents
 * @throws Error when the folder does not exist or is not writable (nothing is left behind)
 * @example
 * ```ts
 * writeFileAtomic("out/comparison.json", JSON.stringify(comparison));
 * ```
 */
export function writeFileAtomic(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.floor(performance.now() * 1000)}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
