import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** Every example script runs against the built package (npm test builds it first) and says what it should. */
const root = join(__dirname, "..");
const expected: Record<string, RegExp[]> = {
  "compare-presets.mjs": [/What citizens experience/, /The whole/, /The parts/, /Under minutes the parts look \d+% (cheaper|dearer) per contact/],
  "hybrid-policy.mjs": [/^minutes\s+[\d.]+%/m, /^owner\s+/m, /^flow\s+/m, /^whole\s+/m],
  "when-does-it-matter.mjs": [/standard-work: .* cheaper per need: (minutes|whole)/, /teaching: .* cheaper per need: (minutes|whole)/, /skill coverage 0.9: failure demand/],
};

describe("examples", () => {
  it("has an expectation for every example script", () => {
    expect(readdirSync(join(root, "examples")).filter((f) => f.endsWith(".mjs")).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [file, patterns] of Object.entries(expected)) {
    it(`runs examples/${file}`, () => {
      const out = execFileSync(process.execPath, [join("examples", file)], { cwd: root, encoding: "utf8", timeout: 120_000 });
      for (const p of patterns) expect(out).toMatch(p);
    });
  }

  it("finds part-optimising cheaper per need on standard work and dearer on varied work", () => {
    const out = execFileSync(process.execPath, [join("examples", "when-does-it-matter.mjs")], { cwd: root, encoding: "utf8", timeout: 120_000 });
    expect(out).toMatch(/standard-work: .* cheaper per need: minutes/);
    expect(out).toMatch(/teaching: .* cheaper per need: whole/);
  });
});
