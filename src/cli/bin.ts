/**
 * Entry point of the `helhet` executable.
 *
 * @packageDocumentation
 */
import { main } from "./main.js";

main(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  isTTY: process.stdout.isTTY === true,
  errIsTTY: process.stderr.isTTY === true,
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`helhet: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
