/**
 * Reading JSON text into plain data, as strictly as YAML is read: broken JSON and a key given
 * twice in one object are refused with the line and column (JSON.parse would keep the last
 * value of a duplicate key silently, where the YAML reader refuses it).
 *
 * @packageDocumentation
 */
import { parseDocument } from "yaml";
import { MAX_DEPTH } from "./depth.js";
import { formatPath, makeIssue, ScenarioError } from "./errors.js";
import { lineStartsOf, lineText, positionAt } from "./textPosition.js";

/**
 * Reads strict JSON text into plain data.
 *
 * @param text - the JSON text (without a byte-order mark)
 * @returns the data
 * @throws {ScenarioError} "Broken JSON" with the line and column: a syntax error, or a key given
 *   twice in one object (naming the key and the object's path)
 * @example
 * ```ts
 * readJson('{"a": 1}'); //=> { a: 1 }
 * readJson('{"a": 1, "a": 2}');
 * //=> throws ScenarioError "Broken JSON (1 problem):
 * //     - line 1, column 10: got "{"a": 1, "a": 2}"; expected valid JSON. The key "a" is given twice in the document's top level; keys must be unique"
 * ```
 */
export function readJson(text: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message);
    // Node 20 names no position for some errors ("[1,]", empty text): ask the YAML parser, which
    // reads JSON too, where it stops; failing that, the end of the text
    const offset = at !== null ? Number(at[1]) : (parseDocument(text, { prettyErrors: false }).errors[0]?.pos[0] ?? text.length);
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    const col = before.length - before.lastIndexOf("\n");
    const value: unknown = text.length === 0 ? "" : lineText(text, line);
    throw new ScenarioError([makeIssue(`line ${line}, column ${col}`, value, "valid JSON", message)], "Broken JSON");
  }
  const twice = duplicateKey(text);
  if (twice !== undefined) {
    const pos = positionAt(lineStartsOf(text), twice.offset);
    const where = twice.path.length === 0 ? "the document's top level" : formatPath(twice.path);
    throw new ScenarioError(
      [makeIssue(`line ${pos.line}, column ${pos.col}`, lineText(text, pos.line), "valid JSON", `The key ${JSON.stringify(twice.key)} is given twice in ${where}; keys must be unique`)],
      "Broken JSON",
    );
  }
  return data;
}

interface Level {
  /** The keys seen so far in an object; undefined in a list. */
  readonly keys: Set<string> | undefined;
  /** The key or index of the value being read at this level. */
  at: string | number;
}

/**
 * The first key given twice in one object of valid JSON text: where it is, the key and the
 * path of its object. One pass over the text, without recursion; levels deeper than
 * MAX_DEPTH are not looked into (the scenario's depth check refuses them).
 */
function duplicateKey(text: string): { offset: number; key: string; path: (string | number)[] } | undefined {
  const levels: Level[] = [];
  let deeper = 0;
  let wantKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = endOfString(text, i);
      const top = levels[levels.length - 1];
      if (wantKey && deeper === 0 && top?.keys !== undefined) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes("\\") ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        if (top.keys.has(key)) return { offset: i, key, path: levels.slice(0, -1).map((l) => l.at) };
        top.keys.add(key);
        top.at = key;
      }
      wantKey = false;
      i = end;
    } else if (c === "{" || c === "[") {
      if (deeper > 0 || levels.length >= MAX_DEPTH) deeper++;
      else levels.push(c === "{" ? { keys: new Set(), at: "" } : { keys: undefined, at: 0 });
      wantKey = c === "{";
    } else if (c === "}" || c === "]") {
      if (deeper > 0) deeper--;
      else levels.pop();
      wantKey = false;
    } else if (c === "," && deeper === 0) {
      const top = levels[levels.length - 1];
      if (top?.keys !== undefined) wantKey = true;
      else if (top !== undefined) top.at = (top.at as number) + 1;
    }
  }
  return undefined;
}

/** The offset of the quote that closes the string opening at `start`. */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === '"') return i;
  }
  return text.length;
}
