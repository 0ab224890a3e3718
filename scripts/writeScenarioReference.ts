/**
 * Writes docs/scenario-reference.md: every field of a scenario file, generated from the JSON
 * Schema (itself generated from the zod schema), so the reference cannot drift from what the
 * parser accepts. `npx tsx scripts/writeScenarioReference.ts` writes it; `--check` exits 1 when
 * the file is out of date (test/scenarioReference.test.ts runs the same check).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { scenarioJsonSchema } from "../src/scenario/index.js";

type Node = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, Node>;
  required?: string[];
  items?: Node;
  anyOf?: Node[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  pattern?: string;
  $ref?: string;
  $defs?: Record<string, Node>;
};

function kind(n: Node): string {
  if (n.$ref) {
    const name = n.$ref.replace("#/$defs/", "");
    return `${name} (see [${name}s](#${name}s))`;
  }
  if (n.enum) return `one of ${n.enum.map((v) => `\`${String(v)}\``).join(", ")}`;
  if (n.anyOf) return n.anyOf.map(kind).join(" or ");
  if (n.type === "array") return `list of ${n.items ? kind(n.items) : "values"}`;
  const range: string[] = [];
  if (n.minimum !== undefined) range.push(`≥ ${n.minimum}`);
  if (n.maximum !== undefined) range.push(`≤ ${n.maximum}`);
  if (n.exclusiveMaximum !== undefined) range.push(`< ${n.exclusiveMaximum}`);
  const t = Array.isArray(n.type) ? n.type.join(" or ") : (n.type ?? "value");
  return range.length ? `${t} (${range.join(", ")})` : t;
}

function rows(n: Node, path: string, out: string[]): void {
  const props = n.properties ?? (n.type === "array" ? n.items?.properties : undefined);
  const required = new Set((n.type === "array" ? n.items?.required : n.required) ?? []);
  const base = n.type === "array" ? `${path}[]` : path;
  for (const [key, child] of Object.entries(props ?? {})) {
    const p = base === "" ? key : `${base}.${key}`;
    const desc = (child.description ?? "").replace(/\|/g, "\\|").replace(/\n/g, " ");
    out.push(`| \`${p}\` | ${required.has(key) ? "yes" : ""} | ${kind(child).replace(/\|/g, "\\|")} | ${desc} |`);
    const nested = child.type === "array" ? child.items : child;
    if (nested?.properties) rows(child, p, out);
  }
}

export function scenarioReference(): string {
  const schema = scenarioJsonSchema() as Node;
  const out = [
    "# Scenario file reference",
    "",
    "Generated from the JSON Schema (`schema/scenario.schema.json`, made from the parser's own zod",
    "schema) by `npx tsx scripts/writeScenarioReference.ts`: it lists exactly what the parser",
    "accepts. Units, defaults and sources are explained in [scenario-format.md](scenario-format.md).",
    "Durations are strings with a unit (\"45 min\", \"3 days\"); rates \"120 / week\".",
    "",
    "| field | required | kind | meaning |",
    "|---|---|---|---|",
  ];
  rows(schema, "", out);
  // shared parts (a spread) are listed once, under their own heading
  for (const [name, def] of Object.entries(schema.$defs ?? {})) {
    out.push("", `## ${name[0]?.toUpperCase()}${name.slice(1)}s`, "");
    if (def.description) out.push(def.description, "");
    out.push("| field | required | kind | meaning |", "|---|---|---|---|");
    rows(def, "", out);
  }
  return `${out.join("\n")}\n`;
}

const target = fileURLToPath(new URL("../docs/scenario-reference.md", import.meta.url));
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = scenarioReference();
  if (process.argv.includes("--check")) {
    if (readFileSync(target, "utf8") !== text) {
      console.error("docs/scenario-reference.md is out of date: run npx tsx scripts/writeScenarioReference.ts");
      process.exit(1);
    }
  } else writeFileSync(target, text);
}
