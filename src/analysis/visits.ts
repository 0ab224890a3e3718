/**
 * Visits per need to the stations of a service's routing chain: the traffic equations solved
 * station by station in topological order, and the rare loops among them by LU decomposition
 * (mathjs `lusolve`). Used by the load analysis (offeredLoad.ts).
 *
 * @packageDocumentation
 */
import { create, lusolveDependencies, type FactoryFunctionMap } from "mathjs";

// Only the LU solver, for a small bundle. (The typings say `*Dependencies` may be undefined; it never is.)
const math = create({ lusolveDependencies: lusolveDependencies as FactoryFunctionMap });

/**
 * Visits per need: the traffic equations v = γ + Rᵀv, i.e. (I − Rᵀ)v = γ, solved in time
 * linear in the stations and moves. A service's routing is a chain of stations whose only
 * loops are rework self-loops (a step redone with its failure probability), so taken in
 * topological order (Kahn's algorithm) each station's visits are
 * v = (γ + Σ over moves in of p × v_from) ÷ (1 − p_self). Should a routing ever have a longer
 * loop, the stations on or after it are solved together by LU decomposition (mathjs
 * `lusolve`), as every chain was before: cubic in their number, so only such loops pay for it.
 *
 * @param entry - γ: where a need enters, per station (its length is the number of stations)
 * @param moves - [from, to, probability]; from === to is a self-loop
 * @returns the mean visits per need of every station (negative rounding clamped to 0)
 * @example
 * ```ts
 * solveVisits([1, 0], [[0, 1, 1], [1, 1, 0.2]]); //=> [1, 1.25]
 * ```
 */
export function solveVisits(entry: readonly number[], moves: readonly (readonly [number, number, number])[]): number[] {
  const n = entry.length;
  const inflow = [...entry];
  const self = new Array<number>(n).fill(0);
  const waiting = new Array<number>(n).fill(0);
  const out: [number, number][][] = Array.from({ length: n }, () => []);
  for (const [from, to, p] of moves) {
    if (from === to) self[to]! += p;
    else {
      out[from]!.push([to, p]);
      waiting[to]!++;
    }
  }
  const visits = new Array<number>(n).fill(0);
  const ready: number[] = [];
  for (let i = 0; i < n; i++) if (waiting[i] === 0) ready.push(i);
  for (let k = 0; k < ready.length; k++) {
    const i = ready[k]!;
    const v = inflow[i]! / (1 - self[i]!);
    visits[i] = v;
    for (const [to, p] of out[i]!) {
      inflow[to]! += p * v;
      if (--waiting[to]! === 0) ready.push(to);
    }
  }
  if (ready.length < n) solveLoops(moves, visits, inflow, waiting);
  // (I − Rᵀ)⁻¹ = Σₙ (Rᵀ)ⁿ ≥ 0, so a negative visit count can only be rounding
  return visits.map((v) => Math.max(0, v));
}

/** The stations on or after a loop (still `waiting`), solved together by LU with what flows in from the rest. */
function solveLoops(moves: readonly (readonly [number, number, number])[], visits: number[], inflow: readonly number[], waiting: readonly number[]): void {
  const rest = waiting.flatMap((w, i) => (w > 0 ? [i] : []));
  const at = new Map(rest.map((i, k) => [i, k]));
  const a = rest.map((_, j) => rest.map((__, i) => (i === j ? 1 : 0)));
  for (const [from, to, p] of moves) {
    const [f, t] = [at.get(from), at.get(to)];
    if (f !== undefined && t !== undefined) a[t]![f]! -= p;
  }
  const column = math.lusolve(a, rest.map((i) => inflow[i]!)) as number[][];
  rest.forEach((i, k) => (visits[i] = column[k]![0] as number));
}
