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
