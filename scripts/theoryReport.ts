/**
 * Prints the validation table of docs/engine.md and docs/validation.md: for each reference
 * model, the theoretical value and the 99% interval of 20 replication means, with the same
 * seeds and sample sizes as test/theory/queues.test.ts (which checks that the docs show it).
 * `npx tsx scripts/theoryReport.ts` prints it; `--write` writes it into both docs.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { theoryTable } from "../test/theory/reference.js";

const table = theoryTable();
if (process.argv.includes("--write")) {
  for (const doc of ["engine.md", "validation.md"]) {
    const path = join(import.meta.dirname, "..", "docs", doc);
    const text = readFileSync(path, "utf8");
    const next = text.replace(/<!-- theory:begin -->\n[\s\S]*?\n<!-- theory:end -->/, `<!-- theory:begin -->\n${table}\n<!-- theory:end -->`);
    if (next === text && !text.includes(table)) throw new Error(`docs/${doc} has no <!-- theory:begin --> … <!-- theory:end --> region`);
    writeFileSync(path, next);
    console.log(`wrote docs/${doc}`);
  }
} else {
  console.log(table);
}
