/**
 * The playground's Web Worker: runs the comparison off the page's thread, reports progress,
 * and answers with the HTML report, the comparison itself and a sampled citizen's journey
 * per policy. The page cancels a run by terminating the worker.
 *
 * @packageDocumentation
 */
import { builtinScenarios, compare, comparisonHtml, journeyText, loadScenario, parseScenarioText, pickJourneys, ScenarioError, simulate, type Comparison, type Scenario } from "../src/index.js";
import { adjustScenario, policiesOf, windowOf, type PlaygroundState } from "./state.js";

/** What the page asks. */
export type WorkerRequest = { readonly type: "run"; readonly state: PlaygroundState; readonly fileText?: string } | { readonly type: "check"; readonly fileText: string };

/** What the worker answers. */
export type WorkerReply =
  | { readonly type: "progress"; readonly done: number; readonly total: number }
  | { readonly type: "result"; readonly html: string; readonly comparison: Comparison; readonly journeys: readonly { readonly policy: string; readonly text: string }[] }
  | { readonly type: "ready"; readonly scenarios: readonly string[] }
  | { readonly type: "checked"; readonly name: string }
  | { readonly type: "error"; readonly message: string };

interface WorkerScope {
  onmessage: ((e: { data: WorkerRequest }) => void) | null;
  postMessage(m: WorkerReply): void;
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

/**
 * Runs what the state asks: the comparison, its report, and a typical journey of replication 0
 * per policy.
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
  const scenario = adjustScenario(scenarioOf(state, fileText), state);
  const list = policiesOf(state);
  const window = windowOf(scenario, state);
  const comparison = compare(scenario, list, { replications: state.replications, seed: state.seed, ...window, onProgress });
  const journeys = list.map((p) => {
    const run = simulate(scenario, p, { seed: state.seed, replication: 0, ...window, journal: { every: 5 }, series: false });
    const typical = pickJourneys(run).typical;
    return { policy: p.name, text: typical === null ? "No citizen of this run finished a journey." : journeyText(typical) };
  });
  const html = await comparisonHtml(comparison, { title: `helhet playground: ${scenario.name}`, embedSpecs: false });
  return { type: "result", html, comparison, journeys };
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
    runState(req.state, req.fileText, (done, total) => self.postMessage({ type: "progress", done, total })).then(
      (reply) => self.postMessage(reply),
      (err: unknown) => self.postMessage({ type: "error", message: messageOf(err) }),
    );
  };
}
