/**
 * @fileoverview The errors a user (publishing team, reviewer) can see. The CLI prints `message` on one line
 * (the stack only with --debug) and exits with `exitCode`. Anything that is not a BuildError is a bug and is
 * printed with its stack.
 */

/** An error whose message is meant for the user: one line, naming the place and the value. */
export class BuildError extends Error {
  readonly exitCode: number = 1;
  constructor(message: string, options?: {cause?: unknown}) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * An error of the model whose cause is the input (data, edition config, parameters), not the program: printed as a
 * user error naming the input to fix. The model is pure and does not know file paths, so `input` names the input
 * the way the user edits it ("the parameters of edition 2022 (data/params/2022.json)", "calibration.targets").
 */
export class ModelError extends BuildError {
  constructor(input: string, message: string) {
    super(`${input}: ${message}`);
  }
}

/** One located problem in an input file. `row` is the 1-based line number in the file (header = line 1). */
export interface Problem {
  file: string;
  row?: number;
  column?: string;
  value?: string;
  expected: string;
}

/** How many problems a DataError shows before "…and N more". */
export const MAX_PROBLEMS_SHOWN = 20;

export function formatProblem(p: Problem): string {
  const place = [p.file, p.row, p.column].filter((part) => part !== undefined && part !== "").join(":");
  if (p.value === undefined) return `${place}: expected ${p.expected}`;
  return `${place}: found "${p.value}"; expected ${p.expected}`;
}

/** Every problem found in the inputs, reported together (first MAX_PROBLEMS_SHOWN, then a count). */
export class DataError extends BuildError {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).map(formatProblem);
    const rest = problems.length - shown.length;
    const lines = rest > 0 ? [...shown, `…and ${rest} more`] : shown;
    super(lines.join("\n"));
    this.problems = problems;
  }
}

/** Collects problems while a whole file or folder is checked, then throws them at once. */
export class ProblemList {
  readonly items: Problem[] = [];
  add(problem: Problem): void {
    this.items.push(problem);
  }
  get size(): number {
    return this.items.length;
  }
  throwIfAny(): void {
    if (this.items.length > 0) throw new DataError(this.items);
  }
}

export function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string";
}
