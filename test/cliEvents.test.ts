/**
 * `--event` on the command line: it changes the run like an event in the scenario file, may be
 * given more than once, works in a sweep of the event's size, and a bad one exits 2 with a
 * one-line message naming it.
 */
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), env: {} });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const FAST = ["--scenario", "teaching", "--replications", "1", "--horizon", "12 weeks", "--warmup", "2 weeks", "--quiet"];

/** The weekly arrivals of `helhet run --series week --format csv`. */
function arrivals(csv: string): number[] {
  const [head, ...rows] = csv.trim().split("\n");
  const k = head!.split(",").indexOf("arrived");
  return rows.map((r) => Number(r.split(",")[k]));
}

describe("helhet --event", () => {
  it("adds dated changes to the run: the series shows them, the weeks before are the same", async () => {
    const plain = await run(["run", ...FAST, "--series", "week", "--format", "csv"]);
    const surge = await run(["run", ...FAST, "--series", "week", "--format", "csv", "--event", "demand x3 weeks 6-9", "--event", "staff officers +2 weeks 6-9"]);
    expect(plain.code).toBe(0);
    expect(surge.code).toBe(0);
    const a = arrivals(plain.out);
    const b = arrivals(surge.out);
    // rows are weeks 2..11: weeks 2–5 unchanged, weeks 6–8 about three times as many
    expect(b.slice(0, 4)).toEqual(a.slice(0, 4));
    const sum = (x: number[]) => x.reduce((p, q) => p + q, 0);
    expect(sum(b.slice(4, 7))).toBeGreaterThan(2 * sum(a.slice(4, 7)));
  });

  it("a bad --event exits 2 with one line naming it", async () => {
    for (const [event, message] of [
      ["demand 15% weeks 20-28", /^helhet: --event "demand 15% weeks 20-28": "15%" is not a demand change/],
      ["staff nobody -1 weeks 2-4", /^helhet: --event "staff nobody -1 weeks 2-4": team: got "nobody"; expected the id of a team \(desk, officers, expert\)/],
      ["staff desk -5 weeks 2-4", /^helhet: --event "staff desk -5 weeks 2-4": staff: got "-5"; expected at most 2 fewer people: the team has 2/],
      ["hours desk Mon-Fri 07:00-12:00 weeks 2-4", /expected hours within the team's usual hours/],
    ] as const) {
      const r = await run(["run", ...FAST, "--event", event]);
      expect(r.code).toBe(2);
      expect(r.err.split("\n")[0]).toMatch(message);
    }
    // a command that runs nothing takes no --event
    expect((await run(["validate", "--event", "demand +1% weeks 1-2"])).code).toBe(2);
  });

  it("sweeps an event's size like any other parameter", async () => {
    const r = await run(["sweep", ...FAST, "--policies", "minutes", "--event", "demand +0% weeks 4-8", "--param", "events.0.demand", "--values", "+0%,+15%,+30%", "--format", "csv"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("+15%");
    expect(r.out).toContain("+30%");
  });
});
