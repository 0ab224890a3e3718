/**
 * The checks of a run's options (`simulate`, and the experiments before they start): each bad
 * option is refused with a RangeError that names it, its value and what it takes, instead of a
 * TypeError from inside the model or a silently odd run.
 *
 * @packageDocumentation
 */
import { formatValue } from "../scenario/errors.js";

function refuse(name: string, value: unknown, expected: string): never {
  throw new RangeError(`${name} must be ${expected}, got ${formatValue(value)}`);
}

/**
 * Checks a master seed: a whole number (as the command line takes) or a non-empty text
 * without ":".
 *
 * @param seed - the seed (undefined: the default)
 * @throws RangeError naming the seed
 * @example
 * ```ts
 * checkSeed(42); // fine
 * checkSeed(1.5); //=> throws RangeError "seed must be a whole number or a non-empty text without \":\", got 1.5"
 * ```
 */
export function checkSeed(seed: unknown): void {
  if (seed === undefined || Number.isSafeInteger(seed)) return;
  if (typeof seed === "string" && seed.length > 0 && !seed.includes(":")) return;
  refuse("seed", seed, 'a whole number or a non-empty text without ":"');
}

/**
 * Checks that the options of a run are an object (or absent).
 *
 * @param options - the options argument
 * @param what - the function's name, for the message
 * @throws RangeError when they are something else
 * @example
 * ```ts
 * checkOptionsObject(null, "compare"); //=> throws RangeError "the options of compare must be an object such as { replications: 10 } (or left out), got null"
 * ```
 */
export function checkOptionsObject(options: unknown, what: string): void {
  if (options === undefined || (typeof options === "object" && options !== null && !Array.isArray(options))) return;
  refuse(`the options of ${what}`, options, "an object such as { replications: 10 } (or left out)");
}

/**
 * Checks the options of `simulate` that the time window does not cover: seed, replication,
 * journal, the open-needs limit, the run-cost options (maxEvents, allowLarge, onWarning) and the
 * what-if team's id.
 *
 * @param options - the options (already known to be an object or undefined)
 * @throws RangeError naming the first bad option
 * @example
 * ```ts
 * checkRunOptions({ journal: { every: -1 } }); //=> throws RangeError "journal.every must be a whole number ≥ 0 (0: no journal), got -1"
 * ```
 */
export function checkRunOptions(options: Readonly<Record<string, unknown>> | undefined): void {
  if (options === undefined) return;
  checkSeed(options["seed"]);
  const wholeAtLeast = (name: string, value: unknown, min: number, expected: string) => {
    if (value !== undefined && !(Number.isSafeInteger(value) && (value as number) >= min)) refuse(name, value, expected);
  };
  wholeAtLeast("replication", options["replication"], 0, "a whole number ≥ 0");
  wholeAtLeast("maxOpenNeeds", options["maxOpenNeeds"], 1, "a whole number ≥ 1");
  const journal = options["journal"];
  if (journal !== undefined) {
    if (typeof journal !== "object" || journal === null || Array.isArray(journal)) refuse("journal", journal, "an object { every, max }");
    wholeAtLeast("journal.every", (journal as Record<string, unknown>)["every"], 0, "a whole number ≥ 0 (0: no journal)");
    wholeAtLeast("journal.max", (journal as Record<string, unknown>)["max"], 0, "a whole number ≥ 0");
  }
  const maxEvents = options["maxEvents"];
  if (maxEvents !== undefined && !(typeof maxEvents === "number" && maxEvents >= 1)) refuse("maxEvents", maxEvents, "a number ≥ 1");
  const maxRecordBytes = options["maxRecordBytes"];
  if (maxRecordBytes !== undefined && !(typeof maxRecordBytes === "number" && maxRecordBytes >= 0)) refuse("maxRecordBytes", maxRecordBytes, "a number of bytes ≥ 0");
  const large = options["allowLarge"];
  if (large !== undefined && typeof large !== "boolean") refuse("allowLarge", large, "true or false");
  const onWarning = options["onWarning"];
  if (onWarning !== undefined && typeof onWarning !== "function") refuse("onWarning", onWarning, "a function of a message");
  const team = options["withoutFailuresAt"];
  if (team !== undefined && typeof team !== "string") refuse("withoutFailuresAt", team, "the id of a team of the scenario");
}
