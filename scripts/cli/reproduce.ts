/**
 * @fileoverview `npm run reproduce [-- --edition 2022] [--json]`: computes each edition's figures and compares them with
 * the published numbers: per scope the count matched and the median and worst difference (levels in %, rates in
 * their unit), the numbers the published-checks find inconsistent counted apart, the claims (holds / fails) and the
 * findings. Writes dist/<edition>/reproduction.json (atomic). --json prints the reproduction instead of the table.
 */
import path from "node:path";
import {parseArgs} from "node:util";
import {BuildError} from "../lib/errors.ts";
import {info} from "../lib/progress.ts";
import {stableJson, writeFileAtomic} from "../lib/fs.ts";
import {listEditions, readEditionConfig} from "../load/edition.ts";
import {loadInputs} from "../load/inputs.ts";
import {loadParams} from "../load/params.ts";
import {loadPublished} from "../load/published.ts";
import {computeFigures} from "../model/records/figures.ts";
import {checkFigures} from "../model/checks/index.ts";
import {reproduce, type DiffSummary, type Reproduction} from "../model/reproduction/reproduction.ts";
import {runCommand} from "./main.ts";

const root = path.resolve(import.meta.dirname, "../..");

const num = (v: number | null, digits = 2): string => (v === null ? "—" : v.toFixed(digits));
const diff = (d: DiffSummary, unit: string): string =>
  d.matched === 0 ? "—" : `${d.matched} · median ${num(d.median)}${unit} · worst ${num(d.worst)}${unit} (${d.worstId})`;

export function formatReproduction(r: Reproduction): string {
  const lines = [`edition ${r.edition}`];
  for (const s of r.summary) {
    lines.push(`  ${s.scope}`);
    lines.push(`    levels  ${diff(s.levels, " %")}${s.targets ? ` — ${s.targets} of them calibration targets` : ""}`);
    lines.push(`    rates   ${diff(s.rates, "")}`);
    if (s.inconsistent.matched > 0)
      lines.push(
        `    inconsistent in the paper (apart): ${s.inconsistent.matched} · levels ${diff(s.inconsistent.levels, " %")} · rates ${diff(s.inconsistent.rates, "")}`
      );
  }
  const holds = r.claims.filter((c) => c.holds === true).length;
  const fails = r.claims.filter((c) => c.holds === false);
  lines.push(
    `  claims: ${holds} hold, ${fails.length} fail, ${r.claims.filter((c) => c.holds === null).length} not evaluated`
  );
  for (const c of fails) lines.push(`    fails: ${c.id} (${c.bound} bound ${c.value} ${c.unit})`);
  lines.push(`  findings in the published numbers: ${r.findings.length}`);
  for (const f of r.findings) lines.push(`    ${f.id} ${f.rule}: ${f.message}`);
  if (r.missing.length > 0)
    lines.push(`  published model records without a computed counterpart: ${r.missing.join(", ")}`);
  return lines.join("\n");
}

await runCommand(async () => {
  const {values} = parseArgs({
    options: {
      edition: {type: "string", multiple: true},
      json: {type: "boolean", default: false},
      dist: {type: "string"},
      debug: {type: "boolean", default: false}
    }
  });
  const known = await listEditions(root);
  const editions = values.edition ? values.edition.flatMap((e) => e.split(",")).map(Number) : known;
  const distRoot = path.resolve(values.dist ?? path.join(root, "dist"));
  for (const edition of editions) {
    if (!known.includes(edition))
      throw new BuildError(`--edition ${edition}: no such edition; known editions: ${known.join(", ")}`);
    const config = await readEditionConfig(root, edition);
    const [inputs, params, published] = await Promise.all([
      loadInputs(root, config),
      loadParams(root, config),
      loadPublished(root, edition)
    ]);
    const figures = computeFigures(inputs, config, params);
    const violations = checkFigures(figures, config);
    if (violations.length > 0)
      throw new BuildError(
        `the ${edition} figures break ${violations.length} consistency check(s):\n${violations.slice(0, 20).join("\n")}`
      );
    const reproduction = reproduce(figures, published, config);
    process.stdout.write(values.json ? stableJson(reproduction) : `${formatReproduction(reproduction)}\n`);
    const file = path.join(distRoot, String(edition), "reproduction.json");
    await writeFileAtomic(file, stableJson(reproduction));
    info(`✓ wrote ${path.relative(process.cwd(), file)}`);
  }
});
