/**
 * Prints the validation table of docs/engine.md and docs/validation.md: for each reference
 * model, the theoretical value and the 99% interval of 20 replication means, with the same
 * seeds and sample sizes as test/theory/queues.test.ts (which checks that the docs show it).
 * and the paragraph of docs/engine.md on the office-hours queue (test/theory/channelRules.test.ts).
 * `npx tsx scripts/theoryReport.ts` prints them; `--write` writes them into the docs.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { officeHoursParagraph } from "../test/theory/officeHours.js";
import { theoryTable } from "../test/theory/reference.js";

const table = theoryTable();
const paragraph = officeHoursParagraph();

/** Replaces the region `name` of a doc (between `<!-- name:begin -->` and `<!-- name:end -->`). */
function writeRegion(doc: string, name: string, content: string): void {
  const path = join(import.meta.dirname, "..", "docs", doc);
  const text = readFileSync(path, "utf8");
  const pattern = new RegExp(`<!-- ${name}:begin -->\\n[\\s\\S]*?\\n<!-- ${name}:end -->`);
  if (!pattern.test(text)) throw new Error(`docs/${doc} has no <!-- ${name}:begin --> … <!-- ${name}:end --> region`);
  writeFileSync(path, text.replace(pattern, () => `<!-- ${name}:begin -->\n${content}\n<!-- ${name}:end -->`));
  console.log(`wrote the ${name} region of docs/${doc}`);
}

if (process.argv.includes("--write")) {
  writeRegion("engine.md", "theory", table);
  writeRegion("validation.md", "theory", table);
  writeRegion("engine.md", "officeHours", paragraph);
} else {
  console.log(`${table}\n\n${paragraph}`);
}
