/**
 * @fileoverview Building blocks of the generated text alternatives: a value with its display unit, and "highest …,
 * lowest …" over entities, computed from the plotted values so the sentence always matches the chart.
 */
import {formatValue, type DisplayUnit} from "../format.ts";
import type {MetricDisplay} from "./metrics.ts";
import {extremes, type EntityPoint} from "./series.ts";

/** A canonical value printed in a metric's display unit, e.g. 5177.36亿元, 14.53%. */
export function shown(display: MetricDisplay, value: number): string {
  return formatValue(value, display.unit === "ratio" ? ("倍" satisfies DisplayUnit) : display.unit);
}

/** "增加值最高为广东（5177.36亿元），最低为西藏（45.12亿元）". */
export function extremesPhrase(display: MetricDisplay, points: readonly EntityPoint[]): string {
  const {max, min} = extremes(points, (p) => p.value);
  return `${display.label}最高为${max.name}（${shown(display, max.value)}），最低为${min.name}（${shown(display, min.value)}）`;
}
