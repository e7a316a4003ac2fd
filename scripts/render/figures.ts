/**
 * @fileoverview Renders every placed figure of an edition once: runs its chart module on the figures, draws each
 * Vega-Lite panel to SVG, and assembles the numbered <figure> (caption, source line from the data manifest, text
 * alternative, collapsible data table, CSV link) that the chapters and the print page embed.
 */
import {BuildError} from "../lib/errors.ts";
import type {RenderContext} from "./context.ts";
import {CHART_MODULES} from "./charts/index.ts";
import {forecastNote} from "./charts/forecast-note.ts";
import {renderVegaLiteToSvg} from "./charts/svg.ts";
import {cellRecords, tableHtml} from "./charts/tables.ts";
import type {ChartOutput, FigureTable, TableCell} from "./charts/types.ts";
import type {FigurePlacement} from "./figure-numbering.ts";
import {escapeHtml} from "./html.ts";

export interface RenderedFigure {
  id: string;
  label: string;
  title: string;
  kind: "figure" | "table";
  chapterId: string;
  /** The complete <figure> element. */
  html: string;
  /** CSV of the data table (UTF-8 with BOM so that Excel opens Chinese correctly). */
  csv: string;
  summary: string;
  sources: string[];
  records: string[];
}

export const FIGURE_CSV_DIR = "data";

/** Sources of the plotted records, in first-seen order, plus the model itself when it computed any of them. */
export function figureSources(context: RenderContext, recordIds: readonly string[]): string[] {
  const sources: string[] = [];
  let computed = false;
  for (const id of recordIds) {
    const record = context.records.get(id);
    if (!record) continue;
    if (record.kind === "model") computed = true;
    for (const source of record.sources) if (!sources.includes(source)) sources.push(source);
  }
  if (computed) sources.push("本报告测算（测算方法见附录）");
  return sources;
}

function csvField(value: TableCell): string {
  const text = value === null ? "" : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function tableCsv(table: FigureTable): string {
  const lines = [table.columns.map((c) => csvField(c.title)).join(",")];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvField(row[c.field] ?? null)).join(","));
  return `\uFEFF${lines.join("\n")}\n`;
}

function checkOutput(output: ChartOutput, where: string): void {
  if (output.table.rows.length === 0) throw new BuildError(`${where}: the chart has no data`);
  for (const row of output.table.rows)
    for (const [field, value] of Object.entries(row))
      if (typeof value === "number" && !Number.isFinite(value))
        throw new BuildError(`${where}: column "${field}" holds ${value}; expected a finite number`);
}

export async function renderFigure(context: RenderContext, placement: FigurePlacement): Promise<RenderedFigure> {
  const {figure, label} = placement;
  const where = `data/editions/${context.config.edition}.json figure "${figure.id}"`;
  const module = CHART_MODULES.get(figure.chart);
  if (!module)
    throw new BuildError(
      `${where}: unknown chart module "${figure.chart}"; known: ${[...CHART_MODULES.keys()].join(", ")}`
    );
  const output = module.build({context, figure, where});
  checkOutput(output, where);
  const panels: string[] = [];
  for (const [i, panel] of output.panels.entries()) {
    const panelLabel = panel.label ? `（${panel.label}）` : "";
    const body =
      "spec" in panel
        ? await renderVegaLiteToSvg(panel.spec, {
            label: `${label} ${figure.title}${panelLabel} ${panel.title ?? ""}`.trim(),
            where: `${where} panel ${i + 1}`,
            idPrefix: `fig-${figure.id}-${i + 1}`
          })
        : panel.html;
    const caption =
      panel.label || panel.title
        ? `<div class="panel-caption">${escapeHtml(panelLabel + (panel.title ?? ""))}</div>`
        : "";
    panels.push(`<div class="figure-panel">${body}${caption}</div>`);
  }
  const sources = [...new Set([...(output.sources ?? []), ...figureSources(context, output.records)])];
  const csvName = `${FIGURE_CSV_DIR}/${figure.id}.csv`;
  // The edition's own note, then the generated one that marks forecast values as resting on the stated assumption.
  const notes = [figure.note, forecastNote(context, output.records)].filter((n): n is string => Boolean(n));
  const caption = `<figcaption class="figure-caption"><span class="figure-label">${label}</span> ${escapeHtml(figure.title)}</figcaption>`;
  const records = output.records.map((id) => escapeHtml(id)).join(" ");
  const html = [
    `<figure class="figure figure-${figure.kind}" id="fig-${figure.id}" data-figure="${figure.id}" data-records="${records}" aria-describedby="fig-${figure.id}-summary">`,
    figure.kind === "table" ? caption : "",
    `<div class="figure-body">${panels.join("")}</div>`,
    figure.kind === "table" ? "" : caption,
    sources.length > 0 ? `<p class="figure-source">数据来源：${escapeHtml(sources.join("；"))}</p>` : "",
    notes.length > 0 ? `<p class="figure-note">注：${escapeHtml(notes.join(""))}</p>` : "",
    `<p class="figure-summary visually-hidden" id="fig-${figure.id}-summary">${escapeHtml(output.summary)}</p>`,
    `<details class="figure-data"><summary>查看数据表</summary>${tableHtml(output.table, cellRecords(output.table, output.records, context.records))}<p><a href="${csvName}" download>下载 CSV</a></p></details>`,
    `</figure>`
  ].join("");
  return {
    id: figure.id,
    label,
    title: figure.title,
    kind: figure.kind,
    chapterId: placement.chapterId,
    html,
    csv: tableCsv(output.table),
    summary: output.summary,
    sources,
    records: output.records
  };
}

/** Record id → the first figure that plots it (for the provenance card's "see figure" link). */
export function figureOfRecord(figures: readonly RenderedFigure[]): Map<string, RenderedFigure> {
  const map = new Map<string, RenderedFigure>();
  for (const figure of figures) for (const id of figure.records) if (!map.has(id)) map.set(id, figure);
  return map;
}
