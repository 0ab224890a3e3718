/**
 * The package's size figures in docs/performance.md ("The package" region), made from the
 * built package: what `npm pack` would publish, what an install of it weighs with its runtime
 * dependencies, and the browser bundle of a small program that imports the core.
 *
 *   npm run build && npx tsx scripts/packageFigures.ts            # print the block
 *   npm run build && npx tsx scripts/packageFigures.ts --write    # and replace the region
 *
 * test/package.test.ts checks that the region equals the block and that each figure keeps
 * within its budget.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { region, replaceRegion } from "./headlines.js";
import { PLAYGROUND_FILE } from "./buildPlayground.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * A small program for the browser: a seeded comparison of the presets on `teaching`, printed
 * as JSON (test/browser/bundle.test.ts runs it in Chromium and in Node and compares).
 */
export const BROWSER_PROGRAM = `
import { compare, loadScenario, policies } from "helhet";
const c = compare(loadScenario("teaching"), [policies.minutes, policies.whole], { replications: 2, seed: 7, horizon: "6 weeks", warmup: "1 week" });
globalThis.helhetResult = JSON.stringify(c);
`;

/** Budgets the test holds the figures to (engineering choices, not evidence). */
export const BUDGETS = {
  /** Half of the 14.8 MB the package unpacked to before source maps left it (issue 15). */
  unpackedBytes: 7.4e6,
  /** The browser bundle of {@link BROWSER_PROGRAM}, minified and gzipped. */
  browserGzipBytes: 400_000,
  /** The playground page with everything inline (docs/playground.md), gzipped. */
  playgroundGzipBytes: 800 * 1024,
} as const;

/** The figures. */
export interface PackageFigures {
  readonly files: number;
  readonly tarballBytes: number;
  readonly unpackedBytes: number;
  readonly dependencies: number;
  readonly installBytes: number;
  readonly browserMinifiedBytes: number;
  readonly browserGzipBytes: number;
  /** The built playground page (dist/playground/index.html), as built now. */
  readonly playgroundBytes: number;
  readonly playgroundGzipBytes: number;
}

/** The browser bundle of {@link BROWSER_PROGRAM} (minified, ESM, browser platform). */
export async function browserBundle(minify = true): Promise<string> {
  const out = await build({
    stdin: { contents: BROWSER_PROGRAM, resolveDir: ROOT, loader: "js" },
    alias: { helhet: join(ROOT, "dist", "index.js") },
    bundle: true,
    platform: "browser",
    format: "esm",
    minify,
    write: false,
    logLevel: "silent",
  });
  return out.outputFiles[0]!.text;
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules") continue; // nested packages are counted as packages of their own
    const p = join(dir, e.name);
    if (e.isDirectory()) total += dirBytes(p);
    else if (e.isFile()) total += statSync(p).size;
  }
  return total;
}

/** Measures the built package (run `npm run build` first). */
export async function packageFigures(): Promise<PackageFigures> {
  const [pack] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })) as [
    { size: number; unpackedSize: number; entryCount: number },
  ];
  const deps = execFileSync("npm", ["ls", "--omit=dev", "--all", "--parseable"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && l !== ROOT.replace(/\/$/, ""));
  const unique = [...new Set(deps)];
  const depBytes = unique.reduce((a, d) => a + dirBytes(d), 0);
  const minified = await browserBundle();
  const playground = readFileSync(PLAYGROUND_FILE);
  return {
    files: pack.entryCount,
    tarballBytes: pack.size,
    unpackedBytes: pack.unpackedSize,
    dependencies: unique.length,
    installBytes: pack.unpackedSize + depBytes,
    browserMinifiedBytes: Buffer.byteLength(minified),
    browserGzipBytes: gzipSync(minified, { level: 9 }).length,
    playgroundBytes: playground.length,
    playgroundGzipBytes: gzipSync(playground, { level: 9 }).length,
  };
}

const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
const kb = (b: number) => `${Math.round(b / 1e3)} kB`;

/** The markdown block of the figures (sizes rounded so that small build noise does not show). */
export function packageBlock(f: PackageFigures): string {
  return [
    "| what | size | budget |",
    "|---|---|---|",
    `| the package as published (\`npm pack\`, ${f.files} files) | ${mb(f.tarballBytes)} packed, ${mb(f.unpackedBytes)} unpacked | ${mb(BUDGETS.unpackedBytes)} unpacked |`,
    `| an install: the package and its ${f.dependencies} runtime dependencies | ${mb(f.installBytes)} | |`,
    `| the browser bundle of a program calling \`compare\` (esbuild, minified) | ${kb(f.browserMinifiedBytes)}, ${kb(f.browserGzipBytes)} gzipped | ${kb(BUDGETS.browserGzipBytes)} gzipped |`,
    `| the playground page, everything inline (\`dist/playground/index.html\`) | ${kb(f.playgroundBytes)}, ${kb(f.playgroundGzipBytes)} gzipped | ${kb(BUDGETS.playgroundGzipBytes)} gzipped |`,
  ].join("\n");
}

/** The docs file holding the region. */
export const DOC = "docs/performance.md";

async function main(): Promise<void> {
  const block = packageBlock(await packageFigures());
  console.log(block);
  if (process.argv.includes("--write")) {
    const file = join(ROOT, DOC);
    writeFileSync(file, replaceRegion(readFileSync(file, "utf8"), "package", block));
  } else if (process.argv.includes("--check") && region(readFileSync(join(ROOT, DOC), "utf8"), "package") !== block) {
    console.error(`${DOC}: the package region differs; run npx tsx scripts/packageFigures.ts --write`);
    process.exit(1);
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
