/**
 * @fileoverview Launches Debian's Chromium through puppeteer-core (no browser download ever). The path is
 * $PUPPETEER_EXECUTABLE_PATH or /usr/bin/chromium; the flags keep it off the network (this machine's network is
 * closed, and a report build must not phone anywhere) and let it run as root in CI.
 *
 * Two ways to get one: launchBrowser() starts a browser that its caller closes; sharedBrowser() starts one browser
 * per process on first use (about 1 s saved for every PDF after the first) that closeSharedBrowser() closes.
 */
import {existsSync, readFileSync, rmSync} from "node:fs";
import {mkdtemp, readFile, readdir, readlink, rm, stat, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import puppeteer, {type Browser, type Target} from "puppeteer-core";
import {BuildError} from "../lib/errors.ts";
import {isRunning} from "../lib/process.ts";
import {onInterrupt} from "../lib/interrupt.ts";

export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-dev-shm-usage",
  "--font-render-hinting=none",
  // No name is ever resolved except the machine's own: Chromium's update, metrics and sign-in clients (and any stray
  // URL) fail at once instead of asking a DNS server. Local pages (file://, a preview on localhost) still work.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
  "--dns-prefetch-disable",
  "--no-pings",
  "--disable-domain-reliability",
  "--disable-client-side-phishing-detection",
  "--disable-default-apps",
  "--disable-extensions",
  "--disable-breakpad",
  "--no-default-browser-check",
  "--metrics-recording-only",
  "--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater"
];

export function chromiumPath(): string {
  return process.env.PUPPETEER_EXECUTABLE_PATH || DEFAULT_CHROMIUM;
}

const PROFILE_PREFIX = "baipishu-chromium-";
const SLEEPER = new Int32Array(new SharedArrayBuffer(4));

/** Whether a process still runs (a zombie, killed but not yet reaped by its parent, does not). */
function isAlive(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] !== "Z";
  } catch {
    return isRunning(pid);
  }
}

/** Each run writes its pid here right after creating its profile folder. */
const OWNER_FILE = "baipishu-owner.pid";
/** A profile folder with neither an owner nor Chromium's lock this old belongs to no run that is still starting. */
const STALE_UNLOCKED_MS = 60 * 1000;

/**
 * Removes profile folders that a killed run left in the temporary directory: the owner file names the build's
 * process, Chromium's SingletonLock its own ("host-pid"); a folder whose owner (or Chromium) is gone is stale, and
 * so is one with neither older than a minute.
 */
export async function sweepStaleProfiles(tmp = os.tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = (await readdir(tmp)).filter((name) => name.startsWith(PROFILE_PREFIX));
  } catch {
    return removed;
  }
  for (const name of names) {
    const dir = path.join(tmp, name);
    try {
      const owner = await readFile(path.join(dir, OWNER_FILE), "utf8").then(Number, () => undefined);
      const chromium = await readlink(path.join(dir, "SingletonLock")).then(
        (link) => Number(/-(\d+)$/.exec(link)?.[1]),
        () => undefined
      );
      const alive = [owner, chromium].filter((pid): pid is number => pid !== undefined && pid > 0);
      const stale =
        alive.length > 0
          ? !alive.some((pid) => isRunning(pid))
          : Date.now() - (await stat(dir)).mtimeMs > STALE_UNLOCKED_MS;
      if (stale) {
        await rm(dir, {recursive: true, force: true});
        removed.push(dir);
      }
    } catch {
      // Another run may be removing it at the same moment.
    }
  }
  return removed;
}

export interface LaunchedBrowser {
  browser: Browser;
  /** The fresh profile folder, removed by close(). */
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * Starts Chromium with a fresh profile folder that is removed again on close. `pipe`: talk DevTools over stdio
 * pipes instead of a WebSocket (the shared browser needs it, see keepAlive()).
 */
export async function launchBrowser(options: {pipe?: boolean} = {}): Promise<LaunchedBrowser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath))
    throw new BuildError(
      `${executablePath}: Chromium not found; run \`bash scripts/setup.sh\` (installs Debian's chromium) or set PUPPETEER_EXECUTABLE_PATH`
    );
  await sweepStaleProfiles();
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), PROFILE_PREFIX));
  await writeFile(path.join(userDataDir, OWNER_FILE), String(process.pid));
  // Ctrl-C during the launch itself: the folder goes (launchShared adds the kill-then-remove once Chromium runs).
  const forgetFolder = onInterrupt(() => rmSync(userDataDir, {recursive: true, force: true}));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      userDataDir,
      args: CHROMIUM_ARGS,
      pipe: options.pipe ?? false
    });
  } catch (error) {
    forgetFolder();
    await rm(userDataDir, {recursive: true, force: true});
    throw error;
  }
  return {
    browser,
    userDataDir,
    async close() {
      forgetFolder();
      await browser.close();
      await rm(userDataDir, {recursive: true, force: true});
    }
  };
}

// --- The shared browser -------------------------------------------------------------------------------------------

let shared: Promise<LaunchedBrowser> | undefined;

/**
 * Whether the Node handles of a browser (the Chromium child and its stdio; the DevTools pipe is stdio 3 and 4) keep
 * the process alive. The shared browser talks over the pipe, not a WebSocket, because a WebSocket's socket is out
 * of reach for unref().
 */
function keepAlive(launched: LaunchedBrowser, on: boolean): void {
  const child = launched.browser.process();
  if (!child) return;
  if (on) child.ref();
  else child.unref();
  for (const stream of child.stdio) {
    const handle = stream as unknown as {ref?: () => void; unref?: () => void} | null;
    if (on) handle?.ref?.();
    else handle?.unref?.();
  }
}

/**
 * Launches the shared browser so that a process that never calls closeSharedBrowser() still ends: the browser keeps
 * the process alive only while one of its pages is open (a page opened after the launch; a job opens its page and
 * closes it when done). With no page open it holds no Node handle, so the process can end; Puppeteer's own 'exit'
 * handler then kills Chromium, and the one registered here removes the profile folder (synchronously: nothing
 * asynchronous runs during 'exit'). No timer is involved.
 */
async function launchShared(): Promise<LaunchedBrowser> {
  const launched = await launchBrowser({pipe: true});
  const onExit = () => {
    // Chromium is killed first and awaited (synchronously: nothing asynchronous runs during 'exit'), so that it
    // writes nothing into its profile after the folder is removed.
    const pid = launched.browser.process()?.pid;
    if (pid !== undefined) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // Already gone.
      }
      const deadline = Date.now() + 2000;
      while (isAlive(pid) && Date.now() < deadline) Atomics.wait(SLEEPER, 0, 0, 10);
    }
    try {
      rmSync(launched.userDataDir, {recursive: true, force: true, maxRetries: 5, retryDelay: 50});
    } catch {
      // A leftover temporary folder is not worth a crash on exit; the next launch sweeps it.
    }
  };
  process.once("exit", onExit);
  // On Ctrl-C the clean-up runs before the process exits (an 'exit' listener of Puppeteer's that throws would stop
  // the rest of them); running it twice is harmless.
  const forgetInterrupt = onInterrupt(onExit);
  const pages = new Set<Target>();
  launched.browser.on("targetcreated", (target: Target) => {
    if (target.type() !== "page") return;
    pages.add(target);
    keepAlive(launched, true);
  });
  launched.browser.on("targetdestroyed", (target: Target) => {
    if (pages.delete(target) && pages.size === 0) keepAlive(launched, false);
  });
  keepAlive(launched, false);
  return {
    ...launched,
    async close() {
      process.off("exit", onExit);
      forgetInterrupt();
      // Closing waits for Chromium to exit: the child's handle must keep the process alive until it has.
      keepAlive(launched, true);
      await launched.close();
    }
  };
}

/**
 * The process's one Chromium, launched on first call (and again after a crash). Open a new page per job and close
 * it when done. The CLI calls closeSharedBrowser() at the end of a build; a process that forgets still exits
 * (see launchShared), and Chromium and its profile folder go with it.
 */
export async function sharedBrowser(): Promise<Browser> {
  for (let attempt = 0; ; attempt++) {
    const current = (shared ??= launchShared());
    let launched: LaunchedBrowser;
    try {
      launched = await current;
    } catch (error) {
      // Forget a failed launch, so that the next call tries again (and reports its own error).
      if (shared === current) shared = undefined;
      throw error;
    }
    if (launched.browser.connected) return launched.browser;
    if (shared === current) shared = undefined;
    await launched.close().catch(() => {});
    if (attempt > 0) throw new BuildError(`${chromiumPath()}: Chromium exited right after its launch`);
  }
}

/**
 * Launches the shared browser ahead of its first use, e.g. at the start of a build so that the launch overlaps with
 * the steps before the first PDF; it also opens and closes one page, because a fresh browser's first page costs
 * more (renderer start-up). Call it without await; the promise never rejects: a failed launch is reported by the
 * next sharedBrowser() call.
 */
export async function warmUpSharedBrowser(): Promise<void> {
  try {
    const page = await (await sharedBrowser()).newPage();
    await page.close();
  } catch {
    // See above: the next sharedBrowser() call launches again and reports the error.
  }
}

/** Closes the shared browser and removes its profile folder; does nothing when none is running. */
export async function closeSharedBrowser(): Promise<void> {
  const current = shared;
  shared = undefined;
  if (!current) return;
  let launched: LaunchedBrowser;
  try {
    launched = await current;
  } catch {
    return;
  }
  await launched.close();
}
