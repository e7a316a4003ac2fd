import {readFile} from "node:fs/promises";
import {readEditionConfig} from "./load/edition.ts";
import {repeatedLists, repeatedSkeletons, selfReferences} from "./render/prose-checks.ts";
import {bodyText} from "./render/text-length.ts";
const fig = (ed: number) => readFile(`dist/${ed}/figures.json`, "utf8").then((t) => JSON.parse(t));
for (const ed of [2020, 2022, 2023]) {
  const config = await readEditionConfig(".", ed);
  const f = await fig(ed);
  const names = [...new Set(f.records.map((r: {entityZh?: string}) => r.entityZh).filter((x: unknown) => typeof x === "string" && x.length >= 2))] as string[];
  for (const ch of config.chapters.filter((c) => c.kind !== "appendix")) {
    const html = await readFile(`dist/${ed}/${ch.id}.html`, "utf8");
    const rep = repeatedSkeletons(html, names);
    const lists = repeatedLists(html, names);
    const self = selfReferences(bodyText(html));
    if (rep.length || lists.length || self.length) console.log(ed, ch.id, JSON.stringify({rep: rep.map((r) => `${r.count}× ${r.skeleton.slice(0, 50)}`), lists, self}, null, 0));
  }
}
