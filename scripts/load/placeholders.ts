/**
 * @fileoverview What `npm run new-edition` left for the team to fill in: config texts marked 待更新 and observed rows
 * with status "carried". A build lists them as warnings; `npm run build -- --strict` refuses to build while any is
 * left, so a placeholder never reaches a printed paper unnoticed.
 */
import {readFile} from "node:fs/promises";
import path from "node:path";
import {parse} from "csv-parse/sync";
import {observedFile} from "./data-files.ts";
import {editionConfigPath, EDITIONS_DIR} from "./edition.ts";

/** The marker new-edition writes into every config text that must be rewritten for the new edition. */
export const PLACEHOLDER = "待更新";

/** JSON paths of the strings under `value` that contain the marker. */
export function placeholderPaths(value: unknown, at = ""): string[] {
  if (typeof value === "string") return value.includes(PLACEHOLDER) ? [at] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => placeholderPaths(v, at ? `${at}.${i}` : String(i)));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => placeholderPaths(v, at ? `${at}.${k}` : k));
  return [];
}

/** One line per placeholder of an edition (config texts, carried observed rows); empty when there is none. */
export async function editionPlaceholders(dataRoot: string, edition: number): Promise<string[]> {
  const lines: string[] = [];
  const configText = await readFile(editionConfigPath(dataRoot, edition), "utf8").catch(() => undefined);
  if (configText !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(configText.replace(/^\uFEFF/, ""));
    } catch {
      json = undefined; // the config loader reports the syntax error
    }
    for (const at of placeholderPaths(json))
      lines.push(`${EDITIONS_DIR}/${edition}.json:${at}: still marked ${PLACEHOLDER}; write the text for ${edition}`);
  }
  const observed = await readFile(path.join(dataRoot, observedFile(edition)), "utf8").catch(() => undefined);
  if (observed !== undefined) {
    const rows = parse(observed.replace(/^\uFEFF/, ""), {
      columns: true,
      skip_empty_lines: true,
      relax_column_count: true
    }) as Record<string, string>[];
    rows.forEach((row, i) => {
      if (row.status?.trim() === "carried")
        lines.push(
          `${observedFile(edition)}:${i + 2}: ${row.metric}/${row.scope}/${row.entity}/${row.year} = ${row.value}${row.unit} carried from the previous edition; give the new value, source and note, then empty the status column (or delete the row)`
        );
    });
  }
  return lines;
}
