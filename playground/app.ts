/**
 * The playground page: controls for the scenario, the levels, the runs and a hybrid policy's
 * design choices; a run in a Web Worker with progress and cancel; the report, and a sampled
 * citizen's journey per policy that can be read aloud. The state lives in the URL fragment.
 *
 * @packageDocumentation
 */
import { policies } from "../src/policy/presets.js";
import { CHOICE_OPTIONS, choicesOf, decodeState, DEFAULT_STATE, encodeState, LIMITS, policiesOf, type HybridChoices, type PlaygroundState } from "./state.js";
import type { Share, WorkerReply, WorkerRequest } from "./worker.js";

/** The worker's bundled source, put here by scripts/buildPlayground.ts. */
declare const __WORKER_SOURCE__: string;

interface Page {
  state: PlaygroundState;
  fileText: string | undefined;
  fileName: string;
  scenarios: readonly string[];
  /**
   * The page's workers. The first checks scenario files and runs a comparison alone; for a run of
   * several replications the others join it, each with a share of the replications, and stay
   * open (warmed up) for the next run.
   */
  workers: (Worker | undefined)[];
  /** The most workers a run uses ({@link threadsOf}). */
  threads: number;
  /** The run spread over several workers, while it goes on. */
  spread: Spread | undefined;
  running: boolean;
  /** The last hybrid choices, kept while the hybrid is switched off. */
  lastHybrid: HybridChoices;
}

/** A run spread over workers: what it runs, each worker's runs done, and its results once in. */
interface Spread {
  readonly request: { readonly state: PlaygroundState; readonly fileText?: string };
  readonly total: number;
  readonly doneBy: number[];
  readonly shares: (Share | undefined)[];
}

/**
 * The most workers a run uses: `?threads=N` in the address (1 to 16), else the processors the
 * browser reports, at most 4 (GUESS: each worker holds the model and a run's records, a few
 * hundred MB at the largest settings, and a tab on a laptop should stay well within its memory).
 */
function threadsOf(): number {
  const asked = Number(new URLSearchParams(location.search).get("threads") ?? NaN);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(16, asked);
  return Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1));
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** Labels and help of the hybrid's choices, in the order of the controls. */
const CHOICES: readonly { readonly key: keyof HybridChoices; readonly label: string; readonly kind: "select" | "share" | "factor" | "weeks" }[] = [
  { key: "scope", label: "Front line: log and pass on, or resolve", kind: "select" },
  { key: "skillCoverage", label: "Front line's skill coverage (share of demand types it can resolve)", kind: "share" },
  { key: "frontFactor", label: "Handling-time target at the front (× mean work)", kind: "factor" },
  { key: "stepFactor", label: "Handling-time target of case steps (× mean work)", kind: "factor" },
  { key: "cutShortProbability", label: "Chance a contact over its target is cut short", kind: "share" },
  { key: "caseHandling", label: "Case handling: specialised hand-offs or one case owner", kind: "select" },
  { key: "batchWeeks", label: "Case work batched every … weeks", kind: "weeks" },
  { key: "meetingWeeks", label: "Decision meetings every … weeks", kind: "weeks" },
  { key: "progressInformation", label: "Progress information", kind: "select" },
  { key: "closure", label: "Closure", kind: "select" },
  { key: "completenessCheck", label: "Completeness check", kind: "select" },
  { key: "activityMeasure", label: "What staff are measured on", kind: "select" },
  { key: "consultPriority", label: "Consults (pulled expertise)", kind: "select" },
  { key: "ownership", label: "Case owners: personal or a pool", kind: "select" },
];

function shown(v: string | number | null): string {
  return v === null ? "none" : String(v);
}

function buildChoiceControls(page: Page): void {
  const box = $("choices");
  const minutes = choicesOf(policies.minutes);
  const whole = choicesOf(policies.whole);
  for (const c of CHOICES) {
    const row = document.createElement("div");
    row.className = "choice";
    const id = `h-${c.key}`;
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = c.label;
    row.append(label);
    let control: HTMLInputElement | HTMLSelectElement;
    if (c.kind === "select" || c.kind === "weeks") {
      const select = document.createElement("select");
      const values = c.kind === "weeks" ? ["none", "1", "2", "4"] : (CHOICE_OPTIONS[c.key] ?? []);
      for (const v of values) select.append(new Option(v, v));
      control = select;
    } else {
      const input = document.createElement("input");
      input.type = "range";
      input.min = c.kind === "share" ? "0" : "1";
      input.max = c.kind === "share" ? "1" : "3";
      input.step = c.kind === "share" ? "0.05" : "0.1";
      control = input;
    }
    control.id = id;
    control.dataset["key"] = c.key;
    row.append(control);
    if (c.kind === "factor") {
      const none = document.createElement("label");
      none.className = "none";
      const box2 = document.createElement("input");
      box2.type = "checkbox";
      box2.id = `${id}-none`;
      none.append(box2, " no target");
      row.append(none);
      box2.addEventListener("change", () => onChoice(page));
    }
    const out = document.createElement("output");
    out.id = `${id}-out`;
    out.htmlFor.add(id);
    row.append(out);
    const marks = document.createElement("div");
    marks.className = "marks";
    marks.textContent = `minutes: ${shown(minutes[c.key])} · whole: ${shown(whole[c.key])}`;
    row.append(marks);
    control.addEventListener("input", () => onChoice(page));
    box.append(row);
  }
}

function setChoiceControls(c: HybridChoices): void {
  for (const { key, kind } of CHOICES) {
    const control = $<HTMLInputElement | HTMLSelectElement>(`h-${key}`);
    const v = c[key];
    if (kind === "factor") {
      $<HTMLInputElement>(`h-${key}-none`).checked = v === null;
      control.value = v === null ? "1.2" : String(v);
      (control as HTMLInputElement).disabled = v === null;
    } else control.value = shown(v);
    $<HTMLOutputElement>(`h-${key}-out`).value = kind === "select" || kind === "weeks" ? "" : v === null ? "none" : String(v);
  }
}

function readChoiceControls(): HybridChoices {
  const out: Record<string, string | number | null> = {};
  for (const { key, kind } of CHOICES) {
    const raw = $<HTMLInputElement | HTMLSelectElement>(`h-${key}`).value;
    if (kind === "factor") out[key] = $<HTMLInputElement>(`h-${key}-none`).checked ? null : Number(raw);
    else if (kind === "weeks") out[key] = raw === "none" ? null : Number(raw);
    else if (kind === "share") out[key] = Number(raw);
    else out[key] = raw;
  }
  return out as unknown as HybridChoices;
}

function onChoice(page: Page): void {
  page.lastHybrid = readChoiceControls();
  setChoiceControls(page.lastHybrid);
  update(page, { hybrid: $<HTMLInputElement>("hybrid-on").checked ? page.lastHybrid : null });
}

function update(page: Page, change: Partial<PlaygroundState>): void {
  page.state = { ...page.state, ...change };
  const fragment = encodeState(page.state, page.fileText);
  history.replaceState(null, "", `#${fragment}`);
}

function setLevelOutputs(state: PlaygroundState): void {
  $<HTMLOutputElement>("demand-out").value = `${Math.round(state.demand * 100)}%`;
  $<HTMLOutputElement>("staff-out").value = `${Math.round(state.staff * 100)}%`;
}

function showControls(page: Page): void {
  const s = page.state;
  const select = $<HTMLSelectElement>("scenario");
  select.replaceChildren(...page.scenarios.map((n) => new Option(n, n)), new Option(page.fileText === undefined ? "your own file…" : `your file: ${page.fileName}`, "file"));
  select.value = s.scenario;
  $<HTMLInputElement>("demand").value = String(s.demand);
  $<HTMLInputElement>("staff").value = String(s.staff);
  $<HTMLInputElement>("replications").value = String(s.replications);
  $<HTMLInputElement>("weeks").value = String(s.horizonWeeks);
  $<HTMLInputElement>("seed").value = String(s.seed);
  setLevelOutputs(s);
  $<HTMLInputElement>("hybrid-on").checked = s.hybrid !== null;
  $("choices").hidden = s.hybrid === null;
  setChoiceControls(s.hybrid ?? page.lastHybrid);
}

function say(text: string, kind: "info" | "error" = "info"): void {
  const status = $("status");
  status.textContent = text;
  status.className = kind;
}

function startWorker(page: Page, index = 0, onReady?: () => void): Worker {
  const url = URL.createObjectURL(new Blob([__WORKER_SOURCE__], { type: "text/javascript" }));
  const worker = new Worker(url);
  worker.onmessage = (e: MessageEvent<WorkerReply>) => onReply(page, index, e.data, onReady);
  worker.onerror = (e) => {
    e.preventDefault();
    stopSpread(page);
    finish(page);
    say(`the simulation stopped: ${e.message}`, "error");
  };
  page.workers[index] = worker;
  return worker;
}

function post(page: Page, req: WorkerRequest, transfer: Transferable[] = []): void {
  (page.workers[0] ?? startWorker(page)).postMessage(req, transfer);
}

/** A spread run that ends early (an error): its workers are stopped, and the first starts afresh. */
function stopSpread(page: Page): void {
  if (page.spread === undefined) return;
  page.spread = undefined;
  for (const w of page.workers) w?.terminate();
  page.workers = [];
  startWorker(page);
}

function onReply(page: Page, index: number, reply: WorkerReply, onReady?: () => void): void {
  switch (reply.type) {
    case "ready":
      if (index > 0) return;
      page.scenarios = reply.scenarios;
      onReady?.();
      return;
    case "progress": {
      const spread = page.spread;
      if (spread !== undefined) spread.doneBy[index] = reply.done;
      const done = spread === undefined ? reply.done : spread.doneBy.reduce((a, x) => a + x, 0);
      const total = spread === undefined ? reply.total : spread.total;
      const bar = $<HTMLProgressElement>("progress");
      bar.max = total;
      bar.value = done;
      say(`running: ${done} of ${total} runs${spread === undefined ? "" : ` on ${spread.shares.length} threads`}`);
      return;
    }
    case "share": {
      const spread = page.spread;
      if (spread === undefined) return;
      spread.shares[index] = reply;
      if (spread.shares.some((x) => x === undefined)) return;
      // every share is in: the first worker makes the comparison and its report
      const results = spread.shares.flatMap((x) => x?.results ?? []);
      const journeys = spread.shares.flatMap((x) => x?.journeys ?? []);
      say(`running: ${spread.total} of ${spread.total} runs; making the report`);
      post(page, { type: "assemble", ...spread.request, results, journeys }, results.flatMap((r) => [r.endToEndDays.buffer, r.dailyOpenNeeds.buffer]));
      return;
    }
    case "checked":
      say(`your scenario "${reply.name}" is valid: press Run to compare`);
      return;
    case "error":
      stopSpread(page);
      finish(page);
      say(reply.message, "error");
      return;
    case "result": {
      page.spread = undefined;
      finish(page);
      $<HTMLIFrameElement>("report").srcdoc = reply.html;
      const box = $("journeys");
      box.replaceChildren();
      for (const j of reply.journeys) {
        const section = document.createElement("section");
        const h = document.createElement("h3");
        h.textContent = `A typical citizen under ${j.policy}`;
        const text = document.createElement("pre");
        text.textContent = j.text;
        const speak = document.createElement("button");
        speak.type = "button";
        speak.textContent = "Read aloud";
        speak.disabled = typeof speechSynthesis === "undefined";
        speak.addEventListener("click", () => {
          speechSynthesis.cancel();
          speechSynthesis.speak(new SpeechSynthesisUtterance(j.text));
        });
        section.append(h, speak, text);
        box.append(section);
      }
      const g = globalThis as { helhetPlayground?: { runs: number; comparison: string } };
      g.helhetPlayground = { runs: (g.helhetPlayground?.runs ?? 0) + 1, comparison: JSON.stringify(reply.comparison) };
      say(`done: ${reply.comparison.replications} replications of ${Object.keys(reply.comparison.policies).join(", ")}`);
      return;
    }
  }
}

function finish(page: Page): void {
  page.running = false;
  $<HTMLButtonElement>("run").disabled = false;
  $<HTMLButtonElement>("cancel").disabled = true;
  $("progress").hidden = true;
}

function run(page: Page): void {
  if (page.running) return;
  if (page.state.scenario === "file" && page.fileText === undefined) {
    say("choose a scenario file first (or a built-in scenario)", "error");
    return;
  }
  page.running = true;
  $<HTMLButtonElement>("run").disabled = true;
  $<HTMLButtonElement>("cancel").disabled = false;
  const bar = $<HTMLProgressElement>("progress");
  bar.hidden = false;
  bar.removeAttribute("value");
  say("running…");
  const request = { state: page.state, ...(page.state.scenario === "file" && page.fileText !== undefined ? { fileText: page.fileText } : {}) };
  const threads = Math.min(page.threads, page.state.replications);
  if (threads <= 1) {
    post(page, { type: "run", ...request });
    return;
  }
  // the replications spread over the workers (the same comparison, bit for bit, as one worker's)
  page.spread = { request, total: page.state.replications * policiesOf(page.state).length, doneBy: new Array<number>(threads).fill(0), shares: new Array(threads).fill(undefined) };
  for (let k = 0; k < threads; k++) (page.workers[k] ?? startWorker(page, k)).postMessage({ type: "share", ...request, threads, index: k } satisfies WorkerRequest);
}

function cancel(page: Page): void {
  for (const w of page.workers) w?.terminate();
  page.workers = [];
  page.spread = undefined;
  finish(page);
  say("cancelled");
  startWorker(page);
}

async function readFile(page: Page, file: File): Promise<void> {
  page.fileText = await file.text();
  page.fileName = file.name;
  update(page, { scenario: "file" });
  showControls(page);
  post(page, { type: "check", fileText: page.fileText });
}

function wire(page: Page): void {
  $<HTMLSelectElement>("scenario").addEventListener("change", (e) => {
    const v = (e.target as HTMLSelectElement).value;
    if (v === "file" && page.fileText === undefined) $<HTMLInputElement>("file").click();
    update(page, { scenario: v });
  });
  $<HTMLInputElement>("file").addEventListener("change", (e) => {
    const f = (e.target as HTMLInputElement).files?.[0];
    if (f !== undefined) void readFile(page, f);
  });
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    const f = e.dataTransfer?.files[0];
    if (f !== undefined) void readFile(page, f);
  });
  const number = (id: string, key: "replications" | "horizonWeeks" | "seed", limits: readonly [number, number]) =>
    $<HTMLInputElement>(id).addEventListener("change", (e) => {
      const input = e.target as HTMLInputElement;
      const x = Math.round(Number(input.value));
      const v = Number.isFinite(x) ? Math.min(limits[1], Math.max(limits[0], x)) : page.state[key];
      input.value = String(v);
      update(page, { [key]: v });
    });
  number("replications", "replications", LIMITS.replications);
  number("weeks", "horizonWeeks", LIMITS.horizonWeeks);
  number("seed", "seed", LIMITS.seed);
  for (const key of ["demand", "staff"] as const) {
    $<HTMLInputElement>(key).addEventListener("input", (e) => {
      update(page, { [key]: Number((e.target as HTMLInputElement).value) });
      setLevelOutputs(page.state);
    });
  }
  $<HTMLInputElement>("hybrid-on").addEventListener("change", (e) => {
    const on = (e.target as HTMLInputElement).checked;
    $("choices").hidden = !on;
    update(page, { hybrid: on ? page.lastHybrid : null });
  });
  for (const [id, preset] of [["from-minutes", policies.minutes], ["from-whole", policies.whole]] as const) {
    $<HTMLButtonElement>(id).addEventListener("click", () => {
      page.lastHybrid = choicesOf(preset);
      $<HTMLInputElement>("hybrid-on").checked = true;
      $("choices").hidden = false;
      setChoiceControls(page.lastHybrid);
      update(page, { hybrid: page.lastHybrid });
    });
  }
  $<HTMLFormElement>("controls").addEventListener("submit", (e) => {
    e.preventDefault();
    run(page);
  });
  $<HTMLButtonElement>("cancel").addEventListener("click", () => cancel(page));
  window.addEventListener("hashchange", () => {
    const read = decodeState(location.hash, page.scenarios);
    page.state = read.state;
    if (read.fileText !== undefined) page.fileText = read.fileText;
    showControls(page);
  });
}

function main(): void {
  const page: Page = { state: DEFAULT_STATE, fileText: undefined, fileName: "from the link", scenarios: [], workers: [], threads: threadsOf(), spread: undefined, running: false, lastHybrid: choicesOf(policies.minutes) };
  buildChoiceControls(page);
  startWorker(page, 0, () => {
    const read = decodeState(location.hash, page.scenarios);
    page.state = read.state;
    if (read.fileText !== undefined) page.fileText = read.fileText;
    if (read.state.hybrid !== null) page.lastHybrid = read.state.hybrid;
    showControls(page);
    wire(page);
    update(page, {});
    $<HTMLButtonElement>("run").disabled = false;
    say(read.problems.length > 0 ? `from the link: ${read.problems.join("; ")}` : "ready: choose, then press Run", read.problems.length > 0 ? "error" : "info");
    if (page.state.scenario === "file" && page.fileText !== undefined) post(page, { type: "check", fileText: page.fileText });
    // the other workers load the model now, while the participant chooses, not after Run
    for (let k = 1; k < page.threads; k++) startWorker(page, k);
  });
}

main();
