import { primeFractions } from "./shape.js";
import type { Simulation } from "./simulation.js";
import { WaitingLine, type Discipline } from "./waitingLine.js";
import { WeeklyCalendar } from "./weeklyCalendar.js";
import { TeamStatistics, type TeamStats } from "./teamStatistics.js";

/** Times (minutes) below which a spell's ends are exact, as the calendar's own memo has them (2^40). */
const OPEN_MEMO_LIMIT = 2 ** 40;

/** What a team tells its owner. Entities and tags are plain numbers chosen by the caller. */
export interface TeamHooks {
  /** An entity's service ended (the server is already free). */
  readonly done: (entity: number, tag: number, server: number) => void;
  /** An entity's service started after `waited` time units in the line. */
  readonly started?: (entity: number, tag: number, waited: number, server: number) => void;
  /** An entity ran out of patience and left the line unserved. */
  readonly reneged?: (entity: number, tag: number, waited: number) => void;
}

/** What happens to work in progress when the team closes. */
export type ClosingRule = "finish" | "pause";

/** How to build a {@link Team}. */
export interface TeamOptions {
  /** A name for messages and statistics. */
  readonly name?: string;
  /** Number of identical servers (staff), an integer ≥ 1. */
  readonly servers: number;
  /** "fifo" (default) or "priority" (lower value first, ties first come first served). */
  readonly discipline?: Discipline;
  /** Opening hours; default open all the time. No service starts while closed. */
  readonly openingHours?: WeeklyCalendar;
  /**
   * Each server's own hours (one calendar per server), for a team whose members work
   * different hours; overrides `openingHours`. A server starts work only while its own hours
   * are open. Needs the "finish" closing rule.
   */
  readonly serverHours?: readonly WeeklyCalendar[];
  /**
   * Work in progress at closing time: "finish" (default) lets staff finish the piece of work
   * in hand (the minutes after closing are counted as overtime); "pause" stops it and goes
   * on with the remaining minutes at the next opening.
   */
  readonly atClosing?: ClosingRule;
}

/**
 * A team of identical servers with one waiting line: capacity, FIFO or priority order,
 * reneging (a waiting entity leaves when its patience runs out), weekly opening hours and
 * absence of single servers ({@link Team.setAbsent}).
 *
 * @example
 * ```ts
 * const sim = new Simulation();
 * const finished: number[] = [];
 * const desk = new Team(sim, { servers: 1 }, { done: (entity) => finished.push(sim.now) });
 * desk.arrive(1, 5); // entity 1 needs 5 minutes
 * desk.arrive(2, 5); // entity 2 waits for it
 * sim.run();
 * finished; //=> [5, 10]
 * ```
 */
export class Team {
  /** The team's name. */
  readonly name: string;
  /** Number of servers. */
  readonly servers: number;
  /** Opening hours of the team: open when any server is open. */
  readonly openingHours: WeeklyCalendar;
  private readonly serverHours: readonly WeeklyCalendar[];
  private readonly uniformHours: boolean;
  private readonly sBusy: Uint8Array;
  private readonly sAbsent: Uint8Array;
  private absentCount = 0;
  private readonly sim: Simulation;
  private readonly doneHook: TeamHooks["done"];
  private readonly startedHook: TeamHooks["started"];
  private readonly renegedHook: TeamHooks["reneged"];
  private readonly line: WaitingLine;
  private readonly pause: boolean;
  private readonly alwaysOpen: boolean;
  private readonly statistics: TeamStatistics;
  // servers, struct of arrays
  private readonly sEntity: Float64Array;
  private readonly sTag: Float64Array;
  private readonly sEnd: Float64Array;
  private readonly sRemaining: Float64Array;
  private readonly sEvent: Float64Array;
  private readonly freeServers: Int32Array;
  /** Each server's position in `freeServers`, or -1 while it is not free (so taking one out is O(1)). */
  private readonly freePos: Int32Array;
  private freeCount = 0;
  private working = 0;
  private paused = 0;
  private wakePending = false;
  private wakeAt = Infinity;
  private wakeId = -1;
  private closePending = false;
  /**
   * A stretch of time from `openFrom` to `openUntil` (the end of a spell) over which the
   * opening hours stay open (`openNow`) or closed, below 2^40 minutes where a spell's ends are
   * exact: {@link Team.isOpen} answers from it without asking the calendar (a call that boxes
   * the time). Empty until the first question.
   */
  private openFrom = Infinity;
  private openUntil = -Infinity;
  private openNow = false;
  /**
   * The service time and the wait of the entity that {@link Team.start} sets to work, set just
   * before the call: V8 boxes a fraction passed to a call it does not inline, and a field holds
   * it unboxed (as `EventCalendar.nextTime` does).
   */
  private nextService = 0;
  private nextWaited = 0;
  private readonly onComplete: (server: number) => void;
  private readonly onRenege: (ticket: number) => void;
  private readonly onWake: () => void;
  private readonly onClose: () => void;

  /**
   * @param sim - the simulation whose clock the team runs on
   * @param options - servers, discipline, opening hours, closing rule
   * @param hooks - callbacks for service end, start and reneging
   * @throws RangeError for a server count that is not a positive integer
   */
  constructor(sim: Simulation, options: TeamOptions, hooks: TeamHooks) {
    const { servers } = options;
    if (!Number.isInteger(servers) || servers < 1) {
      throw new RangeError(`servers of team "${options.name ?? "team"}" must be an integer ≥ 1, got ${servers}`);
    }
    this.name = options.name ?? "team";
    this.servers = servers;
    this.sim = sim;
    this.doneHook = hooks.done;
    this.startedHook = hooks.started;
    this.renegedHook = hooks.reneged;
    this.line = new WaitingLine(options.discipline ?? "fifo");
    const own = options.serverHours;
    if (own !== undefined && own.length !== servers) {
      throw new RangeError(`serverHours of team "${this.name}" must give one calendar per server (${servers}), got ${own.length}`);
    }
    const shared = options.openingHours ?? WeeklyCalendar.always();
    // one kind of array whoever made the calendars (V8 compiles the statistics' reads for one)
    this.serverHours = Array.from({ length: servers }, (_, k) => own?.[k] ?? shared);
    this.uniformHours = own === undefined || own.every((c) => c === own[0]);
    this.openingHours = this.uniformHours ? (this.serverHours[0] as WeeklyCalendar) : WeeklyCalendar.fromIntervals(own!.flatMap((c) => c.intervals));
    this.alwaysOpen = this.openingHours.isAlways && this.uniformHours;
    this.pause = (options.atClosing ?? "finish") === "pause";
    if (this.pause && !this.uniformHours) throw new RangeError(`team "${this.name}": the "pause" closing rule needs the same hours for every server`);
    this.sBusy = new Uint8Array(servers);
    this.sAbsent = new Uint8Array(servers);
    this.statistics = new TeamStatistics(sim.now, this.serverHours, this.sBusy);
    this.sEntity = new Float64Array(servers);
    this.sTag = new Float64Array(servers);
    this.sEnd = new Float64Array(servers);
    this.sRemaining = new Float64Array(servers).fill(-1);
    this.sEvent = new Float64Array(servers).fill(-1);
    this.freeServers = new Int32Array(servers);
    this.freePos = new Int32Array(servers);
    for (let k = 0; k < servers; k++) {
      this.freeServers[k] = servers - 1 - k;
      this.freePos[servers - 1 - k] = k;
    }
    this.freeCount = servers;
    this.onComplete = (server) => this.complete(server);
    this.onRenege = (ticket) => this.renege(ticket);
    this.onWake = () => this.wake();
    this.onClose = () => this.close();
    // an event id past 2^31 (a slot's generation) is not a small integer (see engine/shape.ts)
    primeFractions(this, ["wakeId", "nextService", "nextWaited"]);
  }

  /** Entities waiting in line. */
  get queueLength(): number {
    return this.line.length;
  }

  /** Servers working right now. */
  get busy(): number {
    return this.working;
  }

  /** Whether the team is open now. */
  isOpen(): boolean {
    return this.alwaysOpen || this.isOpenNow();
  }

  /** {@link Team.isOpen} of a team with hours: from the spell remembered, else from the calendar. */
  private isOpenNow(): boolean {
    const now = this.sim.now;
    if (now >= this.openFrom && now < this.openUntil) return this.openNow;
    return this.learnOpen();
  }

  /** Asks the calendar whether the team is open now, and remembers the spell that holds now. */
  private learnOpen(): boolean {
    const now = this.sim.now;
    const hours = this.openingHours;
    const open = hours.isOpen(now);
    if (now >= 0 && now < OPEN_MEMO_LIMIT) {
      this.openFrom = now;
      this.openUntil = open ? hours.nextClosing(now) : hours.nextOpening(now);
      this.openNow = open;
    }
    return open;
  }

  /**
   * An entity arrives for `serviceTime` of work. It starts at once if a server is free and
   * the team is open; otherwise it waits, and leaves unserved after `patience`.
   *
   * @param entity - the caller's id for the entity
   * @param serviceTime - work needed, ≥ 0
   * @param tag - a number handed back in the hooks (for example a step number)
   * @param priority - with the "priority" discipline, lower is served first
   * @param patience - how long it will wait before leaving (default Infinity)
   * @returns a ticket for {@link Team.withdraw} if the entity waits, -1 if it started at once
   */
  arrive(entity: number, serviceTime: number, tag = 0, priority = 0, patience = Infinity): number {
    if (!(serviceTime >= 0) || serviceTime === Infinity) throw this.badInput("serviceTime", "finite and ≥ 0", serviceTime);
    const now = this.sim.now;
    const st = this.statistics;
    st.update(now, this.line.length, this.working);
    st.arrivals++;
    if (this.freeCount > 0 && this.line.length === 0) {
      const pos = this.openFreeServer();
      if (pos >= 0) {
        this.nextService = serviceTime;
        this.nextWaited = 0;
        this.start(this.takeFree(pos), entity, tag);
        return -1;
      }
    }
    const slot = this.line.add(entity, serviceTime, tag, priority, now);
    const ticket = this.line.ticket(slot);
    if (patience !== Infinity) this.watchPatience(slot, ticket, patience);
    st.noteQueue(this.line.length);
    if (this.freeCount > 0) this.ensureWake();
    return ticket;
  }

  /**
   * Takes a waiting entity out of the line without calling any hook (for example because
   * it was served somewhere else).
   *
   * @param ticket - the value returned by {@link Team.arrive}
   * @returns true if it was still waiting
   */
  withdraw(ticket: number): boolean {
    if (ticket < 0) return false;
    const slot = this.line.slotOf(ticket);
    if (slot < 0) return false;
    this.statistics.update(this.sim.now, this.line.length, this.working);
    this.sim.cancel(this.line.renegeId(slot));
    this.line.remove(slot);
    this.line.release(slot);
    return true;
  }

  /**
   * Marks server `server` absent (true) or back (false) from now on: sickness, holidays.
   *
   * - An absent server takes no new work. A free server leaves at once; a busy one finishes
   *   the piece of work in hand (its `done` hook fires as usual) and then stays away.
   * - A server that comes back is free again and starts waiting work at once if its own hours
   *   are open, otherwise at its next opening.
   * - Marking an absent server absent, or a present one back, does nothing.
   * - Statistics: its open time while absent is not capacity ({@link TeamStats.absentTime});
   *   work it does while absent counts as overtime ({@link TeamStats.overtime}).
   *
   * Absence needs the "finish" closing rule (the default).
   *
   * @param server - the server's index, 0 to servers − 1 (as handed to the hooks)
   * @param absent - true: absent from now on; false: back from now on
   * @throws RangeError for an index that is not a server's, or on a team with the "pause" rule
   *
   * @example
   * ```ts
   * const sim = new Simulation();
   * const desk = new Team(sim, { servers: 2 }, { done: () => {} });
   * desk.setAbsent(1, true); // server 1 is off sick
   * desk.arrive(1, 10); // server 0 takes it
   * desk.arrive(2, 10); // waits: nobody else is in
   * sim.schedule(4, () => desk.setAbsent(1, false)); // back at 4: starts entity 2
   * sim.run();
   * sim.now; //=> 14
   * desk.stats().absentTime; //=> 4
   * desk.stats().capacityTime; //=> 24 (2 × 14 − 4)
   * ```
   */
  setAbsent(server: number, absent: boolean): void {
    if (!Number.isInteger(server) || server < 0 || server >= this.servers) {
      throw new RangeError(`server of team "${this.name}" must be an integer from 0 to ${this.servers - 1}, got ${server}`);
    }
    if (this.pause) throw new RangeError(`team "${this.name}": absence needs the "finish" closing rule, not "pause"`);
    if ((this.sAbsent[server] === 1) === absent) return;
    const now = this.sim.now;
    const st = this.statistics;
    st.update(now, this.line.length, this.working);
    const busy = this.sBusy[server] === 1;
    if (absent) {
      this.sAbsent[server] = 1;
      this.absentCount++;
      st.absenceStarted(server, now, busy);
      if (!busy) {
        // leaves the free stack
        const p = this.freePos[server] as number;
        if (p >= 0) this.takeFree(p);
      }
      return;
    }
    this.sAbsent[server] = 0;
    this.absentCount--;
    st.absenceEnded(server, now, busy);
    if (busy) return; // it goes back to the free stack when its work in hand is done
    this.pushFree(server);
    this.startWaiting(); // starts waiting work, or plans a wake for the server's opening
  }

  /**
   * Whether server `server` is absent now ({@link Team.setAbsent}); false for an index that
   * is not a server's.
   *
   * @param server - the server's index, 0 to servers − 1
   */
  isAbsent(server: number): boolean {
    return this.sAbsent[server] === 1;
  }

  /**
   * Whether someone is at work now: the team is open and at least one server whose own hours
   * are open is not absent ({@link Team.setAbsent}). With nobody absent this is
   * {@link Team.isOpen}.
   *
   * @example
   * ```ts
   * const sim = new Simulation();
   * const desk = new Team(sim, { servers: 1 }, { done: () => {} });
   * desk.setAbsent(0, true);
   * [desk.isOpen(), desk.isStaffed()]; //=> [true, false]
   * ```
   */
  isStaffed(): boolean {
    if (!this.isOpen()) return false;
    if (this.absentCount === 0) return true;
    const now = this.sim.now;
    for (let k = 0; k < this.servers; k++) {
      if (this.sAbsent[k] === 0 && (this.uniformHours || (this.serverHours[k] as WeeklyCalendar).isOpen(now))) return true;
    }
    return false;
  }

  /** Statistics since the start or the last {@link Team.resetStats}, at the current time. */
  stats(): TeamStats {
    return this.statistics.snapshot(this.sim.now, this.name, this.line.length, this.working);
  }

  /**
   * The same statistics as {@link Team.stats}, read without touching the running sums, so that
   * looking at them (say, at the end of every week) leaves every later figure bit for bit as it
   * would have been.
   */
  peekStats(): TeamStats {
    return this.statistics.peek(this.sim.now, this.name, this.line.length, this.working);
  }

  /**
   * Busy time, available time (capacity + overtime), the queue's time-integral and the time
   * elapsed since the start or the last {@link Team.resetStats}, written to `out[at…at+3]`,
   * read like {@link Team.peekStats} without touching the running sums.
   */
  peekSums(out: Float64Array, at: number): void {
    this.statistics.sumsInto(this.sim.now, this.line.length, this.working, out, at);
  }

  /** Restarts the statistics at the current time (for a warm-up period). */
  resetStats(): void {
    this.statistics.reset(this.sim.now, this.line.length, this.working);
  }

  /** Puts a server on top of the free stack. */
  private pushFree(server: number): void {
    this.freePos[server] = this.freeCount;
    this.freeServers[this.freeCount++] = server;
  }

  /** Takes the server at position `pos` off the free stack (the top one fills the gap); returns it. */
  private takeFree(pos: number): number {
    const server = this.freeServers[pos] as number;
    const last = this.freeServers[--this.freeCount] as number;
    this.freeServers[pos] = last;
    this.freePos[last] = pos;
    this.freePos[server] = -1;
    return server;
  }

  /** The error for a bad argument of {@link Team.arrive} (out of line, so that V8 inlines `arrive` more). */
  private badInput(name: string, expected: string, value: number): RangeError {
    return new RangeError(`${name} at team "${this.name}" must be ${expected}, got ${value}`);
  }

  /** Plans the renege of a waiting entry when its patience runs out (out of line, as {@link Team.badInput}). */
  private watchPatience(slot: number, ticket: number, patience: number): void {
    if (!(patience >= 0)) throw this.badInput("patience", "≥ 0", patience);
    this.line.setRenegeId(slot, this.sim.schedule(patience, this.onRenege, ticket));
  }

  /** Position in the free stack of a free server whose hours are open now, or -1. */
  private openFreeServer(): number {
    if (this.uniformHours) return this.isOpen() ? this.freeCount - 1 : -1;
    return this.openFreeServerOwnHours();
  }

  /** {@link Team.openFreeServer} for servers with hours of their own. */
  private openFreeServerOwnHours(): number {
    const now = this.sim.now;
    for (let p = this.freeCount - 1; p >= 0; p--) {
      if ((this.serverHours[this.freeServers[p] as number] as WeeklyCalendar).isOpen(now)) return p;
    }
    return -1;
  }

  /**
   * Sets `server` (off the free stack) to work on an entity, for {@link Team.nextService} after a
   * wait of {@link Team.nextWaited}, which the caller has just set.
   */
  private start(server: number, entity: number, tag: number): void {
    const serviceTime = this.nextService;
    const waited = this.nextWaited;
    this.sBusy[server] = 1;
    this.working++;
    this.sEntity[server] = entity;
    this.sTag[server] = tag;
    this.sEnd[server] = this.sim.now + serviceTime;
    this.sEvent[server] = this.sim.schedule(serviceTime, this.onComplete, server);
    this.statistics.noteStart(waited);
    if (this.pause && !this.alwaysOpen) this.ensureCloseWatch();
    const started = this.startedHook;
    if (started !== undefined) started(entity, tag, waited, server);
  }

  private complete(server: number): void {
    const now = this.sim.now;
    const st = this.statistics;
    st.update(now, this.line.length, this.working);
    st.completed++;
    this.working--;
    this.sBusy[server] = 0;
    this.sEvent[server] = -1;
    const entity = this.sEntity[server] as number;
    const tag = this.sTag[server] as number;
    if (this.line.length > 0 && this.absentCount === 0 && this.uniformHours && this.isOpen()) {
      // the freed server would go on top of the free stack and be the first one taken: it
      // takes the next entry at once (then any other free server takes the following ones)
      this.startNext(server);
      if (this.freeCount > 0) this.startWaiting();
    } else this.freeServer(server);
    this.doneHook(entity, tag, server);
  }

  /** A server's work is done and nobody waiting starts on it at once: it goes back to the free stack (unless absent), and waiting work starts where it can. */
  private freeServer(server: number): void {
    if (this.absentCount === 0 || this.sAbsent[server] === 0) this.pushFree(server);
    else this.statistics.absentServerDone(); // absent: finished the work in hand, takes no more
    this.startWaiting();
  }

  /** Starts waiting entries on free servers whose hours are open, or plans a wake for the next opening. */
  private startWaiting(): void {
    if (this.line.length === 0) return;
    while (this.freeCount > 0 && this.line.length > 0) {
      const pos = this.openFreeServer();
      if (pos < 0) {
        this.ensureWake();
        return;
      }
      this.startNext(this.takeFree(pos));
    }
  }

  /**
   * Takes the next entry of the (non-empty) line and starts it on `server`. It reads the clock
   * itself: passed as an argument where V8 does not inline this, the time was boxed.
   */
  private startNext(server: number): void {
    const now = this.sim.now;
    const line = this.line;
    const slot = line.take();
    const renegeId = line.renegeId(slot);
    if (renegeId >= 0) this.sim.cancel(renegeId);
    this.nextService = line.service(slot);
    this.nextWaited = now - line.time(slot);
    this.start(server, line.entity(slot), line.tag(slot));
  }

  private renege(ticket: number): void {
    const slot = this.line.slotOf(ticket);
    if (slot < 0) return;
    const now = this.sim.now;
    this.statistics.update(now, this.line.length, this.working);
    const entity = this.line.entity(slot);
    const tag = this.line.tag(slot);
    const waited = now - this.line.time(slot);
    this.line.remove(slot);
    this.line.release(slot);
    this.statistics.noteRenege(waited);
    const reneged = this.renegedHook;
    if (reneged !== undefined) reneged(entity, tag, waited);
  }

  private ensureWake(): void {
    // with one calendar for all, a pending wake is at the next opening already
    if (this.wakePending && this.uniformHours) return;
    const at = this.nextServerOpening();
    if (at === Infinity) return;
    if (this.wakePending) {
      // servers on different hours: a server freed after the wake was planned may open sooner
      if (at >= this.wakeAt) return;
      this.sim.cancel(this.wakeId);
    }
    this.wakePending = true;
    this.wakeAt = at;
    // priority -1: a team that opens at t starts work before events scheduled for t
    this.wakeId = this.sim.scheduleAt(at, this.onWake, 0, -1);
  }

  /** The next time a free server's hours open (now if one is open). */
  private nextServerOpening(): number {
    const now = this.sim.now;
    if (this.uniformHours) return this.openingHours.nextOpening(now);
    let at = Infinity;
    for (let p = 0; p < this.freeCount; p++) {
      at = Math.min(at, (this.serverHours[this.freeServers[p] as number] as WeeklyCalendar).nextOpening(now));
    }
    return at;
  }

  private wake(): void {
    this.wakePending = false;
    this.wakeAt = Infinity;
    const closed = this.uniformHours ? !this.isOpen() : this.openFreeServer() < 0;
    if (closed) {
      this.ensureWake();
      return;
    }
    this.statistics.update(this.sim.now, this.line.length, this.working);
    if (this.paused > 0) this.resumePaused();
    this.startWaiting();
  }

  private ensureCloseWatch(): void {
    if (this.closePending) return;
    const at = this.openingHours.nextClosing(this.sim.now);
    if (at === Infinity || at === this.sim.now) return;
    this.closePending = true;
    // priority 1: services that end exactly at closing time complete first
    this.sim.scheduleAt(at, this.onClose, 0, 1);
  }

  private close(): void {
    this.closePending = false;
    const now = this.sim.now;
    if (this.isOpen()) {
      if (this.working > 0) this.ensureCloseWatch();
      return;
    }
    this.statistics.update(now, this.line.length, this.working);
    for (let s = 0; s < this.servers; s++) {
      const id = this.sEvent[s] as number;
      if (id < 0) continue;
      this.sim.cancel(id);
      this.sEvent[s] = -1;
      this.sRemaining[s] = (this.sEnd[s] as number) - now;
      this.sBusy[s] = 0;
      this.working--;
      this.paused++;
    }
    if (this.paused > 0) this.ensureWake();
  }

  private resumePaused(): void {
    const now = this.sim.now;
    for (let s = 0; s < this.servers; s++) {
      const remaining = this.sRemaining[s] as number;
      if (remaining < 0) continue;
      this.sRemaining[s] = -1;
      this.sEnd[s] = now + remaining;
      this.sEvent[s] = this.sim.schedule(remaining, this.onComplete, s);
      this.sBusy[s] = 1;
      this.working++;
      this.paused--;
    }
    this.ensureCloseWatch();
  }
}
