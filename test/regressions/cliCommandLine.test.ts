/**
 * Issue 14, the command line: the reproducers 04 (D4), 14 (D14), 16 (D16), 17 (D17), 19 (D19),
 * 20 (D20), 22 (D22) and 23 (D23, the items of the command line) of
 * ../shared/reliability-cases, as tests.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { QUICK, ROOT, run, runBuilt, STACK, tempDir } from "./cliHelpers.js";

const SMALL_TOWN = join(ROOT, "examples", "scenarios", "small-town.yaml");

describe("D4: validate checks every file it is given", () => {
  it("reports each file and exits 2 when any is bad or missing", async () => {
    const dir = tempDir();
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, readFileSync(SMALL_TOWN, "utf8").replace("staff: 2", "staff: 0"));
    const good = "examples/scenarios/small-town.yaml";
    const r = await run(["validate", good, bad]);
    expect(r.code).toBe(2);
    expect(r.out).toBe(`${good}: a valid scenario "small-town" with 3 teams and 2 services`);
    expect(r.err).toMatch(new RegExp(`^helhet: ${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: Invalid scenario \\(1 problem\\):\n  - teams\\[0\\]\\.staff: got 0`));
    const missing = await run(["validate", good, join(dir, "missing.yaml"), good]);
    expect(missing.code).toBe(2);
    expect(missing.out.split("\n")).toHaveLength(2); // the file after the missing one is checked too
    expect(missing.err).toContain(`${join(dir, "missing.yaml")}: Cannot read scenario file`);
    expect(await run(["validate", good, good])).toMatchObject({ code: 0 });
  });
});

describe("D14: a reader that goes away early", () => {
  it("scenarios and compare into a closed pipe: quiet, no stack trace, exit 0", async () => {
    for (const args of [["scenarios"], [...QUICK, "--format", "json"]]) {
      const r = await runBuilt(args, { onSpawn: (child) => child.stdout?.destroy() });
      expect(r.err, args.join(" ")).not.toMatch(STACK);
      expect(r.err, args.join(" ")).not.toMatch(/EPIPE/);
      expect(r.code, args.join(" ")).toBe(0);
    }
  });

  it("a result larger than the pipe, read in part (| head -c 100)", async () => {
    const { execFileSync } = await import("node:child_process");
    const shell = `"${process.execPath}" "${join(ROOT, "dist", "cli.js")}" --scenario teaching --replications 2 --horizon "2 weeks" --warmup "1 day" --quiet --format json 2> err.txt | head -c 100 > /dev/null; echo "\${PIPESTATUS[0]}"`;
    const dir = tempDir();
    const status = execFileSync("bash", ["-c", shell], { cwd: dir, encoding: "utf8" }).trim();
    expect(status).toBe("0");
    expect(readFileSync(join(dir, "err.txt"), "utf8")).toBe("");
  });
});

describe("D16: options a command does not use are refused, not ignored", () => {
  it("names the option and the command, with a hint where there is a better option", async () => {
    const dir = tempDir();
    const cases: [string[], string][] = [
      [["sweep", ...QUICK, "--policies", "whole", "--param", "teams.desk.staff", "--values", "1", "--html", join(dir, "s.html")], "sweep does not use --html (sweep writes no HTML report)"],
      [[...QUICK, "--shard", "0/1", "--html", join(dir, "s.html")], "--html is not used with --shard (a shard writes no HTML report: give --html to helhet merge)"],
      [[...QUICK, "--shard", "0/1", "--format", "csv"], '--shard writes a shard file (JSON), so --format must be json or left out, got "csv"'],
      [[...QUICK, "--shard", "0/1", "--workers", "2"], "--workers is not used with --shard (a shard runs in one thread: run more shards instead)"],
      [["run", ...QUICK, "--policies", "minutes"], "run does not use --policies (run takes one policy: --policy NAME|FILE; compare runs several)"],
      [["scenarios", "--out", join(dir, "sc.json")], "scenarios does not use --out (scenarios prints a list for reading)"],
      [["scenarios", "--format", "json"], "scenarios does not use --format (scenarios prints a list for reading)"],
      [["schema", "--format", "csv"], "schema does not use --format (the schema is always JSON)"],
      [["journey", ...QUICK, "--shard", "0/1"], "journey does not use --shard (journey cannot be sharded)"],
      [["merge", "a.json", "--seed", "2"], "merge does not use --seed (the shard files name their scenario, seed and window)"],
      [["validate", "x.yaml", "--out", "y"], "validate does not use --out; its options are --quiet, --no-color, --help, --version"],
      [["compare", "--param", "x"], "compare does not use --param; its options are"],
      [["run", "extra", "positional", "args", ...QUICK], 'run takes no arguments besides its options, got "extra" and 2 more'],
      [["compare", "teaching", "--scenario", "soderhamn"], 'the scenario is given twice: as --scenario "soderhamn" and as the argument "teaching"; give one'],
      [["compare", "teaching", "extra"], 'compare takes no arguments besides its options, got "teaching" and 1 more'],
      [["run", "minutes"], 'run takes no arguments besides its options, got "minutes"; did you mean --policy minutes?'],
      [["teaching"], 'unknown command "teaching"; the commands are compare, run, sweep, factorial, sensitivity, map, journey, merge, scenario, scenarios, schema, validate, playground, help; did you mean helhet compare teaching?'],
      [["--seed", "1", "--seed", "2"], '--seed is given 2 times ("1", "2"); give it once'],
      [["sensitivity", ...QUICK, "--samples", "1"], "--samples must be 0 (none) or at least 2"],
      [["map", ...QUICK, "--x", "teams.desk.staff=1,2", "--samples", "3"], "map does not use --samples"],
      [["map", ...QUICK, "--x", "teams.desk.staff=1,2"], "map needs --y PATH=A,B,C"],
      [["map", ...QUICK, "--x", "teams.desk.staff", "--y", "teams.desk.staff=1"], '--x must be PATH=A,B,C (a dotted path and its values), got "teams.desk.staff"'],
      [["sensitivity", ...QUICK, "--params", "a=b"], '--params: "a=b" is not PATH or PATH=LOW..HIGH'],
      [["sensitivity", ...QUICK, "--param", "x"], "sensitivity does not use --param; its options are"],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err.split("\n")[0], args.join(" ")).toContain(`helhet: ${message}`);
      expect(r.err).not.toMatch(STACK);
    }
  });

  it("compare teaching runs teaching, not soderhamn (a scenario may be the argument)", async () => {
    const r = await run(["compare", "teaching", "--replications", "2", "--horizon", "2 weeks", "--warmup", "0 min", "--quiet"]);
    expect(r.code).toBe(0);
    expect(r.out.startsWith("teaching — 2 replications")).toBe(true);
  });

  it("merge --quiet prints no reading, as compare --quiet", async () => {
    const dir = tempDir();
    const args = ["--scenario", "teaching", "--replications", "2", "--horizon", "2 weeks", "--warmup", "1 day", "--quiet"];
    for (const k of [0, 1]) expect((await run([...args, "--shard", `${k}/2`, "--out", join(dir, `s${k}.json`)])).code).toBe(0);
    const loud = await run(["merge", join(dir, "s0.json"), join(dir, "s1.json")]);
    const quiet = await run(["merge", join(dir, "s0.json"), join(dir, "s1.json"), "--quiet"]);
    expect(loud.out).toMatch(/Under minutes the parts look/);
    expect(quiet.code).toBe(0);
    expect(quiet.out).not.toMatch(/Under minutes the parts look/);
    expect(loud.out.startsWith(quiet.out)).toBe(true);
  });
});

describe("D17: journey refuses duplicate policy names, as compare does", () => {
  it("journey --policies minutes,minutes: exit 2 with compare's message", async () => {
    const journey = await run(["journey", ...QUICK, "--policies", "minutes,minutes", "--format", "json"]);
    const compare = await run([...QUICK, "--policies", "minutes,minutes"]);
    expect(journey).toMatchObject({ code: 2, out: "" });
    expect(journey.err).toBe('helhet: two policies are named "minutes": give each policy its own name');
    expect(compare.err).toBe(journey.err);
  });
});

describe("D19: whole numbers in decimal digits only", () => {
  it("refuses a blank seed, hex, exponents and signs where they make no sense", async () => {
    const cases: [string[], string][] = [
      [["--seed", ""], '--seed must be a whole number in decimal digits, e.g. 7, got ""'],
      [["--seed", " "], '--seed must be a whole number in decimal digits, e.g. 7, got " "'],
      [["--seed", "0x10"], '--seed must be a whole number in decimal digits, e.g. 7, got "0x10"'],
      [["--seed", "1e3"], '--seed must be a whole number in decimal digits, e.g. 7, got "1e3"'],
      [["--replications", "0x2"], '--replications must be a whole number ≥ 1 in decimal digits, got "0x2"'],
      [["--replications", "+2"], '--replications must be a whole number ≥ 1 in decimal digits, got "+2"'],
      [["--workers", "1e3"], '--workers must be a whole number ≥ 1 in decimal digits, got "1e3"'],
      [["--seed", "9007199254740993"], '--seed must be a whole number in decimal digits, e.g. 7, got "9007199254740993"'],
    ];
    const base = ["--scenario", "teaching", "--horizon", "1 week", "--warmup", "1 day", "--quiet"];
    for (const [args, message] of cases) {
      const r = await run([...base, ...args]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err.split("\n")[0]).toBe(`helhet: ${message}`);
    }
    const ok = await run([...QUICK, "--seed=-5", "--format", "json"]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).seed).toBe(-5);
    expect(JSON.parse((await run([...QUICK, "--seed", "007", "--format", "json"])).out).seed).toBe(7);
  });
});

describe("D20: --scenario reads a file that exists, whatever its extension", () => {
  it("scen.txt in the working folder is read as a file (as validate does); inline YAML only when it is not a path", async () => {
    const dir = tempDir();
    copyFileSync(SMALL_TOWN, join(dir, "scen.txt"));
    const args = ["--replications", "1", "--horizon", "1 week", "--warmup", "1 day", "--quiet", "--format", "json"];
    expect((await runBuilt(["validate", "scen.txt"], { cwd: dir })).code).toBe(0);
    const r = await runBuilt(["compare", "--scenario", "scen.txt", ...args], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).scenario).toBe("small-town");
    const missing = await runBuilt(["compare", "--scenario", "other.txt", ...args], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.err.split("\n")[0]).toBe('helhet: --scenario "other.txt" is neither a built-in scenario (soderhamn, teaching, standard-work) nor a file that exists');
    // a policy file with another extension too
    writeFileSync(join(dir, "p.txt"), "name: p\nextends: whole\n");
    const policy = await runBuilt(["run", "--scenario", "teaching", "--policy", "p.txt", ...args], { cwd: dir });
    expect(policy.code).toBe(0);
    expect(Object.keys(JSON.parse(policy.out).policies)).toEqual(["p"]);
    // inline text is still read as a scenario
    const inline = await run(["--scenario", "{name: x}", "--replications", "1"]);
    expect(inline.code).toBe(2);
    expect(inline.err).toMatch(/population: missing/);
  });
});

describe("D22: control characters in names are escaped before they reach the terminal", () => {
  it("in the table, the reading, validate's line, warnings and messages", async () => {
    const dir = tempDir();
    const file = join(dir, "esc.yaml");
    const text = readFileSync(SMALL_TOWN, "utf8")
      .replace(/^name: small-town/m, 'name: "town\\e]0;PWNED\\a\\e[2J\\e[31mRED\\u009b"')
      .replace(/^horizon: 52 weeks/m, "horizon: 1 week")
      .replace(/^warmup: 8 weeks/m, "warmup: 1 day")
      .replace(/arrivals: 4000 \/ year/, "arrivals: 40000 / year");
    writeFileSync(file, text);
    const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
    for (const tty of [false, true]) {
      const table = await run(["compare", "--scenario", file, "--replications", "1"], { isTTY: tty });
      expect(table.code).toBe(0);
      const plain = table.out.replace(/\u001b\[(?:1|2|22)m/g, ""); // our own bold and dim
      expect(plain).not.toMatch(raw);
      expect(plain.split("\n")[0]).toContain("town\\u001b]0;PWNED\\u0007\\u001b[2J\\u001b[31mRED\\u009b");
      expect(table.err).toMatch(/warning: /);
      expect(table.err).not.toMatch(raw);
    }
    const validate = await run(["validate", file]);
    expect(validate.out).toContain('a valid scenario "town\\u001b]0;PWNED\\u0007');
    expect(validate.out).not.toMatch(raw);
    const json = await run(["compare", "--scenario", file, "--replications", "1", "--format", "json"]);
    expect(json.out).not.toMatch(raw);
    expect(JSON.parse(json.out).scenario).toBe("town\u001b]0;PWNED\u0007\u001b[2J\u001b[31mRED\u009b"); // the same value
    const journey = await run(["journey", "--scenario", file, "--replications", "1", "--policies", "whole"]);
    expect(journey.code).toBe(0);
    expect(journey.out).not.toMatch(raw);
    const message = await run(["journey", "--scenario", file, "--replications", "1", "--service", "\u001b[2J"]);
    expect(message.code).toBe(2);
    expect(message.err).not.toMatch(raw);
    expect(message.err).toContain("\\u001b[2J");
  });
});

describe("names hold no line breaks (a name is printed in one-line messages, where a line break would add lines of its own)", () => {
  it("a scenario, team or policy name with a line break is refused naming the field (services and steps share the rule)", async () => {
    const dir = tempDir();
    const base = readFileSync(SMALL_TOWN, "utf8");
    const cases: [string, string][] = [
      [base.replace(/^name: small-town/m, 'name: "town\\nwarning: fake"'), "name"],
      [base.replace(/^name: small-town/m, 'name: "town\\u2028x"'), "name"],
      [base.replace(/^    name: front desk$/m, '    name: "front\\rdesk"'), "teams[0].name"],
    ];
    for (const [text, field] of cases) {
      const file = join(dir, "nl.yaml");
      writeFileSync(file, text);
      const r = await run(["validate", file]);
      expect(r.code, text.slice(0, 80)).toBe(2);
      expect(r.err).toContain(`${field}: got "`);
      expect(r.err).toContain("expected a non-empty name on one line (no line breaks)");
    }
    const policy = join(dir, "p.yaml");
    writeFileSync(policy, 'name: "mine\\nhelhet: fake"\nextends: whole\n');
    const p = await run(["run", "--scenario", "teaching", "--policy", policy, "--replications", "1"]);
    expect(p.code).toBe(2);
    expect(p.err).toMatch(/name: got "mine\\nhelhet: fake"; expected a non-empty name on one line/);
  });
});

describe("D23: messages name the option, the file and the choices", () => {
  it("run --policy a,b names --policy and says how to compare several", async () => {
    const r = await run(["run", ...QUICK, "--policy", "minutes,whole"]);
    expect(r.code).toBe(2);
    expect(r.err.split("\n")[0]).toBe('helhet: --policy takes one policy (a preset or a policy file), got "minutes,whole"; to compare several, use helhet compare --policies minutes,whole');
    const cheap = await run(["run", ...QUICK, "--policy", "cheap"]);
    expect(cheap.err.split("\n")[0]).toBe('helhet: --policy: "cheap" is neither a preset (minutes, whole) nor a policy file that exists');
  });

  it("only --horizon, shorter than the scenario's warm-up: the options and durations, not minutes", async () => {
    const only = await run(["--scenario", "teaching", "--replications", "1", "--horizon", "4 weeks", "--quiet"]);
    expect(only.code).toBe(2);
    expect(only.err.split("\n")[0]).toBe(`helhet: --horizon "4 weeks" is not longer than teaching's warm-up (8 weeks); give a shorter --warmup too`);
    const both = await run(["--scenario", "teaching", "--replications", "1", "--horizon", "1 week", "--warmup", "2 weeks"]);
    expect(both.err.split("\n")[0]).toBe(`helhet: --warmup "2 weeks" must be shorter than --horizon "1 week"`);
    const warm = await run(["--scenario", "teaching", "--replications", "1", "--warmup", "60 weeks"]);
    expect(warm.err.split("\n")[0]).toBe(`helhet: --warmup "60 weeks" must be shorter than teaching's horizon (52 weeks)`);
    const unit = await run(["--scenario", "teaching", "--horizon", "45m"]);
    expect(unit.err.split("\n")[0]).toMatch(/^helhet: --horizon: got "45m"; expected a duration/);
    expect(unit.err.split("\n")[0]).toContain('Did you mean "45 min"?');
  });

  it("an unknown scenario name names --scenario and the choices", async () => {
    const r = await run(["--scenario", "nosuch"]);
    expect(r.code).toBe(2);
    expect(r.err.split("\n")[0]).toBe('helhet: --scenario: got "nosuch"; expected a built-in scenario name (soderhamn, teaching, standard-work), or a scenario file');
  });
});
