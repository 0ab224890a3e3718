/**
 * The comparison as a side-by-side text table in three blocks — what citizens experience, the
 * whole, the parts — with 95% intervals and paired differences, and a plain-language reading.
 *
 * @packageDocumentation
 */
import type { Comparison, MetricEstimate } from "../experiment/index.js";
import { requireComparison } from "./requireResult.js";

/** A row of the table: a metric, its label and how to print it. */
export interface TableRow {
  readonly metric: string;
  readonly label: string;
  readonly digits: number;
  /** Multiply before printing (e.g. 100 for percentages). */
  readonly scale?: number;
  readonly unit?: string;
}

/**
 * The three blocks of the comparison table.
 *
 * @example
 * ```ts
 * TABLE_BLOCKS.map((b) => b.title); //=> ["What citizens experience", "The whole", "The parts", "The busiest hour"]
 * ```
 */
export const TABLE_BLOCKS: readonly { readonly title: string; readonly rows: readonly TableRow[] }[] = [
  {
    title: "What citizens experience",
    rows: [
      { metric: "endToEndDays.mean", label: "end-to-end time, mean", digits: 1, unit: "days" },
      { metric: "endToEndDays.p85", label: "end-to-end time, 85th percentile", digits: 1, unit: "days" },
      { metric: "firstContactResolution", label: "resolved at first contact", digits: 1, scale: 100, unit: "%" },
      { metric: "contactsPerNeed", label: "contacts per need", digits: 2 },
      { metric: "cleanShare", label: "right first time (clean)", digits: 1, scale: 100, unit: "%" },
      { metric: "abandonedShare", label: "needs given up", digits: 1, scale: 100, unit: "%" },
      { metric: "callAbandonment", label: "calls abandoned", digits: 1, scale: 100, unit: "%" },
      { metric: "citizenEffortMinutes", label: "citizen effort", digits: 0, unit: "min" },
    ],
  },
  {
    title: "The whole",
    rows: [
      { metric: "failureDemandShare", label: "failure demand (of contacts)", digits: 1, scale: 100, unit: "%" },
      { metric: "staffMinutesPerNeed", label: "staff minutes per need", digits: 1, unit: "min" },
      { metric: "costPerNeed", label: "cost per need", digits: 0 },
      { metric: "handoffsPerNeed", label: "hand-offs per need", digits: 2 },
      { metric: "reopenShare", label: "reopened", digits: 1, scale: 100, unit: "%" },
    ],
  },
  {
    title: "The parts",
    rows: [
      { metric: "handlingMinutesPerContact", label: "handling minutes per contact", digits: 1, unit: "min" },
      { metric: "costPerContact", label: "cost per contact", digits: 1 },
      { metric: "internalProcessingDays", label: "processing time, own clock", digits: 1, unit: "days" },
      { metric: "internalClock.endToEndRatio", label: "end-to-end time ÷ own clock (cases)", digits: 2 },
      { metric: "internalClock.targetMetShare", label: "own clock within its target", digits: 1, scale: 100, unit: "%" },
    ],
  },
  {
    title: "The busiest hour",
    rows: [
      { metric: "peak.hourOfWeek", label: "busiest hour of the week (0 = Monday 00–01)", digits: 0 },
      { metric: "peak.offeredContacts", label: "contacts offered in it, per week", digits: 1 },
      { metric: "allHours.offeredContacts", label: "contacts offered per hour, all hours", digits: 1 },
      { metric: "peak.uniqueCallers", label: "callers in it, per week", digits: 1 },
      { metric: "peak.callAbandonment", label: "calls abandoned in it", digits: 1, scale: 100, unit: "%" },
      { metric: "peak.phoneWaitMinutes", label: "phone wait in it", digits: 1, unit: "min" },
      { metric: "allHours.phoneWaitMinutes", label: "phone wait, all hours", digits: 1, unit: "min" },
    ],
  },
];

/** Styling hooks (colours on a terminal); identity by default. */
export interface TableStyle {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
}

const PLAIN: TableStyle = { bold: (s) => s, dim: (s) => s };

/**
 * Renders the comparison table as text.
 *
 * @param c - the comparison
 * @param style - optional styling (bold titles, dim intervals)
 * @returns the table, lines separated by "\n"
 * @example
 * ```ts
 * console.log(comparisonTable(compare(loadScenario("teaching"), [policies.minutes, policies.whole], { replications: 3 })));
 * ```
 */
export function comparisonTable(c: Comparison, style: TableStyle = PLAIN): string {
  requireComparison(c, "comparisonTable");
  const names = Object.keys(c.policies);
  const base = names[0] as string;
  const header = ["", ...names, ...names.slice(1).map((n) => `${n} − ${base}`)];
  const lines: string[][] = [];
  const utilisation = Object.keys(c.policies[base] ?? {}).filter((m) => m.startsWith("utilisation."));
  for (const block of TABLE_BLOCKS) {
    lines.push([style.bold(block.title)]);
    const rows = block.title === "The parts" ? [...block.rows, ...utilisation.map(utilisationRow)] : block.rows;
    for (const row of rows) {
      if (!names.every((n) => c.policies[n]?.[row.metric] !== undefined)) continue;
      const cells = names.map((n) => cell(c.policies[n]![row.metric]!, row, style));
      const diffs = names.slice(1).map((n) => {
        const d = c.differences[`${n}-vs-${base}`]?.[row.metric];
        return d === undefined ? "" : cell({ mean: d.mean, sd: null, ci95: d.ci95 }, row, style, true);
      });
      lines.push([`  ${row.label}${row.unit && row.unit !== "%" ? ` (${row.unit})` : ""}`, ...cells, ...diffs]);
    }
  }
  const widths = header.map((_, k) => Math.max(visible(header[k] ?? ""), ...lines.filter((l) => l.length > 1).map((l) => visible(l[k] ?? ""))));
  const pad = (s: string, w: number, left: boolean) => (left ? s + " ".repeat(w - visible(s)) : " ".repeat(w - visible(s)) + s);
  const render = (l: string[]) => (l.length === 1 ? l[0] as string : l.map((s, k) => pad(s, widths[k] ?? 0, k === 0)).join("   "));
  return [render(header), ...lines.map(render)].join("\n");
}

function utilisationRow(metric: string): TableRow {
  return { metric, label: `utilisation, ${metric.slice("utilisation.".length)}`, digits: 0, scale: 100, unit: "%" };
}

function cell(e: MetricEstimate, row: TableRow, style: TableStyle, signed = false): string {
  const k = row.scale ?? 1;
  const num = (x: number) => {
    // a figure that rounds to zero is shown as 0, without a sign ("-0.0" and "+0" said nothing)
    const rounded = (x * k).toFixed(row.digits);
    const s = Number(rounded) === 0 ? (0).toFixed(row.digits) : rounded;
    return signed && Number(s) > 0 ? `+${s}` : s;
  };
  const unit = row.unit === "%" ? "%" : "";
  const ci = e.ci95 === null ? "" : style.dim(` [${num(e.ci95[0])}, ${num(e.ci95[1])}]`);
  return `${num(e.mean)}${unit}${ci}`;
}

function visible(s: string): number {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;]*m/g, "").length;
}

/**
 * A short plain-language reading of a two-policy comparison, from the first policy's side:
 * "the parts look N% cheaper per contact while each need costs M% more staff time and takes K
 * days longer".
 *
 * @param c - the comparison (the first two policies are read)
 * @returns one or two sentences
 * @example
 * ```ts
 * reading(comparison); //=> "Under minutes the parts look 31% cheaper per contact, while each need costs 30% more staff time ..."
 * ```
 */
export function reading(c: Comparison): string {
  requireComparison(c, "reading");
  const [a, b] = Object.keys(c.policies);
  if (a === undefined || b === undefined) return "";
  const m = (p: string, metric: string) => c.policies[p]?.[metric]?.mean ?? 0;
  const pct = (x: number, y: number) => (y === 0 ? 0 : Math.round((100 * (x - y)) / y));
  const perContact = pct(m(a, "costPerContact"), m(b, "costPerContact"));
  const perNeed = pct(m(a, "staffMinutesPerNeed"), m(b, "staffMinutesPerNeed"));
  const days = m(a, "endToEndDays.mean") - m(b, "endToEndDays.mean");
  const fdA = Math.round(100 * m(a, "failureDemandShare"));
  const fdB = Math.round(100 * m(b, "failureDemandShare"));
  const contact = perContact <= 0 ? `look ${-perContact}% cheaper per contact` : `look ${perContact}% dearer per contact`;
  const need = perNeed >= 0 ? `each need costs ${perNeed}% more staff time` : `each need costs ${-perNeed}% less staff time`;
  const time = days >= 0 ? `takes ${days.toFixed(1)} days longer end to end` : `is ${(-days).toFixed(1)} days quicker end to end`;
  const joiner = (perContact <= 0) === (perNeed >= 0) ? "while" : "and";
  const d = c.differences[`${b}-vs-${a}`];
  const sure = ["costPerContact", "staffMinutesPerNeed", "endToEndDays.mean"].every((k) => {
    const ci = d?.[k]?.ci95;
    return ci !== null && ci !== undefined && (ci[0] > 0 || ci[1] < 0);
  });
  const confidence = c.replications < 2 ? " (one replication: no interval)" : sure ? " (all three differences clear of zero at 95%)" : " (not every difference is clear of zero at 95%: see the intervals)";
  return `Under ${a} the parts ${contact}, ${joiner} ${need} and ${time} than under ${b}; failure demand is ${fdA}% of contacts against ${fdB}%${confidence}.`;
}
