/**
 * Reading scenarios: from a JavaScript object, or from YAML or JSON text. Every problem is
 * collected and thrown together as one {@link ScenarioError}; a raw ZodError or YAML error
 * never escapes. No file access here (the core runs in a browser): read the file yourself and
 * pass its text.
 *
 * @packageDocumentation
 */
import { isMap, isPair, isSeq, parseDocument } from "yaml";
import { buildScenario } from "./build.js";
import { crossCheck } from "./crossCheck.js";
import { makeIssue, ScenarioError, type ScenarioIssue } from "./errors.js";
import { scenarioInputSchema } from "./schema.js";
import type { Scenario } from "./types.js";
import { fromZodIssues } from "./zodIssues.js";

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
  const result = scenarioInputSchema.safeParse(input);
  const issues: ScenarioIssue[] = result.success ? [] : fromZodIssues(result.error.issues, input, scenarioInputSchema);
  const seen = new Set(issues.map((i) => i.message));
  for (const i of crossCheck(input)) if (!seen.has(i.message)) issues.push(i);
  if (issues.length > 0 || !result.success) throw new ScenarioError(issues);
  return buildScenario(result.data);
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
  // a byte-order mark that some editors write is not part of the text
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return parseScenario(format === "json" ? readJson(body) : readYaml(body));
}

function lineText(text: string, line: number): string {
  return (text.split(/\r?\n/)[line - 1] ?? "").trim();
}

/** At most this many YAML errors are reported: the first ones are what a person fixes first. */
const MAX_YAML_ERRORS = 20;

/**
 * The line and column (from 1) of an offset in a text, found from the text itself. (Not the yaml
 * package's prettyErrors: for every error it matches a regex against the text it takes for the
 * error's line, and its line counter misses the newlines of a broken block scalar, so that
 * "line" can be a run of 100,000s of newlines: quadratic, half an hour for a 1 MB file.)
 */
function positionAt(lineStarts: readonly number[], offset: number): { line: number; col: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - (lineStarts[lo] as number) + 1 };
}

/**
 * Reads YAML text into plain data, refusing broken YAML with at most 20 issues (line, column,
 * the line's text) plus one that counts the rest, in time linear in the text; a NUL byte is
 * refused at once (YAML allows none) and aliases are capped. Shared by scenario and policy files.
 *
 * @param text - the YAML text (without a byte-order mark)
 * @returns the data
 * @throws {ScenarioError} "Broken YAML" with the issues
 * @example
 * ```ts
 * readYaml("a: 1"); //=> { a: 1 }
 * ```
 */
export function readYaml(text: string): unknown {
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
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) {
    const lines = text.split(/\r?\n/);
    const lineStarts = [0];
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
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
  const deep = deepestNode(doc.contents, MAX_YAML_DEPTH);
  if (deep !== undefined) {
    const lineStarts = [0];
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
    const pos = positionAt(lineStarts, Math.max(0, deep));
    throw new ScenarioError(
      [makeIssue(`line ${pos.line}, column ${pos.col}`, lineText(text, pos.line), "valid YAML", `nested more than ${MAX_YAML_DEPTH} levels deep; a scenario or policy needs a few`)],
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

/** The deepest nesting a YAML scenario or policy file may have (they need about 6). */
export const MAX_YAML_DEPTH = 100;

/**
 * The text offset of a node nested deeper than `limit` collections, or undefined when none is;
 * an explicit stack, so deep documents cannot overflow the call stack.
 */
function deepestNode(root: unknown, limit: number): number | undefined {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (isPair(node)) {
      stack.push([node.key, depth], [node.value, depth]);
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= limit) return node.range?.[0] ?? 0;
    for (const item of node.items) stack.push([item, depth + 1]);
  }
  return undefined;
}

/**
 * Reads JSON text into plain data, refusing broken JSON with its line and column.
 *
 * @param text - the JSON text (without a byte-order mark)
 * @returns the data
 * @throws {ScenarioError} "Broken JSON" with the place and the parser's message
 * @example
 * ```ts
 * readJson('{"a": 1}'); //=> { a: 1 }
 * ```
 */
export function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message);
    // Node 20 names no position for some errors ("[1,]", empty text): ask the YAML parser, which
    // reads JSON too, where it stops; failing that, the end of the text
    const offset = at !== null ? Number(at[1]) : (parseDocument(text, { prettyErrors: false }).errors[0]?.pos[0] ?? text.length);
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    const col = before.length - before.lastIndexOf("\n");
    const where = `line ${line}, column ${col}`;
    const value: unknown = text.length === 0 ? "" : lineText(text, line);
    throw new ScenarioError([makeIssue(where, value, "valid JSON", message)], "Broken JSON");
  }
}
