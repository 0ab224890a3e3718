/**
 * Screenshots of the playground for docs/playground.md: the built page (dist/playground, made
 * by `npm run build`) opened from a file:// URL in Debian's chromium, run on its defaults and
 * with a hybrid. Writes docs/images/playground-*.png.
 *
 *   npx tsx scripts/playgroundScreenshots.ts
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { PLAYGROUND_FILE } from "./buildPlayground.js";

const OUT = join(import.meta.dirname, "..", "docs", "images");
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: FLAGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const shoot = async (fragment: string, file: string, before?: () => Promise<void>) => {
    await page.goto(`${pathToFileURL(PLAYGROUND_FILE).href}#${fragment}`);
    await page.waitForFunction("!document.getElementById('run').disabled");
    await before?.();
    const runs = (await page.evaluate("globalThis.helhetPlayground?.runs ?? 0")) as number;
    await page.click("#run");
    await page.waitForFunction(`(globalThis.helhetPlayground?.runs ?? 0) > ${runs}`, undefined, { timeout: 120_000 });
    await page.evaluate("window.scrollTo(0, 0)");
    await page.screenshot({ path: join(OUT, file) });
    console.log(`wrote docs/images/${file}`);
  };
  await shoot("scenario=teaching&reps=5&weeks=26&seed=1&demand=1&staff=1", "playground-presets.png");
  await shoot("scenario=teaching&reps=5&weeks=26&seed=1&demand=1&staff=1", "playground-hybrid.png", async () => {
    await page.click("#from-whole");
    await page.selectOption("#h-scope", "logAndPass");
  });
} finally {
  await browser.close();
}
