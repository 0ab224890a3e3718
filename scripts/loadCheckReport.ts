/**
 * Writes the figures of docs/analysis.md ("Checked against the simulation", and failed work under
 * "Differences from the simulation") and docs/validation.md (§1.5): the load analysis against
 * the simulation with every failure mechanism off, over ten seeds, and with failed work (M8)
 * alone on, over 1,000 weeks (test/analysis/loadCheck.ts). `npx tsx scripts/loadCheckReport.ts` prints the sentence;
 * `--write` writes it into both docs. test/long/loadCheck.test.ts checks that they show it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadCheckSentence, reworkSentences } from "../test/analysis/loadCheck.js";

/** Seeds of the figure. */
export const LOAD_CHECK_SEEDS = 10;

/** Replaces an inline region (`<!-- name:begin -->…<!-- name:end -->`) of a doc. */
function writeInline(doc: string, name: string, content: string): void {
  const path = join(import.meta.dirname, "..", "docs", doc);
  const text = readFileSync(path, "utf8");
  const pattern = new RegExp(`<!-- ${name}:begin -->[\\s\\S]*?<!-- ${name}:end -->`);
  if (!pattern.test(text)) throw new Error(`docs/${doc} has no <!-- ${name}:begin --> … <!-- ${name}:end --> region`);
  writeFileSync(path, text.replace(pattern, () => `<!-- ${name}:begin -->${content}<!-- ${name}:end -->`));
  console.log(`wrote the ${name} region of docs/${doc}`);
}

const sentence = loadCheckSentence(LOAD_CHECK_SEEDS);
const rework = reworkSentences();
if (process.argv.includes("--write")) {
  for (const doc of ["analysis.md", "validation.md"]) writeInline(doc, "loadCheck", sentence);
  writeInline("analysis.md", "rework", rework);
} else {
  console.log(`${sentence}\n\n${rework}`);
}
