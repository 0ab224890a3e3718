/**
 * Issue 14, "outputs never destroy data": the reproducers 13-out-path-hazards.sh (D13),
 * 18-exit-codes-and-output-errors.sh (D18) and 15-kill-in-write-window.sh (D15) of
 * ../shared/reliability-cases, as tests.
 */
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, createReadStream, chmodSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commitOutputs, OutputError, planOutputs } from "../../src/cli/outputs.js";
import { QUICK, ROOT, run, runBuilt, STACK, tempDir } from "./cliHelpers.js";

const JSON_QUICK = [...QUICK, "--format", "json"];
const SMALL_TOWN = join(ROOT, "examples", "scenarios", "small-town.yaml");
const isRoot = process.getuid?.() === 0;

function mkfifo(path: string): void {
  execFileSync("mkfifo", [path]);
}

describe("D13: --out and --html never replace an input of the run", () => {
  it("compare --scenario F --out F leaves F unchanged and exits 2 with a message (the issue's done-when)", async () => {
    const dir = tempDir();
    const scen = join(dir, "f.yaml");
    copyFileSync(SMALL_TOWN, scen);
    const before = readFileSync(scen, "utf8");
    const r = await run(["compare", "--scenario", scen, "--replications", "1", "--horizon", "1 week", "--warmup", "1 day", "--quiet", "--format", "json", "--out", scen]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--out ${scen} is the scenario file of this run; an output never replaces an input`);
    expect(r.err).not.toMatch(STACK);
    expect(readFileSync(scen, "utf8")).toBe(before);
    expect(readdirSync(dir)).toEqual(["f.yaml"]);
  });

  it("also through a symbolic link or a hard link, for --html, for policy files and for merged shard files", async () => {
    const dir = tempDir();
    const scen = join(dir, "s.yaml");
    copyFileSync(SMALL_TOWN, scen);
    symlinkSync(scen, join(dir, "link.yaml"));
    linkSync(scen, join(dir, "hard.yaml"));
    const policy = join(dir, "p.yaml");
    writeFileSync(policy, "name: p\nextends: whole\n");
    const window = ["--replications", "1", "--horizon", "1 week", "--warmup", "1 day", "--quiet"];
    const cases: [string[], RegExp][] = [
      [["--scenario", scen, ...window, "--out", join(dir, "link.yaml")], /--out .*link\.yaml is the scenario file of this run \(.*s\.yaml\)/],
      [["--scenario", scen, ...window, "--out", join(dir, "hard.yaml")], /--out .*hard\.yaml is the scenario file of this run/],
      [["--scenario", scen, ...window, "--html", scen], /--html .*s\.yaml is the scenario file of this run/],
      [["--scenario", "teaching", "--policies", `minutes,${policy}`, ...window, "--out", policy], /--out .*p\.yaml is a policy file of this run/],
      [["run", "--scenario", "teaching", "--policy", policy, ...window, "--html", policy], /--html .*p\.yaml is a policy file of this run/],
      [["journey", "--scenario", scen, "--policies", "whole", ...window, "--out", scen], /is the scenario file of this run/],
      [["sweep", "--scenario", scen, "--param", "teams.desk.staff", "--values", "1", ...window, "--out", scen], /is the scenario file of this run/],
    ];
    const before = readFileSync(scen, "utf8");
    for (const [args, message] of cases) {
      const r = await run(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err, args.join(" ")).toMatch(message);
    }
    expect(readFileSync(scen, "utf8")).toBe(before);
    expect(readFileSync(policy, "utf8")).toBe("name: p\nextends: whole\n");
    expect(lstatSync(join(dir, "link.yaml")).isSymbolicLink()).toBe(true);
    // merge: a shard file named as the output
    const shard = join(dir, "shard.json");
    expect((await run([...QUICK, "--shard", "0/1", "--out", shard])).code).toBe(0);
    const text = readFileSync(shard, "utf8");
    const merge = await run(["merge", shard, "--format", "json", "--out", shard]);
    expect(merge.code).toBe(2);
    expect(merge.err).toContain(`--out ${shard} is a shard file of this run`);
    expect(readFileSync(shard, "utf8")).toBe(text);
  });

  it("--out X --html X is refused before the run, and nothing is written", async () => {
    const dir = tempDir();
    const same = join(dir, "same");
    const r = await run([...JSON_QUICK, "--out", same, "--html", same]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--out and --html name the same file (${same}): give each its own file`);
    expect(readdirSync(dir)).toEqual([]);
    // the same existing file under two names
    writeFileSync(join(dir, "a.json"), "old");
    symlinkSync(join(dir, "a.json"), join(dir, "b.html"));
    const twice = await run([...JSON_QUICK, "--out", join(dir, "a.json"), "--html", join(dir, "b.html")]);
    expect(twice.code).toBe(2);
    expect(readFileSync(join(dir, "a.json"), "utf8")).toBe("old");
  });
});

describe("D13: what is at the path", () => {
  it("a symbolic link to a regular file stays a link; the file it points to is replaced whole", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "real.json"), '{"real":1}\n');
    symlinkSync("real.json", join(dir, "link.json"));
    const r = await run([...JSON_QUICK, "--out", join(dir, "link.json")]);
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, "link.json")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "link.json"))).toBe("real.json");
    expect(JSON.parse(readFileSync(join(dir, "real.json"), "utf8")).scenario).toBe("teaching");
    expect(readdirSync(dir).sort()).toEqual(["link.json", "real.json"]);
  });

  it("refuses a folder, a link to nothing, a read-only file and a missing or read-only folder, before the run (exit 1)", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "folder"));
    symlinkSync("nowhere.json", join(dir, "dangling.json"));
    writeFileSync(join(dir, "ro.json"), "keep");
    chmodSync(join(dir, "ro.json"), 0o444);
    const cases: [string, string][] = [
      [join(dir, "folder"), "it is a folder"],
      [join(dir, "dangling.json"), "it is a symbolic link to a file that does not exist"],
      [join(dir, "ro.json"), "it is read-only"],
      [join(dir, "missing", "x.json"), "its folder does not exist"],
      [join(dir, "ro.json", "x.json"), "a part of its path is not a folder"],
    ];
    for (const [path, why] of cases) {
      const r = await run([...JSON_QUICK, "--out", path]);
      expect(r.code, path).toBe(1);
      expect(r.err, path).toBe(`helhet: cannot write --out ${path}: ${why}`);
    }
    expect(readFileSync(join(dir, "ro.json"), "utf8")).toBe("keep");
    expect(statSync(join(dir, "ro.json")).mode & 0o777).toBe(0o444);
    expect(readdirSync(dir).sort()).toEqual(["dangling.json", "folder", "ro.json"]);
  });

  it.skipIf(isRoot)("refuses a folder it may not write in (as a user without the right)", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "locked"));
    chmodSync(join(dir, "locked"), 0o555);
    const r = await run([...JSON_QUICK, "--out", join(dir, "locked", "x.json")]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/its folder .*locked is not writable/);
  });

  it("the path is checked before the run: a long run is refused at once", async () => {
    const dir = tempDir();
    const t0 = performance.now();
    const r = await run(["--scenario", "soderhamn", "--replications", "100000", "--out", join(dir, "missing", "x.json")]);
    expect(r.code).toBe(1);
    expect(performance.now() - t0).toBeLessThan(20_000); // the run itself would take hours
  });

  it("writes into a character device instead of replacing it (/dev/null, and a copy of it as root)", async () => {
    expect((await run([...JSON_QUICK, "--out", "/dev/null"])).code).toBe(0);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
    if (isRoot) {
      const dir = tempDir();
      execFileSync("mknod", [join(dir, "null"), "c", "1", "3"]);
      expect((await run([...JSON_QUICK, "--out", join(dir, "null")])).code).toBe(0);
      expect(lstatSync(join(dir, "null")).isCharacterDevice()).toBe(true);
      expect(readdirSync(dir)).toEqual(["null"]);
    }
  });

  it("writes into a named pipe that has a reader, which stays a pipe", async () => {
    const dir = tempDir();
    const fifo = join(dir, "fifo");
    mkfifo(fifo);
    const received = new Promise<string>((resolve, reject) => {
      let text = "";
      createReadStream(fifo, "utf8").on("data", (d) => (text += d)).on("end", () => resolve(text)).on("error", reject);
    });
    const r = await runBuilt([...JSON_QUICK, "--out", fifo]);
    expect(r.code).toBe(0);
    expect(JSON.parse(await received).scenario).toBe("teaching");
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(["fifo"]);
  });

  it("gives up on a named pipe nobody reads, saying so, and leaves it a pipe", async () => {
    const dir = tempDir();
    const fifo = join(dir, "fifo");
    mkfifo(fifo);
    const said: string[] = [];
    const targets = planOutputs([["--out", fifo]], []);
    expect(targets[0]).toMatchObject({ kind: "stream", fifo: true });
    await expect(commitOutputs(targets, new Map([["--out", "x\n"]]), { err: (s) => said.push(s), pipeWaitMs: 300 })).rejects.toThrow(
      new OutputError(`cannot write --out ${fifo}: nobody opened the named pipe for reading within 0.3 s`),
    );
    expect(said.join()).toContain(`waiting for a reader of --out ${fifo} (a named pipe)`);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it("writes /dev/stdout, /dev/fd/1 and a process substitution into the descriptor (appending where the shell appends)", async () => {
    for (const path of ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]) {
      const r = await runBuilt([...JSON_QUICK, "--out", path]);
      expect(r.code, path).toBe(0);
      expect(JSON.parse(r.out).scenario, path).toBe("teaching");
    }
    const dir = tempDir();
    writeFileSync(join(dir, "log.txt"), "before\n");
    const shell = `"${process.execPath}" "${join(ROOT, "dist", "cli.js")}" ${JSON_QUICK.map((a) => `'${a}'`).join(" ")} --out /dev/stdout >> log.txt`;
    execFileSync("bash", ["-c", shell], { cwd: dir });
    const log = readFileSync(join(dir, "log.txt"), "utf8");
    expect(log.startsWith("before\n{")).toBe(true);
    expect(JSON.parse(log.slice("before\n".length)).scenario).toBe("teaching");
    const sub = execFileSync("bash", ["-c", `"${process.execPath}" "${join(ROOT, "dist", "cli.js")}" ${JSON_QUICK.map((a) => `'${a}'`).join(" ")} --out >(wc -c > ${join(dir, "count")}); wait; sleep 0.3`]);
    expect(sub.toString()).toBe("");
    expect(Number(readFileSync(join(dir, "count"), "utf8"))).toBeGreaterThan(1000);
  });

  it.skipIf(!isRoot)("as a user who may not write there: /dev/stdout works, a root-owned read-only file is refused", (ctx) => {
    // the other user must be able to read the checkout (a clone in a mktemp -d folder, mode 700, is not)
    try {
      execFileSync("setpriv", ["--reuid", "65534", "--regid", "65534", "--clear-groups", process.execPath, "-e", `require("fs").accessSync(${JSON.stringify(join(ROOT, "dist", "cli.js"))})`], { stdio: "ignore" });
    } catch {
      console.warn(`skipping the check as another user: user 65534 cannot read ${ROOT}`);
      ctx.skip();
    }
    const dir = tempDir();
    chmodSync(dir, 0o777);
    writeFileSync(join(dir, "ro.json"), "ro");
    chmodSync(join(dir, "ro.json"), 0o444);
    const nobody = ["--reuid", "65534", "--regid", "65534", "--clear-groups"];
    const cli = [process.execPath, join(ROOT, "dist", "cli.js"), ...JSON_QUICK];
    const out = execFileSync("setpriv", [...nobody, ...cli, "--out", "/dev/stdout"], { cwd: ROOT, encoding: "utf8" });
    expect(JSON.parse(out).scenario).toBe("teaching");
    let status = 0;
    let err = "";
    try {
      execFileSync("setpriv", [...nobody, ...cli, "--out", join(dir, "ro.json")], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    } catch (e) {
      status = (e as { status: number }).status;
      err = String((e as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(1);
    expect(err).toContain("it is read-only");
    expect(readFileSync(join(dir, "ro.json"), "utf8")).toBe("ro");
  });
});

describe("D18: an output that cannot be written: exit 1, 'cannot write --…', the option named, never a temporary file", () => {
  it("compare, a shard, journey --html and run --html alike", async () => {
    const dir = tempDir();
    const missing = join(dir, "missing", "x.json");
    const cases: [string[], string][] = [
      [[...QUICK, "--out", missing], `helhet: cannot write --out ${missing}: its folder does not exist`],
      [[...QUICK, "--shard", "0/1", "--out", missing], `helhet: cannot write --out ${missing}: its folder does not exist`],
      [["journey", ...QUICK, "--policies", "whole", "--html", join(dir, "missing", "j.html")], `helhet: cannot write --html ${join(dir, "missing", "j.html")}: its folder does not exist`],
      [["run", ...QUICK, "--html", join(dir, "missing", "r.html")], `helhet: cannot write --html ${join(dir, "missing", "r.html")}: its folder does not exist`],
      [["schema", "--out", missing], `helhet: cannot write --out ${missing}: its folder does not exist`],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.err, args.join(" ")).toBe(message);
      expect(r.err).not.toContain(".tmp");
    }
  });

  it("an empty file name is a usage error (exit 2) for every command", async () => {
    for (const args of [[...QUICK, "--out", ""], [...QUICK, "--shard", "0/1", "--out", ""], [...QUICK, "--html", ""]]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/--(out|html) needs a file name, got ""/);
    }
  });

  it("the HTML is not written when --out cannot be (both are checked before the run)", async () => {
    const dir = tempDir();
    const r = await run([...QUICK, "--html", join(dir, "ok.html"), "--out", join(dir, "missing", "x.json")]);
    expect(r.code).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a write that fails after the run (the folder went away) names the option and leaves no file", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "sub"));
    const targets = planOutputs([["--out", join(dir, "sub", "x.json")], ["--html", join(dir, "y.html")]], []);
    execFileSync("rmdir", [join(dir, "sub")]);
    await expect(commitOutputs(targets, new Map([["--out", "x"], ["--html", "y"]]))).rejects.toThrow(`cannot write --out ${join(dir, "sub", "x.json")}: its folder does not exist`);
    expect(readdirSync(dir)).toEqual([]); // the HTML was not renamed into place either
  });
});

describe("D15: no temporary file after a signal; --html and --out as a pair", () => {
  const W = ["--scenario", "teaching", "--replications", "3", "--horizon", "4 weeks", "--warmup", "1 week", "--quiet", "--format", "json"];

  for (const signal of ["SIGTERM", "SIGHUP"] as const) {
    it(`${signal} during the run leaves neither output nor temporary file`, async () => {
      const dir = tempDir();
      const r = await runBuilt(["--replications", "50", "--format", "json", "--out", join(dir, "c.json"), "--html", join(dir, "c.html")], {
        onSpawn: (child) => setTimeout(() => child.kill(signal), 1500),
      });
      expect(r.signal).toBe(signal);
      expect(readdirSync(dir)).toEqual([]);
    });
  }

  const strace = (() => {
    try {
      execFileSync("strace", ["-V"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();

  // the reproducer's method: strace holds each rename for 3 s, and the signal comes while one is held
  for (const [signal, when] of [["SIGTERM", 1], ["SIGINT", 2], ["SIGHUP", 2]] as const) {
    it.skipIf(!strace)(`${signal} while rename ${when} of 2 is held: both files new, no temporary file, then the signal acts`, async () => {
      const dir = tempDir();
      writeFileSync(join(dir, "out.json"), "old");
      writeFileSync(join(dir, "out.html"), "old");
      const result = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string }>((resolve) => {
        const child = spawn(
          "strace",
          ["-f", "-qq", "-o", "/dev/null", "-e", "trace=rename,renameat,renameat2", "-e", `inject=rename,renameat,renameat2:delay_enter=3000000:when=${when}`, process.execPath, join(ROOT, "dist", "cli.js"), ...W, "--out", "out.json", "--html", "out.html"],
          { cwd: dir, stdio: ["ignore", "ignore", "pipe"] },
        );
        let err = "";
        child.stderr.on("data", (d: Buffer) => (err += d.toString()));
        // wait until both temporary files are written (the renames come right after), then signal node
        const poll = setInterval(() => {
          if (readdirSync(dir).filter((f) => f.endsWith(".tmp")).length === 3 - when) {
            clearInterval(poll);
            setTimeout(() => {
              const pid = execFileSync("pgrep", ["-P", String(child.pid), "-x", "node"], { encoding: "utf8" }).trim().split("\n")[0]!;
              process.kill(Number(pid), signal);
            }, 500);
          }
        }, 50);
        child.on("close", (code, sig) => {
          clearInterval(poll);
          resolve({ code, signal: sig, err });
        });
      });
      expect(readdirSync(dir).sort()).toEqual(["out.html", "out.json"]);
      expect(readFileSync(join(dir, "out.html"), "utf8")).toMatch(/^<!doctype html>/i);
      expect(JSON.parse(readFileSync(join(dir, "out.json"), "utf8")).scenario).toBe("teaching");
      // strace reports the tracee's end: killed by the signal held until the files were in place
      expect(result.err).not.toMatch(/cannot write/);
      expect(result.signal).toBe(signal);
    });
  }

  it("a temporary file left by a process killed with SIGKILL is removed by the next write of the same file", async () => {
    const dir = tempDir();
    // a process that has ended: its pid is free
    const dead = Number(execFileSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }));
    const host = hostname().replace(/[^A-Za-z0-9-]/g, "-").slice(0, 64) || "host";
    const stale = `.c.json.${host}.${dead}.0b8e2f5e-4f5c-4e58-9a53-4d1b7c3f1a2b.tmp`;
    const alive = `.c.json.${host}.${process.pid}.0b8e2f5e-4f5c-4e58-9a53-4d1b7c3f1a2c.tmp`;
    const otherHost = `.c.json.elsewhere.${dead}.0b8e2f5e-4f5c-4e58-9a53-4d1b7c3f1a2d.tmp`;
    for (const name of [stale, alive, otherHost]) writeFileSync(join(dir, name), "partial");
    expect((await run([...JSON_QUICK, "--out", join(dir, "c.json")])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([alive, otherHost, "c.json"].sort());
  });

  it("keeps the mode of the file it replaces", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "c.json"), "old");
    chmodSync(join(dir, "c.json"), 0o640);
    expect((await run([...JSON_QUICK, "--out", join(dir, "c.json")])).code).toBe(0);
    expect(statSync(join(dir, "c.json")).mode & 0o777).toBe(0o640);
  });
});
