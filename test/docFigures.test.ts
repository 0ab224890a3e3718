import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { cliTable, FIGURES, staleFigures } from "../scripts/docFigures.js";
import { main } from "../src/cli/main.js";
import { compare, loadScenario, policies } from "../src/index.js";

/** Figures in the docs made from runs (scripts/docFigures.ts) match what the code gives now. */
describe("generated figures in the docs", () => {
  it.each(FIGURES.map((f) => [`${f.file}: ${f.name}`, f] as const))("%s is what the code gives now (npx tsx scripts/docFigures.ts --write)", async (_name, f) => {
    expect(await staleFigures([f])).toEqual([]);
  }, 300_000);

  it("the README's sample is printed as helhet compare prints its table (cliTable against the CLI, on a small run)", async () => {
    const args = { replications: 2, seed: 3, horizon: "4 weeks", warmup: "1 week" } as const;
    const out: string[] = [];
    const status = await main(["compare", "teaching", "--replications", "2", "--seed", "3", "--horizon", "4 weeks", "--warmup", "1 week"], {
      out: (s) => out.push(s),
      err: () => {},
      isTTY: false,
      env: {},
    });
    expect(status).toBe(0);
    expect(out.join("\n")).toBe(cliTable(compare(loadScenario("teaching"), [policies.minutes, policies.whole], args)));
  }, 60_000);
});

/** output.md's contract lists every field and metric a Comparison has now (new ones must be documented). */
describe("docs/output.md's contract", () => {
  const text = readFileSync(new URL("../docs/output.md", import.meta.url), "utf8");
  const contract = text.slice(text.indexOf("```\n{"), text.indexOf("}\n```", text.indexOf("```\n{")));
  const c = JSON.parse(JSON.stringify(compare(loadScenario("teaching"), [policies.minutes, policies.whole], { replications: 2, seed: 1, horizon: "4 weeks", warmup: "1 week" }))) as Record<string, unknown> & {
    policies: Record<string, Record<string, unknown>>;
    series: { policies: Record<string, Record<string, unknown>> };
  };

  it("names every top-level field of the Comparison JSON", () => {
    const listed = [...contract.matchAll(/^ {2}"(\w+)":/gm)].map((m) => m[1]);
    expect(listed).toEqual(Object.keys(c));
  });

  it("names every metric and every series (the part before the first dot)", () => {
    const names = (o: Record<string, unknown>) => [...new Set(Object.keys(o).map((k) => k.split(".")[0] as string))];
    const missing = [...names(c.policies["minutes"]!), ...names(c.series.policies["minutes"]!)].filter((n) => !text.includes(`\`${n}`));
    expect(missing).toEqual([]);
  });
});
