/**
 * @fileoverview The industry system diagram (产业体系图): the industrial internet industry splits into direct
 * industries (their segments, e.g. 网络/平台/安全, each with optional sub-fields, and an optional list of the fields
 * they cover) and penetration industries (the three tiers, each listing its sections from the reference list). The
 * structure is data: the edition config's `params` names the boxes, the sections come from the render context, and
 * this module only lays them out as a static SVG (boxes measured with the chart font's metrics).
 */
import {z} from "zod";
import {escapeHtml} from "../html.ts";
import {TIERS} from "./entities.ts";
import {chartParams} from "./params.ts";
import {measureText} from "./text-width.ts";
import {CHART_FONT, COLORS} from "./theme.ts";
import type {ChartModule} from "./types.ts";

const Params = z.strictObject({
  root: z.string().min(1),
  direct: z.strictObject({
    title: z.string().min(1),
    segments: z.array(z.strictObject({name: z.string().min(1), items: z.array(z.string().min(1)).default([])})).min(1),
    /** Fields the direct industries cover, listed under the segments. */
    fields: z.array(z.string().min(1)).default([]),
    fieldsTitle: z.string().default("主要领域"),
    /** One line under the segments (when there is no fields list): what the direct part measures. */
    note: z.string().optional()
  }),
  penetration: z.strictObject({
    title: z.string().min(1),
    /** One line under the tiers: what the penetration part measures. */
    note: z.string().optional()
  }),
  /** Source line of the diagram (it plots no records). */
  source: z.string().min(1).default("本报告整理")
});

const FONT = 12;
const SMALL = 11;
const PAD = 12;
const GAP = 10;
const GROUP_GAP = 36;
const BOX_H = 32;
const LEVEL_GAP = 26;
const LINE_H = 17;
/** Widest line of a tier's section list, in px. */
const LIST_WIDTH = 118;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Packs the items into lines no wider than `width`, joined by 、. */
export function wrapList(items: readonly string[], width: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    const next = line ? `${line}、${item}` : item;
    if (line && measureText(`${next}、`, fontSize) > width) {
      lines.push(`${line}、`);
      line = item;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function text(
  x: number,
  y: number,
  content: string,
  options: {size?: number; weight?: number; fill?: string; anchor?: string} = {}
): string {
  return (
    `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${options.size ?? FONT}" font-weight="${options.weight ?? 400}" ` +
    `fill="${options.fill ?? "#222222"}" text-anchor="${options.anchor ?? "middle"}" dominant-baseline="central">${escapeHtml(content)}</text>`
  );
}

function rect(box: Box, fill: string, stroke = "none"): string {
  return `<rect x="${box.x.toFixed(1)}" y="${box.y.toFixed(1)}" width="${box.w.toFixed(1)}" height="${box.h.toFixed(1)}" rx="4" fill="${fill}" stroke="${stroke}"/>`;
}

/** An elbow connector from the bottom centre of `from` to the top centre of each of `to`. */
function connectors(from: Box, to: readonly Box[]): string {
  const x0 = from.x + from.w / 2;
  const y0 = from.y + from.h;
  const yMid = y0 + (to[0]!.y - y0) / 2;
  const xs = to.map((b) => b.x + b.w / 2);
  const paths = [
    `M${x0},${y0}V${yMid}`,
    `M${Math.min(...xs)},${yMid}H${Math.max(...xs)}`,
    ...xs.map((x, i) => `M${x},${yMid}V${to[i]!.y}`)
  ];
  return `<path d="${paths.join("")}" fill="none" stroke="#8c8c8c" stroke-width="1.2"/>`;
}

export const industrySystem: ChartModule = {
  id: "industry-system",
  describe: "diagram of the industry system: direct industries (segments, fields) and penetration industries (tiers)",
  build(input) {
    const params = chartParams(input, Params);
    const sections = input.context.reference.sections;
    const boxWidth = (label: string, minimum: number) => Math.max(minimum, measureText(label, FONT, 700) + 2 * PAD);

    // Children of the direct branch: one box per segment, its items listed below the name.
    const segments = params.direct.segments.map((s) => ({
      name: s.name,
      lines: s.items,
      w: Math.max(boxWidth(s.name, 64), ...s.items.map((i) => measureText(i, SMALL) + 2 * PAD))
    }));
    // Children of the penetration branch: one box per tier, its sections (short names) wrapped below.
    const tiers = TIERS.map((tier) => {
      const lines = wrapList(
        sections.filter((s) => s.tier === tier.id).map((s) => s.shortZh),
        LIST_WIDTH,
        SMALL
      );
      return {
        name: tier.name,
        lines,
        w: Math.max(boxWidth(tier.name, 80), ...lines.map((l) => measureText(l, SMALL) + 2 * PAD))
      };
    });
    const groupWidth = (children: {w: number}[]) =>
      children.reduce((sum, c) => sum + c.w, 0) + GAP * (children.length - 1);
    const fieldLines =
      params.direct.fields.length > 0 ? wrapList(params.direct.fields, groupWidth(segments) - 2 * PAD, SMALL) : [];
    const noteWidth = (note: string | undefined) => (note ? measureText(note, SMALL) : 0);
    const leftWidth = Math.max(groupWidth(segments), boxWidth(params.direct.title, 120), noteWidth(params.direct.note));
    const rightWidth = Math.max(
      groupWidth(tiers),
      boxWidth(params.penetration.title, 120),
      noteWidth(params.penetration.note)
    );
    const width = PAD + leftWidth + GROUP_GAP + rightWidth + PAD;

    const root: Box = {x: 0, y: PAD, w: boxWidth(params.root, 160), h: BOX_H + 4};
    root.x = (width - root.w) / 2;
    const branchY = root.y + root.h + LEVEL_GAP;
    const leftX = PAD;
    const rightX = PAD + leftWidth + GROUP_GAP;
    const directBox: Box = {
      x: leftX + (leftWidth - boxWidth(params.direct.title, 120)) / 2,
      y: branchY,
      w: boxWidth(params.direct.title, 120),
      h: BOX_H
    };
    const penetrationBox: Box = {
      x: rightX + (rightWidth - boxWidth(params.penetration.title, 120)) / 2,
      y: branchY,
      w: boxWidth(params.penetration.title, 120),
      h: BOX_H
    };
    const childY = branchY + BOX_H + LEVEL_GAP;
    const childHeight = (lines: number) => BOX_H + (lines > 0 ? lines * LINE_H + 8 : 0);
    const place = (children: {w: number; lines: string[]}[], x0: number, groupW: number): Box[] => {
      let x = x0 + (groupW - groupWidth(children)) / 2;
      return children.map((c) => {
        const box = {x, y: childY, w: c.w, h: childHeight(c.lines.length)};
        x += c.w + GAP;
        return box;
      });
    };
    const segmentBoxes = place(segments, leftX, leftWidth);
    const tierBoxes = place(tiers, rightX, rightWidth);
    // The fields list sits right under the segments, the note right under the tiers (the columns differ in height).
    const segmentsBottom = Math.max(...segmentBoxes.map((b) => b.y + b.h));
    const tiersBottom = Math.max(...tierBoxes.map((b) => b.y + b.h));
    const fieldsBox: Box | undefined =
      fieldLines.length > 0
        ? {x: leftX, y: segmentsBottom + GAP + 4, w: leftWidth, h: BOX_H + fieldLines.length * LINE_H - 6}
        : undefined;
    const noteY = tiersBottom + GAP + 4 + LINE_H / 2;
    const directNoteY = segmentsBottom + GAP + 4 + LINE_H / 2;
    const directNote = fieldsBox ? undefined : params.direct.note;
    const height =
      Math.max(
        fieldsBox ? fieldsBox.y + fieldsBox.h : directNote ? directNoteY + LINE_H / 2 : segmentsBottom,
        params.penetration.note ? noteY + LINE_H / 2 : tiersBottom
      ) + PAD;

    const parts: string[] = [];
    parts.push(
      connectors(root, [directBox, penetrationBox]),
      connectors(directBox, segmentBoxes),
      connectors(penetrationBox, tierBoxes)
    );
    parts.push(
      rect(root, COLORS.total),
      text(root.x + root.w / 2, root.y + root.h / 2, params.root, {size: 13, weight: 700, fill: "#ffffff"})
    );
    parts.push(
      rect(directBox, COLORS.direct),
      text(directBox.x + directBox.w / 2, directBox.y + BOX_H / 2, params.direct.title, {weight: 700, fill: "#ffffff"})
    );
    parts.push(
      rect(penetrationBox, COLORS.penetration),
      text(penetrationBox.x + penetrationBox.w / 2, penetrationBox.y + BOX_H / 2, params.penetration.title, {
        weight: 700
      })
    );
    const child = (box: Box, c: {name: string; lines: string[]}, fill: string, stroke: string) => {
      parts.push(rect(box, fill, stroke), text(box.x + box.w / 2, box.y + BOX_H / 2, c.name, {weight: 700}));
      c.lines.forEach((line, i) =>
        parts.push(
          text(box.x + box.w / 2, box.y + BOX_H + 4 + LINE_H * (i + 0.5), line, {size: SMALL, fill: "#444444"})
        )
      );
    };
    segments.forEach((s, i) => child(segmentBoxes[i]!, s, "#eaf1f8", COLORS.direct));
    tiers.forEach((t, i) => child(tierBoxes[i]!, t, "#fdf1e7", COLORS.penetration));
    if (fieldsBox) {
      parts.push(rect(fieldsBox, "#f6f8fa", "#c9d6e3"));
      parts.push(
        text(fieldsBox.x + PAD, fieldsBox.y + BOX_H / 2 - 2, `${params.direct.fieldsTitle}：`, {
          size: SMALL,
          weight: 700,
          anchor: "start"
        })
      );
      fieldLines.forEach((line, i) =>
        parts.push(
          text(fieldsBox.x + PAD, fieldsBox.y + BOX_H / 2 - 2 + LINE_H * (i + 1), line, {
            size: SMALL,
            anchor: "start",
            fill: "#444444"
          })
        )
      );
    }
    if (directNote) parts.push(text(leftX + leftWidth / 2, directNoteY, directNote, {size: SMALL, fill: "#555555"}));
    if (params.penetration.note)
      parts.push(text(rightX + rightWidth / 2, noteY, params.penetration.note, {size: SMALL, fill: "#555555"}));

    const label = `${params.root}由${params.direct.title}（${params.direct.segments.map((s) => s.name).join("、")}）和${params.penetration.title}（${TIERS.map((t) => t.name).join("、")}）构成`;
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(label)}" width="${width.toFixed(0)}" height="${height.toFixed(0)}" ` +
      `viewBox="0 0 ${width.toFixed(0)} ${height.toFixed(0)}" font-family="${CHART_FONT}, sans-serif">${parts.join("")}</svg>`;
    return {
      panels: [{html: svg}],
      table: {
        columns: [
          {field: "part", title: "组成"},
          {field: "group", title: "类别"},
          {field: "contents", title: "内容"}
        ],
        rows: [
          ...params.direct.segments.map((s) => ({
            part: params.direct.title,
            group: s.name,
            contents: s.items.join("、")
          })),
          ...(params.direct.fields.length > 0
            ? [{part: params.direct.title, group: params.direct.fieldsTitle, contents: params.direct.fields.join("、")}]
            : []),
          ...TIERS.map((t) => ({
            part: params.penetration.title,
            group: t.name,
            contents: sections
              .filter((s) => s.tier === t.id)
              .map((s) => s.nameZh)
              .join("、")
          }))
        ]
      },
      summary: `${label}；${params.penetration.title}按三次产业列出所涉行业门类。`,
      records: [],
      sources: [params.source]
    };
  }
};
