/**
 * scripts/headlines.ts makes the generated figures of docs/validation.md and docs/model.md §6.
 * The full run takes over a minute, so here its pieces are checked on a tiny comparison
 * (teaching, two replications, an 8-week horizon), and the docs are checked to have every marked
 * region. test/long/headlines.test.ts regenerates the figures and compares them with the docs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CAUSE_NAMES, compare, loadScenario, policies, type Comparison, type Policy } from "../src/index.js";
import {
  HEADLINE_METRICS,
  REGIONS,
  VERDICT_METRICS,
  bandTable,
  causeTable,
  direction,
  headlineTable,
  num,
  region,
  replaceRegion,
  sits,
  verdictTable,
  verdictWarnings,
  withInterval,
  type BandRow,
} from "../scripts/headlines.js";

const ROOT = join(__dirname, "..");
const TINY = { replications: 2, seed: 1, horizon: "8 weeks", warmup: "2 weeks", drain: "4 weeks" } as const;
const teaching = loadScenario("teaching");
const c: Comparison = compare(teaching, [policies.minutes, policies.whole], TINY);
const pool: Policy = { ...policies.whole, name: "whole-pool", ownership: "pool" };
const cPool: Comparison = compare(teaching, [policies.minutes, pool], TINY);

/** The cells of a markdown table row. */
const cells = (row: string): string[] => row.split("|").slice(1, -1).map((x) => x.trim());
const rowsOf = (table: string): string[] => table.split("\n");

describe("number and interval formatting", () => {
  it("writes a true minus sign and never −0", () => {
    expect(num(-1.234, 2)).toBe("−1.23");
    expect(num(1.235, 1)).toBe("1.2");
    expect(num(-0.0001, 2)).toBe("0.00");
    expect(num(0, 0)).toBe("0");
    expect(num(49836.4, 0)).toBe("49,836");
    expect(num(9999, 0)).toBe("9999");
  });

  it("writes the mean and the interval, scaled, or the mean alone without an interval", () => {
    expect(withInterval({ mean: 0.4, sd: 0.01, ci95: [0.39, 0.41] }, 100, 1)).toBe("40.0 [39.0, 41.0]");
    expect(withInterval({ mean: -2, ci95: [-3, -1] })).toBe("−2.00 [−3.00, −1.00]");
    expect(withInterval({ mean: 5, sd: null, ci95: null })).toBe("5.00");
    expect(withInterval(undefined)).toBe("—");
  });

  it("says which preset is lower only when the interval leaves out 0", () => {
    expect(direction({ mean: -1, ci95: [-2, -0.5] }, "minutes", "whole")).toBe("whole lower");
    expect(direction({ mean: 1, ci95: [0.1, 2] }, "minutes", "whole")).toBe("minutes lower");
    expect(direction({ mean: 0.5, ci95: [-0.1, 1.1] }, "minutes", "whole")).toBe("no clear difference");
    expect(direction({ mean: 0, ci95: [0, 0] }, "minutes", "whole")).toBe("no clear difference");
    expect(direction({ mean: 0.5, ci95: null }, "minutes", "whole")).toBe("no interval");
    expect(direction({ mean: -1, ci95: [-2, -1] }, "minutes", "whole-pool")).toBe("whole-pool lower");
  });

  it("places a value in a band with open ends", () => {
    expect(sits(0.5, [0.3, 0.8])).toBe("inside");
    expect(sits(0.2, [0.3, 0.8])).toBe("below");
    expect(sits(0.9, [0.3, null])).toBe("inside");
    expect(sits(0.96, [null, 0.95])).toBe("above");
  });
});

describe("the tables, on a tiny comparison of teaching", () => {
  const diffs = c.differences["whole-vs-minutes"]!;

  it("headlines: every headline metric with both presets and the Comparison's own paired difference", () => {
    const rows = rowsOf(headlineTable(c));
    expect(rows).toHaveLength(HEADLINE_METRICS.length + 2);
    expect(cells(rows[0]!)).toEqual(["metric", "minutes: mean [95% interval]", "whole: mean [95% interval]", "whole − minutes: paired mean [95% interval]", "direction"]);
    HEADLINE_METRICS.forEach((m, k) => {
      const row = cells(rows[k + 2]!);
      expect(row[0]).toBe(m.label);
      expect(row[1]).toBe(withInterval(c.policies["minutes"]![m.key], m.scale, m.digits));
      expect(row[2]).toBe(withInterval(c.policies["whole"]![m.key], m.scale, m.digits));
      expect(row[3]).toBe(withInterval(diffs[m.key], m.scale, m.digits));
      expect(row[4]).toBe(direction(diffs[m.key], "minutes", "whole"));
      expect(row[1]).toMatch(/^[−\d.]+ \[[−\d.]+, [−\d.]+\]$/);
    });
  });

  it("causes: one row per cause in CAUSE_NAMES order, then the total", () => {
    const rows = rowsOf(causeTable(c));
    expect(rows).toHaveLength(CAUSE_NAMES.length - 1 + 3);
    expect(rows.slice(2, -1).map((r) => cells(r)[0])).toEqual(CAUSE_NAMES.slice(1).map((n) => `\`${n}\``));
    for (const r of rows.slice(2, -1)) expect(cells(r)[1], r).not.toBe("");
    const total = cells(rows.at(-1)!);
    expect(total[3]).toBe(withInterval(c.policies["minutes"]!["failureDemandShare"], 100, 2));
    expect(total[4]).toBe(withInterval(c.policies["whole"]!["failureDemandShare"], 100, 2));
    // teaching's minutes preset cuts work short at its targets; the whole preset has no targets
    const cut = cells(rows.find((r) => r.startsWith("| `cutShort`"))!);
    expect(cut[3]).not.toBe("0");
    expect(cut[4]).toBe("0");
  });

  it("where minutes wins: the paired difference, its interval and the direction on each outcome, also for another policy name", () => {
    const rows = rowsOf(verdictTable([{ label: "`teaching`", comparison: c }, { label: "pool", comparison: cPool, other: "whole-pool" }]));
    expect(rows).toHaveLength(4);
    const a = cells(rows[2]!);
    expect(a[0]).toBe("`teaching`");
    expect(a[1]).toBe("2");
    VERDICT_METRICS.forEach((m, k) => {
      expect(a[k + 2]).toBe(`${withInterval(diffs[m.key], m.scale, m.digits)}: ${direction(diffs[m.key], "minutes", "whole")}`);
    });
    const b = cells(rows[3]!);
    const d = cPool.differences["whole-pool-vs-minutes"]!["endToEndDays.mean"];
    expect(b[2]).toBe(`${withInterval(d, 1, 2)}: ${direction(d, "minutes", "whole-pool")}`);
    expect(() => verdictTable([{ label: "x", comparison: cPool }])).toThrow(/whole-vs-minutes/);
  });

  it("lists only the warnings the headlines did not already give", () => {
    const withWarning = { ...c, warnings: ["known", "new one"] };
    expect(verdictWarnings([{ label: "row", comparison: withWarning }], ["known"])).toBe("- row: new one");
    expect(verdictWarnings([{ label: "row", comparison: { ...c, warnings: ["known"] } }], ["known"])).toMatch(/^No row/);
  });

  it("bands: the figure with its lowest and highest run, where it sits in the test band and against the range from practice", () => {
    const rows: BandRow[] = [
      { preset: "minutes", figure: "fd", value: { mean: 0.403, lo: 0.401, hi: 0.405 }, scale: 100, digits: 1, band: [0.3, 0.8], bandText: "30–80%", evidence: { range: [0.4, 0.7], text: "40–70%" } },
      { preset: "whole", figure: "util", value: { mean: 0.9, lo: 0.8, hi: 0.96 }, scale: 100, digits: 1, band: [null, 0.95], bandText: "below 95% in every run" },
      { preset: "whole", figure: "calls", value: { mean: 0.25, lo: 0.2, hi: 0.3 }, scale: 100, digits: 1, band: null, bandText: "not tested", evidence: { range: [0.05, 0.2], text: "5–20%" } },
    ];
    const out = rowsOf(bandTable(rows)).slice(2).map(cells);
    expect(out[0]).toEqual(["minutes", "fd", "**40.3** (40.1–40.5)", "30–80%", "inside", "40–70%", "inside"]);
    expect(out[1]?.[4]).toBe("above"); // judged on the highest run
    expect(out[2]?.slice(4)).toEqual(["", "5–20%", "above"]);
  });
});

describe("marked regions", () => {
  it("reads and replaces a region, and refuses a missing, doubled or reversed one", () => {
    const text = "a\n<!-- x:begin -->\nold\n<!-- x:end -->\nb\n";
    expect(region(text, "x")).toBe("old");
    const made = replaceRegion(text, "x", "new\nlines");
    expect(made).toBe("a\n<!-- x:begin -->\nnew\nlines\n<!-- x:end -->\nb\n");
    expect(region(made, "x")).toBe("new\nlines");
    expect(() => region(text, "y")).toThrow(/no <!-- y:begin -->/);
    expect(() => region(text + text, "x")).toThrow(/twice/);
    expect(() => region("<!-- x:end -->\n<!-- x:begin -->", "x")).toThrow(/before/);
  });

  it.each(REGIONS.map((r) => [r.file, r.name] as const))("%s has the %s region, generated by the script", (file, name) => {
    const text = readFileSync(join(ROOT, file), "utf8");
    expect(region(text, name)).toMatch(/^\*Generated by `npx tsx scripts\/headlines\.ts --write`/);
  });

  it("puts the headlines in validation.md and the calibration figures in model.md", () => {
    expect(REGIONS).toContainEqual({ file: "docs/validation.md", name: "headlines" });
    expect(REGIONS).toContainEqual({ file: "docs/model.md", name: "calibration" });
  });
});
