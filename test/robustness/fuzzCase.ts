/**
 * One fuzz case, checked end to end: the text goes to `parseScenarioText`, to the load
 * analysis when it loads, and, written to a temporary file, to `helhet validate FILE` and
 * `helhet run --scenario FILE ...` through the CLI's `main`. Returns what went wrong (nothing
 * when the front door behaved). Runs inside a worker thread (see fuzzRunner.ts), so that a
 * hang or a memory blow-up is caught by the time limit or the worker's heap limit.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parentPort } from "node:worker_threads";
import { parse } from "yaml";
import { loadWarnings, offeredLoad, parseScenarioText, policies, ScenarioError, type Scenario } from "../../src/index.js";
import { main } from "../../src/cli/main.js";
import { MAX_TEXT_CHARACTERS } from "../../src/scenario/parse.js";
import { nonFinite } from "./invariants.js";

/** What the checker is given. */
export interface FuzzInput {
  readonly id: number;
  readonly text: string;
  readonly format: "yaml" | "json";
  /** Also run `helhet run` on the file (skipped for files the parser rejects only if false). */
  readonly runCli: boolean;
  /** A folder for the temporary file. */
  readonly dir: string;
}

/** What the checker found. */
export interface FuzzVerdict {
  readonly id: number;
  readonly loaded: boolean;
  /** Problems found; empty when the front door behaved. */
  readonly problems: readonly string[];
  readonly issues: number;
  readonly ran: boolean;
  readonly ms: number;
}

// spaces and tabs only before "at": \s+ would cross lines, and on a message holding a name of a
// million newlines (valid: a team named so is named in the load warnings) the search was quadratic,
// 15 minutes for one case
const STACK = /\n[ \t]+at \S|^[ \t]+at \S|(TypeError|ReferenceError|SyntaxError|InternalError): |\[object Object\]/m;
const LINE_COLUMN = /^line \d+, column \d+$/;
const MAX_MESSAGE = 2000;

function isRecord(x: unknown): boolean {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** The document as the YAML/JSON reader sees it, or undefined when it does not read. */
function rootOf(text: string, format: "yaml" | "json"): unknown {
  try {
    return format === "json" ? JSON.parse(text) : parse(text, { maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

/**
 * The problems of a refusal: no issue, an issue without a path (or without a line and column
 * for broken YAML/JSON), a message that does not start with its path, carries a stack trace or
 * is longer than 2,000 characters.
 */
export function issueProblems(e: ScenarioError, text: string, format: "yaml" | "json"): string[] {
  const problems: string[] = [];
  checkIssues(e, text, format, problems);
  return problems;
}

function checkIssues(e: ScenarioError, text: string, format: "yaml" | "json", problems: string[]): void {
  if (e.issues.length === 0) problems.push("a ScenarioError with no issues");
  // a text past the length limit is refused as a whole, before it is read: one issue about the
  // file (path ""), which must say how long the text is and what the limit is
  if (text.length > MAX_TEXT_CHARACTERS) {
    const [only, ...rest] = e.issues;
    if (rest.length > 0 || only?.path !== "" || !/got a text of [\d,]+ characters; expected a scenario file of at most [\d,]+ characters/.test(only.message)) {
      problems.push(`a text of ${text.length} characters refused otherwise than by its length: ${e.message.slice(0, 300)}`);
    }
    return;
  }
  const broken = /^Broken (YAML|JSON)/.test(e.message);
  const root = broken ? undefined : rootOf(text, format);
  for (const issue of e.issues.slice(0, 50)) {
    if (typeof issue.path !== "string") problems.push(`an issue without a path: ${String(issue.message).slice(0, 200)}`);
    else if (broken ? !LINE_COLUMN.test(issue.path) : issue.path === "" && isRecord(root)) {
      problems.push(`an issue names no ${broken ? "line and column" : "path"}: ${issue.message.slice(0, 300)}`);
    }
    if (typeof issue.message !== "string" || issue.message.trim() === "") problems.push(`an issue without a message at ${issue.path}`);
    else {
      if (issue.message.length > MAX_MESSAGE) problems.push(`an issue message of ${issue.message.length} characters at ${issue.path.slice(0, 80)}: ${issue.message.slice(0, 120)}...`);
      if (STACK.test(issue.message)) problems.push(`an issue message with an internal error or stack: ${issue.message.slice(0, 300)}`);
      if (!broken && issue.path !== "" && !issue.message.startsWith(issue.path)) problems.push(`an issue message that does not start with its path ${issue.path}: ${issue.message.slice(0, 200)}`);
    }
  }
}

function checkScenario(s: Scenario, problems: string[]): void {
  for (const p of nonFinite(s).slice(0, 3)) problems.push(`a loaded scenario holds a non-finite number: ${p}`);
  for (const policy of [policies.minutes, policies.whole]) {
    try {
      const loads = offeredLoad(s, policy);
      for (const l of loads) if (Number.isNaN(l.utilisation) || Number.isNaN(l.offeredMinutesPerWeek)) problems.push(`load analysis under ${policy.name}: NaN for ${l.team}`);
      for (const w of loadWarnings(loads)) if (/NaN|undefined/.test(w.message)) problems.push(`load warning: ${w.message}`);
    } catch (e) {
      // documented: a step that always fails makes the analysis refuse with a RangeError
      if (!(e instanceof RangeError)) problems.push(`load analysis under ${policy.name} threw ${(e as Error).name}: ${(e as Error).message.slice(0, 200)}`);
    }
  }
}

interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly threw?: string;
}

async function cli(args: readonly string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  try {
    // main returns the exit status (a number, or a promise of one)
    const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), env: {} });
    return { code, out: out.join("\n"), err: err.join("\n") };
  } catch (e) {
    return { code: -1, out: out.join("\n"), err: err.join("\n"), threw: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

/**
 * What a run may refuse in a file that validation accepts: a run too large to take (the
 * personal case owners, the open-needs limit, a run-cost limit lifted with --allow-large).
 * Anything else that `run` refuses, `validate` must refuse too (issue 14, item 4: "one
 * validation"; D10 found a cv of 1e300 and profile weights of 5e-324 passing validate and
 * stopping the run with internal messages).
 */
export const RUN_LIMITS = /the most a run takes|the run was stopped on day|--allow-large/;

function checkCli(name: string, r: CliResult, loaded: boolean, problems: string[]): void {
  if (r.threw !== undefined) problems.push(`${name}: main threw ${r.threw.slice(0, 300)}`);
  else if (r.code !== 0 && r.code !== 2) problems.push(`${name}: exit status ${r.code}: ${r.err.slice(0, 300)}`);
  else if (!loaded && r.code !== 2) problems.push(`${name}: exit status ${r.code} for a file the parser rejects`);
  else if (loaded && name === "validate" && r.code !== 0) problems.push(`validate: exit status ${r.code} for a file the parser loads: ${r.err.slice(0, 300)}`);
  else if (loaded && r.code === 2 && !RUN_LIMITS.test(r.err)) problems.push(`${name}: refused a file that validate accepts: ${r.err.slice(0, 300)}`);
  if (STACK.test(r.err)) problems.push(`${name}: a stack trace or internal error on stderr: ${r.err.slice(0, 300)}`);
  // NaN on stderr may echo what the file says ("got NaN"); in results and warnings it must not appear
  if (/\bNaN\b/.test(r.out) || r.err.split("\n").some((l) => l.startsWith("warning:") && /\bNaN\b/.test(l))) problems.push(`${name}: NaN in the output`);
  if (r.code === 2 && r.err.trim() === "") problems.push(`${name}: exit status 2 with nothing on stderr`);
}

/**
 * Checks one fuzz case.
 *
 * @param input - the file's text and format
 * @returns the verdict
 */
export async function checkFuzzCase(input: FuzzInput): Promise<FuzzVerdict> {
  const t0 = performance.now();
  const problems: string[] = [];
  let loaded = false;
  let issues = 0;
  let scenario: Scenario | undefined;
  try {
    scenario = parseScenarioText(input.text, input.format);
    loaded = true;
  } catch (e) {
    if (e instanceof ScenarioError) {
      issues = e.issues.length;
      checkIssues(e, input.text, input.format, problems);
    } else problems.push(`parseScenarioText threw ${(e as Error)?.name}: ${String((e as Error)?.message).slice(0, 300)}`);
  }
  if (scenario !== undefined) checkScenario(scenario, problems);
  const file = join(input.dir, `case-${input.id}.${input.format === "json" ? "json" : "yaml"}`);
  writeFileSync(file, input.text);
  let ran = false;
  try {
    checkCli("validate", await cli(["validate", file]), loaded, problems);
    if (input.runCli) {
      ran = true;
      checkCli("run", await cli(["run", "--scenario", file, "--replications", "1", "--horizon", "2 weeks", "--warmup", "1 week"]), loaded, problems);
    }
  } finally {
    rmSync(file, { force: true });
  }
  return { id: input.id, loaded, problems, issues, ran, ms: performance.now() - t0 };
}

/** Serves checks to the parent thread: one message in, one verdict out. */
export function serve(): void {
  parentPort?.on("message", async (input: FuzzInput) => {
    let verdict: FuzzVerdict;
    try {
      verdict = await checkFuzzCase(input);
    } catch (e) {
      verdict = { id: input.id, loaded: false, problems: [`the checker itself threw: ${(e as Error).stack?.slice(0, 500)}`], issues: 0, ran: false, ms: 0 };
    }
    parentPort?.postMessage(verdict);
  });
  parentPort?.postMessage({ ready: true });
}
