/**
 * The fenced code blocks of README.md and docs/: every `ts` and `js` block is type-checked
 * against the package's API (as the TSDoc examples are), and blocks whose info string says
 * `run` are executed by test/docBlocks.test.ts — TypeScript with tsx (imports of `helhet` and
 * `helhet/node` read the sources), shell with `helhet` being the built command — so a
 * documented call or command that no longer works fails the tests.
 *
 * Info strings: ` ```ts ` checked; ` ```ts run ` checked and run; ` ```ts no-check ` a fragment
 * (shown, not checked); ` ```sh run ` run with bash (`set -e`) in a scratch folder where
 * `examples/` is the repository's.
 *
 *   npx tsx scripts/docBlocks.ts   # type-check every block and list those that run
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkSnippets } from "./checkExamples.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Generated pages whose code comes from elsewhere (api.md: the TSDoc examples, checked as such). */
const GENERATED = new Set(["docs/api.md", "docs/scenario-reference.md"]);

/** A fenced code block of a doc. */
export interface DocBlock {
  /** "file:line" of the opening fence. */
  readonly where: string;
  readonly lang: string;
  readonly flags: readonly string[];
  readonly code: string;
}

/** Every fenced block of README.md and docs/*.md (but the generated pages). */
export function docBlocks(): DocBlock[] {
  const files = ["README.md", ...readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)].filter((f) => !GENERATED.has(f));
  const out: DocBlock[] = [];
  for (const file of files) {
    const lines = readFileSync(join(ROOT, file), "utf8").split("\n");
    for (let i = 0; i < lines.length; i++) {
      const open = /^```(\S*)\s*(.*)$/.exec(lines[i] as string);
      if (!open) continue;
      const start = i;
      const body: string[] = [];
      for (i++; i < lines.length && !/^```\s*$/.test(lines[i] as string); i++) body.push(lines[i] as string);
      out.push({ where: `${file}:${start + 1}`, lang: open[1] ?? "", flags: (open[2] ?? "").split(/\s+/).filter(Boolean), code: body.join("\n") });
    }
  }
  return out;
}

/** The blocks that are type-checked: ts and js, but fragments (`no-check`). */
export function checkedBlocks(): DocBlock[] {
  return docBlocks().filter((b) => (b.lang === "ts" || b.lang === "js") && !b.flags.includes("no-check"));
}

/** Type-checks the ts and js blocks; returns the problems ("file:line: message"). */
export function checkDocBlocks(): string[] {
  return checkSnippets(checkedBlocks().map((b) => ({ where: b.where, code: b.code })));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const problems = checkDocBlocks();
  console.log(`${checkedBlocks().length} blocks checked, ${problems.length} problems; run: ${docBlocks().filter((b) => b.flags.includes("run")).map((b) => b.where).join(", ")}`);
  for (const p of problems) console.log(p);
}
