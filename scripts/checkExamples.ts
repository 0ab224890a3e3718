/**
 * Type-checks the @example of every public export (TSDoc) against the package's API: each
 * example becomes a small module that imports everything from src/index.ts; names an example
 * uses without defining (placeholders such as `comparison`) are declared as `any` first, so
 * what is checked is that every call, property and argument matches the real API.
 * `npx tsx scripts/checkExamples.ts` prints the problems; test/tsdocExamples.test.ts runs it.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = fileURLToPath(new URL("..", import.meta.url));
const src = join(root, "src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : n.endsWith(".ts") ? [p] : [];
  });
}

function exportedNames(file: string, kind: "value" | "type"): string[] {
  const text = readFileSync(file, "utf8");
  const re = kind === "type" ? /export type \{([^}]*)\}/g : /export \{([^}]*)\}/g;
  return [...text.matchAll(re)].flatMap((m) => (m[1] as string).split(",").map((x) => x.trim()).filter(Boolean));
}

/** Whether the layer's index re-exports `name` from this very file (not a namesake elsewhere). */
function reexported(path: string, name: string): boolean {
  const dir = join(path, "..");
  if (dir === src) return true;
  let index: string;
  try {
    index = readFileSync(join(dir, "index.ts"), "utf8");
  } catch {
    return true; // src/node: exported through src/node.ts
  }
  const file = path.slice(dir.length + 1).replace(/\.ts$/, ".js");
  return new RegExp(`export (type )?\\{[^}]*\\b${name}\\b[^}]*\\} from "\\./${file.replace(".", "\\.")}"`).test(index);
}

/** Moves an example's imports out of the async wrapper: the package's own are provided; others become `any`. */
function splitImports(code: string): { imports: string; body: string } {
  const imports: string[] = [];
  const body = code.split("\n").filter((line) => {
    const m = /^\s*import\s+(?:\*\s+as\s+(\w+)|(\w+)|\{([^}]*)\})\s+from\s+["']([^"']+)["'];?\s*$/.exec(line);
    if (!m) return true;
    if (!/^helhet(\/node)?$/.test(m[4] as string)) {
      const names = m[1] ?? m[2] ?? (m[3] as string).split(",").map((x) => x.trim().split(/\s+as\s+/).pop()).join(", ");
      for (const n of String(names).split(",").map((x) => x.trim()).filter(Boolean)) imports.push(`declare const ${n}: any;`);
    }
    return false;
  });
  return { imports: imports.join("\n"), body: body.join("\n") };
}

/** The @example code of every public export (src/index.ts and src/node.ts), with where it is. */
export function examples(): { where: string; code: string }[] {
  const core = join(src, "index.ts");
  const nodeEntry = join(src, "node.ts");
  const nodeNames = [...readFileSync(nodeEntry, "utf8").matchAll(/export \{([^}]*)\} from/g)].flatMap((m) => (m[1] as string).split(",").map((x) => x.trim()));
  const publicNames = new Set([...exportedNames(core, "value"), ...exportedNames(core, "type"), ...nodeNames]);
  const out: { where: string; code: string }[] = [];
  for (const path of files(src)) {
    const text = readFileSync(path, "utf8");
    const sf = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
    for (const st of sf.statements) {
      const mods = ts.canHaveModifiers(st) ? ts.getModifiers(st) : undefined;
      if (!mods?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
      const name = ts.isVariableStatement(st) ? st.declarationList.declarations[0]?.name.getText(sf) : (st as ts.DeclarationStatement).name?.getText(sf);
      if (name === undefined || !publicNames.has(name) || !reexported(path, name)) continue;
      const doc = (ts.getLeadingCommentRanges(text, st.getFullStart()) ?? []).map((r) => text.slice(r.pos, r.end)).filter((c) => c.startsWith("/**")).join("\n");
      const m = /@example\s*\n([\s\S]*?)(?:\n\s*\*\s*@|\*\/)/.exec(doc);
      if (!m) continue;
      let body = (m[1] as string).split("\n").map((l) => l.replace(/^\s*\* ?/, "")).join("\n");
      body = body.replace(/```ts\n?|```\n?/g, "").replace(/\/\/=>.*$/gm, "");
      if (body.trim() === "" || /^\s*\/\/ internal/.test(body)) continue;
      const line = text.slice(0, st.getStart(sf)).split("\n").length;
      out.push({ where: `${relative(root, path)}:${line} (${name})`, code: body });
    }
  }
  return out;
}

/** Every public value and type of the package (helhet/node is a superset of the core). */
function prelude(): string {
  const nodeEntry = join(src, "node.ts");
  const core = join(src, "index.ts");
  const values = [...exportedNames(core, "value"), ...[...readFileSync(nodeEntry, "utf8").matchAll(/export \{([^}]*)\} from/g)].flatMap((m) => (m[1] as string).split(",").map((x) => x.trim()))];
  const types = exportedNames(core, "type");
  return `import { ${[...new Set(values)].join(", ")} } from "${nodeEntry.replace(/\.ts$/, ".js")}";\nimport type { ${types.join(", ")} } from "${core.replace(/\.ts$/, ".js")}";\n`;
}

/** Type-checks every example; returns the problems ("file:line: message"). */
export function checkExamples(): string[] {
  return checkSnippets(examples());
}

/**
 * Type-checks snippets of code against the package's API, as the examples are (docs' code
 * blocks too: scripts/docBlocks.ts); returns the problems ("where: message").
 */
export function checkSnippets(list: readonly { where: string; code: string }[]): string[] {
  const head = prelude();
  const problems: string[] = [];
  const compile = (sources: Map<string, string>) => {
    // placeholders are `any`, so callbacks over them would be implicit any: allowed here
    const options: ts.CompilerOptions = { strict: true, noImplicitAny: false, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, skipLibCheck: true, types: ["node"], allowJs: false };
    const host = ts.createCompilerHost(options);
    const read = host.readFile.bind(host);
    host.readFile = (f) => sources.get(f) ?? read(f);
    const exists = host.fileExists.bind(host);
    host.fileExists = (f) => sources.has(f) || exists(f);
    const program = ts.createProgram([...sources.keys()], options, host);
    return ts.getPreEmitDiagnostics(program).filter((d) => d.file !== undefined && sources.has(d.file.fileName));
  };
  const name = (k: number) => join(root, `.tmp-example-${k}.ts`);
  const parts = list.map((e) => splitImports(e.code));
  const first = new Map(list.map((_, k) => [name(k), `${head}${parts[k]!.imports}\nexport {};\n(async () => {\n${parts[k]!.body}\n})();\n`]));
  // pass 1: find placeholders (names an example uses without defining)
  const missing = new Map<string, Set<string>>();
  for (const d of compile(first)) {
    if (d.code === 2304 || d.code === 2552) {
      const m = /'([^']+)'/.exec(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      if (m) (missing.get(d.file!.fileName) ?? missing.set(d.file!.fileName, new Set()).get(d.file!.fileName)!).add(m[1] as string);
    }
  }
  const second = new Map(list.map((e, k) => {
    const declared = [...(missing.get(name(k)) ?? [])].map((n) => `declare const ${n}: any;`).join("\n");
    return [name(k), `${head}${parts[k]!.imports}\n${declared}\nexport {};\n(async () => {\n${parts[k]!.body}\n})();\n`];
  }));
  for (const d of compile(second)) {
    const k = Number(/\.tmp-example-(\d+)\.ts$/.exec(d.file!.fileName)?.[1]);
    problems.push(`${list[k]?.where}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
  }
  return problems;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const p = checkExamples();
  console.log(`${examples().length} examples, ${p.length} problems`);
  for (const line of p) console.log(line);
}
