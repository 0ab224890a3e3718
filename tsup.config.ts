import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

const version = JSON.parse(readFileSync("package.json", "utf8")).version as string;

/**
 * mathjs and d3-array are bundled (they are devDependencies) so that tree-shaking drops the
 * unused parts of mathjs (importing it whole costs about 0.9 s) and the CJS build does not have
 * to `require` the ESM-only d3-array. No source maps in the package (they were 10.7 of its
 * 14.8 MB; debug from the sources with tsx) and no Node shims: the core entry and its chunk
 * import no Node built-in, so they bundle for the browser (test/browser/bundle.test.ts).
 * `npm run build` empties dist/ first, so nothing cleans here.
 */
const common: Options = {
  clean: false,
  sourcemap: false,
  shims: false,
  target: "node20",
  treeshake: true,
  noExternal: ["mathjs", "d3-array"],
  define: { __HELHET_VERSION__: JSON.stringify(version) },
};

export default defineConfig([
  // ESM: the library, its Node entry, the worker-thread entry of compareParallel (tinypool loads
  // dist/worker.js) and the command, sharing one chunk of the core
  {
    ...common,
    entry: { index: "src/index.ts", node: "src/node.ts", worker: "src/node/worker.ts", cli: "src/cli/bin.ts" },
    format: ["esm"],
    dts: { entry: { index: "src/index.ts", node: "src/node.ts" } },
    splitting: true,
    async onSuccess() {
      // the command gets its shebang here, not through `banner` (which would put it on every chunk)
      const cli = "dist/cli.js";
      writeFileSync(cli, `#!/usr/bin/env node\n${readFileSync(cli, "utf8")}`);
      chmodSync(cli, 0o755);
    },
  },
  // CJS: the library and its Node entry (their threads use the ESM dist/worker.js)
  { ...common, entry: { index: "src/index.ts", node: "src/node.ts" }, format: ["cjs"], dts: { entry: { index: "src/index.ts", node: "src/node.ts" } }, splitting: true },
]);
