import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { COMMANDS } from "../src/cli/options.js";
import { builtinScenarios, loadScenario, parseScenarioText } from "../src/index.js";

async function run(args: string[], env: Record<string, string> = {}, isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), isTTY, env });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("help for a newcomer", () => {
  it("helhet COMMAND --help and helhet help COMMAND print that command's usage, options and an example", async () => {
    const all = await run(["--help"]);
    expect(all.code).toBe(0);
    for (const command of COMMANDS) {
      const a = await run([command, "--help"]);
      const b = await run(["help", command]);
      expect(a.code, command).toBe(0);
      expect(a.out, command).toBe(b.out);
      expect(a.out, command).not.toBe(all.out);
      expect(a.out.startsWith(`helhet ${command} — `), command).toBe(true);
      expect(a.out, command).toMatch(/\nExample:\n {2}helhet /);
    }
    const compare = (await run(["compare", "--help"])).out;
    expect(compare).toMatch(/--policies LIST/);
    expect(compare).not.toMatch(/--param PATH/); // sweep's
    expect((await run(["sweep", "--help"])).out).toMatch(/--param PATH/);
    expect((await run(["help"])).out).toBe(all.out);
    expect(await run(["help", "frobnicate"])).toMatchObject({ code: 2 });
  });

  it("scenario export writes commented YAML that validates and runs unchanged; scenario list lists the built-ins", async () => {
    const dir = mkdtempSync(join(tmpdir(), "helhet-export-"));
    for (const { name } of builtinScenarios()) {
      const file = join(dir, `${name}.yaml`);
      expect((await run(["scenario", "export", name, "--out", file])).code).toBe(0);
      const text = readFileSync(file, "utf8");
      expect(text.startsWith(`# Scenario "${name}" for helhet.`)).toBe(true);
      expect(text).toMatch(/\n# Inhabitants\npopulation: /);
      expect(JSON.stringify(parseScenarioText(text))).toBe(JSON.stringify(loadScenario(name)));
      expect((await run(["validate", file])).code).toBe(0);
    }
    const ran = await run(["compare", join(dir, "teaching.yaml"), "--replications", "2", "--horizon", "2 weeks", "--warmup", "0 min", "--quiet"]);
    expect(ran.code).toBe(0);
    const list = await run(["scenario", "list"]);
    expect(list.out.split("\n").map((l) => l.split(/\s+/)[0])).toEqual(builtinScenarios().map((s) => s.name));
    expect(await run(["scenario", "export", "nowhere"])).toMatchObject({ code: 2 });
    expect(await run(["scenario"])).toMatchObject({ code: 2 });
  });

  it("colours only a terminal, unless FORCE_COLOR says so; --no-color and NO_COLOR win", async () => {
    const args = ["compare", "teaching", "--replications", "2", "--horizon", "1 week", "--warmup", "0 min", "--quiet"];
    const bold = /\u001b\[1m/;
    expect((await run(args)).out).not.toMatch(bold);
    expect((await run(args, { FORCE_COLOR: "1" })).out).toMatch(bold);
    expect((await run(args, { FORCE_COLOR: "0" })).out).not.toMatch(bold);
    expect((await run([...args, "--no-color"], { FORCE_COLOR: "1" })).out).not.toMatch(bold);
    expect((await run(args, { FORCE_COLOR: "1", NO_COLOR: "1" })).out).not.toMatch(bold);
    expect((await run(args, {}, true)).out).toMatch(bold);
  });
});
