/**
 * @fileoverview Provincial and regional value added, in the two variants of the editions:
 * - "province-weight" (2020, §1.4): η^j = Z^j / Z (tier shares of IIoT value added), one weight per province
 *   ω_i ∝ Σ_j GDP^j_i η^j, Z_i = ω_i Z.
 * - "province-tier" (2022, §2.1): η^j = Z^j / GDP^j, one weight per province and tier ω^j_i ∝ GDP^j_i η^j (η cancels),
 *   Z^j_i = Z^j ω^j_i, Z_i = Σ_j Z^j_i.
 * Provincial direct and penetration value added are not documented by either appendix; we split each tier's direct
 * and penetration parts by the same weights as its total (2022: ω^j_i; 2020: ω_i), so that direct + penetration =
 * total for every province and the provinces add up to the national parts. Regions are sums of their provinces.
 */
import type {Tier} from "../inputs.ts";
import {TIERS} from "../inputs.ts";
import type {Parts} from "./projection.ts";
import type {AccountsYear} from "./timeline.ts";

export type RegionalMethod = "province-weight" | "province-tier";

export interface ProvinceResult extends Parts {
  /** Z^j_i per tier (province-tier) or ω_i Z^j (province-weight: the province's part of each tier). */
  byTier: Record<Tier, Parts>;
}

function scale(p: Parts, w: number): Parts {
  return {direct: p.direct * w, penetration: p.penetration * w, total: p.total * w};
}

function addParts(a: Parts, b: Parts): Parts {
  return {direct: a.direct + b.direct, penetration: a.penetration + b.penetration, total: a.total + b.total};
}

const ZERO: Parts = {direct: 0, penetration: 0, total: 0};

/** The province weights of one year: ω_i (province-weight) or ω^j_i (province-tier), each summing to 1 over i. */
export function provinceWeights(
  method: RegionalMethod,
  tiers: ReadonlyMap<Tier, Parts>,
  accounts: ReadonlyMap<string, AccountsYear>
): Map<string, Record<Tier, number>> {
  const ids = [...accounts.keys()].sort();
  const out = new Map<string, Record<Tier, number>>();
  if (method === "province-weight") {
    const total = TIERS.reduce((s, j) => s + tiers.get(j)!.total, 0);
    const eta = Object.fromEntries(TIERS.map((j) => [j, tiers.get(j)!.total / total])) as Record<Tier, number>;
    const raw = new Map(ids.map((id) => [id, TIERS.reduce((s, j) => s + accounts.get(id)![j] * eta[j], 0)]));
    const denominator = [...raw.values()].reduce((s, v) => s + v, 0);
    for (const id of ids) {
      const w = raw.get(id)! / denominator;
      out.set(id, {primary: w, secondary: w, tertiary: w});
    }
    return out;
  }
  const tierTotals = Object.fromEntries(
    TIERS.map((j) => [j, ids.reduce((s, id) => s + accounts.get(id)![j], 0)])
  ) as Record<Tier, number>;
  for (const id of ids) {
    const a = accounts.get(id)!;
    out.set(
      id,
      Object.fromEntries(TIERS.map((j) => [j, tierTotals[j] > 0 ? a[j] / tierTotals[j] : 0])) as Record<Tier, number>
    );
  }
  return out;
}

/** Allocates the national tier parts of one year to the provinces. */
export function allocateProvinces(
  method: RegionalMethod,
  tiers: ReadonlyMap<Tier, Parts>,
  accounts: ReadonlyMap<string, AccountsYear>
): Map<string, ProvinceResult> {
  const weights = provinceWeights(method, tiers, accounts);
  const out = new Map<string, ProvinceResult>();
  for (const [id, w] of weights) {
    const byTier = Object.fromEntries(TIERS.map((j) => [j, scale(tiers.get(j)!, w[j])])) as Record<Tier, Parts>;
    const sum = TIERS.reduce((acc, j) => addParts(acc, byTier[j]), ZERO);
    out.set(id, {...sum, byTier});
  }
  return out;
}

/** Sum over member provinces (a region), any numeric field. */
export function sumOver(members: readonly string[], values: ReadonlyMap<string, number>): number {
  return members.reduce((s, id) => {
    const v = values.get(id);
    if (v === undefined) throw new Error(`no value for province ${id}`);
    return s + v;
  }, 0);
}
