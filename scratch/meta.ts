import { build } from "esbuild";
import { BROWSER_PROGRAM } from "../scripts/packageFigures.js";
const out = await build({ stdin: { contents: BROWSER_PROGRAM, resolveDir: process.cwd(), loader: "js" }, alias: { helhet: process.cwd() + "/dist/index.js" }, bundle: true, platform: "browser", format: "esm", minify: true, write: false, metafile: true, logLevel: "silent" });
const ins = out.metafile!.outputs[Object.keys(out.metafile!.outputs)[0]!]!.inputs;
const byPkg = new Map<string, number>();
for (const [k, v] of Object.entries(ins)) { const m = k.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/); const key = m ? m[1]! : k; byPkg.set(key, (byPkg.get(key) ?? 0) + v.bytesInOutput); }
console.log([...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 12));
