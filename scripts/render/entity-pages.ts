/**
 * @fileoverview A page per province and per sector of an edition (province/<id>.html, sector/<id>.html): every number
 * the edition computes for the entity across the years (value added, its direct and penetration parts, growth, share
 * of GDP, employment, ranks), a small chart of value added, and links to every section of the chapters and every
 * figure that uses one of its numbers. The links are filled in after the chapters are rendered (linkMentions), from
 * the records the chapter pages actually print.
 */
import {readFile, writeFile} from "node:fs/promises";
import path from "node:path";
import type {RenderContext} from "./context.ts";
import type {RenderedFigure} from "./figures.ts";
import {escapeHtml} from "./html.ts";
import {metricLabel} from "./labels.ts";
import {formatValue} from "./format.ts";
import {recordHref, recordText} from "./eleventy/numbers.ts";
import {editionYears} from "./context.ts";

export type EntityScope = "province" | "sector";

export interface EntityRef {
  scope: EntityScope;
  entity: string;
  nameZh: string;
  /** Relative to the edition folder, e.g. province/hubei.html. */
  url: string;
}

const METRICS: Record<EntityScope, string[]> = {
  province: [
    "iiot_value_added",
    "iiot_value_added_direct",
    "iiot_value_added_penetration",
    "nominal_growth",
    "share_of_gdp",
    "gdp",
    "gdp_nominal_growth",
    "employment_total",
    "employment_new",
    "employment_growth",
    "employment_rank"
  ],
  sector: [
    "iiot_value_added",
    "iiot_value_added_direct",
    "iiot_value_added_penetration",
    "nominal_growth",
    "employment_total",
    "employment_new",
    "employment_growth"
  ]
};

export const MENTIONS_MARK = "<!-- entity mentions -->";

export function entityRefs(context: RenderContext): EntityRef[] {
  return [
    ...context.reference.provinces.map((p) => ({
      scope: "province" as const,
      entity: p.id,
      nameZh: p.nameZh,
      url: `province/${p.id}.html`
    })),
    ...context.reference.sections.map((s) => ({
      scope: "sector" as const,
      entity: s.entity,
      nameZh: s.nameZh,
      url: `sector/${s.entity}.html`
    }))
  ];
}

/** A bar per year of the entity's value added (forecast year lighter), labelled; plain SVG, no script. */
function valueAddedChart(context: RenderContext, ref: EntityRef, years: readonly number[]): string {
  const points = years
    .map((year) => ({year, record: context.records.get(`iiot_value_added/${ref.scope}/${ref.entity}/${year}`)}))
    .filter((p): p is {year: number; record: NonNullable<typeof p.record>} => p.record !== undefined);
  if (points.length === 0) return "";
  const width = 640;
  const height = 200;
  const top = 24;
  const bottom = 28;
  const max = Math.max(...points.map((p) => p.record.value), 1e-9);
  const step = width / points.length;
  const bars = points
    .map((p, i) => {
      const h = ((height - top - bottom) * Math.max(p.record.value, 0)) / max;
      const x = i * step + step * 0.2;
      const y = height - bottom - h;
      const label = formatValue(p.record.value, "亿元");
      return (
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(step * 0.6).toFixed(1)}" height="${h.toFixed(1)}" class="${p.record.forecast ? "bar-forecast" : "bar"}"><title>${p.year}年：${escapeHtml(label)}</title></rect>` +
        `<text x="${(x + step * 0.3).toFixed(1)}" y="${(y - 6).toFixed(1)}" text-anchor="middle" class="bar-label">${escapeHtml(label.replace("亿元", ""))}</text>` +
        `<text x="${(x + step * 0.3).toFixed(1)}" y="${height - 8}" text-anchor="middle" class="axis-label">${p.year}${p.record.forecast ? "E" : ""}</text>`
      );
    })
    .join("");
  return `<figure class="entity-chart"><svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeHtml(`${ref.nameZh}工业互联网增加值（亿元）`)}">${bars}</svg><figcaption>${escapeHtml(ref.nameZh)}工业互联网增加值（亿元；E为预测）</figcaption></figure>`;
}

/** The page body of one entity (the mentions are filled in after the chapters are rendered). */
export function entityPageHtml(context: RenderContext, ref: EntityRef, rel: string): string {
  const years = editionYears(context.config);
  const rows = METRICS[ref.scope]
    .map((metric) => {
      const cells = years.map((year) => {
        const id = `${metric}/${ref.scope}/${ref.entity}/${year}`;
        const record = context.records.get(id);
        if (!record) return "<td></td>";
        return `<td class="n"><a class="num${record.forecast ? " num-forecast" : ""}" href="${recordHref(id, rel)}">${escapeHtml(recordText(record, {}, ref.url))}</a></td>`;
      });
      return cells.some((c) => c !== "<td></td>")
        ? `<tr><th scope="row">${escapeHtml(metricLabel(metric))}</th>${cells.join("")}</tr>`
        : "";
    })
    .join("");
  const head = years.map((y) => `<th scope="col">${y}${y > context.config.dataYears[1] ? "E" : ""}</th>`).join("");
  const kind = ref.scope === "province" ? "省份" : "行业门类";
  return (
    `<h1>${escapeHtml(ref.nameZh)}</h1>\n<p class="entity-intro">本页汇总本版对${escapeHtml(ref.nameZh)}（${kind}）测算的全部数字，点击数字可查看其公式、输入与来源；E表示预测年。</p>\n` +
    valueAddedChart(context, ref, years) +
    `\n<div class="table-scroll"><table class="entity-table"><thead><tr><th scope="col">指标</th>${head}</tr></thead><tbody>${rows}</tbody></table></div>\n` +
    `<h2 id="mentions">报告中的相关内容</h2>\n${MENTIONS_MARK}\n`
  );
}

interface Mention {
  href: string;
  text: string;
}

/** One section of a chapter (the text under one h2–h4 heading, figures left out): its link and the record ids it prints. */
interface ChapterSection extends Mention {
  records: readonly string[];
}

/**
 * The sections of the chapters, each with the data-record values printed in it, read once for all entity pages
 * (splitting every chapter again for each of some fifty entities cost more than the rest of the linking).
 */
function chapterSections(
  chapters: readonly {url: string; title: string; html: string}[],
  rel: string
): ChapterSection[] {
  const out: ChapterSection[] = [];
  for (const chapter of chapters) {
    // Headings in order, with the records printed under each.
    const article = chapter.html.slice(chapter.html.indexOf("<article"), chapter.html.indexOf("</article>"));
    for (const part of article.split(/(?=<h[2-4][^>]*\sid=")/)) {
      const heading = /^<h[2-4][^>]*\sid="([^"]+)"[^>]*>([\s\S]*?)<\/h[2-4]>/.exec(part);
      const body = part.replace(/<figure[\s\S]*?<\/figure>/g, "");
      const records = [...body.matchAll(/data-record="([^"]*)"/g)].map((m) => m[1]!);
      if (records.length === 0) continue;
      const title = heading ? heading[2]!.replace(/<[^>]+>/g, "") : chapter.title;
      out.push({
        href: `${rel}${chapter.url}${heading ? `#${heading[1]}` : ""}`,
        text: heading ? `${chapter.title} · ${title}` : chapter.title,
        records
      });
    }
  }
  return out;
}

/** Sections of the chapters (by their headings) and figures that print a number of the entity. */
function mentionsOf(
  ref: EntityRef,
  sections: readonly ChapterSection[],
  figures: readonly {href: string; figure: RenderedFigure}[],
  rel: string
): Mention[] {
  const key = `/${ref.scope}/${ref.entity}/`;
  const out: Mention[] = sections
    .filter((section) => section.records.some((value) => value.includes(key)))
    .map(({href, text}) => ({href, text}));
  for (const {href, figure} of figures)
    if (figure.records.some((id) => id.includes(key)))
      out.push({href: `${rel}${href}`, text: `${figure.label}\u3000${figure.title}`});
  return out;
}

/**
 * Fills the mentions of every entity page written under `outDir` from the chapter pages written there (both are
 * in the same Eleventy output), so the links follow what the chapters print.
 */
export async function linkMentions(
  outDir: string,
  context: RenderContext,
  chapters: readonly {id: string; url: string; title: string}[],
  figures: readonly RenderedFigure[]
): Promise<void> {
  const pages: {url: string; title: string; html: string}[] = [];
  for (const chapter of chapters) {
    const html = await readFile(path.join(outDir, chapter.url), "utf8").catch(() => undefined);
    if (html !== undefined) pages.push({url: chapter.url, title: chapter.title, html});
  }
  const figureLinks = figures.map((figure) => ({
    figure,
    href: `${chapters.find((c) => c.id === figure.chapterId)?.url ?? ""}#fig-${figure.id}`
  }));
  const sections = chapterSections(pages, "../");
  for (const ref of entityRefs(context)) {
    const file = path.join(outDir, ref.url);
    const html = await readFile(file, "utf8").catch(() => undefined);
    if (html === undefined || !html.includes(MENTIONS_MARK)) continue;
    const list = mentionsOf(ref, sections, figureLinks, "../");
    const body =
      list.length > 0
        ? `<ul class="entity-mentions">${list.map((m) => `<li><a href="${escapeHtml(m.href)}">${escapeHtml(m.text)}</a></li>`).join("")}</ul>`
        : `<p>报告正文和图表中没有单独提及${escapeHtml(ref.nameZh)}的数字。</p>`;
    await writeFile(file, html.replace(MENTIONS_MARK, body));
  }
}
