/**
 * Where two JSON values differ: each number that is not bit-identical (prefixed with "!" when
 * it is more than 1e-9 of its size apart), and anything else that differs (always "!").
 * Chromium's V8 may give other last bits than Node's for Math.log and the like, so results
 * computed in a browser are compared with this (test/browser).
 *
 * @param a - one value
 * @param b - the other
 * @param path - where they are ("" at the root)
 * @returns the differences, one line each
 * @example
 * ```ts
 * numbersApart({ x: 1 }, { x: 1 + 1e-15 }, ""); //=> [".x 1 1.000000000000001"]
 * ```
 */
export function numbersApart(a: unknown, b: unknown, path: string): string[] {
  if (typeof a === "number" && typeof b === "number") {
    if (Object.is(a, b)) return [];
    const close = Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
    return [`${close ? "" : "!"}${path} ${a} ${b}`];
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => numbersApart((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`));
  }
  return Object.is(a, b) ? [] : [`!${path} ${JSON.stringify(a)} ${JSON.stringify(b)}`];
}
