/**
 * Entry point of the `helhet` executable.
 *
 * A reader that goes away early (`helhet … | head -1`, `| true`) is not an error: the output it
 * did not want is dropped quietly and the command ends with its own exit status, without the
 * stack trace of an unhandled EPIPE.
 *
 * @packageDocumentation
 */
import { main } from "./main.js";

/** Runs the command with the process's streams and sets the exit status. */
function start(): void {
  const open = { out: true, err: true };
  const quietOnClose = (which: "out" | "err") => (e: NodeJS.ErrnoException) => {
    open[which] = false;
    if (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED") return;
    if (which === "out" && open.err) process.stderr.write(`helhet: cannot write to stdout: ${e.message}\n`);
    process.exitCode = 1;
  };
  process.stdout.on("error", quietOnClose("out"));
  process.stderr.on("error", quietOnClose("err"));

  main(process.argv.slice(2), {
    out: (s) => {
      if (open.out) process.stdout.write(`${s}\n`);
    },
    err: (s) => {
      if (open.err) process.stderr.write(`${s}\n`);
    },
    isTTY: process.stdout.isTTY === true,
    errIsTTY: process.stderr.isTTY === true,
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code === 0 && process.exitCode === 1 ? 1 : code;
    },
    (e: unknown) => {
      if (open.err) process.stderr.write(`helhet: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}

start();
