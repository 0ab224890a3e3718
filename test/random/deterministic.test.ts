import { describe, expect, it } from "vitest";
import { createStream, deterministic } from "../../src/random/index.js";

describe("deterministic", () => {
  it("always returns its value and consumes no uniforms", () => {
    const d = deterministic(12.5);
    const rng = createStream(1, 0, "test:deterministic");
    const fresh = createStream(1, 0, "test:deterministic");
    for (let i = 0; i < 100; i++) expect(d.sample(rng)).toBe(12.5);
    expect(rng()).toBe(fresh());
  });

  it("has mean = value, variance 0 and a unit-step CDF", () => {
    const d = deterministic(-2);
    expect(d.kind).toBe("deterministic");
    expect(d.mean).toBe(-2);
    expect(d.variance).toBe(0);
    expect(d.cdf(-2.0001)).toBe(0);
    expect(d.cdf(-2)).toBe(1);
  });

  it.each([Number.NaN, Number.NEGATIVE_INFINITY, "3"])("rejects the value %s", (value) => {
    expect(() => deterministic(value as number)).toThrow(
      /deterministic: value must be a finite number; got/,
    );
  });
});
