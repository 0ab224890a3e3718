import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inCompletionOrder } from "../../src/experiment/replication.js";

/** The order runReplication needs: by end time, then by row. */
function byComparator(rows: readonly number[], end: Float64Array): number[] {
  return [...rows].sort((a, b) => end[a]! - end[b]! || a - b);
}

describe("inCompletionOrder", () => {
  it("sorts rows by end time, rows that ended together staying in row order", () => {
    const rows = Uint32Array.of(0, 1, 2, 3, 4);
    inCompletionOrder(rows, Float64Array.of(5, 3, 5, 1, 3));
    expect(Array.from(rows)).toEqual([3, 1, 4, 0, 2]);
  });

  it("gives the comparison sort's order on nearly sorted rows (the insertion sort) and on shuffled ones (past its budget)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 0, maxLength: 300 }),
        fc.boolean(),
        (ends, shuffled) => {
          // nearly sorted: ascending ends with a few late rows; shuffled: as drawn (few ties, many moves)
          const end = Float64Array.from(shuffled ? ends : [...ends].sort((a, b) => a - b).map((x, i) => (i % 17 === 5 ? x + 3 : x)));
          const rows = Uint32Array.from(end.keys());
          inCompletionOrder(rows, end);
          expect(Array.from(rows)).toEqual(byComparator(Array.from(end.keys()), end));
        },
      ),
      { seed: 20261205, numRuns: 300 },
    );
  });

  it("falls back to the comparison sort when the rows are far out of order", () => {
    // reversed: n(n − 1)/2 moves, far past 16 per row
    const n = 200;
    const end = Float64Array.from({ length: n }, (_, i) => n - i);
    const rows = Uint32Array.from(end.keys());
    inCompletionOrder(rows, end);
    expect(Array.from(rows)).toEqual(Array.from({ length: n }, (_, i) => n - 1 - i));
  });
});
