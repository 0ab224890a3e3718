import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { render } from "../scripts/writeApiDocs.js";

/** docs/api.md is generated from the TSDoc of every public export and must match the code. */
describe("docs/api.md", () => {
  it("is up to date with the TSDoc in src/ (else: npm run docs:api)", () => {
    const committed = readFileSync(join(__dirname, "..", "docs", "api.md"), "utf8");
    const fresh = render();
    if (committed !== fresh) expect.fail("docs/api.md is out of date: run `npm run docs:api` and commit the result");
  });

  it("has an entry for every runtime export of the core", async () => {
    const core = await import("../src/index.js");
    const page = readFileSync(join(__dirname, "..", "docs", "api.md"), "utf8");
    const missing = Object.keys(core).filter((name) => !page.includes(`\n### ${name}\n`));
    expect(missing).toEqual([]);
  });
});
