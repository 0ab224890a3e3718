/**
 * Mutations of valid scenario files for fuzzing the front door: structured ones on the
 * document (drop, duplicate, rename and retype fields; swap units; insert huge, negative,
 * NaN-like, tiny and non-numeric values; deep nesting; very long strings; prototype keys), then
 * the document written as YAML or JSON, then optionally broken as text (truncated, unbalanced
 * brackets, tabs, duplicated or deleted lines, stray characters, a byte-order mark, NUL bytes,
 * CRLF, deep bracket nesting, an alias bomb, a key given twice, a field's value nested thousands
 * deep).
 *
 * A mutation is a list of small operations with numeric choices, so fast-check shrinks it to
 * the fewest, simplest operations that still break something.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { parse, stringify } from "yaml";
import { builtinScenarioInput } from "../../src/index.js";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

/** The valid files mutated: the built-ins written as YAML, and the example file as it is. */
export const BASES: readonly string[] = ["soderhamn", "teaching", "standard-work", "small-town"];

const SMALL_TOWN = fileURLToPath(new URL("../../examples/scenarios/small-town.yaml", import.meta.url));

const baseCache = new Map<string, { doc: Json; yaml: string }>();

/** A base document and its YAML text. */
export function base(name: string): { doc: Json; yaml: string } {
  let b = baseCache.get(name);
  if (b === undefined) {
    if (name === "small-town") {
      const yaml = readFileSync(SMALL_TOWN, "utf8");
      b = { doc: JSON.parse(JSON.stringify(parse(yaml))) as Json, yaml };
    } else {
      const doc = JSON.parse(JSON.stringify(builtinScenarioInput(name))) as Json;
      b = { doc, yaml: stringify(doc) };
    }
    baseCache.set(name, b);
  }
  return b;
}

/** Every path in a document (objects and arrays), the root first. */
export function pathsOf(doc: Json, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(doc)) doc.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (doc !== null && typeof doc === "object") for (const [k, v] of Object.entries(doc)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

function getAt(doc: Json, path: Path): Json | undefined {
  let cur: Json | undefined = doc;
  for (const k of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, Json>)[k];
  }
  return cur;
}

/** Sets a value at a path as an own property (also for "__proto__"); the root path replaces the document. */
function setAt(doc: Json, path: Path, value: Json | undefined): Json {
  if (path.length === 0) return value === undefined ? null : value;
  const parent = getAt(doc, path.slice(0, -1));
  const key = path[path.length - 1] as string | number;
  if (parent === null || typeof parent !== "object" || parent === undefined) return doc;
  if (Array.isArray(parent) && typeof key === "number") {
    if (value === undefined) parent.splice(key, 1);
    else parent[key] = value;
  } else if (value === undefined) delete (parent as Record<string, Json>)[key];
  else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
  return doc;
}

function nested(depth: number, asArray: boolean): Json {
  let v: Json = asArray ? [1] : { a: 1 };
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

/**
 * Values inserted by the mutations, by kind. The huge rates ("1e15 / min", "99999999999 / year")
 * once ran the process out of memory (found.ts: hugeArrivalsOutOfMemory).
 */
export const INSERTED: Readonly<Record<string, readonly Json[]>> = {
  huge: [1e308, 1.7976931348623157e308, 1e300, 1e160, 1e154, 2 ** 53 + 1, 1e20, 1e9, 100_000_000, 1000.5, "1e308 min", "1e300 years", "1e9 weeks", "1000001 years", "1000000 years", "1e15 / min", "99999999999 / year"],
  negative: [-1, -0, -1e308, "-5 min", "-120 / week", "-0 min"],
  nanLike: ["NaN", ".nan", "Infinity", "-Infinity", ".inf", "NaN min", "Infinity weeks", "1e309 min", "inf / week", "nan / week"],
  tiny: [5e-324, 1e-300, 2.2250738585072014e-308, "5e-324 min", "1e-320 / week", "0.000000001 s"],
  zero: [0, "0", "0 min", "0 / week", "0 weeks"],
  nonNumeric: ["lots", "", " ", "∞", "45 min; rm -rf /", true, false, null, [], {}, "0x1F", "1_000", "١٢٣ min", "🙂"],
};

/** Unit swaps for a text with a leading number: "45 min" → "45m", "45 kg", "45", ... */
export const UNIT_SWAPS: readonly ((n: string) => string)[] = [
  (n) => `${n}m`,
  (n) => `${n} kg`,
  (n) => n,
  (n) => `${n} mins`,
  (n) => `${n} h`,
  (n) => `${n} d`,
  (n) => `${n} per week`,
  (n) => `${n}/week`,
  (n) => `${n} / fortnight`,
  (n) => `${n} weeks / week`,
  (n) => `${n} min^2`,
  (n) => `${n} min / min`,
  (n) => `${n} MIN`,
  (n) => `${n} ms`,
  (n) => `${n} kmin`,
  (n) => `${n} min min`,
  (n) => `${n} / week / week`,
  (n) => `${n} minutes`,
  (n) => `${n} hertz`,
  (n) => `(${n} min)`,
  (n) => `${n} min + 1`,
  (n) => `${n} * 2 min`,
];

/** One structured operation: its kind and numeric choices. */
export interface DocOp {
  readonly kind: "drop" | "duplicate" | "retype" | "rename" | "unitSwap" | "insert" | "nest" | "longString" | "protoKey";
  readonly pick: number;
  readonly variant: number;
}

/** One text operation on the written file. */
export interface TextOp {
  readonly kind: "truncate" | "bracket" | "tabs" | "dupLine" | "delLine" | "strayChar" | "bom" | "nul" | "crlf" | "deepBrackets" | "aliasBomb" | "longLine" | "swapLines" | "dupKey" | "deepValue";
  readonly pick: number;
  readonly variant: number;
}

/** A mutation: the base, the operations and how the file is written. */
export interface Mutation {
  readonly base: string;
  readonly docOps: readonly DocOp[];
  readonly format: "yaml" | "json";
  readonly textOps: readonly TextOp[];
}

const nat = fc.nat({ max: 1_000_000 });

const docOpArb: fc.Arbitrary<DocOp> = fc.record({
  kind: fc.constantFrom("drop", "duplicate", "retype", "rename", "unitSwap", "insert", "insert", "insert", "nest", "longString", "protoKey"),
  pick: nat,
  variant: nat,
});

const textOpArb: fc.Arbitrary<TextOp> = fc.record({
  kind: fc.constantFrom("truncate", "bracket", "tabs", "dupLine", "delLine", "strayChar", "bom", "nul", "crlf", "deepBrackets", "aliasBomb", "longLine", "swapLines", "dupKey", "deepValue"),
  pick: nat,
  variant: nat,
});

/**
 * Mutations: up to three document operations, and in one case of three a text operation or
 * two. Strings reach 1,000,000 characters (newlines among them), brackets 100,000 levels, and
 * huge values include absurd rates: the sizes and values that once made a case hang or exhaust
 * memory (found.ts: slowSuggestionForLongValue, brokenYamlMemory, brokenYamlQuadratic,
 * hugeArrivalsOutOfMemory) stay among the inputs, so the fuzz tests guard those fixes too.
 * (Put back, they found yamlErrorContextQuadratic and nulEveryLineOutOfMemory.)
 */
export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  base: fc.constantFrom(...BASES),
  docOps: fc.array(docOpArb, { minLength: 0, maxLength: 3 }),
  format: fc.constantFrom("yaml" as const, "yaml" as const, "json" as const),
  textOps: fc.oneof({ weight: 2, arbitrary: fc.constant([] as TextOp[]) }, { weight: 1, arbitrary: fc.array(textOpArb, { minLength: 1, maxLength: 2 }) }),
});

function pickOf<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T;
}

/** Applies one document operation; returns the new document and a description. */
export function applyDocOp(doc: Json, op: DocOp): { doc: Json; what: string } {
  const paths = pathsOf(doc);
  const path = pickOf(paths, op.pick);
  const where = path.join(".") || "(root)";
  const value = getAt(doc, path);
  switch (op.kind) {
    case "drop":
      if (path.length === 0) return { doc, what: "drop nothing" };
      return { doc: setAt(doc, path, undefined), what: `drop ${where}` };
    case "duplicate": {
      // an array element twice (duplicate ids), or a key's value copied under a sibling key
      const arrays = paths.filter((p) => Array.isArray(getAt(doc, p)) && (getAt(doc, p) as Json[]).length > 0);
      if (arrays.length === 0) return { doc, what: "duplicate nothing" };
      const at = pickOf(arrays, op.variant);
      const list = getAt(doc, at) as Json[];
      list.push(JSON.parse(JSON.stringify(pickOf(list, op.pick))) as Json);
      return { doc, what: `duplicate an element of ${at.join(".")}` };
    }
    case "retype": {
      const options: Json[] =
        typeof value === "number" ? [String(value), [value], { value }, null, true]
        : typeof value === "string" ? [Number.parseFloat(value) || 45, [value], { value }, null, false]
        : Array.isArray(value) ? [Object.fromEntries(value.map((v, i) => [String(i), v])), "a list", 3, null]
        : value !== null && typeof value === "object" ? [Object.values(value), "an object", 7, null]
        : [1, "x", [], {}];
      const v = pickOf(options, op.variant);
      return { doc: setAt(doc, path, v), what: `retype ${where} to ${JSON.stringify(v).slice(0, 40)}` };
    }
    case "rename": {
      if (path.length === 0 || typeof path[path.length - 1] !== "string") return { doc, what: "rename nothing" };
      const key = path[path.length - 1] as string;
      const renamed = pickOf([key.slice(0, -1), `${key}s`, key.toUpperCase(), `${key} `, `x-${key}`, "constructor", "toString"], op.variant);
      const parent = path.slice(0, -1);
      setAt(doc, path, undefined);
      return { doc: setAt(doc, [...parent, renamed], value ?? null), what: `rename ${where} to "${renamed}"` };
    }
    case "unitSwap": {
      const texts = paths.filter((p) => typeof getAt(doc, p) === "string" && /^\s*[-+]?\d/.test(getAt(doc, p) as string));
      if (texts.length === 0) return { doc, what: "swap no unit" };
      const at = pickOf(texts, op.pick);
      const n = /^\s*([-+]?[\d.]+(?:e[-+]?\d+)?)/i.exec(getAt(doc, at) as string)?.[1] ?? "45";
      const swapped = pickOf(UNIT_SWAPS, op.variant)(n);
      return { doc: setAt(doc, at, swapped), what: `swap the unit of ${at.join(".")} to "${swapped}"` };
    }
    case "insert": {
      const kinds = Object.keys(INSERTED);
      const kind = pickOf(kinds, op.variant);
      const v = pickOf(INSERTED[kind] as Json[], Math.floor(op.variant / kinds.length));
      // prefer leaves: numbers and texts are where values go wrong
      const leaves = paths.filter((p) => {
        const x = getAt(doc, p);
        return typeof x === "number" || typeof x === "string";
      });
      const at = leaves.length > 0 && op.pick % 4 !== 0 ? pickOf(leaves, op.pick) : path;
      return { doc: setAt(doc, at, v), what: `insert ${kind} ${JSON.stringify(v)} at ${at.join(".") || "(root)"}` };
    }
    case "nest": {
      const depth = pickOf([10, 100, 1000], op.variant);
      const v = nested(depth, op.variant % 2 === 0);
      return { doc: setAt(doc, path, v), what: `nest ${depth} deep at ${where}` };
    }
    case "longString": {
      const lengths = [1_000, 10_000, 100_000, 1_000_000];
      const length = pickOf(lengths, op.variant);
      // a long run of newlines becomes thousands of YAML lines, each a broken-YAML issue once
      // the text is damaged (once quadratic, found.ts: brokenYamlQuadratic)
      const unit = pickOf(["x", "7", "é", "min ", "\u0000", "\n"], Math.floor(op.variant / lengths.length));
      return { doc: setAt(doc, path, unit.repeat(Math.ceil(length / unit.length))), what: `a string of ${length} "${JSON.stringify(unit)}" at ${where}` };
    }
    case "protoKey": {
      const objects = paths.filter((p) => {
        const x = getAt(doc, p);
        return x !== null && typeof x === "object" && !Array.isArray(x);
      });
      if (objects.length === 0) return { doc, what: "no object for a key" };
      const at = pickOf(objects, op.pick);
      const key = pickOf(["__proto__", "constructor", "prototype", "hasOwnProperty"], op.variant);
      const v: Json = pickOf([{ polluted: true, staff: 5 }, "x", 1, null], Math.floor(op.variant / 4));
      return { doc: setAt(doc, [...at, key], v), what: `key "${key}" = ${JSON.stringify(v)} at ${at.join(".") || "(root)"}` };
    }
  }
}

/** Applies one text operation to a file's text. */
export function applyTextOp(text: string, op: TextOp): { text: string; what: string } {
  const lines = text.split("\n");
  const at = op.pick % Math.max(1, text.length);
  const line = op.pick % Math.max(1, lines.length);
  switch (op.kind) {
    case "truncate":
      return { text: text.slice(0, at), what: `truncate at ${at}` };
    case "bracket": {
      const b = pickOf(["[", "]", "{", "}", "[{", "}}]", "'", '"', "&", "*x", "!!binary ", "? ", "- ", ": :", "|", ">"], op.variant);
      return { text: text.slice(0, at) + b + text.slice(at), what: `insert ${JSON.stringify(b)} at ${at}` };
    }
    case "tabs":
      return { text: lines.map((l, i) => (i % 2 === op.variant % 2 ? l.replace(/^( +)/, (s) => "\t".repeat(Math.max(1, s.length / 2))) : l)).join("\n"), what: "indent with tabs" };
    case "dupLine":
      lines.splice(line, 0, lines[line] ?? "");
      return { text: lines.join("\n"), what: `duplicate line ${line + 1}` };
    case "delLine":
      lines.splice(line, 1);
      return { text: lines.join("\n"), what: `delete line ${line + 1}` };
    case "swapLines": {
      const other = op.variant % Math.max(1, lines.length);
      const a = lines[line] ?? "";
      lines[line] = lines[other] ?? "";
      lines[other] = a;
      return { text: lines.join("\n"), what: `swap lines ${line + 1} and ${other + 1}` };
    }
    case "strayChar": {
      const c = pickOf(["\u0000", "\u0007", "\uFFFD", "\uD800", "%", "@", "`", "#", "\\", "\r", "\u2028", "\t"], op.variant);
      return { text: text.slice(0, at) + c + text.slice(at), what: `insert ${JSON.stringify(c)} at ${at}` };
    }
    case "bom":
      return { text: `\uFEFF${text}`, what: "byte-order mark" };
    case "nul":
      return { text: text.replace(/\n/g, op.variant % 2 === 0 ? "\n\u0000" : "\u0000\n"), what: "NUL bytes on every line" };
    case "crlf":
      return { text: text.replace(/\n/g, "\r\n"), what: "CRLF line ends" };
    case "deepBrackets": {
      // five depths against two bracket kinds: every depth occurs with both
      const depth = pickOf([100, 1_000, 3_000, 10_000, 100_000], op.variant);
      const open = op.variant % 2 === 0 ? "[" : "{a: ";
      const close = op.variant % 2 === 0 ? "]" : "}";
      return { text: `${text}\nextra: ${open.repeat(depth)}1${close.repeat(depth)}\n`, what: `brackets ${depth} deep` };
    }
    case "aliasBomb": {
      const levels = pickOf([5, 10, 20], op.variant);
      let bomb = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
      for (let i = 1; i < levels; i++) bomb += `a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(",")}]\n`;
      return { text: `${bomb}${text}`, what: `alias bomb of ${levels} levels` };
    }
    case "dupKey": {
      // a key given twice in one object: a "key": value line of JSON (one that ends in a comma,
      // so the copy stays valid JSON) or a key: value line of YAML, written again below itself
      // (JSON.parse kept the last silently; found by issue 14, D21)
      const json = text.trimStart().startsWith("{");
      const candidates = lines.flatMap((l, i) => ((json ? /^\s*"[^"]+": .*,$/ : /^\s*[A-Za-z_][\w-]*: \S/).test(l) ? [i] : []));
      if (candidates.length === 0) return { text, what: "no key to give twice" };
      const k = pickOf(candidates, op.pick);
      lines.splice(k + 1, 0, lines[k] as string);
      return { text: lines.join("\n"), what: `key of line ${k + 1} given twice` };
    }
    case "deepValue": {
      // a field's value wrapped in brackets thousands deep: the value of a real field (not an
      // extra key at the end, as deepBrackets does), in a file that stays valid JSON or YAML
      // (3,000 deep once said "got leaf", 5,000 overflowed the stack: issue 14, D9)
      const depth = pickOf([150, 3_000, 100_000], op.variant);
      const json = text.trimStart().startsWith("{");
      const re = json ? /("[^"\n]*": )("(?:[^"\\\n]|\\.)*"|-?\d[\d.eE+-]*|true|false|null)/g : /^(\s*[A-Za-z_][\w-]*: )([^\s[{&*!|>'"#][^\n#]*?)\s*$/gm;
      const found = [...text.matchAll(re)];
      if (found.length === 0) return { text, what: "no value to nest" };
      const m = pickOf(found, op.pick);
      const start = (m.index as number) + (m[1] as string).length;
      const end = start + (m[2] as string).length;
      return { text: `${text.slice(0, start)}${"[".repeat(depth)}${text.slice(start, end)}${"]".repeat(depth)}${text.slice(end)}`, what: `the value ${JSON.stringify((m[2] as string).slice(0, 20))} nested ${depth} deep` };
    }
    case "longLine": {
      const length = pickOf([10_000, 1_000_000], op.variant);
      lines.splice(line, 0, `# ${"y".repeat(length)}`, `name: ${"z".repeat(length)}`);
      return { text: lines.join("\n"), what: `a line of ${length} characters at ${line + 1}` };
    }
  }
}

/** A mutated file: its text, format, the base, and what was done. */
export interface MutatedFile {
  readonly text: string;
  readonly format: "yaml" | "json";
  readonly base: string;
  readonly steps: readonly string[];
}

/** Writes a mutation out as a file. */
export function mutatedFile(m: Mutation): MutatedFile {
  const b = base(m.base);
  let doc = JSON.parse(JSON.stringify(b.doc)) as Json;
  const steps: string[] = [];
  for (const op of m.docOps) {
    const r = applyDocOp(doc, op);
    doc = r.doc;
    steps.push(r.what);
  }
  let text: string;
  if (m.docOps.length === 0 && m.format === "yaml") text = b.yaml;
  else if (m.format === "json") text = JSON.stringify(doc, null, 2) ?? "null";
  else {
    try {
      text = stringify(doc, { aliasDuplicateObjects: false });
    } catch (e) {
      // very deep documents: the writer itself may run out of stack; write JSON (valid YAML) instead
      text = JSON.stringify(doc) ?? "null";
      steps.push(`written as JSON (YAML writer: ${(e as Error).message.slice(0, 40)})`);
    }
  }
  for (const op of m.textOps) {
    const r = applyTextOp(text, op);
    text = r.text;
    steps.push(r.what);
  }
  return { text, format: m.format, base: m.base, steps };
}
