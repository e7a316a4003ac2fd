import {describe, expect, it} from "vitest";
import {issuerZh, newInfrastructureNote, observedNote, shareCoefficientNote} from "../../model/records/record-notes.ts";
import {editionData, EDITIONS} from "./real-data.ts";

/** Latin words of four letters or more and snake_case ids outside `code` spans: what a note must not show. */
function foreignWords(note: string): string[] {
  return [...note.replace(/`[^`]*`/g, " ").matchAll(/\b[a-z]+_[a-z0-9_]+\b|\b[A-Za-z]{4,}\b/g)].map((m) => m[0]);
}

describe("observedNote(note)", () => {
  it("says where the paper printed the number, and the other counter it used", () => {
    expect(
      observedNote("printed in 一(一) 工业互联网创新发展提档升级; 四(三) 新基建; also written with the counter 家")
    ).toBe("原版见于：一(一) 工业互联网创新发展提档升级；四(三) 新基建；原版亦以“家”为单位");
  });

  it("restates an indicator row: issuer in Chinese, date, address and row id as code", () => {
    expect(
      observedNote(
        "I40: 工业和信息化部 (MIIT) (王鹏) SCIO press conference (kesuyun page), 2023-01-17, http://kesuyun.com/x.html"
      )
    ).toBe(
      "发布方：工业和信息化部（王鹏）国新办新闻发布会；发布日期：2023-01-17；网页 `http://kesuyun.com/x.html`（指标表第 `I40` 条）"
    );
  });

  it("keeps a note of any other form as it is", () => {
    expect(observedNote("见国家统计局公报")).toBe("见国家统计局公报");
  });
});

describe("issuerZh(issuer)", () => {
  it.each([
    ["国家统计局 (NBS) via Xinhua (泉州晚报 page)", "国家统计局，经新华社（泉州晚报）"],
    ["国家统计局 (NBS) via hnwxw", "国家统计局，经网络转载"],
    ["国务院 政府工作报告 (State Council Government Work Report) (scholarmate abstract)", "国务院政府工作报告"],
    [
      "中国工业互联网研究院 (China Academy of Industrial Internet) 白皮书(2022年) (6gdcs page)",
      "中国工业互联网研究院白皮书（2022年）"
    ],
    ["media article (fxm3151 page)", "媒体报道"]
  ])("%s → %s", (issuer, zh) => {
    expect(issuerZh(issuer)).toBe(zh);
  });
});

describe("parameter notes", () => {
  it("restate calibrate.ts's provenance in Chinese, the command as code", () => {
    expect(
      shareCoefficientNote(
        "fitted by `npm run calibrate -- --edition 2022` to the 2017 direct and penetration targets (regularised towards a common share, ρ = 0.0001)",
        "platform"
      )
    ).toBe(
      "由 `npm run calibrate -- --edition 2022` 按2017年直接产业和渗透产业增加值的校准目标拟合（向共同份额正则化，ρ = 0.0001）；所属直接产业领域：平台"
    );
    expect(
      newInfrastructureNote(
        "CF = 1960 ÷ 1000 (ΔII), fitted by `npm run calibrate -- --edition 2020` to new_infrastructure_output/national/china/2020"
      )
    ).toBe(
      "CF = 1960 ÷ 1000（ΔII），由 `npm run calibrate -- --edition 2020` 按校准目标 `new_infrastructure_output/national/china/2020` 拟合"
    );
  });
});

describe.each(EDITIONS)("the notes of the %i figures", (edition) => {
  it("read in Chinese (ids, commands and addresses only as code)", async () => {
    const {figures} = await editionData(edition);
    const notes = figures.records.filter((r) => r.note);
    expect(notes.length).toBeGreaterThan(100);
    const foreign = [
      ...new Set(notes.flatMap((r) => foreignWords(r.note!).map((w) => `${w}: ${r.note!.slice(0, 80)}`)))
    ];
    expect(foreign).toEqual([]);
  });
});
