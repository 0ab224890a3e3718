/**
 * Builds the playground: one self-contained HTML file, dist/playground/index.html, that runs
 * from a file:// URL or any static host with no network. esbuild bundles the worker
 * (playground/worker.ts: the model, the report and its charts) for the browser, the page
 * (playground/app.ts) embeds the worker's source and starts it from a Blob URL (a file://
 * page may not load a worker from a file), and both go inline into playground/index.html.
 *
 *   npx tsx scripts/buildPlayground.ts         build (run by `npm run build`)
 *   npx tsx scripts/buildPlayground.ts --sizes print the sizes as JSON
 */
import { build } from "esbuild";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Where the built page goes. */
export const PLAYGROUND_FILE = join(ROOT, "dist", "playground", "index.html");

/** The sizes of the built page, in bytes. */
export interface PlaygroundSizes {
  readonly htmlBytes: number;
  readonly gzipBytes: number;
  readonly workerBytes: number;
  readonly pageBytes: number;
}

async function bundle(entry: string, define: Record<string, string> = {}): Promise<string> {
  const out = await build({
    entryPoints: [join(ROOT, "playground", entry)],
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2022",
    minify: true,
    define: { "process.env.NODE_ENV": '"production"', ...define },
    write: false,
    logLevel: "silent",
    legalComments: "none",
  });
  return out.outputFiles[0]!.text;
}

/**
 * Builds the page and writes it (whole or not at all: a temporary file renamed into place).
 *
 * @param file - where to write it (default {@link PLAYGROUND_FILE})
 * @returns its sizes
 * @example
 * ```ts
 * const { gzipBytes } = await buildPlayground();
 * ```
 */
export async function buildPlayground(file = PLAYGROUND_FILE): Promise<PlaygroundSizes> {
  const worker = await bundle("worker.ts");
  const page = await bundle("app.ts", { __WORKER_SOURCE__: JSON.stringify(worker) });
  const template = readFileSync(join(ROOT, "playground", "index.html"), "utf8");
  // "</script" inside the inline script would end it: JSON.stringify keeps it, so escape the slash
  const inline = page.replace(/<\/(script)/gi, "<\\/$1");
  const html = template.replace("<!--APP-->", () => `<script>${inline}</script>`);
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, html);
  renameSync(tmp, file);
  return { htmlBytes: Buffer.byteLength(html), gzipBytes: gzipSync(html, { level: 9 }).length, workerBytes: Buffer.byteLength(worker), pageBytes: Buffer.byteLength(page) - Buffer.byteLength(JSON.stringify(worker)) };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sizes = await buildPlayground();
  if (process.argv.includes("--sizes")) console.log(JSON.stringify(sizes));
  else console.log(`wrote ${PLAYGROUND_FILE} (${Math.round(sizes.htmlBytes / 1024)} kB, ${Math.round(sizes.gzipBytes / 1024)} kB gzipped)`);
}
