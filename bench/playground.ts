/**
 * The playground's spread runs: the built page (dist/playground/index.html) in headless
 * Chromium, a comparison of SCENARIO (default "soderhamn") with REPLICATIONS (default 20) of
 * WEEKS (default 52) weeks, run on one worker (`?threads=1`) and on THREADS (default 2) workers
 * in turn, ROUNDS times (default 2). Each round opens the page afresh for each thread count and
 * presses Run twice: the first run on freshly started workers (`cold`), the second on the same
 * workers again (`warm`). Prints one JSON line per run: the thread count, cold or warm, the
 * seconds until the status says every run is done (`runsSeconds`) and until the report is shown
 * (`seconds`; the rest is the comparison, its report and, on one worker, the journeys). Then one
 * line per kind with the fastest of the rounds and the ratio of one worker's time to the spread
 * run's. The comparison must be the same string on every run, or the benchmark fails.
 *
 * Run with `npm run bench:playground` (which builds first); needs /usr/bin/chromium (CHROMIUM
 * to point elsewhere), as test/browser/playground.test.ts does.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";

const root = join(import.meta.dirname, "..");
const file = join(root, "dist", "playground", "index.html");
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
if (!existsSync(file)) {
  console.error(`${file} is missing: run \`npm run build\` first (npm run bench:playground does)`);
  process.exit(1);
}
if (!existsSync(chromiumPath)) {
  console.error(`${chromiumPath} is missing: install chromium (apt-get install chromium) or set CHROMIUM`);
  process.exit(1);
}
const scenario = process.env.SCENARIO ?? "soderhamn";
const replications = Number(process.env.REPLICATIONS ?? 20);
const weeks = Number(process.env.WEEKS ?? 52);
const threads = Number(process.env.THREADS ?? 2);
const rounds = Number(process.env.ROUNDS ?? 2);
const fragment = `scenario=${scenario}&reps=${replications}&weeks=${weeks}&seed=1&demand=1&staff=1`;

/** Presses Run and waits for the report; returns the seconds to the last run, to the report, and the comparison. */
async function timedRun(page: Page): Promise<{ runsSeconds: number; seconds: number; comparison: string }> {
  const g = "globalThis.helhetPlayground";
  const before = (await page.evaluate(`${g}?.runs ?? 0`)) as number;
  const t0 = performance.now();
  let runsDone = 0;
  await page.click("#run");
  for (;;) {
    const [status, runs] = (await page.evaluate(`[document.getElementById("status")?.textContent ?? "", ${g}?.runs ?? 0]`)) as [string, number];
    if (runsDone === 0 && /^running: (\d+) of \1 runs/.test(status)) runsDone = performance.now();
    if (runs > before) break;
    if (/^(?!running|done)/.test(status) && status !== "running…") throw new Error(`the page says: ${status}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  const seconds = (performance.now() - t0) / 1000;
  const comparison = (await page.evaluate(`${g}.comparison`)) as string;
  return { runsSeconds: runsDone === 0 ? seconds : (runsDone - t0) / 1000, seconds, comparison };
}

const { chromium } = await import("playwright-core");
const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const best = new Map<string, number>();
let reference: string | undefined;
try {
  for (let round = 0; round < rounds; round++) {
    for (const n of round % 2 === 0 ? [1, threads] : [threads, 1]) {
      const page = await browser.newPage();
      await page.goto(`${pathToFileURL(file).href}?threads=${n}#${fragment}`);
      await page.waitForFunction("!document.getElementById('run').disabled", undefined, { timeout: 60_000 });
      for (const kind of ["cold", "warm"]) {
        const r = await timedRun(page);
        reference ??= r.comparison;
        if (r.comparison !== reference) throw new Error(`the comparison on ${n} workers (${kind}) differs from the first run's`);
        console.log(JSON.stringify({ round, threads: n, kind, runsSeconds: Number(r.runsSeconds.toFixed(3)), seconds: Number(r.seconds.toFixed(3)) }));
        const key = `${kind}:${n}`;
        best.set(key, Math.min(best.get(key) ?? Infinity, r.seconds));
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
}
for (const kind of ["cold", "warm"]) {
  const one = best.get(`${kind}:1`) as number;
  const spread = best.get(`${kind}:${threads}`) as number;
  console.log(JSON.stringify({ kind, scenario, replications, weeks, threads, oneWorkerSeconds: Number(one.toFixed(3)), spreadSeconds: Number(spread.toFixed(3)), speedup: Number((one / spread).toFixed(3)) }));
}
