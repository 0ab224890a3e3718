import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The built package (dist/, made by `npm run build`, which `npm test` runs first): both the ESM
 * and the CJS output load in plain Node, give bit-identical results, and the core bundle does
 * not pull in the whole of mathjs.
 */
const root = join(__dirname, "..");
const script = `
  const sim = new h.Simulation();
  const a = h.createStream(3, 0, "arrivals"), s = h.createStream(3, 0, "service");
  const ia = h.exponential(1 / 0.8), sv = h.exponential(1);
  const team = new h.Team(sim, { servers: 1 }, { done: () => {} });
  let n = 0;
  const arrive = () => { team.arrive(n++, sv.sample(s)); if (n < 20000) sim.schedule(ia.sample(a), arrive); };
  sim.schedule(0, arrive);
  sim.run();
  const sc = h.loadScenario("teaching");
  const m = h.summarise(h.simulate(sc, h.policies.minutes, { seed: 2, horizon: 6 * 10080, warmup: 10080 }));
  console.log(JSON.stringify({ wait: team.stats().meanWait, q: h.tQuantile(0.975, 9), d: h.parseDuration("2 weeks"), fd: m.failureDemandShare, e2e: m.endToEndDays }));
`;

function run(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: root, encoding: "utf8" }).trim();
}

describe("built package", () => {
  it("exists (npm test builds it first)", () => {
    expect(existsSync(join(root, "dist", "index.js"))).toBe(true);
    expect(existsSync(join(root, "dist", "index.cjs"))).toBe(true);
    expect(existsSync(join(root, "dist", "index.d.ts"))).toBe(true);
  });

  it("loads as ESM and as CJS and gives bit-identical results", () => {
    const esm = run(["--input-type=module", "-e", `const h = await import("helhet");${script}`]);
    const cjs = run(["-e", `const h = require("helhet");${script}`]);
    expect(esm).toBe(cjs);
    const parsed = JSON.parse(esm);
    expect(parsed.d).toBe(20160);
    expect(parsed.q).toBeCloseTo(2.262157, 5);
  });

  it("bundles mathjs and d3-array instead of importing them at run time", () => {
    const files = ["index.js", "index.cjs"].map((f) => readFileSync(join(root, "dist", f), "utf8"));
    for (const text of files) {
      expect(text).not.toMatch(/from ["']mathjs["']|require\(["']mathjs["']\)/);
      expect(text).not.toMatch(/from ["']d3-array["']|require\(["']d3-array["']\)/);
    }
  });

  it("starts worker threads from the ESM and the CJS build alike (both find dist/worker.js)", () => {
    const call = `n.compareParallel(h.loadScenario("teaching"), [h.policies.minutes, h.policies.whole], { replications: 2, workers: 2, horizon: "2 weeks", warmup: "0 min", onPlan: (p) => console.log(JSON.stringify(p)) }).then(() => {})`;
    const esm = run(["--input-type=module", "-e", `const n = await import("helhet/node"); const h = await import("helhet"); await ${call};`]);
    const cjs = run(["-e", `const n = require("helhet/node"); const h = require("helhet"); ${call};`]);
    for (const out of [esm, cjs]) {
      const plan = JSON.parse(out) as { threads: number; workerFile: string | null };
      expect(plan.threads).toBe(2);
      expect(plan.workerFile).toBe(join(root, "dist", "worker.js"));
    }
  });

  it("keeps Node built-ins out of the core entry and every chunk it imports, and gives only the command a shebang", () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(join(root, "dist", file), "utf8");
      expect(text.startsWith("#!"), file).toBe(false);
      expect(text, file).not.toMatch(/(?:from|import) ["'](?:node:)?(?:fs|path|url|os|crypto|util|worker_threads|child_process)["']/);
      for (const m of text.matchAll(/(?:from|import) ["']\.\/([^"']+)["']/g)) visit(m[1] as string);
    };
    visit("index.js");
    expect(seen.size).toBeGreaterThan(1);
    expect(readFileSync(join(root, "dist", "cli.js"), "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });
});
