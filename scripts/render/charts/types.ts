/**
 * @fileoverview What a chart module is: a typed function from the edition's figures (never from literals) to one
 * or more panels (Vega-Lite specs with their data inlined, or HTML for diagrams and tables), the data table behind
 * them (shown collapsible on the site and offered as CSV), and a generated text alternative.
 */
import type {TopLevelSpec} from "vega-lite";
import type {FigureConfig} from "../../model/edition-config.ts";
import type {RenderContext} from "../context.ts";

export interface ChartInput {
  context: RenderContext;
  figure: FigureConfig;
  /** "data/editions/2022.json figure national-va-share", for error messages. */
  where: string;
}

export interface TableColumn {
  field: string;
  /** Column header, with its unit in brackets, e.g. 增加值（亿元）. */
  title: string;
}

export type TableCell = string | number | null;

export interface FigureTable {
  columns: TableColumn[];
  rows: Record<string, TableCell>[];
}

export type Panel =
  {label?: string; title?: string; spec: TopLevelSpec} | {label?: string; title?: string; html: string};

export interface ChartOutput {
  panels: Panel[];
  table: FigureTable;
  /** One sentence: what the figure shows, with its extremes. */
  summary: string;
  /** Ids of the records the figure plots (its sources and provenance come from these). */
  records: string[];
  /**
   * Sources of what the figure shows besides records (a policy table's documents, a diagram's or a region map's
   * definitions), printed before the records' sources in the 数据来源 line.
   */
  sources?: string[];
}

export interface ChartModule {
  id: string;
  /** What the chart shows, for the developer list of charts. */
  describe: string;
  build(input: ChartInput): ChartOutput;
}
