/**
 * @fileoverview Base-year (2017, the year of the IO table) IIoT value added: direct (§1.2) and penetration
 * (§1.3.1–1.3.2), by IO product and by section. Money leaves this module in 亿元 (the table's 万元 ÷ 10⁴).
 *
 * Choices where the appendix is silent (methodology gaps), stated once here:
 * - λ_i = ΔY_i / X_i divides by the output of the ORIGINAL table (gap (c)): λ is a share of sector i's activity,
 *   and dz_i = λ_i (X_i − M_i) applies it to sector i's original value added, so numerator and denominator refer to
 *   the same whole sector.
 * - The sum over i runs over all 149 original sectors, including the non-IIoT remainder of the 11 related ones
 *   (gap (b)): the appendix sums i = 1…149 and the virtual sectors are 150…160, so nothing is double counted
 *   with the direct part, which is the IIoT share of the related sectors' own value added.
 */
import type {IoTable, RelatedSubsector, SectionCode} from "../inputs.ts";
import {augmentLayout, augmentedLeontiefMatrix, technicalCoefficients, type AugmentedTable} from "./io-augment.ts";
import {inducedOutput, virtualColumns} from "./leontief.ts";
import {ModelError} from "../../lib/errors.ts";

/** 万元 → 亿元. */
export const WAN_PER_YI = 1e4;

export interface ProductDirect {
  ioCode: string;
  section: SectionCode;
  /** S_k. */
  share: number;
  /** S_k (X_k − M_k), 亿元. */
  value: number;
}

export interface BaseYearResult {
  year: number;
  direct: number;
  directByProduct: ProductDirect[];
  directBySection: Map<SectionCode, number>;
  penetration: number;
  penetrationBySection: Map<SectionCode, number>;
  /** ΔY_i (万元), λ_i and dz_i (亿元) for the original sectors, in table order. */
  inducedOutput: Float64Array;
  lambda: Float64Array;
  dz: Float64Array;
}

/** Precomputed pieces that do not depend on the shares (the calibration evaluates many share vectors). */
export interface BaseYearSetup {
  io: IoTable;
  coefficients: Float64Array;
  relatedIndex: number[];
  related: RelatedSubsector[];
}

export function prepareBaseYear(io: IoTable, related: readonly RelatedSubsector[]): BaseYearSetup {
  const position = new Map(io.sectors.map((s, i) => [s.code, i]));
  const relatedIndex = related.map((r) => {
    const i = position.get(r.ioCode);
    if (i === undefined)
      throw new ModelError(
        "data/concordance/related-subsectors.csv",
        `found "${r.ioCode}"; expected a product code of the ${io.year} IO table`
      );
    return i;
  });
  return {io, coefficients: technicalCoefficients(io), relatedIndex, related: [...related]};
}

function addTo(map: Map<SectionCode, number>, key: SectionCode, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

/** Z^direct_2017 = Σ_k S_k (X_k − M_k), by product and by section (亿元). */
export function baseYearDirect(setup: BaseYearSetup, shares: readonly number[]): ProductDirect[] {
  return setup.relatedIndex.map((i, j) => {
    const sector = setup.io.sectors[i]!;
    return {
      ioCode: sector.code,
      section: sector.section,
      share: shares[j]!,
      value: (shares[j]! * (sector.output - sector.intermediateInput)) / WAN_PER_YI
    };
  });
}

/** dz_i = λ_i (X_i − M_i) with λ_i = ΔY_i / X_i, from the augmented table with the given shares. */
export function baseYearPenetration(
  setup: BaseYearSetup,
  shares: readonly number[]
): {layout: AugmentedTable; inducedOutput: Float64Array; lambda: Float64Array; dz: Float64Array} {
  const {io, coefficients, relatedIndex} = setup;
  const n = io.sectors.length;
  const layout = augmentLayout(n, relatedIndex, shares);
  const matrix = augmentedLeontiefMatrix(coefficients, n, layout);
  const columns = virtualColumns(matrix, layout);
  const virtualOutput = relatedIndex.map((i, j) => io.sectors[i]!.output * shares[j]!);
  const dy = inducedOutput(columns, layout, virtualOutput);
  const lambda = new Float64Array(n);
  const dz = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const sector = io.sectors[i]!;
    lambda[i] = sector.output > 0 ? dy[i]! / sector.output : 0;
    dz[i] = (lambda[i]! * (sector.output - sector.intermediateInput)) / WAN_PER_YI;
  }
  return {layout, inducedOutput: dy, lambda, dz};
}

/** Both parts of the base year with section totals. */
export function computeBaseYear(setup: BaseYearSetup, shares: readonly number[]): BaseYearResult {
  const directByProduct = baseYearDirect(setup, shares);
  const directBySection = new Map<SectionCode, number>();
  for (const p of directByProduct) addTo(directBySection, p.section, p.value);
  const pen = baseYearPenetration(setup, shares);
  const penetrationBySection = new Map<SectionCode, number>();
  setup.io.sectors.forEach((s, i) => addTo(penetrationBySection, s.section, pen.dz[i]!));
  return {
    year: setup.io.year,
    direct: directByProduct.reduce((sum, p) => sum + p.value, 0),
    directByProduct,
    directBySection,
    penetration: pen.dz.reduce((sum, v) => sum + v, 0),
    penetrationBySection,
    inducedOutput: pen.inducedOutput,
    lambda: pen.lambda,
    dz: pen.dz
  };
}
