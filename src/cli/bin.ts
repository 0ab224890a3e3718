/**
 * Entry point of the `helhet` executable.
 *
 * @packageDocumentation
 */
import { main } from "./main.js";

process.exitCode = main(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  isTTY: process.stdout.isTTY === true,
  errIsTTY: process.stderr.isTTY === true,
  env: process.env,
});
