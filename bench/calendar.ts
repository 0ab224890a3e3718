/**
 * The event calendar's share of a model run, measured by replay: `npm run bench:calendar`
 * records every call a year of `soderhamn` makes to its EventCalendar (push with time and
 * priority, cancel, peek, fire; seed 1, one run per preset with the calendar's methods wrapped),
 * then replays that trace through a fresh EventCalendar with handlers that do nothing, ROUNDS
 * times (default 10), alternating with unwrapped runs of the same model. Per preset it prints
 * the trace's size, the fastest replay, the fastest model run and their ratio: the part of a run
 * that the calendar itself costs, and so the most a faster calendar could save. It also replays
 * the trace without the events that were cancelled (their pushes and cancels left out): what
 * the calendar would cost if timers that never fire never entered it.
 *
 * The replay drives the calendar through exactly the run's sequence of operations, without the
 * model's work in between, so a change to the calendar can be timed on its own, far more
 * steadily than a whole run on a shared machine (milliseconds of pure calendar work, alternated
 * with the runs so both see the same load). Every replay checks that the events fire in the
 * order the run fired them.
 */
import { EventCalendar, type EventHandler } from "../src/engine/eventCalendar.js";
import { loadScenario, policies, simulate } from "../src/index.js";

/** Operation codes of a trace: [code, a, b] triples. */
const PUSH = 0; // a = time, b = priority
const CANCEL = 1; // a = index of the push whose id is cancelled
const PEEK = 2;
const FIRE = 3;

interface Trace {
  readonly ops: Float64Array;
  readonly pushes: number;
  readonly cancels: number;
  readonly fires: number;
  /** The push index of each event fired, in firing order. */
  readonly fired: Int32Array;
}

type CalendarMethods = Pick<EventCalendar, "push" | "cancel" | "peekTime" | "fireTop">;

/** Records the calendar calls of one run (the prototype's methods wrapped, then restored). */
function record(run: () => void): Trace {
  const proto = EventCalendar.prototype as CalendarMethods;
  const original = { push: proto.push, cancel: proto.cancel, peekTime: proto.peekTime, fireTop: proto.fireTop };
  const ops: number[] = [];
  const pushOf = new Map<number, number>();
  const fired: number[] = [];
  let pushes = 0;
  let cancels = 0;
  proto.push = function (this: EventCalendar, time: number, priority: number, handler: EventHandler, payload: number) {
    const k = pushes++;
    ops.push(PUSH, time, priority);
    const id = original.push.call(this, time, priority, (p) => {
      fired.push(k);
      handler(p);
    }, payload);
    pushOf.set(id, k);
    return id;
  };
  proto.cancel = function (this: EventCalendar, id: number) {
    cancels++;
    ops.push(CANCEL, pushOf.get(id) ?? -1, 0);
    return original.cancel.call(this, id);
  };
  proto.peekTime = function (this: EventCalendar) {
    ops.push(PEEK, 0, 0);
    return original.peekTime.call(this);
  };
  proto.fireTop = function (this: EventCalendar) {
    ops.push(FIRE, 0, 0);
    original.fireTop.call(this);
  };
  try {
    run();
  } finally {
    Object.assign(proto, original);
  }
  return { ops: Float64Array.from(ops), pushes, cancels, fires: fired.length, fired: Int32Array.from(fired) };
}

/** The trace without the pushes that a cancel names, and without the cancels; the firing order is the same. */
function withoutCancelled(trace: Trace): Trace {
  const { ops } = trace;
  const named = new Set<number>();
  for (let i = 0; i < ops.length; i += 3) if (ops[i] === CANCEL && (ops[i + 1] as number) >= 0) named.add(ops[i + 1] as number);
  const kept: number[] = [];
  const index = new Int32Array(trace.pushes).fill(-1);
  let k = 0;
  let pushes = 0;
  for (let i = 0; i < ops.length; i += 3) {
    const op = ops[i];
    if (op === PUSH) {
      if (!named.has(k)) {
        index[k] = pushes++;
        kept.push(PUSH, ops[i + 1] as number, ops[i + 2] as number);
      }
      k++;
    } else if (op !== CANCEL) kept.push(op as number, 0, 0);
  }
  const fired = trace.fired.map((f) => index[f] as number);
  if (fired.some((f) => f < 0)) throw new Error("an event that fired was named by a cancel");
  return { ops: Float64Array.from(kept), pushes, cancels: 0, fires: trace.fires, fired };
}

/** Replays a trace through a new calendar; returns the milliseconds, after checking the firing order. */
function replay(trace: Trace): number {
  const { ops } = trace;
  const cal = new EventCalendar();
  const ids = new Float64Array(trace.pushes);
  const order = new Int32Array(trace.fires);
  let fires = 0;
  const handler: EventHandler = (k) => {
    order[fires++] = k;
  };
  let k = 0;
  const t0 = performance.now();
  for (let i = 0; i < ops.length; i += 3) {
    const op = ops[i];
    if (op === PUSH) {
      ids[k] = cal.push(ops[i + 1] as number, ops[i + 2] as number, handler, k);
      k++;
    } else if (op === CANCEL) {
      const j = ops[i + 1] as number;
      if (j >= 0) cal.cancel(ids[j] as number);
    } else if (op === PEEK) cal.peekTime();
    else cal.fireTop();
  }
  const ms = performance.now() - t0;
  for (let f = 0; f < trace.fires; f++) {
    if (order[f] !== trace.fired[f]) throw new Error(`the replay fired push ${order[f]} where the run fired push ${trace.fired[f]} (event ${f})`);
  }
  return ms;
}

const rounds = Math.max(1, Math.round(Number(process.env.ROUNDS ?? 10)));
const scenario = loadScenario("soderhamn");
for (const name of ["minutes", "whole"] as const) {
  const policy = policies[name];
  simulate(scenario, policy, { seed: 999 }); // warm the JIT
  const trace = record(() => simulate(scenario, policy, { seed: 1 }));
  const live = withoutCancelled(trace);
  let replayMs = Infinity;
  let liveMs = Infinity;
  let runMs = Infinity;
  for (let r = 0; r < rounds; r++) {
    replayMs = Math.min(replayMs, replay(trace));
    liveMs = Math.min(liveMs, replay(live));
    const t0 = performance.now();
    simulate(scenario, policy, { seed: 1 });
    runMs = Math.min(runMs, performance.now() - t0);
  }
  console.log(JSON.stringify({
    policy: name,
    rounds,
    pushes: trace.pushes,
    cancels: trace.cancels,
    fires: trace.fires,
    replayMs: Number(replayMs.toFixed(1)),
    runMs: Number(runMs.toFixed(1)),
    calendarShare: Number((replayMs / runMs).toFixed(3)),
    withoutCancelledMs: Number(liveMs.toFixed(1)),
    withoutCancelledShare: Number((liveMs / runMs).toFixed(3)),
  }));
}
