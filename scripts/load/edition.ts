/**
 * @fileoverview An edition is a config file, data/editions/<year>.json: what the paper is called, which years it
 * covers, what it assumes for the forecast, its chapters, its regions, which variant of each method it uses and
 * which published numbers calibrate the unpublished parameters. The engine has no edition-specific branch beyond
 * what this file says. Validated with zod; every problem is reported with the file and the JSON path.
 */
import {readFile} from "node:fs/promises";
import path from "node:path";
import {z} from "zod";
import {BuildError, DataError, isErrnoException, type Problem} from "../lib/errors.ts";

const year = z.number().int().min(2000).max(2100);
const id = z.string().regex(/^[a-z0-9_]+$/, "a lower-case id (a-z, 0-9, _)");

const ChapterSchema = z.object({
  /** Page slug and anchor, e.g. "overview". */
  id: z.string().regex(/^[a-z0-9-]+$/, "a lower-case slug (a-z, 0-9, -)"),
  /** Markdown file under content/<edition>/. */
  file: z.string().regex(/^[A-Za-z0-9_.-]+\.md$/, "a Markdown file name"),
  /** Title as printed, e.g. 一、总体态势篇. */
  title: z.string().min(1),
  /** Chapters of kind "front" (preface) and "appendix" are numbered apart from the body in the TOC. */
  kind: z.enum(["front", "body", "appendix"]).default("body")
});

const RegionSchema = z.object({
  id,
  nameZh: z.string().min(1),
  provinces: z.array(id).min(1),
  /** Why these members: stated by the paper, or inferred from its numbers (say which). */
  definition: z.string().min(1)
});

const FigureSchema = z.object({
  /** Id used in the chapters: {% figure "id" %} and {% ref "id" %}. */
  id: z.string().regex(/^[a-z0-9-]+$/, "a lower-case slug (a-z, 0-9, -)"),
  /** Chart module of scripts/render/charts that draws it (generic across editions). */
  chart: z.string().regex(/^[a-z0-9-]+$/, "a chart module id"),
  /** Caption without its number (the number comes from the order of appearance in the chapters). */
  title: z.string().min(1),
  /** 图 (figure) or 表 (table): numbered separately. */
  kind: z.enum(["figure", "table"]).default("figure"),
  /** Parameters of the chart module (which sectors, which year, …). */
  params: z.record(z.string(), z.unknown()).default({}),
  /** Extra note printed under the source line. */
  note: z.string().optional()
});

const TargetSchema = z.object({
  /** Record id metric/scope/entity/year the target constrains. */
  record: z.string().regex(/^[a-z0-9_]+\/[a-z_]+\/[a-z0-9_]+\/\d{4}$/, "a record id metric/scope/entity/year"),
  /** Canonical unit (亿元). */
  value: z.number().positive(),
  unit: z.literal("亿元"),
  /** How the value follows from the paper's printed numbers. */
  derivation: z.string().min(1)
});

export const EditionConfigSchema = z.object({
  edition: year,
  title: z.string().min(1),
  /** Running header of the PDF. */
  shortTitle: z.string().min(1),
  institute: z.string().min(1),
  /** Publication date as printed on the cover, e.g. 2022年12月. Never taken from the clock. */
  date: z.string().min(1),
  baseYear: year,
  /** First and last year with data (actuals). */
  dataYears: z.tuple([year, year]),
  forecastYear: year,
  forecast: z.object({
    /** Nominal GDP growth of the forecast year, % (e.g. 7 for 2022). */
    gdpNominalGrowth: z.number(),
    /** Where the assumption comes from, as stated by the paper. */
    gdpGrowthSource: z.string().min(1),
    /** Record id of the observed indicator that states the assumption, so the prose can cite it. */
    gdpGrowthRecord: z.string().optional()
  }),
  methods: z.object({
    /** Provincial allocation: 2020 = one weight per province (η = tier share of IIoT VA); 2022 = per province × tier. */
    regionalAllocation: z.enum(["province-weight", "province-tier"]),
    /** Employment: 2020 = provincial productivity from employment shares π; 2022 = provincial tier productivity. */
    employment: z.enum(["provincial-share", "provincial-tier"]),
    /** Direct-industry segments (network / platform / data / security) are published. */
    directSegments: z.boolean(),
    /** The new-infrastructure module CI = CF·ΔII (2020 only). */
    newInfrastructure: z.boolean()
  }),
  chapters: z.array(ChapterSchema).min(1),
  /** Every figure and table of the edition; chapters place them with {% figure "id" %}. */
  figures: z.array(FigureSchema).default([]),
  regions: z.array(RegionSchema),
  calibration: z.object({
    /** Published numbers (converted to 亿元) the unpublished parameters are fitted to. Everything else is a test. */
    targets: z.array(TargetSchema)
  })
});

export type EditionConfig = z.infer<typeof EditionConfigSchema>;
export type ChapterConfig = z.infer<typeof ChapterSchema>;
export type RegionConfig = z.infer<typeof RegionSchema>;
export type FigureConfig = z.infer<typeof FigureSchema>;

export const EDITIONS_DIR = "data/editions";

export function editionConfigPath(root: string, edition: number | string): string {
  return path.join(root, EDITIONS_DIR, `${edition}.json`);
}

/** Parses and validates an edition config already read from `file`; pure, for tests. */
export function parseEditionConfig(text: string, file: string): EditionConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BuildError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const result = EditionConfigSchema.safeParse(json);
  if (!result.success) {
    const problems: Problem[] = result.error.issues.map((issue) => ({
      file,
      column: issue.path.join("."),
      expected: issue.message
    }));
    throw new DataError(problems);
  }
  const config = result.data;
  const problems: Problem[] = [];
  if (config.dataYears[0] !== config.baseYear)
    problems.push({file, column: "dataYears", value: String(config.dataYears[0]), expected: `the base year ${config.baseYear}`});
  if (config.forecastYear !== config.dataYears[1] + 1)
    problems.push({file, column: "forecastYear", value: String(config.forecastYear), expected: `${config.dataYears[1] + 1} (the year after the last data year)`});
  const chapterIds = new Set<string>();
  for (const [i, chapter] of config.chapters.entries()) {
    if (chapterIds.has(chapter.id))
      problems.push({file, column: `chapters.${i}.id`, value: chapter.id, expected: "a chapter id used once"});
    chapterIds.add(chapter.id);
  }
  const figureIds = new Set<string>();
  for (const [i, figure] of config.figures.entries()) {
    if (figureIds.has(figure.id))
      problems.push({file, column: `figures.${i}.id`, value: figure.id, expected: "a figure id used once"});
    figureIds.add(figure.id);
  }
  if (problems.length > 0) throw new DataError(problems);
  return config;
}

/** Lists the editions that have a config file, in year order. */
export async function listEditions(root: string): Promise<number[]> {
  const {readdir} = await import("node:fs/promises");
  const names = await readdir(path.join(root, EDITIONS_DIR));
  return names
    .filter((name) => /^\d{4}\.json$/.test(name))
    .map((name) => Number(name.slice(0, 4)))
    .sort((a, b) => a - b);
}

export async function readEditionConfig(root: string, edition: number | string): Promise<EditionConfig> {
  const file = path.relative(root, editionConfigPath(root, edition));
  let text: string;
  try {
    text = await readFile(path.join(root, file), "utf8");
  } catch (error) {
    if (isErrnoException(error) && error.code === "ENOENT") {
      const known = await listEditions(root).catch(() => []);
      throw new BuildError(`${file}: no such edition config; known editions: ${known.join(", ") || "none"}`);
    }
    throw error;
  }
  return parseEditionConfig(text, file);
}
