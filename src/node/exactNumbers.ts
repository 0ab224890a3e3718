/**
 * Numbers that survive JSON exactly, and fingerprints of inputs: what shard files use so that
 * merged results are the ones a single run gives, and shards of edited inputs do not merge.
 *
 * @packageDocumentation
 */
import { createHash } from "node:crypto";

/**
 * SHA-256 of a canonical JSON form of a value (Maps, Sets and typed arrays included, special
 * numbers written as {@link encodeNumber} writes them).
 *
 * @param value - a scenario, a policy list, options
 * @returns `"sha256:"` and 64 hex digits
 * @example
 * ```ts
 * fingerprintOf({ a: 1 }) === fingerprintOf({ a: 1 }); //=> true
 * ```
 */
export function fingerprintOf(value: unknown): string {
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return { $map: [...v.entries()] };
    if (v instanceof Set) return { $set: [...v] };
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return { $typed: Array.from(v as unknown as ArrayLike<number>) };
    return typeof v === "number" ? encodeNumber(v) : v;
  });
  return `sha256:${createHash("sha256").update(json ?? "").digest("hex")}`;
}

/**
 * The number a special string written by {@link encodeNumber} stands for, or undefined.
 *
 * @param text - a string from a shard file
 * @returns NaN, ±Infinity or −0, or undefined for any other text
 * @example
 * ```ts
 * decodeNumber("-Infinity"); //=> -Infinity
 * decodeNumber("4 min"); //=> undefined
 * ```
 */
export function decodeNumber(text: string): number | undefined {
  switch (text) {
    case "NaN":
      return Number.NaN;
    case "Infinity":
      return Number.POSITIVE_INFINITY;
    case "-Infinity":
      return Number.NEGATIVE_INFINITY;
    case "-0":
      return -0;
    default:
      return undefined;
  }
}

/**
 * A number as JSON can keep it exactly: NaN, ±Infinity and −0 as the strings "NaN",
 * "Infinity", "-Infinity" and "-0", every other number as itself.
 *
 * @param x - the number
 * @returns the number or its string
 * @example
 * ```ts
 * encodeNumber(Number.NaN); //=> "NaN"
 * encodeNumber(2.5); //=> 2.5
 * ```
 */
export function encodeNumber(x: number): number | string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Number.POSITIVE_INFINITY) return "Infinity";
  if (x === Number.NEGATIVE_INFINITY) return "-Infinity";
  if (Object.is(x, -0)) return "-0";
  return x;
}
