import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Every exported declaration under src/ has TSDoc; the public ones (exported from src/index.ts)
 * that are functions, classes or constants also have an @example.
 */
const SRC = join(__dirname, "..", "src");
const PUBLIC = new Set(
  [...readFileSync(join(SRC, "index.ts"), "utf8").matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((m) =>
    (m[1] as string).split(",").map((n) => n.trim()).filter(Boolean),
  ),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

function isExported(node: ts.Node): boolean {
  const mods = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return mods?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
}

function docOf(node: ts.Node, text: string): string {
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  return ranges.map((r) => text.slice(r.pos, r.end)).filter((c) => c.startsWith("/**")).join("\n");
}

describe("TSDoc", () => {
  const problems: string[] = [];
  for (const path of sourceFiles(SRC)) {
    if (path.includes("_internal")) continue;
    const text = readFileSync(path, "utf8");
    const file = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
    const rel = relative(SRC, path);
    for (const st of file.statements) {
      if (!isExported(st)) continue;
      const needsExample =
        ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isVariableStatement(st);
      const isDecl = needsExample || ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isEnumDeclaration(st);
      if (!isDecl) continue;
      const name = ts.isVariableStatement(st)
        ? st.declarationList.declarations.map((d) => d.name.getText(file)).join(",")
        : ((st as ts.DeclarationStatement).name?.getText(file) ?? "?");
      const doc = docOf(st, text);
      if (doc === "") problems.push(`${rel}: ${name} has no TSDoc`);
      else if (needsExample && PUBLIC.has(name) && !/@example/.test(doc) && !isSimpleConstant(st)) {
        problems.push(`${rel}: ${name} has no @example`);
      }
    }
  }

  it("documents every export, with an example for functions, classes and values", () => {
    expect(problems).toEqual([]);
  });
});

/** Plain numeric or string constants (like MINUTES_PER_WEEK) need no example. */
function isSimpleConstant(st: ts.Statement): boolean {
  if (!ts.isVariableStatement(st)) return false;
  return st.declarationList.declarations.every(
    (d) => d.initializer !== undefined && (ts.isNumericLiteral(d.initializer) || ts.isStringLiteral(d.initializer) || ts.isBinaryExpression(d.initializer)),
  );
}
