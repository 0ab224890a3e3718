/**
 * How deep a scenario or policy may nest. They need about six levels of lists and objects; a
 * value nested thousands deep (a fuzzed or hostile file, an object built in code) would make
 * validation, messages and copies recurse that deep. Such values are refused first, with an
 * issue that names the field, by a walk that uses no recursion.
 *
 * @packageDocumentation
 */
import type { z } from "zod";
import { formatPath, makeIssue, type ScenarioIssue } from "./errors.js";
import { schemaAt } from "./zodIssues.js";

/** The deepest nesting of lists and objects a scenario or policy may have (they need about 6). */
export const MAX_DEPTH = 100;

interface Frame {
  readonly value: object;
  readonly depth: number;
  readonly parent: Frame | undefined;
  readonly key: string | number;
}

/**
 * The path to the first list or object nested deeper than `limit` (the root is at depth 0, so
 * `limit` nested levels are allowed), or undefined when none is. A cycle counts as too deep.
 * Each object is walked again only when reached at a greater depth, so the work is at most
 * `limit` times the size of the value, whatever its sharing.
 *
 * @param root - any value
 * @param limit - the most nested levels allowed (default {@link MAX_DEPTH})
 * @returns the keys and indices from the root to the too-deep value, or undefined
 * @example
 * ```ts
 * tooDeepAt({ a: [[1]] }, 2); //=> ["a", 0]
 * tooDeepAt({ a: [1] }, 2); //=> undefined
 * ```
 */
export function tooDeepAt(root: unknown, limit: number = MAX_DEPTH): (string | number)[] | undefined {
  if (typeof root !== "object" || root === null) return undefined;
  const deepest = new Map<object, number>();
  const stack: Frame[] = [{ value: root, depth: 0, parent: undefined, key: "" }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    if (frame.depth >= limit) return pathOf(frame);
    const seen = deepest.get(frame.value);
    if (seen !== undefined && seen >= frame.depth) continue;
    deepest.set(frame.value, frame.depth);
    const entries: [string | number, unknown][] = Array.isArray(frame.value) ? frame.value.map((v: unknown, i) => [i, v]) : Object.entries(frame.value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, v] = entries[i] as [string | number, unknown];
      if (typeof v === "object" && v !== null) stack.push({ value: v, depth: frame.depth + 1, parent: frame, key });
    }
  }
  return undefined;
}

function pathOf(frame: Frame): (string | number)[] {
  const path: (string | number)[] = [];
  for (let f: Frame | undefined = frame; f?.parent !== undefined; f = f.parent) path.push(f.key);
  return path.reverse();
}

/**
 * The issue for a value nested too deep: it names the field that holds the deep value and shows
 * the value's start.
 *
 * @param root - the value (a scenario or policy as written)
 * @param path - from {@link tooDeepAt}
 * @param schema - the schema of the value, to name the field (see {@link fieldOf})
 * @returns the issue
 * @example
 * ```ts
 * depthIssue({ description: [[["x"]]] }, ["description", 0, 0], scenarioInputSchema).message;
 * //=> 'description: got [[["x"]]]; expected a value nested at most 100 levels deep (a scenario or policy needs a few)'
 * ```
 */
export function depthIssue(root: unknown, path: readonly (string | number)[], schema?: z.core.$ZodType): ScenarioIssue {
  const field = fieldOf(path, schema);
  let value = root;
  for (const key of field) value = (value as Record<string | number, unknown>)[key];
  return makeIssue(formatPath(field), value, `a value nested at most ${MAX_DEPTH} levels deep (a scenario or policy needs a few)`);
}

/**
 * The field that holds a deep value: the longest start of the path that the schema knows (at
 * least its first step), so that a list nested 3,000 deep in `description` is reported at
 * `description`; without a schema, the path up to its last key among the first six steps (a
 * scenario's fields are at most six steps down).
 *
 * @param path - keys and indices from the root to the deep value
 * @param schema - the schema of the root, if known
 * @returns the start of the path
 * @example
 * ```ts
 * fieldOf(["description", 0, 0, 0], scenarioInputSchema); //=> ["description"]
 * fieldOf(["teams", 0, "hours", 0, 0, 0]); //=> ["teams", 0, "hours"]
 * ```
 */
export function fieldOf(path: readonly (string | number)[], schema?: z.core.$ZodType): (string | number)[] {
  if (schema !== undefined) {
    let known = Math.min(1, path.length);
    while (known < path.length && schemaAt(schema, path.slice(0, known + 1)) !== undefined) known++;
    return path.slice(0, known);
  }
  let last = -1;
  for (let i = 0; i < Math.min(path.length, 6); i++) if (typeof path[i] === "string") last = i;
  return path.slice(0, last + 1);
}

/**
 * The depth issue of a value, if it nests too deep: {@link tooDeepAt} and {@link depthIssue}.
 *
 * @param root - any value
 * @param schema - the schema of the value, to name the field
 * @returns the issue, or undefined
 * @example
 * ```ts
 * depthProblem({ name: "x" }); //=> undefined
 * ```
 */
export function depthProblem(root: unknown, schema?: z.core.$ZodType): ScenarioIssue | undefined {
  const path = tooDeepAt(root);
  return path === undefined ? undefined : depthIssue(root, path, schema);
}
