/**
 * Runs fuzz cases in a worker thread with a time limit per case and a heap limit, so that a
 * hang or a memory blow-up in the code under test is reported as such instead of stopping the
 * test run. The worker loads the TypeScript sources through tsx's loader; after a timeout or a
 * crash it is replaced by a fresh one.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { FuzzInput, FuzzVerdict } from "./fuzzCase.js";

/** What happened to a case: a verdict, or the limit it hit. */
export type FuzzOutcome = FuzzVerdict | { readonly id: number; readonly timedOut: true; readonly ms: number } | { readonly id: number; readonly crashed: string; readonly ms: number };

/** Options of {@link FuzzRunner}. */
export interface FuzzRunnerOptions {
  /** Milliseconds a case may take (default 30,000). */
  readonly timeoutMs?: number;
  /** Heap limit of the worker in MB (default 1,024). */
  readonly heapMb?: number;
}

function tsxApi(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve("tsx/package.json");
  const exports = (require(pkg) as { exports: Record<string, { import: { default: string } }> }).exports;
  return pathToFileURL(join(dirname(pkg), exports["./esm/api"]!.import.default)).href;
}

const CASE_MODULE = new URL("./fuzzCase.ts", import.meta.url).href;

/**
 * A worker that checks fuzz cases one at a time.
 *
 * @example
 * ```ts
 * const runner = new FuzzRunner({ timeoutMs: 20_000 });
 * const outcome = await runner.check({ text: "name: x", format: "yaml", runCli: true });
 * await runner.close();
 * ```
 */
export class FuzzRunner {
  readonly dir = mkdtempSync(join(tmpdir(), "helhet-fuzz-"));
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private pending: ((o: FuzzOutcome) => void) | undefined;
  private nextId = 0;
  /** Workers started (1 + restarts after a timeout or crash). */
  started = 0;

  constructor(private readonly options: FuzzRunnerOptions = {}) {}

  private start(): Promise<void> {
    const code = `
      const { workerData } = require("node:worker_threads");
      import(workerData.api).then((m) => { m.register(); return import(workerData.module); }).then((m) => m.serve());
    `;
    const worker = new Worker(code, {
      eval: true,
      workerData: { api: tsxApi(), module: CASE_MODULE },
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb ?? 1024, stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    // the code under test may print (warnings, progress): read it and drop it
    worker.stdout.resume();
    worker.stderr.resume();
    this.started++;
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      const onFirst = (m: unknown) => {
        if ((m as { ready?: boolean }).ready) {
          worker.off("message", onFirst);
          worker.on("message", (v: FuzzVerdict) => this.settle(v));
          resolve();
        }
      };
      worker.on("message", onFirst);
      worker.once("error", (e) => {
        reject(e);
        if (this.worker === worker) this.fail(`${e.name}: ${e.message}`);
      });
      worker.once("exit", (code) => {
        if (this.worker === worker) this.fail(`the worker exited with status ${code}`);
      });
    });
    return this.ready;
  }

  private settle(o: FuzzOutcome): void {
    const p = this.pending;
    this.pending = undefined;
    p?.(o);
  }

  private fail(why: string): void {
    this.worker = undefined;
    this.ready = undefined;
    if (this.pending !== undefined) this.settle({ id: -1, crashed: why, ms: 0 });
  }

  /**
   * Checks one case within the time limit.
   *
   * @param input - the file's text, its format, and whether to run it
   * @returns the verdict, or that it timed out or crashed the worker
   */
  async check(input: Omit<FuzzInput, "id" | "dir">): Promise<FuzzOutcome> {
    if (this.worker === undefined) await this.start();
    else await this.ready;
    const id = this.nextId++;
    const worker = this.worker as Worker;
    const t0 = performance.now();
    return new Promise<FuzzOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        this.worker = undefined;
        this.ready = undefined;
        void worker.terminate();
        resolve({ id, timedOut: true, ms: performance.now() - t0 });
      }, this.options.timeoutMs ?? 30_000);
      this.pending = (o) => {
        clearTimeout(timer);
        resolve("crashed" in o ? { ...o, id, ms: performance.now() - t0 } : o);
      };
      worker.postMessage({ ...input, id, dir: this.dir } satisfies FuzzInput);
    });
  }

  /** Stops the worker and removes the temporary folder. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w !== undefined) await w.terminate();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The problems of an outcome, in words (empty when the front door behaved). */
export function outcomeProblems(o: FuzzOutcome): string[] {
  if ("timedOut" in o) return [`no answer within the time limit (${Math.round(o.ms)} ms): a hang or a run far too long`];
  if ("crashed" in o) return [`the worker crashed: ${o.crashed}`];
  return [...o.problems];
}
