/**
 * @fileoverview The sourced policies, milestones and case facts the chapters cite ([[注 P024]]), from
 * ../shared/data-sources/policy-events-and-cases/. The upstream columns are copied as they are; the import adds what
 * the paper needs to print a source honestly:
 * - `trust`: the tier of the page's host (official / media / other), from SOURCE_HOSTS below, which follows the trust
 *   notes of PROVENANCE.md. The chapters' 注释 and the 参考文献 print a URL only for official and media hosts.
 * - `publisher`: the outlet or site the entry names, where it is known (the host's own name, or an outlet the row
 *   itself names, e.g. "（央视新闻）").
 * - `entry_zh`: the bibliographic entry the paper prints — issuer, title, document number and date for a policy; a
 *   short title, the publisher and the date for an event or a case — without the gatherer's working notes.
 * - `caveat`: why PROVENANCE.md warns about this row (unreliable, after the window, figures that disagree); the build
 *   warns when a chapter cites such a row.
 * - `note`: the working notes taken out of the printed fields and the summaries ("年份据总数推断为2020年" …).
 */
import type {DataSource} from "../model/inputs.ts";
import {DATA_FILES} from "../load/data-files.ts";
import {yearRangeDash} from "../lib/typography.ts";
import {readShared, type SourceContext, type SourceRow, type SourceTable} from "./sources.ts";
import type {BuiltTable, ColumnSpec} from "./table.ts";

export type Trust = "official" | "media" | "other";

interface HostRule {
  /** A host name; it also covers its subdomains (miit.gov.cn covers www.miit.gov.cn). */
  domain: string;
  trust: Trust;
  /** The site's name, printed as the publisher of an event or a case read there (official and media hosts). */
  site?: string;
  reason: string;
}

const PROVENANCE = "PROVENANCE.md, Trust notes";

/**
 * Host → trust tier, after PROVENANCE.md's trust notes. The tier is the host's, not the text's: PROVENANCE.md counts
 * a media text reposted on an unrelated domain as good trust but asks to re-find the outlet before print, so such a
 * host is "other" (its URL is not printed; the outlet is printed when the row names it). Any host not listed is
 * "other". The most specific domain wins.
 */
export const SOURCE_HOSTS: readonly HostRule[] = [
  // Official or primary pages (PROVENANCE.md: highest trust).
  {domain: "miit.gov.cn", trust: "official", site: "工业和信息化部", reason: `${PROVENANCE}: official (P006, P011)`},
  {
    domain: "gdii.gd.gov.cn",
    trust: "official",
    site: "广东省工业和信息化厅",
    reason: `${PROVENANCE}: official, the Guangdong industry and IT department (P031, C027)`
  },
  {
    domain: "mofcom.gov.cn",
    trust: "official",
    site: "商务部",
    reason: `${PROVENANCE}: official, the dzswgf.mofcom.gov.cn copy of the NDRC Q&A (P018)`
  },
  {
    domain: "aii-alliance.org",
    trust: "official",
    site: "工业互联网产业联盟",
    reason: `${PROVENANCE}: primary, the 工业互联网产业联盟 itself (P044)`
  },
  {
    domain: "gov.cn",
    trust: "official",
    reason: "a government domain (PROVENANCE.md's official pages are gov.cn hosts)"
  },
  // Mainstream media on their own hosts (PROVENANCE.md: good trust).
  {domain: "xinhuanet.com", trust: "media", site: "新华网", reason: `${PROVENANCE}: 新华社`},
  {domain: "news.cn", trust: "media", site: "新华网", reason: `${PROVENANCE}: 新华社`},
  {domain: "people.com.cn", trust: "media", site: "人民网", reason: `${PROVENANCE}: 人民日报, 人民网`},
  {
    domain: "cctv.com",
    trust: "media",
    site: "央视网",
    reason: `${PROVENANCE}: 央视新闻 (big5.cctv.com is cctv.com's own)`
  },
  {domain: "chinanews.com", trust: "media", site: "中国新闻网", reason: `${PROVENANCE}: 中新社`},
  {domain: "chinanews.com.cn", trust: "media", site: "中国新闻网", reason: `${PROVENANCE}: 中新社`},
  {domain: "chinadaily.com.cn", trust: "media", site: "中国日报网", reason: `${PROVENANCE}: China Daily`},
  {domain: "stdaily.com", trust: "media", site: "科技日报", reason: `${PROVENANCE}: 科技日报`},
  {domain: "ce.cn", trust: "media", site: "中国经济网", reason: `${PROVENANCE}: 经济日报 (中国经济网 is its site)`},
  {domain: "21jingji.com", trust: "media", site: "21世纪经济报道", reason: `${PROVENANCE}: 21世纪经济报道`},
  {domain: "cnstock.com", trust: "media", site: "上海证券报", reason: `${PROVENANCE}: 上海证券报`},
  {domain: "c114.com.cn", trust: "media", site: "C114通信网", reason: `${PROVENANCE}: C114`},
  {domain: "cctime.com", trust: "media", site: "飞象网", reason: `${PROVENANCE}: 飞象网`},
  {domain: "cww.net.cn", trust: "media", site: "通信世界网", reason: `${PROVENANCE}: 通信世界`},
  {
    domain: "jsnews.jschina.com.cn",
    trust: "media",
    site: "新华日报交汇点",
    reason:
      "not named in PROVENANCE.md: the news site of 新华日报 (Jiangsu's party paper), mainstream media on its own host"
  },
  {
    domain: "dutenews.com",
    trust: "media",
    site: "读特（深圳特区报）",
    reason:
      "not named in PROVENANCE.md: the news site of 深圳特区报 (Shenzhen Press Group), mainstream media on its own host"
  },
  // Named by PROVENANCE.md as mirrors or lower trust: listed so that the reason is on record.
  {
    domain: "prettygoddess.com",
    trust: "other",
    reason: `${PROVENANCE}: a mirror of the gov.cn/MIIT article (C045); the text is official, the host is not`
  },
  ...["feifmx.com", "salonsbyjcnaples.com", "oldageplaystationers.com", "mghf123.com", "sztwywa.com"].map((domain) => ({
    domain,
    trust: "other" as const,
    reason: `${PROVENANCE}: a mirror or scrape of media text on an unrelated domain ("the host is not" the outlet's)`
  })),
  {domain: "jerry.net.cn", trust: "other", reason: `${PROVENANCE}: lower trust, a Q&A blog (E039)`},
  {domain: "caifuhao.eastmoney.com", trust: "other", reason: `${PROVENANCE}: lower trust, a user column (P046)`},
  {domain: "bkeconomy.com", trust: "other", reason: `${PROVENANCE}: lower trust, 2026 IPO coverage (C002)`}
];

const DEFAULT_REASON =
  "not named by PROVENANCE.md as an official or mainstream-media host: a repost, mirror or other site";

/** The host of a URL, lower case, without a trailing dot ("www.chinanews.com." → "www.chinanews.com"). */
export function hostOf(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/\.$/, "");
}

/** The rule that classifies a URL's host (the most specific listed domain), or the default "other". */
export function hostRule(url: string): HostRule {
  const host = hostOf(url);
  const matches = SOURCE_HOSTS.filter((r) => host === r.domain || host.endsWith(`.${r.domain}`));
  matches.sort((a, b) => b.domain.length - a.domain.length);
  return matches[0] ?? {domain: host, trust: "other", reason: DEFAULT_REASON};
}

export function trustOf(url: string): Trust {
  return hostRule(url).trust;
}

/** What PROVENANCE.md says about specific rows: the build warns when a chapter cites one of them. */
export const ROW_CAVEATS: Readonly<Record<string, string>> = {
  E039: "lower trust: a Q&A blog (PROVENANCE.md, Trust notes)",
  P046: "lower trust: an eastmoney caifuhao user column (PROVENANCE.md, Trust notes)",
  C002: "lower trust: 2026 IPO coverage of 卡奥斯 (PROVENANCE.md, Trust notes)",
  E025: "lower trust: the value appears only in the page title/URL (PROVENANCE.md, Trust notes)",
  E005: "published after 2023, context only; and 28 + 23 = 51 双跨 platforms disagree with its 50 (PROVENANCE.md, Conflicts 3)",
  E040: "published after 2023, context only (PROVENANCE.md, Trust notes)",
  E069: "published after 2023, context only (PROVENANCE.md, Trust notes)",
  C031: "published after 2023, context only (PROVENANCE.md, Trust notes)",
  E003: "figures disagree: 28 + 23 (E004) = 51 双跨 platforms, but a 2024 article says 50 (PROVENANCE.md, Conflicts 3)",
  E004: "figures disagree: 28 (E003) + 23 = 51 双跨 platforms, but a 2024 article says 50 (PROVENANCE.md, Conflicts 3)",
  C026: "date disputed: the source says 2021-04, the Commission's brief is commonly dated January 2021; write 2021年 (PROVENANCE.md, Conflicts 8)",
  C043: "figures disagree within the source: 6 Chinese lighthouse factories, then 5 (PROVENANCE.md, Conflicts 9)",
  E050: "figures disagree: 59万 industrial APPs vs 28万余 on 重点平台 (E053): different sets of platforms (PROVENANCE.md, Conflicts 2)",
  E053: "figures disagree: 28万余 industrial APPs on 重点平台 vs 59万 (E050, E065): different sets of platforms (PROVENANCE.md, Conflicts 2)",
  E065: "figures disagree: 59万 industrial APPs vs 28万余 on 重点平台 (E053): different sets of platforms (PROVENANCE.md, Conflicts 2)",
  E070: "another scope: 信通院 产业经济增加值 (2.13万亿), not the 研究院 series (3.41万亿); never mix (PROVENANCE.md, Conflicts 1)",
  E082: "another scope: 信通院 contribution 9.9%, not the 研究院 8.70% (E078); never mix (PROVENANCE.md, Conflicts 1)"
};

/**
 * Printed dates that PROVENANCE.md asks for, where the row's date alone would mislead.
 * P038: "Cite it as 2021年12月印发、2022年1月公布" (Conflicts 4).
 */
const DATE_PHRASES: Readonly<Record<string, string>> = {P038: "2021年12月印发、2022年1月公布"};

/** Words that mark a parenthesised remark as the gatherer's working note rather than part of a name or title. */
const WORKING_NOTE = /推断|摘录|概括|该来源|施行日期|窗口期|低可信|仅见于|可反推|回溯|上市报道|新型工业化部署/;

/** Outlets a row may name in a trailing remark, e.g. "…《白皮书（2022年）》（央视新闻）": the entry's publisher. */
const OUTLETS = ["新华社", "人民日报", "人民网", "央视新闻", "央视网", "中新社", "中新网", "C114", "通信世界"];

/**
 * Takes the working notes out of a printed field: a full-width parenthesised remark is dropped when it is a working
 * note, or only its note parts ("；"-separated) are. Returns the clean text and the notes taken out.
 */
export function stripWorkingNotes(text: string): {text: string; notes: string[]} {
  const notes: string[] = [];
  const clean = text.replace(/（([^（）]*)）/g, (whole, inner: string) => {
    const parts = inner.split("；");
    const kept = parts.filter((p) => !WORKING_NOTE.test(p));
    if (kept.length === parts.length) return whole;
    notes.push(...parts.filter((p) => WORKING_NOTE.test(p)));
    return kept.length > 0 ? `（${kept.join("；")}）` : "";
  });
  return {text: clean.trim(), notes};
}

/** "2017-11-19" → "2017年11月19日", "2015-07" → "2015年7月", "2021" → "2021年", "2018-2020" → "2018—2020年". */
export function dateZh(date: string): string {
  const d = date.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (m) return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
  m = /^(\d{4})-(\d{2})$/.exec(d);
  if (m) return `${m[1]}年${Number(m[2])}月`;
  m = /^(\d{4})-(\d{4})$/.exec(d);
  if (m) return `${m[1]}—${m[2]}年`;
  if (/^\d{4}$/.test(d)) return `${d}年`;
  return d;
}

const join = (...parts: (string | undefined)[]) => parts.filter((p) => p).join("，");

/** `publisher：title` unless the title already names the publisher. */
const byline = (publisher: string, title: string) =>
  publisher && !title.includes(publisher) ? `${publisher}：${title}` : title;

export interface PolicyFields {
  id: string;
  date: string;
  issuer: string;
  title_zh: string;
  doc_number: string;
}

/** Issuer：title（document number），date — without the remarks about the issuer or what the row quotes. */
export function policyEntry(row: PolicyFields): {entry: string; notes: string[]} {
  // Every remark after an issuer is a gloss ("（政府工作报告）", "（组长：工业和信息化部部长）").
  const issuerNotes = [...row.issuer.matchAll(/（([^（）]*)）/g)].map((m) => m[1]!);
  const issuer = row.issuer.replace(/（[^（）]*）/g, "").trim();
  const stripped = stripWorkingNotes(yearRangeDash(row.title_zh));
  let title = stripped.text;
  const notes = [...issuerNotes, ...stripped.notes];
  // "2018年《政府工作报告》关于工业互联网的表述", "…会议关于…的部署", "…发布会：首次明确…": what the row quotes.
  const quoted = /(关于[^《》]*的(?:表述|部署)|：[^《》]*)$/.exec(title);
  if (quoted && quoted.index > 0) {
    notes.push(quoted[1]!.replace(/^：/, ""));
    title = title.slice(0, quoted.index);
  }
  const document = row.doc_number && !title.includes(row.doc_number) ? `（${row.doc_number}）` : "";
  const inForce = stripped.notes.some((n) => n.includes("施行日期"));
  const date = DATE_PHRASES[row.id] ?? (row.date ? `${dateZh(row.date)}${inForce ? "起施行" : ""}` : "");
  // A meeting named after its body ("工业互联网专项工作组第一次会议") is not preceded by the body again; a document is.
  const head = !title.includes("《") && title.includes(issuer) ? title : `${issuer}：${title}`;
  return {entry: join(`${head}${document}`, date), notes};
}

export interface EventFields {
  date: string;
  event_zh: string;
  url: string;
}

/** Publisher：short title，date (the publisher where the host or the row names it). */
export function eventEntry(row: EventFields): {entry: string; publisher: string; notes: string[]} {
  const stripped = stripWorkingNotes(yearRangeDash(row.event_zh));
  let title = stripped.text;
  let publisher = "";
  const named = /（([^（）]*)）$/.exec(title);
  if (named && OUTLETS.includes(named[1]!)) {
    publisher = named[1]!;
    title = title.slice(0, named.index);
  }
  publisher ||= printableSite(row.url);
  return {entry: join(byline(publisher, title), row.date ? dateZh(row.date) : ""), publisher, notes: stripped.notes};
}

export interface CaseFields {
  name_zh: string;
  year: string;
  url: string;
}

/** Publisher：name，year — the case's short title and year, not the fact the chapter draws from it. */
export function caseEntry(row: CaseFields): {entry: string; publisher: string; notes: string[]} {
  const stripped = stripWorkingNotes(yearRangeDash(row.name_zh));
  const publisher = printableSite(row.url);
  return {
    entry: join(byline(publisher, stripped.text), row.year ? dateZh(row.year) : ""),
    publisher,
    notes: stripped.notes
  };
}

/** The site's name when its URL is printed (official and media hosts), else "". */
function printableSite(url: string): string {
  const rule = hostRule(url);
  return rule.trust === "other" ? "" : (rule.site ?? "");
}

const ADDED: ColumnSpec[] = [
  {
    name: "trust",
    description:
      "tier of the URL's host: official, media or other (scripts/import/cited.ts SOURCE_HOSTS, after PROVENANCE.md); the paper prints the URL for official and media only"
  },
  {name: "publisher", description: "outlet or site named in the entry, where known (the host's or the row's own)"},
  {name: "entry_zh", description: "the bibliographic entry printed in 注释 and 参考文献, without working notes"},
  {name: "caveat", description: "what PROVENANCE.md says against this row; the build warns when a chapter cites it"},
  {name: "note", description: "working notes taken out of the printed fields and the summary (；-separated)"}
];

const URL_COLUMNS = [
  {name: "url", description: "the page the fact was read on (stored copy, 2026-12-02)"},
  {name: "snippet", description: "verbatim excerpt of that page that shows the fact"}
];

const CITED = [
  {
    file: DATA_FILES.citedPolicies,
    upstream: "policies.csv",
    id: "cited-policies",
    what: "policies, plans and meetings (national, ministerial, provincial), 2015–2023",
    columns: [
      {name: "id", description: "citation id (P…), cited as [[注 P024]]"},
      {name: "date", description: "date of issue as precise as the source allows (YYYY, YYYY-MM or YYYY-MM-DD)"},
      {name: "issuer", description: "issuing body, as gathered (remarks in parentheses)"},
      {name: "title_zh", description: "title as gathered, with its 《》 when it is a document"},
      {name: "doc_number", description: "document number (文号), empty when no excerpt showed it"},
      {name: "level", description: "national, ministerial or provincial"},
      {name: "summary_zh", description: "one sentence in the gatherer's words (not printed)"},
      ...URL_COLUMNS
    ],
    build(t: SourceTable, row: SourceRow) {
      const fields = {
        id: t.text(row, "id"),
        date: t.text(row, "date"),
        issuer: t.text(row, "issuer"),
        title_zh: t.text(row, "title_zh"),
        doc_number: t.text(row, "doc_number")
      };
      const {entry, notes} = policyEntry(fields);
      return {entry, publisher: "", notes: [...notes, ...stripWorkingNotes(t.text(row, "summary_zh")).notes]};
    }
  },
  {
    file: DATA_FILES.citedEvents,
    upstream: "events.csv",
    id: "cited-events",
    what: "dated milestones with one number each (platform lists, node counts, project counts)",
    columns: [
      {name: "id", description: "citation id (E…)"},
      {name: "date", description: "when the number was published"},
      {name: "event_zh", description: "short title of the event or report, as gathered"},
      {name: "metric", description: "what the number counts, with the body's definition (口径)"},
      {name: "value", description: "the number, always numeric"},
      {name: "unit", description: "unit and qualifier (（超过） lower bound, （近） nearly, （预测） forecast …)"},
      {name: "as_of", description: "the date the number refers to"},
      ...URL_COLUMNS
    ],
    build(t: SourceTable, row: SourceRow) {
      return eventEntry({date: t.text(row, "date"), event_zh: t.text(row, "event_zh"), url: t.text(row, "url")});
    }
  },
  {
    file: DATA_FILES.citedCases,
    upstream: "cases.csv",
    id: "cited-cases",
    what: "case facts for 专栏 boxes (enterprise platforms, regional programmes, foreign strategies, sector cases)",
    columns: [
      {name: "id", description: "citation id (C…)"},
      {name: "name_zh", description: "short name of the case"},
      {
        name: "kind",
        description: "enterprise_platform, regional_programme, foreign_strategy, sector_case or industry_org"
      },
      {name: "region", description: "where"},
      {name: "year", description: "year of the fact (empty when the page gives none; a range is a plan period)"},
      {name: "fact_zh", description: "one sentence in the gatherer's words (not printed)"},
      ...URL_COLUMNS
    ],
    build(t: SourceTable, row: SourceRow) {
      const built = caseEntry({name_zh: t.text(row, "name_zh"), year: t.text(row, "year"), url: t.text(row, "url")});
      return {...built, notes: [...built.notes, ...stripWorkingNotes(t.text(row, "fact_zh")).notes]};
    }
  }
] as const;

/** The three cited-*.csv tables: the upstream columns as they are, plus trust, publisher, entry, caveat and note. */
export async function buildCitedSources(context: SourceContext): Promise<BuiltTable[]> {
  return Promise.all(
    CITED.map(async (c) => {
      const relative = `data-sources/policy-events-and-cases/${c.upstream}`;
      const upstreamColumns = c.columns.map((col) => col.name);
      const t = await readShared(context, relative, upstreamColumns);
      const rows = t.rows.map((row) => {
        const id = t.text(row, "id");
        const url = t.text(row, "url");
        const {entry, publisher, notes} = c.build(t, row);
        return [
          ...upstreamColumns.map((name) => t.text(row, name)),
          trustOf(url),
          publisher,
          entry,
          ROW_CAVEATS[id] ?? "",
          [...new Set(notes)].join("；")
        ];
      });
      const source: Omit<DataSource, "file" | "columns"> = {
        id: c.id,
        title: `Sourced ${c.what}: one public page (URL) and a verbatim snippet per row`,
        citation: "公开政策文件及新闻报道",
        publisher: "the issuing bodies and the media pages named by each row's URL",
        intermediary: `gathered by the project into ../shared/${relative} (PROVENANCE.md gives the trust of each host)`,
        vintage: "as published on the page at the time of gathering (2026-12-02)",
        unit: "",
        years: "2015–2024",
        transformations: [
          `upstream columns copied as-is from ../shared/${relative}`,
          "trust: the host's tier from SOURCE_HOSTS in scripts/import/cited.ts (after PROVENANCE.md's trust notes)",
          "entry_zh: built from the fields, working notes moved to note; caveat: PROVENANCE.md's remarks on the row"
        ],
        estimated: false,
        caveats:
          "Many URLs are reposts on third-party hosts (trust = other): the paper prints their entry without the URL. Cited in the chapters by id with [[注 id]].",
        upstream: [`../shared/${relative}`, "../shared/data-sources/policy-events-and-cases/PROVENANCE.md"]
      };
      return {table: {file: c.file, columns: [...c.columns, ...ADDED], rows}, source};
    })
  );
}
