import { readFileSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

const version = JSON.parse(readFileSync("package.json", "utf8")).version as string;

/**
 * mathjs and d3-array are bundled into every output so that tree-shaking drops the unused
 * parts of mathjs (importing it whole costs about 0.9 s) and the CJS build does not have to
 * `require` the ESM-only d3-array. `npm run build` empties dist/ first, so nothing cleans here.
 */
const common: Options = {
  clean: false,
  sourcemap: true,
  target: "node20",
  treeshake: true,
  noExternal: ["mathjs", "d3-array"],
};

export default defineConfig([
  // the library: ESM + CJS with type declarations
  { ...common, entry: { index: "src/index.ts", node: "src/node.ts" }, format: ["esm", "cjs"], dts: true, shims: true, splitting: true },
  // the worker-thread entry of compareParallel, loaded by tinypool from dist/worker.js; ESM
  // only, since the CJS build (node.cjs) points its threads at this same file
  { ...common, entry: { worker: "src/node/worker.ts" }, format: ["esm"], dts: false },
  // the command: one ESM file with a shebang
  {
    ...common,
    entry: { cli: "src/cli/bin.ts" },
    format: ["esm"],
    dts: false,
    banner: { js: "#!/usr/bin/env node" },
    define: { __HELHET_VERSION__: JSON.stringify(version) },
  },
]);
