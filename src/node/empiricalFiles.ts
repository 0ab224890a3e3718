/**
 * Empirical spreads read from CSV files (Node only): `{ empirical: { file: "times.csv" } }` in
 * a scenario file becomes `{ empirical: { values: [...], unit: "min" } }` before the scenario
 * is validated, the file found relative to the scenario file.
 *
 * @packageDocumentation
 */
import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { formatPath, makeIssue, type ScenarioIssue } from "../scenario/errors.js";
import { readDuration } from "../scenario/units.js";

/** What a CSV file of observations must hold, in words. */
const CSV_EXPECTED =
  "a CSV file of observed durations, one a row in the first column (a header row is skipped): each with its unit (\"12 min\"), or numbers with the spread's unit";

/** At most this many bad rows of one file are reported (the first ones). */
const MAX_ROW_PROBLEMS = 5;

/**
 * Replaces every `empirical: { file, unit? }` in scenario data with the observed values the CSV
 * file holds, in minutes (`{ values, unit: "min" }`), reading each file relative to `base`.
 * Everything else is left as it is, for the scenario's own validation.
 *
 * A file has one observation a row, in its first column; columns are separated by commas,
 * semicolons or tabs (whichever comes first on the first row), and with semicolons or tabs a
 * decimal comma is read as a point ("12,5"). A first row that is not a value (a header) is
 * skipped, and so are empty rows. Without `unit` each value carries its unit ("12 min",
 * "1.5 hours"); with `unit` ("min") the values are bare numbers in it.
 *
 * @param data - scenario data as read from YAML or JSON (changed in place and returned)
 * @param base - the folder that file names are relative to (the scenario file's)
 * @returns the same data, with the files' values in place, and a problem for each file that
 *   cannot be read or holds something other than durations (naming the field, the file and the
 *   first bad rows)
 * @example
 * ```ts
 * const { data, issues } = resolveEmpiricalFiles({ services: [{ frontWork: { empirical: { file: "t.csv" } } }] }, "/data");
 * issues.length; // 0 when /data/t.csv holds observed durations
 * ```
 */
export function resolveEmpiricalFiles(data: unknown, base: string): { readonly data: unknown; readonly issues: readonly ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  // an explicit stack: JSON may nest deeply; each entry links to its parent's path, so a value
  // nested n deep costs n steps, not n² copies of its path
  const stack: [unknown, PathLink | undefined][] = [[data, undefined]];
  while (stack.length > 0) {
    const [node, link] = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    if (Array.isArray(node)) {
      // children in reverse, so that files are read (and problems told) in document order
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], { key: i, parent: link }]);
      continue;
    }
    const o = node as Record<string, unknown>;
    const e = o["empirical"];
    if (typeof e === "object" && e !== null && !Array.isArray(e) && typeof (e as Record<string, unknown>)["file"] === "string" && !("values" in e)) {
      const spec = e as { file: string; unit?: unknown };
      const where = formatPath([...pathOf(link), "empirical", "file"]);
      const read = readObservations(resolve(base, spec.file), spec.file, spec.unit, where);
      if (read.ok) o["empirical"] = { values: read.minutes, unit: "min" };
      else issues.push(...read.issues);
      continue;
    }
    for (const [k, v] of Object.entries(o).reverse()) stack.push([v, { key: k, parent: link }]);
  }
  return { data, issues };
}

/** A step of a path, linked to the path of its parent. */
interface PathLink {
  readonly key: PropertyKey;
  readonly parent: PathLink | undefined;
}

/** The path a link ends, from the root. */
function pathOf(link: PathLink | undefined): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let l = link; l !== undefined; l = l.parent) path.push(l.key);
  return path.reverse();
}

type Observations = { readonly ok: true; readonly minutes: number[] } | { readonly ok: false; readonly issues: ScenarioIssue[] };

function readObservations(path: string, name: string, unit: unknown, where: string): Observations {
  const fail = (note: string): Observations => ({ ok: false, issues: [makeIssue(where, name, CSV_EXPECTED, note)] });
  let perUnit: number | undefined;
  if (unit !== undefined) {
    const r = typeof unit === "string" ? readDuration(`1 ${unit}`) : undefined;
    if (r?.ok !== true) return fail(`Its unit ${JSON.stringify(unit)} is not a unit of time ("min", "hours", "days", ...)`);
    perUnit = r.value;
  }
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const shown = isAbsolute(name) ? name : `${name} (${path})`;
    return fail(code === "ENOENT" ? `The file ${shown} does not exist` : code === "EISDIR" ? `${shown} is a folder` : (e as Error).message);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split(/\r?\n/);
  const first = lines.find((l) => l.trim() !== "") ?? "";
  const separator = [",", ";", "\t"].map((c) => [c, first.indexOf(c)] as const).filter(([, i]) => i >= 0).sort((a, b) => a[1] - b[1])[0]?.[0] ?? ",";
  const factors = new Map<string, number | undefined>();
  const minutes: number[] = [];
  const problems: string[] = [];
  let bad = 0;
  let seenFirst = false;
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    let cell = (line.split(separator)[0] ?? "").trim().replace(/^"(.*)"$/, "$1").trim();
    if (separator !== ",") cell = cell.replace(/^([+-]?\d+),(\d)/, "$1.$2");
    const value = perUnit === undefined ? withUnit(cell, factors) : bare(cell, perUnit);
    const isFirst = !seenFirst;
    seenFirst = true;
    if (typeof value === "number") minutes.push(value);
    else if (isFirst && !/^[+-]?\.?\d/.test(cell)) return; // a header row
    else {
      bad++;
      if (problems.length < MAX_ROW_PROBLEMS) problems.push(`Line ${i + 1}: ${JSON.stringify(cell)} ${value}`);
    }
  });
  if (bad > 0) {
    const more = bad > problems.length ? `; and ${bad - problems.length} more bad rows` : "";
    return fail(`${problems.join("; ")}${more}`);
  }
  if (minutes.length === 0) return fail("It holds no values");
  return { ok: true, minutes };
}

/** A bare number ≥ 0 in the given unit, as minutes; or why it is not one. */
function bare(cell: string, perUnit: number): number | string {
  const x = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(cell) ? Number(cell) : Number.NaN;
  if (Number.isNaN(x)) return "is not a number (the spread gives the unit, so the file holds bare numbers)";
  if (!(x >= 0) || !Number.isFinite(x)) return "is not a finite number ≥ 0";
  return x * perUnit;
}

/** A duration with its unit ("12 min"), as minutes; or why it is not one. Units are read once each. */
function withUnit(cell: string, factors: Map<string, number | undefined>): number | string {
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*(\S.*)?$/i.exec(cell);
  if (m === null) return "is not a duration (a number and a unit of time, e.g. \"12 min\")";
  if (m[2] === undefined) return "has no unit: write e.g. \"12 min\", or give the unit in the spread ({ file, unit: \"min\" })";
  const unit = m[2].trim();
  if (!factors.has(unit)) {
    const r = readDuration(`1 ${unit}`);
    factors.set(unit, r.ok ? r.value : undefined);
  }
  const factor = factors.get(unit);
  if (factor === undefined) {
    const r = readDuration(cell, { allowZero: true });
    return r.ok ? r.value : `is not a duration: ${r.problem}`;
  }
  const x = Number(m[1]);
  if (!(x >= 0) || !Number.isFinite(x * factor)) return "is not a finite duration ≥ 0";
  return x * factor;
}
