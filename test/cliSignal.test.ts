import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** Interrupting a run (Ctrl-C) leaves no output file and no temporary file behind (built CLI). */
describe("interrupting the command", () => {
  it("leaves no partial output on SIGINT", async () => {
    const dir = mkdtempSync(join(tmpdir(), "helhet-sigint-"));
    const out = join(dir, "comparison.json");
    const child = spawn(process.execPath, [join(__dirname, "..", "dist", "cli.js"), "--replications", "50", "--format", "json", "--out", out], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c, signal) => resolve(c ?? (signal ? 130 : null))));
    expect(code).not.toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });
});
