import { describe, expect, it } from "vitest";
import { checkExamples, examples } from "../scripts/checkExamples.js";

/** The @example of every public export type-checks against the real API (scripts/checkExamples.ts). */
describe("TSDoc examples", () => {
  it("finds the examples of the public API", () => {
    expect(examples().length).toBeGreaterThan(100);
  });

  it("type-check against the API (placeholders such as `comparison` are `any`)", () => {
    expect(checkExamples()).toEqual([]);
  }, 300_000);
});
