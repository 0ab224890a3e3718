import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { playgroundFile } from "../src/cli/playgroundCommand.js";

/**
 * `helhet playground` serves the built page (dist/playground/index.html, made by `npm run
 * build`) on 127.0.0.1: the page at /, nothing else, and it stops cleanly; a taken port is one
 * line and exit 1.
 */
function serve(args: string[]) {
  const stop = new AbortController();
  const out: string[] = [];
  const err: string[] = [];
  const done = main(["playground", ...args], { out: (s) => out.push(s), err: (s) => err.push(s), env: {}, signal: stop.signal });
  // the address is printed once the server listens
  const printed = (async () => {
    for (let i = 0; i < 200 && out.length === 0 && err.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    return /http:\/\/127\.0\.0\.1:\d+\//.exec(out.join("\n"))?.[0];
  })();
  return { stop, out, err, done, printed };
}

describe("helhet playground", () => {
  it.skipIf(playgroundFile() === undefined)("serves the built page at / on localhost, 404 elsewhere, and stops with status 0", async () => {
    const s = serve(["--port", "0"]);
    const url = await s.printed;
    expect(url).toBeDefined();
    const page = await fetch(url as string);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await page.text()).toContain("<title>helhet playground</title>");
    expect((await fetch(`${url}../etc/passwd`)).status).toBe(404);
    expect((await fetch(url as string, { method: "POST" })).status).toBe(405);
    s.stop.abort();
    expect(await s.done).toBe(0);
    expect(s.out.join("\n")).toContain("the page also works opened straight from");
  });

  it.skipIf(playgroundFile() === undefined)("a port in use is one line and exit status 1", async () => {
    const first = serve(["--port", "0"]);
    const port = /:(\d+)\//.exec((await first.printed) as string)?.[1] as string;
    const second = serve(["--port", port]);
    expect(await second.done).toBe(1);
    expect(second.err.join("\n")).toBe(`helhet: cannot serve the playground on port ${port}: the port is in use; give another with --port N (0: any free port)`);
    first.stop.abort();
    expect(await first.done).toBe(0);
  });

  it("the page is built by npm run build (CI builds through npm install)", () => {
    if (process.env.CI === "true") expect(playgroundFile()).toBeDefined();
    else if (playgroundFile() === undefined) console.warn("dist/playground/index.html is missing: npm run build makes it");
    expect(existsSync("playground/index.html")).toBe(true);
  });

  it("refuses a bad port and arguments", async () => {
    const err: string[] = [];
    expect(await main(["playground", "--port", "65536"], { out: () => {}, err: (s) => err.push(s), env: {} })).toBe(2);
    expect(err[0]?.split("\n")[0]).toBe('helhet: --port must be a whole number from 0 to 65535 (0: any free port), got "65536"');
    expect(await main(["compare", "--port", "1"], { out: () => {}, err: () => {}, env: {} })).toBe(2);
  });
});
