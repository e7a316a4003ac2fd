/**
 * @fileoverview Every chart module, by id. Chart modules are generic: an edition picks and titles them in its
 * config (data/editions/<year>.json, "figures"), so next year's edition needs no new code to reuse them.
 */
import {nationalVaShare} from "./national-va-share.ts";
import {nationalVaStructure} from "./national-va-structure.ts";
import type {ChartModule} from "./types.ts";

const MODULES: ChartModule[] = [nationalVaShare, nationalVaStructure];

export const CHART_MODULES: ReadonlyMap<string, ChartModule> = new Map(MODULES.map((m) => [m.id, m]));
