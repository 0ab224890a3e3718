import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const version = JSON.parse(readFileSync("package.json", "utf8")).version as string;

/**
 * Two outputs (ESM + CJS) with type declarations. mathjs and d3-array are bundled so that
 * tree-shaking drops the unused parts of mathjs (importing it whole costs about 0.9 s) and
 * so that the CJS build does not have to `require` the ESM-only d3-array.
 */
export default defineConfig([
  {
  entry: { index: "src/index.ts", node: "src/node.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: false,
  sourcemap: true,
  shims: true,
  target: "node20",
  splitting: true,
  treeshake: true,
  noExternal: ["mathjs", "d3-array"],
  },
  {
    // the worker-thread entry of compareParallel, loaded by tinypool from dist/worker.js; ESM
    // only, since the CJS build (node.cjs) points its threads at this same file
    entry: { worker: "src/node/worker.ts" },
    format: ["esm"],
    dts: false,
    clean: false,
    sourcemap: true,
    target: "node20",
    treeshake: true,
    noExternal: ["mathjs", "d3-array"],
  },
  {
    // the command: one ESM file with a shebang
    entry: { cli: "src/cli/bin.ts" },
    format: ["esm"],
    dts: false,
    clean: false,
    sourcemap: true,
    target: "node20",
    treeshake: true,
    noExternal: ["mathjs", "d3-array"],
    banner: { js: "#!/usr/bin/env node" },
    define: { __HELHET_VERSION__: JSON.stringify(version) },
  },
]);
