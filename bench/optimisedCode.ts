/**
 * Valgrind's per-instruction counts joined with the code V8 optimised, for the benchmarks that
 * look inside the compiled code (bench/boxed.ts, bench/engineInstructions.ts): a run under
 * `valgrind --tool=callgrind --dump-instr=yes` with node's `--print-opt-code` (and
 * `--no-compact-code-space`, so code stays where it was printed) gives each instruction's
 * address and count, and V8's listing gives each optimised function's instructions and their
 * source positions.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";

/**
 * Exits with a message unless Valgrind is installed; otherwise bundles `entry` (esbuild, the
 * packages left out) into a new temporary folder in which they resolve through this tree's
 * node_modules.
 *
 * @param script - the npm script's name, for the message
 * @returns the folder (for the caller to remove) and the bundle's path in it
 */
export async function bundleForValgrind(script: string, entry: string, prefix: string): Promise<{ work: string; bundle: string }> {
  if (spawnSync("valgrind", ["--version"]).status !== 0) {
    console.error(`${script} needs Valgrind (on Debian or Ubuntu: apt-get install valgrind)`);
    process.exit(1);
  }
  const work = mkdtempSync(join(tmpdir(), prefix));
  symlinkSync(resolve("node_modules"), join(work, "node_modules"));
  const bundle = join(work, "bundle.mjs");
  await build({ entryPoints: [entry], bundle: true, format: "esm", platform: "node", outfile: bundle, packages: "external", define: { __HELHET_VERSION__: '"bench"' }, logLevel: "warning" });
  return { work, bundle };
}

/** A function V8 optimised: its name (with the optimisation id), first address, instructions and source positions. */
export interface Code {
  readonly name: string;
  readonly start: number;
  readonly instructions: { address: number; text: string }[];
  /** (pc offset, script position), by pc offset. */
  readonly positions: [number, number][];
}

/** A store to V8's young-generation allocation top (x64): one object allocated in line. */
export const ALLOCATION = /movq \[r13\+0x[0-9a-f]+\] \(external value \(Heap::NewSpaceAllocationTopAddress\(\)\)\)/;
/** Each instruction's count (its address → Ir) from callgrind's `--dump-instr=yes` output, calls' inclusive costs left out. */
export function instructionCounts(text: string): Map<number, number> {
  const out = new Map<number, number>();
  let address = 0;
  let line = 0;
  let callLine = false;
  const step = (token: string, previous: number): number => {
    if (token === "*") return previous;
    if (token.startsWith("+")) return previous + Number(token.slice(1));
    if (token.startsWith("-")) return previous - Number(token.slice(1));
    return Number(token);
  };
  for (const row of text.split("\n")) {
    const c = row.charCodeAt(0);
    if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 42) {
      const [a = "0", l = "0", ir = "0"] = row.split(" ");
      address = step(a, address);
      line = step(l, line);
      if (callLine) callLine = false;
      else out.set(address, (out.get(address) ?? 0) + Number(ir));
    } else if (row.startsWith("calls=")) callLine = true;
  }
  return out;
}

/** The functions V8 printed as it optimised them: name, instructions with addresses, source positions. */
export function compiledCode(text: string): Code[] {
  const out: Code[] = [];
  let name = "?";
  let id = "?";
  let current: { name: string; instructions: { address: number; text: string }[]; positions: [number, number][] } | null = null;
  let mode: "none" | "instructions" | "positions" = "none";
  for (const row of text.split("\n")) {
    if (row.startsWith("name = ")) name = row.slice(7).trim();
    else if (row.startsWith("optimization_id = ")) id = row.slice(18).trim();
    else if (row.startsWith("Instructions (size")) {
      current = { name: `${name}#${id}`, instructions: [], positions: [] };
      out.push(current as unknown as Code);
      mode = "instructions";
    } else if (row.startsWith("Source positions:")) mode = "positions";
    else if (current !== null && mode === "instructions") {
      const m = /^0x([0-9a-f]+)\s+[0-9a-f]+\s+[0-9a-f]+\s+(.*)$/.exec(row);
      if (m) current.instructions.push({ address: parseInt(m[1]!, 16), text: m[2]! });
      else if (/^(Inlined functions|Deoptimization|Safepoints|RelocInfo|Source positions)/.test(row)) mode = "none";
    } else if (current !== null && mode === "positions") {
      const m = /^\s+([0-9a-f]+)\s+(\d+)/.exec(row);
      if (m) current.positions.push([parseInt(m[1]!, 16), Number(m[2])]);
      else if (!row.startsWith(" pc offset")) mode = "none";
    }
  }
  return out
    .filter((c) => c.instructions.length > 0)
    .map((c) => ({ ...c, start: c.instructions[0]!.address }));
}

/** The script position of the nearest source position at or before a pc offset, or -1. */
export function positionAt(code: Code, offset: number): number {
  let found = -1;
  for (const [pc, position] of code.positions) {
    if (pc > offset) break;
    found = position;
  }
  return found;
}


/** The lines of a bundle: which line a script position falls on, and a line's text. */
export interface BundleLines {
  /** The 0-based line of a script position (≥ 0). */
  readonly lineAt: (position: number) => number;
  /** The text of a 0-based line, trimmed and cut to `width` characters. */
  readonly text: (line: number, width?: number) => string;
}

/**
 * Indexes a bundle's lines, so that a source position from V8's listing finds its line by
 * binary search.
 *
 * @param source - the bundle's text
 */
export function bundleLines(source: string): BundleLines {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) starts.push(i + 1);
  const lineAt = (position: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const text = (line: number, width = 100): string => {
    const end = source.indexOf("\n", starts[line]!);
    return source.slice(starts[line]!, end < 0 ? undefined : end).trim().slice(0, width);
  };
  return { lineAt, text };
}
