import { defineConfig } from "vitest/config";

/**
 * The long robustness run (`npm run test:long`): the full counts of test/long — 1,000 generated
 * scenarios, 10,000 fuzzed files, hundreds of random queueing networks. The default run
 * (`npm test`) collects these files too but skips them unless HELHET_LONG=1.
 */
export default defineConfig({
  test: {
    include: ["test/long/**/*.test.ts"],
    env: { HELHET_LONG: "1" },
    testTimeout: 3 * 60 * 60 * 1000,
    hookTimeout: 120_000,
    // one file at a time: the fuzz file runs two worker threads of its own
    fileParallelism: false,
  },
});
