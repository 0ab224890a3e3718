/**
 * Long version of the touchpoint what-if check on soderhamn: under both presets, removing a
 * team's failures never raises the failure demand caused there (exact, every replication) and
 * never clearly raises the failure demand attributed there with waits included (1% family-wise,
 * 10 paired replications). Runs only under `npm run test:long` (HELHET_LONG=1).
 */
import { describe, expect, it } from "vitest";
import { loadScenario, policies } from "../../src/index.js";
import { touchpoints } from "../../src/journey/index.js";
import { noClearRise } from "../journey/noClearRise.js";

describe.runIf(process.env["HELHET_LONG"] === "1")("long: touchpoints of soderhamn", () => {
  it.each(["minutes", "whole"] as const)("removing a team's failures never raises the failure demand attributed there (%s)", (policyName) => {
    const ranking = touchpoints(loadScenario("soderhamn"), policies[policyName], { replications: 10, seed: 7, horizon: "16 weeks", warmup: "3 weeks" });
    for (const row of ranking.rows) {
      expect(row.causedFailureDemand.whatIf, row.teamId).toBe(0);
      expect(noClearRise(row.attributedFailureDemand, ranking.rows.length, ranking.replications), row.teamId).toBe(true);
    }
    console.log(ranking.rows.map((r) => `${policyName} ${r.teamId}: attributed ${r.attributedFailureDemand.baseline.toFixed(2)} → ${r.attributedFailureDemand.whatIf.toFixed(2)}`).join("\n"));
  });
});
