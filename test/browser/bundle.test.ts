import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { BROWSER_PROGRAM, browserBundle } from "../../scripts/packageFigures.js";
import { numbersApart } from "../helpers/numbersApart.js";

/**
 * The core entry runs in a browser: esbuild bundles a small program that imports the built
 * `helhet` (dist/index.js) for the browser platform — which fails if the core or any chunk it
 * imports needs a Node built-in — and headless Chromium runs it from a file:// page with no
 * network. The seeded comparison it makes is Node's: the same bundle in Node gives the same
 * JSON byte for byte as the package; Chromium's newer V8 gives the same JSON but for the last
 * bits of a few numbers (JavaScript leaves the exact results of Math.cos, Math.log and the
 * like to the engine; seen: the standard deviation of one utilisation, 1e-16 apart), so
 * there every number must agree to 1e-9 of its size and everything else exactly.
 */
const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const root = join(__dirname, "..", "..");
const missing = !existsSync(CHROMIUM);
if (missing) console.warn(`skipping the browser run of the core bundle: ${CHROMIUM} is missing (.ci/run installs it)`);

describe("the core in a browser", () => {
  it.skipIf(missing)("bundles for the browser platform and gives in Chromium the JSON Node gives", async () => {
    const bundle = await browserBundle();
    const dir = mkdtempSync(join(tmpdir(), "helhet-bundle-"));
    writeFileSync(join(dir, "bundle.js"), bundle);
    writeFileSync(join(dir, "index.html"), `<!doctype html><meta charset="utf-8"><title>helhet</title><script type="module" src="bundle.js"></script>`);

    // Node: the package itself, and the same bundle
    const fromPackage = execFileSync(process.execPath, ["--input-type=module", "-e", BROWSER_PROGRAM.replace('from "helhet"', `from ${JSON.stringify(pathToFileURL(join(root, "dist", "index.js")).href)}`) + "\nconsole.log(globalThis.helhetResult);"], { encoding: "utf8" }).trim();
    writeFileSync(join(dir, "run.mjs"), `await import("./bundle.js"); console.log(globalThis.helhetResult);`);
    const fromBundle = execFileSync(process.execPath, [join(dir, "run.mjs")], { encoding: "utf8" }).trim();
    expect(fromBundle).toBe(fromPackage);

    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, "--allow-file-access-from-files"] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on("pageerror", (e) => void errors.push(e.message));
      page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
      page.on("request", (r) => void requests.push(r.url()));
      await page.goto(pathToFileURL(join(dir, "index.html")).href);
      await page.waitForFunction(() => typeof (globalThis as { helhetResult?: string }).helhetResult === "string", undefined, { timeout: 60_000 });
      const inBrowser = await page.evaluate(() => (globalThis as { helhetResult?: string }).helhetResult);
      expect(errors).toEqual([]);
      expect(requests.every((u) => u.startsWith("file://"))).toBe(true);
      const differing = numbersApart(JSON.parse(inBrowser as string), JSON.parse(fromPackage), "");
      console.log(`browser vs Node: ${differing.length} number(s) not bit-identical${differing.length > 0 ? ` (${differing.slice(0, 5).join("; ")})` : ""}`);
      expect(differing.filter((d) => d.startsWith("!"))).toEqual([]);
      expect(JSON.parse(inBrowser as string).policies).toBeDefined();
    } finally {
      await browser.close();
    }
  }, 180_000);
});
