/**
 * @fileoverview Growth and growth-change records for any level series already in the book: nominal growth from two
 * consecutive levels, and the change of growth (pp) from two consecutive growth rates.
 */
import type {Scope} from "./records.ts";
import type {RecordBook} from "./record-book.ts";
import {growth, growthChangePp} from "../method/stats.ts";

export const id = (metric: string, scope: Scope, entity: string, year: number): string =>
  `${metric}/${scope}/${entity}/${year}`;

export interface GrowthSpec {
  level: string;
  growth: string;
  /** Metric of the change of growth; omitted when the edition's charts have no use for it. */
  change?: string;
  scope: Scope;
  entity: string;
  years: readonly number[];
}

export function addGrowthSeries(book: RecordBook, spec: GrowthSpec): void {
  const {scope, entity} = spec;
  for (const year of spec.years) {
    const now = id(spec.level, scope, entity, year);
    const before = id(spec.level, scope, entity, year - 1);
    if (!book.has(now) || !book.has(before)) continue;
    const previous = book.value(before);
    if (previous === 0) continue;
    book.add(spec.growth, scope, entity, year, growth(book.value(now), previous), "%", "growth", {
      inputs: [now, before]
    });
    const gBefore = id(spec.growth, scope, entity, year - 1);
    if (spec.change && book.has(gBefore)) {
      const gNow = id(spec.growth, scope, entity, year);
      book.add(
        spec.change,
        scope,
        entity,
        year,
        growthChangePp(book.value(gNow), book.value(gBefore)),
        "pp",
        "growth_change_pp",
        {
          inputs: [gNow, gBefore]
        }
      );
    }
  }
}
