/**
 * @fileoverview `npm run serve [-- --edition 2022] [--port 8080] [--no-cache] [--debug]`: a live preview of one
 * edition (default: the newest) while writing. Prints its URL; a chapter or template edit reloads the browser, an
 * edit under data/ recomputes the edition's figures (when its fingerprint changed) and reloads; an error is shown in
 * the page and here, and the next good edit clears it. The PDF is printed on request: open /report.pdf (the
 * cover's PDF link) or press p here. q or Ctrl-C stops. Renders into .cache/serve/<edition>/, never into dist/.
 * The machinery is scripts/pipeline/preview.ts.
 */
import path from "node:path";
import {parseArgs} from "node:util";
import {BuildError} from "../lib/errors.ts";
import {listEditions} from "../load/edition.ts";
import {defaultFiguresCacheDir} from "../pipeline/figures-cache.ts";
import {describeError, Preview} from "../pipeline/preview.ts";
import {closeSharedBrowser} from "../render/browser.ts";
import {runCommand} from "./main.ts";

const root = path.resolve(import.meta.dirname, "../..");

await runCommand(async () => {
  const {values} = parseArgs({
    options: {
      edition: {type: "string"},
      port: {type: "string", default: "8080"},
      "data-root": {type: "string"},
      // Tests and the bench serve a copy: content/, templates/, .eleventy.js (and node_modules) of another folder.
      root: {type: "string"},
      "no-cache": {type: "boolean", default: false},
      debug: {type: "boolean", default: false}
    },
    allowPositionals: false
  });
  const siteRoot = path.resolve(values.root ?? root);
  const dataRoot = path.resolve(values["data-root"] ?? siteRoot);
  const known = await listEditions(dataRoot);
  const edition = values.edition === undefined ? known[known.length - 1] : Number(values.edition);
  if (edition === undefined || !known.includes(edition))
    throw new BuildError(`--edition ${values.edition ?? ""}: no such edition; known editions: ${known.join(", ")}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new BuildError(`--port ${values.port}: expected a port number`);

  const preview = await Preview.start({
    root: siteRoot,
    dataRoot,
    edition,
    workDir: path.join(siteRoot, ".cache", "serve", String(edition)),
    port,
    cache: {enabled: !values["no-cache"], dir: defaultFiguresCacheDir(siteRoot)}
  });
  const keys = process.stdin.isTTY ? "; p prints the PDF, q quits" : "; Ctrl-C quits";
  process.stderr.write(
    `serving the ${edition} edition at ${preview.url} (PDF on request: ${preview.url}report.pdf${keys})\n`
  );

  // In a terminal, q and Ctrl-C (raw mode: a key, not a signal) stop gracefully: server, watchers and rebuilds, then
  // the browser. A SIGINT/SIGTERM from elsewhere goes through lib/interrupt.ts (exit 130/143): the process ends,
  // and its 'exit' handlers end Chromium and remove its profile folder.
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      process.stderr.write("stopping…\n");
      process.stdin.setRawMode(false);
      process.stdin.pause();
      await preview.close();
      await closeSharedBrowser();
    })());
  const stopped = new Promise<void>((resolve) => {
    if (!process.stdin.isTTY) return;
    process.once("exit", () => process.stdin.setRawMode(false));
    process.stdin.setRawMode(true);
    process.stdin.resume();
    process.stdin.on("data", (data) => {
      const key = data.toString();
      if (key === "q" || key === "\u0003") void stop().then(resolve);
      else if (key === "p")
        preview
          .printPdf()
          .catch((error: unknown) => process.stderr.write(`error: report.pdf: ${describeError(error)}\n`));
    });
  });
  await stopped;
});
