/**
 * The line of entities waiting for a team: first come first served, or by priority (lower
 * value first, ties first come first served). Entries live in slots of typed arrays; an
 * entry that leaves the line early (reneging, withdrawal) is marked and skipped later, and
 * the line is rebuilt without such entries once they outnumber the live ones.
 */

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
  /** 2^26: tickets encode slot + SlotSpan × generation. */
  SlotSpan = 67108864,
  /** 2^26 - 1: generations count modulo 2^26. */
  GenMask = 67108863,
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
  // order: a ring (fifo) or a binary heap (priority) of slot numbers, gone entries included
  private order = new Int32Array(16);
  // a priority line's heap also keeps each entry's priority and sequence number in heap order,
  // so a sift compares neighbouring numbers instead of looking each one up by slot
  private hPri = new Float64Array(0);
  private hSeq = new Float64Array(0);
  private head = 0;
  private count = 0;
  private gone = 0;

  /** @param discipline - "fifo" or "priority" */
  constructor(readonly discipline: Discipline) {
    if (discipline !== "fifo") {
      this.hPri = new Float64Array(this.order.length);
      this.hSeq = new Float64Array(this.order.length);
    }
  }

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
    if (this.count === this.order.length) this.growOrder();
    if (this.discipline === "fifo") {
      this.order[(this.head + this.count) & (this.order.length - 1)] = slot;
      this.count++;
    } else {
      this.heapPush(slot, priority, this.seq++);
    }
    this.length++;
    return slot;
  }

  /** The ticket of a waiting slot: slot and generation together, stale once it leaves. */
  ticket(slot: number): number {
    return slot + Fixed.SlotSpan * (this.gens[slot] as number);
  }

  /** The slot of a ticket that is still waiting, or -1. */
  slotOf(ticket: number): number {
    const slot = ticket % Fixed.SlotSpan;
    const gen = (ticket - slot) / Fixed.SlotSpan;
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
      const slot = this.heapPop();
      if (this.leaves(slot)) return slot;
    }
    return -1;
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
    if (this.discipline === "fifo") {
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
    if (n > Fixed.SlotSpan) throw new RangeError(`waiting line is full: more than ${Fixed.SlotSpan} entries`);
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
