import { describe, expect, it } from "vitest";
import { FIGURES, staleFigures } from "../scripts/docFigures.js";

/** Figures in the docs made from runs (scripts/docFigures.ts) match what the code gives now. */
describe("generated figures in the docs", () => {
  it.each(FIGURES.map((f) => [`${f.file}: ${f.name}`, f] as const))("%s is what the code gives now (npx tsx scripts/docFigures.ts --write)", async (_name, f) => {
    expect(await staleFigures([f])).toEqual([]);
  }, 300_000);
});
