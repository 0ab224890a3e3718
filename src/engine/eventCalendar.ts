/**
 * The event calendar: a binary min-heap kept as a struct of typed arrays.
 *
 * Events are ordered by (time, priority, insertion sequence), so simultaneous events come
 * out in a fixed order: lower priority value first, then first scheduled first. Nothing is
 * ever ordered at random.
 *
 * Each pending event lives in a *slot* (its handler and payload); the heap holds slot
 * numbers together with copies of the sort keys, so a sift touches only typed arrays: the
 * time, and the priority and sequence packed into one exact number,
 * (priority + 2048) × 2^41 + sequence (priorities are integers from -2048 to 2047; 2^41
 * events, about 2 × 10^12, is far past any run's limit).
 * An event that fires stays on top while its handler runs, and the handler's first push takes
 * its place and its slot: one sift down instead of a sift down and a sift up, and a short one
 * when the new event is due soon, as most completions after an event are. (Any other operation removes it
 * first. The order out is the same either way, as no two entries have the same key.)
 * The heap holds only the events due before its reach, the end of a day (1,440 time units,
 * helhet's minutes; any unit gives the same order, only the speed depends on it). Later events
 * wait unsorted in a bucket per day and enter the heap, with their own keys, when the reach
 * moves on to their day. So the heap holds about a day's events, not every timer set days
 * ahead (in a model, many of those are cancelled before they are due, and never enter the
 * heap), and each sift is shorter.
 * Cancelling clears the slot's handler; cancelled entries are dropped when they reach the top or
 * leave their bucket, and the heap (or the buckets) are rebuilt without them as soon as they
 * make up more than half of it, so memory stays proportional to the events that are really
 * pending.
 */
import { objectArray, primeFractions } from "./shape.js";

/** A function run when its event fires; it receives the payload given to `schedule`. */
export type EventHandler = (payload: number) => void;

/** Identifies a scheduled event so that it can be cancelled. */
export type EventId = number;

/**
 * The calendar's fixed numbers, as a const enum so that the compiler writes them into the code
 * as literals (a module's constants are otherwise read from its context at every use).
 */
const enum Fixed {
  /**
   * 2^19: an id is generation + GenSpan × slot. Slot first, so that the ids of the first 4,096
   * slots (thousands of events pending at once) stay below 2^31: small integers, which V8
   * passes and returns without allocating a number (generation first, every id was past 2^31
   * once its slot had been reused 32 times).
   */
  GenSpan = 524288,
  /** 2^19 - 1: generations count modulo 2^19. */
  GenMask = 524287,
  /** 2^26: the most slots (events pending at once). */
  MaxSlots = 67108864,
  /** Priorities are integers in [-PriorityOffset, PriorityOffset). */
  PriorityOffset = 2048,
  /** 2^41: the sequence's share of the packed (priority, sequence) key. */
  SequenceSpan = 2199023255552,
  /** The width of a far bucket, in time units: a day of minutes. */
  BucketWidth = 1440,
}
const COMPACT_MIN = 1024;
/** Day buckets kept at most (2^16 days, about 180 years of minutes); events due later wait in one unsorted list. */
const DAY_LIMIT = 2 ** 16;

/**
 * A priority queue of events for the simulation clock.
 *
 * @example
 * ```ts
 * const cal = new EventCalendar();
 * const fired: number[] = [];
 * cal.push(5, 0, (p) => fired.push(p), 1);
 * cal.push(2, 0, (p) => fired.push(p), 2);
 * while (cal.size > 0) cal.fireNext();
 * fired; //=> [2, 1]
 * ```
 */
export class EventCalendar {
  private hTime: Float64Array;
  /** The packed (priority, sequence) key of each heap entry. */
  private hSeq: Float64Array;
  private hSlot: Int32Array;
  private heapSize = 0;

  /** Each slot's handler; `undefined` marks a cancelled event still in the heap. */
  private handlers: (EventHandler | undefined)[] = objectArray();
  private payloads: Float64Array;
  /** Each slot's generation, bumped when the slot is freed: an id whose generation differs is stale. */
  private gens: Int32Array;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private slotCount = 0;

  private seq = 0;
  private cancelled = 0;
  /**
   * Whether the top entry has fired and is still in place: the next push takes its place (one
   * sift down instead of a sift down and a sift up), and anything else removes it first.
   */
  private topFired = false;

  /**
   * The heap's reach: every entry in the heap is due before it, every entry in a bucket at or
   * after it (the start of a day once set; `Infinity` once the buckets are done with).
   */
  private reach = -Infinity;
  /** The day the first event was due in (time ÷ width, rounded down): buckets count from it. */
  private firstDay = 0;
  /** The bucket of the day that starts at the reach (its number counted from `firstDay`). */
  private reachDay = 0;
  /** The first slot of each day's bucket, by day from `firstDay`; -1 for none. */
  private dayHeads: Int32Array = new Int32Array(64).fill(-1);
  /** The first slot of the unsorted list of events due past the last day bucket; -1 for none. */
  private beyondHead = -1;
  /** Entries in buckets (and beyond), and how many of them are cancelled. */
  private farCount = 0;
  private farCancelled = 0;
  /**
   * Each pending slot's time and key (the sifts read them from here: passed as arguments to a
   * sift that is not inlined, they would be boxed), its next slot in its bucket while it waits
   * there, and 1 while it does.
   */
  private sTime: Float64Array;
  private sKey: Float64Array;
  private sNext: Int32Array;
  private inBucket: Uint8Array;
  /** Time of the event most recently returned by {@link EventCalendar.fireNext}. */
  lastTime = 0;
  /** The time of the event {@link EventCalendar.pushNext} adds (set just before it). */
  nextTime = 0;

  /**
   * @param initialCapacity - slots to allocate up front; the calendar grows by doubling.
   */
  constructor(initialCapacity = 64) {
    const n = Math.max(4, initialCapacity | 0);
    this.hTime = new Float64Array(n);
    this.hSeq = new Float64Array(n);
    this.hSlot = new Int32Array(n);
    this.payloads = new Float64Array(n);
    this.gens = new Int32Array(n);
    this.freeSlots = new Int32Array(n);
    this.sTime = new Float64Array(n);
    this.sKey = new Float64Array(n);
    this.sNext = new Int32Array(n);
    this.inBucket = new Uint8Array(n);
    primeFractions(this, ["lastTime", "nextTime"]);
  }

  /** Number of entries in the heap and the far buckets, cancelled ones included until they are dropped. */
  get size(): number {
    return this.heapSize - (this.topFired ? 1 : 0) + this.farCount;
  }

  /** Slots allocated so far: memory grows with the most events ever pending at once, not with events fired. */
  get allocatedSlots(): number {
    return this.slotCount;
  }

  /** Number of events that will still fire. */
  get pending(): number {
    return this.size - this.cancelled - this.farCancelled;
  }

  /**
   * Time of the earliest pending event, or `Infinity` when none is left. Cancelled entries
   * that have reached the top are dropped on the way.
   */
  peekTime(): number {
    if (this.topFired) this.dropFiredTop();
    // the common case in line; both returns are plain numbers, so that compiled callers keep
    // the time unboxed
    if (!this.topIsNext()) this.settleTop();
    // 1 / 0, not the global Infinity: with it, V8 boxed the time of every event fired
    return this.heapSize > 0 ? (this.hTime[0] as number) : 1 / 0;
  }

  /**
   * Whether the heap's top is the next event to fire (due before the reach, or with nothing in
   * the buckets, and not cancelled), or nothing is left at all.
   */
  private topIsNext(): boolean {
    if (this.heapSize === 0) return this.farCount === 0;
    // with nothing in the buckets the top is the earliest (it can lie past the reach only when
    // it is due at infinity); with no cancelled entry in the heap it is not cancelled either,
    // without looking up its handler
    return ((this.hTime[0] as number) < this.reach || this.farCount === 0) && (this.cancelled === 0 || this.handlers[this.hSlot[0] as number] !== undefined);
  }

  /** Drops cancelled entries from the top and extends the reach until {@link EventCalendar.topIsNext} holds. */
  private settleTop(): void {
    for (;;) {
      if (this.heapSize > 0) {
        if ((this.hTime[0] as number) < this.reach || this.farCount === 0) {
          const slot = this.hSlot[0] as number;
          if (this.handlers[slot] !== undefined) return;
          this.removeTop();
          this.cancelled--;
          this.freeSlot(slot);
          continue;
        }
      } else if (this.farCount === 0) return;
      this.extendReach();
    }
  }

  /**
   * Adds an event.
   *
   * @param time - when it fires (any finite number; the caller keeps it ≥ the clock)
   * @param priority - tie-break among events at the same time: lower first; an integer from
   *   -2048 to 2047
   * @param handler - what to run
   * @param payload - a number passed to the handler
   * @returns an id for {@link EventCalendar.cancel}
   * @throws RangeError if the priority is not an integer from -2048 to 2047
   */
  push(time: number, priority: number, handler: EventHandler, payload: number): EventId {
    this.nextTime = time;
    return this.pushNext(priority, handler, payload);
  }

  /**
   * {@link EventCalendar.push} of an event due at {@link EventCalendar.nextTime}, which the
   * caller has just set. The engine's own callers use this: V8 boxes a fraction passed to a call
   * it does not inline, and a field of the calendar holds it unboxed.
   *
   * @param priority - as for push
   * @param handler - what to run
   * @param payload - a number passed to the handler
   * @returns an id for {@link EventCalendar.cancel}
   * @example
   * ```ts
   * const cal = new EventCalendar();
   * cal.nextTime = 7.5;
   * cal.pushNext(0, () => {}, 0);
   * cal.peekTime(); //=> 7.5
   * ```
   */
  pushNext(priority: number, handler: EventHandler, payload: number): EventId {
    const time = this.nextTime;
    if (priority !== 0) checkPriority(priority);
    // due at or after the reach (and not at infinity): to its day's bucket
    let far = false;
    if (time >= this.reach) {
      if (this.reach === -Infinity) this.setReach(time);
      else far = time !== Infinity;
    }
    // the first push of a handler into the heap takes the place of the entry that has just
    // fired, and its slot (whose generation fireTop has moved on): no trip through the free list
    const slot = this.topFired && !far ? (this.hSlot[0] as number) : this.freeCount > 0 ? (this.freeSlots[--this.freeCount] as number) : this.newSlot();
    // a freed slot keeps its handler, and a handler's own next event mostly takes the slot it
    // fired from: the store (with its write barrier) only where the handler differs
    if (this.handlers[slot] !== handler) this.handlers[slot] = handler;
    this.payloads[slot] = payload;
    // the slot keeps its time and key: a bucket holds them until the event enters the heap, and
    // the sifts read them from here (passing them to a sift that is not inlined would box them)
    this.sTime[slot] = time;
    this.sKey[slot] = (priority + Fixed.PriorityOffset) * Fixed.SequenceSpan + this.seq++;
    if (far) this.toBucket(slot);
    else if (this.topFired) {
      this.topFired = false;
      this.siftDown(0, slot);
    } else {
      // the heap never holds more entries than there are slots, and grows with them
      this.siftUp(this.heapSize++, slot);
    }
    return (this.gens[slot] as number) + Fixed.GenSpan * slot;
  }

  /**
   * Cancels a pending event. Returns false if it already fired or was cancelled.
   *
   * @param id - the id returned by {@link EventCalendar.push}
   */
  cancel(id: EventId): boolean {
    const slot = Math.floor(id / Fixed.GenSpan);
    const gen = id - Fixed.GenSpan * slot;
    // a slot whose generation matches is in the heap or a bucket: pending, or cancelled (no handler)
    if (slot >= this.slotCount || this.gens[slot] !== gen || this.handlers[slot] === undefined) {
      return false;
    }
    this.handlers[slot] = undefined;
    if (this.inBucket[slot] === 1) {
      this.farCancelled++;
      if (this.farCancelled > COMPACT_MIN && this.farCancelled * 2 > this.farCount) this.compactBuckets();
      return true;
    }
    this.cancelled++;
    if (this.cancelled > COMPACT_MIN && this.cancelled * 2 > this.heapSize) this.compact();
    return true;
  }

  /**
   * Removes the earliest pending event and runs its handler. Returns false when nothing was
   * left to fire.
   */
  fireNext(): boolean {
    const time = this.peekTime();
    if (time === Infinity) return false;
    this.lastTime = time;
    this.fireTop();
    return true;
  }

  /**
   * Runs the top entry, which the caller has just checked with {@link EventCalendar.peekTime}
   * (so it exists and is not cancelled), without setting {@link EventCalendar.lastTime} (the
   * caller has the time from the peek). The entry stays in the heap, counted by neither
   * {@link EventCalendar.size} nor {@link EventCalendar.pending}, until the handler's first push
   * takes its place or the next peek removes it.
   */
  fireTop(): void {
    const slot = this.hSlot[0] as number;
    const handler = this.handlers[slot] as EventHandler;
    const payload = this.payloads[slot] as number;
    // every id of the slot is stale from now; the entry and its slot stay on top until the
    // handler's first push takes both, or the next peek removes the entry and frees the slot
    this.gens[slot] = ((this.gens[slot] as number) + 1) & Fixed.GenMask;
    this.topFired = true;
    handler(payload);
  }

  private dropFiredTop(): void {
    this.topFired = false;
    this.freeSlots[this.freeCount++] = this.hSlot[0] as number;
    this.removeTop();
  }

  /** The first event: the heap reaches to the end of its day, and day buckets count from it. */
  private setReach(time: number): void {
    if (time === Infinity) {
      this.reach = Infinity;
      return;
    }
    this.firstDay = Math.floor(time / Fixed.BucketWidth);
    this.reachDay = 1;
    this.reach = (this.firstDay + 1) * Fixed.BucketWidth;
  }

  /** Puts the event of `slot`, due at or after the heap's reach, in its day's bucket. */
  private toBucket(slot: number): void {
    // the slot's time and key are set already (push); neither comes in or goes out as an
    // argument or result, which V8 would box where it does not inline this
    this.inBucket[slot] = 1;
    const day = Math.floor((this.sTime[slot] as number) / Fixed.BucketWidth) - this.firstDay;
    if (day < this.dayHeads.length) {
      this.sNext[slot] = this.dayHeads[day] as number;
      this.dayHeads[day] = slot;
    } else this.toLaterDay(day, slot);
    this.farCount++;
  }

  /** A day past the buckets there are: more buckets, or (past {@link DAY_LIMIT}) the list beyond them. */
  private toLaterDay(day: number, slot: number): void {
    if (day >= DAY_LIMIT) {
      this.sNext[slot] = this.beyondHead;
      this.beyondHead = slot;
      return;
    }
    let n = this.dayHeads.length;
    while (n <= day) n *= 2;
    const heads = new Int32Array(n).fill(-1);
    heads.set(this.dayHeads);
    this.dayHeads = heads;
    this.sNext[slot] = -1;
    this.dayHeads[day] = slot;
  }

  /**
   * The heap has nothing due before its reach: moves the bucket of the day that starts there
   * into the heap and the reach to that day's end (or, past the last day bucket, the list beyond
   * them into the heap and the reach to infinity). Called only with something in the buckets.
   */
  private extendReach(): void {
    let slot: number;
    if (this.reachDay < this.dayHeads.length) {
      slot = this.dayHeads[this.reachDay] as number;
      this.dayHeads[this.reachDay] = -1;
      this.reachDay++;
      this.reach = (this.firstDay + this.reachDay) * Fixed.BucketWidth;
    } else {
      slot = this.beyondHead;
      this.beyondHead = -1;
      this.reach = Infinity;
    }
    while (slot >= 0) {
      const next = this.sNext[slot] as number;
      this.inBucket[slot] = 0;
      this.farCount--;
      if (this.handlers[slot] === undefined) {
        this.farCancelled--;
        this.freeSlot(slot);
      } else this.siftUp(this.heapSize++, slot);
      slot = next;
    }
  }

  /** Drops the cancelled entries from every bucket. */
  private compactBuckets(): void {
    for (let day = this.reachDay; day <= this.dayHeads.length; day++) {
      const beyond = day === this.dayHeads.length;
      let slot = beyond ? this.beyondHead : (this.dayHeads[day] as number);
      let head = -1;
      while (slot >= 0) {
        const next = this.sNext[slot] as number;
        if (this.handlers[slot] === undefined) {
          this.inBucket[slot] = 0;
          this.freeSlot(slot);
        } else {
          this.sNext[slot] = head;
          head = slot;
        }
        slot = next;
      }
      if (beyond) this.beyondHead = head;
      else this.dayHeads[day] = head;
    }
    this.farCount -= this.farCancelled;
    this.farCancelled = 0;
  }

  private freeSlot(slot: number): void {
    // the handler reference stays until the slot is reused (no store on the hot path); the
    // new generation makes every id of the slot stale
    this.gens[slot] = ((this.gens[slot] as number) + 1) & Fixed.GenMask;
    this.freeSlots[this.freeCount++] = slot;
  }

  private removeTop(): void {
    const last = --this.heapSize;
    if (last > 0) {
      this.siftDown(0, this.hSlot[last] as number);
    }
  }

  private siftUp(i: number, slot: number): void {
    const t = this.sTime[slot] as number;
    const k = this.sKey[slot] as number;
    const hT = this.hTime;
    const hS = this.hSeq;
    const hI = this.hSlot;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = hT[parent] as number;
      if (pt < t || (pt === t && (hS[parent] as number) < k)) break;
      hT[i] = pt;
      hS[i] = hS[parent] as number;
      hI[i] = hI[parent] as number;
      i = parent;
    }
    hT[i] = t;
    hS[i] = k;
    hI[i] = slot;
  }

  private siftDown(i: number, slot: number): void {
    const t = this.sTime[slot] as number;
    const k = this.sKey[slot] as number;
    const hT = this.hTime;
    const hS = this.hSeq;
    const hI = this.hSlot;
    const n = this.heapSize;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      let ct = hT[child] as number;
      let ck = hS[child] as number;
      if (right < n) {
        const rt = hT[right] as number;
        if (rt < ct || (rt === ct && (hS[right] as number) < ck)) {
          child = right;
          ct = rt;
          ck = hS[right] as number;
        }
      }
      if (ct > t || (ct === t && ck > k)) break;
      hT[i] = ct;
      hS[i] = ck;
      hI[i] = hI[child] as number;
      i = child;
    }
    hT[i] = t;
    hS[i] = k;
    hI[i] = slot;
  }

  private compact(): void {
    if (this.topFired) this.dropFiredTop();
    let n = 0;
    for (let i = 0; i < this.heapSize; i++) {
      const slot = this.hSlot[i] as number;
      if (this.handlers[slot] === undefined) {
        this.freeSlot(slot);
        continue;
      }
      this.hTime[n] = this.hTime[i] as number;
      this.hSeq[n] = this.hSeq[i] as number;
      this.hSlot[n] = slot;
      n++;
    }
    this.heapSize = n;
    this.cancelled = 0;
    for (let i = (n >> 1) - 1; i >= 0; i--) {
      this.siftDown(i, this.hSlot[i] as number);
    }
  }

  /** A slot never used before (the slots and the heap grow together when all are taken). */
  private newSlot(): number {
    if (this.slotCount === this.payloads.length) this.grow();
    return this.slotCount++;
  }

  private grow(): void {
    const n = this.payloads.length * 2;
    if (n > Fixed.MaxSlots) throw new RangeError(`event calendar is full: more than ${Fixed.MaxSlots} pending events`);
    this.payloads = grow(this.payloads, new Float64Array(n));
    this.gens = grow(this.gens, new Int32Array(n));
    this.freeSlots = grow(this.freeSlots, new Int32Array(n));
    this.hTime = grow(this.hTime, new Float64Array(n));
    this.hSeq = grow(this.hSeq, new Float64Array(n));
    this.hSlot = grow(this.hSlot, new Int32Array(n));
    this.sTime = grow(this.sTime, new Float64Array(n));
    this.sKey = grow(this.sKey, new Float64Array(n));
    this.sNext = grow(this.sNext, new Int32Array(n));
    this.inBucket = grow(this.inBucket, new Uint8Array(n));
  }
}


function grow<T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * Refuses a priority that is not an integer from -2048 to 2047. Kept out of
 * {@link EventCalendar.push}, with the other rare paths of the hot methods, so that V8's
 * inlining budget goes to the common path.
 */
function checkPriority(priority: number): void {
  if (!(Number.isInteger(priority) && priority >= -Fixed.PriorityOffset && priority < Fixed.PriorityOffset)) {
    throw new RangeError(`priority must be an integer from ${-Fixed.PriorityOffset} to ${Fixed.PriorityOffset - 1}, got ${priority}`);
  }
}
