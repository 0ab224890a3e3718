/**
 * The playground's Web Worker: runs the comparison off the page's thread, reports progress,
 * and answers with the HTML report, the comparison itself and a sampled citizen's journey
 * per policy. The page cancels a run by terminating the worker.
 *
 * @packageDocumentation
 */
import {
  buildComparison,
  builtinScenarios,
  capacityWarnings,
  checkExperimentCost,
  checkPolicies,
  compare,
  comparisonHtml,
  journeyText,
  loadScenario,
  parseScenarioText,
  pickJourneys,
  ScenarioError,
  simulate,
  type Comparison,
  type ExperimentOptions,
  type Policy,
  type ReplicationResult,
  type Scenario,
} from "../src/index.js";
import { inCompareOrder, runTask } from "../src/node/tasks.js";
import { adjustScenario, policiesOf, windowOf, type PlaygroundState } from "./state.js";

/** What the page asks. */
export type WorkerRequest =
  | { readonly type: "run"; readonly state: PlaygroundState; readonly fileText?: string }
  | { readonly type: "check"; readonly fileText: string }
  | { readonly type: "share"; readonly state: PlaygroundState; readonly fileText?: string; readonly threads: number; readonly index: number }
  | { readonly type: "assemble"; readonly state: PlaygroundState; readonly fileText?: string; readonly results: readonly PackedResult[]; readonly journeys: readonly Journey[] };

/** A typical citizen's journey of replication 0 under a policy, as text. */
export interface Journey {
  readonly policy: string;
  readonly text: string;
}

/** One worker's share of a spread run ({@link runShare}). */
export interface Share {
  readonly results: readonly PackedResult[];
  readonly journeys: readonly Journey[];
}

/**
 * A replication's result on its way between threads: its two long lists as typed arrays, whose
 * memory is moved with the message instead of copied number by number ({@link pack}).
 */
export type PackedResult = Omit<ReplicationResult, "endToEndDays" | "dailyOpenNeeds"> & { readonly endToEndDays: Float64Array; readonly dailyOpenNeeds: Float64Array };

/** What the worker answers. */
export type WorkerReply =
  | { readonly type: "progress"; readonly done: number; readonly total: number }
  | { readonly type: "share"; readonly index: number; readonly results: readonly PackedResult[]; readonly journeys: readonly Journey[] }
  | { readonly type: "result"; readonly html: string; readonly comparison: Comparison; readonly journeys: readonly Journey[] }
  | { readonly type: "ready"; readonly scenarios: readonly string[] }
  | { readonly type: "checked"; readonly name: string }
  | { readonly type: "error"; readonly message: string };

interface WorkerScope {
  onmessage: ((e: { data: WorkerRequest }) => void) | null;
  postMessage(m: WorkerReply, transfer?: ArrayBuffer[]): void;
}
declare const self: WorkerScope;

/**
 * The scenario a request names: a built-in, or the participant's file read with the same
 * checks (and messages) as the command line.
 *
 * @param state - the state
 * @param fileText - the file's text
 * @returns the scenario
 * @example
 * ```ts
 * scenarioOf({ ...DEFAULT_STATE }).name; //=> "teaching"
 * ```
 */
export function scenarioOf(state: PlaygroundState, fileText?: string): Scenario {
  if (state.scenario !== "file") return loadScenario(state.scenario);
  const text = fileText ?? "";
  return parseScenarioText(text, /^\s*[{[]/.test(text) ? "json" : "yaml");
}

/** What a state names: the scenario (with its levels applied), the policies and the run's options. */
interface Prepared {
  readonly scenario: Scenario;
  readonly list: readonly Policy[];
  readonly window: ReturnType<typeof windowOf>;
  readonly options: ExperimentOptions;
}

function prepare(state: PlaygroundState, fileText: string | undefined): Prepared {
  const scenario = adjustScenario(scenarioOf(state, fileText), state);
  const window = windowOf(scenario, state);
  return { scenario, list: policiesOf(state), window, options: { replications: state.replications, seed: state.seed, ...window } };
}

/**
 * Runs what the state asks in this thread: the comparison, its report, and a typical journey of
 * replication 0 per policy.
 *
 * @param state - the state
 * @param fileText - one's own scenario file's text
 * @param onProgress - called after each run
 * @returns the reply
 * @example
 * ```ts
 * const reply = await runState(DEFAULT_STATE, undefined, () => {});
 * ```
 */
export async function runState(state: PlaygroundState, fileText: string | undefined, onProgress: (done: number, total: number) => void): Promise<WorkerReply> {
  const p = prepare(state, fileText);
  const comparison = compare(p.scenario, p.list, { ...p.options, onProgress });
  return report(p, comparison, journeysOf(p, 0, 1));
}

/**
 * One thread's share of a comparison spread over `threads` workers: replications `index`,
 * `index + threads`, … of every policy, each as `compare` runs it, after the same checks (the
 * run's cost counted with `threads` runs in memory at once), and the typical journeys of the
 * policies in the same places of the list. {@link assembleState} makes the comparison of all the
 * shares, the one `compare` gives.
 *
 * @param state - the state
 * @param fileText - one's own scenario file's text
 * @param threads - the workers sharing the comparison, ≥ 1
 * @param index - this worker's place among them, 0 to threads − 1
 * @param onProgress - called after each run with this share's runs done so far and its runs in all
 * @returns the share's results, packed for the way back, and its journeys
 * @example
 * ```ts
 * runShare({ ...DEFAULT_STATE, replications: 3 }, undefined, 2, 1, () => {}).results.map((r) => r.replication); //=> [1, 1]
 * ```
 */
export function runShare(state: PlaygroundState, fileText: string | undefined, threads: number, index: number, onProgress: (done: number, total: number) => void): Share {
  const p = prepare(state, fileText);
  const replications = checkPolicies(p.list, p.options, p.scenario);
  checkExperimentCost(p.scenario, p.list, p.options, 1, threads);
  const out: PackedResult[] = [];
  const total = Math.max(0, Math.ceil((replications - index) / threads)) * p.list.length;
  // the loop compareParallel's threads run (src/node/tasks.ts holds no Node built-in)
  runTask({ scenario: p.scenario, policies: p.list, from: index, to: replications, step: threads, options: p.options }, (r) => {
    out.push(pack(r));
    onProgress(out.length, total);
  });
  return { results: out, journeys: journeysOf(p, index, threads) };
}

/**
 * The comparison of every share's results ({@link runShare}), with its report and journeys: the
 * results in `compare`'s order (by replication, then policy), the same load warnings, so the
 * same Comparison, bit for bit, as {@link runState} gives in one thread.
 *
 * @param state - the state
 * @param fileText - one's own scenario file's text
 * @param results - every share's results, in any order
 * @param journeys - every share's journeys, in any order
 * @returns the reply
 * @example
 * ```ts
 * const state = { ...DEFAULT_STATE, replications: 2 };
 * const shares = [0, 1].map((k) => runShare(state, undefined, 2, k, () => {}));
 * const reply = await assembleState(state, undefined, shares.flatMap((s) => s.results), shares.flatMap((s) => s.journeys));
 * ```
 */
export async function assembleState(state: PlaygroundState, fileText: string | undefined, results: readonly PackedResult[], journeys: readonly Journey[]): Promise<WorkerReply> {
  const p = prepare(state, fileText);
  const names = p.list.map((x) => x.name);
  const meta = { scenario: p.scenario.name, seed: p.options.seed ?? 1, policies: names, warnings: capacityWarnings(p.scenario, p.list) };
  const inOrder = names.flatMap((n) => journeys.filter((j) => j.policy === n));
  return report(p, buildComparison(meta, inCompareOrder(results.map(unpack), names)), inOrder);
}

/** The typical journey of replication 0 under the policies in places `from`, `from + step`, … of the list. */
function journeysOf(p: Prepared, from: number, step: number): Journey[] {
  const out: Journey[] = [];
  for (let k = from; k < p.list.length; k += step) {
    const policy = p.list[k] as Policy;
    const run = simulate(p.scenario, policy, { seed: p.options.seed ?? 1, replication: 0, ...p.window, journal: { every: 5 }, series: false });
    const typical = pickJourneys(run).typical;
    out.push({ policy: policy.name, text: typical === null ? "No citizen of this run finished a journey." : journeyText(typical) });
  }
  return out;
}

/** The reply for a comparison: its HTML report and the journeys. */
async function report(p: Prepared, comparison: Comparison, journeys: readonly Journey[]): Promise<WorkerReply> {
  const html = await comparisonHtml(comparison, { title: `helhet playground: ${p.scenario.name}`, embedSpecs: false });
  return { type: "result", html, comparison, journeys };
}

/**
 * A result packed for another thread: its long lists as typed arrays of the same doubles.
 *
 * @param r - a replication's result
 * @returns the packed result
 * @example
 * ```ts
 * pack(result).endToEndDays instanceof Float64Array; //=> true
 * ```
 */
export function pack(r: ReplicationResult): PackedResult {
  return { ...r, endToEndDays: Float64Array.from(r.endToEndDays), dailyOpenNeeds: Float64Array.from(r.dailyOpenNeeds) };
}

/**
 * A packed result unpacked: the lists as plain arrays again, holding the same doubles.
 *
 * @param p - a packed result
 * @returns the result as {@link runReplication} gave it
 * @example
 * ```ts
 * unpack(pack(result)); // deep-equal to result
 * ```
 */
export function unpack(p: PackedResult): ReplicationResult {
  return { ...p, endToEndDays: plainArray(p.endToEndDays), dailyOpenNeeds: plainArray(p.dailyOpenNeeds) };
}

/** The numbers of a typed array in a plain array (a loop: several times faster than `Array.from`). */
function plainArray(xs: Float64Array): number[] {
  const out = new Array<number>(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = xs[i] as number;
  return out;
}

/** The memory of a share's typed arrays, to move with the message. */
function buffersOf(results: readonly PackedResult[]): ArrayBuffer[] {
  return results.flatMap((r) => [r.endToEndDays.buffer as ArrayBuffer, r.dailyOpenNeeds.buffer as ArrayBuffer]);
}

function messageOf(e: unknown): string {
  if (e instanceof ScenarioError || e instanceof RangeError) return e.message;
  return `something went wrong: ${(e as Error)?.message ?? String(e)}`;
}

if (typeof self !== "undefined" && typeof (self as { importScripts?: unknown }).importScripts === "function") {
  self.postMessage({ type: "ready", scenarios: builtinScenarios().map((s) => s.name) });
  self.onmessage = (e) => {
    const req = e.data;
    if (req.type === "check") {
      try {
        const s = parseScenarioText(req.fileText, /^\s*[{[]/.test(req.fileText) ? "json" : "yaml");
        self.postMessage({ type: "checked", name: s.name });
      } catch (err) {
        self.postMessage({ type: "error", message: messageOf(err) });
      }
      return;
    }
    if (req.type === "share") {
      try {
        const share = runShare(req.state, req.fileText, req.threads, req.index, (done, total) => self.postMessage({ type: "progress", done, total }));
        self.postMessage({ type: "share", index: req.index, ...share }, buffersOf(share.results));
      } catch (err) {
        self.postMessage({ type: "error", message: messageOf(err) });
      }
      return;
    }
    const reply = req.type === "assemble" ? assembleState(req.state, req.fileText, req.results, req.journeys) : runState(req.state, req.fileText, (done, total) => self.postMessage({ type: "progress", done, total }));
    reply.then(
      (reply) => self.postMessage(reply),
      (err: unknown) => self.postMessage({ type: "error", message: messageOf(err) }),
    );
  };
}
