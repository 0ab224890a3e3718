import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDocBlocks, docBlocks } from "../scripts/docBlocks.js";

/**
 * The code blocks of README.md and docs/ (scripts/docBlocks.ts): every TypeScript and
 * JavaScript block type-checks against the real API, and every block marked `run` runs —
 * TypeScript with tsx against the sources, shell with `helhet` as the built command (which
 * `npm install` builds) — so a documented call or command that stops working fails here.
 */
const root = join(__dirname, "..");
const running = docBlocks().filter((b) => b.flags.includes("run"));

describe("code blocks in the docs", () => {
  it("type-check against the API (fragments are marked no-check)", () => {
    expect(checkDocBlocks()).toEqual([]);
  }, 120_000);

  it("include blocks that run (TypeScript and shell)", () => {
    expect(running.filter((b) => b.lang === "ts").length).toBeGreaterThanOrEqual(2);
    expect(running.filter((b) => b.lang === "sh").length).toBeGreaterThanOrEqual(1);
  });

  it.each(running.map((b) => [b.where, b] as const))("%s runs", (_where, block) => {
    const dir = mkdtempSync(join(tmpdir(), "helhet-doc-"));
    try {
      symlinkSync(join(root, "examples"), join(dir, "examples"));
      if (block.lang === "ts") {
        // imports of the package read the sources; the file sits in the repository so tsx finds them
        const file = join(root, `.tmp-doc-${process.pid}-${block.where.replace(/\W/g, "_")}.ts`);
        const code = block.code.replace(/from "helhet\/node"/g, 'from "./src/node.ts"').replace(/from "helhet"/g, 'from "./src/index.ts"');
        writeFileSync(file, `${code}\n`);
        try {
          execFileSync(join(root, "node_modules", ".bin", "tsx"), [file], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
        } finally {
          rmSync(file, { force: true });
        }
      } else if (block.lang === "sh") {
        const bin = join(dir, ".bin");
        execFileSync("mkdir", ["-p", bin]);
        writeFileSync(join(bin, "helhet"), `#!/bin/sh\nexec "${process.execPath}" "${join(root, "dist", "cli.js")}" "$@"\n`);
        chmodSync(join(bin, "helhet"), 0o755);
        execFileSync("bash", ["-e", "-o", "pipefail", "-c", block.code], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, PATH: `${bin}:${process.env["PATH"]}`, NO_COLOR: "1" } });
      } else {
        throw new Error(`${block.where}: only ts and sh blocks can run, not ${block.lang}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
