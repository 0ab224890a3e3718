import { describe, expect, it } from "vitest";
import * as core from "../src/index.js";
import * as nodeEntry from "../src/node.js";

/**
 * The public surface, reviewed on purpose: a change to the list of runtime exports must
 * update this snapshot (run `npx vitest run test/publicApi.test.ts -u` and review the diff).
 */
describe("public API", () => {
  it("exports exactly these names from the core", () => {
    expect(Object.keys(core).sort()).toMatchSnapshot();
  });

  it("re-exports the core from helhet/node", () => {
    for (const name of Object.keys(core)) expect(nodeEntry, name).toHaveProperty(name);
  });
});
