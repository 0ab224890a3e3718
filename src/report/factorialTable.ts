/**
 * A factorial study as text (the design, then per outcome a ranked table of effects with their
 * intervals and shares of variation) and as CSV (every outcome and effect).
 *
 * @packageDocumentation
 */
import type { FactorialStudy } from "../experiment/index.js";
import { formatValue } from "../scenario/errors.js";

/**
 * The outcomes a factorial table shows by default: the headline metrics of a comparison.
 *
 * @example
 * ```ts
 * FACTORIAL_OUTCOMES[0]?.metric; //=> "endToEndDays.mean"
 * ```
 */
export const FACTORIAL_OUTCOMES: readonly { readonly metric: string; readonly label: string; readonly scale: number; readonly digits: number }[] = [
  { metric: "endToEndDays.mean", label: "end-to-end time, mean (days)", scale: 1, digits: 2 },
  { metric: "failureDemandShare", label: "failure demand (percentage points of contacts)", scale: 100, digits: 1 },
  { metric: "costPerNeed", label: "cost per need", scale: 1, digits: 1 },
  { metric: "contactsPerNeed", label: "contacts per need", scale: 1, digits: 3 },
  { metric: "abandonedShare", label: "needs abandoned (percentage points)", scale: 100, digits: 2 },
];

/** Options of {@link factorialTable}. */
export interface FactorialTableOptions {
  /** Rows per outcome at most, largest effects first (default 12; the rest are counted). */
  readonly top?: number;
}

/** Whether the argument looks like a study (a clear message instead of a TypeError from inside). */
function requireStudy(s: unknown, fn: string): asserts s is FactorialStudy {
  const o = s as Record<string, unknown> | null;
  if (typeof o !== "object" || o === null || typeof o["design"] !== "object" || typeof o["outcomes"] !== "object") {
    throw new RangeError(`${fn} needs a factorial study (from factorial or factorialParallel), got ${formatValue(s)}`);
  }
}

/** A value of a factor for the design table: a string as it is, anything else as compact JSON. */
function shown(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

/**
 * The study as text: the design (factors with their two values, cells, resolution, generators,
 * aliased interactions), then per headline outcome its effects ranked by size, each with its
 * 95% interval and share of the variation between cells.
 *
 * @param s - the study
 * @param options - rows per outcome
 * @returns the text
 * @throws RangeError when `s` is not a study
 * @example
 * ```ts
 * console.log(factorialTable(factorial(loadScenario("teaching"), policies.minutes, policies.whole, { replications: 3 })));
 * ```
 */
export function factorialTable(s: FactorialStudy, options: FactorialTableOptions = {}): string {
  requireStudy(s, "factorialTable");
  const top = options.top ?? 12;
  const d = s.design;
  const out: string[] = [];
  const what = d.kind === "full" ? `full factorial, ${d.cells} cells (no aliasing)` : `fractional factorial 2^(${d.factors.length}-${d.generators.length}), ${d.cells} cells, resolution ${roman(d.resolution ?? 0)}; generators ${d.generators.join(", ")}`;
  out.push(`Design: ${d.factors.length} factors (${s.low} at −, ${s.high} at +); ${what}`);
  const nameWidth = Math.max(...d.factors.map((f) => f.name.length));
  for (const f of d.factors) out.push(`  ${f.letter}  ${f.name.padEnd(nameWidth)}   − ${shown(f.low)}   + ${shown(f.high)}`);
  if (d.aliases.length > 0) {
    out.push("Aliased two-factor interactions (each row is one estimate, the sum of the row's effects):");
    for (const a of d.aliases) out.push(`  ${a.join(" = ")}`);
  }
  out.push("", "Effects, largest first: mean at + minus mean at − (paired by replication) [95% interval], share of the variation between cells.");
  for (const o of FACTORIAL_OUTCOMES) {
    const outcome = s.outcomes[o.metric];
    if (outcome === undefined) continue;
    const f = (x: number) => {
      const t = (x * o.scale).toFixed(o.digits);
      if (Number(t) === 0) return (0).toFixed(o.digits);
      return x > 0 ? `+${t}` : t;
    };
    out.push("", `${o.label} — mean over cells ${(outcome.mean * o.scale).toFixed(o.digits)}`);
    const rows = outcome.effects.slice(0, top).map((e) => [
      `${e.letters}`,
      e.aliases.length === 0 ? e.name : `${e.name} (= ${e.aliases.join(" = ")})`,
      f(e.mean),
      e.ci95 === null ? "" : `[${f(e.ci95[0])}, ${f(e.ci95[1])}]`,
      `${(e.share * 100).toFixed(1)}%`,
    ]);
    const widths = [0, 1, 2, 3, 4].map((k) => Math.max(...rows.map((r) => (r[k] as string).length)));
    for (const r of rows) out.push(`  ${r.map((c, k) => (k < 2 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join("  ")}`);
    const rest = outcome.effects.length - rows.length;
    if (rest > 0) out.push(`  … ${rest} smaller effects (all in --format json or csv)`);
    out.push(`  main effects and two-factor interactions explain ${(outcome.explainedShare * 100).toFixed(1)}% of the variation between cells`);
  }
  for (const w of s.warnings) out.push("", `warning: ${w}`);
  return out.join("\n");
}

/**
 * The study as CSV, one row per outcome and effect:
 * `outcome,rank,kind,letters,effect,aliases,mean,ci95_low,ci95_high,share` (aliases joined by "; ").
 *
 * @param s - the study
 * @returns CSV text
 * @throws RangeError when `s` is not a study
 * @example
 * ```ts
 * factorialCsv(study).split("\n")[0]; //=> "outcome,rank,kind,letters,effect,aliases,mean,ci95_low,ci95_high,share"
 * ```
 */
export function factorialCsv(s: FactorialStudy): string {
  requireStudy(s, "factorialCsv");
  const q = (x: unknown) => {
    const t = String(x);
    return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const lines = ["outcome,rank,kind,letters,effect,aliases,mean,ci95_low,ci95_high,share"];
  for (const [m, o] of Object.entries(s.outcomes)) {
    o.effects.forEach((e, k) => lines.push([q(m), k + 1, e.kind, e.letters, q(e.name), q(e.aliases.join("; ")), e.mean, e.ci95?.[0] ?? "", e.ci95?.[1] ?? "", e.share].join(",")));
  }
  return `${lines.join("\n")}\n`;
}

function roman(n: number): string {
  return ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII"][n] ?? String(n);
}
