/**
 * Lines and columns in a file's text, for messages about broken YAML and JSON.
 *
 * @packageDocumentation
 */

/**
 * The offset at which each line of a text starts (the first is 0).
 *
 * @param text - the text
 * @returns the offsets, one per line
 * @example
 * ```ts
 * lineStartsOf("a\nbc\n"); //=> [0, 2, 5]
 * ```
 */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * The line and column (from 1) of an offset in a text, found from the text itself. (Not the yaml
 * package's prettyErrors: for every error it matches a regex against the text it takes for the
 * error's line, and its line counter misses the newlines of a broken block scalar, so that
 * "line" can be a run of 100,000s of newlines: quadratic, half an hour for a 1 MB file.)
 *
 * @param lineStarts - from {@link lineStartsOf}
 * @param offset - an offset in the text
 * @returns the line and column, from 1
 * @example
 * ```ts
 * positionAt([0, 2, 5], 3); //=> { line: 2, col: 2 }
 * ```
 */
export function positionAt(lineStarts: readonly number[], offset: number): { line: number; col: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - (lineStarts[lo] as number) + 1 };
}

/**
 * The text of a line (from 1), trimmed.
 *
 * @param text - the text
 * @param line - the line number, from 1
 * @returns the line without surrounding spaces; "" past the end
 * @example
 * ```ts
 * lineText("a: 1\n  b: 2", 2); //=> "b: 2"
 * ```
 */
export function lineText(text: string, line: number): string {
  return (text.split(/\r?\n/)[line - 1] ?? "").trim();
}
