import { describe, expect, it } from "vitest";
import * as random from "../../src/random/index.js";

describe("src/random/index.ts", () => {
  it("exports exactly the public runtime API of the random layer", () => {
    expect(Object.keys(random).sort()).toEqual([
      "MEAN_CV_KINDS",
      "bernoulli",
      "chance",
      "childWord",
      "counterKey",
      "counterUniform",
      "counterWord",
      "createStream",
      "deterministic",
      "empirical",
      "exponential",
      "gamma",
      "gammaByMeanCv",
      "hourlyRateProfile",
      "lognormal",
      "mix32",
      "poissonArrivals",
      "profiledArrivals",
      "rateProfile",
      "restoreStream",
      "seasonalArrivals",
      "streamState",
      "triangular",
      "uniform",
      "withMeanCv",
    ]);
  });
});
