/**
 * Dotted paths into scenarios and policies, for sweeps: `services.general.demandTypes`,
 * `policy.handlingTime.frontMinutes`, `teams.0.staff`. An array step is an index or the `id`
 * (or `name`) of an element.
 *
 * @packageDocumentation
 */
import { parseDuration, parseHours, readDemandFactor } from "../scenario/index.js";

/**
 * A copy of `root` with the value at `path` replaced. Numbers given as strings with a unit
 * ("4 min", "2 weeks") become minutes where the old value is a number or null (an optional
 * number such as a handling-time target), and "none" there becomes null; opening hours given
 * as text ("always", "Mon-Fri 08:00-16:00") become week intervals where the old value is a
 * team's hours, and demand changes ("+15%", "x1.3") become factors. The value is not checked here: `sweep` checks the result as it checks a file.
 *
 * @param root - a plain object (scenario or policy)
 * @param path - dotted path
 * @param value - the new value
 * @returns the changed copy (the original is not modified)
 * @throws RangeError naming the first step of the path that does not exist, and what exists there
 * @example
 * ```ts
 * setPath({ a: [{ id: "x", n: 1 }] }, "a.x.n", 5); //=> { a: [{ id: "x", n: 5 }] }
 * ```
 */
export function setPath<T>(root: T, path: string, value: unknown): T {
  const steps = path.split(".").filter((s) => s !== "");
  if (steps.length === 0) throw new RangeError("the path is empty: give a dotted path such as services.general.demandTypes");
  return put(root, steps, 0, value, path) as T;
}

/**
 * The value at `path`.
 *
 * @param root - a plain object
 * @param path - dotted path
 * @returns the value
 * @throws RangeError when the path does not exist
 * @example
 * ```ts
 * getPath({ a: { b: 2 } }, "a.b"); //=> 2
 * ```
 */
export function getPath(root: unknown, path: string): unknown {
  let here: unknown = root;
  const steps = path.split(".");
  steps.forEach((step, i) => {
    here = child(here, step, steps.slice(0, i + 1).join("."), path);
  });
  return here;
}

function child(here: unknown, step: string, sofar: string, path: string): unknown {
  if (Array.isArray(here)) {
    const k = indexOf(here, step);
    if (k < 0) throw new RangeError(`${path}: "${step}" is not an index or id here; there are ${describe(here)}`);
    return here[k];
  }
  // own keys only: "__proto__" or "constructor" names no field of a scenario or policy
  if (here !== null && typeof here === "object" && Object.hasOwn(here, step)) return (here as Record<string, unknown>)[step];
  const keys = here !== null && typeof here === "object" ? Object.keys(here) : [];
  const there = keys.length > 0 ? `the keys there are ${keys.join(", ")}` : here !== null && typeof here === "object" ? "there are no keys there" : `the value there is ${JSON.stringify(here) ?? String(here)}, which has no keys`;
  throw new RangeError(`${path}: ${sofar} does not exist; ${there}`);
}

function put(here: unknown, steps: readonly string[], i: number, value: unknown, path: string): unknown {
  const step = steps[i] as string;
  const sofar = steps.slice(0, i + 1).join(".");
  const old = child(here, step, sofar, path);
  const next = i === steps.length - 1 ? convert(old, value, path) : put(old, steps, i + 1, value, path);
  if (Array.isArray(here)) {
    const copy = [...here];
    copy[indexOf(here, step)] = next;
    return copy;
  }
  return { ...(here as Record<string, unknown>), [step]: next };
}

/** Whether a value is a list of week intervals (a team's hours in the model). */
function isIntervals(x: unknown): boolean {
  return Array.isArray(x) && x.length > 0 && x.every((i) => Array.isArray(i) && i.length === 2 && i.every((m) => typeof m === "number"));
}

function convert(old: unknown, value: unknown, path: string): unknown {
  // opening hours as written ("always", "Mon-Fri 08:00-16:00"); text that does not read stays
  // as it is, for the scenario's check to report like a file's
  if (isIntervals(old) && (typeof value === "string" || (Array.isArray(value) && value.every((v) => typeof v === "string")))) {
    try {
      return parseHours(value as string | string[]);
    } catch {
      return value;
    }
  }
  if ((typeof old === "number" || old === null) && (value === "none" || value === "null")) return null;
  if ((typeof old === "number" || old === null) && typeof value === "string") {
    const n = Number(value);
    if (value.trim() !== "" && Number.isFinite(n)) return n;
    // a demand change as written in an event ("+15%", "x1.3"): its factor
    const factor = readDemandFactor(value);
    if (Number.isFinite(factor)) return factor;
    try {
      return parseDuration(value, { allowZero: true });
    } catch {
      throw new RangeError(`${path}: "${value}" is neither a number nor a duration such as "4 min"`);
    }
  }
  return value;
}

function indexOf(list: readonly unknown[], step: string): number {
  if (/^\d+$/.test(step)) return Number(step) < list.length ? Number(step) : -1;
  return list.findIndex((x) => x !== null && typeof x === "object" && ((x as { id?: unknown }).id === step || (x as { name?: unknown }).name === step));
}

function describe(list: readonly unknown[]): string {
  const ids = list.map((x) => (x !== null && typeof x === "object" ? ((x as { id?: string }).id ?? (x as { name?: string }).name) : undefined)).filter(Boolean);
  return ids.length > 0 ? `${list.length} elements: ${ids.join(", ")}` : `${list.length} elements (indices 0–${list.length - 1})`;
}
