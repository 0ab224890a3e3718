import { describe, expect, it } from "vitest";
import { MEAN_CV_KINDS, withMeanCv } from "../../src/random/index.js";

describe("withMeanCv", () => {
  it.each([
    ["lognormal", 45, 0.8],
    ["gamma", 30, 0.5],
    ["gamma", 30, 2],
    ["exponential", 10, 1],
  ] as const)("builds %s with mean %s and cv %s", (kind, mean, cv) => {
    const d = withMeanCv(kind, mean, cv);
    expect(d.kind).toBe(kind);
    expect(d.mean).toBeCloseTo(mean, 12);
    expect(Math.sqrt(d.variance) / d.mean).toBeCloseTo(cv, 12);
  });

  it("accepts an omitted cv for the fixed-CV families", () => {
    expect(withMeanCv("exponential", 10).variance).toBe(100);
    expect(withMeanCv("deterministic", 10).variance).toBe(0);
    expect(withMeanCv("deterministic", 10, 0).kind).toBe("deterministic");
  });

  it("handles cv = 0: degenerate lognormal, deterministic for gamma", () => {
    const ln = withMeanCv("lognormal", 7, 0);
    expect(ln.kind).toBe("lognormal");
    expect(ln.variance).toBe(0);
    const g = withMeanCv("gamma", 7, 0);
    expect(g.kind).toBe("deterministic");
    expect(g.mean).toBe(7);
  });

  it("lists its kinds", () => {
    expect(MEAN_CV_KINDS).toEqual(["exponential", "lognormal", "gamma", "deterministic"]);
  });

  it("rejects invalid arguments, naming the parameter", () => {
    expect(() => withMeanCv("weibull" as never, 1, 1)).toThrow(
      /withMeanCv: kind must be one of "exponential", "lognormal", .*; got "weibull"/,
    );
    expect(() => withMeanCv("gamma", 0, 1)).toThrow(
      /withMeanCv: mean must be a finite number > 0; got 0/,
    );
    expect(() => withMeanCv("gamma", 5)).toThrow(
      /withMeanCv: cv must be a finite number >= 0 for kind "gamma"; got undefined/,
    );
    expect(() => withMeanCv("lognormal", 5, -1)).toThrow(
      /withMeanCv: cv must be a finite number >= 0; got -1/,
    );
    expect(() => withMeanCv("exponential", 5, 0.5)).toThrow(
      /withMeanCv: cv must be omitted or 1 for kind "exponential".*got 0.5/,
    );
    expect(() => withMeanCv("deterministic", 5, 0.5)).toThrow(
      /withMeanCv: cv must be omitted or 0 for kind "deterministic".*got 0.5/,
    );
  });
});
