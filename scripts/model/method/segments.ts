/**
 * @fileoverview The four direct-industry segments of the 2022 edition (network, platform, data, security). The
 * appendix does not document them; each related sub-sector's IIoT part is split across segments by the data layer
 * (inputs.relatedSubsectors[].segments, shares summing to 1, a documented assumption), and its base-year direct
 * value added is carried forward exactly like the direct part of its section (× V_{n,s}/V_{2017,s} × M_n). So the
 * segments always add up to the national direct value added.
 */
import type {DirectSegment, RelatedSubsector, SectionCode} from "../inputs.ts";
import {DIRECT_SEGMENTS} from "../inputs.ts";
import type {ProductDirect} from "./base-year.ts";
import type {MultiplierPath} from "./multiplier.ts";
import type {Timeline} from "./timeline.ts";
import {ModelError} from "../../lib/errors.ts";

export function segmentValues(
  products: readonly ProductDirect[],
  related: readonly RelatedSubsector[],
  timeline: Timeline,
  multiplier: MultiplierPath
): Map<number, Map<DirectSegment, number>> {
  const splitOf = new Map(
    related.map((r) => [r.ioCode, r.segments.length > 0 ? r.segments : [{segment: r.segment, share: 1}]])
  );
  const baseVa = timeline.sectionVa.get(timeline.baseYear)!;
  const out = new Map<number, Map<DirectSegment, number>>();
  for (const year of timeline.years) {
    const m = multiplier.appliesToDirect ? multiplier.cumulative.get(year)! : 1;
    const va = timeline.sectionVa.get(year)!;
    const row = new Map<DirectSegment, number>(DIRECT_SEGMENTS.map((g) => [g, 0]));
    for (const p of products) {
      const split = splitOf.get(p.ioCode);
      if (!split)
        throw new ModelError(
          "data/concordance/related-subsectors.csv",
          `related sub-sector ${p.ioCode} has no direct segment`
        );
      const growth = va.get(p.section as SectionCode)!.value / baseVa.get(p.section)!.value;
      for (const {segment, share} of split) row.set(segment, row.get(segment)! + share * p.value * growth * m);
    }
    out.set(year, row);
  }
  return out;
}
