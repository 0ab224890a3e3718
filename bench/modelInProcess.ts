/**
 * The model of two builds of helhet in one process: `bash bench/model-inprocess.sh COMMIT`
 * builds the package of another commit and of this tree and runs this with their two
 * `dist/index.js` (base first, then head). Each round simulates one year of `soderhamn` (seed 1,
 * the default window and journal, as bench:model) under a preset with each build, alternating
 * which goes first, after two warm-up runs of each on other seeds; per preset it prints the
 * fastest run of each side and the ratio of needs per second (head ÷ base).
 *
 * Why in one process: two identical runs of bench:model in separate processes differed by up
 * to 40% on this shared machine, and a round of model-against.sh takes about a minute, so a
 * load spike lands on one side only. Here the sides take turns run by run (a few hundred
 * milliseconds apart) and the same spells of load fall on both; on one build against itself it
 * gives 1.00 (bench/README.md). It measures the bundled package, as users run it, where
 * bench:model runs the source through tsx module by module: the bundle lets V8 inline across
 * modules, so its figures are higher and its ratios may differ from bench:model's.
 *
 * Usage: `tsx bench/modelInProcess.ts BASE_DIST HEAD_DIST` (ROUNDS, default 10).
 */
import { pathToFileURL } from "node:url";

interface Build {
  readonly loadScenario: (name: string) => unknown;
  readonly policies: Readonly<Record<string, unknown>>;
  readonly simulate: (scenario: unknown, policy: unknown, options: { seed: number }) => { readonly needsArisen: number; readonly events: number };
}

const [basePath, headPath] = process.argv.slice(2);
if (basePath === undefined || headPath === undefined) throw new Error("usage: tsx bench/modelInProcess.ts BASE_DIST HEAD_DIST");
const rounds = Math.max(1, Math.round(Number(process.env.ROUNDS ?? 10)));
const builds: readonly (readonly ["base" | "head", Build])[] = [
  ["base", (await import(pathToFileURL(basePath).href)) as Build],
  ["head", (await import(pathToFileURL(headPath).href)) as Build],
];

for (const policy of ["minutes", "whole"]) {
  const best = { base: { ms: Infinity, needs: 0, events: 0 }, head: { ms: Infinity, needs: 0, events: 0 } };
  const scenarios = builds.map(([, b]) => b.loadScenario("soderhamn"));
  builds.forEach(([, b], i) => {
    b.simulate(scenarios[i], b.policies[policy], { seed: 999 });
    b.simulate(scenarios[i], b.policies[policy], { seed: 998 });
  });
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) {
      const [side, b] = builds[i]!;
      const t0 = performance.now();
      const run = b.simulate(scenarios[i], b.policies[policy], { seed: 1 });
      const ms = performance.now() - t0;
      if (ms < best[side].ms) best[side] = { ms, needs: run.needsArisen, events: run.events };
    }
  }
  const rate = (s: { ms: number; needs: number }) => s.needs / (s.ms / 1000);
  console.log(
    JSON.stringify({
      policy,
      rounds,
      baseMs: Number(best.base.ms.toFixed(1)),
      headMs: Number(best.head.ms.toFixed(1)),
      baseNeeds: best.base.needs,
      headNeeds: best.head.needs,
      baseNeedsPerSecond: Math.round(rate(best.base)),
      headNeedsPerSecond: Math.round(rate(best.head)),
      ratio: Number((rate(best.head) / rate(best.base)).toFixed(3)),
    }),
  );
}
