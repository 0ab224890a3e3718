/**
 * Generated output paths for `--out` and `--html` (issue 14): what is at each path (nothing, a
 * file, a read-only file, a folder, links to a file, to an input or to nothing, a hard link to an
 * input, the input itself, a named pipe, a device), its folder (there, missing, a file), and
 * `--html` naming the same path as `--out`. An oracle says what `planOutputs` must do with
 * each; `outputProblems` checks it did, and that nothing but the outputs changed on disk.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { commitOutputs, OutputError, planOutputs, type OutputOption } from "../../src/cli/outputs.js";
import { UsageError } from "../../src/cli/options.js";

export const THINGS = ["none", "file", "readOnly", "folder", "linkToFile", "linkToInput", "linkToNothing", "hardLinkToInput", "input", "fifo", "devNull"] as const;
export type Thing = (typeof THINGS)[number];

export interface OutputSpec {
  readonly thing: Thing | "sameAsOut";
  readonly parent: "exists" | "missing" | "isFile";
}

export interface OutputSituation {
  readonly out: OutputSpec | null;
  readonly html: OutputSpec | null;
}

const spec = (withSame: boolean): fc.Arbitrary<OutputSpec> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ thing: fc.constantFrom<Thing | "sameAsOut">(...THINGS, ...(withSame ? (["sameAsOut"] as const) : [])), parent: fc.constant("exists" as const) }) },
    { weight: 1, arbitrary: fc.record({ thing: fc.constant("none" as const), parent: fc.constantFrom("missing" as const, "isFile" as const) }) },
  );

/** A situation: --out, --html, both or neither, each with what is at its path. */
export const outputSituationArb: fc.Arbitrary<OutputSituation> = fc.record({ out: fc.option(spec(false), { nil: null }), html: fc.option(spec(true), { nil: null }) });

type Expected = { kind: "ok" } | { kind: "usage" | "output"; option: OutputOption };

/** What planOutputs must do: the first problem in the order --out, --html, or success. */
export function expectedOf(s: OutputSituation): Expected {
  const one = (option: OutputOption, o: OutputSpec): Expected => {
    if (o.parent !== "exists") return { kind: "output", option };
    switch (o.thing) {
      case "none":
      case "file":
      case "linkToFile":
      case "fifo":
      case "devNull":
        return { kind: "ok" };
      case "readOnly":
      case "folder":
      case "linkToNothing":
        return { kind: "output", option };
      case "linkToInput":
      case "hardLinkToInput":
      case "input":
        return { kind: "usage", option };
      case "sameAsOut":
        return { kind: "ok" }; // decided below
    }
  };
  if (s.out !== null) {
    const e = one("--out", s.out);
    if (e.kind !== "ok") return e;
  }
  if (s.html !== null) {
    if (s.html.thing === "sameAsOut") return s.out === null ? { kind: "ok" } : { kind: "usage", option: "--html" };
    // both /dev/null: the same file under the same name
    if (s.html.thing === "devNull" && s.out?.thing === "devNull") return { kind: "usage", option: "--html" };
    return one("--html", s.html);
  }
  return { kind: "ok" };
}

/** Makes the situation in `dir` (an empty folder); returns the paths to give and the input. */
export function setUp(dir: string, s: OutputSituation): { out?: string; html?: string; input: string } {
  const input = join(dir, "scenario.yaml");
  writeFileSync(input, "name: input\n");
  const make = (label: string, o: OutputSpec): string => {
    if (o.parent === "missing") return join(dir, `missing-${label}`, `${label}.json`);
    if (o.parent === "isFile") {
      writeFileSync(join(dir, `plain-${label}`), "plain");
      return join(dir, `plain-${label}`, `${label}.json`);
    }
    const path = join(dir, `${label}.json`);
    switch (o.thing) {
      case "none":
      case "sameAsOut":
        break;
      case "file":
        writeFileSync(path, `old ${label}`);
        break;
      case "readOnly":
        writeFileSync(path, `old ${label}`);
        chmodSync(path, 0o444);
        break;
      case "folder":
        mkdirSync(path);
        break;
      case "linkToFile":
        writeFileSync(join(dir, `target-${label}`), `old target ${label}`);
        symlinkSync(`target-${label}`, path);
        break;
      case "linkToInput":
        symlinkSync("scenario.yaml", path);
        break;
      case "linkToNothing":
        symlinkSync(`nowhere-${label}`, path);
        break;
      case "hardLinkToInput":
        linkSync(input, path);
        break;
      case "input":
        return input;
      case "fifo":
        execFileSync("mkfifo", [path]);
        break;
      case "devNull":
        return "/dev/null";
    }
    return path;
  };
  const out = s.out === null ? undefined : make("out", s.out);
  const html = s.html === null ? undefined : s.html.thing === "sameAsOut" ? (out ?? make("html", { thing: "none", parent: "exists" })) : make("html", s.html);
  return { ...(out === undefined ? {} : { out }), ...(html === undefined ? {} : { html }), input };
}

/** Everything in the folder: type, and contents or link target. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const st = lstatSync(path);
      const key = `${prefix}${name}`;
      if (st.isSymbolicLink()) out[key] = `link → ${readlinkSync(path)}`;
      else if (st.isDirectory()) {
        out[key] = "folder";
        walk(path, `${key}/`);
      } else if (st.isFIFO()) out[key] = "fifo";
      else if (st.isFile()) out[key] = `file ${(st.mode & 0o777).toString(8)} ${readFileSync(path, "utf8")}`;
      else out[key] = "other";
    }
  };
  walk(dir, "");
  return out;
}

/**
 * Plans (and, without a named pipe, writes) the outputs of the situation set up in `dir`, and
 * returns every way it went wrong: the wrong outcome, a message that does not name the option
 * and the path or names a temporary file, an input changed, a file other than the outputs
 * changed, a link replaced, a temporary file left.
 */
export async function outputProblems(dir: string, s: OutputSituation): Promise<string[]> {
  const paths = setUp(dir, s);
  const before = snapshot(dir);
  const expected = expectedOf(s);
  const problems: string[] = [];
  const wanted: Array<readonly [OutputOption, string | undefined]> = [["--out", paths.out], ["--html", paths.html]];
  let targets;
  try {
    targets = planOutputs(wanted, [{ what: "the scenario file", path: paths.input }]);
  } catch (e) {
    const kind = e instanceof UsageError ? "usage" : e instanceof OutputError ? "output" : "other";
    if (expected.kind === "ok" || expected.kind !== kind) problems.push(`expected ${expected.kind}, got ${kind}: ${(e as Error).message}`);
    else {
      const message = (e as Error).message;
      const path = expected.option === "--out" ? paths.out : paths.html;
      if (!message.includes(expected.option) && !(kind === "usage" && /name the same file/.test(message))) problems.push(`the message does not name ${expected.option}: ${message}`);
      if (path !== undefined && !message.includes(path)) problems.push(`the message does not name the path ${path}: ${message}`);
      if (/\.tmp\b/.test(message) || message.includes("\n")) problems.push(`the message names a temporary file or has several lines: ${message}`);
    }
    const after = snapshot(dir);
    if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`a refusal changed the folder: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
    return problems;
  }
  if (expected.kind !== "ok") return [`expected ${expected.kind} for ${expected.option}, but the outputs were accepted`];
  if (targets.some((t) => t.kind === "stream" && t.path !== "/dev/null")) return problems; // a named pipe: planned, not written (it would wait for a reader)
  const texts = new Map<OutputOption, string>([["--out", "new out"], ["--html", "new html"]]);
  await commitOutputs(targets, texts);
  const after = snapshot(dir);
  const changed = new Set<string>();
  for (const [option, path] of wanted) {
    if (path === undefined || path === "/dev/null") continue;
    const name = path.slice(dir.length + 1);
    const link = before[name]?.startsWith("link → ") ? before[name]!.slice("link → ".length) : undefined;
    const real = link ?? name;
    changed.add(real);
    const want = texts.get(option)!;
    if (!after[real]?.endsWith(` ${want}`)) problems.push(`${option} ${name}: expected "${want}", got ${after[real]}`);
    if (link !== undefined && after[name] !== before[name]) problems.push(`${option} ${name}: the link was replaced (${after[name]})`);
    if (before[real] !== undefined && before[real]!.split(" ")[1] !== after[real]?.split(" ")[1]) problems.push(`${option} ${name}: the mode changed (${before[real]} → ${after[real]})`);
  }
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (changed.has(name)) continue;
    if (before[name] !== after[name]) problems.push(`${name} changed: ${before[name]} → ${after[name]}`);
  }
  return problems;
}
