/**
 * The fuzz property: a mutated scenario file either loads or is refused with issues that name
 * where; the parser, `helhet validate` and `helhet run` never throw, print a stack trace or
 * NaN, and answer within the time limit. Shared by the quick test and the long one.
 */
import fc from "fast-check";
import { outcomeProblems, type FuzzRunner } from "./fuzzRunner.js";
import { mutatedFile, mutationArb, type Mutation } from "./mutate.js";

/** What a batch of fuzz cases did, for the report. */
export interface FuzzTally {
  cases: number;
  loaded: number;
  refused: number;
  cliRuns: number;
  timedOut: number;
  slowestMs: number;
}

/** A fresh tally. */
export function newFuzzTally(): FuzzTally {
  return { cases: 0, loaded: 0, refused: 0, cliRuns: 0, timedOut: 0, slowestMs: 0 };
}

/**
 * Checks one mutation through the runner.
 *
 * @returns the problems found (empty when the front door behaved), with the mutation's steps
 */
export async function fuzzOnce(runner: FuzzRunner, m: Mutation, tally: FuzzTally): Promise<string[]> {
  const file = mutatedFile(m);
  const o = await runner.check({ text: file.text, format: file.format, runCli: true });
  tally.cases++;
  tally.slowestMs = Math.max(tally.slowestMs, o.ms);
  if ("timedOut" in o) tally.timedOut++;
  if ("loaded" in o) {
    if (o.loaded) tally.loaded++;
    else tally.refused++;
    if (o.ran) tally.cliRuns++;
  }
  const problems = outcomeProblems(o);
  return problems.length === 0 ? [] : [...problems, `(mutation of ${file.base} as ${file.format}: ${file.steps.join("; ")})`];
}

/** The property for `fc.assert`. */
export function fuzzProperty(runner: FuzzRunner, tally: FuzzTally): fc.IAsyncProperty<[Mutation]> {
  return fc.asyncProperty(mutationArb, async (m) => {
    const problems = await fuzzOnce(runner, m, tally);
    if (problems.length > 0) throw new Error(problems.join("\n"));
  });
}
