/**
 * @fileoverview Typed parameters of a chart module. Each module declares a zod schema for the `params` object of its
 * figures in the edition config; a wrong or misspelt parameter is a build error that names the figure and the key,
 * so a config typo never silently falls back to a default.
 */
import {z} from "zod";
import {BuildError} from "../../lib/errors.ts";
import {editionYears} from "../context.ts";
import type {ChartInput} from "./types.ts";

/** Parses `figure.params` with the module's schema (use z.strictObject so unknown keys are reported). */
export function chartParams<Schema extends z.ZodType>(input: ChartInput, schema: Schema): z.output<Schema> {
  const result = schema.safeParse(input.figure.params);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.length > 0 ? `params.${issue.path.join(".")}` : "params";
    return `${key}: ${issue.message}`;
  });
  throw new BuildError(`${input.where}: ${problems.join("; ")}`);
}

/** A year parameter; validated against the edition's years by `shownYear`. */
export const yearParam = z.number().int();

/** A metric id of the figures file (e.g. "iiot_value_added"). */
export const metricParam = z.string().regex(/^[a-z0-9_]+$/, "a metric id of the figures file");

/**
 * The year a one-year chart shows: the `year` parameter when given, else the edition's last data year (the year
 * the paper reports on). A year outside base year … forecast year is a build error.
 */
export function shownYear(input: ChartInput, year: number | undefined): number {
  const {config} = input.context;
  const shown = year ?? config.dataYears[1];
  const years = editionYears(config);
  if (!years.includes(shown))
    throw new BuildError(
      `${input.where}: params.year ${shown} is outside the edition's years ${years[0]}–${years[years.length - 1]}`
    );
  return shown;
}
