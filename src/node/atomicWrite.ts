/**
 * Writing output files whole or not at all: write to a temporary file in the same folder, flush
 * it to disk, then rename it over the target (a rename within one file system is atomic). An
 * interrupted run leaves no half-written file. The write can be split in two steps
 * ({@link prepareAtomic}, then `commit`), so that several files are written first and renamed
 * into place one right after the other.
 *
 * A process killed with SIGKILL (which no program can catch) between writing the temporary file
 * and renaming it leaves the temporary file behind; the next write of the same target on the same
 * machine removes it ({@link removeStaleTemps}).
 *
 * @packageDocumentation
 */
import { randomUUID } from "node:crypto";
import { closeSync, fchmodSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";

/** A file written to its temporary name, waiting to be renamed over the target. */
export interface PendingWrite {
  /** The target. */
  readonly path: string;
  /** The temporary file beside it. */
  readonly temp: string;
  /** Renames the temporary file over the target; on failure removes it and throws. */
  readonly commit: () => void;
  /** Removes the temporary file (the target is untouched). */
  readonly abort: () => void;
}

/**
 * Writes `text` to a temporary file beside `path` (created new, never through an existing file
 * or link), with the mode of the file it will replace, flushed to disk.
 *
 * @param path - the target file
 * @param text - the whole contents
 * @returns the pending write: `commit()` renames it into place, `abort()` removes it
 * @throws Error when the folder does not exist or is not writable, or the disk is full (nothing
 *   is left behind)
 * @example
 * ```ts
 * const json = prepareAtomic("out/c.json", text);
 * const html = prepareAtomic("out/c.html", page);
 * json.commit();
 * html.commit();
 * ```
 */
export function prepareAtomic(path: string, text: string): PendingWrite {
  removeStaleTemps(path);
  const temp = join(dirname(path), `.${basename(path)}.${hostTag()}.${process.pid}.${randomUUID()}.tmp`);
  let mode: number | undefined;
  try {
    const st = statSync(path);
    if (st.isFile()) mode = st.mode & 0o7777;
  } catch {
    // a new file: the default mode
  }
  try {
    const fd = openSync(temp, "wx");
    try {
      if (mode !== undefined) fchmodSync(fd, mode);
      writeAll(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  return {
    path,
    temp,
    commit: () => {
      try {
        renameSync(temp, path);
      } catch (e) {
        rmSync(temp, { force: true });
        throw e;
      }
    },
    abort: () => rmSync(temp, { force: true }),
  };
}

/**
 * Writes `text` to `path` atomically.
 *
 * @param path - the target file
 * @param text - the whole contents
 * @throws Error when the folder does not exist or is not writable (nothing is left behind)
 * @example
 * ```ts
 * writeFileAtomic("out/comparison.json", JSON.stringify(comparison));
 * ```
 */
export function writeFileAtomic(path: string, text: string): void {
  prepareAtomic(path, text).commit();
}

/**
 * Writes all of `text` to an open file descriptor (a pipe may take it in several pieces).
 *
 * @param fd - the file descriptor
 * @param text - the text
 * @example
 * ```ts
 * writeAll(1, "to stdout\n");
 * ```
 */
export function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
}

/**
 * Removes the temporary files of `path` left by processes of this machine that no longer run
 * (killed with SIGKILL between writing and renaming). Temporary files of running processes and
 * of other machines (on a shared folder) are left alone.
 *
 * @param path - the target file
 * @returns the names removed
 * @example
 * ```ts
 * removeStaleTemps("out/comparison.json"); //=> [".comparison.json.host.4242.….tmp"] after a kill -9
 * ```
 */
export function removeStaleTemps(path: string): string[] {
  const folder = dirname(path);
  const prefix = `.${basename(path)}.${hostTag()}.`;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    const m = /^(\d+)\.[0-9a-f-]{36}\.tmp$/.exec(name.slice(prefix.length));
    if (m === null) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || isRunning(pid)) continue;
    try {
      rmSync(join(folder, name), { force: true });
      removed.push(name);
    } catch {
      // not ours to remove after all
    }
  }
  return removed;
}

/**
 * Why a file could not be written, in words, without the temporary file's name.
 *
 * @param e - the error thrown by a file-system call
 * @returns a short reason, e.g. "its folder does not exist"
 * @example
 * ```ts
 * writeErrorReason(Object.assign(new Error("ENOENT: …"), { code: "ENOENT" })); //=> "its folder does not exist"
 * ```
 */
export function writeErrorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "its folder does not exist";
    case "ENOTDIR":
      return "a part of its path is not a folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder";
    case "EROFS":
      return "the file system is read-only";
    case "ENOSPC":
      return "no space left on the device";
    case "EDQUOT":
      return "the disk quota is used up";
    case "EPIPE":
      return "the reader closed the pipe";
    case "ENAMETOOLONG":
      return "its name is too long";
    case "ELOOP":
      return "too many symbolic links";
    case "ENXIO":
      return "nobody reads the pipe or device";
    case "EXDEV":
      return "it is on another file system than its temporary file";
    default: {
      const message = e instanceof Error ? e.message : String(e);
      // Node's messages end with the path ("…, open '/x/.y.tmp'"): leave the path out
      return message.replace(/, \w+ '.*'$/s, "");
    }
  }
}

/** This machine's name as it appears in temporary file names (letters, digits and "-" only). */
function hostTag(): string {
  return hostname().replace(/[^A-Za-z0-9-]/g, "-").slice(0, 64) || "host";
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
