/**
 * The invariants every run must keep, as functions that return the violations found (an empty
 * list when all hold), so the quick tests, the long tests and the reproductions in found.ts
 * share one definition. Each message names the figure, where it is and the value.
 */
import {
  EXPRESSION_NAMES,
  OUTCOME_NAMES,
  REASON_NAMES,
  STATUS_NAMES,
  TASK_NAMES,
  summarise,
  type Comparison,
  type RunResult,
  type RunSummary,
} from "../../src/index.js";

const EPS = 1e-9;

function isTime(x: number | undefined): boolean {
  return x !== undefined && Number.isFinite(x) && x >= 0;
}

function isShare(x: number): boolean {
  return Number.isFinite(x) && x >= 0 && x <= 1;
}

/** Every number in a value (objects, arrays, typed arrays), with its path. */
export function numbersIn(value: unknown, path = ""): [string, number][] {
  if (typeof value === "number") return [[path, value]];
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>, (x, i): [string, number] => [`${path}[${i}]`, Number(x)]);
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersIn(v, `${path}[${i}]`));
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([k, v]) => numbersIn(v, path === "" ? k : `${path}.${k}`));
  return [];
}

/** Paths of NaN or infinite numbers in a value. */
export function nonFinite(value: unknown): string[] {
  return numbersIn(value)
    .filter(([, x]) => !Number.isFinite(x))
    .map(([p, x]) => `${p} = ${x}`);
}

/**
 * The summary's invariants: conservation, shares and utilisation in [0, 1], every figure
 * finite and ≥ 0, quantiles in order.
 */
export function summaryViolations(m: RunSummary): string[] {
  const out: string[] = [];
  if (m.arrived !== m.resolved + m.abandoned + m.open) {
    out.push(`need conservation: arrived ${m.arrived} ≠ resolved ${m.resolved} + abandoned ${m.abandoned} + open ${m.open}`);
  }
  for (const p of nonFinite(m)) out.push(`summary: ${p}`);
  for (const [p, x] of numbersIn(m)) if (x < 0) out.push(`summary: ${p} = ${x} < 0`);
  const shares: [string, number][] = [
    ["firstContactResolution", m.firstContactResolution],
    ["failureDemandShare", m.failureDemandShare],
    ["cleanShare", m.cleanShare],
    ["reopenShare", m.reopenShare],
    ["abandonedShare", m.abandonedShare],
    ["selfServedShare", m.selfServedShare],
    ["callAbandonment", m.callAbandonment],
    ...Object.entries(m.failureDemandByReason).map(([k, v]): [string, number] => [`failureDemandByReason.${k}`, v]),
    ...Object.entries(m.expression).map(([k, v]): [string, number] => [`expression.${k}`, v]),
  ];
  for (const [name, x] of shares) if (!isShare(x)) out.push(`share ${name} = ${x} is not in [0, 1]`);
  for (const [team, u] of Object.entries(m.utilisation)) if (!isShare(u)) out.push(`utilisation of ${team} = ${u} is not in [0, 1]`);
  const byReason = Object.values(m.failureDemandByReason).reduce((a, x) => a + x, 0);
  if (Math.abs(byReason - m.failureDemandShare) > 1e-9) out.push(`failure demand by reason adds to ${byReason}, not the failure-demand share ${m.failureDemandShare}`);
  const e = m.endToEndDays;
  if (!(e.median <= e.p85 + EPS && e.p85 <= e.p95 + EPS)) out.push(`end-to-end quantiles out of order: median ${e.median}, p85 ${e.p85}, p95 ${e.p95}`);
  return out;
}

/**
 * A run's invariants: need rows and contact rows in the window with finite, non-negative
 * times, counts and minutes; codes in range; team statistics finite and utilisation in
 * [0, 1]; staff minutes add up (by task = value + failure for every team); the journal's
 * rows of each need start with "arose" and are in time order; and the summary's invariants.
 *
 * @param run - a run
 * @returns the violations (empty when every invariant holds); at most a few per kind
 */
export function runViolations(run: RunResult): string[] {
  const out: string[] = [];
  const add = (kind: string, message: string) => {
    if (out.filter((m) => m.startsWith(kind)).length < 3) out.push(`${kind}: ${message}`);
  };
  const { warmupMinutes: warmup, horizonMinutes: horizon, endMinutes: end } = run;
  if (!isTime(end) || end < horizon - EPS) add("run end", `endMinutes ${end} before the horizon ${horizon} or not finite`);
  const n = run.needs;
  for (let i = 0; i < n.length; i++) {
    const id = n.id[i];
    const arrival = n.arrival[i] as number;
    if (!(arrival >= warmup && arrival < horizon)) add("need arrival", `need ${id} arrived at ${arrival}, outside [${warmup}, ${horizon})`);
    const status = n.status[i] as number;
    if (!(status in STATUS_NAMES)) add("need status", `need ${id} has status ${status}`);
    const e = n.end[i] as number;
    if (status === 0) {
      if (!Number.isNaN(e)) add("need end", `open need ${id} has an end ${e} (should be NaN)`);
    } else if (!(isTime(e) && e >= arrival && e <= end + EPS)) add("need end", `need ${id} (${STATUS_NAMES[status]}) ends at ${e}, outside [arrival ${arrival}, run end ${end}]`);
    for (const [name, col] of [
      ["contacts", n.contacts], ["failureContacts", n.failureContacts], ["outbound", n.outbound], ["handoffs", n.handoffs],
      ["reworks", n.reworks], ["effortMinutes", n.effortMinutes], ["staffMinutes", n.staffMinutes], ["patience", n.patience],
    ] as const) {
      if (!isTime(col[i])) add(`need ${name}`, `need ${id} has ${name} = ${col[i]}`);
    }
    if ((n.failureContacts[i] as number) > (n.contacts[i] as number)) add("need failureContacts", `need ${id}: ${n.failureContacts[i]} failure contacts > ${n.contacts[i]} contacts`);
    for (const [name, col] of [
      ["isCase", n.isCase], ["firstContactResolved", n.firstContactResolved], ["contacted", n.contacted], ["reopened", n.reopened],
      ["selfServed", n.selfServed], ["clean", n.clean],
    ] as const) {
      if (col[i] !== 0 && col[i] !== 1) add(`need ${name}`, `need ${id} has flag ${name} = ${col[i]}`);
    }
    const internal = n.internalMinutes[i] as number;
    if (!Number.isNaN(internal) && !isTime(internal)) add("need internalMinutes", `need ${id} has internalMinutes ${internal}`);
    const ex = n.expression[i] as number;
    if (status === 0 ? !Number.isNaN(ex) && !(ex in EXPRESSION_NAMES) : !(ex in EXPRESSION_NAMES)) add("need expression", `need ${id} (${STATUS_NAMES[status]}) has expression ${ex}`);
  }
  const c = run.contacts;
  const teams = run.teams.length;
  for (let i = 0; i < c.length; i++) {
    const t = c.time[i] as number;
    if (!(t >= warmup && t < horizon)) add("contact time", `contact ${i} at ${t}, outside [${warmup}, ${horizon})`);
    if (!isTime(c.wait[i])) add("contact wait", `contact ${i} waited ${c.wait[i]}`);
    if (!isTime(c.minutes[i])) add("contact minutes", `contact ${i} took ${c.minutes[i]} minutes`);
    const team = c.team[i] as number;
    if (!(Number.isInteger(team) && team >= 0 && team < teams)) add("contact team", `contact ${i} at team ${team}`);
    const origin = c.origin[i] as number;
    if (!(origin === -1 || (Number.isInteger(origin) && origin >= 0 && origin < teams))) add("contact origin", `contact ${i} has origin ${origin}`);
    if (!((c.reason[i] as number) in REASON_NAMES)) add("contact reason", `contact ${i} has reason ${c.reason[i]}`);
    if (!((c.outcome[i] as number) in OUTCOME_NAMES)) add("contact outcome", `contact ${i} has outcome ${c.outcome[i]}`);
  }
  for (const team of run.teams) {
    for (const p of nonFinite(team)) add("team figure", `${team.id}: ${p}`);
    for (const [p, x] of numbersIn(team.stats)) if (x < 0) add("team figure", `${team.id}: stats.${p} = ${x} < 0`);
    if (!isShare(team.stats.utilisation)) add("team utilisation", `${team.id}: ${team.stats.utilisation}`);
    if (team.minutesByTask.length !== TASK_NAMES.length) add("team minutes", `${team.id}: ${team.minutesByTask.length} task entries`);
    if (!(team.valueMinutes >= 0 && team.failureMinutes >= 0)) add("team minutes", `${team.id}: value ${team.valueMinutes}, failure ${team.failureMinutes}`);
    for (const [k, x] of team.minutesByTask.entries()) if (!isTime(x)) add("team minutes", `${team.id}: ${TASK_NAMES[k]} = ${x}`);
    const byTask = team.minutesByTask.reduce((a, x) => a + x, 0);
    const total = team.valueMinutes + team.failureMinutes;
    if (Math.abs(byTask - total) > 1e-6 * Math.max(1, total)) add("staff minutes add up", `${team.id}: by task ${byTask} ≠ value + failure ${total}`);
  }
  for (const p of nonFinite(run.dailyOpenNeeds)) add("daily open needs", p);
  out.push(...journalViolations(run));
  out.push(...journalRawOrderViolations(run));
  out.push(...summaryViolations(summarise(run)));
  return out;
}

/**
 * The journal of each sampled need is a journey: it starts with "arose" at the need's arrival,
 * and every later event has a finite time ≥ that arrival, with waits and minutes ≥ 0. (That
 * the rows are in time order is {@link journalRawOrderViolations}.)
 */
export function journalViolations(run: RunResult): string[] {
  const out: string[] = [];
  const j = run.journal;
  const arose = new Map<number, number>();
  for (let i = 0; i < j.length && out.length < 3; i++) {
    const need = j.need[i] as number;
    const t = j.time[i] as number;
    if (!isTime(t) || !isTime(j.wait[i]) || !isTime(j.minutes[i])) out.push(`journal: row ${i} of need ${need} has time ${t}, wait ${j.wait[i]}, minutes ${j.minutes[i]}`);
    const start = arose.get(need);
    if (start === undefined) {
      if (j.event[i] !== 0) out.push(`journal: need ${need} starts with event ${j.event[i]}, not "arose"`);
      arose.set(need, t);
    } else if (t < start - EPS) out.push(`journal: need ${need} has event ${j.event[i]} at ${t}, before it arose at ${start}`);
  }
  return out;
}

/**
 * The raw journal rows of each need in time order, as model/journal.ts documents ("one row
 * per event of a sampled need, in time order per need"). Rows are written when an event ends,
 * with the time it started, so the journal must sort them (found.ts: journalRowsNotInTimeOrder,
 * fixed); one of the run invariants.
 */
export function journalRawOrderViolations(run: RunResult): string[] {
  const out: string[] = [];
  const j = run.journal;
  const last = new Map<number, number>();
  for (let i = 0; i < j.length && out.length < 3; i++) {
    const need = j.need[i] as number;
    const t = j.time[i] as number;
    const before = last.get(need);
    if (before !== undefined && t < before - EPS) out.push(`journal order: need ${need} row ${i} (event ${j.event[i]}) at ${t} comes after an event at ${before}`);
    last.set(need, Math.max(before ?? -Infinity, t));
  }
  return out;
}

/**
 * A Comparison's invariants: no NaN or infinite number anywhere; no null except `sd` and
 * `ci95` with a single replication; the JSON text reads back to the same object.
 */
export function comparisonViolations(c: Comparison): string[] {
  const out: string[] = [];
  for (const p of nonFinite(c)) out.push(`comparison: ${p}`);
  const nulls: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (v === null) nulls.push(path);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (typeof v === "object" && v !== undefined) for (const [k, x] of Object.entries(v as object)) walk(x, path === "" ? k : `${path}.${k}`);
  };
  walk(c, "");
  const allowed = (p: string) => c.replications === 1 && /\.(sd|ci95)$/.test(p);
  for (const p of nulls.filter((p) => !allowed(p)).slice(0, 3)) out.push(`comparison: null at ${p}`);
  const text = JSON.stringify(c);
  if (/NaN|Infinity/.test(text)) out.push("comparison JSON contains NaN or Infinity");
  return out;
}

/**
 * Deep equality with Object.is on numbers (NaN equals NaN, 0 and -0 differ); typed arrays
 * compared element by element. Returns the first difference's path, or undefined.
 */
export function firstDifference(a: unknown, b: unknown, path = ""): string | undefined {
  if (typeof a === "number" && typeof b === "number") return Object.is(a, b) ? undefined : `${path}: ${a} vs ${b}`;
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    const x = a as unknown as ArrayLike<number>;
    const y = b as unknown as ArrayLike<number>;
    if (x.length !== y.length) return `${path}: length ${x.length} vs ${y.length}`;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return `${path}[${i}]: ${x[i]} vs ${y[i]}`;
    return undefined;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: length ${a.length} vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    if (ka.join(",") !== kb.join(",")) return `${path}: keys ${ka.join(",")} vs ${kb.join(",")}`;
    for (const k of ka) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path === "" ? k : `${path}.${k}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return Object.is(a, b) ? undefined : `${path}: ${String(a)} vs ${String(b)}`;
}
