import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { CAUSE_NAMES, loadScenario, Outcome, policies, Reason, REASON_NAMES, simulate } from "../src/index.js";

async function run(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), env });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const FAST = ["--scenario", "teaching", "--replications", "2", "--horizon", "12 weeks", "--warmup", "2 weeks"];

describe("helhet command", () => {
  it("prints help and version", async () => {
    expect(await run(["--help"])).toMatchObject({ code: 0 });
    expect((await run(["--help"])).out).toContain("Usage:");
    expect((await run(["--version"])).out).toMatch(/^\d+\.\d+\.\d+|dev/);
  });

  it("docs/cli.md shows exactly the help text", async () => {
    const doc = readFileSync(join(__dirname, "..", "docs", "cli.md"), "utf8");
    const block = /```\n(helhet — simulate[\s\S]*?)```\n/.exec(doc)?.[1];
    expect(block).toBe(`${(await run(["--help"])).out.replace(/\n$/, "")}\n`);
  });

  it("lists the built-in scenarios and prints the schema", async () => {
    const r = await run(["scenarios"]);
    expect(r.code).toBe(0);
    for (const name of ["soderhamn", "teaching", "standard-work"]) expect(r.out).toContain(name);
    expect(JSON.parse((await run(["schema"])).out).type).toBe("object");
  });

  it("compares the presets in three blocks with intervals, differences and a reading", async () => {
    const r = await run(["compare", ...FAST, "--seed", "3"]);
    expect(r.code).toBe(0);
    for (const block of ["What citizens experience", "The whole", "The parts"]) expect(r.out).toContain(block);
    expect(r.out).toMatch(/whole − minutes/);
    expect(r.out).toMatch(/\[[-\d.]+%?, [-\d.]+%?\]/);
    expect(r.out).toMatch(/Under minutes the parts look \d+% (cheaper|dearer) per contact/);
  });

  it("prints exactly the Comparison JSON with --format json, and CSV and Markdown", async () => {
    const json = JSON.parse((await run([...FAST, "--format", "json"])).out);
    expect(json.replications).toBe(2);
    expect(Object.keys(json.policies)).toEqual(["minutes", "whole"]);
    const csv = (await run([...FAST, "--format", "csv"])).out;
    expect(csv.split("\n")[0]).toBe("policy,metric,mean,sd,ci95_low,ci95_high");
    expect((await run([...FAST, "--format", "markdown"])).out).toMatch(/^\| metric \|/);
  });

  it("writes --out whole, leaving no temporary file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "helhet-cli-"));
    const file = join(dir, "c.json");
    expect((await run([...FAST, "--format", "json", "--out", file])).code).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).scenario).toBe("teaching");
    expect(readdirSync(dir)).toEqual(["c.json"]);
    const bad = await run([...FAST, "--out", join(dir, "no-such-folder", "x.txt")]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("cannot write --out");
  });

  it("reads a scenario file and a policy file", async () => {
    const r = await run(["--scenario", "examples/scenarios/small-town.yaml", "--policies", "minutes,examples/policies/hybrid.yaml", "--replications", "2", "--horizon", "10 weeks", "--warmup", "2 weeks"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("small-town");
    expect(r.out).toContain("hybrid − minutes");
  });

  it("validates a scenario file", async () => {
    expect((await run(["validate", "examples/scenarios/small-town.yaml"])).out).toContain("a valid scenario");
  });

  it("exits 2 with a clear message on usage and validation errors, never a stack trace", async () => {
    const cases: [string[], RegExp][] = [
      [["frobnicate"], /unknown command "frobnicate"/],
      [["--seed", "x"], /--seed must be a whole number in decimal digits, e\.g\. 7, got "x"/],
      [["--replications", "0"], /--replications must be a whole number ≥ 1 in decimal digits, got "0"/],
      [["--format", "xml"], /--format must be one of table, json, csv, markdown, got "xml"/],
      [["--scenario", "nowhere"], /soderhamn/],
      [["--scenario", "nowhere/none.yaml"], /does not exist/],
      [["--policies", "minutes,cheap"], /"cheap" is neither a preset/],
      [["--frob"], /Unknown option '--frob'/],
      [["validate"], /validate needs a scenario file/],
      [["--scenario", "teaching", "--horizon", "5 parsecs"], /horizon/],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});

describe("load warnings before the run", () => {
  it("warns on stderr, and carries the warning in the JSON, when a team is offered too much", async () => {
    const dir = mkdtempSync(join(tmpdir(), "helhet-cli-"));
    const file = join(dir, "busy.yaml");
    const text = readFileSync("examples/scenarios/small-town.yaml", "utf8").replace(/arrivals: 4000 \/ year/, "arrivals: 12000 / year");
    expect(text).toContain("12000 / year");
    writeFileSync(file, text);
    const r = await run(["--scenario", file, "--replications", "1", "--horizon", "6 weeks", "--warmup", "1 week", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning: minutes: .* are offered \d+% of their capacity/);
    expect(JSON.parse(r.out).warnings.length).toBeGreaterThan(0);
  });
});

describe("helhet run and sweep", () => {
  it("runs one policy", async () => {
    const r = await run(["run", "--policy", "minutes", ...FAST]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\bminutes\b/);
    expect(r.out).not.toMatch(/whole − minutes/);
  });

  it("sweeps a policy parameter with units and none", async () => {
    const r = await run(["sweep", "--param", "policy.handlingTime.frontMinutes", "--values", "3 min,none", "--policies", "minutes", ...FAST]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("3 min");
    expect(r.out).toContain("none");
    const csv = await run(["sweep", "--param", "services.questions.demandTypes", "--values", "2,20", "--format", "csv", ...FAST]);
    expect(csv.out.split("\n")[0]).toBe("value,policy,metric,mean,sd,ci95_low,ci95_high");
  });

  it("explains what a sweep needs", async () => {
    expect((await run(["sweep", ...FAST])).err).toMatch(/sweep needs --param/);
    expect((await run(["sweep", "--param", "x", ...FAST])).err).toMatch(/sweep needs --values/);
    const bad = await run(["sweep", "--param", "services.nosuch.caseShare", "--values", "0.1", ...FAST]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/"nosuch" is not an index or id here/);
  });
});

describe("helhet --series and --needs", () => {
  it("prints one row per week with the series (CSV), per policy for compare, and JSON with the intervals", async () => {
    const r = await run(["run", "--series", "week", "--format", "csv", ...FAST]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    const header = lines[0]!.split(",");
    expect(header.slice(0, 4)).toEqual(["policy", "period", "startDay", "endDay"]);
    for (const name of ["arrived", "valueDemand", "failureDemand", "contacts", "failureDemandShare", "openNeeds", "resolved", "abandoned", "endToEndDays", "queueLength.desk", "utilisation.desk"]) expect(header).toContain(name);
    // twelve weeks less two of warm-up: weeks 2 to 11
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 2).join(","))).toEqual(Array.from({ length: 10 }, (_, k) => `whole,${k + 2}`));
    const both = await run(["compare", "--series", "day", ...FAST]);
    expect(both.out.split("\n")).toHaveLength(1 + 2 * 70);
    const json = JSON.parse((await run(["compare", "--series", "week", "--format", "json", ...FAST])).out);
    expect(json.period).toBe("week");
    expect(json.policies.minutes.openNeeds.mean).toHaveLength(10);
    expect(json.policies.minutes.openNeeds.low).toHaveLength(10);
  });

  it("refuses --series and --needs where they do not belong, and a bad period", async () => {
    expect((await run(["sweep", "--series", "week", ...FAST])).err).toMatch(/sweep does not use --series/);
    expect((await run(["compare", "--needs", "n.csv", ...FAST])).err).toMatch(/compare does not use --needs/);
    expect((await run(["run", "--series", "month", ...FAST])).err).toMatch(/--series must be one of week, day, hour, got "month"/);
    expect((await run(["run", "--series", "week", "--format", "markdown", ...FAST])).code).toBe(2);
  });

  it("writes one row per need; the counts in the file add up to the run's totals", async () => {
    const dir = mkdtempSync(join(tmpdir(), "helhet-needs-"));
    const file = join(dir, "needs.csv");
    const r = await run(["run", "--policy", "minutes", "--needs", file, "--quiet", ...FAST]);
    expect(r.code).toBe(0);
    const [head, ...rows] = readFileSync(file, "utf8").trimEnd().split("\n");
    const columns = head!.split(",");
    const table = rows.map((l) => l.split(","));
    const col = (name: string) => table.map((row) => row[columns.indexOf(name)]!);
    const sum = (name: string) => col(name).reduce((a, x) => a + Number(x), 0);
    // the same citizens as replication 0 of the library's run
    const lib = simulate(loadScenario("teaching"), policies.minutes, { seed: 1, horizon: "12 weeks", warmup: "2 weeks" });
    expect(table).toHaveLength(lib.needs.length);
    expect(sum("contacts")).toBe(Array.from(lib.needs.contacts).reduce((a, x) => a + x, 0));
    const reasons = REASON_NAMES.map((reason) => `contacts.${reason}`);
    expect(reasons.reduce((a, c) => a + sum(c), 0)).toBe(sum("contacts"));
    expect(CAUSE_NAMES.slice(1).reduce((a, c) => a + sum(`failureContacts.${c}`), 0)).toBe(sum("failureContacts"));
    // needs whose record was written before the horizon: their contacts by reason are the contact records'
    const horizonDay = 84;
    const done = new Set(table.filter((row) => row[columns.indexOf("endDay")] !== "" && Number(row[columns.indexOf("endDay")]) < horizonDay && row[columns.indexOf("expression")] !== "complaint").map((row) => Number(row[0])));
    expect(done.size).toBeGreaterThan(100);
    const byReason = new Array<number>(REASON_NAMES.length).fill(0);
    let chases = 0;
    const c = lib.contacts;
    for (let i = 0; i < c.length; i++) {
      if (!done.has(c.need[i]!) || c.afterRecord[i] === 1) continue;
      if (c.reason[i] === Reason.progressChasing) chases++;
      if (c.outcome[i] !== Outcome.abandoned) byReason[c.reason[i]!]! += 1;
    }
    const inDone = (name: string) => table.filter((row) => done.has(Number(row[0]))).reduce((a, row) => a + Number(row[columns.indexOf(name)]), 0);
    expect(reasons.map(inDone)).toEqual(byReason);
    expect(inDone("chases")).toBe(chases);
    // and as JSON lines
    const jsonl = join(dir, "needs.jsonl");
    expect((await run(["run", "--policy", "minutes", "--needs", jsonl, "--quiet", ...FAST])).code).toBe(0);
    const objects = readFileSync(jsonl, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(objects).toHaveLength(table.length);
    expect(Object.keys(objects[0])).toEqual(columns);
  });
});

describe("shards and workers from the command line", () => {
  it("merges shard files into exactly the comparison of one run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "helhet-shards-"));
    const args = ["--scenario", "teaching", "--replications", "4", "--horizon", "8 weeks", "--warmup", "2 weeks", "--seed", "9"];
    for (const k of [0, 1]) expect((await run([...args, "--shard", `${k}/2`, "--out", join(dir, `s${k}.json`)])).code).toBe(0);
    const merged = await run(["merge", join(dir, "s1.json"), join(dir, "s0.json"), "--format", "json"]);
    expect(merged.code).toBe(0);
    const single = await run([...args, "--format", "json"]);
    expect(JSON.parse(merged.out)).toEqual(JSON.parse(single.out));
  });

  it("says what is wrong with a shard option or a missing shard", async () => {
    expect((await run(["--shard", "2/2"])).err).toMatch(/--shard must be K\/N with 0 ≤ K < N/);
    expect((await run(["--workers", "0"])).err).toMatch(/--workers must be a whole number ≥ 1/);
    expect((await run(["merge"])).err).toMatch(/merge needs the shard files/);
    const dir = mkdtempSync(join(tmpdir(), "helhet-shards-"));
    const args = ["--scenario", "teaching", "--replications", "2", "--horizon", "4 weeks", "--warmup", "1 week"];
    await run([...args, "--shard", "0/2", "--out", join(dir, "s0.json")]);
    const r = await run(["merge", join(dir, "s0.json")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/shard 1\/2 is missing/);
  });
});

describe("helhet --html", () => {
  it("writes a self-contained report with the charts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "helhet-html-"));
    const file = join(dir, "report.html");
    const r = await run([...FAST, "--html", file, "--quiet"]);
    expect(r.code).toBe(0);
    const html = readFileSync(file, "utf8");
    expect(html).toContain("<svg");
    expect(html).toContain("What citizens experience");
    expect(html).toContain("Journey map");
    expect(html).toContain("Touchpoints that matter most");
    // the system over time: the backlog and end-to-end series as charts
    expect(html).toContain("The system over time");
    for (const id of ["over-time-openNeeds", "over-time-endToEndDays"]) expect(html).toContain(`id="${id}"`);
    expect(html).toContain("Backlog: needs open at the end of each period");
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="https?:/);
    expect(readdirSync(dir)).toEqual(["report.html"]);
  });
});

describe("helhet journey", () => {
  it("reads journeys aloud, maps them and ranks the touchpoints, per policy", async () => {
    const dir = mkdtempSync(join(tmpdir(), "helhet-journey-"));
    const html = join(dir, "journeys.html");
    const r = await run(["journey", "--scenario", "teaching", "--horizon", "10 weeks", "--warmup", "2 weeks", "--replications", "2", "--html", html, "--quiet"]);
    expect(r.code).toBe(0);
    for (const text of ["=== minutes ===", "=== whole ===", "The slowest journey:", "Journey map", "(day "]) expect(r.out).toContain(text);
    expect(r.out).not.toContain("something happens");
    expect(readFileSync(html, "utf8")).toContain("<svg");
    const json = JSON.parse((await run(["journey", "--scenario", "teaching", "--horizon", "6 weeks", "--warmup", "1 week", "--replications", "2", "--format", "json", "--policies", "whole"])).out);
    expect(Object.keys(json)).toEqual(["whole"]);
    expect(json.whole.ranking.rows.length).toBeGreaterThan(0);
  });

  it("narrows to one service, ranks by another outcome, and gives the same numbers on threads", async () => {
    const args = ["journey", "--scenario", "teaching", "--horizon", "6 weeks", "--warmup", "1 week", "--replications", "2", "--format", "json", "--policies", "minutes", "--service", "permit", "--rank-by", "endToEndDays"];
    const one = await run(args);
    expect(one.code).toBe(0);
    const json = JSON.parse(one.out);
    expect(json.minutes.service).toBe("permit");
    expect(json.minutes.ranking).toMatchObject({ service: "permit", rankBy: "endToEndDays" });
    expect(json.minutes.attribution.service).toBe("permit");
    // --workers runs the what-ifs elsewhere (here from the sources: in this thread), same numbers
    expect((await run([...args, "--workers", "2"])).out).toBe(one.out);
    const text = await run(["journey", "--scenario", "teaching", "--horizon", "6 weeks", "--warmup", "1 week", "--replications", "2", "--policies", "whole", "--service", "general questions", "--quiet"]);
    expect(text.code).toBe(0);
    expect(text.out).toContain("=== whole, citizens of questions ===");
  });

  it("refuses an unknown service, outcome or format with the choices", async () => {
    const base = ["journey", "--scenario", "teaching", "--replications", "1"];
    const service = await run([...base, "--service", "parking"]);
    expect(service).toMatchObject({ code: 2 });
    expect(service.err).toContain('--service must be a service of teaching (questions, permit), got "parking"');
    const rank = await run([...base, "--rank-by", "cost"]);
    expect(rank).toMatchObject({ code: 2 });
    expect(rank.err).toContain('--rank-by must be one of failureDemand, endToEndDays, contactsPerNeed, got "cost"');
    const csv = await run([...base, "--format", "csv"]);
    expect(csv).toMatchObject({ code: 2 });
    expect(csv.err).toContain('journey writes --format table or json, got "csv"');
    const sweep = await run(["sweep", "--scenario", "teaching", "--param", "policy.handlingTime.frontMinutes", "--values", "4,6", "--format", "markdown"]);
    expect(sweep).toMatchObject({ code: 2 });
    expect(sweep.err).toContain("sweep writes --format table, json or csv");
    for (const r of [service, rank, csv, sweep]) expect(r.err).not.toMatch(/\n\s+at /);
  });
});
