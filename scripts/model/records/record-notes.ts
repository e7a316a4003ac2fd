/**
 * @fileoverview Notes of records whose text comes from data files written for the team: the parameters' provenance
 * (data/params/<edition>.json, written by calibrate.ts) and the observed indicators' notes (data/observed/*.csv,
 * written by the importer). A record note is read on the site, so it must be zh-CN: each known form is restated in
 * Chinese from its parts; commands, ids and addresses stay as they are, between backticks (shown as code). A text
 * of an unknown form is kept as given (and the site's text test reports it if it is not Chinese).
 */
import {SEGMENT_ZH} from "./entities.ts";
import type {DirectSegment} from "../inputs.ts";

/** The note of a share coefficient S_k: how it was fitted, and its direct segment. */
export function shareCoefficientNote(provenance: string, segment: DirectSegment): string {
  const fitted =
    /^fitted by (`[^`]+`) to the (\d{4}) direct and penetration targets \(regularised towards a common share, ρ = ([^)]+)\)$/.exec(
      provenance
    );
  const how = fitted
    ? `由 ${fitted[1]} 按${fitted[2]}年直接产业和渗透产业增加值的校准目标拟合（向共同份额正则化，ρ = ${fitted[3]}）`
    : provenance;
  return `${how}；所属直接产业领域：${SEGMENT_ZH[segment]}`;
}

/** The note of the new-infrastructure coefficient CF. */
export function newInfrastructureNote(provenance: string): string {
  const fitted = /^CF = (.+?) \(ΔII\), fitted by (`[^`]+`) to (\S+)$/.exec(provenance);
  return fitted ? `CF = ${fitted[1]}（ΔII），由 ${fitted[2]} 按校准目标 \`${fitted[3]}\` 拟合` : provenance;
}

/**
 * Words of the indicator rows' issuer field ("工业和信息化部 (MIIT) SCIO press conference via 人民网 (xjche365 page)")
 * and their Chinese; a bracket without Chinese (an abbreviation, the reposting host) is left out, the address of
 * the page is in the note.
 */
const ISSUER_WORDS: readonly (readonly [RegExp, string])[] = [
  [/\s*\([^()]*\)/g, ""],
  [/\bSCIO press conference\b/g, "国新办新闻发布会"],
  [/\bSCIO\b/g, "国新办"],
  [/\blist released at\b/g, "发布于"],
  [/\bXinhua English\b/g, "新华社英文稿"],
  [/\bXinhua\b/g, "新华社"],
  [/\bYicai Global\b/g, "第一财经"],
  [/\bmedia article\b/g, "媒体报道"],
  [/\s+via\s+([A-Za-z][\w.]*)\s*$/g, "，经网络转载"],
  [/\s+via\s+/g, "，经"],
  [/\s+/g, ""]
];

/** The issuer field in Chinese: brackets of names (王鹏) and of Chinese hosts (泉州晚报 page) keep their Chinese. */
export function issuerZh(issuer: string): string {
  // Brackets holding Chinese keep it (without Latin words): "(王鹏)" → "（王鹏）", "(泉州晚报 page)" → "（泉州晚报）".
  let text = issuer.replace(
    /\s*\(([^()]*[\u4e00-\u9fff][^()]*)\)/g,
    (_m, inner: string) => `〔${inner.replace(/\s*\b[A-Za-z]+\b\s*/g, "").trim()}〕`
  );
  for (const [pattern, words] of ISSUER_WORDS) text = text.replace(pattern, words);
  return text.replace(/〔/g, "（").replace(/〕/g, "）");
}

/** The note of an observed number, from the forms the importer writes; any other note as given. */
export function observedNote(note: string): string {
  const printed = /^printed in (.+?)(?:; also written with the counter (.+))?$/.exec(note);
  if (printed) {
    const places = printed[1]!.split("; ").join("；");
    return `原版见于：${places}${printed[2] ? `；原版亦以“${printed[2].split(", ").join("”“")}”为单位` : ""}`;
  }
  const source = observedSource(note);
  if (source)
    return `发布方：${source.issuer}；发布日期：${source.date}；网页 \`${source.url}\`（指标表第 \`${source.row}\` 条）`;
  return note;
}

/** Who published an observed indicator and when, from the record's note as observedNote wrote it. */
export function releaseOfNote(note: string): {issuer: string; date: string} | undefined {
  const m = /^发布方：(.+?)；发布日期：(\d{4}(?:-\d{2}){0,2})；/.exec(note);
  return m ? {issuer: m[1]!, date: m[2]!} : undefined;
}

/** Who published an observed indicator and when, from the importer's note ("M01: issuer, 2023-01-17, url"). */
export function observedSource(note: string): {row: string; issuer: string; date: string; url: string} | undefined {
  const indicator = /^([A-Z]\d+): (.+), (\d{4}(?:-\d{2}){0,2}), (\S+)$/.exec(note);
  if (!indicator) return undefined;
  const [, row, issuer, date, url] = indicator;
  return {row: row!, issuer: issuerZh(issuer!), date: date!, url: url!};
}
