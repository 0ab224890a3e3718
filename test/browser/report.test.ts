import { existsSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { compare, loadScenario, policies, runReplication } from "../../src/index.js";
import { comparisonCharts, comparisonHtml, contactsChart } from "../../src/report/index.js";

/**
 * Opens the HTML report in Debian's chromium (headless, through playwright-core) and checks that
 * every chart drew, that the page logged no error and fetched nothing, and saves a screenshot.
 * `.ci/run` installs chromium; a test never downloads a browser of its own.
 */
const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const OPTIONS = { replications: 2, horizon: "10 weeks", warmup: "2 weeks" } as const;
const missing = !existsSync(CHROMIUM);
if (missing) console.warn(`skipping the browser check of the HTML report: ${CHROMIUM} is missing (.ci/run installs it: apt-get install -y --no-install-recommends chromium)`);

describe("the HTML report in a real browser", () => {
  it.skipIf(missing)(`draws every chart, logs no error and fetches nothing (needs ${CHROMIUM}, which .ci/run installs)`, async () => {
    const scenario = loadScenario("teaching");
    const both = [policies.minutes, policies.whole];
    const c = compare(scenario, both, OPTIONS);
    const endToEndDays = Object.fromEntries(both.map((p) => [p.name, [...runReplication(scenario, p, 0, OPTIONS).endToEndDays]]));
    const extraCharts = [{ title: "Touchpoint ranking (stand-in)", spec: contactsChart(c) }];
    const expected = comparisonCharts(c, { endToEndDays, extraCharts }).map((ch) => ch.id);
    const dir = mkdtempSync(join(tmpdir(), "helhet-report-"));
    const file = join(dir, "report.html");
    writeFileSync(file, await comparisonHtml(c, { endToEndDays, extraCharts }));

    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
      page.on("pageerror", (e) => void errors.push(e.message));
      page.on("request", (r) => void requests.push(r.url()));
      const url = pathToFileURL(file).href;
      await page.goto(url, { waitUntil: "load" });

      const drawn = await page.$$eval("figure.chart", (figs) =>
        figs.map((f) => {
          const svg = f.querySelector(":scope > svg");
          const box = svg?.getBoundingClientRect();
          const marks = svg?.querySelectorAll("g[class*='mark-'] > path, g[class*='mark-'] > line, g[class*='mark-'] > text").length ?? 0;
          return { id: f.id, width: box?.width ?? 0, height: box?.height ?? 0, marks };
        }),
      );
      expect(drawn.map((d) => d.id)).toEqual(expected);
      for (const d of drawn) {
        expect(d.width, d.id).toBeGreaterThan(100);
        expect(d.height, d.id).toBeGreaterThan(50);
        expect(d.marks, d.id).toBeGreaterThan(5);
      }
      expect(await page.locator("table tbody tr").count()).toBeGreaterThan(10);
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);

      const png = join(dir, "report.png");
      await page.screenshot({ path: png, fullPage: true });
      expect(statSync(png).size).toBeGreaterThan(10_000);
      console.log(`HTML report: ${file}\nscreenshot: ${png}`);
    } finally {
      await browser.close();
    }
  });
});
