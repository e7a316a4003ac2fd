/**
 * @fileoverview computeFigures: Inputs + EditionConfig + Params → FiguresFile. Pure and deterministic (records
 * sorted by id). Runs the method (scripts/model/method/edition-model.ts) and writes every number as a record with its
 * formula, its inputs (ids of records in the same file: statistical inputs and parameters are records too) and its
 * data sources.
 */
import type {EditionConfig} from "../edition-config.ts";
import type {Inputs} from "../inputs.ts";
import type {Params} from "../calibration/params.ts";
import type {FiguresFile} from "./records.ts";
import {computeModel, type EditionModel} from "../method/edition-model.ts";
import type {BaseYearSetup} from "../method/base-year.ts";
import {RecordBook} from "./record-book.ts";
import {entityNamer} from "./entities.ts";
import {addInputRecords, addObservedRecords} from "./figures-inputs.ts";
import {
  addBaseYearRecords,
  addMultiplierRecords,
  addSensitivityRecords,
  addValueAddedRecords
} from "./figures-national.ts";
import {addRegionalRecords} from "./figures-regional.ts";
import {addEmploymentRecords} from "./figures-employment.ts";
import {addNewInfrastructureRecords, addSegmentRecords} from "./figures-direct.ts";

/** Records from an already computed model (the calibration and the benchmark reuse the model). */
export function figuresFromModel(
  model: EditionModel,
  inputs: Inputs,
  config: EditionConfig,
  params: Params
): FiguresFile {
  const book = new RecordBook(config.forecastYear, entityNamer(inputs, config));
  addObservedRecords(book, inputs, config.dataYears[1]);
  addInputRecords(book, model, inputs, config, params);
  addBaseYearRecords(book, model, inputs);
  addMultiplierRecords(book, model);
  addValueAddedRecords(book, model, inputs);
  addSensitivityRecords(book, model, inputs, params);
  addRegionalRecords(book, model, config);
  addEmploymentRecords(book, model, inputs, config);
  addSegmentRecords(book, model, inputs);
  addNewInfrastructureRecords(book, model);
  return {edition: config.edition, records: book.records()};
}

export function computeFigures(
  inputs: Inputs,
  config: EditionConfig,
  params: Params,
  setup?: BaseYearSetup
): FiguresFile {
  return figuresFromModel(computeModel(inputs, config, params, setup), inputs, config, params);
}
