/**
 * The statistics of a team of personal case owners: each owner is a one-person engine team
 * with a line of their own, and the planned team's figures are theirs put together.
 *
 * @packageDocumentation
 */
import type { TeamStats } from "../engine/index.js";

/**
 * Puts the statistics of a team's people (one-person teams) together: counts, times and
 * time-averages add up; means of waits are weighted by the services started; utilisation is
 * recomputed from the sums; the open time is the whole team's (`whole`, the union of the
 * people's hours). The largest queue is the sum of the people's largest (an upper bound of the
 * team's: their peaks need not coincide).
 *
 * @param name - the team's name
 * @param whole - the statistics of an engine team with the people's hours and no work (for the open time)
 * @param parts - the people's statistics
 * @returns the team's statistics
 * @example
 * ```ts
 * // internal: mergeTeamStats("case owners", team.stats(), persons.map((p) => p.stats()))
 * ```
 */
export function mergeTeamStats(name: string, whole: TeamStats, parts: readonly TeamStats[]): TeamStats {
  const sum = (f: (s: TeamStats) => number) => parts.reduce((a, s) => a + f(s), 0);
  const started = sum((s) => s.started);
  const left = sum((s) => s.started + s.reneged);
  const meanWait = started > 0 ? sum((s) => s.meanWait * s.started) / started : 0;
  // pooled variance: within-person variance plus the spread of the people's means
  const squares = sum((s) => (s.started > 1 ? s.waitVariance * (s.started - 1) : 0) + s.started * (s.meanWait - meanWait) ** 2);
  const busyTime = sum((s) => s.busyTime);
  const capacityTime = sum((s) => s.capacityTime);
  const overtime = sum((s) => s.overtime);
  const available = capacityTime + overtime;
  const extra: Record<string, number> = {};
  for (const [k, v] of Object.entries(whole)) {
    if (typeof v === "number" && !(k in MERGED)) extra[k] = sum((s) => (s as unknown as Record<string, number>)[k] ?? 0);
  }
  return {
    ...whole,
    ...extra,
    name,
    servers: sum((s) => s.servers),
    elapsed: whole.elapsed,
    openTime: whole.openTime,
    capacityTime,
    arrivals: sum((s) => s.arrivals),
    started,
    completed: sum((s) => s.completed),
    reneged: sum((s) => s.reneged),
    queueLength: sum((s) => s.queueLength),
    queueAtStart: sum((s) => s.queueAtStart),
    busy: sum((s) => s.busy),
    maxQueueLength: sum((s) => s.maxQueueLength),
    meanQueueLength: sum((s) => s.meanQueueLength),
    meanBusy: sum((s) => s.meanBusy),
    busyTime,
    overtime,
    utilisation: available > 0 ? Math.min(1, busyTime / available) : 0,
    meanWait,
    waitVariance: started > 1 ? squares / (started - 1) : 0,
    meanTimeInLine: left > 0 ? sum((s) => s.meanTimeInLine * (s.started + s.reneged)) / left : 0,
  };
}

/** Fields merged by a rule of their own above (every other number is summed). */
const MERGED: Readonly<Record<string, true>> = {
  servers: true, elapsed: true, openTime: true, capacityTime: true, arrivals: true, started: true, completed: true,
  reneged: true, queueLength: true, queueAtStart: true, busy: true, maxQueueLength: true, meanQueueLength: true,
  meanBusy: true, busyTime: true, overtime: true, utilisation: true, meanWait: true, waitVariance: true, meanTimeInLine: true,
};
