/**
 * Terminal niceties: colours (picocolors, only on a terminal, never with --no-color or
 * NO_COLOR) and a progress bar on stderr (cli-progress, only when stderr is a terminal and
 * the run lasts more than about a second).
 *
 * @packageDocumentation
 */
import cliProgress from "cli-progress";
import pc from "picocolors";

/** Colour functions; identity when colours are off. */
export interface Colours {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
}

/**
 * Colour functions, on or off.
 *
 * @param enabled - whether to colour
 * @returns bold and dim
 * @example
 * ```ts
 * colours(false).bold("x"); //=> "x"
 * ```
 */
export function colours(enabled: boolean): Colours {
  const c = pc.createColors(enabled);
  return { bold: c.bold, dim: c.dim };
}

/** A progress bar that appears only after about a second of work. */
export interface ProgressBar {
  readonly update: (done: number, total: number) => void;
  readonly stop: () => void;
}

/**
 * A progress bar on stderr, or nothing when stderr is not a terminal.
 *
 * @param isTTY - whether stderr is a terminal
 * @param label - what is running
 * @param clock - milliseconds now (default performance.now)
 * @returns the bar, or undefined
 * @example
 * ```ts
 * progressBar(false, "soderhamn"); //=> undefined
 * ```
 */
export function progressBar(isTTY: boolean, label: string, clock: () => number = () => performance.now()): ProgressBar | undefined {
  if (!isTTY) return undefined;
  const started = clock();
  let bar: cliProgress.SingleBar | undefined;
  return {
    update: (done, total) => {
      if (bar === undefined) {
        if (clock() - started < 1000 || done >= total) return;
        bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {value}/{total} runs`, stream: process.stderr, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
        bar.start(total, done);
      } else bar.update(done);
    },
    stop: () => bar?.stop(),
  };
}

/**
 * Control characters, and the characters that reorder text on screen, that a terminal could act
 * on: C0 controls other than tab and newline, DEL, C1 controls, the line and paragraph
 * separators and the bidirectional overrides and isolates.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Escapes control characters (as `\u001b`) so that names from a file cannot move the cursor,
 * clear the screen or set the window title; tabs and newlines stay.
 *
 * @param text - text for a terminal
 * @returns the text with every control character written as `\uXXXX`
 * @example
 * ```ts
 * escapeControls("town\u001b[2J"); //=> "town\\u001b[2J"
 * ```
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * JSON text with the control characters that JSON.stringify leaves raw (DEL, C1, separators,
 * bidirectional marks) written as `\uXXXX` escapes: the same JSON value, safe on a terminal.
 *
 * @param json - JSON text (such characters can only be inside its strings)
 * @returns the same JSON with those characters escaped
 * @example
 * ```ts
 * JSON.parse(escapeJson(JSON.stringify("a\u009bb"))); //=> "a\u009bb"
 * ```
 */
export function escapeJson(json: string): string {
  return json.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * A copy of plain data (objects, arrays, strings, numbers) with every string and key escaped by
 * {@link escapeControls}: for tables that colour their own text.
 *
 * @param value - plain data
 * @returns the escaped copy
 * @example
 * ```ts
 * escapeStrings({ "a\u0007": ["b\u001b"] }); //=> { "a\\u0007": ["b\\u001b"] }
 * ```
 */
export function escapeStrings<T>(value: T): T {
  if (typeof value === "string") return escapeControls(value) as T;
  if (Array.isArray(value)) return value.map(escapeStrings) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [escapeControls(k), escapeStrings(v)])) as T;
  }
  return value;
}
