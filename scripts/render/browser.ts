/**
 * @fileoverview Launches Debian's Chromium through puppeteer-core (no browser download ever). The path is
 * $PUPPETEER_EXECUTABLE_PATH or /usr/bin/chromium; the flags keep it off the network (this machine's network is
 * closed, and a report build must not phone anywhere) and let it run as root in CI.
 */
import {existsSync} from "node:fs";
import {mkdtemp, rm} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import puppeteer, {type Browser} from "puppeteer-core";
import {BuildError} from "../lib/errors.ts";

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
  "--font-render-hinting=none"
];

export function chromiumPath(): string {
  return process.env.PUPPETEER_EXECUTABLE_PATH || DEFAULT_CHROMIUM;
}

export interface LaunchedBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** Starts Chromium with a fresh profile folder that is removed again on close. */
export async function launchBrowser(): Promise<LaunchedBrowser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath))
    throw new BuildError(
      `${executablePath}: Chromium not found; run \`bash scripts/setup.sh\` (installs Debian's chromium) or set PUPPETEER_EXECUTABLE_PATH`
    );
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), "baipishu-chromium-"));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir,
    args: CHROMIUM_ARGS
  });
  return {
    browser,
    async close() {
      await browser.close();
      await rm(userDataDir, {recursive: true, force: true});
    }
  };
}
