/**
 * @fileoverview The Eleventy plugin of one edition: wires the prepared SiteModel into Eleventy as global data,
 * shortcodes (num, figure, ref, formula, provenance), filters, the chapter collection and the generated pages
 * (index with the table of contents, 图表目录, 数据与方法 with a records page per metric, the print page of the PDF). Templates stay free of logic:
 * everything they need is computed here or in the model.
 */
import {readFileSync} from "node:fs";
import path from "node:path";
import {BuildError} from "../../lib/errors.ts";
import {editionYears} from "../context.ts";
import {metricLabel, scopeLabel} from "../labels.ts";
import {escapeHtml} from "../html.ts";
import {renderTex} from "../math.ts";
import {reproductionView} from "../reproduction-view.ts";
import {revisionsView} from "../revisions-view.ts";
import {entityPageHtml, entityRefs} from "../entity-pages.ts";
import {dataPageView, pageKey, sourceView} from "../data-page.ts";
import type {SiteModel} from "../site.ts";
import {configureMarkdown} from "./markdown.ts";
import type MarkdownIt from "markdown-it";
import {
  calibrationTableHtml,
  estimatesListHtml,
  forecastAssumptionHtml,
  formulaBlock,
  formulaTableHtml,
  multiplierRulesHtml,
  parametersTableHtml,
  sensitivityTableHtml,
  regionMembersText,
  calibrationYearsText,
  sectionEmploymentFormulaId,
  sectionEmploymentMethodText
} from "./method.ts";
import {
  DATA_PAGE,
  groupPage,
  numberElement,
  parseFormatArgs,
  recordText,
  renderNumber,
  type Keywords
} from "./numbers.ts";
import {provenanceJson} from "./provenance.ts";
import {evaluateFact, evaluateFacts} from "./facts.ts";
import {evaluateCondition, factNamesUsed} from "./conditions.ts";
import {preflightReferences, unusedFacts, unusedLists} from "./preflight.ts";
import {warn} from "../../lib/progress.ts";
import {ChapterNotes, dataSourcesHtml, citedIds, shortCiteIds} from "./citations.ts";
import {boxHtml} from "../case-boxes.ts";
import {yearNames} from "./refs.ts";
import {entityNameHtml, renderReference, wordElement} from "./reference-html.ts";
import {headingsOf} from "./toc.ts";
import {compareWord, joinZh, rankEntities, signWord, type RankOptions} from "./words.ts";

/** The subset of Eleventy's UserConfig this plugin uses (Eleventy ships no types for it). */
export interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addShortcode(name: string, fn: (this: ShortcodeThis, ...args: unknown[]) => string): void;
  addPairedShortcode(name: string, fn: (this: ShortcodeThis, content: string, ...args: unknown[]) => string): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  addCollection(name: string, fn: (api: unknown) => unknown): void;
  addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
  addNunjucksGlobal(name: string, value: unknown): void;
  benchmarkManager?: {get(name: string): {setMinimumThresholdMs(ms: number): void}};
  amendLibrary(name: string, amend: (library: MarkdownIt) => unknown): void;
}

interface ShortcodeThis {
  page?: {url?: string; inputPath?: string; fileSlug?: string};
}

/** Generated pages: virtual templates whose source lives in templates/pages/. */
const GENERATED_PAGES = [
  {template: "index.njk", permalink: "index.html"},
  {template: "figures.njk", permalink: "figures.html"},
  {template: "data.njk", permalink: DATA_PAGE},
  {template: "reproduction.njk", permalink: "reproduction.html"},
  {template: "search.njk", permalink: "search.html"},
  {template: "revisions.njk", permalink: "revisions.html"},
  {template: "print.njk", permalink: "print.html"}
] as const;

function where(self: ShortcodeThis | undefined): string {
  const input = self?.page?.inputPath;
  return input ? path.normalize(input).replace(/^\.\//, "") : "template";
}

export function editionPlugin(eleventyConfig: EleventyConfig, site: SiteModel): void {
  const {context} = site;
  const {config} = context;
  const used = new Map<string, Set<string>>();
  const usedOn = (self: ShortcodeThis | undefined): Set<string> => {
    const url = self?.page?.url ?? "";
    let set = used.get(url);
    if (!set) used.set(url, (set = new Set()));
    return set;
  };

  // All reference errors of all chapters at once, before any page renders.
  preflightReferences(
    context,
    site.chapters,
    site.prose,
    site.placements.map((p) => p.figure.id)
  );
  const unused = unusedFacts(site.prose, site.chapters);
  if (unused.length > 0)
    warn(`${site.prose.inputPath}: facts no chapter uses: ${unused.join(", ")} (remove them, or branch on them)`);
  const unusedListNames = unusedLists(site.prose, site.chapters);
  if (unusedListNames.length > 0)
    warn(
      `${site.prose.inputPath}: lists no chapter or fact uses: ${unusedListNames.join(", ")} (remove them, or name them in [[名单 …]] or count(…))`
    );
  // Short references [[ … ]] in the chapters' Markdown (refs.ts), resolved for the page being rendered.
  // Eleventy's own instance for this run, amended (configureMarkdown says why not setLibrary).
  eleventyConfig.amendLibrary("md", (md) =>
    configureMarkdown(md, {
      // Note marks [[注 P024]] and the chapter's [[注释]] share the numbering of {% cite %} (citations.ts).
      reference: (body, env) => {
        const cited = shortCiteIds(body);
        if (cited) return notes.cite(env.page?.fileSlug ?? "page", cited, where(env));
        if (body.trim() === "注释") return notes.notes(env.page?.fileSlug ?? "page");
        const [head, id, ...rest] = body.trim().split(/\s+/);
        if (rest.length === 0 && id !== undefined) {
          if (head === "图") return figureHtml(id, where(env), usedOn(env));
          if (head === "见") return figureRefHtml(id, where(env));
          if (head === "公式") return formulaBlock(id, where(env));
        }
        return renderReference(context, body, where(env), usedOn(env), site.prose.close, site.prose.lists);
      },
      // Short conditions [[若 name]] (conditions.ts) read the page's facts, as {% if fact.name %} does.
      condition: (expression, env) => {
        const facts = (env as {fact?: Record<string, boolean>}).fact ?? editionFacts().values;
        return evaluateCondition(
          expression,
          (name) => facts[name],
          where(env),
          () => Object.keys(facts)
        );
      },
      // A province named in the prose leads to its page on its first mention (sections are linked where the text
      // generates their names: their short names are ordinary words too).
      entityLinks: new Map(
        entityRefs(context)
          .filter((r) => r.scope === "province")
          .map((r) => [r.nameZh, r.url])
      )
    })
  );
  // The year names every chapter may use without {% set %}: y (last data year), p, b (base year), f (forecast).
  for (const [name, value] of Object.entries(yearNames(config))) eleventyConfig.addGlobalData(name, value);
  // Eleventy warns about slow shortcodes on the console; the build prints its own timings per step.
  eleventyConfig.benchmarkManager?.get("Configuration").setMinimumThresholdMs(Number.MAX_SAFE_INTEGER);

  const chapterByFile = new Map(site.chapters.map((c) => [path.basename(c.inputPath), c]));
  const factNames = new Map<object, Set<string>>();
  const namesUsed = (chapter: {source: string}) => {
    let names = factNames.get(chapter);
    if (!names) factNames.set(chapter, (names = factNamesUsed(chapter.source)));
    return names;
  };
  // The edition's facts are evaluated once, on first use (the preflight has already checked each of them).
  let editionFactValues: {values: Record<string, boolean>; records: Record<string, string[]>} | undefined;
  const editionFacts = () => {
    if (!editionFactValues) {
      editionFactValues = {values: {}, records: {}};
      for (const [name, expression] of Object.entries(site.prose.facts)) {
        const fact = evaluateFact(context, expression, `${site.prose.inputPath}: fact ${name}`, site.prose.lists);
        editionFactValues.values[name] = fact.value;
        editionFactValues.records[name] = fact.records;
      }
    }
    return editionFactValues;
  };
  // Pages one folder down (province/, sector/) set rel = "../" to reach the site's root.
  eleventyConfig.addGlobalData("rel", "");
  eleventyConfig.addGlobalData("entities", entityRefs(context));
  eleventyConfig.addGlobalData("edition", {
    ...config,
    years: editionYears(config),
    chapterList: site.chapters.map(({source: _source, ...chapter}) => chapter),
    figureList: site.placements.map((p) => ({
      id: p.figure.id,
      label: p.label,
      title: p.figure.title,
      kind: p.figure.kind,
      href: `${site.chapters.find((c) => c.id === p.chapterId)!.url}#fig-${p.figure.id}`,
      chapterId: p.chapterId
    })),
    boxList: site.boxes.map((b) => ({...b, href: `${site.chapters.find((c) => c.id === b.chapterId)!.url}#${b.id}`}))
  });
  eleventyConfig.addGlobalData("eleventyComputed", {
    chapter: (data: {page: {inputPath: string}}) => chapterByFile.get(path.basename(data.page.inputPath)),
    // Named facts (facts.ts) of the edition (content/<edition>/prose.yaml) and of the chapter's front matter:
    // {% if fact.name %} and [[若 name]]. The records a fact reads count as used only on the pages that name the fact.
    fact: (data: {page: {url?: string; inputPath: string}; facts?: unknown}) => {
      const own = evaluateFacts(context, data.facts, where(data), site.prose.lists);
      const values: Record<string, boolean> = {...editionFacts().values, ...own.values};
      for (const id of own.records) usedOn(data).add(id);
      const chapter = chapterByFile.get(path.basename(data.page.inputPath));
      for (const [name, records] of Object.entries(editionFacts().records))
        if (chapter && namesUsed(chapter).has(name)) for (const id of records) usedOn(data).add(id);
      return values;
    },
    permalink: (data: {page: {inputPath: string}; permalink?: unknown}) => {
      const chapter = chapterByFile.get(path.basename(data.page.inputPath));
      if (chapter) return chapter.url;
      if (data.permalink !== undefined) return data.permalink;
      throw new BuildError(
        `${data.page.inputPath}: not a chapter of data/editions/${config.edition}.json (add it to "chapters" or remove it)`
      );
    }
  });
  // Chapters use the chapter layout; generated pages name their own layout in their front matter.
  eleventyConfig.addGlobalData("layout", "layouts/chapter.njk");

  eleventyConfig.addShortcode("num", function (this: ShortcodeThis, id: unknown, ...args: unknown[]) {
    return renderNumber(context, id, args, where(this), usedOn(this));
  });

  const figureHtml = (id: unknown, at: string, used: Set<string>): string => {
    const figure = typeof id === "string" ? site.figures.get(id) : undefined;
    if (!figure) throw new BuildError(`${at}: unknown figure "${String(id)}"`);
    for (const record of figure.records) used.add(record);
    return figure.html;
  };
  const figureRefHtml = (id: unknown, at: string): string => {
    const placement = site.placements.find((p) => p.figure.id === id);
    if (!placement) {
      const known = site.placements.map((p) => p.figure.id).join(", ");
      throw new BuildError(`${at}: [[见 ${String(id)}]] names no placed figure; known: ${known}`);
    }
    const chapter = site.chapters.find((c) => c.id === placement.chapterId)!;
    return `<a class="xref" href="${chapter.url}#fig-${placement.figure.id}">${placement.label}</a>`;
  };
  eleventyConfig.addShortcode("figure", function (this: ShortcodeThis, id: unknown) {
    return figureHtml(id, where(this), usedOn(this));
  });
  eleventyConfig.addShortcode("ref", function (this: ShortcodeThis, id: unknown) {
    return figureRefHtml(id, where(this));
  });

  // The explicit escape for a number that is not data (5G, IPv6): printed as is, skipped by the content lint.
  eleventyConfig.addShortcode("lit", function (this: ShortcodeThis, text: unknown) {
    if (typeof text !== "string") throw new BuildError(`${where(this)}: lit needs a string`);
    // Marked, so that checks of the prose know this is a name and not a number that lost its record.
    return `<span class="lit">${escapeHtml(text)}</span>`;
  });

  // 专栏 case boxes, numbered from the sources before rendering (case-boxes.ts).
  eleventyConfig.addPairedShortcode("box", function (this: ShortcodeThis, content: string, title: unknown) {
    const box = site.boxes.find((b) => b.title === title);
    if (!box)
      throw new BuildError(
        `${where(this)}: box ${JSON.stringify(title)}: write it as {% box "标题" %} … {% endbox %} with the title in double quotes`
      );
    return boxHtml(box, content);
  });

  // Citations of sourced facts, numbered once for the edition: marks, the chapter's notes, 参考文献 (citations.ts).
  const notes = new ChapterNotes(context.reference.citations, citedIds(site.chapters.map((c) => c.source)));
  eleventyConfig.addShortcode("cite", function (this: ShortcodeThis, ...ids: unknown[]) {
    return notes.cite(this.page?.fileSlug ?? "page", ids, where(this));
  });
  eleventyConfig.addShortcode("notes", function (this: ShortcodeThis) {
    return notes.notes(this.page?.fileSlug ?? "page");
  });
  // The releases behind the observed indicators the edition prints (citations.ts), for the 参考文献 page.
  eleventyConfig.addShortcode("dataSources", function () {
    return dataSourcesHtml(context.figures.records);
  });
  eleventyConfig.addShortcode("bibliography", function () {
    return notes.bibliography();
  });

  eleventyConfig.addShortcode("tex", function (this: ShortcodeThis, tex: unknown, display: unknown) {
    if (typeof tex !== "string") throw new BuildError(`${where(this)}: tex needs a TeX string`);
    return renderTex(tex, {display: display === true || display === "display", where: where(this)});
  });

  eleventyConfig.addShortcode("provenance", function (this: ShortcodeThis) {
    return `<script type="application/json" id="provenance-data">${provenanceJson(site, usedOn(this))}</script>`;
  });

  // Comparison words and generated lists: the prose cannot contradict the numbers when the data change. A word is
  // marked with the records it was chosen from, so a reader (and a test) can check it.
  const text = (value: unknown, what: string, self: ShortcodeThis): string => {
    if (typeof value !== "string")
      throw new BuildError(`${where(self)}: ${what} must be a string, found ${String(value)}`);
    return value;
  };
  const keywordsOf = (args: unknown[]): Keywords =>
    (args.find((a) => typeof a === "object" && a !== null && (a as Keywords).__keywords === true) as
      Keywords | undefined) ?? {};
  const rankOptions = (kw: Keywords): RankOptions => ({
    ...(kw.order === "asc" || kw.order === "desc" ? {order: kw.order} : {}),
    ...(typeof kw.above === "number" ? {above: kw.above} : {}),
    ...(typeof kw.below === "number" ? {below: kw.below} : {}),
    ...(typeof kw.limit === "number" ? {limit: kw.limit} : {}),
    ...(Array.isArray(kw.among) ? {among: kw.among.map(String)} : {})
  });

  /** {% cmp "a", "b", "高于", "低于", "持平于" %}: the word that states how record a compares with record b. */
  eleventyConfig.addShortcode(
    "cmp",
    function (this: ShortcodeThis, a: unknown, b: unknown, more: unknown, less: unknown, same?: unknown) {
      const words = {more: text(more, "the word for 'more'", this), less: text(less, "the word for 'less'", this)};
      const [idA, idB] = [text(a, "record a", this), text(b, "record b", this)];
      const word = compareWord(context, idA, idB, typeof same === "string" ? {...words, same} : words, where(this));
      return wordElement(word, "cmp", [idA, idB]);
    }
  );

  /** {% trend "id", "增长", "下降", "持平" %}: the word for the sign of a record. */
  eleventyConfig.addShortcode(
    "trend",
    function (this: ShortcodeThis, id: unknown, up: unknown, down: unknown, flat?: unknown) {
      const words = {up: text(up, "the word for 'up'", this), down: text(down, "the word for 'down'", this)};
      const recordIdText = text(id, "record id", this);
      return wordElement(
        signWord(context, recordIdText, typeof flat === "string" ? {...words, flat} : words, where(this)),
        "trend",
        [recordIdText]
      );
    }
  );

  /** {% change "id", "增长", "下降" %}: the sign word followed by the absolute value ("下降1.46万人"). */
  eleventyConfig.addShortcode(
    "change",
    function (this: ShortcodeThis, id: unknown, up: unknown, down: unknown, ...rest: unknown[]) {
      const recordIdText = text(id, "record id", this);
      const word = signWord(
        context,
        recordIdText,
        {up: text(up, "the word for 'up'", this), down: text(down, "the word for 'down'", this), flat: ""},
        where(this)
      );
      const format = parseFormatArgs(rest, where(this));
      const record = context.records.get(recordIdText)!;
      usedOn(this).add(recordIdText);
      return `${wordElement(word, "trend", [recordIdText])}${numberElement(recordIdText, recordText(record, {...format, abs: true}, where(this)), record)}`;
    }
  );

  /** The entities a names/ranking shortcode lists: metric, scope and year as written, filtered by its keywords. */
  const rankedFor = (self: ShortcodeThis, metric: unknown, scope: unknown, year: unknown, kw: Keywords) =>
    rankEntities(
      context,
      text(metric, "metric", self),
      text(scope, "scope", self),
      Number(year),
      rankOptions(kw),
      where(self)
    );

  /** {% names "iiot_value_added", "province", 2021, above=1000, limit=5 %}: "广东、江苏和浙江", ranked. */
  eleventyConfig.addShortcode(
    "names",
    function (this: ShortcodeThis, metric: unknown, scope: unknown, year: unknown, ...rest: unknown[]) {
      const kw = keywordsOf(rest);
      const ranked = rankedFor(this, metric, scope, year, kw);
      if (ranked.length === 0 && kw.empty === undefined)
        throw new BuildError(
          `${where(this)}: {% names %} found no ${String(metric)}/${String(scope)} entity in ${String(year)} matching the filter; give empty="…"`
        );
      if (ranked.length === 0) return escapeHtml(String(kw.empty));
      // Section names contain 、 themselves; sep="；" (with last="；以及") keeps such lists readable.
      const names = ranked.map((r) => entityNameHtml(context, String(scope), r.entity, r.entityZh));
      const sep = typeof kw.sep === "string" ? escapeHtml(kw.sep) : "、";
      const last = typeof kw.last === "string" ? escapeHtml(kw.last) : typeof kw.sep === "string" ? sep : "和";
      const list = joinZh(names, last, sep);
      // The list is chosen from these records: marked, so that a reader can check why each name is there.
      return `<span class="word-list" data-records="${escapeHtml(ranked.map((r) => r.id).join(" "))}">${list}</span>`;
    }
  );

  /** {% ranking "iiot_value_added", "province", 2021, limit=5, unit="亿元" %}: "广东（5177.36亿元）、江苏（…）". */
  eleventyConfig.addShortcode(
    "ranking",
    function (this: ShortcodeThis, metric: unknown, scope: unknown, year: unknown, ...rest: unknown[]) {
      const kw = keywordsOf(rest);
      const ranked = rankedFor(this, metric, scope, year, kw);
      const format = parseFormatArgs(
        [
          {
            __keywords: true,
            ...(kw.unit !== undefined ? {unit: kw.unit} : {}),
            ...(kw.decimals !== undefined ? {decimals: kw.decimals} : {})
          }
        ],
        where(this)
      );
      const used = usedOn(this);
      return joinZh(
        ranked.map((r) => {
          const record = context.records.get(r.id)!;
          used.add(r.id);
          // Names come from data: escaped like every other text the data carries.
          return `${entityNameHtml(context, String(scope), r.entity, r.entityZh)}（${numberElement(r.id, recordText(record, format, where(this)), record)}）`;
        }),
        "、"
      );
    }
  );

  // For loops and conditions in templates: {% for r in ranked("iiot_value_added", "sector", 2021, {limit: 3}) %}.
  eleventyConfig.addNunjucksGlobal("ranked", (metric: string, scope: string, year: number, options: RankOptions = {}) =>
    rankEntities(context, metric, scope, Number(year), options)
  );
  eleventyConfig.addNunjucksGlobal("rec", (id: string) => {
    const record = context.records.get(id);
    if (!record) throw new BuildError(`template: unknown record "${id}" in rec()`);
    return record;
  });
  eleventyConfig.addFilter("joinZh", (items: string[], last?: string) => joinZh(items ?? [], last));

  // Methodology appendix blocks, generated from the model's formula table, parameters, targets and manifest.
  eleventyConfig.addShortcode("formula", function (this: ShortcodeThis, id: unknown) {
    return formulaBlock(text(id, "formula id", this), where(this));
  });
  eleventyConfig.addShortcode("formulaTable", function (this: ShortcodeThis) {
    return formulaTableHtml(where(this));
  });
  eleventyConfig.addShortcode("parametersTable", function (this: ShortcodeThis) {
    for (const r of context.figures.records)
      if (r.kind === "parameter") usedOn(this).add([r.metric, r.scope, r.entity, r.year].join("/"));
    return parametersTableHtml(context);
  });
  eleventyConfig.addShortcode("calibrationTable", function (this: ShortcodeThis) {
    for (const t of config.calibration.targets) usedOn(this).add(t.record);
    return calibrationTableHtml(context, where(this));
  });
  eleventyConfig.addShortcode("regionMembers", function (this: ShortcodeThis, form: unknown, last: unknown) {
    return regionMembersText(context, form, last, where(this));
  });
  eleventyConfig.addShortcode("calibrationYears", function () {
    return calibrationYearsText(context);
  });
  eleventyConfig.addShortcode("multiplierRules", function (this: ShortcodeThis) {
    return multiplierRulesHtml(context, where(this), usedOn(this));
  });
  eleventyConfig.addShortcode("sectionEmploymentMethod", function () {
    return escapeHtml(sectionEmploymentMethodText(context));
  });
  eleventyConfig.addShortcode("sectionEmploymentFormula", function (this: ShortcodeThis) {
    return formulaBlock(sectionEmploymentFormulaId(context), where(this));
  });
  eleventyConfig.addShortcode("forecastAssumption", function (this: ShortcodeThis) {
    return forecastAssumptionHtml(context, where(this), usedOn(this));
  });
  eleventyConfig.addShortcode("sensitivityTable", function (this: ShortcodeThis) {
    return sensitivityTableHtml(context, where(this), usedOn(this));
  });
  eleventyConfig.addShortcode("estimatesList", function (this: ShortcodeThis) {
    return estimatesListHtml(context);
  });

  eleventyConfig.addFilter("headings", (html: string) => headingsOf(html ?? ""));
  // In the single print document every chapter is on the same page: "overview.html#x" becomes "#x".
  // Numbers print plainly in the PDF (their card lives on the site), so their links become spans.
  eleventyConfig.addFilter("printLinks", (html: string) =>
    (html ?? "")
      .replace(
        /<a class="(num[^"]*)" href="[^"]*" (data-record="[^"]*")>([^<]*)<\/a>/g,
        '<span class="$1" $2>$3</span>'
      )
      // Names and chart marks lead to the site's entity pages; on paper they are plain text and plain marks (an SVG
      // link holds marks only, never another link, so the next </a> closes it).
      .replace(/<a class="entity-name" href="[^"]*">([^<]*)<\/a>/g, '<span class="entity-name">$1</span>')
      .replace(/<a href="[^"]*" class="chart-link"[^>]*>([\s\S]*?)<\/a>/g, "<g>$1</g>")
      .replace(/href="[a-z0-9-]+\.html#/g, 'href="#')
  );
  eleventyConfig.addFilter("metricLabel", (metric: string) => metricLabel(metric));
  eleventyConfig.addFilter("scopeLabel", (scope: string) => scopeLabel(scope));

  eleventyConfig.addCollection("chapters", (api) => {
    const all = (api as {getAll(): {page: {inputPath: string}}[]}).getAll();
    return site.chapters.map((chapter) => {
      const item = all.find((i) => path.basename(i.page.inputPath) === path.basename(chapter.inputPath));
      if (!item) throw new BuildError(`${chapter.inputPath}: chapter was not rendered`);
      return item;
    });
  });

  // The data pages: the index (data.html) and a records page per metric, all from one view computed once.
  eleventyConfig.addGlobalData("dataPage", () => dataPageView(site));
  eleventyConfig.addGlobalData("dataSources", context.manifest.map(sourceView));
  eleventyConfig.addGlobalData("repro", () => reproductionView(site.reproduction, context));
  eleventyConfig.addGlobalData("revisions", () => revisionsView(site.revisions, context));

  const pagesDir = path.join(site.root, "templates", "pages");
  for (const page of GENERATED_PAGES) {
    const source = readFileSync(path.join(pagesDir, page.template), "utf8");
    eleventyConfig.addTemplate(`_generated/${page.template}`, source, {permalink: page.permalink});
  }
  // A records page per metric and scope (records/<metric>-<scope>.html, data-page.ts), one folder down.
  const recordsSource = readFileSync(path.join(pagesDir, "records.njk"), "utf8");
  const groups = new Map(context.figures.records.map((r) => [pageKey(r.metric, r.scope), r]));
  for (const [key, {metric, scope}] of groups)
    eleventyConfig.addTemplate(`_generated/${groupPage(metric, scope).replace(/\.html$/, ".njk")}`, recordsSource, {
      permalink: groupPage(metric, scope),
      layout: "layouts/base.njk",
      pageTitle: `${metricLabel(metric)}（${scopeLabel(scope)}）· 测算记录`,
      bodyClass: "records-page",
      rel: "../",
      recordsKey: key
    });
  // A page per province and per sector (entity-pages.ts), one folder down: links start with rel = "../".
  for (const ref of entityRefs(context))
    eleventyConfig.addTemplate(`_generated/${ref.url.replace(/\.html$/, ".njk")}`, "{{ entityBody | safe }}", {
      permalink: ref.url,
      layout: "layouts/base.njk",
      pageTitle: ref.nameZh,
      bodyClass: "entity-page",
      rel: "../",
      entityBody: entityPageHtml(context, ref, "../")
    });
}
