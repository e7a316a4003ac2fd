/**
 * @fileoverview Collects the records of one figures file. Sources and the `estimated` flag propagate from inputs:
 * a record's sources are the union of its inputs' sources, so every number names the data behind it without each
 * call site listing them. Ids are unique; a second record with the same id is a bug.
 */
import {compareRecords, recordId, type FigureRecord, type RecordKind, type Scope, type Unit} from "./records.ts";
import {formula, type FormulaId} from "./formulas.ts";
import {ModelError} from "../../lib/errors.ts";

export interface AddOptions {
  inputs?: readonly string[];
  kind?: RecordKind;
  forecast?: boolean;
  estimated?: boolean;
  /** Source titles in addition to those of the inputs. */
  sources?: readonly string[];
  entityZh?: string;
  note?: string;
  period?: string;
}

export class RecordBook {
  private readonly byId = new Map<string, FigureRecord>();

  constructor(
    private readonly forecastYear: number,
    private readonly entityName: (scope: Scope, entity: string) => string | undefined
  ) {}

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): FigureRecord | undefined {
    return this.byId.get(id);
  }

  value(id: string): number {
    const r = this.byId.get(id);
    if (!r) throw new Error(`no record ${id}`);
    return r.value;
  }

  add(
    metric: string,
    scope: Scope,
    entity: string,
    year: number,
    value: number,
    unit: Unit,
    formulaId: FormulaId,
    options: AddOptions = {}
  ): string {
    const id = recordId({metric, scope, entity, year, ...(options.period ? {period: options.period} : {})});
    if (this.byId.has(id)) throw new Error(`record ${id} computed twice`);
    if (!Number.isFinite(value))
      throw new ModelError(
        `record ${id}`,
        `computed as ${value}; expected a finite number (check the inputs it is computed from for a huge, empty or zero value)`
      );
    const inputs = [...(options.inputs ?? [])];
    const sources = new Set(options.sources ?? []);
    let estimated = options.estimated ?? false;
    for (const input of inputs) {
      const r = this.byId.get(input);
      if (!r) throw new Error(`record ${id} names input ${input}, which is not (yet) in the figures file`);
      for (const s of r.sources) sources.add(s);
      estimated ||= r.estimated === true;
    }
    const entityZh = options.entityZh ?? this.entityName(scope, entity);
    const record: FigureRecord = {
      metric,
      scope,
      entity,
      year,
      ...(options.period ? {period: options.period} : {}),
      value,
      unit,
      forecast: options.forecast ?? year > this.forecastYear - 1,
      kind: options.kind ?? "model",
      formula: formula(formulaId).tex,
      formulaId,
      inputs,
      sources: [...sources].sort(),
      ...(estimated ? {estimated: true} : {}),
      ...(entityZh ? {entityZh} : {}),
      ...(options.note ? {note: options.note} : {})
    };
    this.byId.set(id, record);
    return id;
  }

  /** Adds a record whose value is a plain copy (observed indicator, context fact) with a custom formula text. */
  addRaw(record: FigureRecord): string {
    const id = recordId(record);
    if (this.byId.has(id)) throw new Error(`record ${id} given twice`);
    this.byId.set(id, record);
    return id;
  }

  records(): FigureRecord[] {
    return [...this.byId.values()].sort(compareRecords);
  }
}
