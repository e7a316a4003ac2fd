/**
 * @fileoverview Everything one edition's site is made of, prepared before Eleventy runs: the render context, the
 * chapter pages (from the edition config, in order), figure numbers, the rendered figures and their CSVs, and the
 * cross-references between records and figures. Eleventy then only renders Markdown and layouts.
 */
import {readFile} from "node:fs/promises";
import path from "node:path";
import {BuildError, isErrnoException} from "../lib/errors.ts";
import type {ChapterConfig} from "../model/edition-config.ts";
import type {Reproduction} from "../model/reproduction/reproduction.ts";
import type {RenderContext} from "./context.ts";
import {numberFigures, type FigurePlacement} from "./figure-numbering.ts";
import {numberBoxes, type BoxPlacement} from "./case-boxes.ts";
import type {RevisionsReport} from "../model/reproduction/revisions.ts";
import {figureOfRecord, renderFigure, type RenderedFigure} from "./figures.ts";
import {readProse, type ProseSettings} from "./prose.ts";

export interface ChapterPage extends ChapterConfig {
  /** Output file relative to the edition folder, e.g. "overview.html". */
  url: string;
  /** content/<edition>/<file>, relative to the repository root. */
  inputPath: string;
  source: string;
}

export interface SiteModel {
  context: RenderContext;
  /** Repository root. */
  root: string;
  chapters: ChapterPage[];
  /** content/<edition>/prose.yaml: the edition's named facts and how close counts as 略高于. */
  prose: ProseSettings;
  placements: FigurePlacement[];
  /** 专栏 case boxes in print order. */
  boxes: BoxPlacement[];
  figures: ReadonlyMap<string, RenderedFigure>;
  /** Record id → first figure that plots it. */
  figureOfRecord: ReadonlyMap<string, RenderedFigure>;
  /** Computed vs published numbers of the edition (the 复现对照 page). */
  reproduction: Reproduction;
  /** What changed since the previous edition (the 修订对照 page); absent where nobody computed it. */
  revisions?: RevisionsReport;
}

export function contentDir(root: string, edition: number): string {
  return path.join(root, "content", String(edition));
}

export function chapterUrl(chapter: ChapterConfig): string {
  return chapter.id === "index" ? "index.html" : `${chapter.id}.html`;
}

async function readChapters(root: string, context: RenderContext): Promise<ChapterPage[]> {
  const {config} = context;
  const dir = contentDir(root, config.edition);
  return Promise.all(
    config.chapters.map(async (chapter) => {
      const inputPath = path.relative(root, path.join(dir, chapter.file));
      try {
        const source = await readFile(path.join(dir, chapter.file), "utf8");
        return {...chapter, url: chapterUrl(chapter), inputPath, source};
      } catch (error) {
        if (isErrnoException(error) && error.code === "ENOENT")
          throw new BuildError(
            `${inputPath}: chapter file not found (listed in data/editions/${config.edition}.json chapters)`
          );
        throw error;
      }
    })
  );
}

/**
 * Rendered figures of one render context, by placement, for a long-lived process (npm run serve) that prepares the
 * same context's site again after a chapter edit: a figure is a function of the context and its placement (figure
 * config, number, chapter), so only a figure whose number or chapter changed is drawn again. Create a new memo
 * for a new context.
 */
export type FigureMemo = Map<string, RenderedFigure>;

export async function prepareSite(
  root: string,
  context: RenderContext,
  reproduction: Reproduction,
  options: {figureMemo?: FigureMemo; revisions?: RevisionsReport} = {}
): Promise<SiteModel> {
  const chapters = await readChapters(root, context);
  const prose = await readProse(contentDir(root, context.config.edition), root);
  const sources = new Map(chapters.map((c) => [c.id, c.source]));
  const fileOf = (id: string) => chapters.find((c) => c.id === id)?.inputPath ?? id;
  const placements = numberFigures(context.config, sources, fileOf);
  const boxes = numberBoxes(context.config, sources, fileOf);
  // A figure declared but placed nowhere would silently vanish from the paper (and from 图表目录).
  const unplaced = context.config.figures.filter((f) => !placements.some((p) => p.figure.id === f.id));
  if (unplaced.length > 0)
    throw new BuildError(
      `data/editions/${context.config.edition}.json: ${unplaced.map((f) => `"${f.id}"`).join(", ")} declared in figures but placed in no chapter; add [[图 ${unplaced[0]!.id}]] on its own line where it belongs, or remove it from the config`
    );
  const figures = new Map<string, RenderedFigure>();
  const memo = options.figureMemo;
  for (const placement of placements) {
    const key = JSON.stringify(placement);
    let figure = memo?.get(key);
    if (!figure) {
      figure = await renderFigure(context, placement);
      memo?.set(key, figure);
    }
    figures.set(placement.figure.id, figure);
  }
  return {
    ...(options.revisions ? {revisions: options.revisions} : {}),
    context,
    root,
    chapters,
    prose,
    placements,
    boxes,
    figures,
    figureOfRecord: figureOfRecord([...figures.values()]),
    reproduction
  };
}
