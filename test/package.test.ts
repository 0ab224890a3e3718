import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { publint } from "publint";
import { describe, expect, it } from "vitest";
import { BUDGETS, DOC, packageBlock, packageFigures, type PackageFigures } from "../scripts/packageFigures.js";
import { region } from "../scripts/headlines.js";

/**
 * The package as published (issue "a lean package"): publint and arethetypeswrong find no
 * problem (both offline, from devDependencies), a LICENSE is shipped, the runtime dependencies
 * are exactly the packages that dist imports, the sizes keep within their budgets, and
 * docs/performance.md shows the sizes of this build. Needs the built package (`npm install`
 * builds it).
 */
const root = join(__dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };

describe("the published package", () => {
  let figures: PackageFigures;

  it("passes publint", async () => {
    // on a tarball packed without the prepare script: packing through publint would rebuild dist
    // while other test files use it
    const dir = mkdtempSync(join(tmpdir(), "helhet-publint-"));
    try {
      const [packed] = JSON.parse(execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", dir], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })) as [{ filename: string }];
      const bytes = readFileSync(join(dir, packed.filename));
      const { messages } = await publint({ level: "warning", pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) } });
      expect(messages).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("passes arethetypeswrong under every module resolution (node10, node16 from CJS and ESM, bundler)", () => {
    // pack without the prepare script (attw --pack would rebuild), then check the tarball
    const dir = mkdtempSync(join(tmpdir(), "helhet-pack-"));
    const [packed] = JSON.parse(execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", dir], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })) as [{ filename: string }];
    const out = execFileSync(join(root, "node_modules", ".bin", "attw"), [join(dir, packed.filename), "--format", "json"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    rmSync(dir, { recursive: true, force: true });
    const report = JSON.parse(out) as { analysis: { problems: unknown[]; entrypoints: Record<string, unknown> } };
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual([".", "./node", "./package.json"]);
    expect(report.analysis.problems).toEqual([]);
  }, 300_000);

  it("ships a LICENSE, the examples and no source maps", () => {
    const [pack] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })) as [{ files: { path: string }[] }];
    const paths = pack.files.map((f) => f.path);
    expect(paths).toContain("LICENSE");
    expect(paths).toContain("examples/scenarios/small-town.yaml");
    expect(paths).toContain("node/package.json");
    expect(paths.filter((p) => p.endsWith(".map"))).toEqual([]);
  });

  it("depends on exactly the packages that dist imports at run time (a bundled library is not also installed)", () => {
    const imported = new Set<string>();
    for (const f of readdirSync(join(root, "dist")).filter((f) => /\.(c?js)$/.test(f))) {
      const text = readFileSync(join(root, "dist", f), "utf8");
      const statements = /^import\s[^;]*?from\s*["']([^"']+)["']|^import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)|\brequire\(\s*["']([^"']+)["']\s*\)/gm;
      for (const m of text.matchAll(statements)) {
        const spec = (m[1] ?? m[2] ?? m[3] ?? m[4]) as string;
        if (spec.startsWith(".")) continue;
        if (spec.startsWith("node:") || builtinModules.includes(spec)) continue;
        imported.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : (spec.split("/")[0] as string));
      }
    }
    expect([...imported].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });

  it("keeps within its size budgets, and docs/performance.md shows this build's sizes", async () => {
    figures = await packageFigures();
    expect(figures.unpackedBytes).toBeLessThanOrEqual(BUDGETS.unpackedBytes);
    expect(figures.browserGzipBytes).toBeLessThanOrEqual(BUDGETS.browserGzipBytes);
    expect(figures.playgroundGzipBytes).toBeLessThanOrEqual(BUDGETS.playgroundGzipBytes);
    expect(region(readFileSync(join(root, DOC), "utf8"), "package"), "run: npx tsx scripts/packageFigures.ts --write").toBe(packageBlock(figures));
  }, 120_000);
});
