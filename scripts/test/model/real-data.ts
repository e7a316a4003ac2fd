/**
 * @fileoverview Shared loading of the real data for the model's integration tests (each edition loaded once per test
 * file): config, inputs, parameters, published numbers and the computed figures.
 */
import {readdirSync} from "node:fs";
import path from "node:path";
import {readEditionConfig, type EditionConfig} from "../../load/edition.ts";
import {loadInputs} from "../../load/inputs.ts";
import {loadParams} from "../../load/params.ts";
import {loadPublished, type PublishedRecord} from "../../load/published.ts";
import type {Inputs} from "../../model/inputs.ts";
import type {Params} from "../../model/calibration/params.ts";
import type {FiguresFile} from "../../model/records/records.ts";
import {computeFigures} from "../../model/records/figures.ts";

export const ROOT = path.resolve(import.meta.dirname, "../../..");

/** Every committed edition, discovered from data/editions/ (a new edition is tested without editing a test). */
export const EDITIONS: readonly number[] = readdirSync(path.join(ROOT, "data/editions"))
  .filter((name) => /^\d{4}\.json$/.test(name))
  .map((name) => Number(name.slice(0, 4)))
  .sort((a, b) => a - b);

export interface EditionData {
  config: EditionConfig;
  inputs: Inputs;
  params: Params;
  published: PublishedRecord[];
  figures: FiguresFile;
}

const cache = new Map<number, Promise<EditionData>>();

export function editionData(edition: number): Promise<EditionData> {
  let hit = cache.get(edition);
  if (!hit) {
    hit = (async () => {
      const config = await readEditionConfig(ROOT, edition);
      const [inputs, params, published] = await Promise.all([
        loadInputs(ROOT, config),
        loadParams(ROOT, config),
        loadPublished(ROOT, edition)
      ]);
      return {config, inputs, params, published, figures: computeFigures(inputs, config, params)};
    })();
    cache.set(edition, hit);
  }
  return hit;
}
