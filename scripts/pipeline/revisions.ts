/**
 * @fileoverview The revisions of an edition against the one before it (scripts/model/reproduction/revisions.ts): the previous
 * edition's figures come from the figures cache (computed if absent), both editions' published numbers from data/.
 * Shared by the build and the preview, so both print the same 修订对照 page.
 */
import {listEditions, readEditionConfig} from "../load/edition.ts";
import {loadPublished} from "../load/published.ts";
import type {PublishedInput} from "../model/checks/precision.ts";
import {computedRevisions, publishedRevisions, type RevisionsReport} from "../model/reproduction/revisions.ts";
import type {FiguresFile} from "../model/records/records.ts";
import type {EditionConfig} from "../model/edition-config.ts";
import {computeEditionCached, type FiguresCacheOptions} from "./figures-cache.ts";

export type {RevisionsReport};

export async function editionRevisions(
  dataRoot: string,
  config: EditionConfig,
  figures: FiguresFile,
  cache: FiguresCacheOptions
): Promise<RevisionsReport> {
  const previous = (await listEditions(dataRoot)).filter((e) => e < config.edition).at(-1);
  if (previous === undefined) return {edition: config.edition, computed: [], published: []};
  const before = await computeEditionCached(dataRoot, previous, cache);
  const previousConfig = await readEditionConfig(dataRoot, previous);
  const [publishedBefore, publishedNow] = await Promise.all([
    loadPublished(dataRoot, previous),
    loadPublished(dataRoot, config.edition)
  ]);
  return {
    edition: config.edition,
    previous,
    computed: computedRevisions(before.figures, figures, previousConfig, config),
    published: publishedRevisions(
      publishedBefore as unknown as PublishedInput[],
      publishedNow as unknown as PublishedInput[]
    )
  };
}
