import { primeFractions } from "./shape.js";
import { EventCalendar, type EventHandler, type EventId } from "./eventCalendar.js";

/** Options for {@link Simulation.run}. */
export interface RunOptions {
  /**
   * Stop before the first event later than this time. Unless `maxEvents` stopped the run
   * first, the clock is then set to `until` (also when the calendar ran empty before it).
   */
  readonly until?: number;
  /** Stop after this many events have fired (counted over this call only). */
  readonly maxEvents?: number;
  /**
   * Called after every event with the time, for traces and determinism checks. Leave it out
   * in production runs: the loop without it is faster.
   */
  readonly trace?: (time: number, eventNumber: number) => void;
}

/** Why {@link Simulation.run} returned. */
export type StopReason = "empty" | "until" | "maxEvents" | "stopped";

/** What {@link Simulation.run} reports. */
export interface RunReport {
  readonly reason: StopReason;
  /** Events fired during this call. */
  readonly events: number;
  /** The clock when the call returned. */
  readonly now: number;
}

/**
 * The simulation clock and its event calendar: schedule, cancel, run.
 *
 * Time is a plain number; the library uses minutes, but the engine does not care. Events at
 * the same time fire in order of priority (lower first), then of scheduling.
 *
 * @example
 * ```ts
 * const sim = new Simulation();
 * const log: string[] = [];
 * sim.schedule(10, () => log.push(`late at ${sim.now}`));
 * sim.schedule(5, () => log.push(`early at ${sim.now}`));
 * sim.run({ until: 60 });
 * log; //=> ["early at 5", "late at 10"]
 * sim.now; //=> 60
 * ```
 */
export class Simulation {
  private readonly calendar: EventCalendar;
  private clock = 0;
  private fired = 0;
  private stopRequested = false;

  /**
   * @param startTime - the clock's starting value (default 0)
   */
  constructor(startTime = 0) {
    if (!Number.isFinite(startTime)) {
      throw new RangeError(`startTime must be a finite number, got ${startTime}`);
    }
    this.clock = startTime;
    this.calendar = new EventCalendar();
    primeFractions(this, ["clock"]);
  }

  /** The current simulation time. */
  get now(): number {
    return this.clock;
  }

  /** Total events fired since the simulation was created. */
  get eventsFired(): number {
    return this.fired;
  }

  /** Number of events still to fire. */
  get pending(): number {
    return this.calendar.pending;
  }

  /**
   * Schedules `handler(payload)` to run `delay` time units from now.
   *
   * @param delay - ≥ 0; `Infinity` means never (nothing is scheduled, and -1 is returned)
   * @param handler - the function to run
   * @param payload - a number handed to the handler (an entity id, an index, ...)
   * @param priority - tie-break among simultaneous events: lower fires first (default 0); an
   *   integer from -2048 to 2047
   * @returns an id for {@link Simulation.cancel}
   * @throws RangeError if delay is negative or NaN, or the priority out of range
   */
  schedule(delay: number, handler: EventHandler, payload = 0, priority = 0): EventId {
    if (!(delay >= 0)) throw badDelay(delay);
    if (delay === Infinity) return -1;
    // the time goes through a field, not as an argument (see EventCalendar.pushNext)
    const cal = this.calendar;
    cal.nextTime = this.clock + delay;
    return cal.pushNext(priority, handler, payload);
  }

  /**
   * Schedules `handler(payload)` at an absolute time (not before now).
   *
   * @param time - ≥ now; `Infinity` means never (returns -1)
   * @param handler - the function to run
   * @param payload - a number handed to the handler
   * @param priority - tie-break among simultaneous events: lower fires first; an integer from
   *   -2048 to 2047
   * @returns an id for {@link Simulation.cancel}
   * @throws RangeError if time is before now or NaN, or the priority out of range
   */
  scheduleAt(time: number, handler: EventHandler, payload = 0, priority = 0): EventId {
    if (!(time >= this.clock)) throw badTime(time, this.clock);
    if (time === Infinity) return -1;
    const cal = this.calendar;
    cal.nextTime = time;
    return cal.pushNext(priority, handler, payload);
  }

  /**
   * Cancels a scheduled event.
   *
   * @param id - an id from `schedule` or `scheduleAt`
   * @returns true if the event was pending and is now cancelled
   */
  cancel(id: EventId): boolean {
    if (id < 0) return false;
    return this.calendar.cancel(id);
  }

  /**
   * Asks a running {@link Simulation.run} to return after the current event (reason "stopped").
   * The clock stays at the current event's time.
   *
   * @example
   * ```ts
   * const sim = new Simulation();
   * const tick = () => { if (sim.now >= 3) sim.stop(); else sim.schedule(1, tick); };
   * sim.schedule(0, tick);
   * sim.run({ until: 100 }).reason; //=> "stopped"
   * sim.now; //=> 3
   * ```
   */
  stop(): void {
    this.stopRequested = true;
  }

  /**
   * Fires events in order until the calendar is empty, the next event is later than
   * `until`, or `maxEvents` have fired.
   *
   * @param options - stopping rules and an optional trace callback
   * @returns why it stopped, how many events fired and the clock
   */
  run(options: RunOptions = {}): RunReport {
    const until = options.until ?? Infinity;
    const maxEvents = options.maxEvents ?? Infinity;
    if (!(until >= this.clock)) throw new RangeError(`until must be ≥ now (${this.clock}), got ${until}`);
    if (!(maxEvents >= 0)) throw new RangeError(`maxEvents must be ≥ 0, got ${maxEvents}`);
    const cal = this.calendar;
    const trace = options.trace;
    let events = 0;
    let reason: StopReason = "empty";
    this.stopRequested = false;
    // events due at or before `last` fire: one comparison stops at `until` and at the end (an
    // event due at infinity never fires: the calendar reports that time when it is empty)
    const last = until === Infinity ? Number.MAX_VALUE : until;
    for (;;) {
      if (events >= maxEvents) {
        reason = "maxEvents";
        break;
      }
      const next = cal.peekTime();
      if (!(next <= last)) {
        if (next !== Infinity) reason = "until";
        break;
      }
      this.clock = next;
      cal.fireTop();
      events++;
      if (trace !== undefined) trace(this.clock, this.fired + events);
      if (this.stopRequested) {
        reason = "stopped";
        break;
      }
    }
    this.fired += events;
    this.stopRequested = false;
    if ((reason === "until" || reason === "empty") && until !== Infinity) this.clock = until;
    return { reason, events, now: this.clock };
  }
}

/** The error for a bad delay (out of line, so that V8 inlines `schedule` into its callers more). */
function badDelay(delay: number): RangeError {
  return new RangeError(`delay must be ≥ 0, got ${delay}`);
}

/** The error for a time before now (out of line, as {@link badDelay}). */
function badTime(time: number, now: number): RangeError {
  return new RangeError(`time must be ≥ now (${now}), got ${time}`);
}
