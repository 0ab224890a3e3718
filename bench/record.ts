/**
 * What a benchmark prints, and, with `--write`, the same lines written into its region of
 * docs/performance.md (`<!-- bench-NAME:begin -->` … `<!-- bench-NAME:end -->`) under a line that
 * says when, on what and by which command they were measured. Timings depend on the machine and
 * its load, so no test can compare them with a rerun: test/benchRecords.test.ts checks that each
 * region is such a record (its heading, and lines of the benchmark's shape and arithmetic).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";

/** A benchmark's output: print each line; `finish` writes the record when asked (`--write`). */
export function benchOutput(name: "engine" | "model" | "compare" | "memory" | "profile") {
  const lines: string[] = [];
  const started = new Date();
  const load = loadavg()[0] ?? 0;
  return {
    line(value: object): void {
      const text = JSON.stringify(value);
      lines.push(text);
      console.log(text);
    },
    finish(): void {
      if (!process.argv.includes("--write")) return;
      const stamp = started.toISOString().slice(0, 16).replace("T", " ");
      const heading = `Measured ${stamp} UTC on Node ${process.version}, ${availableParallelism()} processors, load average ${load.toFixed(2)} at the start, by \`npm run bench:${name} -- --write\`:`;
      const content = [heading, "", "```text", ...lines, "```"].join("\n");
      const path = join(import.meta.dirname, "..", "docs", "performance.md");
      const text = readFileSync(path, "utf8");
      const pattern = new RegExp(`<!-- bench-${name}:begin -->\\n[\\s\\S]*?\\n?<!-- bench-${name}:end -->`);
      if (!pattern.test(text)) throw new Error(`docs/performance.md has no <!-- bench-${name}:begin --> … <!-- bench-${name}:end --> region`);
      writeFileSync(path, text.replace(pattern, () => `<!-- bench-${name}:begin -->\n${content}\n<!-- bench-${name}:end -->`));
      console.error(`wrote the bench-${name} region of docs/performance.md`);
    },
  };
}
