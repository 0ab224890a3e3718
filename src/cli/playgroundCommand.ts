/**
 * `helhet playground`: serves the built playground page (dist/playground/index.html) on
 * localhost with Node's http module, prints the address and opens a browser where there is one.
 * The page itself needs no server: this only spares a participant finding the file.
 *
 * @packageDocumentation
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where the command writes, and what stops the server (tests; a person presses Ctrl-C). */
export interface PlaygroundIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly isTTY?: boolean;
  /** Stops the server when aborted; the command then returns 0. */
  readonly signal?: AbortSignal;
  /** Called with the address once the server listens. */
  readonly onListening?: (url: string) => void;
}

/**
 * The built page: beside the command's own file in the package (dist/playground/), or in the
 * checkout's dist/ when run from the sources.
 *
 * @returns the path, or undefined when the playground is not built
 * @example
 * ```ts
 * playgroundFile(); // ".../dist/playground/index.html" after npm run build
 * ```
 */
export function playgroundFile(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  return [join(here, "playground", "index.html"), join(here, "..", "..", "dist", "playground", "index.html")].find((f) => existsSync(f));
}

/** Opens the address in the system's browser, when there is a display and a way to; never fails. */
function openBrowser(url: string, env: Readonly<Record<string, string | undefined>>): void {
  if (env["CI"] !== undefined) return;
  const [cmd, args] =
    process.platform === "darwin" ? ["open", [url]] : process.platform === "win32" ? ["cmd", ["/c", "start", "", url]] : env["DISPLAY"] !== undefined || env["WAYLAND_DISPLAY"] !== undefined ? ["xdg-open", [url]] : [undefined, []];
  if (cmd === undefined) return;
  try {
    const child = spawn(cmd, args as string[], { stdio: "ignore", detached: true });
    child.on("error", () => {});
    child.unref();
  } catch {
    // no browser to open: the address is printed
  }
}

/**
 * Serves the playground until the signal aborts (or the process is stopped).
 *
 * @param port - the port on 127.0.0.1 (0: any free one)
 * @param io - output, environment, stop signal
 * @returns the exit status: 0 when stopped, 1 when the page is not built or the port is taken
 * @example
 * ```ts
 * const stop = new AbortController();
 * const done = servePlayground(0, { out: console.log, err: console.error, signal: stop.signal });
 * stop.abort(); await done; //=> 0
 * ```
 */
export function servePlayground(port: number, io: PlaygroundIo): Promise<number> {
  const file = playgroundFile();
  if (file === undefined) {
    io.err("helhet: the playground is not built: run npm run build (it writes dist/playground/index.html)");
    return Promise.resolve(1);
  }
  const page = readFileSync(file);
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split(/[?#]/)[0];
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (path !== "/" && path !== "/index.html") {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found: the playground is at /\n");
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": page.length, "cache-control": "no-store", "x-content-type-options": "nosniff" });
    res.end(req.method === "HEAD" ? undefined : page);
  });
  return new Promise((resolve) => {
    const stop = () => server.close(() => resolve(0));
    server.on("error", (e: NodeJS.ErrnoException) => {
      io.err(`helhet: cannot serve the playground on port ${port}: ${e.code === "EADDRINUSE" ? "the port is in use; give another with --port N (0: any free port)" : e.message}`);
      resolve(1);
    });
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const url = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : port}/`;
      io.out(`helhet playground: ${url} (Ctrl-C stops it; the page also works opened straight from ${file})`);
      io.onListening?.(url);
      if (io.isTTY === true) openBrowser(url, io.env ?? {});
      if (io.signal?.aborted === true) stop();
      else io.signal?.addEventListener("abort", stop, { once: true });
    });
  });
}
