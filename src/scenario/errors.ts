/**
 * Scenario problems: every problem found while reading a scenario names where it is (`path`),
 * what was found (`value`) and what was expected, and all of them are reported at once.
 *
 * @packageDocumentation
 */

/** One problem in a scenario: where it is, what was there and what was expected. */
export interface ScenarioIssue {
  /** Where the problem is, e.g. `services[1].steps[0].team`; `""` for the whole scenario; `line 3, column 5` for broken YAML. */
  readonly path: string;
  /** The value found there (`undefined` when missing). */
  readonly value: unknown;
  /** What was expected there, in words. */
  readonly expected: string;
  /** One readable line: path, value, expectation and any hint such as "did you mean ...". */
  readonly message: string;
}

/**
 * Thrown when a scenario cannot be read: holds every problem found, and its message lists
 * each of them on its own line.
 *
 * @example
 * ```ts
 * try {
 *   parseScenario({ name: "x" });
 * } catch (e) {
 *   if (e instanceof ScenarioError) e.issues.map((i) => i.path);
 *   //=> ["population", "costPerStaffHour", "teams", "services"]
 * }
 * ```
 */
export class ScenarioError extends Error {
  /** Every problem found, in the order found. */
  readonly issues: ReadonlyArray<ScenarioIssue>;

  /**
   * @param issues - the problems (at least one)
   * @param title - first line of the message
   */
  constructor(issues: ReadonlyArray<ScenarioIssue>, title = "Invalid scenario") {
    const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
    super(`${title} (${count}):\n${issues.map((i) => `  - ${i.message}`).join("\n")}`);
    this.name = "ScenarioError";
    this.issues = Object.freeze([...issues]);
  }
}

/**
 * Builds a {@link ScenarioIssue} with its one-line message
 * `"<path>: got <value>; expected <expected>. <note>"` (or `"missing"` for an absent value).
 *
 * @param path - where, e.g. `teams[0].staff`
 * @param value - what was found (`undefined` when missing)
 * @param expected - what was expected, in words
 * @param note - optional hint, e.g. `Did you mean "45 min"?`
 * @param found - optional wording of what was found, instead of "got <value>"
 * @returns the issue
 * @example
 * ```ts
 * makeIssue("teams[0].staff", 2.5, "a whole number ≥ 1").message;
 * //=> "teams[0].staff: got 2.5; expected a whole number ≥ 1"
 * ```
 */
export function makeIssue(path: string, value: unknown, expected: string, note?: string, found?: string): ScenarioIssue {
  const got = found ?? (value === undefined ? "missing" : `got ${formatValue(value)}`);
  const where = path === "" ? "(scenario)" : path;
  // a note may quote the value: keep it short, as the value itself is (formatValue)
  const short = note !== undefined && note.length > 300 ? `${note.slice(0, 297)}...` : note;
  const tail = short === undefined || short === "" ? "" : `. ${short}`;
  return { path, value, expected, message: `${where}: ${got}; expected ${expected}${tail}` };
}

/**
 * Formats a path of keys and indices the way a reader writes it: `services[1].steps[0].team`.
 *
 * @param segments - object keys and array indices from the root
 * @returns the path; `""` for the root
 * @example
 * ```ts
 * formatPath(["services", 1, "steps", 0, "team"]); //=> "services[1].steps[0].team"
 * formatPath(["teams", 0, "odd key"]); //=> 'teams[0]["odd key"]'
 * ```
 */
export function formatPath(segments: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else if (typeof s === "string" && /^[A-Za-z_$][\w$]*$/.test(s)) out += out === "" ? s : `.${s}`;
    else out += `[${JSON.stringify(String(s))}]`;
  }
  return out;
}

/**
 * A short readable rendering of any value for messages: strings quoted, objects as
 * (truncated) JSON, `NaN` and `Infinity` as such.
 *
 * @param value - anything
 * @returns at most about 80 characters
 * @example
 * ```ts
 * formatValue("45m"); //=> '"45m"'
 * formatValue({ mean: 20 }); //=> '{"mean":20}'
 * ```
 */
export function formatValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return value.toString();
  let text: string;
  try {
    text = JSON.stringify(shallow(value, { nodes: 80 }), (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v)) ?? "nothing";
  } catch {
    // a getter that throws, or a value JSON cannot write
    text = Array.isArray(value) ? `a list of ${value.length}` : "an object";
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * The first part of a value, enough to write 80 characters: at most `budget.nodes` values in
 * all, each text cut to 80 characters; cycles become "[cycle]". So a value nested thousands
 * deep, cyclic or huge is written in bounded time and stack (JSON.stringify of the whole value
 * recurses to its depth and overflows the stack).
 */
function shallow(value: unknown, budget: { nodes: number }, seen: readonly object[] = []): unknown {
  if (typeof value === "string") return value.length > 80 ? value.slice(0, 80) : value;
  if (typeof value !== "object" || value === null) return typeof value === "bigint" ? String(value) : value;
  if (budget.nodes <= 0) return Array.isArray(value) ? [] : {};
  budget.nodes--;
  if (seen.includes(value)) return "[cycle]";
  const inside = [...seen, value];
  if (Array.isArray(value)) return value.slice(0, 80).map((v: unknown) => shallow(v, budget, inside));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).slice(0, 80)) {
    const v = shallow((value as Record<string, unknown>)[key], budget, inside);
    Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
