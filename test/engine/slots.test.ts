import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createStream, EventCalendar, WaitingLine } from "../../src/index.js";

/**
 * The calendar and the waiting line keep their entries in reusable slots named by
 * generation-tagged ids. These properties drive each with random operations against a plain
 * reference: the order out, what a cancel or a stale id does, and the counts.
 */

/** Runs `body` with a private compacting method of a class's prototype (`compact` unless named) counted; returns how often it ran. */
function countingCompactions(prototype: object, body: () => void, method = "compact"): number {
  const proto = prototype as Record<string, (this: unknown) => void>;
  const compact = proto[method]!;
  let count = 0;
  proto[method] = function (this: unknown) {
    count++;
    compact.call(this);
  };
  try {
    body();
  } finally {
    proto[method] = compact;
  }
  return count;
}

/** The reference's next event: the label of the pending event first by time, then priority, then order of pushing (-1 for none). */
function firstDue(pending: ReadonlyMap<number, { time: number; priority: number; seq: number }>): number {
  let best = -1;
  let b = { time: Infinity, priority: 0, seq: 0 };
  for (const [label, e] of pending) {
    if (e.time < b.time || (e.time === b.time && (e.priority < b.priority || (e.priority === b.priority && e.seq < b.seq)))) {
      best = label;
      b = e;
    }
  }
  return best;
}

/**
 * Fires the calendar's next event and takes the reference's next out of `pending` into
 * `expected` (the caller compares what fired with `expected`); returns its time, the new clock.
 */
function fireFirstDue(cal: EventCalendar, pending: Map<number, { time: number; priority: number; seq: number }>, expected: number[]): number {
  const best = firstDue(pending);
  const time = pending.get(best)!.time;
  pending.delete(best);
  expected.push(best);
  expect(cal.fireNext()).toBe(true);
  return time;
}

describe("EventCalendar against a sorted list", () => {
  // an operation: push (time, priority), cancel the k-th id handed out so far, or fire the next;
  // pushed up to 40 time units ahead (all in the heap, many ties), or up to 5,000 (the far
  // buckets, a day of 1,440 units each, hold those past the heap's reach)
  const opWithin = (ahead: number) =>
    fc.oneof(
      fc.record({ kind: fc.constant("push" as const), time: fc.integer({ min: 0, max: ahead }), priority: fc.integer({ min: -2, max: 2 }) }),
      fc.record({ kind: fc.constant("cancel" as const), k: fc.nat(200) }),
      fc.record({ kind: fc.constant("fire" as const) }),
    );

  it.each([40, 5000])("fires, cancels and refuses stale ids exactly like the reference (pushed up to %i ahead)", (ahead) => {
    const op = opWithin(ahead);
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const cal = new EventCalendar(4);
        const fired: number[] = [];
        const ids: number[] = [];
        // reference: pending entries (time, priority, seq, label); label = position in `ids`
        const pending: { time: number; priority: number; seq: number; label: number }[] = [];
        let seq = 0;
        let clock = 0;
        const fireRef = () => {
          pending.sort((a, b) => a.time - b.time || a.priority - b.priority || a.seq - b.seq);
          return pending.shift();
        };
        for (const o of ops) {
          if (o.kind === "push") {
            const label = ids.length;
            const time = clock + o.time;
            ids.push(cal.push(time, o.priority, (p) => fired.push(p), label));
            pending.push({ time, priority: o.priority, seq: seq++, label });
          } else if (o.kind === "cancel") {
            if (ids.length === 0) continue;
            const label = o.k % ids.length;
            const at = pending.findIndex((e) => e.label === label);
            expect(cal.cancel(ids[label]!)).toBe(at >= 0);
            if (at >= 0) pending.splice(at, 1);
          } else {
            const next = fireRef();
            expect(cal.fireNext()).toBe(next !== undefined);
            if (next !== undefined) {
              expect(fired.at(-1)).toBe(next.label);
              clock = next.time;
            }
          }
          expect(cal.pending).toBe(pending.length);
        }
        // the rest, in order
        const rest: number[] = [];
        for (let e = fireRef(); e !== undefined; e = fireRef()) rest.push(e.label);
        const before = fired.length;
        while (cal.fireNext());
        expect(fired.slice(before)).toEqual(rest);
        // every id is stale now
        for (const id of ids) expect(cal.cancel(id)).toBe(false);
      }),
      { numRuns: 300, seed: 18 },
    );
  });

  it("keeps the order through thousands of pending events, compactions and tied times", () => {
    // phases of mostly pushes and then mostly cancels, so that cancelled events pass the
    // compaction threshold (1,024, and half the heap) again and again; a heap of thousands, so
    // that sifts meet the last node with one child; times in quarter minutes, so many tie
    const compactions = countingCompactions(EventCalendar.prototype, () => {
      const rng = createStream(18, 0, "calendar");
      const cal = new EventCalendar(4);
      const fired: number[] = [];
      const ids: number[] = [];
      const pending = new Map<number, { time: number; priority: number; seq: number }>();
      const expected: number[] = [];
      let clock = 0;
      let seq = 0;
      const first = (): number => firstDue(pending);
      for (let step = 0; step < 60_000; step++) {
        const phase = Math.floor(step / 6000) % 2; // 0: building up, 1: cancelling
        const u = rng();
        if (u < (phase === 0 ? 0.7 : 0.05) || pending.size === 0) {
          const time = clock + Math.floor(rng() * 2000) / 4;
          const priority = rng() < 0.1 ? -1 : 0;
          const label = ids.length;
          ids.push(cal.push(time, priority, (p) => fired.push(p), label));
          pending.set(label, { time, priority, seq: seq++ });
        } else if (u < (phase === 0 ? 0.8 : 0.95)) {
          // mostly a recent event, now and then the next one due
          const label = rng() < 0.02 ? first() : ids.length - 1 - Math.floor(rng() * Math.min(ids.length, 5000));
          expect(cal.cancel(ids[label]!)).toBe(pending.delete(label));
        } else clock = fireFirstDue(cal, pending, expected);
      }
      expect(fired).toEqual(expected);
      expect(cal.pending).toBe(pending.size);
    });
    expect(compactions).toBeGreaterThan(2);
  });

  // 2,100 events pushed in a shuffled order (so the heap's array is not sorted), the first due
  // cancelled, then others until the cancelled pass the compaction threshold; twenty shuffles.
  // Due within the first day they all go to the heap; due from the second day on (after one
  // event at 0, which sets the heap's reach to the end of the first day), to the far buckets.
  const compactionCases = [
    { where: "the heap", lead: [] as number[], time: (i: number) => (i + 1) / 2, method: "compact" },
    { where: "the far buckets", lead: [0], time: (i: number) => 1500 + 7 * i, method: "compactBuckets" },
  ];
  for (const { where, lead, time, method } of compactionCases) {
    it(`compacts ${where} correctly when the event due first is one of those cancelled`, () => {
      const compactions = countingCompactions(EventCalendar.prototype, () => {
        for (let shuffle = 0; shuffle < 20; shuffle++) {
          const rng = createStream(18, shuffle, "shuffle");
          const times = Array.from({ length: 2100 }, (_, i) => time(i));
          for (let i = times.length - 1; i > 0; i--) {
            const j = Math.floor(rng() * (i + 1));
            [times[i], times[j]] = [times[j]!, times[i]!];
          }
          const cal = new EventCalendar();
          const fired: number[] = [];
          const idOf = new Map<number, number>();
          for (const t of [...lead, ...times]) idOf.set(t, cal.push(t, 0, (p) => fired.push(p), t));
          const total = lead.length + times.length;
          // the first due, then the rest in a shuffled order, until a compaction
          const order = [time(0), ...times.filter((t) => t !== time(0))];
          const cancelled = new Set<number>();
          for (const t of order) {
            if (cal.size < total) break;
            expect(cal.cancel(idOf.get(t)!)).toBe(true);
            cancelled.add(t);
          }
          expect(cal.size, `shuffle ${shuffle}`).toBe(total - cancelled.size); // compacted: every cancelled event gone at once
          expect(cal.pending, `shuffle ${shuffle}`).toBe(total - cancelled.size);
          while (cal.fireNext());
          expect(fired, `shuffle ${shuffle}`).toEqual([...lead, ...times].filter((t) => !cancelled.has(t)).sort((a, b) => a - b));
        }
      }, method);
      expect(compactions).toBe(20);
    });
  }

  it("keeps the order when handlers push and cancel while they fire", () => {
    // the entry that fires stays on top until its handler's first push takes its place: each
    // handler here pushes 0–4 events (some due at once, some later that day, some days ahead in
    // the far buckets), cancels others (enough that compactions of the heap and of the buckets
    // happen inside handlers) and reads the counts, against a reference
    let bucketCompactions = 0;
    const compactions = countingCompactions(EventCalendar.prototype, () => (bucketCompactions = countingCompactions(EventCalendar.prototype, () => {
      const rng = createStream(18, 1, "nested");
      const cal = new EventCalendar(4);
      const pending = new Map<number, { time: number; priority: number; seq: number }>();
      const ids: number[] = [];
      const fired: number[] = [];
      const expected: number[] = [];
      let seq = 0;
      let clock = 0;
      const push = (time: number, priority: number): void => {
        const label = ids.length;
        ids.push(cal.push(time, priority, handler, label));
        pending.set(label, { time, priority, seq: seq++ });
      };
      const handler = (label: number): void => {
        fired.push(label);
        expect(cal.pending).toBe(pending.size);
        expect(cal.size).toBeGreaterThanOrEqual(pending.size);
        // phases of building up and of cancelling, so that cancelled events pass the compaction
        // threshold (1,024, and half the heap) inside handlers
        const cancelling = fired.length % 6000 >= 4000;
        const pushAll = (): void => {
          const pushes = fired.length < 30_000 ? Math.floor(rng() * (cancelling ? 2 : 4.5)) : 0;
          for (let i = 0; i < pushes; i++) {
            const u = rng();
            push(u < 0.2 ? clock : clock + (u < 0.7 ? rng() * 100 : 200 + rng() * 3000), rng() < 0.1 ? -1 : 0);
          }
        };
        const cancelSome = (): void => {
          // `cancels` that take effect, out of at most 20 tries among the 3,000 latest ids
          const cancels = cancelling ? 5 : rng() < 0.5 ? 1 : 0;
          for (let c = 0, tries = 0; c < cancels && tries < 20; tries++) {
            const victim = ids.length - 1 - Math.floor(rng() * Math.min(ids.length, 3000));
            const done = cal.cancel(ids[victim]!);
            expect(done).toBe(pending.delete(victim));
            if (done) c++;
          }
        };
        // while cancelling, handlers cancel before they push (so compactions meet the fired entry
        // on top); otherwise half of them do
        if (cancelling || rng() < 0.5) {
          cancelSome();
          pushAll();
        } else {
          pushAll();
          cancelSome();
        }
        expect(cal.pending).toBe(pending.size);
        maxSize = Math.max(maxSize, cal.size);
      };
      let maxSize = 0;
      while (pending.size > 0 || fired.length < 30_000) {
        // topped up from outside when the handlers' own pushes die out
        if (pending.size < 100 && fired.length < 30_000) for (let i = 0; i < 200; i++) push(clock + rng() * 3000, 0);
        clock = fireFirstDue(cal, pending, expected);
      }
      expect(cal.fireNext()).toBe(false);
      expect(fired).toEqual(expected);
      expect(cal.size).toBe(0);
      expect(maxSize).toBeGreaterThan(2000);
    }, "compactBuckets")));
    // the heap and the far buckets were both rebuilt inside handlers
    expect(compactions).toBeGreaterThanOrEqual(1);
    expect(bucketCompactions).toBeGreaterThanOrEqual(1);
  });

  it("orders events years ahead, and past the last day bucket, with the rest", () => {
    // day buckets grow as later days are asked for (from 64), and events due more than 2^16 days
    // after the first one wait in one list beyond them; a handler that fires late schedules more
    const rng = createStream(18, 2, "far");
    const cal = new EventCalendar();
    const pending = new Map<number, { time: number; seq: number }>();
    const ids: number[] = [];
    const fired: number[] = [];
    let seq = 0;
    const push = (time: number): void => {
      const label = ids.length;
      ids.push(cal.push(time, 0, (p) => {
        fired.push(p);
        if (fired.length % 50 === 0) push(time + rng() * 1e6);
      }, label));
      pending.set(label, { time, seq: seq++ });
    };
    const scales = [10, 1e4, 1e6, 1e8, 1e11, 1e13];
    for (let i = 0; i < 3000; i++) push(Math.floor(rng() * (scales[i % scales.length] as number)));
    for (let i = 0; i < 900; i++) {
      const victim = Math.floor(rng() * ids.length);
      expect(cal.cancel(ids[victim]!)).toBe(pending.delete(victim));
    }
    expect(cal.pending).toBe(pending.size);
    while (cal.fireNext());
    const expected = [...pending].sort((a, b) => a[1].time - b[1].time || a[1].seq - b[1].seq).map(([label]) => label);
    expect(fired).toEqual(expected);
    expect(cal.size).toBe(0);
  });

  it("keeps an event due at infinity pending, and fires the others", () => {
    for (const order of [[Infinity, 5, 3000, 2], [3, Infinity, 1e9, 4000]]) {
      const cal = new EventCalendar();
      const fired: number[] = [];
      for (const t of order) cal.push(t, 0, (p) => fired.push(p), t);
      while (cal.fireNext());
      expect(fired).toEqual(order.filter((t) => t !== Infinity).sort((a, b) => a - b));
      expect(cal.peekTime()).toBe(Infinity);
      expect(cal.pending).toBe(1);
      cal.push(7000, 0, (p) => fired.push(p), 7000);
      expect(cal.fireNext()).toBe(true);
      expect(fired.at(-1)).toBe(7000);
    }
  });

  it("refuses to cancel the event that is firing", () => {
    const cal = new EventCalendar();
    let id = -1;
    let inside: boolean | undefined;
    id = cal.push(1, 0, () => {
      inside = cal.cancel(id);
    }, 0);
    cal.fireNext();
    expect(inside).toBe(false);
  });
});

describe("ids and tickets", () => {
  // an id (a ticket) is generation + 2^19 × slot: below 2^31 for the first 4,096 slots however
  // often they are reused, and stale for 2^19 − 1 reuses of its slot
  it("keeps a reused slot's event ids small integers, and an old id stale until its slot's generation comes round", () => {
    const cal = new EventCalendar();
    const first = cal.push(0, 0, () => {}, 0);
    cal.fireNext();
    let id = first;
    let largest = first;
    let staleCancelled = 0;
    for (let k = 1; k < 2 ** 19; k++) {
      // all within the first day (the heap's reach), where each event takes the slot of the one before
      id = cal.push(k / 1000, 0, () => {}, 0);
      largest = Math.max(largest, id);
      if (k % 1000 === 0 && cal.cancel(first)) staleCancelled++;
      cal.fireNext();
    }
    expect(largest).toBeLessThan(2 ** 31);
    expect(staleCancelled).toBe(0);
    // 2^19 events through slot 0: the generation has come round to the first id's again
    expect(id).toBe(first + 2 ** 19 - 1);
    expect(cal.push(0, 0, () => {}, 0)).toBe(first);
    // the 4,096th slot's ids are below 2^31 too
    const many = new EventCalendar();
    let last = -1;
    for (let k = 0; k < 4096; k++) last = many.push(k, 0, () => {}, 0);
    expect(last).toBeLessThan(2 ** 31);
    expect(many.cancel(last)).toBe(true);
    expect(many.cancel(last)).toBe(false);
  });

  it("refuses ids that were never handed out", () => {
    const cal = new EventCalendar();
    const id = cal.push(1, 0, () => {}, 0);
    for (const bad of [-1, 0.5, id + 0.5, 2 ** 19, 2 ** 45, NaN, Infinity]) expect(cal.cancel(bad)).toBe(false);
    const line = new WaitingLine("fifo");
    const ticket = line.ticket(line.add(1, 1, 0, 0, 0));
    for (const bad of [-1, 0.5, ticket + 0.5, 2 ** 19, 2 ** 45, NaN, Infinity]) expect(line.slotOf(bad)).toBe(-1);
    expect(line.slotOf(ticket)).toBe(0);
    expect(cal.cancel(id)).toBe(true);
  });

  it("keeps a reused waiting slot's tickets small integers, and an old ticket stale", () => {
    const line = new WaitingLine("fifo");
    const first = line.ticket(line.add(0, 1, 0, 0, 0));
    line.release(line.take());
    for (let k = 1; k < 5000; k++) {
      const slot = line.add(k, 1, 0, 0, k);
      expect(line.ticket(slot)).toBeLessThan(2 ** 31);
      expect(line.slotOf(first)).toBe(-1);
      line.release(line.take());
    }
  });
});

describe("WaitingLine.take against popNext and release", () => {
  const op = fc.oneof(
    fc.record({ kind: fc.constant("add" as const), priority: fc.integer({ min: 0, max: 3 }) }),
    fc.record({ kind: fc.constant("remove" as const), k: fc.nat(500) }),
    fc.record({ kind: fc.constant("next" as const) }),
  );

  for (const discipline of ["fifo", "priority"] as const) {
    it(`${discipline}: the same entries out, the same tickets and lengths after`, () => {
      fc.assert(
        fc.property(fc.array(op, { maxLength: 600 }), (ops) => {
          const a = new WaitingLine(discipline);
          const b = new WaitingLine(discipline);
          const tickets: [number, number][] = [];
          let entity = 0;
          for (const o of ops) {
            if (o.kind === "add") {
              const sa = a.add(entity, entity / 2, 0, o.priority, entity);
              const sb = b.add(entity, entity / 2, 0, o.priority, entity);
              tickets.push([a.ticket(sa), b.ticket(sb)]);
              expect(tickets.at(-1)![0]).toBe(tickets.at(-1)![1]);
              entity++;
            } else if (o.kind === "remove") {
              if (tickets.length === 0) continue;
              const [ta, tb] = tickets[o.k % tickets.length]!;
              const [sa, sb] = [a.slotOf(ta), b.slotOf(tb)];
              expect(sa).toBe(sb);
              if (sa >= 0) {
                a.remove(sa);
                a.release(sa);
                b.remove(sb);
                b.release(sb);
              }
            } else {
              const sa = a.take();
              const sb = b.popNext();
              expect(sa).toBe(sb);
              if (sb >= 0) {
                expect(a.entity(sa)).toBe(b.entity(sb));
                expect(a.time(sa)).toBe(b.time(sb));
                b.release(sb);
              }
            }
            expect(a.length).toBe(b.length);
          }
        }),
        { numRuns: 200, seed: 18 },
      );
    });
  }
});

describe("WaitingLine by priority against a reference", () => {
  /**
   * Drives a priority line through 60,000 random steps against a plain reference: phases of
   * mostly joining and then mostly leaving early, so that entries that left pass the compaction
   * threshold (256, and the live entries) again and again. Returns how often the line compacted
   * and how often it turned from rings into a heap.
   */
  function againstReference(priorityAt: (step: number, rng: () => number) => number): { compactions: number; heaps: number } {
    let compactions = 0;
    const heaps = countingCompactions(
      WaitingLine.prototype,
      () => {
        compactions = countingCompactions(WaitingLine.prototype, () => {
          const rng = createStream(18, 0, "line");
          const line = new WaitingLine("priority");
          const tickets: number[] = [];
          const waiting = new Map<number, { priority: number; seq: number }>();
          const served: number[] = [];
          const expected: number[] = [];
          for (let step = 0; step < 60_000; step++) {
            const phase = Math.floor(step / 4000) % 2;
            const u = rng();
            if (u < (phase === 0 ? 0.6 : 0.1)) {
              const entity = tickets.length;
              const priority = priorityAt(step, rng);
              tickets.push(line.ticket(line.add(entity, 1, 0, priority, step)));
              waiting.set(entity, { priority, seq: entity });
            } else if (u < (phase === 0 ? 0.7 : 0.95)) {
              const entity = tickets.length - 1 - Math.floor(rng() * Math.min(tickets.length, 1500));
              if (entity < 0) continue;
              const slot = line.slotOf(tickets[entity]!);
              expect(slot >= 0).toBe(waiting.delete(entity));
              if (slot >= 0) {
                line.remove(slot);
                line.release(slot);
              }
            } else {
              let best = -1;
              let b = { priority: Infinity, seq: Infinity };
              for (const [entity, e] of waiting) {
                if (e.priority < b.priority || (e.priority === b.priority && e.seq < b.seq)) {
                  best = entity;
                  b = e;
                }
              }
              const slot = line.take();
              expect(slot >= 0).toBe(best >= 0);
              if (best >= 0) {
                waiting.delete(best);
                expected.push(best);
                served.push(line.entity(slot));
              }
            }
            expect(line.length).toBe(waiting.size);
          }
          expect(served).toEqual(expected);
        });
      },
      "toHeap",
    );
    return { compactions, heaps };
  }

  it("serves by (priority, order of arrival) through thousands of entries, withdrawals and compactions", () => {
    // seven values with many ties, negative and fractional ones among them: a ring for each
    const { compactions, heaps } = againstReference((_, rng) => {
      const v = rng();
      return v < 0.7 ? 0 : v < 0.8 ? -1 : v < 0.9 ? 2.5 : Math.floor(rng() * 5);
    });
    expect(compactions).toBeGreaterThan(2);
    expect(heaps).toBe(0);
  });

  it("serves in the same order when a ninth value turns its rings into a heap, with entries waiting", () => {
    // three values (as a model uses) for the first 30,000 steps, then any of forty
    const { compactions, heaps } = againstReference((step, rng) => (step < 30_000 ? Math.floor(rng() * 3) - 1 : Math.floor(rng() * 40) / 4));
    expect(compactions).toBeGreaterThan(2);
    expect(heaps).toBe(1);
  });
});
