/**
 * @fileoverview Ctrl-C (SIGINT) and SIGTERM stop a command cleanly: it says so, runs the registered clean-ups
 * (a staging folder, the browser's profile folder; synchronous, because the process is about to exit) and exits
 * 130 / 143. What cannot be cleaned here (SIGKILL) is swept by the next run: stale staging folders (pipeline/dist.ts)
 * and stale Chromium profile folders (render/browser.ts).
 */

const cleanups = new Set<() => void>();
let installed = false;

/** Registers a synchronous clean-up for an interrupt; returns the function that unregisters it. */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Installs the SIGINT/SIGTERM handlers once per process (the CLI's runCommand does it). */
export function installInterruptHandlers(): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143]
  ] as const)
    process.once(signal, () => {
      process.stderr.write(`\ninterrupted (${signal}): stopping; what earlier runs wrote (dist/) is unchanged\n`);
      for (const cleanup of cleanups)
        try {
          cleanup();
        } catch {
          // Best effort: the next run sweeps what is left.
        }
      // 'exit' handlers still run: Puppeteer kills Chromium, the shared browser removes its profile folder.
      process.exit(code);
    });
}
