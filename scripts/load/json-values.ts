/**
 * @fileoverview The value a JSON input holds at a path, for messages: the loaders of the edition configs and the
 * parameters say what they found (`found "<value>"`) as well as what they expected.
 */

/** The value at a JSON path, shown the way the user wrote it (JSON, shortened); undefined when absent. */
export function valueAt(json: unknown, path: readonly PropertyKey[]): string | undefined {
  let current: unknown = json;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  if (current === undefined) return undefined;
  const text = typeof current === "string" ? current : JSON.stringify(current);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * The text without a leading byte-order mark: editors on Windows save JSON with one, and the CSV reader accepts it
 * too (csv.ts), so one rule holds for every input file.
 */
export function withoutBom(text: string): string {
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}
