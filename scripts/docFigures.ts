/**
 * Figures and samples in the docs that come from a run: each is a marked region of a doc
 * (`<!-- name:begin -->` … `<!-- name:end -->`) made here from the code as it is now, with fixed
 * seeds and in one thread, so every process gives the same text.
 *
 *   npx tsx scripts/docFigures.ts           # print every region
 *   npx tsx scripts/docFigures.ts --write   # and replace the regions in the docs
 *   npx tsx scripts/docFigures.ts --write journeys   # only the regions of files matching "journeys"
 *
 * test/docFigures.test.ts fails when a region differs from what the code gives now. The regions
 * (FIGURES): README.md's sample of `npm start` and index.md's reading (the main job, run once
 * in-process; the test checks `cliTable` against the CLI), concepts.md's figures from the main
 * job and from notebook 2's window, output.md's example JSON, statistics.md's worked example,
 * analysis.md's offered load and policies.md's front repertoire of soderhamn (no simulation),
 * journeys.md's narrative, §8 results and their reading (a short soderhamn window), and
 * drivers.md's table of designs (no simulation) and its factorial study of the presets on
 * teaching with its reading (5 replications of 32 cells, about 8 s). The
 * simulations take about 35 s on one core, most of it the main job (10 replications of a year). (The headline figures of validation.md and model.md, which take minutes, are
 * scripts/headlines.ts and the long run's; the package sizes are scripts/packageFigures.ts.)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  attribution,
  attributionText,
  capacityWarnings,
  compare,
  comparisonTable,
  factorial,
  factorialTable,
  twoLevelDesign,
  type FactorialStudy,
  journeyMap,
  journeyMapText,
  loadScenario,
  loadWarnings,
  offeredLoad,
  pickJourneys,
  planTeams,
  policies,
  reading,
  simulate,
  touchpoints,
  touchpointText,
  tQuantile,
  type Attribution,
  type Comparison,
  type Journey,
  type JourneyMap,
  type TouchpointRanking,
} from "../src/index.js";
import { planServices, type ServicePlan } from "../src/model/servicePlan.js";
import { normalUpperTail } from "../src/stats/normal.js";
import { summarise } from "../src/metrics/index.js";
import { region, replaceRegion } from "./headlines.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** A generated region of a doc. */
export interface DocFigure {
  readonly file: string;
  readonly name: string;
  readonly make: () => string | Promise<string>;
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


/** The rows of `npm start`'s table shown in the README, by their label; the rest are cut to "  ...". */
const README_ROWS = ["end-to-end time, mean (days)", "failure demand (of contacts)", "cost per need", "cost per contact"];

/** The main job's settings: `helhet compare` with its defaults (soderhamn, both presets, 10 replications, seed 1). */
const MAIN_JOB = { scenario: "soderhamn", replications: 10, seed: 1 } as const;

/**
 * A comparison as `helhet compare` prints it as a table with no colour: the head line, the table
 * and the reading. test/docFigures.test.ts checks that this is what the CLI prints.
 *
 * @param c - the comparison
 * @returns the text
 * @example
 * ```ts
 * cliTable(compare(loadScenario("teaching"), [policies.minutes, policies.whole], { replications: 2 }));
 * ```
 */
export function cliTable(c: Comparison): string {
  const head = `${c.scenario} — ${c.replications} replications, seed ${c.seed}; mean [95% interval]; differences are paired (same citizens)`;
  return `${head}\n\n${comparisonTable(c)}\n\n${reading(c)}`;
}

let mainJobCache: Comparison | undefined;

/** The main job's comparison, run once per process in this thread, as the CLI runs it. */
function mainJob(): Comparison {
  if (mainJobCache) return mainJobCache;
  const scenario = loadScenario(MAIN_JOB.scenario);
  const ps = [policies.minutes, policies.whole];
  mainJobCache = compare(scenario, ps, { replications: MAIN_JOB.replications, seed: MAIN_JOB.seed, warnings: capacityWarnings(scenario, ps) });
  return mainJobCache;
}

/**
 * What the main job (`npm start`, that is `helhet compare` with its defaults) prints: the head
 * line, the table's column heads and the rows of README_ROWS with the section heads above them,
 * cut rows shown as `  ...`, and the reading.
 *
 * @returns the README's sample, in a `text` fence
 * @example
 * ```ts
 * readmeSample().split("\n")[1]; // "soderhamn — 10 replications, seed 1; …"
 * ```
 */
export function readmeSample(): string {
  const lines = cliTable(mainJob()).split("\n");
  const blank = lines.indexOf("", 2);
  const [head, gap, columns] = lines;
  const table = lines.slice(3, blank);
  const shown: string[] = [];
  let section = "";
  let cut = false;
  for (const line of table) {
    if (!line.startsWith("  ")) {
      section = line;
      continue;
    }
    if (README_ROWS.some((r) => line.trimStart().startsWith(`${r} `))) {
      if (section !== "" && !shown.includes(section)) shown.push(section);
      shown.push(line);
      cut = false;
    } else if (!cut) {
      if (section !== "" && !shown.includes(section)) shown.push(section);
      shown.push("  ...");
      cut = true;
    }
  }
  for (const r of README_ROWS) if (!shown.some((l) => l.trimStart().startsWith(`${r} `))) throw new Error(`npm start prints no row "${r}"`);
  return ["```text", head, gap, columns, ...shown, ...lines.slice(blank), "```"].join("\n");
}

/** index.md's tour: the reading the main job ends with. */
function indexReading(): string {
  return `*"${reading(mainJob())}"*`;
}

const percent1 = (x: number) => `${(100 * x).toFixed(1)}%`;

/** concepts.md §1: failure demand in the main job, and its two biggest reasons under minutes. */
function conceptsFailureDemand(): string {
  const c = mainJob();
  const m = c.policies["minutes"]!;
  const reasons = Object.entries(m)
    .filter(([k]) => k.startsWith("failureDemandByReason."))
    .sort((a, b) => b[1].mean - a[1].mean)
    .slice(0, 2)
    .map(([k, v]) => `\`${k.slice("failureDemandByReason.".length)}\` (${percent1(v.mean)} of contacts)`);
  return wrap(
    `In the main job (\`npm start\`: \`${c.scenario}\`, ${c.replications} replications of the scenario's year, seed ${c.seed}) failure demand is ${percent1(m["failureDemandShare"]!.mean)} of contacts under \`minutes\` and ${percent1(c.policies["whole"]!["failureDemandShare"]!.mean)} under \`whole\`; the biggest reasons under \`minutes\` are ${reasons.join(" and ")}.`,
    100,
    "",
  );
}

/** concepts.md §2: the parts against the whole in the main job. */
function conceptsParts(): string {
  const c = mainJob();
  const [m, w] = [c.policies["minutes"]!, c.policies["whole"]!];
  const perContact = `${m["costPerContact"]!.mean.toFixed(1)} against ${w["costPerContact"]!.mean.toFixed(1)} SEK`;
  const perNeed = `${m["staffMinutesPerNeed"]!.mean.toFixed(1)} against ${w["staffMinutesPerNeed"]!.mean.toFixed(1)} staff minutes`;
  const cheaper = m["costPerContact"]!.mean < w["costPerContact"]!.mean;
  const more = m["staffMinutesPerNeed"]!.mean > w["staffMinutesPerNeed"]!.mean;
  const text =
    cheaper && more
      ? `In the main job a contact under \`minutes\` is shorter and cheaper (${perContact}), but there are so many more of them that each need costs more (${perNeed}).`
      : `In the main job a contact costs ${perContact} (\`minutes\` against \`whole\`), and a need ${perNeed}.`;
  return wrap(text, 100, "");
}

/** concepts.md §5: the capability chart's upper limits in the main job. */
function conceptsCapability(): string {
  const c = mainJob();
  const u = (p: string) => c.capability[p]!.upperLimit.toFixed(0);
  return wrap(`In the main job the upper limit of end-to-end days is ${u("minutes")} under \`minutes\` and ${u("whole")} under \`whole\`.`, 100, "");
}

/** concepts.md §3: the during phase of notebook 2's window (teaching, 26 weeks, 4 of warm-up, seed 1). */
function conceptsDuring(): string {
  const scenario = loadScenario("teaching");
  const window = { seed: 1, horizon: "26 weeks", warmup: "4 weeks" } as const;
  const [m, w] = [policies.minutes, policies.whole].map((p) => journeyMap(simulate(scenario, p, window)));
  const during = (map: JourneyMap) => map.phases.find((p) => p.phase === "during")!.minutes;
  const spell = (minutes: number) => (minutes >= 1440 ? `${(minutes / 1440).toFixed(1)} days` : `${(minutes / 60).toFixed(1)} hours`);
  const kinds = [...m!.waits.filter((x) => x.phase === "during")].sort((a, b) => b.minutes - a.minutes).slice(0, 2).map((x) => `${x.kind} (${spell(x.minutes)})`);
  return wrap(
    `In \`teaching\` (notebook 2's window: 26 weeks, 4 of warm-up, seed 1) the mean citizen under \`minutes\` spends ${spell(during(m!))} in the *during* phase, the most of it as ${kinds.join(" and ")}; under \`whole\`, ${spell(during(w!))}.`,
    100,
    "",
  );
}

/** The metrics output.md's example keeps of `policies` and `differences`, and the series it keeps. */
const OUTPUT_METRICS = ["endToEndDays.mean", "failureDemandShare", "utilisation.desk"];
const OUTPUT_SERIES = ["arrived", "failureDemandShare"];
const OUTPUT_PERIODS = 3;

/** Numbers to 4 significant digits, recursively. */
function rounded(value: unknown): unknown {
  if (typeof value === "number") return Number.isInteger(value) ? value : Number(value.toPrecision(4));
  if (Array.isArray(value)) return value.map(rounded);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

/** Only the given keys of an object, in its own order. */
function only<T>(o: Readonly<Record<string, T>>, keys: readonly string[]): Record<string, T> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k)));
}

/**
 * output.md's example: the Comparison JSON of a small seeded run (teaching, both presets, 2
 * replications, seed 1, horizon 8 weeks, warm-up 2 weeks), every top-level field kept, cut to
 * OUTPUT_METRICS in `policies` and `differences`, to OUTPUT_SERIES and the first
 * OUTPUT_PERIODS periods in `series`, numbers to 4 significant digits.
 *
 * @returns the example, in a `json` fence
 * @example
 * ```ts
 * JSON.parse(outputExample().split("\n").slice(1, -1).join("\n")).scenario; //=> "teaching"
 * ```
 */
export function outputExample(): string {
  const c = compare(loadScenario("teaching"), [policies.minutes, policies.whole], { replications: 2, seed: 1, horizon: "8 weeks", warmup: "2 weeks" });
  const json = JSON.parse(JSON.stringify(c)) as Record<string, unknown> & {
    policies: Record<string, Record<string, unknown>>;
    differences: Record<string, Record<string, unknown>>;
    series?: { startDays: number[]; endDays: number[]; policies: Record<string, Record<string, { mean: number[]; low: number[] | null; high: number[] | null }>> };
  };
  const cutSeries = (s: { mean: number[]; low: number[] | null; high: number[] | null }) => ({
    mean: s.mean.slice(0, OUTPUT_PERIODS),
    low: s.low?.slice(0, OUTPUT_PERIODS) ?? null,
    high: s.high?.slice(0, OUTPUT_PERIODS) ?? null,
  });
  const shown = {
    ...json,
    policies: Object.fromEntries(Object.entries(json.policies).map(([p, m]) => [p, only(m, OUTPUT_METRICS)])),
    differences: Object.fromEntries(Object.entries(json.differences).map(([p, m]) => [p, only(m, OUTPUT_METRICS)])),
    ...(json.series === undefined
      ? {}
      : {
          series: {
            ...json.series,
            startDays: json.series.startDays.slice(0, OUTPUT_PERIODS),
            endDays: json.series.endDays.slice(0, OUTPUT_PERIODS),
            policies: Object.fromEntries(Object.entries(json.series.policies).map(([p, s]) => [p, Object.fromEntries(Object.entries(only(s, OUTPUT_SERIES)).map(([k, v]) => [k, cutSeries(v)]))])),
          },
        }),
  };
  return ["```json", JSON.stringify(rounded(shown), null, 2), "```"].join("\n");
}

/** journeys.md §2's narrative: teaching, minutes, seed 1, 20 weeks, 2 of warm-up, every need journalled. */
function journeyNarrative(): string {
  const run = simulate(loadScenario("teaching"), policies.minutes, { seed: 1, horizon: "20 weeks", warmup: "2 weeks", journal: { every: 1 } });
  const j = pickJourneys(run, { service: "permit", filter: (x) => x.isCase && x.failureContacts >= 2 }).typical;
  if (j === null || j === undefined) throw new Error("no permit application with two failure-demand contacts");
  return ["```text", ...j.narrative, "```"].join("\n");
}

/** The window of journeys.md §8: short, so the doc test stays quick. */
const JOURNEY_WINDOW = { seed: 1, horizon: "10 weeks", warmup: "2 weeks" } as const;
const JOURNEY_EVERY = 4;
const JOURNEY_REPLICATIONS = 3;

interface JourneyResults {
  readonly map: JourneyMap;
  readonly permitMap: JourneyMap;
  readonly attribution: Attribution;
  readonly ranking: TouchpointRanking;
  readonly typical: Journey | null;
}

const journeyCache = new Map<string, JourneyResults>();

/** §8's results for one preset on soderhamn (computed once per process). */
function journeyResults(policy: "minutes" | "whole"): JourneyResults {
  const cached = journeyCache.get(policy);
  if (cached) return cached;
  const scenario = loadScenario("soderhamn");
  const p = policies[policy];
  const run = simulate(scenario, p, { ...JOURNEY_WINDOW, journal: { every: JOURNEY_EVERY } });
  const results: JourneyResults = {
    map: journeyMap(run),
    permitMap: journeyMap(run, { service: "buildingPermit" }),
    attribution: attribution(run),
    ranking: touchpoints(scenario, p, { ...JOURNEY_WINDOW, replications: JOURNEY_REPLICATIONS }),
    typical: pickJourneys(run, { service: "buildingPermit", filter: (j) => j.isCase }).typical ?? null,
  };
  journeyCache.set(policy, results);
  return results;
}

/** §8's block for one preset: the maps, the attribution, the what-if and a typical permit. */
function journeyBlock(policy: "minutes" | "whole"): string {
  const r = journeyResults(policy);
  const fence = (text: string) => ["```text", text, "```"].join("\n");
  return [
    fence(journeyMapText(r.map)),
    "",
    fence(journeyMapText(r.permitMap)),
    "",
    fence(attributionText(r.attribution)),
    "",
    fence(touchpointText(r.ranking)),
    "",
    "A typical building-permit application (the median end-to-end time of the journalled applications):",
    "",
    r.typical === null ? "(none in this window)" : fence(r.typical.narrative.join("\n")),
  ].join("\n");
}

const days = (x: number) => (x >= 10 ? x.toFixed(0) : x.toFixed(1));
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const signed = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(2)}`;

/** §8's reading: the figures the text quotes, taken from the results above. */
function journeyReading(): string {
  const m = journeyResults("minutes");
  const w = journeyResults("whole");
  const during = (map: JourneyMap) => map.phases.find((p) => p.phase === "during")!;
  const top = (a: Attribution) => [...a.rows].sort((x, y) => y.failureContacts - x.failureContacts)[0]!;
  const longest = (a: Attribution) => [...a.rows].sort((x, y) => y.endToEndMinutes - x.endToEndMinutes)[0]!;
  const first = (t: TouchpointRanking) => t.rows[0]!;
  const expr = (map: JourneyMap, k: string) => pct(map.expression[k] ?? 0);
  const bullets = [
    `**The phases.** The journalled citizens' needs took ${days(m.map.endToEndDays)} days end to end under minutes (met or given up) and ${days(w.map.endToEndDays)} under whole; during contact ${days(during(m.map).minutes / 1440)} days, of which ${days(during(m.map).waitingMinutes / 1440)} waiting, under minutes. Building permits: ${days(m.permitMap.endToEndDays)} days against ${days(w.permitMap.endToEndDays)}.`,
    `**The emotion curve.** The mean emotion ends at ${signed(m.map.phases.at(-1)!.emotionAtEnd)} under minutes (building permits ${signed(m.permitMap.phases.at(-1)!.emotionAtEnd)}) and at ${signed(w.map.phases.at(-1)!.emotionAtEnd)} under whole (${signed(w.permitMap.phases.at(-1)!.emotionAtEnd)}). The pain points under minutes: ${m.map.painPoints.map((p) => `"${p.label}"`).join(", ")}; under whole: ${w.map.painPoints.map((p) => `"${p.label}"`).join(", ")}.`,
    `**After contact.** Word of mouth ${expr(m.map, "wordOfMouth")} under minutes against ${expr(w.map, "wordOfMouth")}, social media ${expr(m.map, "socialMedia")} against ${expr(w.map, "socialMedia")}, formal complaints ${expr(m.map, "complaint")} against ${expr(w.map, "complaint")}; praise ${expr(m.map, "praise")} against ${expr(w.map, "praise")}.`,
    `**Attribution.** Under minutes most failure demand arises at the ${top(m.attribution).touchpoint} (${top(m.attribution).failureContacts} of ${m.attribution.failureContacts} contacts in the window; ${top(m.attribution).failureCaused} caused there, ${top(m.attribution).waitCaused} by waiting while it held the need), and the biggest block of end-to-end time is at the ${longest(m.attribution).touchpoint} (${(longest(m.attribution).endToEndMinutes / 1440).toFixed(2)} of ${(m.attribution.endToEndMinutes / 1440).toFixed(2)} days per citizen). Under whole, ${w.attribution.failureContacts} failure-demand contacts remain, ${top(w.attribution).failureContacts} of them at the ${top(w.attribution).touchpoint} (${top(w.attribution).waitCaused} by waiting).`,
    `**The what-if.** Under minutes, removing the failures of the ${first(m.ranking).touchpoint} would take ${reduction(first(m.ranking))} failure-demand contacts a week away; under whole the most to remove, at the ${first(w.ranking).touchpoint}, is ${reduction(first(w.ranking))} a week.`,
  ];
  return bullets.map((b) => wrap(`- ${b}`)).join("\n");
}

/** Text wrapped at `width` columns, continuation lines indented by `indent` (a bullet's two spaces by default). */
function wrap(text: string, width = 100, indent = "  "): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line].join("\n");
}

/** "X of the Y" with the 95% interval of the reduction. */
function reduction(row: TouchpointRanking["rows"][number]): string {
  const e = row.failureDemand;
  const interval = e.ci95 === null ? "" : ` (95% interval ${(-e.ci95[1]).toFixed(1)} to ${(-e.ci95[0]).toFixed(1)})`;
  return `${(-e.change).toFixed(1)} of the ${e.baseline.toFixed(1)}${interval}`;
}


/**
 * analysis.md's offered load of soderhamn under both presets (no simulation: the analysis before
 * a run), with the load warnings and which teams are busiest.
 */
function offeredLoadTables(): string {
  const out: string[] = [];
  const busiest: string[] = [];
  let warned = 0;
  for (const policy of [policies.minutes, policies.whole]) {
    const loads = offeredLoad(loadScenario("soderhamn"), policy);
    out.push(`**${policy.name}**`, "", "| team | staff | open min/wk per staff | present share | offered min/wk | utilisation | largest services (min/wk) |", "|---|--:|--:|--:|--:|--:|---|");
    for (const t of loads) {
      const top = Object.entries(t.byService)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([id, m]) => `${t.serviceNames[id]} ${m.toFixed(0)}`)
        .join(", ");
      out.push(`| ${t.name} | ${t.staff} | ${t.openMinutesPerWeek.toFixed(0)} | ${t.presentShare.toFixed(2)} | ${t.offeredMinutesPerWeek.toFixed(0)} | ${t.utilisation.toFixed(2)} | ${top} |`);
    }
    const warnings = loadWarnings(loads);
    warned += warnings.length;
    out.push("", warnings.length === 0 ? "No warnings." : warnings.map((w) => `- ${w.message}`).join("\n"), "");
    const two = [...loads].sort((a, b) => b.utilisation - a.utilisation).slice(0, 2);
    busiest.push(`under \`${policy.name}\` ${two.map((t) => `the ${t.name} (${t.utilisation.toFixed(2)})`).join(" and ")}`);
  }
  out.push(wrap(`The busiest teams before failure demand: ${busiest.join("; ")}. ${warned === 0 ? "No team is at or near capacity before failure demand under either preset; what the runs show beyond this is failure demand and flow." : "The warnings above name the teams at or near capacity before any failure demand."}`, 100, ""));
  return out.join("\n");
}

/** policies.md's front repertoire of soderhamn: types resolvable at the front and the volume they cover, per preset. */
function repertoireTable(): string {
  const scenario = loadScenario("soderhamn");
  const plans = [policies.minutes, policies.whole].map((p) => planServices(scenario, p, planTeams(scenario, p)));
  const cell = (plan: ServicePlan) => (plan.frontRepertoire === 0 ? "0 (0%)" : `${plan.frontRepertoire} (${(100 * (plan.typeCdf[plan.frontRepertoire - 1] ?? 0)).toFixed(0)}%)`);
  return [
    "| service | types | `minutes`: types (volume) | `whole`: types (volume) |",
    "|---|--:|--:|--:|",
    ...scenario.services.map((svc, k) => `| ${svc.name} | ${svc.demandTypes} | ${cell(plans[0]![k]!)} | ${cell(plans[1]![k]!)} |`),
  ].join("\n");
}

/** model.md: the open staff-minutes a week of two scenarios, the same under both presets (pooling moves no capacity). */
function openMinutes(): string {
  const week = (name: string) => {
    const [a, b] = [policies.minutes, policies.whole].map((p) => offeredLoad(loadScenario(name), p).reduce((x, t) => x + t.staff * t.openMinutesPerWeek, 0));
    if (Math.abs(a! - b!) > 1e-6) throw new Error(`${name}: open staff-minutes differ between the presets (${a} and ${b})`);
    return Math.round(a!).toLocaleString("en");
  };
  return wrap(`Pooling changes the queues, not the staff-minutes on offer: \`soderhamn\` has ${week("soderhamn")} open staff-minutes a week under both presets, and \`standard-work\` ${week("standard-work")}.`, 96, "");
}

/**
 * model.md: \`standard-work\` under both presets — the front target against its front work, three
 * replications of each preset (seed 2026, as the calibration test), and the whole preset's case
 * owners against their capacity.
 */
function standardWork(): string {
  const s = loadScenario("standard-work");
  const front = s.services[0]!.frontWork;
  if (!s.services.every((v) => v.frontWork.mean === front.mean && v.frontWork.cv === front.cv)) throw new Error("standard-work's services no longer share one front work");
  const factor = policies.minutes.handlingTime.frontFactor as number;
  const target = factor * front.mean;
  // a lognormal of the front work's mean and cv: P(X > target)
  const sigma = Math.sqrt(Math.log(1 + front.cv ** 2));
  const over = normalUpperTail((Math.log(target) - (Math.log(front.mean) - sigma ** 2 / 2)) / sigma);
  const runs = (p: typeof policies.minutes) => [0, 1, 2, 3, 4].map((r) => summarise(simulate(s, p, { seed: 2026, replication: r, journal: { every: 0 }, series: false })));
  const [m, w] = [runs(policies.minutes), runs(policies.whole)];
  const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
  const staff = [m, w].map((rs) => mean(rs.map((x) => x.staffMinutesPerNeed)));
  const e2e = [m, w].map((rs) => mean(rs.map((x) => x.endToEndDays.mean)));
  const median = [m, w].map((rs) => mean(rs.map((x) => x.endToEndDays.median)));
  const owners = offeredLoad(s, policies.whole).find((t) => t.team.startsWith("owners:"));
  if (owners === undefined) throw new Error("standard-work under whole has no case owners");
  const ownerIds = owners.team.slice("owners:".length).split("+");
  const ownerUtil = mean(w.map((x) => x.utilisation[ownerIds[0]!]!));
  const busiest = offeredLoad(s, policies.minutes).map((t) => ({ name: t.name, util: mean(m.map((x) => x.utilisation[t.team]!)) })).sort((a, b) => b.util - a.util)[0]!;
  const warned = loadWarnings(offeredLoad(s, policies.whole)).length > 0;
  const unstable = w.filter((x) => x.unstableTeams.length > 0).length;
  const words = ["none", "one", "two", "three", "four", "all five"];
  const f1 = (x: number) => x.toFixed(1);
  const cost = staff[1]! > staff[0]! ? "cost more staff minutes per need" : "cost fewer staff minutes per need";
  const speed = e2e[1]! < e2e[0]! ? "was faster for citizens" : "was slower for citizens";
  return [
    wrap(
      `\`standard-work\`'s front work takes ${front.mean} minutes on average (cv ${front.cv}). The minutes preset's front target is ${factor} × ${front.mean} = ${f1(target)} minutes, which about ${(100 * over).toFixed(0)}% of its contacts exceed (a lognormal with cv ${front.cv}); an absolute 4-minute target would be exceeded by about ${(100 * normalUpperTail((Math.log(4) - (Math.log(front.mean) - sigma ** 2 / 2)) / sigma)).toFixed(1)}%.`,
      96,
      "",
    ),
    "",
    wrap(
      `In \`standard-work\` (five replications, seed 2026) the minutes preset used ${f1(staff[0]!)} staff minutes per need against ${f1(staff[1]!)} under whole. Its citizens' mean end-to-end time was ${f1(e2e[0]!)} days against ${f1(e2e[1]!)} (medians ${f1(median[0]!)} and ${f1(median[1]!)}). The whole preset's case owners, the ${ownerNames(owners.name)}, keep their own hours: ${Math.round(owners.staff * owners.openMinutesPerWeek).toLocaleString("en")} open staff-minutes a week between them. The load analysis offers them ${(100 * owners.utilisation).toFixed(0)}% of that before any failure demand${warned ? " and warns about it ([analysis.md](analysis.md), `loadWarnings`)" : ""}; they ran at ${ownerUtil.toFixed(2)} utilisation, while under minutes the busiest team (the ${busiest.name}) ran at ${busiest.util.toFixed(2)}. ${unstable === 0 ? "No run of the five of whole was unstable (`unstableTeams`: a queue that grew through the year at full capacity)." : `${words[unstable]![0]!.toUpperCase()}${words[unstable]!.slice(1)} of the five runs of whole ${unstable === 1 ? "was" : "were"} unstable: the owners' queue grew through the year at full capacity (\`unstableTeams\`), the vicious cycle (M12) working on the whole design.`} So in \`standard-work\` the whole preset ${cost} and ${speed}. \`standard-work\` leaves absence out (its one-person teams stand for posts that are always filled).`,
      96,
      "",
    ),
  ].join("\n");
}

/** "case owners (a, b, c)" → "a, the b and the c". */
function ownerNames(name: string): string {
  const parts = name.replace(/^case owners \((.*)\)$/, "$1").split(", ");
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", the ")} and the ${parts[parts.length - 1]}`;
}

/** Every generated region. */
export const FIGURES: readonly DocFigure[] = [
  { file: "README.md", name: "npm-start", make: readmeSample },
  { file: "docs/index.md", name: "tour-reading", make: indexReading },
  { file: "docs/concepts.md", name: "failure-demand", make: conceptsFailureDemand },
  { file: "docs/concepts.md", name: "parts-and-whole", make: conceptsParts },
  { file: "docs/concepts.md", name: "during", make: conceptsDuring },
  { file: "docs/concepts.md", name: "capability", make: conceptsCapability },
  { file: "docs/output.md", name: "example", make: outputExample },
  { file: "docs/statistics.md", name: "worked-example", make: workedExample },
  { file: "docs/analysis.md", name: "soderhamn-load", make: offeredLoadTables },
  { file: "docs/policies.md", name: "repertoire", make: repertoireTable },
  { file: "docs/model.md", name: "open-minutes", make: openMinutes },
  { file: "docs/model.md", name: "standard-work", make: standardWork },
  { file: "docs/journeys.md", name: "narrative", make: journeyNarrative },
  { file: "docs/journeys.md", name: "results-minutes", make: () => journeyBlock("minutes") },
  { file: "docs/journeys.md", name: "results-whole", make: () => journeyBlock("whole") },
  { file: "docs/journeys.md", name: "reading", make: journeyReading },
  { file: "docs/drivers.md", name: "designs", make: driversDesigns },
  { file: "docs/drivers.md", name: "example", make: driversExample },
  { file: "docs/drivers.md", name: "reading", make: driversReading },
];

/** drivers.md's table of the fractional designs, from `twoLevelDesign` (no simulation). */
function driversDesigns(): string {
  const roman = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII"];
  const rows = [6, 7, 8, 9, 10, 11].map((k) => {
    const d = twoLevelDesign(k);
    return `| ${k} | 2^(${k}−${d.generators.length}), ${d.matrix.length} cells | ${d.generators.join(", ")} | ${roman[d.resolution ?? 0]} |`;
  });
  return ["| factors | design | generators | resolution |", "|---|---|---|---|", ...rows].join("\n");
}

/** drivers.md's example: the factorial study of the presets on teaching, 5 replications, seed 1 (run once). */
let driversStudy: FactorialStudy | undefined;
function driversRun(): FactorialStudy {
  driversStudy ??= factorial(loadScenario("teaching"), policies.minutes, policies.whole, { replications: 5, seed: 1 });
  return driversStudy;
}

/** drivers.md's table: as `helhet factorial teaching --replications 5` prints it (eight rows per outcome). */
function driversExample(): string {
  const s = driversRun();
  const head = `teaching — factorial study of minutes (−) and whole (+), ${s.replications} replications of every cell, seed ${s.seed}; common random numbers`;
  return ["```text", head, "", factorialTable(s, { top: 8 }), "```"].join("\n");
}

/** drivers.md's reading of the failure-demand table, in words made from its numbers (wrapped at 96 characters). */
function driversReading(): string {
  const s = driversRun();
  const o = s.outcomes["failureDemandShare"]!;
  const pts = (x: number) => `${(x * 100).toFixed(1)}`;
  const pp = (x: number) => `${pts(Math.abs(x))} percentage points`;
  const range = (c: readonly [number, number] | null) => (c === null ? "" : ` (95% interval ${pts(c[0])} to ${pts(c[1])})`);
  const share = (x: number) => `${(x * 100).toFixed(0)}%`;
  const way = (x: number) => (x < 0 ? "lower" : "higher");
  const mains = o.effects.filter((e) => e.kind === "main");
  const [a, b, c] = mains as [(typeof mains)[number], (typeof mains)[number], (typeof mains)[number]];
  const i = o.effects.find((e) => e.kind === "interaction")!;
  const [x, y] = i.name.split(" × ") as [string, string];
  const ofX = mains.find((e) => e.name === x)!;
  const first = `Failure demand is ${(o.mean * 100).toFixed(1)}% of contacts on average over the ${s.design.cells} cells. The largest main effect is \`${a.name}\`: in the cells with \`whole\`'s value of it, failure demand is ${pp(a.mean)} ${way(a.mean)} than in the cells with \`minutes\`' value${range(a.ci95)}, averaged over the settings of the other choices in the design; it accounts for ${share(a.share)} of the variation between cells. Next come \`${b.name}\` (${pp(b.mean)} ${way(b.mean)}, ${share(b.share)}) and \`${c.name}\` (${pp(c.mean)} ${way(c.mean)}, ${share(c.share)}).`;
  const second = `The largest interaction is \`${i.name}\`, ${i.mean < 0 ? "" : "+"}${pts(i.mean)} percentage points${range(i.ci95)}. An interaction is half the difference between one choice's effect at the two levels of the other: the effect of \`${x}\` (${pts(ofX.mean)} on average) is ${pts(ofX.mean + i.mean)} points in the cells with \`whole\`'s \`${y}\` and ${pts(ofX.mean - i.mean)} in those with \`minutes\`'.${
    i.aliases.length === 0 ? " It is aliased with no other two-factor interaction, so the design tells it apart." : ` It is aliased with ${i.aliases.map((n) => `\`${n}\``).join(" and ")}: the number is their sum, and the design cannot say which.`
  }`;
  return [wrap(first, 96, ""), "", wrap(second, 96, "")].join("\n");
}

/**
 * The regions that differ from what the code gives now, as "file: name".
 *
 * @param figures - the regions to check (all by default)
 * @returns the stale ones, empty when the docs are up to date
 * @example
 * ```ts
 * await staleFigures(); //=> []
 * ```
 */
export async function staleFigures(figures: readonly DocFigure[] = FIGURES): Promise<string[]> {
  const stale: string[] = [];
  for (const f of figures) if (region(readFileSync(join(ROOT, f.file), "utf8"), f.name) !== (await f.make())) stale.push(`${f.file}: ${f.name}`);
  return stale;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const pattern = process.argv.slice(2).find((a) => !a.startsWith("--"));
  for (const f of FIGURES.filter((x) => pattern === undefined || x.file.includes(pattern))) {
    const text = await f.make();
    console.log(`<!-- ${f.file}: ${f.name} -->\n${text}\n`);
    if (process.argv.includes("--write")) writeFileSync(join(ROOT, f.file), replaceRegion(readFileSync(join(ROOT, f.file), "utf8"), f.name, text));
  }
}
