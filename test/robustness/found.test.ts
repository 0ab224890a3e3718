import { describe, expect, it } from "vitest";
import { ScenarioError } from "../../src/index.js";
import { FOUND } from "./found.js";

/** Every bug the robustness tests found stays fixed: its reproduction finds nothing wrong. */
describe("bugs found by the robustness tests stay fixed", () => {
  for (const bug of FOUND) {
    it(`${bug.id} (${bug.severity})`, () => {
      let still: string[];
      try {
        still = bug.reproduce();
      } catch (e) {
        // refused up front with a message naming the field is the fix for some inputs
        expect(e).toBeInstanceOf(ScenarioError);
        still = [];
      }
      expect(still).toEqual([]);
    });
  }
});
