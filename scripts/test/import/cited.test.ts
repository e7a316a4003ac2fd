import {readFile} from "node:fs/promises";
import path from "node:path";
import {parse} from "csv-parse/sync";
import {describe, expect, it} from "vitest";
import {
  caseEntry,
  dateZh,
  eventEntry,
  hostRule,
  policyEntry,
  ROW_CAVEATS,
  stripWorkingNotes,
  trustOf
} from "../../import/cited.ts";
import {REPO_ROOT} from "../load/data-copy.ts";

describe("trust of a cited page's host (SOURCE_HOSTS, after PROVENANCE.md)", () => {
  it("classifies official, media and other hosts, subdomains and a trailing dot included", () => {
    expect(trustOf("https://www.miit.gov.cn/jgsj/xxjsfzs/art_1.html")).toBe("official");
    expect(trustOf("http://gdii.gd.gov.cn/zcgh3227/content/post_938095.html")).toBe("official");
    expect(trustOf("https://dzswgf.mofcom.gov.cn/news/5/2020/4/1.html")).toBe("official");
    expect(trustOf("http://www.chinanews.com./cj/2021/09-28/1.shtml")).toBe("media");
    expect(trustOf("http://big5.cctv.com/gate/big5/www.gov.cn/x.htm")).toBe("media");
    expect(trustOf("https://www.21jingji.com/article/20211130/1.html")).toBe("media");
    expect(trustOf("https://language.chinadaily.com.cn/a/202309/25/1.html")).toBe("media");
  });

  it("counts mirrors, reposts and unknown hosts as other, whatever text they carry", () => {
    // Reviewer's examples: junk-looking hosts.
    expect(trustOf("https://news.calyptus.net/test/1.html")).toBe("other");
    expect(trustOf("https://simplyketofast.com/x")).toBe("other");
    expect(trustOf("https://www.lianheelec.com/x")).toBe("other");
    // PROVENANCE.md: a mirror of a gov.cn article (content official, host not), a user column of a portal.
    expect(hostRule("https://www.prettygoddess.com/x").trust).toBe("other");
    expect(hostRule("https://www.prettygoddess.com/x").reason).toMatch(/mirror/);
    expect(trustOf("https://caifuhao.eastmoney.com/news/1")).toBe("other");
    // A name that merely ends like a listed domain is not that domain.
    expect(trustOf("https://fakemiit.gov.cn.example.com/x")).toBe("other");
    expect(trustOf("https://notpeople.com.cn/x")).toBe("other");
  });
});

describe("bibliographic entries from the fields", () => {
  it("strips the gatherer's working notes and keeps them apart", () => {
    expect(stripWorkingNotes("阿里云工业互联网云平台（广州）")).toEqual({
      text: "阿里云工业互联网云平台（广州）",
      notes: []
    });
    expect(stripWorkingNotes("某事实（年份据总数推断为2020年）。")).toEqual({
      text: "某事实。",
      notes: ["年份据总数推断为2020年"]
    });
    expect(stripWorkingNotes("上海市某方案（“533”创新工程，2018-2020年；标题据摘录概括）")).toEqual({
      text: "上海市某方案（“533”创新工程，2018-2020年）",
      notes: ["标题据摘录概括"]
    });
  });

  it("prints dates in Chinese as precise as the source", () => {
    expect(["2017-11-19", "2015-07", "2021", "2018-2020", ""].map(dateZh)).toEqual([
      "2017年11月19日",
      "2015年7月",
      "2021年",
      "2018—2020年",
      ""
    ]);
  });

  it("builds a policy entry: issuer, title, document number, date", () => {
    const policy = (over: Partial<Parameters<typeof policyEntry>[0]>) =>
      policyEntry({id: "P0", date: "", issuer: "", title_zh: "", doc_number: "", ...over}).entry;
    expect(
      policy({
        date: "2017-11-19",
        issuer: "国务院",
        title_zh: "《国务院关于深化“互联网+先进制造业”发展工业互联网的指导意见》",
        doc_number: "国发〔2017〕50号"
      })
    ).toBe("国务院：《国务院关于深化“互联网+先进制造业”发展工业互联网的指导意见》（国发〔2017〕50号），2017年11月19日");
    expect(
      policy({
        date: "2018-03-05",
        issuer: "国务院（政府工作报告）",
        title_zh: "2018年《政府工作报告》关于工业互联网的表述"
      })
    ).toBe("国务院：2018年《政府工作报告》，2018年3月5日");
    expect(
      policy({date: "2021-06-01", issuer: "工业和信息化部", title_zh: "《工业互联网标识管理办法》（施行日期）"})
    ).toBe("工业和信息化部：《工业互联网标识管理办法》，2021年6月1日起施行");
    expect(
      policy({
        date: "2018-05-21",
        issuer: "工业互联网专项工作组（组长：工业和信息化部部长）",
        title_zh: "工业互联网专项工作组第一次会议"
      })
    ).toBe("工业互联网专项工作组第一次会议，2018年5月21日");
    // PROVENANCE.md, Conflicts 4: cite P038 as issued in December 2021 and made public in January 2022.
    expect(policy({id: "P038", date: "2021-12-12", issuer: "国务院", title_zh: "《“十四五”数字经济发展规划》"})).toBe(
      "国务院：《“十四五”数字经济发展规划》，2021年12月印发、2022年1月公布"
    );
  });

  it("builds event and case entries: short title, publisher where known, date", () => {
    expect(
      eventEntry({
        date: "2022-11-07",
        event_zh: "中国工业互联网研究院《白皮书（2022年）》（央视新闻）",
        url: "http://cando.cditv.cn/x"
      })
    ).toEqual({
      entry: "央视新闻：中国工业互联网研究院《白皮书（2022年）》，2022年11月7日",
      publisher: "央视新闻",
      notes: []
    });
    expect(eventEntry({date: "2021-11-30", event_zh: "工信部发布会", url: "https://www.21jingji.com/a"}).entry).toBe(
      "21世纪经济报道：工信部发布会，2021年11月30日"
    );
    expect(eventEntry({date: "2024", event_zh: "某回顾（窗口期后）", url: "https://www.sztwywa.com/a"})).toEqual({
      entry: "某回顾，2024年",
      publisher: "",
      notes: ["窗口期后"]
    });
    expect(caseEntry({name_zh: "浙江“未来工厂”试点签约", year: "2021", url: "http://www.chinanews.com./a"}).entry).toBe(
      "中国新闻网：浙江“未来工厂”试点签约，2021年"
    );
    expect(caseEntry({name_zh: "德国《2020高技术战略》中的工业4.0", year: "", url: "http://21ic.com/a"}).entry).toBe(
      "德国《2020高技术战略》中的工业4.0"
    );
  });
});

describe("the committed data/context/cited-*.csv", () => {
  const files = ["cited-policies", "cited-events", "cited-cases"].map((f) => `data/context/${f}.csv`);
  const read = async (file: string) =>
    parse(await readFile(path.join(REPO_ROOT, file), "utf8"), {columns: true}) as Record<string, string>[];

  it("records the trust of every row as its URL's host classifies, and PROVENANCE.md's caveats", async () => {
    for (const file of files)
      for (const row of await read(file)) {
        expect(row.trust, `${file} ${row.id}`).toBe(trustOf(row.url!));
        expect(row.caveat, `${file} ${row.id}`).toBe(ROW_CAVEATS[row.id!] ?? "");
      }
  });

  it("prints no working note in an entry", async () => {
    for (const file of files)
      for (const row of await read(file))
        expect(row.entry_zh, `${file} ${row.id}`).not.toMatch(/推断|摘录|概括|该来源|施行日期|窗口期|低可信|仅见于/);
  });
});
