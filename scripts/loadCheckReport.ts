/**
 * Writes the figure of docs/analysis.md ("Checked against the simulation") and docs/validation.md
 * (§1.5): the load analysis against the simulation with every failure mechanism off, over ten
 * seeds (test/analysis/loadCheck.ts). `npx tsx scripts/loadCheckReport.ts` prints the sentence;
 * `--write` writes it into both docs. test/long/loadCheck.test.ts checks that they show it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadCheckSentence } from "../test/analysis/loadCheck.js";

/** Seeds of the figure. */
export const LOAD_CHECK_SEEDS = 10;

const sentence = loadCheckSentence(LOAD_CHECK_SEEDS);
if (process.argv.includes("--write")) {
  for (const doc of ["analysis.md", "validation.md"]) {
    const path = join(import.meta.dirname, "..", "docs", doc);
    const text = readFileSync(path, "utf8");
    const pattern = /<!-- loadCheck:begin -->[\s\S]*?<!-- loadCheck:end -->/;
    if (!pattern.test(text)) throw new Error(`docs/${doc} has no <!-- loadCheck:begin --> … <!-- loadCheck:end --> region`);
    writeFileSync(path, text.replace(pattern, () => `<!-- loadCheck:begin -->${sentence}<!-- loadCheck:end -->`));
    console.log(`wrote docs/${doc}`);
  }
} else {
  console.log(sentence);
}
