/**
 * Turns zod issues into {@link ScenarioIssue}s that name the path, the value found and what
 * was expected (from the `expectations` registry of the schema at that path), with a
 * "did you mean" for unknown keys and enum values and a unit hint for bare numbers.
 *
 * @packageDocumentation
 */
import type { z } from "zod";
import { formatPath, formatValue, makeIssue, type ScenarioIssue } from "./errors.js";
import { expectations, type Expectation } from "./fields.js";
import { didYouMean } from "./suggest.js";

type Schema = z.core.$ZodType;
type Def = { readonly type: string } & Readonly<Record<string, unknown>>;

const WRAPPERS = ["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"];

function defOf(s: Schema): Def {
  return s._zod.def as unknown as Def;
}

/** The schema inside a wrapper (optional, default, pipe input, ...), or undefined for a leaf. */
function innerOf(s: Schema): Schema | undefined {
  const d = defOf(s);
  if (WRAPPERS.includes(d.type)) return d["innerType"] as Schema;
  if (d.type === "pipe") return d["in"] as Schema;
  return undefined;
}

function child(s: Schema, key: PropertyKey): Schema | undefined {
  for (let cur: Schema | undefined = s; cur !== undefined; cur = innerOf(cur)) {
    const d = defOf(cur);
    if (d.type === "object") {
      // own keys only: "__proto__" or "constructor" names no field
      const shape = d["shape"] as Record<string, Schema>;
      return Object.prototype.hasOwnProperty.call(shape, String(key)) ? shape[String(key)] : undefined;
    }
    if (d.type === "array") return typeof key === "number" ? (d["element"] as Schema) : undefined;
    if (d.type === "union") {
      for (const option of d["options"] as Schema[]) {
        const c = child(option, key);
        if (c !== undefined) return c;
      }
      return undefined;
    }
  }
  return undefined;
}

/**
 * The schema at a path inside `root` (through objects, arrays, unions and wrappers).
 *
 * @param root - the root schema
 * @param path - keys and indices
 * @returns the schema there, or undefined
 * @example
 * ```ts
 * schemaAt(scenarioInputSchema, ["teams", 0, "staff"]) !== undefined; //=> true
 * ```
 */
export function schemaAt(root: Schema, path: ReadonlyArray<PropertyKey>): Schema | undefined {
  let s: Schema | undefined = root;
  for (const key of path) {
    if (s === undefined) return undefined;
    s = child(s, key);
  }
  return s;
}

/**
 * The registered expectation of a schema or of the first schema it wraps.
 *
 * @param s - a schema (or undefined)
 * @returns the expectation, or undefined when none is registered
 * @example
 * ```ts
 * expectationOf(share)?.expected; //=> "a number from 0 to 1"
 * ```
 */
export function expectationOf(s: Schema | undefined): Expectation | undefined {
  for (let cur = s; cur !== undefined; cur = innerOf(cur)) {
    const e = expectations.get(cur as z.ZodType);
    if (e !== undefined) return e;
  }
  return undefined;
}

function knownKeys(s: Schema | undefined): string[] {
  for (let cur = s; cur !== undefined; cur = innerOf(cur)) {
    const d = defOf(cur);
    if (d.type === "object") return Object.keys(d["shape"] as object);
    // a record keyed by a fixed set of names (batching.byRole): its names
    if (d.type === "record") {
      const key = defOf(d["keyType"] as Schema);
      return key.type === "enum" ? Object.values(key["entries"] as Record<string, string>) : [];
    }
  }
  return [];
}

/**
 * The value at a path of keys and indices inside parsed input (what a zod issue's path points
 * at), or undefined when the path leads nowhere.
 *
 * @param input - the parsed input
 * @param path - keys and indices, as in `issue.path`
 * @returns the value there
 * @example
 * ```ts
 * valueAt({ teams: [{ staff: 0 }] }, ["teams", 0, "staff"]); //=> 0
 * ```
 */
export function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v = input;
  for (const key of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function bareNumberHint(value: unknown, unit: Expectation["unit"]): string | undefined {
  if (typeof value !== "number" || unit === undefined) return undefined;
  const example = unit === "duration" ? `"${value} min" or "${value} days"` : `"${value} / week" or "${value} / year"`;
  return `A bare number has no unit: write e.g. ${example}.`;
}

/**
 * Converts zod issues of parsing `input` with `root` into scenario issues, one per problem
 * (one per unknown key).
 *
 * @param issues - `error.issues` of a failed `safeParse`
 * @param input - the value that was parsed
 * @param root - the schema it was parsed with
 * @returns scenario issues in the order zod found them, duplicates removed
 * @example
 * ```ts
 * const input = { id: "a", role: "front", staff: 0, hours: "always" };
 * const r = teamSchema.safeParse(input);
 * if (!r.success) fromZodIssues(r.error.issues, input, teamSchema)[0]?.message;
 * //=> "staff: got 0; expected a whole number ≥ 1"
 * ```
 */
export function fromZodIssues(issues: ReadonlyArray<z.core.$ZodIssue>, input: unknown, root: Schema): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  const seen = new Set<string>();
  const add = (i: ScenarioIssue): void => {
    if (seen.has(i.message)) return;
    seen.add(i.message);
    out.push(i);
  };
  for (const issue of issues) {
    const path = issue.path;
    if (issue.code === "unrecognized_keys") {
      const known = knownKeys(schemaAt(root, path));
      for (const key of issue.keys) {
        const where = [...path, key];
        const value = valueAt(input, where);
        const found = `unknown key (with value ${formatValue(value)})`;
        add(makeIssue(formatPath(where), value, `one of the keys ${known.join(", ")}`, didYouMean(key, known), found));
      }
      continue;
    }
    const value = valueAt(input, path);
    const exp = expectationOf(schemaAt(root, path));
    if (issue.code === "custom") {
      const params = issue.params as { expected?: unknown } | undefined;
      const expected = typeof params?.expected === "string" ? params.expected : exp?.expected ?? "a valid value";
      add(makeIssue(formatPath(path), value, expected, issue.message));
      continue;
    }
    const expected = exp?.expected ?? issue.message;
    let note: string | undefined;
    if (issue.code === "invalid_type") note = bareNumberHint(value, exp?.unit);
    if (issue.code === "invalid_value" && typeof value === "string") {
      note = didYouMean(value, issue.values.map((v) => String(v))) || undefined;
    }
    add(makeIssue(formatPath(path), value, expected, note));
  }
  return out;
}
