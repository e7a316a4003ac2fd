/**
 * @fileoverview The note under every figure that plots a forecast-year value: the forecast year's numbers (and so
 * each series' last growth rate) follow from the edition's one stated assumption, the forecast year's nominal GDP
 * growth, and are not a finding. Generated from the edition config and the figures, so that no edition types it
 * and a figure that plots no forecast gets none.
 */
import {yearLabel, type RenderContext} from "../context.ts";
import {formatValue} from "../format.ts";

/** The note, or undefined when none of `recordIds` is a forecast. */
export function forecastNote(context: RenderContext, recordIds: readonly string[]): string | undefined {
  if (!recordIds.some((id) => context.records.get(id)?.forecast)) return undefined;
  const {config} = context;
  const year = config.forecastYear;
  // The growth the model applied (the record), falling back to the config's stated assumption.
  const growth =
    context.records.get(`gdp_nominal_growth/national/china/${year}`)?.value ?? config.forecast.gdpNominalGrowth;
  // One short line (the source of the assumption is in the appendix): a longer note would push figures off the page.
  return `${yearLabel(config, year)}为预测值，由${year}年名义GDP增长${formatValue(growth, "%")}的假设推算，非统计结果。`;
}
