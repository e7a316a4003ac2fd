/**
 * @fileoverview Full-text search of an edition with Pagefind (its extended binary segments Chinese): the chapter
 * pages (text, figure captions and their data tables; the article carries data-pagefind-body) and one custom record
 * per series of the figures file, which links to the series' last record on its records page (records/<metric>.html).
 * The index goes to <site>/pagefind/ with Pagefind's own search UI; search.html uses it. Pagefind loads its index
 * with fetch, which browsers refuse on file:// — the site's search works over HTTP (npm run serve, or any static
 * server).
 */
import path from "node:path";
import {BuildError} from "../lib/errors.ts";
import type {RenderContext} from "./context.ts";
import type {FigureRecord} from "../model/records/records.ts";
import {recordHref, recordText} from "./eleventy/numbers.ts";
import {recordTitle} from "./eleventy/provenance.ts";
import {entityNames, periodLabel} from "./labels.ts";

interface PagefindModule {
  createIndex(config?: Record<string, unknown>): Promise<{errors: string[]; index?: PagefindIndex}>;
  close(): Promise<unknown>;
}

interface PagefindIndex {
  addDirectory(dir: {path: string; glob?: string}): Promise<{errors: string[]; page_count: number}>;
  addCustomRecord(record: {
    url: string;
    content: string;
    language: string;
    meta?: Record<string, string>;
    filters?: Record<string, string[]>;
  }): Promise<{errors: string[]}>;
  writeFiles(options: {outputPath: string}): Promise<{errors: string[]}>;
}

function check(what: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new BuildError(`search index: ${what}: ${errors.join("; ")}`);
}

/** The index being written: Pagefind runs one service per process, and closing it ends every index open in it. */
let indexing: Promise<unknown> = Promise.resolve();

/**
 * Indexes the built site in `siteDir` and writes the index to <siteDir>/pagefind. Returns the number of pages.
 * Calls run one after another (editions built side by side each wait for the index before theirs).
 */
export function writeSearchIndex(siteDir: string, context: RenderContext): Promise<number> {
  const run = indexing.then(() => indexSite(siteDir, context));
  indexing = run.catch(() => {});
  return run;
}

async function indexSite(siteDir: string, context: RenderContext): Promise<number> {
  const pagefind = (await import("pagefind")) as unknown as PagefindModule;
  try {
    const {errors, index} = await pagefind.createIndex({forceLanguage: "zh"});
    check("create", errors);
    const added = await index!.addDirectory({path: siteDir, glob: "*.html"});
    check("pages", added.errors);
    // One record per series (metric, scope, entity): its name and the value of every year, linked to the last year's
    // record on the 数据与方法 page (a record per number would multiply the index several times for the same words).
    const series = new Map<string, FigureRecord[]>();
    for (const record of context.figures.records) {
      const key = [record.metric, record.scope, record.entity].join("/");
      const list = series.get(key);
      if (list) list.push(record);
      else series.set(key, [record]);
    }
    const names = entityNames(context.figures.records);
    const batch = [...series.values()].map((records) => {
      const last = records.at(-1)!;
      const id = [last.metric, last.scope, last.entity, last.year].join("/") + (last.period ? `@${last.period}` : "");
      // The series' name without the year: "广东 · 工业互联网产业增加值".
      const title = recordTitle(last, names).replace(/^\S+\s/, "");
      const values = records
        .map((r) => `${r.period ? periodLabel(r.period) : `${r.year}年`}${recordText(r, {}, "search index")}`)
        .join("，");
      return index!.addCustomRecord({
        url: recordHref(id),
        content: `${title}：${values}。`,
        language: "zh",
        meta: {title},
        filters: {类别: ["测算数字"]}
      });
    });
    for (const result of await Promise.all(batch)) check("records", result.errors);
    check("write", (await index!.writeFiles({outputPath: path.join(siteDir, "pagefind")})).errors);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
