/**
 * @fileoverview The paper's house style for the few marks that have two spellings in sources: a range of years takes
 * the 一字线 of GB/T 15834 ("2021—2023年"), in the chapters' prose (lint-content.ts) and in the titles the import
 * builds for 注释 and 参考文献 (import/cited.ts), so that a document's title reads the same in both.
 */

/** A year range written with a hyphen, an en dash or a full-width hyphen, before 年: "2021-2023年". */
export const HYPHENATED_YEAR_RANGE = /((?:19|20)\d\d)[-–－]((?:19|20)\d\d)(?=年)/g;

/** "行动计划（2021-2023年）" → "行动计划（2021—2023年）". */
export function yearRangeDash(text: string): string {
  return text.replace(HYPHENATED_YEAR_RANGE, "$1—$2");
}
