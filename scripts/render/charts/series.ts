/**
 * @fileoverview Reading series out of the figures for charts: one value per year or per entity, with the record
 * ids kept so that every plotted number stays traceable. A missing record is a build error naming the chart.
 */
import {BuildError} from "../../lib/errors.ts";
import {editionYears, getRecord, yearLabel} from "../context.ts";
import {recordId, type Scope} from "../../model/records.ts";
import type {ChartInput} from "./types.ts";

export interface YearPoint {
  year: number;
  /** "2022E" for the forecast year. */
  label: string;
  value: number;
  forecast: boolean;
  id: string;
}

/** The metric for every year of the edition (base year … forecast year); `from` skips early years. */
export function yearSeries(
  input: ChartInput,
  metric: string,
  scope: Scope,
  entity: string,
  options: {from?: number; to?: number} = {}
): YearPoint[] {
  const {config} = input.context;
  return editionYears(config)
    .filter((year) => year >= (options.from ?? config.baseYear) && year <= (options.to ?? config.forecastYear))
    .map((year) => {
      const id = recordId({metric, scope, entity, year});
      const record = getRecord(input.context, id, input.where);
      if (!Number.isFinite(record.value))
        throw new BuildError(`${input.where}: record "${id}" is not a finite number (${record.value})`);
      return {year, label: yearLabel(config, year), value: record.value, forecast: record.forecast, id};
    });
}

/** Index of the largest and smallest value, for text alternatives. */
export function extremes<T>(items: readonly T[], value: (item: T) => number): {max: T; min: T} {
  if (items.length === 0) throw new BuildError("a chart has no data");
  let max: T = items[0] as T;
  let min: T = items[0] as T;
  for (const item of items) {
    if (value(item) > value(max)) max = item;
    if (value(item) < value(min)) min = item;
  }
  return {max, min};
}
