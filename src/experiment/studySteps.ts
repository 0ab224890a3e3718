/**
 * Studies that run many comparisons (`sensitivity`, `winnerMap`) are written once, as steps:
 * a generator that yields each batch of comparisons it needs and receives them, in the same
 * order, before it decides the next batch (a bisection needs the ends first). The serial driver
 * here runs a batch with `compare`, one comparison after the other; `helhet/node` runs a batch's
 * replications on worker threads. A comparison is the same whoever runs it (each replication
 * depends only on seed, replication index and stream name), so the study is too.
 *
 * @packageDocumentation
 */
import type { Policy } from "../policy/index.js";
import type { Scenario } from "../scenario/index.js";
import { compare, type CompareOptions } from "./compare.js";
import type { Comparison } from "./comparison.js";

/** A comparison a study asks for: the policies on the scenario, with the study's options. */
export interface ComparisonRequest {
  readonly scenario: Scenario;
  readonly policies: readonly Policy[];
}

/**
 * A study as steps: it yields batches of comparisons and receives each batch's Comparisons
 * (run with `warnings: []` and no series), in the order asked, and returns the study.
 */
export type StudySteps<T> = Generator<readonly ComparisonRequest[], T, readonly Comparison[]>;

/** What a study's steps need to know before they start: its upper bound of comparisons, for progress. */
export interface StudyRun<T> {
  /** The steps. */
  readonly steps: StudySteps<T>;
  /** Comparisons the study runs at most (a bisection may stop early). */
  readonly comparisons: number;
  /** Replications of each comparison. */
  readonly replications: number;
}

/**
 * Runs a study's steps in the calling thread: each comparison with `compare`, with progress
 * counted in replication runs (comparisons × replications × policies) up to the study's bound.
 *
 * @param run - the study's steps and bounds
 * @param options - the comparisons' options (replications, seed, window, `allowLarge`) and `onProgress`
 * @returns the study
 * @example
 * ```ts
 * const study = runStudySteps(sensitivityRun(loadScenario("teaching"), [policies.minutes, policies.whole], { replications: 3 }), { replications: 3 });
 * ```
 */
export function runStudySteps<T>(run: StudyRun<T>, options: Omit<CompareOptions, "series" | "warnings" | "onWarning">): T {
  const { onProgress, ...compareOptions } = options;
  let done = 0;
  let total = run.comparisons * run.replications * 2;
  const step = (n: number) => {
    done += n;
    // a study that asks for more than it said still counts up
    total = Math.max(total, done);
    onProgress?.(done, total);
  };
  let next = run.steps.next([]);
  while (next.done !== true) {
    const batch = next.value;
    const comparisons = batch.map((r) => {
      let last = 0;
      return compare(r.scenario, r.policies, {
        ...compareOptions,
        series: false,
        warnings: [],
        onProgress: (d) => {
          step(d - last);
          last = d;
        },
      });
    });
    next = run.steps.next(comparisons);
  }
  onProgress?.(total, total);
  return next.value;
}
