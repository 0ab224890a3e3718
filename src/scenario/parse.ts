/**
 * Reading scenarios: from a JavaScript object, or from YAML or JSON text. Every problem is
 * collected and thrown together as one {@link ScenarioError}; a raw ZodError or YAML error
 * never escapes. No file access here (the core runs in a browser): read the file yourself and
 * pass its text.
 *
 * @packageDocumentation
 */
import { isMap, isPair, isScalar, isSeq, parseDocument } from "yaml";
import type { z } from "zod";
import { buildScenario } from "./build.js";
import { fieldOf, MAX_DEPTH } from "./depth.js";
import { formatPath, formatValue, makeIssue, ScenarioError } from "./errors.js";
import { inputIssues } from "./inputIssues.js";
import { readJson } from "./json.js";
import { lineStartsOf, lineText, positionAt } from "./textPosition.js";
import { scenarioInputSchema } from "./schema.js";
import type { Scenario } from "./types.js";

/**
 * Validates a scenario in the input format and turns it into the model's form (minutes,
 * per-minute rates, week intervals, defaults filled in, frozen).
 *
 * @param input - a scenario object as written in YAML/JSON (see docs/scenario-format.md)
 * @returns the scenario
 * @throws {ScenarioError} listing every problem: path, value found and what was expected
 * @example
 * ```ts
 * const s = parseScenario({
 *   name: "tiny", population: 1000, costPerStaffHour: 500,
 *   teams: [{ id: "desk", role: "front", staff: 1, hours: "Mon-Fri 08:00-16:00", channels: ["phone"] }],
 *   services: [{ id: "q", arrivals: "20 / week", demandTypes: 3, frontResolvableShare: 0.8, caseShare: 0,
 *     frontWork: { mean: "5 min", cv: 0.5 }, backOfficeWork: { mean: "15 min", cv: 0.5 }, backOffice: "desk",
 *     informationQuality: 0.6, channelMix: { phone: 1 }, expectation: "1 week" }],
 * });
 * s.services[0]?.arrivalsPerMinute; //=> 0.001984126984126984 (20 / 10080)
 * ```
 */
export function parseScenario(input: unknown): Scenario {
  const checked = inputIssues(input);
  if (checked.issues.length > 0 || checked.data === undefined) throw new ScenarioError(checked.issues);
  return buildScenario(checked.data);
}

/**
 * Reads a scenario from YAML or JSON text (YAML is a superset of JSON, so "yaml" reads both).
 *
 * @param text - the file's contents
 * @param format - "yaml" (default) or "json" (strict JSON)
 * @returns the scenario
 * @throws {ScenarioError} for broken YAML/JSON (with line and column) or any problem of
 *   {@link parseScenario}
 * @example
 * ```ts
 * parseScenarioText(yamlText).teams.length; // a YAML file's contents
 * parseScenarioText("name: [unclosed");
 * //=> throws ScenarioError "Broken YAML (1 problem):
 * //     - line 1, column 16: got "name: [unclosed"; expected valid YAML. Flow sequence ..."
 * ```
 */
export function parseScenarioText(text: string, format: "yaml" | "json" = "yaml"): Scenario {
  return parseScenario(readText(text, format, "scenario", scenarioInputSchema));
}

/**
 * Reads the text of a scenario or policy file into plain data: YAML or strict JSON, without a
 * byte-order mark. Shared by the scenario and policy readers, so that both refuse the same way.
 *
 * @param text - the file's contents
 * @param format - "yaml" or "json"
 * @param what - "scenario" or "policy", for messages
 * @param schema - the schema of what is read, to name the field of a deep value
 * @returns the data
 * @throws {ScenarioError} for text that is not a string, longer than {@link MAX_TEXT_CHARACTERS},
 *   or broken YAML or JSON
 * @throws {RangeError} for a format other than "yaml" or "json"
 * @example
 * ```ts
 * readText("name: x", "yaml", "policy"); //=> { name: "x" }
 * ```
 */
export function readText(text: string, format: "yaml" | "json", what: "scenario" | "policy", schema?: z.core.$ZodType): unknown {
  if (format !== "yaml" && format !== "json") throw new RangeError(`the format of ${what} text must be "yaml" or "json", got ${formatValue(format)}`);
  if (typeof text !== "string") {
    const title = what === "scenario" ? "Invalid scenario" : "Invalid policy";
    throw new ScenarioError([makeIssue("", text, `the text of a ${what} file (a string of YAML or JSON); for an object use ${what === "scenario" ? "parseScenario" : "parsePolicy"}`)], title);
  }
  if (text.length > MAX_TEXT_CHARACTERS) {
    // refused before reading: parsing megabytes of YAML takes seconds and gigabytes (8 MB: 7 s, 1 GB)
    const expected = `a ${what} file of at most ${MAX_TEXT_CHARACTERS.toLocaleString("en")} characters (about 4 MB)`;
    const hint = what === "scenario" ? "; keep long lists of observed values in a CSV file (empirical: { file: ... })" : "";
    const message = `(${what}): got a text of ${text.length.toLocaleString("en")} characters; expected ${expected}${hint}`;
    throw new ScenarioError([{ path: "", value: undefined, expected, message }], what === "scenario" ? "Invalid scenario" : "Invalid policy");
  }
  // a byte-order mark that some editors write is not part of the text
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return format === "json" ? readJson(body) : readYaml(body, schema);
}

/**
 * The longest scenario or policy text that is read: 4,000,000 characters, about 4 MB. A scenario
 * at the run-cost limit of 10,000 case steps is about 1 MB of YAML; longer texts take seconds and
 * gigabytes to parse before any check could refuse them (docs/performance.md, "What a run costs").
 *
 * @example
 * ```ts
 * MAX_TEXT_CHARACTERS; //=> 4000000
 * ```
 */
export const MAX_TEXT_CHARACTERS = 4_000_000;

/** At most this many YAML errors are reported: the first ones are what a person fixes first. */
const MAX_YAML_ERRORS = 20;

/**
 * Reads YAML text into plain data, refusing broken YAML with at most 20 issues (line, column,
 * the line's text) plus one that counts the rest, in time linear in the text; a NUL byte is
 * refused at once (YAML allows none) and aliases are capped. Shared by scenario and policy files.
 *
 * @param text - the YAML text (without a byte-order mark)
 * @param schema - the schema of what is read, to name the field of a value nested too deep
 * @returns the data
 * @throws {ScenarioError} "Broken YAML" with the issues
 * @example
 * ```ts
 * readYaml("a: 1"); //=> { a: 1 }
 * ```
 */
export function readYaml(text: string, schema?: z.core.$ZodType): unknown {
  // YAML allows no NUL byte. The yaml package reads on past them, and with one starting every
  // line it makes an error or two per line (1 KB each) before returning: seconds and a heap
  // far larger than the file. A text full of them is often a file saved as UTF-16.
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    const before = text.slice(0, nul);
    const line = before.split("\n").length;
    const where = `line ${line}, column ${nul - before.lastIndexOf("\n")}`;
    throw new ScenarioError([makeIssue(where, lineText(text, line), "valid YAML", "It holds a NUL byte, which YAML does not allow (is the file saved as UTF-16? Save it as UTF-8)")], "Broken YAML");
  }
  // flow brackets nested thousands deep make the yaml package recurse until the stack runs out
  // (half a second for 100,000, three times per command); a linear scan refuses them first
  const bracketed = flowNestedBeyond(text, FLOW_DEPTH_SCAN);
  if (bracketed >= 0) throw tooDeepForReader(text, bracketed);
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (e) {
    if (e instanceof RangeError) throw tooDeepForReader(text, 0);
    throw e;
  }
  // the yaml package reads nested values by recursion: thousands of levels overflow the stack,
  // which it reports as errors at the deep end; that is a value nested too deep
  const overflow = doc.errors.filter((e) => /call stack/i.test(e.message)).map((e) => e.pos[0]);
  if (overflow.length > 0) throw tooDeepForReader(text, Math.max(0, Math.min(...overflow)));
  if (doc.errors.length > 0) {
    const lines = text.split(/\r?\n/);
    const lineStarts = lineStartsOf(text);
    const linePos = (e: (typeof doc.errors)[number]) => (e.pos[0] >= 0 ? positionAt(lineStarts, e.pos[0]) : undefined);
    const issues = doc.errors.slice(0, MAX_YAML_ERRORS).map((e) => {
      const pos = linePos(e);
      const where = pos === undefined ? "" : `line ${pos.line}, column ${pos.col}`;
      const problem = (e.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
      return makeIssue(where, pos === undefined ? text.slice(0, 40) : (lines[pos.line - 1] ?? "").trim(), "valid YAML", problem);
    });
    const next = doc.errors[MAX_YAML_ERRORS];
    if (next !== undefined) {
      const pos = linePos(next);
      const where = pos === undefined ? "" : `line ${pos.line}, column ${pos.col}`;
      issues.push(makeIssue(where, `${doc.errors.length - MAX_YAML_ERRORS} more errors from here on`, "valid YAML", "fix the first ones and read the file again"));
    }
    throw new ScenarioError(issues, "Broken YAML");
  }
  // a scenario nests a few levels; thousands (with aliases) make the yaml package spend seconds
  // before it refuses them, so refuse deep nesting first, in one pass without recursion
  const deep = deepestNode(doc.contents, MAX_YAML_DEPTH, schema);
  if (deep !== undefined) {
    const pos = positionAt(lineStartsOf(text), Math.max(0, deep.offset));
    const field = deep.field.length === 0 ? "" : `${formatPath(deep.field)}: `;
    throw new ScenarioError(
      [makeIssue(`line ${pos.line}, column ${pos.col}`, lineText(text, pos.line), "valid YAML", `${field}nested more than ${MAX_YAML_DEPTH} levels deep; a scenario or policy needs a few`)],
      "Broken YAML",
    );
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // e.g. an alias bomb: a problem of the whole document, reported at its start
    const message = e instanceof Error ? e.message : String(e);
    throw new ScenarioError([makeIssue("line 1, column 1", text.slice(0, 40), "valid YAML", `${message} (the document as a whole)`)], "Broken YAML");
  }
}

/**
 * The refusal of a YAML text nested too deep for the yaml package to read: at the line where it
 * gave up, naming the key that starts the line.
 */
/** Flow brackets open at once past which a text is refused before it is parsed (ten times the depth allowed). */
const FLOW_DEPTH_SCAN = 10 * MAX_DEPTH;

/**
 * The offset of the first flow bracket (\`[\` or \`{\`) that opens more than \`limit\` at once, or
 * -1: one pass over the text, skipping quoted scalars and comments. Brackets in plain or block
 * scalars are counted too, so the limit is far above what a scenario nests (a few levels).
 */
function flowNestedBeyond(text: string, limit: number): number {
  let opens = 0;
  for (let i = 0; i < text.length && opens <= limit; i++) if (text.charCodeAt(i) === 91 || text.charCodeAt(i) === 123) opens++;
  if (opens <= limit) return -1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      // a double-quoted scalar: to the next unescaped quote
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (c === "'") {
      // a single-quoted scalar: '' is an escaped quote
      for (i++; i < text.length; i++) if (text[i] === "'") {
        if (text[i + 1] === "'") i++;
        else break;
      }
    } else if (c === "#" && (i === 0 || text[i - 1] === " " || text[i - 1] === "\t" || text[i - 1] === "\n")) {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === "[" || c === "{") {
      if (++depth > limit) return i;
    } else if ((c === "]" || c === "}") && depth > 0) depth--;
  }
  return -1;
}

function tooDeepForReader(text: string, offset: number): ScenarioError {
  const pos = positionAt(lineStartsOf(text), offset);
  const line = lineText(text, pos.line);
  const key = /^(?:- )?([^\s:#[{][^:]*): /.exec(line)?.[1];
  const field = key === undefined ? "" : `${key.trim()}: `;
  return new ScenarioError(
    [makeIssue(`line ${pos.line}, column ${pos.col}`, line, "valid YAML", `${field}nested more than ${MAX_YAML_DEPTH} levels deep; a scenario or policy needs a few`)],
    "Broken YAML",
  );
}

/** The deepest nesting a YAML scenario or policy file may have (they need about 6): the same limit as for JSON and objects. */
export const MAX_YAML_DEPTH = MAX_DEPTH;

interface Node {
  readonly node: unknown;
  readonly depth: number;
  readonly parent: Node | undefined;
  /** The key (a map's) or index (a list's) of this node in its parent. */
  readonly key: string | number;
}

/**
 * A node nested deeper than `limit` collections, or undefined when none is: its text offset and
 * the keys of the field that holds it (the last map key on the way down, among the first
 * eight steps). An explicit stack, so deep documents cannot overflow the call stack.
 */
function deepestNode(root: unknown, limit: number, schema?: z.core.$ZodType): { offset: number; field: (string | number)[] } | undefined {
  const stack: Node[] = [{ node: root, depth: 0, parent: undefined, key: "" }];
  while (stack.length > 0) {
    const here = stack.pop()!;
    const { node, depth } = here;
    if (isPair(node)) {
      const key = isScalar(node.key) ? String(node.key.value) : "?";
      stack.push({ node: node.key, depth, parent: here.parent, key }, { node: node.value, depth, parent: here.parent, key });
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= limit) return { offset: node.range?.[0] ?? 0, field: fieldOf(pathTo(here), schema) };
    node.items.forEach((item, i) => stack.push({ node: item, depth: depth + 1, parent: here, key: isSeq(node) ? i : "" }));
  }
  return undefined;
}

function pathTo(node: Node): (string | number)[] {
  const path: (string | number)[] = [];
  for (let n: Node | undefined = node; n?.parent !== undefined; n = n.parent) path.push(n.key);
  return path.reverse();
}
