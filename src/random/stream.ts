/**
 * Seeded random streams: one independent, reproducible generator per (seed, replication, name).
 *
 * @packageDocumentation
 */
import seedrandom from "seedrandom";
import { fail } from "./_validate.js";

/**
 * A source of uniform random numbers in [0, 1): call it, `rng()`. Every stream in helhet is
 * seedrandom's `alea` generator (Baagøe 2010), so the hot call site `rng()` only ever sees one
 * kind of function. Alea returns multiples of 2^-32, so `1 - rng()` is never 0.
 */
export type Rng = seedrandom.PRNG;

/**
 * The complete internal state of an alea stream: plain numbers, safe to `JSON.stringify`
 * (doubles round-trip exactly through JSON). Restore it with {@link restoreStream}.
 */
export interface StreamState {
  /** alea's carry. */
  readonly c: number;
  /** alea's lag-1 register. */
  readonly s0: number;
  /** alea's lag-2 register. */
  readonly s1: number;
  /** alea's lag-3 register. */
  readonly s2: number;
}

type StatefulAlea = seedrandom.StatefulPRNG<seedrandom.State.Alea>;

/**
 * Creates the named random stream for one replication of one experiment.
 *
 * **Derivation (part of the reproducibility contract).** The stream is
 * `seedrandom.alea("helhet:" + String(seed) + ":" + String(replication) + ":" + name)`,
 * created with `{ state: true }` so that it can be checkpointed with {@link streamState}.
 * For example `createStream(42, 0, "arrivals")` is alea seeded with `"helhet:42:0:arrivals"`.
 * Consequences:
 * - the same (seed, replication, name) gives the identical sequence on every machine;
 * - different names (or replications) give unrelated sequences, so each source of randomness
 *   (arrivals, work content, patience, ...) has its own stream, and two policies run with the
 *   same seed and replication see the same random numbers for each source (common random
 *   numbers), however differently they consume the other streams;
 * - a number seed and its decimal string are the same seed: `42` and `"42"` give one stream.
 *
 * A string seed may not contain `":"`, so that the seed string is unambiguous: the seed ends at
 * the first colon after the prefix, the replication is an integer, and the rest is the name
 * (which may itself contain colons, e.g. `"service:caseWork"`).
 *
 * @param seed - the experiment's master seed: a finite number, or a non-empty string without `":"`.
 * @param replication - replication index: an integer >= 0.
 * @param name - the stream's purpose, e.g. `"arrivals"`: a non-empty string.
 * @returns a seeded alea generator; `rng()` gives uniforms in [0, 1).
 * @throws {RangeError} if `seed`, `replication` or `name` is invalid (the message names it).
 * @example
 * const rng = createStream(42, 0, "arrivals");
 * const again = createStream(42, 0, "arrivals");
 * rng() === again(); //=> true
 */
export function createStream(seed: number | string, replication: number, name: string): Rng {
  if (typeof seed === "number") {
    if (!Number.isFinite(seed)) {
      fail("createStream", "seed", "a finite number or a non-empty string", seed);
    }
  } else if (typeof seed !== "string" || seed.length === 0 || seed.includes(":")) {
    fail("createStream", "seed", 'a finite number or a non-empty string without ":"', seed);
  }
  if (!Number.isSafeInteger(replication) || replication < 0) {
    fail("createStream", "replication", "an integer >= 0", replication);
  }
  if (typeof name !== "string" || name.length === 0) {
    fail("createStream", "name", "a non-empty string", name);
  }
  return seedrandom.alea(`helhet:${String(seed)}:${String(replication)}:${name}`, { state: true });
}

/**
 * Reads a stream's state (a checkpoint) without advancing it.
 *
 * @param rng - a stream made by {@link createStream} or {@link restoreStream}.
 * @returns a fresh plain object holding the full state.
 * @throws {TypeError} if `rng` was not made by `createStream` or `restoreStream`.
 * @example
 * const rng = createStream(1, 0, "work");
 * const saved = streamState(rng);
 * const first = rng();
 * restoreStream(saved)() === first; //=> true
 */
export function streamState(rng: Rng): StreamState {
  const state = (rng as Partial<StatefulAlea>).state;
  if (typeof state !== "function") {
    throw new TypeError(
      "streamState: rng must be a stream made by createStream or restoreStream; it has no state()",
    );
  }
  const s = state.call(rng);
  return { c: s.c, s0: s.s0, s1: s.s1, s2: s.s2 };
}

/**
 * Recreates a stream from a saved state: the new stream continues exactly where the saved one
 * was when {@link streamState} was called. The saved object is copied, never kept.
 *
 * @param state - a state from {@link streamState} (possibly after a JSON round trip).
 * @returns an alea generator in that state, itself checkpointable.
 * @throws {RangeError} if `state` is not an object with finite numbers `c`, `s0`, `s1`, `s2`.
 * @example
 * const rng = createStream("exp1", 3, "patience");
 * const copy = restoreStream(JSON.parse(JSON.stringify(streamState(rng))));
 * copy() === rng(); //=> true
 */
export function restoreStream(state: StreamState): Rng {
  if (typeof state !== "object" || state === null) {
    fail("restoreStream", "state", "an object {c, s0, s1, s2} from streamState", state);
  }
  for (const key of ["c", "s0", "s1", "s2"] as const) {
    const v: unknown = state[key];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      fail("restoreStream", `state.${key}`, "a finite number", v);
    }
  }
  const copy = { c: state.c, s0: state.s0, s1: state.s1, s2: state.s2 };
  return seedrandom.alea("", { state: copy });
}
