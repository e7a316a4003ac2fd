/**
 * @fileoverview Progress lines for long steps: `▸ step …` then `✓ step (1.23 s)`. Output goes to stderr so that
 * commands whose stdout is data (reproduce --json) stay clean. Silenced with BAIPISHU_QUIET=1 (tests).
 */
import {performance} from "node:perf_hooks";

const quiet = (): boolean => process.env.BAIPISHU_QUIET === "1";

export function info(line: string): void {
  if (!quiet()) process.stderr.write(`${line}\n`);
}

export function warn(line: string): void {
  // Warnings are never silenced: an estimated series must always be visible to whoever builds.
  process.stderr.write(`warning: ${line}\n`);
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Runs one named step, printing its start and its duration; rethrows its error untouched. */
export async function step<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  info(`▸ ${name} …`);
  const result = await run();
  info(`✓ ${name} (${formatSeconds(performance.now() - start)})`);
  return result;
}
