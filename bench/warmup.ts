/**
 * A thread's warm-up: what V8's optimising compiler (TurboFan) does while a fresh thread runs its
 * share of a comparison. Each round starts a fresh process on the built package that does what
 * one of two worker threads does for `compare` of "soderhamn" with 20 replications: the worker's
 * task of REPLICATIONS (default 10) replications of both presets, through dist/worker.js. It
 * runs under `--trace-opt --trace-deopt`, and this script adds up the compile times V8 reports.
 *
 * Prints one JSON line per round (`round`): the task's seconds, the first `minutes` and `whole`
 * replication's seconds, the compiles and their milliseconds (all three phases, most of it on the
 * compiler's background thread, so CPU that a second thread competes for), and the
 * deoptimisations; then, over all rounds, one `function` line for each of the TOP (default 15)
 * functions with the most compile time (named as V8 names them: the package's own functions, the
 * libraries' and Node's), and one `deopt` line per reason. Two fresh threads on two cores pay the
 * compile twice while both cores run the model (bench/README.md, "A thread's first runs").
 *
 * Run with `npm run bench:warmup`, which builds first. Environment: ROUNDS (default 3),
 * REPLICATIONS, TOP, DIST (another build's dist directory, to compare two commits in turn).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = join(import.meta.dirname, "..");
const dist = process.env.DIST ?? join(root, "dist");
if (!existsSync(join(dist, "worker.js"))) {
  console.error(`${join(dist, "worker.js")} is missing: run \`npm run build\` first (npm run bench:warmup does)`);
  process.exit(1);
}
const rounds = Number(process.env.ROUNDS ?? 3);
const replications = Number(process.env.REPLICATIONS ?? 10);
const top = Number(process.env.TOP ?? 15);

// what the child runs: a worker's task, timed per replication (the first of each preset is the cold one)
const child = `
const h = await import(${JSON.stringify(pathToFileURL(join(dist, "index.js")).href)});
const run = (await import(${JSON.stringify(pathToFileURL(join(dist, "worker.js")).href)})).default;
const scenario = h.loadScenario("soderhamn");
const firsts = {};
const t0 = performance.now();
for (let r = 0; r < ${replications}; r++) {
  for (const policy of [h.policies.minutes, h.policies.whole]) {
    const t = performance.now();
    run({ scenario, policies: [policy], from: r, to: r + 1, step: 1, options: { seed: 1 } });
    firsts[policy.name] ??= (performance.now() - t) / 1000;
  }
}
console.log("WARMUP " + JSON.stringify({ seconds: (performance.now() - t0) / 1000, firsts }));
`;

const COMPILED = /<JSFunction ([^ >]*)[^\]]*\(target TURBOFAN\)[^\]]*took ([\d.]+), ([\d.]+), ([\d.]+) ms/;
const DEOPT = /^\[bailout \(kind: [^,]*, reason: ([^)]*)\)/;

const byFunction = new Map<string, { ms: number; compiles: number }>();
const byReason = new Map<string, number>();
for (let round = 1; round <= rounds; round++) {
  const out = execFileSync(process.execPath, ["--trace-opt", "--trace-deopt", "--input-type=module", "-e", child], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  let compileMs = 0;
  let compiles = 0;
  let deopts = 0;
  let result: { seconds: number; firsts: Record<string, number> } | undefined;
  for (const line of out.split("\n")) {
    const c = COMPILED.exec(line);
    if (c !== null && line.startsWith("[completed compiling")) {
      const ms = Number(c[2]) + Number(c[3]) + Number(c[4]);
      compileMs += ms;
      compiles++;
      // V8 names an anonymous function "(sfi = …)"
      const name = (c[1] as string).startsWith("(") ? "(anonymous)" : (c[1] as string);
      const f = byFunction.get(name) ?? { ms: 0, compiles: 0 };
      f.ms += ms;
      f.compiles++;
      byFunction.set(name, f);
      continue;
    }
    const d = DEOPT.exec(line);
    if (d !== null) {
      deopts++;
      byReason.set(d[1] as string, (byReason.get(d[1] as string) ?? 0) + 1);
      continue;
    }
    if (line.startsWith("WARMUP ")) result = JSON.parse(line.slice(7)) as typeof result;
  }
  if (result === undefined) throw new Error("the child printed no result");
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  console.log(
    JSON.stringify({
      kind: "round",
      round,
      replications,
      seconds: r3(result.seconds),
      firstMinutesSeconds: r3(result.firsts["minutes"] ?? NaN),
      firstWholeSeconds: r3(result.firsts["whole"] ?? NaN),
      compiles,
      compileMs: Math.round(compileMs),
      deopts,
    }),
  );
}
for (const [name, f] of [...byFunction].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)) {
  console.log(JSON.stringify({ kind: "function", name, compileMsPerRound: Math.round((f.ms / rounds) * 10) / 10, compilesPerRound: Math.round((f.compiles / rounds) * 10) / 10 }));
}
for (const [reason, n] of [...byReason].sort((a, b) => b[1] - a[1])) {
  console.log(JSON.stringify({ kind: "deopt", reason, perRound: Math.round((n / rounds) * 10) / 10 }));
}
