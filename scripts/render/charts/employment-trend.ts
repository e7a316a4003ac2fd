/**
 * @fileoverview Employment driven by the industrial internet, nationally, by year. One panel per entry of
 * `params.panels`: "level" = people employed, stacked direct / penetration (万人), with a rate line (`params.line`,
 * default the employment growth; the share of national employment also works); "new" = new jobs of the year,
 * stacked direct / penetration (万人). Two aligned panels rather than one chart with two 万人 axes, which would
 * invite comparing columns of different scales.
 */
import type {TopLevelSpec} from "vega-lite";
import {z} from "zod";
import {formatValue} from "../format.ts";
import {dualAxisSpec} from "./dual-axis.ts";
import {metricDisplay} from "./metrics.ts";
import {chartParams, metricParam} from "./params.ts";
import {extremes, firstYear, yearSeries, yearText, type YearPoint} from "./series.ts";
import {COLORS, PANEL_HEIGHT} from "./theme.ts";
import {joinTables, panelLetter} from "./tables.ts";
import type {ChartInput, ChartModule, FigureTable} from "./types.ts";
import {markFields} from "./marks.ts";

const Params = z.strictObject({
  panels: z
    .array(z.enum(["level", "new"]))
    .min(1)
    .default(["level"]),
  line: metricParam.default("employment_growth")
});

interface PanelOutput {
  title: string;
  spec: TopLevelSpec;
  table: FigureTable;
  records: string[];
  summary: string;
}

/** Columns of `parts.direct` stacked under `parts.penetration` (their sum is `parts.total`), optionally with a rate line. */
function stackedPanel(
  input: ChartInput,
  parts: {direct: string; penetration: string; total: string},
  title: string,
  line: string | undefined,
  height: number | undefined
): PanelOutput {
  // Levels start at the base year, changes (new jobs, growth) the year after.
  const from = firstYear(input, parts.total, "national", "china");
  const direct = yearSeries(input, parts.direct, "national", "china", {from});
  const penetration = yearSeries(input, parts.penetration, "national", "china", {from});
  const total = yearSeries(input, parts.total, "national", "china", {from});
  const lineDisplay = line ? metricDisplay(input, line, "national") : undefined;
  const linePoints = new Map<number, YearPoint>();
  if (line)
    for (const p of yearSeries(input, line, "national", "china", {
      from: Math.max(from, firstYear(input, line, "national", "china"))
    }))
      linePoints.set(p.year, p);
  const directLabel = metricDisplay(input, parts.direct, "national");
  const penetrationLabel = metricDisplay(input, parts.penetration, "national");
  const rows = direct.map((point, i) => ({
    year: point.label,
    direct: point.value,
    penetration: penetration[i]!.value,
    line: linePoints.get(point.year)?.value ?? null,
    forecast: point.forecast,
    ...markFields(input.context, [
      {field: "direct", id: point.id},
      {field: "penetration", id: penetration[i]!.id},
      ...(linePoints.has(point.year) ? [{field: "line", id: linePoints.get(point.year)!.id}] : [])
    ])
  }));
  const spec = dualAxisSpec({
    rows,
    x: "year",
    bars: [
      {field: "direct", label: directLabel.title, color: COLORS.direct},
      {field: "penetration", label: penetrationLabel.title, color: COLORS.penetration, labelColor: COLORS.darkText}
    ],
    barAxisTitle: `${title}（万人）`,
    barLabelFormat: ".2f",
    // New jobs are quoted as totals with their split, so the stack total is labelled too (no line to collide with).
    ...(lineDisplay ? {} : {totalLabelFormat: ".2f"}),
    lines: lineDisplay ? [{field: "line", label: lineDisplay.title, color: COLORS.growth}] : [],
    ...(lineDisplay ? {lineAxisTitle: lineDisplay.title, lineLabelFormat: lineDisplay.format} : {}),
    forecastField: "forecast",
    ...(height ? {height} : {})
  });
  const first = total[0]!;
  const last = total[total.length - 1]!;
  const {max} = extremes(total, (p) => p.value);
  const peak = max !== first && max !== last ? `，最多为${yearText(max)}的${formatValue(max.value, "万人")}` : "";
  return {
    title,
    spec,
    table: {
      columns: [
        {field: "year", title: "年份"},
        {field: `${parts.total}`, title: `${title}（万人）`},
        {field: `${parts.direct}`, title: directLabel.title},
        {field: `${parts.penetration}`, title: penetrationLabel.title},
        ...(lineDisplay ? [{field: lineDisplay.metric, title: lineDisplay.title}] : [])
      ],
      rows: direct.map((point, i) => ({
        year: point.label,
        [parts.total]: total[i]!.value,
        [parts.direct]: point.value,
        [parts.penetration]: penetration[i]!.value,
        ...(lineDisplay ? {[lineDisplay.metric]: linePoints.get(point.year)?.value ?? null} : {})
      }))
    },
    records: [...total, ...direct, ...penetration, ...linePoints.values()].map((p) => p.id),
    summary: `${title}${yearText(first)}为${formatValue(first.value, "万人")}，${yearText(last)}为${formatValue(last.value, "万人")}${peak}`
  };
}

export const employmentTrend: ChartModule = {
  id: "employment-trend",
  describe:
    "employment driven by the industrial internet (stacked direct / penetration, with a rate line) and new jobs, by year",
  build(input) {
    const params = chartParams(input, Params);
    const several = params.panels.length > 1;
    const outputs = params.panels.map((kind) =>
      kind === "level"
        ? stackedPanel(
            input,
            {direct: "employment_direct", penetration: "employment_penetration", total: "employment_total"},
            "带动就业人数",
            params.line,
            several ? PANEL_HEIGHT : undefined
          )
        : stackedPanel(
            input,
            {direct: "employment_direct_new", penetration: "employment_penetration_new", total: "employment_new"},
            "新增就业人数",
            undefined,
            several ? PANEL_HEIGHT : undefined
          )
    );
    return {
      panels: outputs.map((o, i) => (several ? {label: panelLetter(i), title: o.title, spec: o.spec} : {spec: o.spec})),
      table: joinTables(
        outputs.map((o) => o.table),
        "year"
      ),
      summary: `${outputs.map((o) => o.summary).join("；")}。`,
      records: outputs.flatMap((o) => o.records)
    };
  }
};
