/**
 * Where `--out` and `--html` write, checked before the run and written together after it.
 *
 * Before the run ({@link planOutputs}): each path must be writable — its folder exists and is
 * writable, it is not a folder, not read-only, not an input of the same run (the scenario file,
 * a policy file, a shard file being merged; also through a link), and `--out` and `--html` are
 * different files. A path that names an existing pipe (FIFO), a terminal or another character
 * device (`/dev/null`), or an open file descriptor (`/dev/stdout`, `/dev/stderr`, `/dev/fd/N`,
 * `/proc/self/fd/N`) is written into directly, as the shell's `>` does; anything else is replaced
 * whole, through a temporary file beside it. A symbolic link to a regular file stays a link: the
 * file it points to is replaced.
 *
 * After the run ({@link commitOutputs}): every file is first written to its temporary file, then
 * the files are renamed into place one right after the other (`--html` first, then `--out`);
 * SIGINT, SIGTERM and SIGHUP arriving meanwhile are held until both are in place, then act. Pipes
 * and devices are written after the files.
 *
 * @packageDocumentation
 */
import { accessSync, constants, closeSync, fstatSync, lstatSync, openSync, realpathSync, statSync, type Stats } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { prepareAtomic, writeAll, writeErrorReason, type PendingWrite } from "../node/atomicWrite.js";
import { UsageError } from "./options.js";

/** An output that cannot be written: the command exits with status 1 and prints the message. */
export class OutputError extends Error {
  /**
   * @param message - "cannot write --out FILE: why"
   * @example
   * ```ts
   * throw new OutputError("cannot write --out x/c.json: its folder does not exist");
   * ```
   */
  constructor(message: string) {
    super(message);
    this.name = "OutputError";
  }
}

/** The output options. */
export type OutputOption = "--out" | "--html" | "--needs";

/** An output, checked. */
export interface OutputTarget {
  readonly option: OutputOption;
  /** The path as given. */
  readonly given: string;
  /**
   * `file`: replaced whole through a temporary file (`path` is the file itself, a link's target
   * when `given` is a symbolic link); `stream`: a pipe or device opened and written into;
   * `fd`: an open file descriptor of this process written into.
   */
  readonly kind: "file" | "stream" | "fd";
  readonly path: string;
  /** For `fd`: the descriptor. */
  readonly fd?: number;
  /** For `stream`: whether it is a named pipe (opened only once a reader is there). */
  readonly fifo?: boolean;
  /** Identity, to tell whether two outputs are the same file. */
  readonly key: string;
}

/** An input file of the run, which no output may replace. */
export interface OutputInput {
  /** What it is, e.g. "the scenario file". */
  readonly what: string;
  readonly path: string;
}

const FD_PATH = /^\/(?:dev\/(stdout|stderr|fd\/(\d+))|proc\/self\/fd\/(\d+))$/;

/**
 * Checks the outputs before the run, so that a long run is not lost to a path that cannot be
 * written.
 *
 * @param wanted - the output options and their paths (undefined when not given)
 * @param inputs - the run's input files
 * @returns the checked outputs, `--html` first
 * @throws {UsageError} when an output is an input of the run, or `--out` and `--html` are the
 *   same file (exit 2)
 * @throws {OutputError} when a path cannot be written: its folder is missing or not writable, it
 *   is a folder, read-only, a socket or block device, or a link to nothing (exit 1)
 * @example
 * ```ts
 * const outputs = planOutputs([["--out", "c.json"], ["--html", undefined]], [{ what: "the scenario file", path: "town.yaml" }]);
 * ```
 */
export function planOutputs(wanted: ReadonlyArray<readonly [OutputOption, string | undefined]>, inputs: readonly OutputInput[]): OutputTarget[] {
  const inputStats = inputs.flatMap((input) => {
    try {
      return [{ ...input, st: statSync(input.path) }];
    } catch {
      return [];
    }
  });
  const targets: OutputTarget[] = [];
  for (const [option, path] of wanted) {
    if (path === undefined) continue;
    if (path === "") throw new UsageError(`${option} needs a file name, got ""`);
    const target = planOne(option, path, (st) => {
      const input = inputStats.find((i) => i.st.dev === st.dev && i.st.ino === st.ino);
      if (input !== undefined) {
        const same = resolve(input.path) === resolve(path) ? "" : ` (${input.path})`;
        throw new UsageError(`${option} ${path} is ${input.what} of this run${same}; an output never replaces an input: choose another file`);
      }
    });
    const twin = targets.find((t) => t.key === target.key);
    if (twin !== undefined) throw new UsageError(`${twin.option} and ${option} name the same file (${path}): give each its own file`);
    targets.push(target);
  }
  return targets.sort((a, b) => (a.option === b.option ? 0 : a.option === "--html" ? -1 : 1));
}

function planOne(option: OutputOption, path: string, notAnInput: (st: Stats) => void): OutputTarget {
  const cannot = (why: string) => new OutputError(`cannot write ${option} ${path}: ${why}`);
  const fdMatch = FD_PATH.exec(path);
  if (fdMatch !== null) {
    const fd = fdMatch[1] === "stdout" ? 1 : fdMatch[1] === "stderr" ? 2 : Number(fdMatch[2] ?? fdMatch[3]);
    let st: Stats;
    try {
      st = fstatSync(fd);
    } catch {
      throw cannot(`file descriptor ${fd} is not open`);
    }
    if (st.isDirectory()) throw cannot("it is a folder");
    return { option, given: path, kind: "fd", path, fd, key: `${st.dev}:${st.ino}` };
  }
  let link: Stats;
  try {
    link = lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw cannot(writeErrorReason(e));
    checkFolder(dirname(path), cannot);
    return { option, given: path, kind: "file", path, key: `new:${resolve(realpathSync(dirname(path)), basename(path))}` };
  }
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw cannot(code === "ENOENT" && link.isSymbolicLink() ? "it is a symbolic link to a file that does not exist" : writeErrorReason(e));
  }
  const key = `${st.dev}:${st.ino}`;
  if (st.isDirectory()) throw cannot("it is a folder");
  notAnInput(st);
  if (st.isFIFO() || st.isCharacterDevice()) {
    if (!canAccess(path, constants.W_OK)) throw cannot("permission denied");
    return { option, given: path, kind: "stream", path, key, fifo: st.isFIFO() };
  }
  if (!st.isFile()) throw cannot(`it is a ${st.isSocket() ? "socket" : st.isBlockDevice() ? "block device" : "special file"}, not a regular file, a pipe or a terminal`);
  if ((st.mode & 0o222) === 0 || !canAccess(path, constants.W_OK)) throw cannot("it is read-only");
  const real = link.isSymbolicLink() ? realpathSync(path) : path;
  checkFolder(dirname(real), cannot);
  return { option, given: path, kind: "file", path: real, key };
}

/** The folder exists and a file can be created and renamed in it. */
function checkFolder(folder: string, cannot: (why: string) => OutputError): void {
  let st: Stats;
  try {
    st = statSync(folder);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw cannot(code === "ENOENT" ? "its folder does not exist" : code === "ENOTDIR" ? "a part of its path is not a folder" : writeErrorReason(e));
  }
  if (!st.isDirectory()) throw cannot(`${folder} is not a folder`);
  if (!canAccess(folder, constants.W_OK | constants.X_OK)) throw cannot(`its folder ${folder} is not writable`);
}

function canAccess(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

/** Signals held while the files are renamed into place. */
const HELD: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Writes the outputs checked by {@link planOutputs}: the files through temporary files, renamed
 * into place one right after the other (`--html` first, then `--out`) with SIGINT, SIGTERM and
 * SIGHUP held meanwhile (they act once both are in place: no temporary file is left, and never
 * one new file beside an old one); then the pipes and devices. A pipe whose reader has gone is
 * not an error (as with `| head`).
 *
 * @param targets - the checked outputs
 * @param texts - the text of each output option
 * @param io - where to say that a named pipe has no reader yet (and how long to wait for one)
 * @throws {OutputError} naming the option and the path, never a temporary file; when a file
 *   cannot be written, none of the files is replaced
 * @example
 * ```ts
 * await commitOutputs(planOutputs([["--out", "c.json"]], []), new Map([["--out", "{}\n"]]));
 * ```
 */
export async function commitOutputs(targets: readonly OutputTarget[], texts: ReadonlyMap<OutputOption, string>, io: PipeIo = {}): Promise<void> {
  const files = targets.filter((t) => t.kind === "file");
  if (files.length > 0) {
    await holdingSignals(() => {
      const pending: Array<[OutputTarget, PendingWrite]> = [];
      try {
        for (const t of files) {
          try {
            pending.push([t, prepareAtomic(t.path, textOf(texts, t))]);
          } catch (e) {
            throw new OutputError(`cannot write ${t.option} ${t.given}: ${writeErrorReason(e)}`);
          }
        }
      } catch (e) {
        for (const [, p] of pending) p.abort();
        throw e;
      }
      for (let i = 0; i < pending.length; i++) {
        const [t, p] = pending[i]!;
        try {
          p.commit();
        } catch (e) {
          for (const [, rest] of pending.slice(i + 1)) rest.abort();
          throw new OutputError(`cannot write ${t.option} ${t.given}: ${writeErrorReason(e)}`);
        }
      }
    });
  }
  for (const t of targets) {
    if (t.kind === "file") continue;
    try {
      if (t.kind === "fd") writeAll(t.fd as number, textOf(texts, t));
      else {
        const fd = t.fifo === true ? await openPipe(t, io) : openSync(t.path, constants.O_WRONLY);
        try {
          writeAll(fd, textOf(texts, t));
        } finally {
          closeSync(fd);
        }
      }
    } catch (e) {
      if (e instanceof OutputError) throw e;
      if ((e as NodeJS.ErrnoException).code === "EPIPE") continue;
      throw new OutputError(`cannot write ${t.option} ${t.given}: ${writeErrorReason(e)}`);
    }
  }
}

/** How {@link commitOutputs} waits for the reader of a named pipe. */
export interface PipeIo {
  /** Where to say that it waits (default: nowhere). */
  readonly err?: (s: string) => void;
  /** How long to wait for a reader, in milliseconds (default 60,000). */
  readonly pipeWaitMs?: number;
}

/**
 * Opens a named pipe for writing once it has a reader: the shell's `>` would wait for ever; this
 * waits up to a minute (saying so), then gives up with a message. The pipe is opened without
 * blocking to see whether a reader is there, then again for the (blocking) writes.
 */
async function openPipe(t: OutputTarget, io: PipeIo): Promise<number> {
  const step = 100;
  const tries = Math.max(1, Math.ceil((io.pipeWaitMs ?? 60_000) / step));
  for (let i = 0; i < tries; i++) {
    let probe: number;
    try {
      probe = openSync(t.path, constants.O_WRONLY | constants.O_NONBLOCK);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENXIO") throw e;
      if (i === 0) io.err?.(`helhet: waiting for a reader of ${t.option} ${t.given} (a named pipe), up to ${(tries * step) / 1000} s`);
      await new Promise((done) => setTimeout(done, step));
      continue;
    }
    try {
      return openSync(t.path, constants.O_WRONLY);
    } finally {
      closeSync(probe);
    }
  }
  throw new OutputError(`cannot write ${t.option} ${t.given}: nobody opened the named pipe for reading within ${(tries * step) / 1000} s`);
}

function textOf(texts: ReadonlyMap<OutputOption, string>, t: OutputTarget): string {
  const text = texts.get(t.option);
  if (text === undefined) throw new Error(`no text for ${t.option}`);
  return text;
}

/**
 * Runs `write` (synchronous) with SIGINT, SIGTERM and SIGHUP held; a signal that arrived
 * meanwhile is raised again once the event loop has seen it, with the default action (the
 * process ends as it would have).
 */
async function holdingSignals(write: () => void): Promise<void> {
  const caught: NodeJS.Signals[] = [];
  const hold = (signal: NodeJS.Signals): void => {
    caught.push(signal);
  };
  for (const s of HELD) process.on(s, hold);
  try {
    write();
  } finally {
    // a signal that arrived during the synchronous write reaches its listener a turn or two of
    // the event loop later (one immediate is not always enough): give it a few
    for (let turn = 0; turn < 3; turn++) await new Promise((done) => setImmediate(done));
    await new Promise((done) => setTimeout(done, 5));
    for (const s of HELD) process.off(s, hold);
    if (caught.length > 0) process.kill(process.pid, caught[0]);
  }
}
