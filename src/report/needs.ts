/**
 * The need records of a run as a table: one row per need of the cohort (arrived in the
 * measurement window), with codes turned into names and times into days from the start of the
 * run; as CSV or as JSON lines.
 *
 * @packageDocumentation
 */
import { CAUSE_NAMES, EXPRESSION_NAMES, REASON_NAMES, STATUS_NAMES, type RunResult } from "../model/index.js";
import { CHANNELS } from "../scenario/index.js";

type Cell = string | number | null;

const day = (minutes: number): number | null => (Number.isFinite(minutes) ? minutes / 1440 : null);

/**
 * The columns of the need table, in order. Definitions: docs/output.md, "Need records".
 *
 * @example
 * ```ts
 * NEED_TABLE_COLUMNS.slice(0, 5); //=> ["id", "service", "channel", "kind", "status"]
 * ```
 */
export const NEED_TABLE_COLUMNS: readonly string[] = [
  "id", "service", "channel", "kind", "status",
  "arrivalDay", "firstContactDay", "firstClosedDay", "lastClosedDay", "closings",
  "reopens", "firstReopenDay", "lastReopenDay", "endDay", "endToEndDays",
  "contacts", "failureContacts",
  ...REASON_NAMES.map((r) => `contacts.${r}`),
  ...CAUSE_NAMES.slice(1).map((c) => `failureContacts.${c}`),
  "abandonedContacts", "chases", "clarifications", "handoffs", "consults", "outbound", "reworks",
  "firstContactResolved", "selfServed", "clean", "effortMinutes", "staffMinutes", "internalDays",
  "internalClockDays", "internalClockTargetMet", "expression",
];

/**
 * The rows of the need table: one array of cells per need, in {@link NEED_TABLE_COLUMNS} order
 * (null for a time that did not happen or a need still open).
 *
 * @param run - the result of `simulate`
 * @returns the rows, in the order the records were written
 * @example
 * ```ts
 * const rows = needTableRows(simulate(loadScenario("teaching"), policies.whole));
 * rows[0]?.length === NEED_TABLE_COLUMNS.length; //=> true
 * ```
 */
export function needTableRows(run: RunResult): Cell[][] {
  const n = run.needs;
  const rows: Cell[][] = [];
  for (let i = 0; i < n.length; i++) {
    const end = n.end[i] as number;
    const expression = n.expression[i] as number;
    rows.push([
      n.id[i] as number,
      run.serviceIds[n.service[i] as number] ?? String(n.service[i]),
      CHANNELS[n.channel[i] as number] ?? String(n.channel[i]),
      n.isCase[i] === 1 ? "case" : "enquiry",
      STATUS_NAMES[n.status[i] as number] ?? String(n.status[i]),
      day(n.arrival[i] as number),
      day(n.firstContactAt[i] as number),
      day(n.firstClosedAt[i] as number),
      day(n.lastClosedAt[i] as number),
      n.closings[i] as number,
      n.reopens[i] as number,
      day(n.firstReopenAt[i] as number),
      day(n.lastReopenAt[i] as number),
      day(end),
      Number.isFinite(end) ? (end - (n.arrival[i] as number)) / 1440 : null,
      n.contacts[i] as number,
      n.failureContacts[i] as number,
      ...n.contactsByReason.map((col) => col[i] as number),
      ...n.failureContactsByCause.slice(1).map((col) => col[i] as number),
      n.abandonedContacts[i] as number,
      n.chases[i] as number,
      n.clarifications[i] as number,
      n.handoffs[i] as number,
      n.consults[i] as number,
      n.outbound[i] as number,
      n.reworks[i] as number,
      n.firstContactResolved[i] as number,
      n.selfServed[i] as number,
      n.clean[i] as number,
      n.effortMinutes[i] as number,
      n.staffMinutes[i] as number,
      day(n.internalMinutes[i] as number),
      day(n.clockMinutes[i] as number),
      Number.isNaN(n.clockTargetMet[i] as number) ? null : (n.clockTargetMet[i] as number),
      Number.isFinite(expression) ? (EXPRESSION_NAMES[expression] ?? String(expression)) : null,
    ]);
  }
  return rows;
}

/**
 * The need table as CSV: a header of {@link NEED_TABLE_COLUMNS}, then one line per need
 * (empty cells for times that did not happen).
 *
 * @param run - the result of `simulate`
 * @returns CSV text
 * @example
 * ```ts
 * needTableCsv(simulate(loadScenario("teaching"), policies.whole)).split("\n")[0]?.startsWith("id,service,channel,kind,status"); //=> true
 * ```
 */
export function needTableCsv(run: RunResult): string {
  const q = (x: Cell) => (x === null ? "" : typeof x === "number" ? String(x) : /[",\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x);
  const lines = [NEED_TABLE_COLUMNS.join(",")];
  for (const row of needTableRows(run)) lines.push(row.map(q).join(","));
  return `${lines.join("\n")}\n`;
}

/**
 * The need table as JSON lines: one object per need with the {@link NEED_TABLE_COLUMNS} as keys
 * (null for times that did not happen).
 *
 * @param run - the result of `simulate`
 * @returns one JSON object per line
 * @example
 * ```ts
 * JSON.parse(needTableJsonLines(simulate(loadScenario("teaching"), policies.whole)).split("\n")[0]!).kind; // "case" or "enquiry"
 * ```
 */
export function needTableJsonLines(run: RunResult): string {
  const lines = needTableRows(run).map((row) => JSON.stringify(Object.fromEntries(NEED_TABLE_COLUMNS.map((c, k) => [c, row[k] ?? null]))));
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
