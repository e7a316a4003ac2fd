/**
 * @fileoverview Whether a process still runs: used to tell a stale staging folder or browser profile (its owner
 * was killed) from one that a running build is still using.
 */

/** True when a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
