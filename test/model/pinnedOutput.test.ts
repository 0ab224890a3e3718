import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { compare, loadScenario, policies, simulate } from "../../src/index.js";

/**
 * A guard for changes meant as pure speed-ups (issue "Twice as fast"): seeded comparisons of
 * both built-in teaching scenarios, reduced to a digest of their JSON. A refactor of the engine,
 * the records or the random numbers that leaves the model as it was leaves these digests as
 * they are. A change that means to move results (a mechanism, a default, how numbers are drawn)
 * updates them with `npx vitest run test/model/pinnedOutput.test.ts -u` and says why in its
 * commit and the CHANGELOG.
 */
function digest(name: "teaching" | "soderhamn"): string {
  const c = compare(loadScenario(name), [policies.minutes, policies.whole], { replications: 2, horizon: "10 weeks", warmup: "2 weeks", seed: 1 });
  return createHash("sha256").update(JSON.stringify(c)).digest("hex");
}

/**
 * The same for one run's journey journal, which a comparison's replications do not keep: every
 * journalled need (one in three) of a seeded run of 10 weeks under each preset, as bytes.
 */
function journalDigest(name: "teaching" | "soderhamn"): string {
  const h = createHash("sha256");
  for (const p of [policies.minutes, policies.whole]) {
    const { journal } = simulate(loadScenario(name), p, { seed: 3, horizon: "10 weeks", warmup: "2 weeks", journal: { every: 3, max: 20_000 } });
    h.update(String(journal.length));
    for (const [field, values] of Object.entries(journal)) {
      if (typeof values === "number") continue;
      h.update(field);
      h.update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    }
  }
  return h.digest("hex");
}

describe("seeded output, pinned", () => {
  it("teaching: the comparison's JSON is as recorded", () => {
    expect(digest("teaching")).toMatchSnapshot();
  });

  it("soderhamn: the comparison's JSON is as recorded", () => {
    expect(digest("soderhamn")).toMatchSnapshot();
  });

  it("teaching and soderhamn: a run's journal is as recorded", () => {
    expect(journalDigest("teaching")).toMatchSnapshot();
    expect(journalDigest("soderhamn")).toMatchSnapshot();
  });
});
