/**
 * The journey journal's storage: entries of sampled needs only, all thirteen numbers kept, given
 * back sorted by need and then by time (ties in the order logged), past the first array's
 * capacity; and what it holds counted for the run's memory stop.
 */
import { describe, expect, it } from "vitest";
import { Journal, JournalEvent } from "../../src/model/journal.js";
import { Need } from "../../src/model/need.js";

function need(id: number, journal: number, channel = 0): Need {
  const n = new Need();
  n.id = id;
  n.journal = journal;
  n.channel = channel;
  return n;
}

describe("Journal", () => {
  it("keeps journalled needs' entries with every field, sorted by need, then time, then the order logged", () => {
    const j = new Journal(1);
    const a = need(7, 1, 2);
    const b = need(3, 1, 1);
    const quiet = need(5, 0);
    j.log(a, JournalEvent.work, 10, 4, 2, 1.5, 8.25, 1, 6, 9, 2, 3);
    j.log(quiet, JournalEvent.contact, 1, 0, 0, 0, 0, 0, 0);
    j.log(b, JournalEvent.arose, 12, -1, 0, 0, 0, 0, 1);
    j.log(a, JournalEvent.arose, 5, -1, 0, 0, 0, 0, 0);
    j.log(a, JournalEvent.closed, 10, 1, 0, 0, 0, 0, 0);
    j.log(b, JournalEvent.ended, 2, -1, 0, 0, 0, 0, 4);
    const r = j.records();
    expect(r.length).toBe(5);
    expect(Array.from(r.need)).toEqual([3, 3, 7, 7, 7]);
    expect(Array.from(r.time)).toEqual([2, 12, 5, 10, 10]);
    // the two entries of need 7 at time 10 stay in the order logged
    expect(Array.from(r.event)).toEqual([JournalEvent.ended, JournalEvent.arose, JournalEvent.arose, JournalEvent.work, JournalEvent.closed]);
    expect(Array.from(r.channel)).toEqual([1, 1, 2, 2, 2]);
    const work = 3;
    expect([r.team[work], r.reason[work], r.wait[work], r.minutes[work], r.failure[work], r.detail[work], r.origin[work], r.step[work], r.cause[work]]).toEqual([4, 2, 1.5, 8.25, 1, 6, 9, 2, 3]);
    // left out: origin -1, step -1, cause 0
    expect([r.origin[0], r.step[0], r.cause[0]]).toEqual([-1, -1, 0]);
  });

  it("grows past its first capacity and counts what it holds", () => {
    const j = new Journal(1);
    const before = j.heldBytes();
    const n = 1000;
    // needs logged in descending id, each twice out of time order
    for (let i = n - 1; i >= 0; i--) {
      const x = need(i, 1);
      j.log(x, JournalEvent.work, 2 * i + 1, 0, 0, 0, 0, 0, 0);
      j.log(x, JournalEvent.arose, 2 * i, 0, 0, 0, 0, 0, 0);
    }
    const r = j.records();
    expect(r.length).toBe(2 * n);
    expect(Array.from(r.time)).toEqual(Array.from({ length: 2 * n }, (_, k) => k));
    expect(Array.from(r.need)).toEqual(Array.from({ length: 2 * n }, (_, k) => k >> 1));
    expect(j.heldBytes()).toBeGreaterThanOrEqual(2 * n * 13 * 8);
    expect(j.heldBytes()).toBeGreaterThan(before);
    expect(new Journal(1).records().length).toBe(0);
  });

  it("samples one cohort need in `every`, up to `max`", () => {
    const j = new Journal(3, 2);
    expect([0, 1, 2, 3, 4, 5, 6].map((k) => j.wants(k))).toEqual([true, false, false, true, false, false, false]);
    expect(new Journal(0).wants(0)).toBe(false);
  });
});
