/**
 * Codes of the timers a need can have pending (scheduled events that belong to it).
 *
 * @example
 * ```ts
 * Timer.chase; //=> 2
 * ```
 */
export const Timer = {
  /** The citizen makes a contact attempt (first, return, redial, report). */
  attempt: 0,
  /** Self-service meets the need. */
  selfServe: 1,
  /** The citizen chases progress (M9). */
  chase: 2,
  /** The citizen's answer to a request for information arrives (M4, M7). */
  response: 3,
  /** An external wait after a step is over. */
  external: 4,
  /** The citizen notices a defect left at closing (M10). */
  notice: 5,
  /** A proactive progress update is due. */
  update: 6,
  /** A batch inbox releases this task to its team (M6). */
  release: 7,
} as const;
