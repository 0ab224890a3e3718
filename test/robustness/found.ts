/**
 * Bugs the robustness tests found, each with its smallest reproduction: a record of what the
 * property and fuzz tests caught, and the regression tests themselves. Every bug here is fixed;
 * found.test.ts runs each `reproduce()` in the default run (`npm test`) and fails if it finds
 * anything wrong again. Run them all, with their times, with `npx tsx test/robustness/found.ts`.
 *
 * The property tests set nothing aside: every violation fails them. A new bug they find goes
 * here with its shrunk reproduction, which found.test.ts then fails until the bug is fixed.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import {
  builtinScenarioInput,
  loadScenario,
  offeredLoad,
  parsePolicy,
  parseScenario,
  parseScenarioText,
  policies,
  ScenarioError,
  Simulation,
  simulate,
  Team,
  type PolicyInput,
  type ScenarioInput,
} from "../../src/index.js";
import { journalRawOrderViolations } from "./invariants.js";

/** A bug found, with its reproduction. */
export interface FoundBug {
  readonly id: string;
  readonly title: string;
  /** The source file where it lives. */
  readonly where: string;
  readonly severity: "high" | "medium" | "low";
  /** Runs the reproduction; returns what is still wrong (empty when fixed). */
  readonly reproduce: () => string[];
}

function issuePaths(text: string, format: "yaml" | "json"): string[] | "loaded" {
  try {
    parseScenarioText(text, format);
    return "loaded";
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map((i) => i.path);
    throw e;
  }
}

/** The shrunk counterexample of the overtime property (fast-check, seed 7). */
export const OVERTIME_SCENARIO: ScenarioInput = {
  name: "generated",
  population: 1,
  costPerStaffHour: 0,
  horizon: "1 day",
  warmup: "720 min",
  drain: "0 min",
  teams: [
    { id: "t0", role: "meeting", staff: 1, hours: "Mon,Wed,Fri 08:00-12:00,13:00-15:00" },
    { id: "t1", role: "specialist", staff: 2, hours: "Mon-Fri 08:00-16:30" },
  ],
  services: [
    { id: "v0", arrivals: "3.5000000 / week", demandTypes: 1, frontResolvableShare: 0, caseShare: 0, frontWork: { mean: "1 s", cv: 0 }, backOfficeWork: { mean: "0.0500000 min", cv: 0 }, backOffice: "t0", informationQuality: 0, channelMix: { eform: 1 }, expectation: "1 s" },
    {
      id: "v1", arrivals: "134.33749 / week", demandTypes: 1, frontResolvableShare: 0, caseShare: 0, frontWork: { mean: "0.0500000 min", cv: 0 }, backOfficeWork: { mean: "0.0500000 min", cv: 0 }, backOffice: "t0", informationQuality: 0, channelMix: { eform: 1 }, expectation: "1 s",
      steps: [{ id: "s0", team: "t0", work: { mean: "0.0500000 min", cv: 0 } }, { id: "s1", team: "t0", work: { mean: "0.0500000 min", cv: 0 } }],
    },
  ],
};

/** The policy of that counterexample. */
export const OVERTIME_POLICY: PolicyInput = {
  name: "generated",
  frontOffice: { scope: "logAndPass", skillCoverage: 0 },
  handlingTime: { front: "1 min", stepFactor: 0.01, cutShortProbability: 0 },
  caseHandling: "handoffs",
  batching: { every: "none", byRole: {}, steps: {} },
  progressInformation: "none",
  closure: "targetDriven",
  completenessCheck: "backOfficeLetter",
  activityMeasure: "casesClosed",
};

/** The shrunk counterexample of the long model run (fast-check, seed 20261128), one service kept. */
export const INTERNAL_SCENARIO: ScenarioInput = {
  name: "generated",
  population: 1,
  costPerStaffHour: 0,
  horizon: "8 weeks",
  warmup: "0 min",
  drain: "0 min",
  teams: [{ id: "t0", name: "team 0", role: "specialist", staff: 28, hours: "Sun 22:00-06:00" }],
  services: [
    {
      id: "v0", arrivals: "0.062500000 / week", demandTypes: 1, frontResolvableShare: 0, caseShare: 0.343559155240655,
      frontWork: { mean: "0.0500000 min", cv: 0 }, backOfficeWork: { mean: "0.0500000 min", cv: 0 }, backOffice: "t0",
      informationQuality: 0, channelMix: { eform: 1 }, expectation: "0.0100000 min",
      steps: [{ id: "s0", team: "t0", work: { mean: "0.0500000 min", cv: 1 }, specialist: true, checksCompleteness: true }],
      profile: { byMonth: [4.275542724986424e-46, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
    },
  ],
};

/** The policy of that counterexample (its second policy fails the same way). */
export const INTERNAL_POLICY: PolicyInput = {
  name: "generated",
  frontOffice: { scope: "logAndPass", skillCoverage: 0 },
  handlingTime: { front: "1 min", stepFactor: 0.01, cutShortProbability: 0 },
  caseHandling: "handoffs",
  batching: { every: "1 min", byRole: {}, steps: {} },
  progressInformation: "none",
  closure: "targetDriven",
  completenessCheck: "backOfficeLetter",
  activityMeasure: "casesClosed",
};

/** A service that only has arrivals on Sundays 09:00-10:00 in February, at 1 a minute on average. */
export const SPIKY_PROFILE_SCENARIO: ScenarioInput = {
  name: "spiky",
  population: 1000,
  costPerStaffHour: 500,
  horizon: "1 hour",
  warmup: "0 min",
  drain: "0 min",
  teams: [{ id: "desk", role: "front", staff: 1, hours: "always", channels: ["phone"] }],
  services: [
    {
      id: "q", arrivals: "10080 / week", demandTypes: 1, frontResolvableShare: 1, caseShare: 0,
      frontWork: { mean: "5 min", cv: 0 }, backOfficeWork: { mean: "5 min", cv: 0 }, backOffice: "desk",
      informationQuality: 1, channelMix: { phone: 1 }, expectation: "1 week",
      profile: { byDay: [0, 0, 0, 0, 0, 0, 1], byHour: Array.from({ length: 24 }, (_, h) => (h === 9 ? 1 : 0)), byMonth: [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
    },
  ],
};

/** Teaching with one service at a billion needs a week. */
function hugeArrivalsYaml(): string {
  const s = builtinScenarioInput("teaching");
  return stringify({ ...s, services: s.services.map((sv, i) => (i === 0 ? { ...sv, arrivals: "1e9 / week" } : sv)) });
}

/** Runs the CLI on a scenario text in a child process with a 512 MB heap and a time limit. */
function cliInChild(yaml: string, seconds: number): string[] {
  const src = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));
  const script = `
    import { writeFileSync } from "node:fs";
    import { main } from ${JSON.stringify(src)};
    const file = "/tmp/helhet-found-" + process.pid + ".yaml";
    writeFileSync(file, ${JSON.stringify(yaml)});
    const code = await main(["run", "--scenario", file, "--replications", "1", "--horizon", "2 weeks", "--warmup", "1 week"], { out: () => {}, err: (s) => process.stderr.write(s + "\\n"), env: {} });
    process.exitCode = code;`;
  try {
    execFileSync(process.execPath, ["--max-old-space-size=512", "--import", "tsx", "--input-type=module", "-e", script], { timeout: seconds * 1000, stdio: "pipe" });
    return [];
  } catch (e) {
    const err = e as { signal?: string; status?: number; stderr?: Buffer };
    const stderr = err.stderr?.toString() ?? "";
    if (err.signal === "SIGTERM") return [`no answer within ${seconds} s`];
    if (/heap out of memory|Allocation failed/i.test(stderr)) return ["the process ran out of memory (a fatal V8 error, not a message)"];
    return err.status === 2 ? [] : [`exit status ${err.status}: ${stderr.slice(0, 200)}`];
  }
}

/**
 * Refuses soderhamn with its name a run of newlines and a NUL byte at the start of every line
 * (an error or two per line) in a child process with a small heap; what went wrong, if anything.
 */
function nulLinesInChild(lines: number, heapMb: number, seconds: number): string[] {
  const src = fileURLToPath(new URL("../../src/index.ts", import.meta.url));
  const script = `
    import { stringify } from "yaml";
    import { builtinScenarioInput, parseScenarioText, ScenarioError } from ${JSON.stringify(src)};
    const s = builtinScenarioInput("soderhamn");
    const text = stringify({ ...s, name: "\\n".repeat(${lines}) }).replace(/\\n/g, "\\n\\u0000");
    try {
      parseScenarioText(text);
      process.exitCode = 3;
    } catch (e) {
      process.exitCode = e instanceof ScenarioError ? 0 : 4;
    }`;
  try {
    execFileSync(process.execPath, [`--max-old-space-size=${heapMb}`, "--import", "tsx", "--input-type=module", "-e", script], { cwd: fileURLToPath(new URL(".", import.meta.url)), timeout: seconds * 1000, stdio: "pipe" });
    return [];
  } catch (e) {
    const err = e as { signal?: string; status?: number; stderr?: Buffer };
    const stderr = err.stderr?.toString() ?? "";
    if (err.signal === "SIGTERM") return [`no answer within ${seconds} s`];
    if (/heap out of memory|Allocation failed/i.test(stderr)) return [`refusing ${lines} lines that each start with a NUL byte ran out of a ${heapMb} MB heap`];
    return [`exit status ${err.status}: ${stderr.slice(0, 200)}`];
  }
}

/** Every bug found, the most severe first. */
export const FOUND: readonly FoundBug[] = [
  {
    id: "waitingLineDoubleFree",
    title:
      "A waiting entity is lost: WaitingLine.remove() may compact the line, which frees the removed slot; Team.renege() and Team.withdraw() then call release() on it again, so the slot is on the free list twice and two later arrivals share one slot and ticket. One of them is overwritten: never served, never reneges, while queueLength counts it.",
    where: "src/engine/waitingLine.ts (remove/compact/release), src/engine/team.ts (renege, withdraw)",
    severity: "high",
    reproduce: () => {
      const sim = new Simulation();
      const done: number[] = [];
      const team = new Team(sim, { servers: 1 }, { done: (e) => done.push(e) });
      team.arrive(0, 1000); // the only server is busy until t = 1000
      for (let e = 1; e <= 300; e++) team.arrive(e, 1, 0, 0, 10); // all give up at t = 10: > 256 gone, the line compacts
      sim.run({ until: 20 });
      team.arrive(1001, 1);
      team.arrive(1002, 1);
      sim.run();
      const lost = [1001, 1002].filter((e) => !done.includes(e));
      return lost.length === 0 ? [] : [`entities ${lost.join(", ")} never served; the calendar is empty and queueLength is ${team.queueLength}`];
    },
  },
  {
    id: "hugeArrivalsOutOfMemory",
    title:
      "A valid file with a huge volume (teaching with arrivals \"1e9 / week\") crashes the process with a fatal out-of-memory error after the load warning: nothing caps the needs alive or stops the run with a message; memory is bounded only by horizon + drain, and that is far too late here.",
    where: "src/model/simulate.ts, src/scenario/schema.ts (no upper bound on arrivals), src/cli/main.ts",
    severity: "high",
    reproduce: () => cliInChild(hugeArrivalsYaml(), 120),
  },
  {
    id: "failureProbabilityOne",
    title:
      "failureProbability: 1 is accepted by validation (a share from 0 to 1) and by `helhet validate`, but the load analysis refuses it (RangeError, \"must be below 1\"), so `helhet run` exits 2 on a file `helhet validate` called valid; simulate itself redoes the step until horizon + drain.",
    where: "src/scenario/schema.ts (stepSchema.failureProbability) vs src/analysis/offeredLoad.ts",
    severity: "medium",
    reproduce: () => {
      const s = builtinScenarioInput("teaching");
      const input = { ...s, services: s.services.map((sv) => ({ ...sv, steps: (sv.steps ?? []).map((st, k) => (k === 1 ? { ...st, failureProbability: 1 } : st)) })) };
      const scenario = parseScenario(input);
      try {
        offeredLoad(scenario, policies.minutes);
        return [];
      } catch (e) {
        return [`parseScenario accepts it, but offeredLoad throws: ${(e as Error).message}`];
      }
    },
  },
  {
    id: "internalMinutesNegative",
    title:
      "internalMinutes (the organisation's own clock, complete application → first closing) is negative when a case is first closed before its application is complete: an e-form case whose only step is a specialist step it does not need is closed at once with the missing information as a defect, the citizen notices, the case is reopened and completed weeks later, so closedAt (first) − completeAt (later) < 0; internalProcessingDays in the summary goes negative with it.",
    where: "src/model/recorder.ts (internalMinutes), src/model/cases.ts / closure.ts (completeAt, closedAt)",
    severity: "medium",
    reproduce: () => {
      const run = simulate(parseScenario(INTERNAL_SCENARIO), { ...parsePolicy(INTERNAL_POLICY), name: "p" }, { seed: 1633476469 });
      return Array.from(run.needs.internalMinutes)
        .filter((x) => x < 0)
        .map((x) => `a need with internalMinutes ${x}`);
    },
  },
  {
    id: "slowSpikyProfile",
    title:
      "A run costs time proportional to (peak rate × time to the next non-zero part of the profile), not to the needs simulated: the seasonal arrival process thins at the profile's peak rate and searches for the next arrival without an end, even past horizon + drain. A one-hour run with no needs at all takes seconds (a year-long search at 2,016× the mean rate).",
    where: "src/random/seasonal.ts (SeasonalArrivals.next), src/model/arise.ts",
    severity: "medium",
    reproduce: () => {
      const scenario = parseScenario(SPIKY_PROFILE_SCENARIO);
      const t0 = performance.now();
      const run = simulate(scenario, policies.whole, { seed: 1 });
      const seconds = (performance.now() - t0) / 1000;
      return seconds > 1 ? [`a 1-hour run with ${run.needsArisen} needs and ${run.events} events took ${seconds.toFixed(1)} s`] : [];
    },
  },
  {
    id: "slowSuggestionForLongValue",
    title:
      "A long wrong team reference makes every read of the file slow: the \"did you mean\" search computes the full edit distance to every team id, about 11 µs per character with Söderhamn's teams, so a 1,000,000-character backOffice costs 11 s per read (the CLI's run reads it again: over 30 s). Only words within 3 edits can match, so a length difference beyond that could end the search at once.",
    where: "src/scenario/suggest.ts (closestMatch), src/scenario/crossCheck.ts (checkReference)",
    severity: "medium",
    reproduce: () => {
      const s = builtinScenarioInput("soderhamn");
      const input = { ...s, services: s.services.map((sv, i) => (i === 0 ? { ...sv, backOffice: "x".repeat(300_000) } : sv)) };
      const t0 = performance.now();
      try {
        parseScenario(input);
      } catch {
        // refused, as it should be; the time is the bug
      }
      const seconds = (performance.now() - t0) / 1000;
      return seconds > 1 ? [`refusing a 300,000-character backOffice took ${seconds.toFixed(1)} s`] : [];
    },
  },
  {
    id: "brokenYamlQuadratic",
    title:
      "Refusing broken YAML takes time quadratic in the number of broken lines: every YAML error becomes an issue (no cap), and each issue re-splits the whole text to quote its line (lineText). A 32 KB file of 16,000 lines that each hold a NUL byte gives 31,999 issues and takes 12 s; a fuzzed 200 KB file (a string of 100,000 newlines, then NUL bytes) did not answer within 30 s.",
    where: "src/scenario/parse.ts (readYaml, lineText)",
    severity: "high",
    reproduce: () => {
      const out: string[] = [];
      // NUL bytes are now refused before the YAML parser (nulEveryLineOutOfMemory); a stray "]"
      // on every line still gives an error a line (before the fix: 16,000 lines, 6 s)
      for (const text of [`name: x\n${"\u0000\n".repeat(8000)}`, `name: x\n${"]\n".repeat(16_000)}`]) {
        const t0 = performance.now();
        let issues = 0;
        try {
          parseScenarioText(text);
        } catch (e) {
          issues = (e as ScenarioError).issues?.length ?? 0;
        }
        const seconds = (performance.now() - t0) / 1000;
        if (seconds > 1) out.push(`a ${Math.round(text.length / 1024)} KB file with ${issues} issues took ${seconds.toFixed(1)} s to refuse (twice the lines: four times the time)`);
      }
      return out;
    },
  },
  {
    id: "brokenYamlMemory",
    title:
      "Refusing broken YAML can take about 850× the file's size in memory: a 368 KB file (small-town plus a line of {a: nested 100,000 deep, cut off) gives 818 issues and 311 MB of heap at the throw; a fuzzed 410 KB file of that kind exhausted the 1 GB heap of the fuzz worker. Each issue re-splits the whole text (lineText) and the yaml package's prettyErrors adds context to each error.",
    where: "src/scenario/parse.ts (readYaml, lineText)",
    severity: "medium",
    reproduce: () => {
      const base = stringify(builtinScenarioInput("teaching"));
      const full = `${base}\nextra: ${"{a: ".repeat(100_000)}1${"}".repeat(100_000)}\n`;
      const text = full.slice(0, Math.floor(full.length * 0.75));
      const before = process.memoryUsage().heapUsed;
      let grown = 0;
      try {
        parseScenarioText(text);
      } catch {
        grown = process.memoryUsage().heapUsed - before;
      }
      return grown > 100 * 1024 * 1024 ? [`a ${Math.round(text.length / 1024)} KB file took ${Math.round(grown / 1048576)} MB of heap to refuse`] : [];
    },
  },
  {
    id: "yamlErrorContextQuadratic",
    title:
      "Refusing broken YAML still takes time quadratic in a run of blank lines: the yaml package's prettyErrors (which readYaml asked for) quotes each error's line by matching /[\\n\\r]+$/ against the text from that line's start to the next line start it knows, and its line counter misses the newlines of a broken block scalar, so for every later error that \"line\" is a run of hundreds of thousands of newlines. A 1 MB file among the long fuzz run's mutations (seed 20261129, case 3281: a value of 1,000,000 newlines, written as a block scalar, with \"}}]\" and \"`\" typed into it) had not been refused after 12 minutes (by the measured growth, about half an hour); 40,000 newlines take 3 s. Found once the fuzz tests used long strings of newlines again (left out while brokenYamlQuadratic was open).",
    where: "src/scenario/parse.ts (readYaml, readJson: parseDocument with prettyErrors), yaml's prettifyError",
    severity: "high",
    reproduce: () => {
      const s = builtinScenarioInput("teaching");
      const n = 50_000;
      const yaml = stringify({ ...s, services: s.services.map((sv, i) => (i === 0 ? { ...sv, backOfficeWork: { ...sv.backOfficeWork, cv: "\n".repeat(n) } } : sv)) });
      const start = yaml.indexOf("\n\n\n");
      const insert = (text: string, at: number, what: string) => `${text.slice(0, at)}${what}${text.slice(at)}`;
      const text = insert(insert(yaml, start + Math.round(0.28 * n), "`"), start + Math.round(0.11 * n), "}}]");
      const t0 = performance.now();
      let issues = 0;
      try {
        parseScenarioText(text);
      } catch (e) {
        issues = (e as ScenarioError).issues?.length ?? 0;
      }
      const seconds = (performance.now() - t0) / 1000;
      return seconds > 1 ? [`a ${Math.round(text.length / 1024)} KB file with ${n} blank lines took ${seconds.toFixed(1)} s to refuse (${issues} issues; twice the lines: four times the time)`] : [];
    },
  },
  {
    id: "nulEveryLineOutOfMemory",
    title:
      "A YAML file with a NUL byte at the start of every line takes seconds and about 2 KB of heap per line to refuse: YAML allows no NUL byte, but the yaml package reads on past each, making an error or two for every line (each an Error object with its JS stack trace) before readYaml reports the first 20. A fuzzed 2 MB file (a value of 1,000,000 newlines, then a NUL byte at the start of every line: 2,000,000 errors) exhausted the fuzz worker's 1 GB heap; with the stacks left out it still took 10 s a read, over the 30 s limit for the three reads of a fuzz case. 200,000 such lines (410 KB) need more than 448 MB. Found once the fuzz tests used 1,000,000-character strings again (left out while brokenYamlMemory was open). Now refused at the first NUL byte.",
    where: "src/scenario/parse.ts (readYaml)",
    severity: "medium",
    reproduce: () => nulLinesInChild(200_000, 384, 60),
  },
  {
    id: "jsonErrorWithoutPosition",
    title:
      "Broken JSON whose V8 message has no \"position N\" (\"Unexpected token ']', \"[1,]\" is not valid JSON\", \"Unexpected end of JSON input\") gets an issue with path \"\": no line and column.",
    where: "src/scenario/parse.ts (readJson)",
    severity: "low",
    reproduce: () => {
      const out: string[] = [];
      for (const text of ["[1,]", "", '{"a": tru}']) {
        const paths = issuePaths(text, "json");
        if (paths !== "loaded" && paths.some((p) => !/^line \d+, column \d+$/.test(p))) out.push(`${JSON.stringify(text)}: issue paths ${JSON.stringify(paths)}`);
      }
      return out;
    },
  },
  {
    id: "jsonByteOrderMark",
    title:
      "A JSON scenario file saved with a byte-order mark (as some Windows editors do) is rejected as broken JSON (with no position), while the same text read as YAML loads.",
    where: "src/scenario/parse.ts (readJson), src/node/files.ts",
    severity: "low",
    reproduce: () => {
      const text = `\uFEFF${JSON.stringify(builtinScenarioInput("teaching"))}`;
      const json = issuePaths(text, "json");
      return json === "loaded" ? [] : [`rejected as JSON (issue paths ${JSON.stringify(json)}); as YAML: ${issuePaths(text, "yaml") === "loaded" ? "loads" : "rejected"}`];
    },
  },
  {
    id: "aliasBombWithoutPosition",
    title:
      "A YAML alias bomb is refused (\"Excessive alias count indicates a resource exhaustion attack\"), but the issue has path \"\": no line and column of the alias.",
    where: "src/scenario/parse.ts (readYaml, the toJS catch)",
    severity: "low",
    reproduce: () => {
      let bomb = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
      for (let i = 1; i < 10; i++) bomb += `a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(",")}]\n`;
      const paths = issuePaths(bomb, "yaml");
      return paths !== "loaded" && paths.includes("") ? [`issue paths ${JSON.stringify(paths)}`] : [];
    },
  },
  {
    id: "longValueEchoedInFull",
    title:
      "A very long value is echoed whole in its issue: a 100,000-character horizon gives a 100,184-character message (the unit reader quotes the text: '\"xxxx…\" does not start with a number'; broken YAML quotes the whole offending line). formatValue truncates to 80 characters, these notes do not.",
    where: "src/scenario/units.ts (readQuantity problems), src/scenario/hours.ts, src/scenario/parse.ts (lineText)",
    severity: "low",
    reproduce: () => {
      const s = builtinScenarioInput("teaching");
      const out: string[] = [];
      for (const [what, input] of [
        ["horizon", { ...s, horizon: "x".repeat(100_000) }],
        ["hours", { ...s, teams: s.teams.map((t, i) => (i === 0 ? { ...t, hours: "y".repeat(100_000) } : t)) }],
      ] as const) {
        try {
          parseScenario(input);
        } catch (e) {
          const longest = Math.max(...(e as ScenarioError).issues.map((i) => i.message.length));
          if (longest > 2000) out.push(`${what}: an issue message of ${longest} characters`);
        }
      }
      const yaml = `name: teaching\nsources: [${"z".repeat(100_000)}\n`;
      const paths = issuePaths(yaml, "yaml");
      if (paths !== "loaded") {
        try {
          parseScenarioText(yaml);
        } catch (e) {
          const longest = Math.max(...(e as ScenarioError).issues.map((i) => i.message.length));
          if (longest > 2000) out.push(`broken YAML: an issue message of ${longest} characters`);
        }
      }
      return out;
    },
  },
  {
    id: "longIdEchoedInList",
    title:
      "A very long team id, channel or horizon is echoed whole in the issues that quote it in what they expect: a 100,000-character team id gives \"expected the id of a team (desk, xxxx…)\" at every reference to another team, a 100,000-character channel of the front desk gives \"expected a channel that a front team answers (phone, yyyy…)\", and a horizon padded to 100,000 characters gives \"expected a warm-up shorter than the horizon (…)\": messages of about 100,100 characters. The fix of longValueEchoedInFull shortened values and notes, not these lists; the fuzz tests' waiver of that bug (\"an issue message of N characters\") matched them too and hid them (59 problems in the 10,000-case long run).",
    where: "src/scenario/crossCheck.ts (listOf, checkChannels, checkRunLengths)",
    severity: "low",
    reproduce: () => {
      const s = builtinScenarioInput("teaching");
      const out: string[] = [];
      for (const [what, input] of [
        ["team id", { ...s, teams: s.teams.map((t, i) => (i === 2 ? { ...t, id: "x".repeat(100_000) } : t)) }],
        ["channel", { ...s, teams: s.teams.map((t, i) => (i === 0 ? { ...t, channels: ["phone", "y".repeat(100_000), "email"] } : t)) }],
        ["horizon", { ...s, horizon: `1 week${" ".repeat(100_000)}`, warmup: "2 weeks" }],
      ] as const) {
        try {
          parseScenario(input);
          out.push(`${what}: loaded`);
        } catch (e) {
          const longest = Math.max(...(e as ScenarioError).issues.map((i) => i.message.length));
          if (longest > 2000) out.push(`${what}: an issue message of ${longest} characters`);
        }
      }
      return out;
    },
  },
  {
    id: "overtimeRounding",
    title:
      "TeamStats.overtime can be slightly negative (−4.5e-13 minutes): TeamStatistics.update adds busy × (dt − openMinutesBetween(...)) without clamping rounding residue at 0 (utilisation and waitVariance are clamped; overtime is not).",
    where: "src/engine/teamStatistics.ts (update)",
    severity: "low",
    reproduce: () => {
      const scenario = parseScenario(OVERTIME_SCENARIO);
      const run = simulate(scenario, { ...parsePolicy(OVERTIME_POLICY), name: "p" }, { seed: 29 });
      return run.teams.filter((t) => t.stats.overtime < 0).map((t) => `${t.id}: overtime ${t.stats.overtime}`);
    },
  },
  {
    id: "journalRowsNotInTimeOrder",
    title:
      "model/journal.ts says the journal has \"one row per event of a sampled need, in time order per need\", but a row is written when its event ends, with the time it started: a piece of work that started before the previous row's event is written after it. (src/journey sorts rows itself, so journeys are right; the raw records and their documentation disagree.)",
    where: "src/model/journal.ts (JournalRecords doc), src/model/world.ts (finish)",
    severity: "low",
    reproduce: () => journalRawOrderViolations(simulate(loadScenario("teaching"), policies.minutes, { seed: 1, horizon: "4 weeks", warmup: "1 week", journal: { every: 1 } })),
  },
  {
    id: "unsafeIntegerMessage",
    title:
      "staff: 1e20 is refused with \"got 100000000000000000000; expected a whole number ≥ 1\", which it is: zod's int() refuses integers beyond 2^53 but the message does not say so.",
    where: "src/scenario/fields.ts (positiveInteger)",
    severity: "low",
    reproduce: () => {
      const s = builtinScenarioInput("teaching");
      try {
        parseScenario({ ...s, teams: s.teams.map((t, i) => (i === 0 ? { ...t, staff: 1e20 } : t)) });
        return [];
      } catch (e) {
        const m = (e as ScenarioError).issues?.[0]?.message ?? String(e);
        return /whole number ≥ 1$/.test(m) ? [`message: ${m}`] : [];
      }
    },
  },
  {
    id: "slowSuggestionForLongId",
    title:
      "A very long team id makes every read slow: the \"did you mean\" search for each reference to a team that no longer exists computes the full edit distance to every team id, the 1,000,000-character one too (a 9 × 1,000,001 table), although a candidate whose length differs by more than the limit of 3 edits cannot match. teaching with a 1,000,000-character id for its case officers takes 2.6 s per read and about 8 s for a fuzz case (three reads) on a quiet machine; under load the long fuzz run hit its 30-second limit (seed 20261128, case 2276). The fix of slowSuggestionForLongValue covered long words, not long candidates.",
    where: "src/scenario/suggest.ts (closestMatch)",
    severity: "low",
    reproduce: () => {
      const s = builtinScenarioInput("teaching");
      const input = { ...s, teams: s.teams.map((t, i) => (i === 1 ? { ...t, id: "min ".repeat(250_000) } : t)) };
      const t0 = performance.now();
      try {
        parseScenario(input);
      } catch {
        // refused, as it should be; the time is the bug
      }
      const seconds = (performance.now() - t0) / 1000;
      return seconds > 1 ? [`refusing a 1,000,000-character team id took ${seconds.toFixed(1)} s`] : [];
    },
  },
  {
    id: "yamlDeepValueStackOverflow",
    title:
      "A YAML file with a field's value nested thousands deep inside a block (teaching's desk staff written as [[[…2…]]], 5,000 deep) is refused with issues that say \"Maximum call stack size exceeded\" (one to 21 of them, by the stack size): the yaml package reads nested values by recursion, overflows and reports it as errors at the deep end, so readYaml's own depth check (100 levels) never ran. An internal message and no field, as D9 of issue 14 had it for JSON. Found by the fuzz tests' new deepValue text operation.",
    where: "src/scenario/parse.ts (readYaml)",
    severity: "low",
    reproduce: () => {
      const yaml = stringify(builtinScenarioInput("teaching")).replace(/staff: 2\b/, `staff: ${"[".repeat(5000)}2${"]".repeat(5000)}`);
      try {
        parseScenarioText(yaml);
        return ["loaded"];
      } catch (e) {
        const issues = (e as ScenarioError).issues;
        const out: string[] = [];
        if (issues.length !== 1) out.push(`${issues.length} issues`);
        if (issues.some((i) => /call stack/i.test(i.message))) out.push(`an issue says: ${issues[0]?.message.slice(0, 160)}`);
        if (!/staff: nested more than 100 levels deep/.test(issues[0]?.message ?? "")) out.push(`the field is not named: ${issues[0]?.message.slice(0, 160)}`);
        return out;
      }
    },
  },
];

// `npx tsx test/robustness/found.ts`: the state of every reproduction
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const bug of FOUND) {
    const t0 = performance.now();
    let still: string[];
    try {
      still = bug.reproduce();
    } catch (e) {
      // the input is now refused up front, with a message naming the field (the fix for some)
      still = e instanceof ScenarioError ? [] : [`the reproduction throws: ${(e as Error).message}`];
    }
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(`${still.length === 0 ? "fixed " : "OPEN  "} ${bug.severity.padEnd(6)} ${bug.id} (${s} s)${still.length === 0 ? "" : `\n        ${still.join("\n        ")}`}`);
  }
}
