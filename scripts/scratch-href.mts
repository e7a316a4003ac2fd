import {renderVegaLiteToSvg} from "./render/charts/svg.ts";
import * as vega from "vega";
import * as vl from "vega-lite";
const spec: any = {
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  data: {values: [{a: "广东", b: 3.5, d: "tip|x/y/z/2021|广东 · 2021年|3.50亿元", h: "province/guangdong.html"}, {a: "B", b: 2, d: "tip|q|B|2", h: "province/b.html"}]},
  layer: [{mark: "bar", encoding: {x: {field: "b", type: "quantitative"}, y: {field: "a", type: "nominal"}, description: {field: "d"}, href: {field: "h"}}},
  {mark: "text", encoding: {x: {field: "b", type: "quantitative"}, y: {field: "a", type: "nominal"}, text: {field: "b"}}}]
};
const compiled = vl.compile(spec).spec;
const view = new vega.View(vega.parse(compiled), {renderer: "none"});
const svg = await view.toSVG();
console.log(svg.slice(svg.indexOf("role-mark")-40, svg.indexOf("role-mark")+1500));
