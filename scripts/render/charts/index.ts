/**
 * @fileoverview Every chart module, by id. Chart modules are generic: an edition picks, titles and parameterises
 * them in its config (data/editions/<year>.json, "figures"), so next year's edition needs no new code to reuse them.
 */
import {employmentTrend} from "./employment-trend.ts";
import {industrySystem} from "./industry-system.ts";
import {nationalStructureShare} from "./national-structure-share.ts";
import {nationalVaShare} from "./national-va-share.ts";
import {nationalVaStructure} from "./national-va-structure.ts";
import {policyTable} from "./policy-table.ts";
import {provinceBars} from "./province-bars.ts";
import {provinceCompare} from "./province-compare.ts";
import {provinceHeatmap} from "./province-heatmap.ts";
import {provinceTileMap} from "./province-tile-map.ts";
import {regionBars} from "./region-bars.ts";
import {regionTileMap} from "./region-tile-map.ts";
import {sectorBars} from "./sector-bars.ts";
import {sectorTrend} from "./sector-trend.ts";
import {segmentsGrowth} from "./segments-growth.ts";
import {segmentsShare} from "./segments-share.ts";
import {tierTrend} from "./tier-trend.ts";
import type {ChartModule} from "./types.ts";
import {workResumption} from "./work-resumption.ts";

const MODULES: ChartModule[] = [
  industrySystem,
  nationalVaShare,
  nationalVaStructure,
  nationalStructureShare,
  employmentTrend,
  segmentsShare,
  segmentsGrowth,
  tierTrend,
  sectorTrend,
  sectorBars,
  provinceBars,
  provinceCompare,
  provinceHeatmap,
  provinceTileMap,
  regionTileMap,
  regionBars,
  workResumption,
  policyTable
];

export const CHART_MODULES: ReadonlyMap<string, ChartModule> = new Map(MODULES.map((m) => [m.id, m]));
