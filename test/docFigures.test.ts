import { describe, expect, it } from "vitest";
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
