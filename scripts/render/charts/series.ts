/**
 * @fileoverview Reading series out of the figures for charts: one value per year or per entity, with the record
 * ids kept so that every plotted number stays traceable. A missing record is a build error naming the chart.
 */
import {BuildError} from "../../lib/errors.ts";
import {editionYears, getRecord, yearLabel} from "../context.ts";
import {recordId, type Scope} from "../../model/records/records.ts";
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

/** A year in a sentence: "2021年", or "2022年（预测）" for the forecast year (the axis label "2022E" is for charts). */
export function yearText(point: {year: number; forecast: boolean}): string {
  return point.forecast ? `${point.year}年（预测）` : `${point.year}年`;
}

/** One value of one entity in one year, with the id of its record. */
export interface EntityPoint {
  entity: string;
  /** Display name of the entity (from the reference lists or the record). */
  name: string;
  value: number;
  id: string;
}

/** The record of metric/scope/entity/year as a finite number (a missing record or NaN is a build error). */
export function recordValue(
  input: ChartInput,
  metric: string,
  scope: Scope,
  entity: string,
  year: number
): {value: number; id: string; forecast: boolean} {
  const id = recordId({metric, scope, entity, year});
  const record = getRecord(input.context, id, input.where);
  if (!Number.isFinite(record.value))
    throw new BuildError(`${input.where}: record "${id}" is not a finite number (${record.value})`);
  return {value: record.value, id, forecast: record.forecast};
}

/** The metric for each entity (in the given order) in one year. */
export function entityValues(
  input: ChartInput,
  metric: string,
  scope: Scope,
  entities: readonly {id: string; name: string}[],
  year: number
): EntityPoint[] {
  return entities.map((entity) => {
    const {value, id} = recordValue(input, metric, scope, entity.id, year);
    return {entity: entity.id, name: entity.name, value, id};
  });
}

/** The canonical unit of a metric as the figures file states it (from any record of it in that scope). */
export function metricUnit(input: ChartInput, metric: string, scope: Scope): string {
  const record = input.context.figures.records.find((r) => r.metric === metric && r.scope === scope);
  if (!record)
    throw new BuildError(
      `${input.where}: the ${input.context.config.edition} figures have no "${metric}" records of scope "${scope}"`
    );
  return String(record.unit);
}

/**
 * The first of the edition's years that has a record of metric/scope/entity: the base year for levels, the year
 * after for changes (growth, new jobs), which have no value in the base year.
 */
export function firstYear(input: ChartInput, metric: string, scope: Scope, entity: string): number {
  const years = editionYears(input.context.config);
  const year = years.find((y) => input.context.records.has(recordId({metric, scope, entity, year: y})));
  if (year === undefined)
    throw new BuildError(
      `${input.where}: the ${input.context.config.edition} figures have no "${metric}/${scope}/${entity}" record in ${years[0]}–${years[years.length - 1]}`
    );
  return year;
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
