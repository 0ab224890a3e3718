/**
 * The headline figures of the docs, made from the public API with fixed seeds:
 *
 * - `headlines` (docs/validation.md): the two presets on `soderhamn` (10 replications, seed 1)
 *   on the headline metrics, each preset's mean with its 95% interval and the paired difference
 *   whole − minutes with its interval and direction; failure demand by cause under each preset;
 *   and "where minutes wins", the paired differences on end-to-end time, failure demand and cost
 *   per need for other scenarios and for single changes of `soderhamn` (5 replications each).
 * - `calibration` (docs/model.md §6): the figures `test/model/calibration.test.ts` holds to
 *   evidence bands (seed 2026, three replications, one year), then failure demand by cause.
 * - `bands` (docs/validation.md §2.1): the same figures against the same bands.
 *
 * Every mean, interval and paired difference is the Comparison's own
 * (src/experiment/comparison.ts); the script only formats them. The band figures of the
 * calibration test are computed from single runs as the test computes them.
 *
 *   npx tsx scripts/headlines.ts           # print the blocks
 *   npx tsx scripts/headlines.ts --write   # and replace the marked regions of the docs
 *   npx tsx scripts/headlines.ts --check   # exit 1 when a marked region differs from the blocks
 *
 * A region is the text between `<!-- <name>:begin -->` and `<!-- <name>:end -->`.
 * test/headlines.test.ts checks the formatting and that the regions exist; the long run
 * (test/long/headlines.test.ts) regenerates the blocks and fails when the docs differ.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  CAUSE_NAMES,
  compare,
  factorial,
  factorialTable,
  formatDuration,
  formatRate,
  loadScenario,
  NeedStatus,
  Outcome,
  parseRate,
  policies,
  setPath,
  simulate,
  summarise,
  sweep,
  type Comparison,
  type DifferenceEstimate,
  type FactorialStudy,
  type MetricEstimate,
  type Policy,
  type RunResult,
  type Scenario,
} from "../src/index.js";

// ---------------------------------------------------------------------------------------------
// Formatting

/** A headline metric: its name in the Comparison, its label, and how its numbers are shown. */
export interface HeadlineMetric {
  readonly key: string;
  readonly label: string;
  /** Multiplies the value for display (100 for a share shown in %). */
  readonly scale: number;
  readonly digits: number;
}

/** The headline metrics, in the order of the table. Lower is better for each but first-contact resolution. */
export const HEADLINE_METRICS: readonly HeadlineMetric[] = [
  { key: "endToEndDays.mean", label: "end-to-end days, mean", scale: 1, digits: 2 },
  { key: "endToEndDays.p95", label: "end-to-end days, 95th percentile", scale: 1, digits: 2 },
  { key: "failureDemandShare", label: "failure-demand share (% of contacts)", scale: 100, digits: 2 },
  { key: "costPerNeed", label: "cost per need (SEK)", scale: 1, digits: 1 },
  { key: "costPerContact", label: "cost per contact (SEK)", scale: 1, digits: 1 },
  { key: "contactsPerNeed", label: "contacts per need", scale: 1, digits: 3 },
  { key: "firstContactResolution", label: "first-contact resolution (%; higher is better)", scale: 100, digits: 2 },
  { key: "abandonedShare", label: "needs given up (% of needs)", scale: 100, digits: 2 },
  { key: "reopenShare", label: "needs reopened (% of needs)", scale: 100, digits: 2 },
  { key: "staffMinutesPerNeed", label: "staff minutes per need", scale: 1, digits: 1 },
];

/** A number with a true minus sign, no "−0.00", and commas between thousands from 10,000 on. */
export function num(x: number, digits: number): string {
  let s = x.toFixed(digits);
  if (/^-0\.?0*$/.test(s)) s = s.slice(1);
  if (Math.abs(x) >= 10_000) s = s.replace(/^(-?)(\d+)/, (_all, sign: string, int: string) => sign + int.replace(/\B(?=(\d{3})+$)/g, ","));
  return s.startsWith("-") ? `−${s.slice(1)}` : s;
}

/** "mean [lo, hi]", or the mean alone when there is no interval (one replication). */
export function withInterval(e: MetricEstimate | DifferenceEstimate | undefined, scale = 1, digits = 2): string {
  if (e === undefined) return "—";
  const mean = num(e.mean * scale, digits);
  if (e.ci95 === null) return mean;
  return `${mean} [${num(e.ci95[0] * scale, digits)}, ${num(e.ci95[1] * scale, digits)}]`;
}

/**
 * The direction of a paired difference `other − base` in words: "`other` lower" when the whole
 * 95% interval is below 0, "`base` lower" when it is above, "no clear difference" when it
 * contains 0 (or there is no interval).
 */
export function direction(d: DifferenceEstimate | undefined, base: string, other: string): string {
  if (d === undefined || d.ci95 === null) return "no interval";
  if (d.ci95[1] < 0) return `${other} lower`;
  if (d.ci95[0] > 0) return `${base} lower`;
  return "no clear difference";
}

/** The paired differences `other − base` of a Comparison. */
function differencesOf(c: Comparison, base: string, other: string): Readonly<Record<string, DifferenceEstimate>> {
  const d = c.differences[`${other}-vs-${base}`];
  if (d === undefined) throw new RangeError(`the comparison has no differences ${other}-vs-${base}: it has ${Object.keys(c.differences).join(", ")}`);
  return d;
}

const metricOf = (c: Comparison, policy: string, key: string): MetricEstimate | undefined => c.policies[policy]?.[key];

/** A line naming the comparison: scenario, replications, seed and window. */
export function describeComparison(c: Comparison): string {
  return `\`${c.scenario}\`, ${c.replications} replications, seed ${c.seed}, ${num(c.horizonDays - c.warmupDays, 0)} measured days after a ${num(c.warmupDays, 0)}-day warm-up`;
}

/**
 * Block (a): each headline metric under both presets with the paired difference.
 *
 * @param c - a Comparison whose first policy is `base`
 * @param base - the baseline policy (default "minutes")
 * @param other - the other policy (default "whole")
 * @returns a markdown table
 */
export function headlineTable(c: Comparison, base = "minutes", other = "whole"): string {
  const diffs = differencesOf(c, base, other);
  const lines = [
    `| metric | ${base}: mean [95% interval] | ${other}: mean [95% interval] | ${other} − ${base}: paired mean [95% interval] | direction |`,
    "|---|---|---|---|---|",
  ];
  for (const m of HEADLINE_METRICS) {
    const d = diffs[m.key];
    lines.push(
      `| ${m.label} | ${withInterval(metricOf(c, base, m.key), m.scale, m.digits)} | ${withInterval(metricOf(c, other, m.key), m.scale, m.digits)} | ${withInterval(d, m.scale, m.digits)} | ${direction(d, base, other)} |`,
    );
  }
  return lines.join("\n");
}

/** What makes each cause, and which preset has the design choice behind it (docs/model.md §3). */
export const CAUSES: Readonly<Record<string, { readonly what: string; readonly preset: string }>> = {
  cutShort: { what: "work cut short at a handling-time target (M3)", preset: "minutes" },
  wrongAnswer: { what: "a broad front line's wrong answer beyond the basic repertoire", preset: "whole" },
  consultLoss: { what: "something lost when a consult's answer was relayed", preset: "whole" },
  infoLoss: { what: "information lost at a hand-off made field work fail (M4)", preset: "both" },
  misroute: { what: "a passed-on enquiry sent to the wrong place (M4)", preset: "minutes" },
  unclearLetter: { what: "a letter asking for missing information not understood (M7)", preset: "minutes" },
  fieldFailure: { what: "field work failed (M8)", preset: "both" },
  workFailed: { what: "other step work failed (M8)", preset: "both" },
  prematureClosure: { what: "a case closed at symptom relief (M10)", preset: "minutes" },
  measureGaming: { what: "a late case closed early to stop the end-to-end clock (M13)", preset: "whole" },
  waitBeyondExpectation: { what: "a wait past what the citizen expected (M9)", preset: "both" },
  missedUpdate: { what: "updates promised, none came in time", preset: "whole" },
  ownerAbsent: { what: "the need's own case owner was away", preset: "whole" },
  badExperience: { what: "a complaint about the journey as a whole", preset: "both" },
};

/**
 * Block (b): failure demand by cause under both presets, as % of handled contacts, in the
 * order of `CAUSE_NAMES`, with the total.
 *
 * @param c - a Comparison of `base` and `other`
 * @param base - the baseline policy (default "minutes")
 * @param other - the other policy (default "whole")
 * @returns a markdown table
 */
export function causeTable(c: Comparison, base = "minutes", other = "whole"): string {
  const lines = [
    `| cause | what makes it | design that has it | ${base}: % of contacts [95% interval] | ${other}: % of contacts [95% interval] |`,
    "|---|---|---|---|---|",
  ];
  const cell = (policy: string, key: string) => {
    const e = metricOf(c, policy, key);
    if (e !== undefined && e.mean === 0 && (e.ci95 === null || (e.ci95[0] === 0 && e.ci95[1] === 0))) return "0";
    return withInterval(e, 100, 2);
  };
  for (const name of CAUSE_NAMES.slice(1)) {
    const key = `failureDemandByCause.${name}`;
    const about = CAUSES[name] ?? { what: "", preset: "" };
    lines.push(`| \`${name}\` | ${about.what} | ${about.preset} | ${cell(base, key)} | ${cell(other, key)} |`);
  }
  lines.push(`| **all causes** (\`failureDemandShare\`) | | | ${cell(base, "failureDemandShare")} | ${cell(other, "failureDemandShare")} |`);
  return lines.join("\n");
}

/** The three outcomes of block (c): end-to-end time, failure demand, cost per need. */
export const VERDICT_METRICS: readonly HeadlineMetric[] = [
  { key: "endToEndDays.mean", label: "end-to-end days (mean)", scale: 1, digits: 2 },
  { key: "failureDemandShare", label: "failure-demand share (points)", scale: 100, digits: 2 },
  { key: "costPerNeed", label: "cost per need (SEK)", scale: 1, digits: 1 },
];

/** A row of block (c): what was changed, and the Comparison of the baseline and the other policy. */
export interface VerdictRow {
  readonly label: string;
  readonly comparison: Comparison;
  /** The baseline policy (first in the comparison); default "minutes". */
  readonly base?: string;
  /** The other policy; default "whole". */
  readonly other?: string;
}

/** One cell of block (c): "difference [interval]: direction". */
export function verdictCell(c: Comparison, m: HeadlineMetric, base = "minutes", other = "whole"): string {
  const d = differencesOf(c, base, other)[m.key];
  return `${withInterval(d, m.scale, m.digits)}: ${direction(d, base, other)}`;
}

/**
 * Block (c): per row, the paired difference other − base on each outcome, its interval and which
 * preset is lower (better).
 *
 * @param rows - the rows, each with its Comparison
 * @returns a markdown table
 */
export function verdictTable(rows: readonly VerdictRow[]): string {
  const lines = [
    `| scenario or change | replications | ${VERDICT_METRICS.map((m) => `${m.label}: whole − minutes [95% interval]`).join(" | ")} |`,
    `|---|---|${VERDICT_METRICS.map(() => "---").join("|")}|`,
  ];
  for (const r of rows) {
    const cells = VERDICT_METRICS.map((m) => verdictCell(r.comparison, m, r.base ?? "minutes", r.other ?? "whole"));
    lines.push(`| ${r.label} | ${r.comparison.replications} | ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

/**
 * The warnings of the rows of block (c) that the headline comparison did not already give, as
 * a list ("label: warning"), or a sentence saying there were none.
 */
export function verdictWarnings(rows: readonly VerdictRow[], known: readonly string[]): string {
  const lines = rows.flatMap((r) => r.comparison.warnings.filter((w) => !known.includes(w)).map((w) => `- ${r.label}: ${w}`));
  return lines.length === 0 ? "No row gave a warning beyond those of the headlines." : lines.join("\n");
}

/** The Comparison's warnings as a list, or a sentence saying there were none. */
export function warningList(c: Comparison): string {
  if (c.warnings.length === 0) return "The load analysis and the runs gave no warning.";
  return c.warnings.map((w) => `- ${w}`).join("\n");
}

// ---------------------------------------------------------------------------------------------
// The runs of block (c)

/** How a row of block (c) is made. */
export interface VerdictSpec {
  readonly label: string;
  readonly run: (options: { replications: number; seed: number }) => Comparison;
  readonly other?: string;
}

const PRESETS: readonly Policy[] = [policies.minutes, policies.whole];

/** A single change of soderhamn's scenario, through `sweep` at one value; the label shows the old value. */
function change(inputPath: string, modelPath: string, value: unknown, shown: string, old: (s: Scenario) => string): VerdictSpec {
  const base = loadScenario("soderhamn");
  return {
    label: `\`${inputPath}\` ${shown} (soderhamn: ${old(base)})`,
    run: (o) => (sweep(base, PRESETS, { path: modelPath, values: [value] }, o).rows[0] as { comparison: Comparison }).comparison,
  };
}

/** The rows of block (c): scenarios, then single changes of soderhamn within their documented ranges. */
export function verdictSpecs(): VerdictSpec[] {
  const m = (s: Scenario) => s.mechanisms;
  const wholePool: Policy = { ...policies.whole, name: "whole-pool", ownership: "pool" };
  return [
    { label: "`soderhamn` as is", run: (o) => compare(loadScenario("soderhamn"), PRESETS, o) },
    { label: "`standard-work`", run: (o) => compare(loadScenario("standard-work"), PRESETS, o) },
    { label: "`teaching`", run: (o) => compare(loadScenario("teaching"), PRESETS, o) },
    change("mechanisms.wrongAnswerProbability", "mechanisms.wrongAnswerProbability", 0.4, "0.4", (s) => String(m(s).wrongAnswerProbability)),
    change("mechanisms.consultRelayLoss", "mechanisms.consultRelayLoss", 0.3, "0.3", (s) => String(m(s).consultRelayLoss)),
    change("mechanisms.breadthContactTime", "mechanisms.breadthContactTime", 0.3, "0.3", (s) => String(m(s).breadthContactTime)),
    change("mechanisms.trainingTime", "mechanisms.trainingMinutesPerYear", "80 hours", '"80 hours"', (s) => `"${formatDuration(m(s).trainingMinutesPerYear)}"`),
    change("mechanisms.generalistPenalty", "mechanisms.generalistPenalty", 0.3, "0.3", (s) => String(m(s).generalistPenalty)),
    change("mechanisms.batchSetupSaving", "mechanisms.batchSetupSaving", 0.2, "0.2", (s) => String(m(s).batchSetupSaving)),
    change("citizens.chaseRate", "citizens.chaseRatePerMinute", parseRate("0.3 / week"), '"0.3 / week"', (s) => `"${formatRate(s.citizens.chaseRatePerMinute)}"`),
    change("mechanisms.holidayWeeks", "mechanisms.holidayWeeks", 4, "4", (s) => String(m(s).holidayWeeks)),
    {
      label: 'policy `ownership: "pool"` for whole (`whole-pool`; the preset: "personal")',
      run: (o) => compare(loadScenario("soderhamn"), [policies.minutes, wholePool], o),
      other: "whole-pool",
    },
    {
      label: "the six mechanism changes above at once (wrong answers 0.4, relay loss 0.3, breadth contact time 0.3, training 80 hours, generalist penalty 0.3, batch saving 0.2)",
      run: (o) => {
        let s = loadScenario("soderhamn");
        const set: [string, unknown][] = [
          ["mechanisms.wrongAnswerProbability", 0.4],
          ["mechanisms.consultRelayLoss", 0.3],
          ["mechanisms.breadthContactTime", 0.3],
          ["mechanisms.trainingMinutesPerYear", "80 hours"],
          ["mechanisms.generalistPenalty", 0.3],
          ["mechanisms.batchSetupSaving", 0.2],
        ];
        for (const [path, value] of set) s = setPath(s, path, value);
        return compare(s, PRESETS, o);
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// The calibration test's figures (test/model/calibration.test.ts: seed 2026, three replications)

/** A figure across replications: mean, lowest, highest. */
export interface Spread3 {
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
}

const spread = (xs: readonly number[]): Spread3 => ({ mean: xs.reduce((a, x) => a + x, 0) / xs.length, lo: Math.min(...xs), hi: Math.max(...xs) });

/** Hand-offs per case and the share of closed cases reopened, as the calibration test counts them. */
export function caseFigures(run: RunResult): { handoffsPerCase: number; reopenedShare: number } {
  const n = run.needs;
  let cases = 0;
  let handoffs = 0;
  let closed = 0;
  let reopened = 0;
  for (let i = 0; i < n.length; i++) {
    if (n.isCase[i] !== 1) continue;
    cases++;
    handoffs += n.handoffs[i]!;
    if (n.status[i] === 1) {
      closed++;
      reopened += n.reopened[i]!;
    }
  }
  return { handoffsPerCase: handoffs / cases, reopenedShare: reopened / closed };
}

/** Handled contacts a year: the window's contacts that were not abandoned, scaled to 52 weeks. */
export function contactsPerYear(run: RunResult): number {
  let handled = 0;
  for (let i = 0; i < run.contacts.length; i++) if (run.contacts.outcome[i] !== Outcome.abandoned) handled++;
  return (handled * 52 * 7 * 1440) / (run.horizonMinutes - run.warmupMinutes);
}

/**
 * For the cases of one service: the mean days from first contact to the need met (resolved
 * cases), and the mean internal days (complete application to first closing).
 */
export function serviceCaseDays(run: RunResult, serviceId: string): { endToEnd: number; internal: number } {
  const k = run.serviceIds.indexOf(serviceId);
  if (k < 0) throw new RangeError(`no service ${serviceId} in ${run.scenario}`);
  const n = run.needs;
  let done = 0;
  let days = 0;
  let counted = 0;
  let internal = 0;
  for (let i = 0; i < n.length; i++) {
    if (n.service[i] !== k || n.isCase[i] !== 1) continue;
    if (n.status[i] === NeedStatus.resolved) {
      done++;
      days += (n.end[i]! - n.arrival[i]!) / 1440;
    }
    if (!Number.isNaN(n.internalMinutes[i]!)) {
      counted++;
      internal += n.internalMinutes[i]! / 1440;
    }
  }
  return { endToEnd: days / done, internal: internal / counted };
}

/** A figure of the band table: what, under which preset, the model's value, the test's band and the evidence. */
export interface BandRow {
  readonly preset: string;
  readonly figure: string;
  readonly value: Spread3;
  readonly scale: number;
  readonly digits: number;
  /** The band the calibration test holds the mean to; null bounds are open. */
  readonly band: readonly [number | null, number | null] | null;
  /** How the test band reads. */
  readonly bandText: string;
  /** The narrower range from practice, if any, and how it reads. */
  readonly evidence?: { readonly range: readonly [number, number]; readonly text: string };
}

/** Where a value sits in a band: "inside", "below" or "above". */
export function sits(value: number, band: readonly [number | null, number | null]): string {
  const [lo, hi] = band;
  if (lo !== null && value < lo) return "below";
  if (hi !== null && value > hi) return "above";
  return "inside";
}

/** The runs of the calibration test and the figures it holds, with its bands. */
export function bandRows(replications = 3, seed = 2026): BandRow[] {
  const runsOf = (scenario: string, policy: Policy) => {
    const s = loadScenario(scenario);
    const runs = Array.from({ length: replications }, (_, r) => simulate(s, policy, { seed, replication: r }));
    return { runs, summaries: runs.map(summarise) };
  };
  const rows: BandRow[] = [];
  const common = { scale: 100, digits: 1 };
  for (const p of PRESETS) {
    const { runs, summaries } = runsOf("soderhamn", p);
    const fd = spread(summaries.map((m) => m.failureDemandShare));
    const fcr = spread(summaries.map((m) => m.firstContactResolution));
    const cases = runs.map(caseFigures);
    const reopened = spread(cases.map((c) => c.reopenedShare));
    const handoffs = spread(cases.map((c) => c.handoffsPerCase));
    const calls = spread(summaries.map((m) => m.callAbandonment));
    const util = spread(summaries.map((m) => Math.max(...Object.values(m.utilisation))));
    const open = spread(summaries.map((m) => m.open / m.arrived));
    const contacts = spread(runs.map(contactsPerYear));
    const assistance = spread(runs.map((r) => serviceCaseDays(r, "financialAssistance").endToEnd));
    const permits = spread(runs.map((r) => serviceCaseDays(r, "buildingPermit").internal));
    const untested = (figure: string, value: Spread3, digits: number, evidence?: BandRow["evidence"]): BandRow => ({
      preset: p.name,
      figure,
      value,
      scale: 1,
      digits,
      band: null,
      bandText: "not tested",
      ...(evidence ? { evidence } : {}),
    });
    const extra = [
      untested("handled contacts a year", contacts, 0, { range: [40_000, 65_000], text: "40,000–65,000 (F1, GUESS from 1.5–2.5 contacts per inhabitant; [E34](evidence.md#e34))" }),
      untested("financial assistance cases, days to the need met", assistance, 1, { range: [16, 42], text: "first contact to decision: 16 days national, 31–42 in some municipalities ([E24](evidence.md#e24), [E25](evidence.md#e25))" }),
      untested("building permits, internal days (complete to first closing)", permits, 1, { range: [0, 70], text: "within the legal 10 weeks, 70 days ([E27](evidence.md#e27)); Söderhamn reports about 7 weeks ([E26](evidence.md#e26))" }),
    ];
    if (p.name === "minutes") {
      rows.push(
        { preset: "minutes", figure: "failure-demand share (% of contacts)", value: fd, ...common, band: [0.3, 0.8], bandText: "30–80%", evidence: { range: [0.4, 0.7], text: "40–70% for regime A (M9; [E3](evidence.md#e3) 40–60%, [E7](evidence.md#e7) 46%, [E13](evidence.md#e13) just over 40%, [E11](evidence.md#e11) 70%)" } },
        { preset: "minutes", figure: "first-contact resolution (%)", value: fcr, ...common, band: [0.35, 0.6], bandText: "35–60%", evidence: { range: [0.2, 0.55], text: "regime A 20–55% (M2; [E22](evidence.md#e22) 53% of simple questions answered directly on average)" } },
        { preset: "minutes", figure: "closed cases reopened (%)", value: reopened, ...common, band: [0.05, 0.225], bandText: "5–22.5%", evidence: { range: [0.1, 0.15], text: "10–15% (M10, [E42](evidence.md#e42), vendor data)" } },
        { preset: "minutes", figure: "hand-offs per case", value: handoffs, scale: 1, digits: 2, band: [1, 6], bandText: "1–6", evidence: { range: [3, 6], text: "regime A 3–6 per need (M4, GUESS)" } },
        { preset: "minutes", figure: "calls abandoned (%)", value: calls, ...common, band: null, bandText: "not tested", evidence: { range: [0.05, 0.2], text: "5–20% (M11; [E36](evidence.md#e36) up to 16%, [E35](evidence.md#e35) 20%)" } },
        { preset: "minutes", figure: "highest team utilisation (%)", value: util, ...common, band: [null, 0.95], bandText: "every team below 95% in every run", evidence: { range: [0, 0.85], text: "keep ρ ≤ 85% (M5, GUESS)" } },
        { preset: "minutes", figure: "cohort needs still open at the end (%)", value: open, scale: 100, digits: 2, band: [null, 0.01], bandText: "below 1% in every run" },
        ...extra,
      );
    } else {
      rows.push(
        { preset: "whole", figure: "failure-demand share (% of contacts)", value: fd, ...common, band: [0.02, null], bandText: "above 2%", evidence: { range: [0.1, 0.2], text: "10–20% often said to remain after a redesign, a figure with no source ([evidence.md](evidence.md#what-the-sources-do-not-give))" } },
        { preset: "whole", figure: "first-contact resolution (%)", value: fcr, ...common, band: [0.7, 0.92], bandText: "70–92%", evidence: { range: [0.7, 0.9], text: "regime B 70–90% (M2; [E23](evidence.md#e23) Knivsta 78%, [E33](evidence.md#e33) world class 80%)" } },
        { preset: "whole", figure: "closed cases reopened (%)", value: reopened, ...common, band: [0.015, 0.075], bandText: "1.5–7.5%", evidence: { range: [0.03, 0.05], text: "3–5% ([E42](evidence.md#e42), [E43](evidence.md#e43), vendor data)" } },
        { preset: "whole", figure: "hand-offs per case", value: handoffs, scale: 1, digits: 2, band: [null, 1.3], bandText: "at most 1.3", evidence: { range: [0, 1], text: "regime B 0–1 (M4, GUESS)" } },
        { preset: "whole", figure: "calls abandoned (%)", value: calls, ...common, band: null, bandText: "not tested", evidence: { range: [0.05, 0.2], text: "5–20% (M11)" } },
        { preset: "whole", figure: "highest team utilisation (%)", value: util, ...common, band: null, bandText: "not tested", evidence: { range: [0, 0.85], text: "keep ρ ≤ 85% (M5, GUESS)" } },
        ...extra,
      );
    }
  }
  const sw = runsOf("standard-work", policies.minutes).summaries;
  rows.push(
    { preset: "minutes, `standard-work`", figure: "end-to-end days, mean", value: spread(sw.map((m) => m.endToEndDays.mean)), scale: 1, digits: 1, band: [null, 14], bandText: "at most 14 (what citizens expect)" },
    { preset: "minutes, `standard-work`", figure: "needs given up (%)", value: spread(sw.map((m) => m.abandonedShare)), scale: 100, digits: 2, band: [null, 0.05], bandText: "below 5%" },
  );
  return rows;
}

/**
 * The band table: the model's figure (mean of the replications, lowest–highest), the test's
 * band and where the mean sits, the range from practice and where it sits there.
 *
 * @param rows - from {@link bandRows}
 * @returns a markdown table
 */
export function bandTable(rows: readonly BandRow[]): string {
  const lines = [
    "| preset | figure | model: mean (lowest–highest) | test band | in the test band | range from practice | against that range |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const r of rows) {
    const v = `**${num(r.value.mean * r.scale, r.digits)}** (${num(r.value.lo * r.scale, r.digits)}–${num(r.value.hi * r.scale, r.digits)})`;
    // utilisation and open needs are held in every run: judge the highest run, else the mean
    const judged = /every run/.test(r.bandText) ? r.value.hi : r.value.mean;
    const inBand = r.band === null ? "" : sits(judged, r.band);
    const against = r.evidence === undefined ? "" : sits(r.value.mean, r.evidence.range);
    lines.push(`| ${r.preset} | ${r.figure} | ${v} | ${r.bandText} | ${inBand} | ${r.evidence?.text ?? ""} | ${against} |`);
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// The blocks and the docs

/** What the runs give, before formatting. */
export interface HeadlineRuns {
  readonly soderhamn: Comparison;
  readonly verdicts: readonly VerdictRow[];
  readonly bands: readonly BandRow[];
  /** The factorial study of the presets on soderhamn (docs/drivers.md). */
  readonly drivers: FactorialStudy;
}

/** Options of {@link runAll}: replications of the headline comparison and of each row of block (c). */
export interface RunOptions {
  readonly headlineReplications?: number;
  readonly verdictReplications?: number;
  /** Replications of every cell of the soderhamn factorial study (default 3). */
  readonly driverReplications?: number;
  readonly seed?: number;
  readonly log?: (line: string) => void;
}

/** Runs everything the blocks need (about a minute on two cores; each run is deterministic). */
export function runAll(options: RunOptions = {}): HeadlineRuns {
  const seed = options.seed ?? 1;
  const log = options.log ?? (() => {});
  let t = Date.now();
  const lap = (what: string) => {
    log(`${what}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    t = Date.now();
  };
  const soderhamn = compare(loadScenario("soderhamn"), PRESETS, { replications: options.headlineReplications ?? 10, seed });
  lap("soderhamn headline");
  const verdicts = verdictSpecs().map((spec) => {
    const comparison = spec.run({ replications: options.verdictReplications ?? 5, seed });
    lap(spec.label);
    return { label: spec.label, comparison, ...(spec.other ? { other: spec.other } : {}) };
  });
  const bands = bandRows();
  lap("calibration bands");
  const drivers = factorial(loadScenario("soderhamn"), policies.minutes, policies.whole, { replications: options.driverReplications ?? 3, seed });
  lap("soderhamn factorial");
  return { soderhamn, verdicts, bands, drivers };
}

const GENERATED = "Generated by `npx tsx scripts/headlines.ts --write`; do not edit by hand.";

/** The `headlines` block of docs/validation.md: (a), (b) and (c). */
export function headlinesBlock(runs: Pick<HeadlineRuns, "soderhamn" | "verdicts">): string {
  const c = runs.soderhamn;
  const first = runs.verdicts[0]?.comparison;
  return [
    `*${GENERATED}*`,
    "",
    `**Headlines.** \`compare(loadScenario("soderhamn"), [policies.minutes, policies.whole], { replications: ${c.replications}, seed: ${c.seed} })\`: ${describeComparison(c)}. End-to-end percentiles are each replication's own, averaged.`,
    "",
    headlineTable(c),
    "",
    "Warnings of the comparison (the load analysis before any run, and teams whose queue grew through a run):",
    "",
    warningList(c),
    "",
    "**Failure demand by cause** (`failureDemandByCause`, the same runs), as % of handled contacts. The causes of one preset add up to its failure-demand share.",
    "",
    causeTable(c),
    "",
    `**Where minutes wins.** Paired differences whole − minutes, ${first ? `${first.replications} replications, seed ${first.seed}, each scenario's own window` : "no rows"}; negative means whole is lower. Every change is one input of \`soderhamn\` moved within its documented range ([scenario-format.md](scenario-format.md)), except the policy row and the last row. The direction reads as for the headlines; lower is better on all three.`,
    "",
    verdictTable(runs.verdicts),
    "",
    "Warnings of these runs beyond those of the headlines:",
    "",
    verdictWarnings(runs.verdicts, c.warnings),
  ].join("\n");
}

/** The `bands` block (docs/validation.md) and the first part of the `calibration` block. */
export function bandsBlock(rows: readonly BandRow[]): string {
  return [
    `*${GENERATED}*`,
    "",
    "`test/model/calibration.test.ts`: one year of `soderhamn` after the 8-week warm-up, seed 2026, replications 0–2, each preset on its own (and three replications of `standard-work` under minutes). The test holds the mean of the three to the test band (utilisation and open needs in every run). The ranges from practice are narrower ([evidence.md](evidence.md#parameter-ranges-from-practice)); the test widens them because most come from consultancy case studies ([E6](evidence.md#e6)).",
    "",
    bandTable(rows),
  ].join("\n");
}

/** The `calibration` block of docs/model.md §6: the band figures, then failure demand by cause. */
export function calibrationBlock(runs: Pick<HeadlineRuns, "soderhamn" | "bands">): string {
  return [
    bandsBlock(runs.bands),
    "",
    `**Failure demand by cause**, ${describeComparison(runs.soderhamn)} (the headline runs of [validation.md](validation.md#22-headlines-the-two-presets-on-soderhamn)), as % of handled contacts:`,
    "",
    causeTable(runs.soderhamn),
  ].join("\n");
}

/**
 * The `soderhamn-study` block of docs/drivers.md: the factorial study of the presets on
 * soderhamn (as `helhet factorial soderhamn` prints it, five rows per outcome) and, per headline
 * outcome, its largest main effect in words.
 */
export function driversBlock(study: FactorialStudy): string {
  const outcomes: readonly [string, string, number, number, string][] = [
    ["endToEndDays.mean", "end-to-end time", 1, 2, " days"],
    ["failureDemandShare", "failure demand", 100, 1, " percentage points"],
    ["costPerNeed", "cost per need", 1, 0, ""],
  ];
  const sentences = outcomes.flatMap(([metric, label, scale, digits, unit]) => {
    const main = study.outcomes[metric]?.effects.find((e) => e.kind === "main");
    if (main === undefined) return [];
    const f = (x: number) => num(x * scale, digits);
    const ci = main.ci95 === null ? "" : ` [${f(main.ci95[0])}, ${f(main.ci95[1])}]`;
    return [`on ${label}, \`${main.name}\` (${f(main.mean)}${unit}${ci}, ${(100 * main.share).toFixed(0)}% of the variation between cells)`];
  });
  return [
    `*${GENERATED}*`,
    "",
    `\`factorial(loadScenario("soderhamn"), policies.minutes, policies.whole, { replications: ${study.replications}, seed: ${study.seed} })\`, ${study.design.cells} cells, a year after the warm-up:`,
    "",
    "```text",
    factorialTable(study, { top: 5 }),
    "```",
    "",
    `The largest main effect, whole's value minus minutes', averaged over the other choices: ${sentences.join("; ")}. The table's intervals are 95% over ${study.replications} replications; \`--format json\` gives every effect of every metric.`,
  ].join("\n");
}

/** Every marked region: the doc it is in and its name. */
export const REGIONS: readonly { readonly file: string; readonly name: "headlines" | "calibration" | "bands" | "soderhamn-study" }[] = [
  { file: "docs/validation.md", name: "bands" },
  { file: "docs/validation.md", name: "headlines" },
  { file: "docs/model.md", name: "calibration" },
  { file: "docs/drivers.md", name: "soderhamn-study" },
];

/** Every block, by region name. */
export function blocks(runs: HeadlineRuns): Record<"headlines" | "calibration" | "bands" | "soderhamn-study", string> {
  return { headlines: headlinesBlock(runs), calibration: calibrationBlock(runs), bands: bandsBlock(runs.bands), "soderhamn-study": driversBlock(runs.drivers) };
}

const markers = (name: string) => ({ begin: `<!-- ${name}:begin -->`, end: `<!-- ${name}:end -->` });

/**
 * The text between a region's markers, without the newline after the begin marker and the one
 * before the end marker.
 *
 * @throws RangeError when the markers are missing, repeated or out of order
 */
export function region(text: string, name: string): string {
  const { begin, end } = markers(name);
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < 0) throw new RangeError(`no ${begin} … ${end} region`);
  if (text.indexOf(begin, a + 1) >= 0 || text.indexOf(end, b + 1) >= 0) throw new RangeError(`the ${name} region is marked twice`);
  if (b < a) throw new RangeError(`${end} comes before ${begin}`);
  return text.slice(a + begin.length, b).replace(/^\n/, "").replace(/\n$/, "");
}

/** The text with a region's content replaced (the markers stay, each on its own line). */
export function replaceRegion(text: string, name: string, content: string): string {
  region(text, name); // checks the markers
  const { begin, end } = markers(name);
  const a = text.indexOf(begin) + begin.length;
  const b = text.indexOf(end);
  return `${text.slice(0, a)}\n${content}\n${text.slice(b)}`;
}

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The regions of the docs that differ from the blocks, as "file: name". */
export function staleRegions(made: Record<string, string>, read: (file: string) => string = (f) => readFileSync(ROOT + f, "utf8")): string[] {
  return REGIONS.filter((r) => region(read(r.file), r.name) !== made[r.name]).map((r) => `${r.file}: ${r.name}`);
}

function main(): void {
  const started = Date.now();
  const runs = runAll({ log: (line) => console.error(line) });
  const made = blocks(runs);
  for (const name of ["headlines", "calibration", "bands", "soderhamn-study"] as const) console.log(`\n<!-- ${name} -->\n${made[name]}\n`);
  if (process.argv.includes("--write")) {
    for (const file of [...new Set(REGIONS.map((r) => r.file))]) {
      let text = readFileSync(ROOT + file, "utf8");
      for (const r of REGIONS.filter((x) => x.file === file)) text = replaceRegion(text, r.name, made[r.name]);
      writeFileSync(ROOT + file, text);
    }
    console.error("wrote the marked regions of docs/validation.md, docs/model.md and docs/drivers.md");
  }
  if (process.argv.includes("--check")) {
    const stale = staleRegions(made);
    if (stale.length > 0) {
      console.error(`out of date (run npx tsx scripts/headlines.ts --write): ${stale.join(", ")}`);
      process.exitCode = 1;
    }
  }
  console.error(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
