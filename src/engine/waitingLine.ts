/**
 * The line of entities waiting for a team: first come first served, or by priority (lower
 * value first, ties first come first served). Entries live in slots of typed arrays; an
 * entry that leaves the line early (reneging, withdrawal) is marked and skipped later, and
 * the line is rebuilt without such entries once they outnumber the live ones.
 *
 * A line served by priority keeps a first-come-first-served ring per priority value while it
 * has seen only a few values (a model uses two or three), so the next entry is the head of the
 * first ring that is not empty, with no sift through a heap; the ninth value, or one that is not
 * a number, turns it into a binary heap for good. The order out is the same either way.
 */
import { objectArray } from "./shape.js";

/**
 * The line's fixed numbers, as a const enum so that the compiler writes them into the code as
 * literals (a module's constants are otherwise read from its context at every use).
 */
const enum Fixed {
  /** A slot's states. */
  Free = 0,
  Waiting = 1,
  Gone = 2,
  /** Compact once more than this many gone entries outnumber the waiting ones. */
  CompactMin = 256,
  /** Priority values a line keeps rings for; one more turns it into a heap. */
  MaxLevels = 8,
  /** Slots in a new ring of a priority value (a power of two). */
  FirstRing = 16,
  /**
   * 2^19: a ticket is generation + GenSpan × slot, below 2^31 (a small integer, which V8 passes
   * and returns without allocating a number) for the first 4,096 slots (as the calendar's ids).
   */
  GenSpan = 524288,
  /** 2^19 - 1: generations count modulo 2^19. */
  GenMask = 524287,
  /** 2^26: the most slots (entries waiting at once). */
  MaxSlots = 67108864,
}

/** How a waiting line orders its entries. */
export type Discipline = "fifo" | "priority";

/**
 * Slots of waiting entries plus their order.
 *
 * @example
 * ```ts
 * const line = new WaitingLine("priority");
 * line.add(7, 10, 0, 2, 0);
 * line.add(8, 10, 0, 1, 0);
 * line.entity(line.popNext()); //=> 8
 * ```
 */
export class WaitingLine {
  /** Live entries in the line. */
  length = 0;
  private entities = new Float64Array(16);
  private services = new Float64Array(16);
  private tags = new Float64Array(16);
  private times = new Float64Array(16);
  private renegeIds = new Float64Array(16);
  private gens = new Int32Array(16);
  private states = new Uint8Array(16);
  private free = new Int32Array(16);
  private freeCount = 0;
  private slotCount = 0;
  private seq = 0;
  // order: a ring (fifo) or a binary heap (priority, once `byHeap`) of slot numbers, gone
  // entries included
  private order = new Int32Array(16);
  // a priority line's heap also keeps each entry's priority and sequence number in heap order,
  // so a sift compares neighbouring numbers instead of looking each one up by slot
  private hPri = new Float64Array(0);
  private hSeq = new Float64Array(0);
  private head = 0;
  /** Entries in the order (in all the rings of a priority line), gone ones included. */
  private count = 0;
  private gone = 0;
  /** Whether a priority line has turned into a heap (see the file's comment). */
  private byHeap = false;
  // a priority line's rings, one per priority value seen, by value (lowest first): the value,
  // the ring of slots, its head and its entries (gone ones included)
  private levels = 0;
  private readonly levelPri = new Float64Array(Fixed.MaxLevels);
  private readonly levelRing: Int32Array[] = objectArray();
  private readonly levelHead = new Int32Array(Fixed.MaxLevels);
  private readonly levelCount = new Int32Array(Fixed.MaxLevels);

  /** @param discipline - "fifo" or "priority" */
  constructor(readonly discipline: Discipline) {}

  /** Queues an entry and returns its slot. */
  add(entity: number, service: number, tag: number, priority: number, time: number): number {
    if (this.gone > Fixed.CompactMin && this.gone > this.length) this.compact();
    const slot = this.allocate();
    this.entities[slot] = entity;
    this.services[slot] = service;
    this.tags[slot] = tag;
    this.times[slot] = time;
    this.renegeIds[slot] = -1;
    this.states[slot] = Fixed.Waiting;
    if (this.discipline === "fifo") {
      if (this.count === this.order.length) this.growOrder();
      this.order[(this.head + this.count) & (this.order.length - 1)] = slot;
      this.count++;
    } else if (this.byHeap) this.toOrderHeap(slot, priority);
    else this.toLevel(slot, priority);
    this.length++;
    return slot;
  }

  /** Puts a slot at the end of its priority value's ring (a new ring for a new value, or the heap for good past the last ring). */
  private toLevel(slot: number, priority: number): void {
    const pri = this.levelPri;
    let k = 0;
    while (k < this.levels && (pri[k] as number) < priority) k++;
    if (k === this.levels || pri[k] !== priority) {
      // a value not seen before (NaN never equals one: a heap orders it as before)
      if (this.levels === Fixed.MaxLevels || priority !== priority) {
        this.toHeap();
        this.toOrderHeap(slot, priority);
        return;
      }
      this.newLevel(k, priority);
    }
    let ring = this.levelRing[k] as Int32Array;
    const c = this.levelCount[k] as number;
    if (c === ring.length) ring = this.growLevel(k);
    ring[((this.levelHead[k] as number) + c) & (ring.length - 1)] = slot;
    this.levelCount[k] = c + 1;
    this.count++;
  }

  /** Adds a ring for priority value `priority` at position `k` of the values. */
  private newLevel(k: number, priority: number): void {
    for (let j = this.levels; j > k; j--) {
      this.levelPri[j] = this.levelPri[j - 1] as number;
      this.levelHead[j] = this.levelHead[j - 1] as number;
      this.levelCount[j] = this.levelCount[j - 1] as number;
    }
    this.levelRing.splice(k, 0, new Int32Array(Fixed.FirstRing));
    this.levelPri[k] = priority;
    this.levelHead[k] = 0;
    this.levelCount[k] = 0;
    this.levels++;
  }

  /** Doubles the (full) ring of value `k`, its entries first in the new one; returns it. */
  private growLevel(k: number): Int32Array {
    const ring = this.levelRing[k] as Int32Array;
    const next = new Int32Array(ring.length * 2);
    const h = this.levelHead[k] as number;
    for (let j = 0; j < ring.length; j++) next[j] = ring[(h + j) & (ring.length - 1)] as number;
    this.levelRing[k] = next;
    this.levelHead[k] = 0;
    return next;
  }

  /**
   * Turns a priority line's rings into a heap for good. The rings, in order of value, are the
   * entries sorted by (priority, arrival), and a sorted array is a heap; their sequence numbers
   * count up in that order, which keeps the order of arrival within each value.
   */
  private toHeap(): void {
    let size = this.order.length;
    while (size <= this.count) size *= 2;
    const order = new Int32Array(size);
    const hP = new Float64Array(size);
    const hQ = new Float64Array(size);
    let i = 0;
    for (let k = 0; k < this.levels; k++) {
      const ring = this.levelRing[k] as Int32Array;
      const mask = ring.length - 1;
      const h = this.levelHead[k] as number;
      const p = this.levelPri[k] as number;
      for (let j = 0; j < (this.levelCount[k] as number); j++) {
        order[i] = ring[(h + j) & mask] as number;
        hP[i] = p;
        hQ[i] = i;
        i++;
      }
    }
    this.order = order;
    this.hPri = hP;
    this.hSeq = hQ;
    this.seq = i;
    this.levels = 0;
    this.levelRing.length = 0;
    this.byHeap = true;
  }

  /** Pushes a slot on a priority line's heap. */
  private toOrderHeap(slot: number, priority: number): void {
    if (this.count === this.order.length) this.growOrder();
    this.heapPush(slot, priority, this.seq++);
  }

  /** The ticket of a waiting slot: slot and generation together, stale once it leaves. */
  ticket(slot: number): number {
    return (this.gens[slot] as number) + Fixed.GenSpan * slot;
  }

  /** The slot of a ticket that is still waiting, or -1. */
  slotOf(ticket: number): number {
    const slot = Math.floor(ticket / Fixed.GenSpan);
    const gen = ticket - Fixed.GenSpan * slot;
    if (slot < 0 || slot >= this.slotCount) return -1;
    return this.gens[slot] === gen && this.states[slot] === Fixed.Waiting ? slot : -1;
  }

  /**
   * Takes a waiting slot out of the line early; call {@link WaitingLine.release} after reading
   * it. The slot is freed when the line reaches it or compacts (at the next `add`), never here,
   * so a removed slot cannot be freed twice.
   */
  remove(slot: number): void {
    this.states[slot] = Fixed.Gone;
    this.length--;
    this.gone++;
  }

  /** Removes and returns the next slot to serve, or -1 when none is waiting. */
  popNext(): number {
    if (this.discipline !== "fifo") return this.popNextByPriority();
    while (this.count > 0) {
      const slot = this.order[this.head] as number;
      this.head = (this.head + 1) & (this.order.length - 1);
      this.count--;
      if (this.leaves(slot)) return slot;
    }
    return -1;
  }

  /**
   * Removes the next entry to serve and frees its slot in the same step, returning the slot,
   * or -1 when none is waiting: {@link WaitingLine.popNext} and {@link WaitingLine.release}
   * in one. The slot's fields stay readable until the next {@link WaitingLine.add}, so read
   * them before queueing anything.
   *
   * @example
   * ```ts
   * const line = new WaitingLine("fifo");
   * line.add(7, 10, 0, 0, 0);
   * const slot = line.take();
   * [line.entity(slot), line.length]; //=> [7, 0]
   * ```
   */
  take(): number {
    if (this.discipline === "fifo" && this.count > 0) {
      const slot = this.order[this.head] as number;
      if (this.states[slot] === Fixed.Waiting) {
        // the common case: the first in the ring is still waiting
        this.head = (this.head + 1) & (this.order.length - 1);
        this.count--;
        this.length--;
        this.states[slot] = Fixed.Free;
        this.bump(slot);
        return slot;
      }
    }
    return this.takeAfterGone();
  }

  /** {@link WaitingLine.take} past entries that left early, or by priority (out of line: the common path stays small). */
  private takeAfterGone(): number {
    const slot = this.popNext();
    if (slot >= 0) this.release(slot);
    return slot;
  }

  /** {@link WaitingLine.popNext} of a line served by priority (out of line: the common fifo path stays small). */
  private popNextByPriority(): number {
    while (this.count > 0) {
      const slot = this.byHeap ? this.heapPop() : this.popLevel();
      if (this.leaves(slot)) return slot;
    }
    return -1;
  }

  /** Takes the head of the first ring that is not empty (the line has entries). */
  private popLevel(): number {
    const counts = this.levelCount;
    let k = 0;
    while ((counts[k] as number) === 0) k++;
    const ring = this.levelRing[k] as Int32Array;
    const h = this.levelHead[k] as number;
    this.levelHead[k] = (h + 1) & (ring.length - 1);
    counts[k] = (counts[k] as number) - 1;
    this.count--;
    return ring[h] as number;
  }

  /** A slot just taken from the order: true if it was waiting (it leaves the line now); a gone one is freed. */
  private leaves(slot: number): boolean {
    if (this.states[slot] === Fixed.Waiting) {
      this.length--;
      return true;
    }
    this.gone--;
    this.releaseGone(slot);
    return false;
  }

  /** Frees a slot returned by `popNext` (or removed) once its fields have been read. */
  release(slot: number): void {
    // a gone slot is freed when the order reaches it; a free one already is
    if (this.states[slot] === Fixed.Gone || this.states[slot] === Fixed.Free) return;
    this.states[slot] = Fixed.Free;
    this.bump(slot);
  }

  /** The entity of a slot. */
  entity(slot: number): number {
    return this.entities[slot] as number;
  }
  /** The service time of a slot. */
  service(slot: number): number {
    return this.services[slot] as number;
  }
  /** The tag of a slot. */
  tag(slot: number): number {
    return this.tags[slot] as number;
  }
  /** When the slot's entity joined the line. */
  time(slot: number): number {
    return this.times[slot] as number;
  }
  /** The renege event id stored with a slot (-1 if none). */
  renegeId(slot: number): number {
    return this.renegeIds[slot] as number;
  }
  /** Stores the renege event id of a slot. */
  setRenegeId(slot: number, id: number): void {
    this.renegeIds[slot] = id;
  }

  private releaseGone(slot: number): void {
    this.states[slot] = Fixed.Free;
    this.bump(slot);
  }

  private bump(slot: number): void {
    this.gens[slot] = ((this.gens[slot] as number) + 1) & Fixed.GenMask;
    this.free[this.freeCount++] = slot;
  }

  private allocate(): number {
    if (this.freeCount > 0) return this.free[--this.freeCount] as number;
    if (this.slotCount === this.entities.length) this.growSlots();
    return this.slotCount++;
  }

  private heapPush(slot: number, p: number, q: number): void {
    let i = this.count++;
    const o = this.order;
    const hP = this.hPri;
    const hQ = this.hSeq;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pp = hP[parent] as number;
      if (pp < p || (pp === p && (hQ[parent] as number) < q)) break;
      o[i] = o[parent] as number;
      hP[i] = pp;
      hQ[i] = hQ[parent] as number;
      i = parent;
    }
    o[i] = slot;
    hP[i] = p;
    hQ[i] = q;
  }

  private heapPop(): number {
    const o = this.order;
    const hP = this.hPri;
    const hQ = this.hSeq;
    const top = o[0] as number;
    const n = --this.count;
    const last = o[n] as number;
    const p = hP[n] as number;
    const q = hQ[n] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let cp = hP[child] as number;
      let cq = hQ[child] as number;
      if (child + 1 < n) {
        const rp = hP[child + 1] as number;
        if (rp < cp || (rp === cp && (hQ[child + 1] as number) < cq)) {
          child++;
          cp = rp;
          cq = hQ[child] as number;
        }
      }
      if (cp > p || (cp === p && cq > q)) break;
      o[i] = o[child] as number;
      hP[i] = cp;
      hQ[i] = cq;
      i = child;
    }
    if (n > 0) {
      o[i] = last;
      hP[i] = p;
      hQ[i] = q;
    }
    return top;
  }

  private compact(): void {
    const mask = this.order.length - 1;
    if (this.discipline !== "fifo" && !this.byHeap) {
      // each ring keeps its waiting entries in order, from its head
      for (let k = 0; k < this.levels; k++) {
        const ring = this.levelRing[k] as Int32Array;
        const m = ring.length - 1;
        const h = this.levelHead[k] as number;
        const c = this.levelCount[k] as number;
        let w = 0;
        for (let j = 0; j < c; j++) {
          const slot = ring[(h + j) & m] as number;
          if (this.states[slot] === Fixed.Waiting) ring[(h + w++) & m] = slot;
          else this.releaseGone(slot);
        }
        this.levelCount[k] = w;
        this.count -= c - w;
      }
    } else if (this.discipline === "fifo") {
      const kept: number[] = [];
      for (let k = 0; k < this.count; k++) {
        const slot = this.order[(this.head + k) & mask] as number;
        if (this.states[slot] === Fixed.Waiting) kept.push(slot);
        else this.releaseGone(slot);
      }
      this.head = 0;
      this.count = kept.length;
      kept.forEach((slot, k) => {
        this.order[k] = slot;
      });
    } else {
      // a line sorted by (priority, sequence) is a heap
      const kept: number[] = [];
      for (let k = 0; k < this.count; k++) {
        if (this.states[this.order[k] as number] === Fixed.Waiting) kept.push(k);
        else this.releaseGone(this.order[k] as number);
      }
      const hP = this.hPri;
      const hQ = this.hSeq;
      kept.sort((a, b) => (hP[a] as number) - (hP[b] as number) || (hQ[a] as number) - (hQ[b] as number));
      const slots = kept.map((k) => this.order[k] as number);
      const pris = kept.map((k) => hP[k] as number);
      const seqs = kept.map((k) => hQ[k] as number);
      for (let k = 0; k < kept.length; k++) {
        this.order[k] = slots[k] as number;
        hP[k] = pris[k] as number;
        hQ[k] = seqs[k] as number;
      }
      this.count = kept.length;
    }
    this.gone = 0;
  }

  private growOrder(): void {
    const n = this.order.length * 2;
    const next = new Int32Array(n);
    const mask = this.order.length - 1;
    for (let k = 0; k < this.count; k++) {
      next[k] = (this.discipline === "fifo" ? this.order[(this.head + k) & mask] : this.order[k]) as number;
    }
    this.order = next;
    this.head = 0;
    if (this.discipline !== "fifo") {
      this.hPri = copy(this.hPri, new Float64Array(n));
      this.hSeq = copy(this.hSeq, new Float64Array(n));
    }
  }

  private growSlots(): void {
    const n = this.entities.length * 2;
    if (n > Fixed.MaxSlots) throw new RangeError(`waiting line is full: more than ${Fixed.MaxSlots} entries`);
    this.entities = copy(this.entities, new Float64Array(n));
    this.services = copy(this.services, new Float64Array(n));
    this.tags = copy(this.tags, new Float64Array(n));
    this.times = copy(this.times, new Float64Array(n));
    this.renegeIds = copy(this.renegeIds, new Float64Array(n));
    this.gens = copy(this.gens, new Int32Array(n));
    this.states = copy(this.states, new Uint8Array(n));
    this.free = copy(this.free, new Int32Array(n));
  }
}

function copy<T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
