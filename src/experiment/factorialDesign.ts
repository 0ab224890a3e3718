/**
 * Two-level designs for a factorial study of design choices: the full factorial for up to five
 * factors, and for six to eleven the standard minimum-aberration 32-run fractional designs
 * (D. C. Montgomery (2017), Design and Analysis of Experiments, 9th ed., Table 8.14; G. E. P.
 * Box, J. S. Hunter and W. G. Hunter (2005), Statistics for Experimenters, 2nd ed., Table 6.22),
 * with their resolution, defining relation and the aliasing of two-factor interactions worked
 * out from the generators. Pure data and arithmetic.
 *
 * @packageDocumentation
 */

/** A two-level design: one row per cell, one column per factor, each entry −1 (low) or +1 (high). */
export interface TwoLevelDesign {
  /** Number of factors. */
  readonly factors: number;
  /** "full": every combination of levels; "fractional": a regular 2^(k−p) fraction. */
  readonly kind: "full" | "fractional";
  /** The factor letters in column order: A, B, C, … (I is skipped, as is usual). */
  readonly letters: readonly string[];
  /** The levels, cells × factors, in standard order of the base factors (A alternates fastest). */
  readonly matrix: readonly (readonly (-1 | 1)[])[];
  /**
   * The resolution: the length of the shortest word of the defining relation (4: main effects
   * are clear of two-factor interactions, which may be aliased with each other); null for a full
   * factorial, where nothing is aliased.
   */
  readonly resolution: number | null;
  /** The generators, e.g. `"F = BCDE"`: each generated factor is the product of base factors. */
  readonly generators: readonly string[];
  /** Every word of the defining relation, e.g. `"I = BCDEF"`, shortest first. */
  readonly definingRelation: readonly string[];
}

/** A two-factor interaction: the two factors' column indices, lower first. */
export type FactorPair = readonly [number, number];

/** A set of two-factor interactions whose columns are the same: one estimate serves them all. */
export interface AliasChain {
  /** The interactions, in the order of the factors (the first names the chain). */
  readonly pairs: readonly FactorPair[];
  /** The chain's ±1 column (the first interaction's): cells × 1. */
  readonly column: readonly (-1 | 1)[];
}

/** Letters of factors: A to L without I (11 factors at most). */
const LETTERS = ["A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L"] as const;

/**
 * Generators of the 32-run minimum-aberration designs (Montgomery 2017, Table 8.14), by number
 * of factors: the words of base factors A–E whose products give the factors after E.
 */
const GENERATORS: Readonly<Record<number, readonly string[]>> = {
  6: ["ABCDE"],
  7: ["ABCD", "ABDE"],
  8: ["ABC", "ABD", "BCDE"],
  9: ["BCDE", "ACDE", "ABDE", "ABCE"],
  10: ["ABCD", "ABCE", "ABDE", "ACDE", "BCDE"],
  11: ["ABC", "BCD", "CDE", "ACD", "ADE", "BDE"],
};

/**
 * Most factors a full factorial is used for (2^5 = 32 cells).
 *
 * @example
 * ```ts
 * twoLevelDesign(FULL_FACTORIAL_MAX).kind; //=> "full"
 * ```
 */
export const FULL_FACTORIAL_MAX = 5;

/**
 * Most factors {@link twoLevelDesign} has a design for.
 *
 * @example
 * ```ts
 * MAX_FACTORS; //=> 11
 * ```
 */
export const MAX_FACTORS = LETTERS.length;

/**
 * The two-level design for `k` factors: the full factorial for k ≤ 5 (2^k cells), else the
 * 32-run minimum-aberration fraction 2^(k−(k−5)) of resolution VI (k = 6) or IV (k = 7–11).
 *
 * @param k - the number of factors, 1 to 11
 * @returns the design
 * @throws RangeError for another number
 * @example
 * ```ts
 * const d = twoLevelDesign(9);
 * d.matrix.length; //=> 32
 * d.resolution; //=> 4
 * d.generators; //=> ["F = BCDE", "G = ACDE", "H = ABDE", "J = ABCE"]
 * ```
 */
export function twoLevelDesign(k: number): TwoLevelDesign {
  if (!Number.isInteger(k) || k < 1 || k > MAX_FACTORS) throw new RangeError(`a two-level design needs 1 to ${MAX_FACTORS} factors, got ${k}`);
  const words = k <= FULL_FACTORIAL_MAX ? [] : (GENERATORS[k] as readonly string[]);
  const base = k - words.length;
  const letters = LETTERS.slice(0, k);
  const matrix: (-1 | 1)[][] = [];
  for (let row = 0; row < 2 ** base; row++) {
    const levels: (-1 | 1)[] = [];
    for (let j = 0; j < base; j++) levels.push(((row >> j) & 1) === 1 ? 1 : -1);
    for (const w of words) levels.push([...w].reduce<-1 | 1>((x, l) => (x * (levels[LETTERS.indexOf(l as (typeof LETTERS)[number])] as number)) as -1 | 1, 1));
    matrix.push(levels);
  }
  const relation = definingWords(words.map((w, i) => `${w}${letters[base + i]}`));
  return {
    factors: k,
    kind: words.length === 0 ? "full" : "fractional",
    letters,
    matrix,
    resolution: relation.length === 0 ? null : (relation[0] as string).length,
    generators: words.map((w, i) => `${letters[base + i]} = ${w}`),
    definingRelation: relation.map((w) => `I = ${w}`),
  };
}

/** Every product of a non-empty subset of the generator words (letters that meet twice cancel), shortest first. */
function definingWords(words: readonly string[]): string[] {
  const out = new Set<string>();
  for (let subset = 1; subset < 2 ** words.length; subset++) {
    const count = new Map<string, number>();
    words.forEach((w, i) => {
      if (((subset >> i) & 1) === 1) for (const l of w) count.set(l, (count.get(l) ?? 0) + 1);
    });
    out.add([...count].filter(([, n]) => n % 2 === 1).map(([l]) => l).sort((a, b) => LETTERS.indexOf(a as never) - LETTERS.indexOf(b as never)).join(""));
  }
  return [...out].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The column of an effect: the product of its factors' columns (one factor: its main effect;
 * two: their interaction).
 *
 * @param design - the design
 * @param factors - column indices
 * @returns one ±1 per cell
 * @example
 * ```ts
 * effectColumn(twoLevelDesign(2), [0, 1]); //=> [1, -1, -1, 1]
 * ```
 */
export function effectColumn(design: TwoLevelDesign, factors: readonly number[]): (-1 | 1)[] {
  return design.matrix.map((row) => factors.reduce<-1 | 1>((x, j) => (x * (row[j] as number)) as -1 | 1, 1));
}

/**
 * The two-factor interactions that can be estimated, as alias chains: interactions whose
 * columns are equal (the design cannot tell them apart) form one chain with one estimate.
 * Interactions whose column is a main effect's (resolution III) are left out: they cannot be
 * told from that main effect. In a full factorial or a design of resolution V or more every
 * chain holds one interaction.
 *
 * @param design - the design
 * @returns the chains, in the order of their first interaction
 * @example
 * ```ts
 * interactionChains(twoLevelDesign(3)).length; //=> 3
 * interactionChains(twoLevelDesign(7)).some((c) => c.pairs.length > 1); //=> true
 * ```
 */
export function interactionChains(design: TwoLevelDesign): AliasChain[] {
  const key = (c: readonly number[]) => c.map((x) => (x > 0 ? "+" : "-")).join("");
  const mains = new Set(design.letters.map((_, j) => key(effectColumn(design, [j]))));
  const chains = new Map<string, { pairs: FactorPair[]; column: (-1 | 1)[] }>();
  for (let i = 0; i < design.factors; i++) {
    for (let j = i + 1; j < design.factors; j++) {
      const column = effectColumn(design, [i, j]);
      const k = key(column);
      if (mains.has(k)) continue;
      const chain = chains.get(k);
      if (chain === undefined) chains.set(k, { pairs: [[i, j]], column });
      else chain.pairs.push([i, j]);
    }
  }
  return [...chains.values()];
}
