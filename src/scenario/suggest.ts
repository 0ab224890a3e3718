/**
 * "Did you mean ...?" suggestions for misspelt keys, ids and names.
 *
 * @packageDocumentation
 */

/**
 * The candidate closest to `word`, if it is close enough to be a likely typo: equal ignoring
 * case, or equal after dropping a unit suffix ("horizonMinutes" → "horizon",
 * "misrouteMinutes" → "misrouteWork"), or within an edit distance (a swap of neighbours counts
 * as one edit) of a third of its length, rounded down, at most 3.
 *
 * @param word - what was written
 * @param candidates - what would have been accepted
 * @returns the best candidate, or undefined when none is close
 * @example
 * ```ts
 * closestMatch("chanelMix", ["channelMix", "steps"]); //=> "channelMix"
 * closestMatch("horizonMinutes", ["horizon", "warmup"]); //=> "horizon"
 * closestMatch("zzz", ["horizon"]); //=> undefined
 * ```
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  // a typo is short: a long value is not a misspelt name (and the search would cost its length)
  if (word.length > 64) return undefined;
  const lower = word.toLowerCase();
  const exact = candidates.find((c) => c.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  const stem = unitStem(word);
  const byStem = candidates.find((c) => unitStem(c) === stem);
  if (byStem !== undefined) return byStem;
  const limit = Math.min(3, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    // the distance is at least the difference in length: a candidate far longer (a team id of
    // 1,000,000 characters) cannot be within the limit, and its full distance costs seconds
    if (Math.abs(c.length - word.length) > limit) continue;
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/**
 * A "Did you mean ...?" sentence for {@link closestMatch}, or `""` when nothing is close.
 *
 * @param word - what was written
 * @param candidates - what would have been accepted
 * @returns e.g. `Did you mean "channelMix"?`
 * @example
 * ```ts
 * didYouMean("stafff", ["staff", "hours"]); //=> 'Did you mean "staff"?'
 * ```
 */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const m = closestMatch(word, candidates);
  return m === undefined ? "" : `Did you mean "${m}"?`;
}

/** Lower case without the unit words that the input format leaves out of key names. */
function unitStem(key: string): string {
  return key.toLowerCase().replace(/(perminute|minutes|work|time)$/, "");
}

/** Edit distance counting insertions, deletions, substitutions and swaps of neighbours as 1. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => (d[i] as number[])[j] as number;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}
