/**
 * Running the command for the regression tests of issue 14: in this process through `main()`
 * with a fake io, or the built dist/cli.js in a child process (signals, pipes, the working
 * folder).
 */
import { spawn, type SpawnOptions } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";

export const ROOT = join(__dirname, "..", "..");
export const CLI = join(ROOT, "dist", "cli.js");
/** A quick run: teaching, one replication, a week. */
export const QUICK = ["--scenario", "teaching", "--replications", "1", "--horizon", "1 week", "--warmup", "1 day", "--quiet"];

export interface Ran {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** `main(args)` in this process. */
export async function run(args: readonly string[], options: { isTTY?: boolean } = {}): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), env: {}, isTTY: options.isTTY === true });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** The built command in a child process; resolves when it has exited. */
export function runBuilt(args: readonly string[], options: SpawnOptions & { input?: string; onSpawn?: (child: ReturnType<typeof spawn>) => void } = {}): Promise<Ran & { signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], ...options });
    let out = "";
    let err = "";
    child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? -1, signal, out, err }));
    options.onSpawn?.(child);
  });
}

export function tempDir(label = "helhet-issue14-"): string {
  return mkdtempSync(join(tmpdir(), label));
}

/** No stack trace: no "    at f (file:1:2)" line. */
export const STACK = /\n\s+at /;
