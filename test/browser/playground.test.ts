import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { compare, loadScenario, scenarioToInput } from "../../src/index.js";
import { adjustScenario, choicesOf, DEFAULT_STATE, policiesOf, windowOf, type PlaygroundState } from "../../playground/state.js";
import { policies } from "../../src/index.js";
import { buildPlayground, type PlaygroundSizes } from "../../scripts/buildPlayground.js";
import { BUDGETS } from "../../scripts/packageFigures.js";
import { numbersApart } from "../helpers/numbersApart.js";

/**
 * The playground in a real browser (Debian's chromium through playwright-core, as the report
 * test; .ci/run installs it): built into a temporary folder and opened from a file:// URL with
 * no network. A run of the defaults gives the comparison the library gives in Node for the same
 * state (every number within 1e-9 of its size: Chromium's V8 may differ in the last bits of
 * Math.log and the like); a hybrid changes the numbers, again as in Node; a bad scenario file is
 * refused naming its field; the page can be used with the keyboard alone; the state is in the URL.
 */
const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const missing = !existsSync(CHROMIUM);
if (missing) console.warn(`skipping the playground in a browser: ${CHROMIUM} is missing (.ci/run installs it)`);


const dir = mkdtempSync(join(tmpdir(), "helhet-playground-"));
const file = join(dir, "index.html");
let sizes: PlaygroundSizes;
let browser: Browser | undefined;
let page: Page;
const errors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  sizes = await buildPlayground(file);
  if (missing) return;
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  page = await browser.newPage();
  page.on("pageerror", (e) => void errors.push(e.message));
  page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
  page.on("request", (r) => void requests.push(r.url()));
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

// page-side conditions as expressions (the tests are compiled without the DOM's types)
const READY = "!document.getElementById('run').disabled";
const REFUSED = "document.getElementById('status')?.className === 'error'";

/** Node's comparison for a playground state (the same functions the page's worker calls). */
function inNode(state: PlaygroundState): unknown {
  const scenario = adjustScenario(loadScenario(state.scenario), state);
  return JSON.parse(JSON.stringify(compare(scenario, policiesOf(state), { replications: state.replications, seed: state.seed, ...windowOf(scenario, state) })));
}

async function open(fragment: string, query = ""): Promise<void> {
  await page.goto(`${pathToFileURL(file).href}${query}#${fragment}`);
  await page.waitForFunction(READY, undefined, { timeout: 60_000 });
}

/** Runs what the page shows and returns the comparison it got (as JSON text). */
async function runOnPage(start: () => Promise<void>): Promise<string> {
  const before = await page.evaluate(() => (globalThis as { helhetPlayground?: { runs: number } }).helhetPlayground?.runs ?? 0);
  await start();
  await page.waitForFunction(`(globalThis.helhetPlayground?.runs ?? 0) > ${before} || ${REFUSED}`, undefined, { timeout: 120_000 });
  const status = await page.textContent("#status");
  expect(status, "the page's status after the run").toMatch(/^done: /);
  return (await page.evaluate(() => (globalThis as { helhetPlayground?: { comparison: string } }).helhetPlayground?.comparison)) as string;
}

describe("the playground", () => {
  it("is one file within its budget", () => {
    // the budget of docs/performance.md (checked there on the package's own build too)
    expect(sizes.gzipBytes).toBeLessThanOrEqual(BUDGETS.playgroundGzipBytes);
    expect(sizes.workerBytes).toBeGreaterThan(100_000);
  });

  it.skipIf(missing)("runs the presets on teaching from a file:// URL with no network, as Node does, and shows the report and journeys", async () => {
    const small: PlaygroundState = { ...DEFAULT_STATE, replications: 2, horizonWeeks: 12 };
    await open(`scenario=teaching&reps=2&weeks=12&seed=1&demand=1&staff=1`);
    const got = await runOnPage(() => page.click("#run"));
    const apart = numbersApart(JSON.parse(got), inNode(small), "");
    expect(apart.filter((d) => d.startsWith("!"))).toEqual([]);
    const report = await page.frameLocator("#report").locator("h1").textContent();
    expect(report).toContain("teaching");
    expect(await page.frameLocator("#report").locator("svg").count()).toBeGreaterThan(3);
    expect(await page.locator("#journeys pre").count()).toBe(2);
    expect(requests.every((u) => /^(file|blob|data|about):/.test(u))).toBe(true);
    expect(errors).toEqual([]);
  }, 180_000);

  it.skipIf(missing)("a hybrid built from whole with a log-and-pass front line changes the numbers, as in Node, and the URL holds it", async () => {
    await open(`scenario=teaching&reps=2&weeks=12&seed=1&demand=1.2&staff=1`);
    await page.click("#from-whole");
    await page.selectOption("#h-scope", "logAndPass");
    const url = page.url();
    expect(url).toContain("h.scope=logAndPass");
    expect(url).toContain("demand=1.2");
    const got = JSON.parse(await runOnPage(() => page.click("#run"))) as { policies: Record<string, Record<string, { mean: number }>> };
    const state: PlaygroundState = { ...DEFAULT_STATE, replications: 2, horizonWeeks: 12, demand: 1.2, hybrid: { ...choicesOf(policies.whole), scope: "logAndPass" } };
    expect(numbersApart(got, inNode(state), "").filter((d) => d.startsWith("!"))).toEqual([]);
    expect(Object.keys(got.policies)).toEqual(["minutes", "whole", "hybrid"]);
    const endToEnd = (p: string) => got.policies[p]?.["endToEndDays.mean"]?.mean;
    expect(endToEnd("hybrid")).toBeGreaterThan(0);
    expect(endToEnd("hybrid")).not.toBe(endToEnd("whole"));
    // the same link opened afresh shows the same choices
    await page.goto("about:blank");
    await page.goto(url);
    await page.waitForFunction(READY);
    expect(await page.inputValue("#h-scope")).toBe("logAndPass");
    expect(await page.isChecked("#hybrid-on")).toBe(true);
    expect(errors).toEqual([]);
  }, 180_000);

  it.skipIf(missing)("spreads the replications over several workers and gets the very comparison one worker gets", async () => {
    const fragment = "scenario=teaching&reps=3&weeks=8&seed=4&demand=1.1&staff=1";
    await open(fragment, "?threads=1");
    const alone = await runOnPage(() => page.click("#run"));
    const journeys = await page.locator("#journeys pre").allTextContents();
    expect(journeys).toHaveLength(2);
    await open(fragment, "?threads=3");
    let statuses = "";
    const spread = await runOnPage(async () => {
      await page.click("#run");
      await page.waitForFunction("/ on 3 threads/.test(document.getElementById('status')?.textContent ?? '')", undefined, { timeout: 60_000 });
      statuses = (await page.textContent("#status")) ?? "";
    });
    expect(statuses).toMatch(/^running: \d+ of 6 runs on 3 threads/);
    // the same doubles in the same order, and the same journeys, whatever the number of workers
    expect(spread).toBe(alone);
    expect(await page.locator("#journeys pre").allTextContents()).toEqual(journeys);
    expect(JSON.parse(spread).replications).toBe(3);
    // threads kept open: a second run on them gives the same again
    expect(await runOnPage(() => page.click("#run"))).toBe(alone);
    expect(errors).toEqual([]);
  }, 180_000);

  it.skipIf(missing)("refuses a spread run too large for the page, stops its workers, and runs again afterwards", async () => {
    // teaching with a thousand times its demand: valid, but over the run-cost limits
    const input = scenarioToInput(loadScenario("teaching"));
    const huge = { ...input, name: "huge", services: input.services.map((sv) => ({ ...sv, arrivals: "4000000 / year" })) };
    const big = join(dir, "huge.json");
    writeFileSync(big, JSON.stringify(huge));
    await open("scenario=teaching&reps=4&weeks=104&seed=1", "?threads=2");
    await page.setInputFiles("#file", big);
    await page.waitForFunction("/is valid/.test(document.getElementById('status')?.textContent ?? '')", undefined, { timeout: 60_000 });
    await page.click("#run");
    await page.waitForFunction(REFUSED, undefined, { timeout: 60_000 });
    expect(await page.textContent("#status")).toMatch(/^too large to run: /);
    expect(await page.isDisabled("#run")).toBe(false);
    await page.selectOption("#scenario", "teaching");
    expect(JSON.parse(await runOnPage(() => page.click("#run"))).replications).toBe(4);
    expect(errors).toEqual([]);
  }, 180_000);

  it.skipIf(missing)("refuses a bad scenario file naming the field, as the command line does", async () => {
    await open("scenario=teaching");
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "name: bad\npopulation: 1000\ncostPerStaffHour: 500\nteams:\n  - { id: desk, role: front, staff: 0, hours: always }\nservices: []\n");
    await page.setInputFiles("#file", bad);
    await page.waitForFunction(REFUSED, undefined, { timeout: 60_000 });
    expect(await page.textContent("#status")).toMatch(/teams\[0\]\.staff: got 0; expected a whole number from 1/);
  }, 120_000);

  it.skipIf(missing)("cancels a long run and runs again afterwards; the page stays responsive meanwhile", async () => {
    await open("scenario=soderhamn&reps=50&weeks=104&seed=1");
    await page.click("#run");
    await page.waitForFunction("document.getElementById('status')?.textContent.startsWith('running')", undefined, { timeout: 60_000 });
    // the page answers while the worker runs: a control moves
    await page.fill("#seed", "9");
    await page.press("#seed", "Tab");
    expect(page.url()).toContain("seed=9");
    await page.click("#cancel");
    expect(await page.textContent("#status")).toBe("cancelled");
    expect(await page.isDisabled("#cancel")).toBe(true);
    await page.goto("about:blank");
    await open("scenario=teaching&reps=1&weeks=8&seed=2");
    expect(JSON.parse(await runOnPage(() => page.click("#run"))).replications).toBe(1);
  }, 180_000);

  it.skipIf(missing)("works from the keyboard alone: tab to Run and press Enter", async () => {
    await open("scenario=teaching&reps=1&weeks=8&seed=3");
    let focused = "";
    for (let i = 0; i < 40 && focused !== "run"; i++) {
      await page.keyboard.press("Tab");
      focused = (await page.evaluate("document.activeElement?.id ?? ''")) as string;
    }
    expect(focused).toBe("run");
    const got = await runOnPage(() => page.keyboard.press("Enter"));
    expect(JSON.parse(got).replications).toBe(1);
  }, 120_000);
});
