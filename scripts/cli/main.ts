/**
 * @fileoverview The one place where a command turns an error into a message and an exit code: a BuildError prints
 * its message (one line per problem, no stack); anything else is a bug and prints one line plus a hint, or the
 * full stack with --debug. Exit code 1 either way.
 */
import {BuildError} from "../lib/errors.ts";
import {installInterruptHandlers} from "../lib/interrupt.ts";

export async function runCommand(run: (debug: boolean) => Promise<void>): Promise<void> {
  const debug = process.argv.includes("--debug");
  installInterruptHandlers();
  try {
    await run(debug);
  } catch (error) {
    if (debug) process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    else if (error instanceof BuildError) process.stderr.write(`error: ${error.message}\n`);
    else {
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      process.stderr.write(`error: ${message} (an internal error; run with --debug for the stack)\n`);
    }
    process.exitCode = error instanceof BuildError ? error.exitCode : 1;
  }
}
