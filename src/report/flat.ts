/**
 * The comparison as CSV (one row per policy and metric, plus the paired differences) and as a
 * Markdown table.
 *
 * @packageDocumentation
 */
import type { Comparison } from "../experiment/index.js";
import { comparisonTable } from "./comparisonTable.js";
import { requireComparison } from "./requireResult.js";

/**
 * CSV with columns `policy,metric,mean,sd,ci95_low,ci95_high` (differences have policy
 * `A-vs-B` and an empty sd). Numbers in full precision; empty cells for missing intervals.
 *
 * @param c - the comparison
 * @returns CSV text with a header line
 * @example
 * ```ts
 * comparisonCsv(comparison).split("\n")[0]; //=> "policy,metric,mean,sd,ci95_low,ci95_high"
 * ```
 */
export function comparisonCsv(c: Comparison): string {
  requireComparison(c, "comparisonCsv");
  const lines = ["policy,metric,mean,sd,ci95_low,ci95_high"];
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  for (const [p, metrics] of Object.entries(c.policies)) {
    for (const [m, e] of Object.entries(metrics)) lines.push([q(p), q(m), e.mean, e.sd ?? "", e.ci95?.[0] ?? "", e.ci95?.[1] ?? ""].join(","));
  }
  for (const [p, metrics] of Object.entries(c.differences)) {
    for (const [m, e] of Object.entries(metrics)) lines.push([q(p), q(m), e.mean, "", e.ci95?.[0] ?? "", e.ci95?.[1] ?? ""].join(","));
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The three-block comparison table as Markdown.
 *
 * @param c - the comparison
 * @returns a Markdown table
 * @example
 * ```ts
 * comparisonMarkdown(comparison).startsWith("| metric |"); //=> true
 * ```
 */
export function comparisonMarkdown(c: Comparison): string {
  requireComparison(c, "comparisonMarkdown");
  const text = comparisonTable(c).split("\n");
  const header = text[0]!.trim().split(/\s{3,}/);
  const out = [`| metric | ${header.join(" | ")} |`, `|---|${header.map(() => "---:").join("|")}|`];
  for (const line of text.slice(1)) {
    if (!line.startsWith("  ")) {
      out.push(`| **${line.trim()}** |${header.map(() => " ").join("|")}|`);
      continue;
    }
    const cells = line.trim().split(/\s{3,}/);
    out.push(`| ${cells.join(" | ")} |`);
  }
  return `${out.join("\n")}\n`;
}
