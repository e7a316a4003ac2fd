/**
 * @fileoverview Golden files of each edition's figures from the real data (figures-<edition>.tsv, committed): one
 * line per record — id, value, unit, forecast, kind, formula id — so that a change of model, data or parameters
 * shows, in the diff, every number that moved. Values are compared to 1e-9 relative. On a mismatch the new file is
 * written next to the golden as figures-<edition>-changed.tsv and the test fails listing what moved;
 * `npm run update:golden` (UPDATE_GOLDEN=1) rewrites the golden. A missing golden is created on a developer
 * machine, never on CI.
 */
import {existsSync} from "node:fs";
import {readFile, rm, writeFile} from "node:fs/promises";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {recordId, type FiguresFile} from "../../model/records/records.ts";
import {editionData, EDITIONS} from "../model/real-data.ts";

const here = import.meta.dirname;
const HEADER = "id\tvalue\tunit\tforecast\tkind\tformula";

/** One line per record, sorted by id; 12 significant digits are far below any printed precision. */
export function goldenText(figures: FiguresFile): string {
  const lines = figures.records
    .map((r) =>
      [recordId(r), Number(r.value.toPrecision(12)), r.unit, r.forecast, r.kind, r.formulaId ?? ""].join("\t")
    )
    .sort();
  return `${HEADER}\n${lines.join("\n")}\n`;
}

interface GoldenLine {
  value: number;
  rest: string;
}

function parseGolden(text: string): Map<string, GoldenLine> {
  const map = new Map<string, GoldenLine>();
  for (const line of text.split("\n").slice(1).filter(Boolean)) {
    const [id, value, ...rest] = line.split("\t");
    map.set(id!, {value: Number(value), rest: rest.join("\t")});
  }
  return map;
}

/** Every difference between two golden texts: added, removed, and moved records (values to 1e-9 relative). */
export function goldenDifferences(actual: string, expected: string): string[] {
  const a = parseGolden(actual);
  const e = parseGolden(expected);
  const out: string[] = [];
  for (const [id, line] of e) {
    const now = a.get(id);
    if (!now) out.push(`removed ${id}`);
    else {
      const scale = Math.max(Math.abs(now.value), Math.abs(line.value), 1e-300);
      if (Math.abs(now.value - line.value) / scale > 1e-9) out.push(`moved ${id}: ${line.value} → ${now.value}`);
      else if (now.rest !== line.rest) out.push(`changed ${id}: ${line.rest} → ${now.rest}`);
    }
  }
  for (const id of a.keys()) if (!e.has(id)) out.push(`added ${id}`);
  return out;
}

describe.each(EDITIONS)("golden figures %i", (edition) => {
  it("matches scripts/test/golden/figures-<edition>.tsv", async () => {
    const golden = path.join(here, `figures-${edition}.tsv`);
    const changed = path.join(here, `figures-${edition}-changed.tsv`);
    const {figures} = await editionData(edition);
    const text = goldenText(figures);
    if (process.env.UPDATE_GOLDEN === "1" || (!existsSync(golden) && !process.env.CI)) {
      await writeFile(golden, text);
      await rm(changed, {force: true});
      return;
    }
    if (!existsSync(golden))
      throw new Error(`${path.relative(process.cwd(), golden)} is missing; run \`npm run update:golden\``);
    const differences = goldenDifferences(text, await readFile(golden, "utf8"));
    if (differences.length > 0) {
      await writeFile(changed, text);
      const shown = differences.slice(0, 15).join("\n  ");
      const more = differences.length > 15 ? `\n  …and ${differences.length - 15} more` : "";
      expect.fail(
        `figures ${edition}: ${differences.length} record(s) differ from the golden file; see ${path.basename(changed)}; ` +
          `run \`npm run update:golden\` to rebaseline\n  ${shown}${more}`
      );
    }
    await rm(changed, {force: true});
  });
});

describe("goldenDifferences(actual, expected)", () => {
  it("lists moved, added and removed records and ignores float noise", () => {
    const expected = `${HEADER}\na/national/china/2021\t1\t亿元\tfalse\tmodel\tx\nb/national/china/2021\t2\t%\tfalse\tmodel\tx\n`;
    const actual = `${HEADER}\na/national/china/2021\t1.0000000000001\t亿元\tfalse\tmodel\tx\nc/national/china/2021\t3\t%\tfalse\tmodel\tx\n`;
    expect(goldenDifferences(actual, expected)).toEqual([
      "removed b/national/china/2021",
      "added c/national/china/2021"
    ]);
    const moved = `${HEADER}\na/national/china/2021\t1.5\t亿元\tfalse\tmodel\tx\nb/national/china/2021\t2\t%\tfalse\tmodel\tx\n`;
    expect(goldenDifferences(moved, expected)).toEqual(["moved a/national/china/2021: 1 → 1.5"]);
  });
});
