/**
 * Counter-based uniforms: the k-th number of an item is a hash of (the item's key, k), so any
 * number can be had without drawing the ones before it, and an item's key is derived from its
 * parent's key and its index by integer arithmetic, without hashing a string.
 *
 * helhet uses them for everything drawn about one citizen need: the need's key comes from its
 * service's key and its place among the service's arrivals, and each decision or delay has its
 * own counter. Only the numbers a need really uses are computed, and a need's numbers are the
 * same under every policy and on every thread (common random numbers).
 *
 * **The hash (an assumption of quality, tested, not proven).** `mix32` is Wellons' improved
 * "lowbias32" integer finaliser (C. Wellons, "Prospecting for hash functions", 2018; constants
 * 0x21f0aaad and 0x735a2d97, shifts 16, 15, 15), a bijection on 32-bit words with low avalanche
 * bias. A number is `mix32(mix32(k0 ^ k·0x9e3779b9) ^ k1) / 2^32`: two rounds, so numbers of one
 * item are distinct for distinct k, and a multiple of 2^-32 in [0, 1), like alea's (so
 * `1 - u` is never 0). Tests check uniformity, and the correlation of neighbouring counters and
 * neighbouring items.
 *
 * @packageDocumentation
 */
import { createStream } from "./stream.js";

const TWO_32 = 4294967296;

/**
 * Wellons' improved lowbias32 finaliser: a bijection on 32-bit words. Words are kept as
 * signed 32-bit integers (`x | 0`), which V8 holds unboxed; `w >>> 0` gives the unsigned value.
 *
 * @param x - a 32-bit word (any integer; only its low 32 bits count)
 * @returns the mixed word, a signed 32-bit integer
 * @example
 * ```ts
 * mix32(0); //=> 0
 * mix32(1) === mix32(1); //=> true
 * ```
 */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  return x ^ (x >>> 15);
}

/**
 * The counter-th uniform of the item with key words (k0, k1).
 *
 * @param k0 - the item's first key word
 * @param k1 - the item's second key word
 * @param counter - which number of the item: an integer in [0, 2^31)
 * @returns a uniform in [0, 1), a multiple of 2^-32
 * @example
 * ```ts
 * const { k0, k1 } = counterKey(42, 0, "needs:permit");
 * counterUniform(k0, k1, 3) === counterUniform(k0, k1, 3); //=> true
 * ```
 */
export function counterUniform(k0: number, k1: number, counter: number): number {
  return (counterWord(k0, k1, counter) >>> 0) / TWO_32;
}

/**
 * The word behind {@link counterUniform}: `counterUniform(k0, k1, counter)` is
 * `(counterWord(k0, k1, counter) >>> 0) / 2^32`. A signed 32-bit integer, which a function
 * compiled by V8 returns without allocating (a fraction returned from a call that is not inlined
 * is boxed), so hot callers divide it themselves.
 *
 * @param k0 - the item's first key word
 * @param k1 - the item's second key word
 * @param counter - which number of the item: an integer in [0, 2^31)
 * @returns the mixed word, a signed 32-bit integer
 * @example
 * ```ts
 * const { k0, k1 } = counterKey(42, 0, "needs:permit");
 * (counterWord(k0, k1, 3) >>> 0) / 2 ** 32 === counterUniform(k0, k1, 3); //=> true
 * ```
 */
export function counterWord(k0: number, k1: number, counter: number): number {
  return mix32(mix32(k0 ^ Math.imul(counter, 0x9e3779b9)) ^ k1);
}

/**
 * A key word of the index-th child of a parent key word: item `index` of a service's arrivals,
 * for example. Use it on both words of the parent (`childWord(k0, i)`, `childWord(k1, i)`).
 *
 * @param word - the parent's key word
 * @param index - the child's index: an integer in [0, 2^32)
 * @returns the child's key word (a signed 32-bit integer)
 * @example
 * ```ts
 * const { k0, k1 } = counterKey(1, 0, "needs:permit");
 * const child = [childWord(k0, 7), childWord(k1, 7)];
 * child[0] === childWord(k0, 7); //=> true
 * ```
 */
export function childWord(word: number, index: number): number {
  return mix32(word ^ mix32(Math.imul(index, 0x85ebca6b) ^ 0x5bd1e995));
}

/** The two 32-bit words that key a family of counter-based numbers (signed 32-bit integers). */
export interface CounterKey {
  /** First word. */
  readonly k0: number;
  /** Second word. */
  readonly k1: number;
}

/**
 * The key of the named counter-based family of one replication of one experiment.
 *
 * **Derivation (part of the reproducibility contract).** The words are the first two numbers of
 * `createStream(seed, replication, name)` (alea seeded with `"helhet:<seed>:<replication>:<name>"`)
 * times 2^32, as signed 32-bit integers. The string is hashed once per family, never per item.
 *
 * @param seed - the experiment's master seed: a finite number, or a non-empty string without `":"`
 * @param replication - replication index: an integer >= 0
 * @param name - the family's purpose, e.g. `"needs:permit"`: a non-empty string
 * @returns the key words
 * @throws {RangeError} if `seed`, `replication` or `name` is invalid (as for `createStream`; the message names it)
 * @example
 * ```ts
 * const a = counterKey(42, 0, "needs:permit");
 * const b = counterKey(42, 0, "needs:permit");
 * a.k0 === b.k0 && a.k1 === b.k1; //=> true
 * ```
 */
export function counterKey(seed: number | string, replication: number, name: string): CounterKey {
  const rng = createStream(seed, replication, name);
  return { k0: (rng() * TWO_32) | 0, k1: (rng() * TWO_32) | 0 };
}
