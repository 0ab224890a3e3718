/**
 * Names the source function and file of a line of the built bundle, for bench:lines. The
 * profiler names a sample by the function V8 ran, which after inlining is often a caller (the
 * event calendar's sift shows up as `run`, a lognormal draw as `arise`); the line itself is
 * exact. This parses the bundle with the TypeScript compiler's parser and maps each line to the
 * innermost function around it (`Class.method`, a function, or the property or variable an
 * arrow function is assigned to), and to the source file whose `// src/…` banner (esbuild
 * writes one before each module) comes last before it.
 */
import { readFileSync } from "node:fs";
import ts from "typescript";

/** Where a bundle line comes from. */
export interface LineSource {
  /** The source file, such as `src/engine/eventCalendar.ts`, or "" outside any module. */
  readonly file: string;
  /** The innermost named function around the line, or "(top level)". */
  readonly fn: string;
}

interface Span {
  readonly from: number;
  readonly to: number;
  readonly name: string;
}

/** The name of a function-like node, with its class for a method; null for one without a name. */
function nameOf(node: ts.Node, sf: ts.SourceFile): string | null {
  const text = (n: ts.Node | undefined): string | null => (n === undefined ? null : n.getText(sf));
  const classOf = (n: ts.Node): string => {
    const c = n.parent;
    if (!ts.isClassDeclaration(c) && !ts.isClassExpression(c)) return "";
    if (c.name !== undefined) return `${c.name.text}.`;
    // esbuild writes `var Team = class { … }`
    return ts.isVariableDeclaration(c.parent) ? `${c.parent.name.getText(sf)}.` : "";
  };
  if (ts.isFunctionDeclaration(node)) return text(node.name);
  if (ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) return classOf(node) + text(node.name);
  if (ts.isConstructorDeclaration(node)) return `${classOf(node)}constructor`;
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    if (ts.isFunctionExpression(node) && node.name !== undefined) return node.name.text;
    const p = node.parent;
    if (ts.isVariableDeclaration(p)) return text(p.name);
    if (ts.isPropertyDeclaration(p)) return classOf(p) + text(p.name);
    if (ts.isPropertyAssignment(p)) return text(p.name);
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) return text(p.left)?.replace(/^this\./, "") ?? null;
  }
  return null;
}

/**
 * Maps every line of a bundle file to its source file and function.
 *
 * @param path - a file of dist/
 * @returns a function from a 1-based line number to its source
 */
export function bundleLines(path: string): (line: number) => LineSource {
  const text = readFileSync(path, "utf8");
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const spans: Span[] = [];
  const visit = (node: ts.Node): void => {
    const name = ts.isFunctionLike(node) ? nameOf(node, sf) : null;
    if (name !== null) spans.push({ from: lineOf(node.getStart(sf)), to: lineOf(node.end), name });
    ts.forEachChild(node, visit);
  };
  visit(sf);
  const lines = text.split("\n");
  const files: string[] = [];
  let file = "";
  lines.forEach((l, i) => {
    const m = /^\/\/ (src\/\S+\.ts)$/.exec(l);
    if (m) file = m[1] as string;
    files[i + 1] = file;
  });
  // bench:lines asks for a line twice (its line record, then the sum by function): once is enough
  const known = new Map<number, LineSource>();
  return (line) => {
    const seen = known.get(line);
    if (seen !== undefined) return seen;
    let best: Span | undefined;
    for (const s of spans) if (s.from <= line && line <= s.to && (best === undefined || s.to - s.from < best.to - best.from)) best = s;
    const source = { file: files[line] ?? "", fn: best?.name ?? "(top level)" };
    known.set(line, source);
    return source;
  };
}
