import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layer order of design.md: each folder under src/ imports only folders before it in this
 * list (and `_internal/`). `index.ts` and `node.ts` at the top may import anything.
 */
const LAYERS = [
  "engine",
  "stats",
  "random",
  "scenario",
  "policy",
  "analysis",
  "model",
  "metrics",
  "experiment",
  "journey",
  "report",
  "node",
  "cli",
];

const SRC = join(__dirname, "..", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

function importsOf(text: string): string[] {
  const found: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
  for (const m of text.matchAll(re)) found.push((m[1] ?? m[2]) as string);
  return found;
}

const files = sourceFiles(SRC).map((path) => {
  const rel = relative(SRC, path).split(sep);
  return { path, rel: rel.join("/"), layer: rel.length > 1 ? (rel[0] as string) : "", text: readFileSync(path, "utf8") };
});

describe("architecture", () => {
  it("puts every source folder in the layer list", () => {
    for (const f of files) {
      if (f.layer === "" || f.layer === "_internal") continue;
      expect(LAYERS, `unknown layer folder src/${f.layer}`).toContain(f.layer);
    }
  });

  it("imports downward only", () => {
    const violations: string[] = [];
    for (const f of files) {
      if (f.layer === "" || f.layer === "_internal") continue;
      const own = LAYERS.indexOf(f.layer);
      for (const spec of importsOf(f.text)) {
        if (!spec.startsWith(".")) continue;
        const target = join(f.path, "..", spec);
        const targetRel = relative(SRC, target).split(sep);
        const targetLayer = targetRel.length > 1 ? (targetRel[0] as string) : "";
        if (targetLayer === f.layer || targetLayer === "_internal") continue;
        const idx = LAYERS.indexOf(targetLayer);
        if (idx < 0 || idx >= own) violations.push(`${f.rel} imports ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("keeps the engine free of third-party and domain imports", () => {
    for (const f of files.filter((x) => x.layer === "engine")) {
      for (const spec of importsOf(f.text)) expect(spec.startsWith("./"), `${f.rel}: ${spec}`).toBe(true);
      expect(f.text, f.rel).not.toMatch(/citizen|municipal|\bneed\b/i);
    }
  });

  it("keeps node: imports out of the browser-safe core", () => {
    for (const f of files) {
      if (f.layer === "cli" || f.layer === "node" || f.rel === "node.ts") continue;
      for (const spec of importsOf(f.text)) expect(spec.startsWith("node:"), `${f.rel}: ${spec}`).toBe(false);
    }
  });

  it("has no hidden global state: no Math.random, Date.now or module-level let/var", () => {
    const bad: string[] = [];
    for (const f of files) {
      if (f.layer === "cli") continue;
      if (/Math\.random\(|Date\.now\(|new Date\(\)/.test(f.text)) bad.push(`${f.rel}: clock or Math.random`);
      if (/^(?:export\s+)?(?:let|var)\s/m.test(f.text)) bad.push(`${f.rel}: module-level let/var`);
    }
    expect(bad).toEqual([]);
  });

  it("imports mathjs only through create() with chosen factories", () => {
    for (const f of files) {
      for (const m of f.text.matchAll(/import\s+([^;]*?)\s+from\s+["']mathjs["']/g)) {
        const what = m[1] as string;
        expect(what, `${f.rel} imports ${what} from mathjs`).toMatch(/^\{[^}]*\}$/);
        const names = what.replace(/[{}\s]/g, "").split(",").filter(Boolean);
        for (const n of names) {
          expect(n === "create" || n.endsWith("Dependencies") || n.startsWith("type"), `${f.rel}: ${n}`).toBe(true);
        }
      }
    }
  });
});
