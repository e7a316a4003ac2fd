/**
 * @fileoverview The edition config contract (data/editions/<year>.json): its schema and types. It lives with the
 * model because the model reads the config (years, methods, regions, targets) and must not import from load/;
 * load/edition.ts reads and validates the file against this schema.
 */
import {z} from "zod";

const year = z.number().int().min(2000).max(2100);
const id = z.string().regex(/^[a-z0-9_]+$/, "a lower-case id (a-z, 0-9, _)");

const ChapterSchema = z.strictObject({
  /** Page slug and anchor, e.g. "overview". */
  id: z.string().regex(/^[a-z0-9-]+$/, "a lower-case slug (a-z, 0-9, -)"),
  /** Markdown file under content/<edition>/. */
  file: z.string().regex(/^[A-Za-z0-9_.-]+\.md$/, "a Markdown file name"),
  /** Title as printed, e.g. 一、总体态势篇. */
  title: z.string().min(1),
  /** Chapters of kind "front" (preface) and "appendix" are numbered apart from the body in the TOC. */
  kind: z.enum(["front", "body", "appendix"]).default("body")
});

/** Words by which a text speaks of the published paper it was reconstructed from. */
const PUBLISHED_EVIDENCE = /已公布|推断|原书|原版|复现/;

const RegionSchema = z.strictObject({
  id,
  nameZh: z.string().min(1),
  provinces: z.array(id).min(1),
  /**
   * The members as a reader of the paper reads them ("广东全省", "鄂、湘、赣，即…（本报告界定）"): shown with the region's
   * numbers on the site. How the members were inferred from a published paper's numbers goes in `inference`.
   */
  definition: z
    .string()
    .min(1)
    .refine((text) => !PUBLISHED_EVIDENCE.test(text), {
      message:
        "the members as a reader reads them, without evidence from the published paper (已公布/推断/原书/复现): move that to the region's `inference`, which only the 复现对照 page shows"
    }),
  /**
   * How the members were inferred from the published paper's numbers ("唯一能得到已公布占GDP比重3.60%的组合"): shown
   * on the 复现对照 page only, never in the paper.
   */
  inference: z.string().min(1).optional()
});

const FigureSchema = z.strictObject({
  /** Id used in the chapters: [[图 id]] and [[见 id]]. */
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

const TargetSchema = z.strictObject({
  /** Record id metric/scope/entity/year the target constrains. */
  record: z.string().regex(/^[a-z0-9_]+\/[a-z_]+\/[a-z0-9_]+\/\d{4}$/, "a record id metric/scope/entity/year"),
  /** Canonical unit (亿元). */
  value: z.number().positive(),
  unit: z.literal("亿元"),
  /** How the value follows from the paper's printed numbers. */
  derivation: z.string().min(1)
});

/**
 * How the technology multiplier μ_n of one year is obtained (methodology §1.3.3). Years the config does not list
 * are "calibrated". Calibrated years come first: every other rule continues from the calibrated path.
 */
export const MultiplierRuleSchema = z.discriminatedUnion("rule", [
  /** Fitted to the edition's declared targets (equal annual μ between two target years). */
  z.strictObject({rule: z.literal("calibrated")}),
  /** The previous year's μ. */
  z.strictObject({rule: z.literal("carry-forward")}),
  /** The geometric mean of the previous `window` years' μ. */
  z.strictObject({rule: z.literal("trend"), window: z.number().int().min(1).max(10).default(3)}),
  /** μ = 1: the contribution rates of the previous year. */
  z.strictObject({rule: z.literal("unity")}),
  /** A value from a named source. */
  z.strictObject({rule: z.literal("given"), value: z.number().positive(), source: z.string().min(1)}),
  /** γ_n / γ_{n−1} of the constant-returns Cobb–Douglas fit (scripts/model/method/cobb-douglas.ts). */
  z.strictObject({rule: z.literal("cobb-douglas")})
]);

export const MULTIPLIER_RULES = ["calibrated", "carry-forward", "trend", "unity", "given", "cobb-douglas"] as const;

export const EditionConfigSchema = z.strictObject({
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
  forecast: z.strictObject({
    /** Nominal GDP growth of the forecast year, % (e.g. 7 for 2022). */
    gdpNominalGrowth: z.number(),
    /** Where the assumption comes from, as stated by the paper. */
    gdpGrowthSource: z.string().min(1),
    /** Record id of the observed indicator that states the assumption, so the prose can cite it. */
    gdpGrowthRecord: z.string().optional(),
    /**
     * Years of the trend window that ends in the last data year: each part (section, tier, province) grows in the
     * forecast year by the assumed growth plus its lead or lag over its whole in that window (forecast-parts.ts).
     */
    partsTrendWindow: z.number().int().min(1).max(10)
  }),
  methods: z
    .strictObject({
      /** Provincial allocation: 2020 = one weight per province (η = tier share of IIoT VA); 2022 = per province × tier. */
      regionalAllocation: z.enum(["province-weight", "province-tier"]),
      /** Employment: 2020 = provincial productivity from employment shares π; 2022 = provincial tier productivity. */
      employment: z.enum(["provincial-share", "provincial-tier"]),
      /**
       * Under provincial-tier employment, what a section's value added per job is proportional to: its tier's
       * national productivity ("tier", the 2022 appendix's formula) or its average wage ("wage", what the 2022
       * edition's published sector employment follows; needs data/national/section-wages.csv).
       */
      sectionProductivity: z.enum(["tier", "wage"]).default("tier"),
      /** Direct-industry segments (network / platform / data / security) are published. */
      directSegments: z.boolean(),
      /** The new-infrastructure module CI = CF·ΔII (2020 only). */
      newInfrastructure: z.boolean()
    })
    .refine((m) => m.sectionProductivity === "tier" || m.employment === "provincial-tier", {
      path: ["sectionProductivity"],
      message:
        '"tier" under provincial-share employment ("wage" needs provincial-tier employment): set "employment": "provincial-tier" or remove sectionProductivity'
    }),
  chapters: z.array(ChapterSchema).min(1),
  /** Every figure and table of the edition; chapters place them with [[图 id]]. */
  figures: z.array(FigureSchema).default([]),
  regions: z.array(RegionSchema),
  /** The rule of each year's technology multiplier, by year ("2022": {"rule": "trend", "window": 3}). */
  multiplier: z
    .strictObject({rules: z.record(z.string().regex(/^\d{4}$/, "a year"), MultiplierRuleSchema).default({})})
    .default({rules: {}}),
  calibration: z.strictObject({
    /** Published numbers (converted to 亿元) the unpublished parameters are fitted to. Everything else is a test. */
    targets: z.array(TargetSchema)
  })
});

export type EditionConfig = z.infer<typeof EditionConfigSchema>;
export type ChapterConfig = z.infer<typeof ChapterSchema>;
export type RegionConfig = z.infer<typeof RegionSchema>;
export type FigureConfig = z.infer<typeof FigureSchema>;
export type MultiplierRule = z.infer<typeof MultiplierRuleSchema>;
