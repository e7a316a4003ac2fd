/**
 * nextEditionConfig on the committed 2022 config: what the new edition carries and what it leaves to the team.
 */
import {readFile} from "node:fs/promises";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {readEditionConfig} from "../../load/edition.ts";
import {nextEditionConfig} from "../../pipeline/new-edition.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");

describe("nextEditionConfig(raw, from, year)", () => {
  it("keeps the regions' members and drops how they were inferred from the previous edition's paper", async () => {
    const raw = JSON.parse(await readFile(path.join(ROOT, "data/editions/2022.json"), "utf8")) as Record<
      string,
      unknown
    >;
    const from = await readEditionConfig(ROOT, 2022);
    expect(from.regions.some((r) => r.inference !== undefined)).toBe(true);
    const next = nextEditionConfig(raw, from, 2023) as {regions: Record<string, unknown>[]; edition: number};
    expect(next.edition).toBe(2023);
    expect(next.regions.map((r) => [r.id, r.definition, r.provinces])).toEqual(
      from.regions.map((r) => [r.id, r.definition, r.provinces])
    );
    expect(next.regions.filter((r) => "inference" in r)).toEqual([]);
  });
});
