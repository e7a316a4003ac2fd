/**
 * @fileoverview The render context of a real edition, computed once per test file: edition config → inputs →
 * parameters → figures (the model), as the build does, so the chart tests run on the numbers the papers will show;
 * and the check of a spec's inlined data that those tests share.
 */
import path from "node:path";
import {readEditionConfig} from "../../load/edition.ts";
import {loadInputs} from "../../load/inputs.ts";
import {loadManifest} from "../../load/manifest.ts";
import {loadParams} from "../../load/params.ts";
import {computeFigures} from "../../model/records/figures.ts";
import {createRenderContext, type RenderContext} from "../../render/context.ts";
import type {FigureRecord} from "../../model/records/records.ts";

export const ROOT = path.resolve(import.meta.dirname, "../../..");

const contexts = new Map<number, Promise<RenderContext>>();

async function build(edition: number): Promise<RenderContext> {
  const config = await readEditionConfig(ROOT, edition);
  const inputs = await loadInputs(ROOT, config);
  const figures = computeFigures(inputs, config, await loadParams(ROOT, config));
  const reference = {sections: inputs.sections, provinces: inputs.provinces, policies: inputs.policies, citations: []};
  return createRenderContext(config, figures, reference, await loadManifest(ROOT));
}

export function realContext(edition: number): Promise<RenderContext> {
  let context = contexts.get(edition);
  if (!context) {
    context = build(edition);
    contexts.set(edition, context);
  }
  return context;
}

/** A copy of `context` whose record `id` holds `value` instead (everything else shared). */
export function withRecordValue(context: RenderContext, id: string, value: number): RenderContext {
  const records: FigureRecord[] = context.figures.records.map((r) =>
    context.records.get(id) === r ? {...r, value} : r
  );
  return createRenderContext(context.config, {...context.figures, records}, context.reference, context.manifest);
}

/** Every problem in a spec's inlined data: empty datasets, NaN, infinite or undefined values. */
export function dataProblems(spec: unknown, path = "spec"): string[] {
  const problems: string[] = [];
  if (Array.isArray(spec)) spec.forEach((item, i) => problems.push(...dataProblems(item, `${path}[${i}]`)));
  else if (spec && typeof spec === "object") {
    for (const [key, value] of Object.entries(spec)) {
      if (key === "data" && value && typeof value === "object" && "values" in value) {
        const rows = (value as {values: unknown}).values;
        if (!Array.isArray(rows) || rows.length === 0) problems.push(`${path}.data is empty`);
        else
          rows.forEach((row, i) => {
            for (const [field, cell] of Object.entries(row as Record<string, unknown>))
              if (cell === undefined || (typeof cell === "number" && !Number.isFinite(cell)))
                problems.push(`${path}.data.values[${i}].${field} = ${String(cell)}`);
          });
      } else problems.push(...dataProblems(value, `${path}.${key}`));
    }
  }
  return problems;
}
