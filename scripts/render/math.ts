/**
 * @fileoverview Formulas rendered server-side with KaTeX (no client script; the site serves KaTeX's CSS and fonts
 * itself). The same TeX the model attaches to its records is what readers see, so the printed method cannot drift
 * from the computed one.
 */
import katex from "katex";
import {BuildError} from "../lib/errors.ts";

const cache = new Map<string, string>();

export function renderTex(tex: string, options: {display?: boolean; where?: string} = {}): string {
  const key = `${options.display ? "D" : "I"}${tex}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let html: string;
  try {
    // strict "ignore": Chinese inside \text{} and in math mode is intended.
    html = katex.renderToString(tex, {
      displayMode: options.display ?? false,
      throwOnError: true,
      strict: "ignore",
      output: "html"
    });
  } catch (error) {
    throw new BuildError(`${options.where ?? "formula"}: KaTeX cannot render "${tex}" (${(error as Error).message})`);
  }
  cache.set(key, html);
  return html;
}
