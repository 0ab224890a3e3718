import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";

/**
 * `--html FILE` of factorial, sensitivity and map: a self-contained page with the table and
 * the charts, written as compare's (checked before the run, never over an input, whole).
 */
async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false, env: {} });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const QUICK = ["teaching", "--replications", "2", "--horizon", "6 weeks", "--warmup", "1 week"];

/** The ids of the page's figures that hold an inline SVG. */
function figures(html: string): string[] {
  return [...html.matchAll(/<figure class="chart" id="([^"]+)"[^>]*>[\s\S]*?<svg[\s\S]*?<\/svg>/g)].map((m) => m[1] as string);
}

/** Nothing fetched: no external script, stylesheet, font or image; the only scripts are inert JSON. */
function selfContained(html: string): void {
  expect(html.startsWith("<!doctype html>")).toBe(true);
  expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
  expect(html).not.toMatch(/<link\b/i);
  expect(html).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//i);
  expect(html).not.toMatch(/\s(src|href|xlink:href)\s*=\s*["']?(https?:)?\/\//i);
  for (const m of html.matchAll(/<script([^>]*)>/g)) expect(m[1]).toBe(` type="application/json" class="vega-lite-spec"`);
}

describe("--html of the driver studies", () => {
  it("factorial: the table, and a Pareto chart and an interaction plot per headline outcome", async () => {
    const dir = mkdtempSync(join(tmpdir(), "helhet-drivers-"));
    const file = join(dir, "f.html");
    const r = await run(["factorial", ...QUICK, "--html", file]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`wrote ${file}`);
    expect(r.out).toMatch(/Effects, largest first/);
    const html = readFileSync(file, "utf8");
    selfContained(html);
    expect(figures(html)).toEqual(["pareto-endToEndDays-mean", "interaction-endToEndDays-mean", "pareto-failureDemandShare", "interaction-failureDemandShare", "pareto-costPerNeed", "interaction-costPerNeed"]);
    expect(html).toContain("Effects, largest first: mean at + minus mean at −");
    expect(readdirSync(dir)).toEqual(["f.html"]);
  }, 60_000);

  it("sensitivity: the table and a tornado chart per outcome, with --format json on stdout", async () => {
    const dir = mkdtempSync(join(tmpdir(), "helhet-drivers-"));
    const file = join(dir, "s.html");
    const r = await run(["sensitivity", ...QUICK, "--params", "mechanisms.handoffInfoLoss,teams.desk.staff", "--format", "json", "--html", file, "--quiet"]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).parameters).toHaveLength(2);
    const html = readFileSync(file, "utf8");
    selfContained(html);
    expect(figures(html)).toEqual(["tornado-endToEndDays-mean", "tornado-failureDemandShare", "tornado-costPerNeed"]);
    expect(html).toContain("mechanisms.handoffInfoLoss");
  }, 60_000);

  it("map: the grids and a heat map per outcome, written together with --out", async () => {
    const dir = mkdtempSync(join(tmpdir(), "helhet-drivers-"));
    const [file, out] = [join(dir, "m.html"), join(dir, "m.csv")];
    const r = await run(["map", ...QUICK, "--x", "services.questions.demandTypes=2,20", "--y", "policy.frontOffice.skillCoverage=0.3,0.8", "--format", "csv", "--out", out, "--html", file, "--quiet"]);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(out, "utf8").split("\n")[0]).toBe("outcome,x,y,mean,ci95_low,ci95_high,winner");
    const html = readFileSync(file, "utf8");
    selfContained(html);
    expect(figures(html)).toEqual(["map-endToEndDays-mean", "map-failureDemandShare", "map-costPerNeed"]);
    expect(html).toContain("Winner per cell");
    expect(readdirSync(dir).sort()).toEqual(["m.csv", "m.html"]);
  }, 60_000);

  it("checks the page before the run: never over an input, never where it cannot be written, never the same file as --out", async () => {
    const dir = mkdtempSync(join(tmpdir(), "helhet-drivers-"));
    const policy = join(dir, "low.json");
    writeFileSync(policy, JSON.stringify({ name: "low", extends: "minutes" }));
    const over = await run(["factorial", ...QUICK, "--low", policy, "--html", policy]);
    expect(over.code).toBe(2);
    expect(over.err).toMatch(/--html .* is a policy file of this run/);
    expect(JSON.parse(readFileSync(policy, "utf8")).name).toBe("low");
    const missing = await run(["sensitivity", ...QUICK, "--params", "teams.desk.staff", "--html", join(dir, "nowhere", "s.html")]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot write --html .*: its folder does not exist/);
    const same = await run(["map", ...QUICK, "--x", "teams.desk.staff=1,2", "--y", "citizens.chaseRate=0.5,1", "--out", join(dir, "a"), "--html", join(dir, "a")]);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/name the same file/);
    expect(readdirSync(dir)).toEqual(["low.json"]);
    for (const command of ["factorial", "sensitivity", "map"]) expect((await run([command, "--help"])).out).toMatch(/--html FILE/);
  }, 60_000);
});
