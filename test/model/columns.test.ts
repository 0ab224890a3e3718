/**
 * The typed row table behind the run's records, and the recorder's checks of what its narrow
 * columns can hold.
 */
import { describe, expect, it } from "vitest";
import { Column, kindMax, Table } from "../../src/model/columns.js";
import { countContact, lowestBit, Need } from "../../src/model/need.js";
import { CAUSE_NAMES, REASON_NAMES } from "../../src/model/codes.js";
import { Recorder } from "../../src/model/recorder.js";

describe("Column", () => {
  it("grows past its capacity, and gives its values as a copy, a view, or reordered by indices", () => {
    const c = new Column(2);
    for (const v of [5, 7, 1, 9, 3]) c.push(v);
    expect(Array.from(c.toArray())).toEqual([5, 7, 1, 9, 3]);
    const view = c.view();
    expect(Array.from(view)).toEqual([5, 7, 1, 9, 3]);
    c.set(0, 6);
    expect(view[0]).toBe(6); // a view, not a copy
    expect(Array.from(c.gather(Int32Array.of(4, 2, 0, 3, 1)))).toEqual([3, 1, 6, 9, 7]);
    expect(c.gather(new Int32Array(0)).length).toBe(0);
  });
});

describe("a need's counts by reason and cause", () => {
  it("marks the codes it counted, and a reused need starts with every count at zero", () => {
    // one bit per code in a 32-bit mask
    expect(REASON_NAMES.length).toBeLessThan(31);
    expect(CAUSE_NAMES.length).toBeLessThan(31);
    expect([1, 2, 0b10100, 1 << 30].map(lowestBit)).toEqual([0, 1, 2, 30]);
    const need = new Need();
    countContact(need, 0, 0, false);
    countContact(need, 3, 5, true);
    countContact(need, 3, 5, true);
    countContact(need, REASON_NAMES.length - 1, CAUSE_NAMES.length - 1, true);
    expect(need.byReason[3]).toBe(2);
    expect(need.byCause[5]).toBe(2);
    expect(need.reasonsSeen).toBe(1 | (1 << 3) | (1 << (REASON_NAMES.length - 1)));
    expect(need.causesSeen).toBe((1 << 5) | (1 << (CAUSE_NAMES.length - 1)));
    need.reset();
    expect(Array.from(need.byReason).every((x) => x === 0)).toBe(true);
    expect(Array.from(need.byCause).every((x) => x === 0)).toBe(true);
    expect([need.reasonsSeen, need.causesSeen]).toEqual([0, 0]);
  });
});

describe("Table", () => {
  const fields = [
    ["t", "f64"],
    ["id", "u32"],
    ["x", "f32"],
    ["n", "u16"],
    ["o", "i16"],
    ["flag", "u8"],
  ] as const;

  it("lays each field out as a column of its chunk, widest first, so every column is aligned", () => {
    const t = new Table(fields, 8);
    // element indices in each kind's view: f64 from byte 0, then u32/f32 from byte 64, u16/i16 from 128, u8 from 160
    expect(t.index).toEqual([0, 16, 24, 64, 72, 160]);
    expect(t.indexOf("n")).toBe(64);
    expect(t.rowBytes).toBe(21);
    expect(() => new Table([["a", "u8"], ["b", "f64"]])).toThrow(/field b \(f64\) is wider than the one before it/);
    expect(() => t.indexOf("nope")).toThrow(/no field nope/);
  });

  it("gives back every row's fields as typed columns, across chunks, each at its own width", () => {
    const t = new Table(fields, 3); // 3 rows a chunk: 10 rows span 4 chunks
    for (let r = 0; r < 10; r++) {
      const at = t.add();
      expect(at).toBe(r % 3);
      t.f64[t.indexOf("t") + at] = r + 0.25;
      t.u32[t.indexOf("id") + at] = 4_000_000_000 + r;
      t.f32[t.indexOf("x") + at] = r === 3 ? NaN : r;
      t.u16[t.indexOf("n") + at] = 65_535 - r;
      t.i16[t.indexOf("o") + at] = r - 1;
      t.u8[t.indexOf("flag") + at] = r % 2;
    }
    expect(t.length).toBe(10);
    expect(t.bytes).toBe(4 * 64); // 63 bytes a chunk, whole 8-byte words
    const [time, id, x, n, o, flag] = t.columns();
    expect(time).toBeInstanceOf(Float64Array);
    expect(id).toBeInstanceOf(Uint32Array);
    expect(x).toBeInstanceOf(Float32Array);
    expect(n).toBeInstanceOf(Uint16Array);
    expect(o).toBeInstanceOf(Int16Array);
    expect(flag).toBeInstanceOf(Uint8Array);
    expect(Array.from(time!)).toEqual(Array.from({ length: 10 }, (_, r) => r + 0.25));
    expect(Array.from(id!)).toEqual(Array.from({ length: 10 }, (_, r) => 4_000_000_000 + r));
    expect(Array.from(x!)).toEqual([0, 1, 2, NaN, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(n!)).toEqual(Array.from({ length: 10 }, (_, r) => 65_535 - r));
    expect(Array.from(o!)).toEqual(Array.from({ length: 10 }, (_, r) => r - 1));
    expect(Array.from(flag!)).toEqual(Array.from({ length: 10 }, (_, r) => r % 2));
  });

  it("a full last chunk and a table of exactly one chunk give every row", () => {
    for (const rows of [3, 6]) {
      const t = new Table([["a", "u16"], ["b", "u8"]], 3);
      for (let r = 0; r < rows; r++) {
        const at = t.add();
        t.u16[at] = 100 + r;
        t.u8[t.index[1]! + at] = r;
      }
      const [a, b] = t.columns();
      expect(Array.from(a!)).toEqual(Array.from({ length: rows }, (_, r) => 100 + r));
      expect(Array.from(b!)).toEqual(Array.from({ length: rows }, (_, r) => r));
    }
  });

  it("an empty table gives empty columns", () => {
    expect(new Table(fields).columns().map((c) => c.length)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("knows the largest value each kind holds", () => {
    expect(kindMax("u16")).toBe(65_535);
    expect(kindMax("u8")).toBe(255);
    expect(kindMax("i16")).toBe(32_767);
    expect(kindMax("f64")).toBe(Infinity);
  });
});

describe("the recorder's narrow columns", () => {
  const cohortNeed = (): Need => {
    const need = new Need();
    need.id = 7;
    need.status = 1;
    need.arrival = 10;
    need.firstContactAt = need.firstClosedAt = need.lastClosedAt = need.firstReopenAt = need.lastReopenAt = -1;
    return need;
  };

  it("keeps a need's counts exactly up to 65,535", () => {
    const r = new Recorder(1, 0, 100);
    const need = cohortNeed();
    need.contacts = 65_535;
    need.byReason[0] = 65_535;
    need.reasonsSeen = 1 << 0;
    need.endAt = 20;
    need.expression = 0;
    r.need(need);
    const rec = r.needRecords();
    expect(rec.contacts[0]).toBe(65_535);
    expect(rec.contactsByReason[0]![0]).toBe(65_535);
    expect(rec.id[0]).toBe(7);
    expect(rec.end[0]).toBe(20);
    expect(Number.isNaN(rec.firstContactAt[0])).toBe(true);
    expect(Number.isNaN(rec.clockTargetMet[0])).toBe(true);
  });

  it("widens a count column to 32 bits when a need's count passes 65,535, and keeps every value exact", () => {
    const r = new Recorder(1, 0, 100);
    const a = cohortNeed();
    a.contacts = 3;
    a.byReason[1] = 3;
    a.reasonsSeen = 1 << 1;
    a.endAt = 20;
    a.expression = 0;
    r.need(a);
    const b = cohortNeed();
    b.id = 8;
    b.abandonedContacts = 445_125; // a citizen redialling a line open a few hours a week, for ten years
    b.contacts = 70_000;
    b.byReason[1] = 70_000;
    b.reasonsSeen = 1 << 1;
    b.endAt = 30;
    b.expression = 0;
    r.need(b);
    const rec = r.needRecords();
    expect(rec.abandonedContacts).toBeInstanceOf(Uint32Array);
    expect(Array.from(rec.abandonedContacts)).toEqual([0, 445_125]);
    expect(rec.contacts).toBeInstanceOf(Uint32Array);
    expect(Array.from(rec.contacts)).toEqual([3, 70_000]);
    expect(Array.from(rec.contactsByReason[1]!)).toEqual([3, 70_000]);
    // the other counts stay 16-bit
    expect(rec.chases).toBeInstanceOf(Uint16Array);
    expect(rec.contactsByReason[0]).toBeInstanceOf(Uint16Array);
  });

  it("refuses more teams than a contact's origin column holds", () => {
    expect(() => new Recorder(40_000, 0, 100)).toThrow(/at most 32767 teams, got 40000/);
  });
});
