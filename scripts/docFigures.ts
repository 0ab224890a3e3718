/**
 * Figures and samples in the docs that come from a run: each is a marked region of a doc
 * (`<!-- name:begin -->` … `<!-- name:end -->`) made here from the code as it is now.
 *
 *   npx tsx scripts/docFigures.ts           # print every region
 *   npx tsx scripts/docFigures.ts --write   # and replace the regions in the docs
 *
 * test/docFigures.test.ts fails when a region differs from what the code gives now. (The
 * headline figures of validation.md and model.md, which take minutes, are scripts/headlines.ts
 * and the long run's; the package sizes are scripts/packageFigures.ts.)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compare, loadScenario, policies, tQuantile, type Comparison } from "../src/index.js";
import { region, replaceRegion } from "./headlines.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** A generated region of a doc. */
export interface DocFigure {
  readonly file: string;
  readonly name: string;
  readonly make: () => string;
}

const f2 = (x: number) => x.toFixed(2);
const ci = (c: readonly [number, number] | null) => (c === null ? "" : ` [${f2(c[0])}, ${f2(c[1])}]`);

/** statistics.md's worked example: teaching, both presets, 10 replications, seed 7; paired against Welch. */
function workedExample(): string {
  const c: Comparison = compare(loadScenario("teaching"), [policies.minutes, policies.whole], { replications: 10, seed: 7 });
  const d = c.differences["whole-vs-minutes"]!;
  const rows = ["endToEndDays.mean", "failureDemandShare", "staffMinutesPerNeed"].map((m) => {
    const a = c.policies["minutes"]![m]!;
    const b = c.policies["whole"]![m]!;
    return `| ${m} | ${f2(a.mean)}${ci(a.ci95)} | ${f2(b.mean)}${ci(b.ci95)} | ${f2(d[m]!.mean)}${ci(d[m]!.ci95)} |`;
  });
  // the same replications as independent samples: Welch's interval from the per-policy sd
  const m = "staffMinutesPerNeed";
  const a = c.policies["minutes"]![m]!;
  const b = c.policies["whole"]![m]!;
  const paired = d[m]!.ci95 as [number, number];
  const pairedHalf = (paired[1] - paired[0]) / 2;
  // Welch's interval depends on the two means' standard errors and its degrees of freedom only
  const n = c.replications;
  const va = (a.sd ?? 0) ** 2 / n;
  const vb = (b.sd ?? 0) ** 2 / n;
  const df = (va + vb) ** 2 / ((va ** 2 + vb ** 2) / (n - 1));
  const welchHalf = tQuantile(0.975, df) * Math.sqrt(va + vb);
  const lower = d[m]!.mean < 0 ? "lower" : "higher";
  return [
    "| metric | minutes: mean [95% CI] | whole: mean [95% CI] | whole − minutes: mean [95% CI] |",
    "|---|---|---|---|",
    ...rows,
    "",
    `The whole preset's staff minutes per need are ${Math.abs(d[m]!.mean).toFixed(1)} ${lower}, and the paired interval for`,
    `that difference has a half-width of ${pairedHalf.toFixed(2)} minutes; treating the same runs as independent samples`,
    `(Welch) gives a half-width of ${welchHalf.toFixed(2)} minutes — ${(welchHalf / pairedHalf).toFixed(1)} times wider. That is what common`,
    "random numbers buy.",
  ].join("\n");
}

/** Every generated region. */
export const FIGURES: readonly DocFigure[] = [{ file: "docs/statistics.md", name: "worked-example", make: workedExample }];

/** The regions that differ from what the code gives now, as "file: name". */
export function staleFigures(figures: readonly DocFigure[] = FIGURES): string[] {
  return figures.filter((f) => region(readFileSync(join(ROOT, f.file), "utf8"), f.name) !== f.make()).map((f) => `${f.file}: ${f.name}`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const f of FIGURES) {
    const text = f.make();
    console.log(`<!-- ${f.file}: ${f.name} -->\n${text}\n`);
    if (process.argv.includes("--write")) writeFileSync(join(ROOT, f.file), replaceRegion(readFileSync(join(ROOT, f.file), "utf8"), f.name, text));
  }
}
