/**
 * A piece of work in a team's line: a contact to handle, a case step, a consult, ... Tasks are
 * pooled; the engine sees only their index.
 *
 * @packageDocumentation
 */
import type { Need } from "./need.js";
import { primeFractions } from "../engine/shape.js";

/**
 * Where a task is.
 *
 * @example
 * ```ts
 * TaskState.waiting; //=> 1
 * ```
 */
export const TaskState = { free: 0, waiting: 1, working: 2 } as const;

/** The fields of {@link Task} that hold fractional numbers (minutes, times, ids past 2^31; see engine/shape.ts). */
const TASK_FRACTIONS = ["ticket", "minutes", "queuedAt", "wait", "event", "failureMinutes"] as const;

/**
 * One task. Fields are plain numbers (and the need) so V8 keeps one shape.
 *
 * @example
 * ```ts
 * new Task(3).id; //=> 3
 * ```
 */
export class Task {
  need: Need | null = null;
  /** The need's id when the task was made (the need object is pooled). */
  needId = 0;
  /** The need's generation when the task was made: a different one means the need is gone. */
  needGen = 0;
  /** The need's service index. */
  service = 0;
  /** For a failure-demand contact: the planned team where the failure or wait arose, or -1. */
  origin = -1;
  /** For a failure-demand contact: the mechanism that caused it (a `Cause` code); 0 for value demand. */
  cause = 0;
  /** A defect this work leaves in (a `Cause` code: a wrong answer), or 0. */
  defect = 0;
  /** For work at a team of personal case owners: the person whose line it is in, or -1. */
  person = -1;
  /** The engine's ticket while the task waits in a line (for taking it out), or -1. */
  ticket = -1;
  /** Task code. */
  kind = 0;
  /** Reason code (for contacts: why the citizen got in touch). */
  reason = 0;
  /** 1 if this is failure work. */
  failure = 0;
  /** Case step index, or -1. */
  step = -1;
  channel = 0;
  /** Planned team index. */
  team = 0;
  minutes = 0;
  queuedAt = 0;
  wait = 0;
  state = 0;
  /** 1 for the need's first contact. */
  first = 0;
  /** Outcome code decided for a contact. */
  outcome = 0;
  /** Timer code when the task stands for a scheduled event of its need. */
  timer = 0;
  /** Priority in the team's line (pulled expertise goes first). */
  priority = 0;
  /** The engine event of a timer, for cancelling. */
  event = -1;
  /** Of `minutes`, the part that is failure work when the task mixes both (e.g. a call-back that first recovers lost information). */
  failureMinutes = 0;

  /**
   * @param id - the task's index in the pool; the first task of a pool (0) settles the class's
   *   fractional fields for all tasks made after it (see engine/shape.ts)
   */
  constructor(readonly id: number) {
    if (id === 0) primeFractions(this, TASK_FRACTIONS);
  }
}
