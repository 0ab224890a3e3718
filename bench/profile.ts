/**
 * Where the model's time goes: `npm run bench:profile` runs one simulated year of `soderhamn`
 * under each preset (four replications after a JIT warm-up, one thread) under V8's sampling CPU
 * profiler (node:inspector, a sample every 100 µs), and prints per preset the functions with the
 * most self time, each with its share of the run, its layer (src/engine, src/model, src/random,
 * …) and its inclusive share. With `-- --write` it records the lines in docs/performance.md and
 * draws each preset's call tree as a flame graph (an icicle: the run at the top, callees below,
 * width = time; rendered by vega's partition layout) into docs/profile-minutes.svg and
 * docs/profile-whole.svg, shown in bench/README.md.
 *
 * The source runs through tsx, module by module, as bench:model does: V8 inlines small functions
 * into their callers either way, and the profile still names them (inlined frames are kept).
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";
import * as vega from "vega";
import { loadScenario, policies, simulate, type Policy } from "../src/index.js";
import { benchOutput } from "./record.js";

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** The layer of a frame: the folder under src/, or what V8 calls it. */
function layerOf(frame: CallFrame): string {
  const m = /\/src\/([a-z]+)\//.exec(frame.url);
  if (m) return m[1] as string;
  if (frame.url.includes("node_modules/seedrandom")) return "random";
  if (frame.url.includes("/bench/")) return "bench";
  if (frame.url === "") return frame.functionName.startsWith("(") ? frame.functionName.replace(/[()]/g, "") : "native";
  return "node";
}

/**
 * A frame's label: its function and file (without folders). (tsx hands V8 each module as one
 * line with a source map, so the profile's line numbers say nothing.)
 */
function labelOf(frame: CallFrame): string {
  const file = frame.url.split("/").at(-1) ?? "";
  const name = frame.functionName === "" ? "(anonymous)" : frame.functionName;
  return file === "" ? name : `${name} ${file}`;
}

async function profileOf(policy: Policy): Promise<Profile> {
  const scenario = loadScenario("soderhamn");
  simulate(scenario, policy, { seed: 999 }); // warm the JIT, as a long-running process would be
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  for (let r = 0; r < 4; r++) simulate(scenario, policy, { seed: 1, replication: r });
  const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: Profile };
  session.disconnect();
  return profile;
}

/** Self time by node, in microseconds. */
function selfTimes(p: Profile): Map<number, number> {
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  return self;
}

interface Row {
  readonly id: string;
  readonly parent: string | null;
  readonly name: string;
  readonly layer: string;
  readonly self: number;
}

/**
 * The call tree from the simulation's entry (`simulate`) down, as rows for vega's stratify; a
 * subtree under `minShare` of the total is folded into its parent's self time.
 */
function treeRows(p: Profile, minShare: number): { rows: Row[]; total: number } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = selfTimes(p);
  const inclusive = new Map<number, number>();
  const sum = (id: number): number => {
    const n = byId.get(id) as ProfileNode;
    const t = (self.get(id) ?? 0) + (n.children ?? []).reduce((a, c) => a + sum(c), 0);
    inclusive.set(id, t);
    return t;
  };
  const root = p.nodes[0] as ProfileNode;
  sum(root.id);
  const entries = p.nodes.filter((n) => n.callFrame.functionName === "simulate" && n.callFrame.url.includes("/src/model/"));
  const total = entries.reduce((a, n) => a + (inclusive.get(n.id) ?? 0), 0);
  const rows: Row[] = [{ id: "run", parent: null, name: "simulate (4 replications)", layer: "model", self: 0 }];
  const walk = (n: ProfileNode, parent: string): void => {
    const id = `${parent}/${n.id}`;
    let folded = self.get(n.id) ?? 0;
    const kept: ProfileNode[] = [];
    for (const c of n.children ?? []) {
      const child = byId.get(c) as ProfileNode;
      if ((inclusive.get(c) ?? 0) >= minShare * total) kept.push(child);
      else folded += inclusive.get(c) ?? 0;
    }
    rows.push({ id, parent, name: labelOf(n.callFrame), layer: layerOf(n.callFrame), self: folded });
    for (const c of kept) walk(c, id);
  };
  for (const e of entries) walk(e, "run");
  return { rows, total };
}

/** Functions by self time within the simulation, with their inclusive time (not counted twice under recursion). */
function topFunctions(p: Profile, k: number): { label: string; layer: string; selfPercent: number; totalPercent: number }[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inSimulate = (id: number): boolean => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = (byId.get(cur) as ProfileNode).callFrame;
      if (f.functionName === "simulate" && f.url.includes("/src/model/")) return true;
    }
    return false;
  };
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  const layer = new Map<string, string>();
  let total = 0;
  p.samples.forEach((id, i) => {
    if (!inSimulate(id)) return;
    const dt = p.timeDeltas[i] ?? 0;
    total += dt;
    const leaf = (byId.get(id) as ProfileNode).callFrame;
    const key = labelOf(leaf);
    self.set(key, (self.get(key) ?? 0) + dt);
    layer.set(key, layerOf(leaf));
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = (byId.get(cur) as ProfileNode).callFrame;
      const l = labelOf(f);
      if (seen.has(l)) continue;
      seen.add(l);
      incl.set(l, (incl.get(l) ?? 0) + dt);
      layer.set(l, layerOf(f));
    }
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([label, t]) => ({ label, layer: layer.get(label) ?? "", selfPercent: Number(((100 * t) / total).toFixed(1)), totalPercent: Number(((100 * (incl.get(label) ?? 0)) / total).toFixed(1)) }));
}

/** An icicle chart of the call tree (vega: stratify, partition), as SVG. */
async function flameGraph(rows: Row[], title: string): Promise<string> {
  const width = 1000;
  const height = 520;
  const spec = {
    $schema: "https://vega.github.io/schema/vega/v6.json",
    width,
    height,
    padding: 4,
    title: { text: title, anchor: "start", fontSize: 13 },
    data: [
      {
        name: "tree",
        values: rows,
        transform: [
          { type: "stratify", key: "id", parentKey: "parent" },
          { type: "partition", field: "self", sort: { field: "value", order: "descending" }, size: [width, height], as: ["x0", "y0", "x1", "y1", "depth", "children"] },
        ],
      },
    ],
    scales: [{ name: "color", type: "ordinal", domain: ["model", "engine", "random", "stats", "scenario", "analysis", "garbage collector", "program", "node", "native"], range: { scheme: "tableau10" } }],
    legends: [{ fill: "color", orient: "bottom", direction: "horizontal", title: "layer" }],
    marks: [
      {
        type: "rect",
        from: { data: "tree" },
        encode: { enter: { x: { field: "x0" }, y: { field: "y0" }, x2: { field: "x1" }, y2: { field: "y1" }, fill: { scale: "color", field: "layer" }, stroke: { value: "white" }, strokeWidth: { value: 0.5 } } },
      },
      {
        type: "text",
        from: { data: "tree" },
        encode: {
          enter: {
            x: { signal: "datum.x0 + 3" },
            y: { signal: "(datum.y0 + datum.y1) / 2" },
            baseline: { value: "middle" },
            fontSize: { value: 9 },
            text: { signal: "datum.x1 - datum.x0 > 40 ? datum.name : ''" },
            limit: { signal: "max(0, datum.x1 - datum.x0 - 6)" },
          },
        },
      },
    ],
  };
  const view = new vega.View(vega.parse(spec as vega.Spec), { renderer: "none" });
  return view.toSVG();
}

const out = benchOutput("profile");
const write = process.argv.includes("--write");
for (const policy of [policies.minutes, policies.whole]) {
  const profile = await profileOf(policy);
  for (const f of topFunctions(profile, 15)) out.line({ policy: policy.name, ...f });
  if (write) {
    const { rows } = treeRows(profile, 0.005);
    const svg = await flameGraph(rows, `Where the time goes: soderhamn under ${policy.name}, 4 runs of a year (width = time; calls below their caller; under 0.5% folded into the caller)`);
    const path = join(import.meta.dirname, "..", "docs", `profile-${policy.name}.svg`);
    writeFileSync(path, `${svg}\n`);
    console.error(`wrote ${path}`);
  }
}
out.finish();
