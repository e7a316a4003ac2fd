/**
 * @fileoverview Figure and table numbers come from the order in which the chapters place them, never from a typed
 * number: 图N counts figures, 表N counts tables, in chapter order. The chapters are scanned for
 * [[图 id]] (or {% figure "id" %}) before rendering, so a cross-reference ([[见 id]]) may point forward.
 */
import {BuildError} from "../lib/errors.ts";
import type {EditionConfig, FigureConfig} from "../model/edition-config.ts";

export interface FigurePlacement {
  figure: FigureConfig;
  /** "图2" or "表1". */
  label: string;
  /** Chapter id where it is placed. */
  chapterId: string;
}

/** `{% figure "id" %}`, or `[[图 id]]` on its own line. */
const FIGURE_TAG = /\{%-?\s*figure\s+["']([^"']+)["']|\[\[图\s+([a-z0-9_-]+)\s*\]\]/g;

/** Figure ids placed by one chapter's Markdown source, in order. */
export function placedFigureIds(markdown: string): string[] {
  return [...markdown.matchAll(FIGURE_TAG)].map((m) => (m[1] ?? m[2])!);
}

/**
 * Numbers every placed figure. `sources` maps chapter id → its Markdown source (chapter order = config order).
 * Unknown ids and figures placed twice are build errors that list what is known.
 */
export function numberFigures(
  config: EditionConfig,
  sources: ReadonlyMap<string, string>,
  fileOf: (chapterId: string) => string
): FigurePlacement[] {
  const byId = new Map(config.figures.map((f) => [f.id, f]));
  const placements: FigurePlacement[] = [];
  const seen = new Map<string, string>();
  let figures = 0;
  let tables = 0;
  for (const chapter of config.chapters) {
    for (const id of placedFigureIds(sources.get(chapter.id) ?? "")) {
      const figure = byId.get(id);
      if (!figure)
        throw new BuildError(
          `${fileOf(chapter.id)}: unknown figure "${id}"; known figures of the ${config.edition} edition: ${[...byId.keys()].join(", ")}`
        );
      if (seen.has(id))
        throw new BuildError(
          `${fileOf(chapter.id)}: figure "${id}" is placed twice (first in ${fileOf(seen.get(id)!)})`
        );
      seen.set(id, chapter.id);
      const label = figure.kind === "table" ? `表${++tables}` : `图${++figures}`;
      placements.push({figure, label, chapterId: chapter.id});
    }
  }
  return placements;
}
