/**
 * @fileoverview The site's static assets, all served locally (no CDN, no request to another host): the style
 * sheets and script of templates/assets, the KaTeX style sheet and fonts, and the chapter/chart webfonts from
 * @fontsource (Noto Serif SC for text, Noto Sans SC for headings and charts) as woff2 subsets with a generated
 * fonts.css. Webfonts matter for the PDF too: Chromium embeds them as real CID fonts, not Type 3.
 */
import {cp, mkdir, readFile, readdir} from "node:fs/promises";
import path from "node:path";
import {writeFileAtomic} from "../lib/fs.ts";

/**
 * Noto Serif SC / Noto Sans SC carry CJK and Latin; Noto Serif / Noto Sans add Greek and the mathematical operators
 * (μ, ρ, ÷, ≈ in method notes) that would otherwise fall back to a system font, which Chromium embeds as Type 3.
 */
export const FONT_FAMILIES = [
  {package: "@fontsource/noto-serif-sc", weights: [400, 700]},
  {package: "@fontsource/noto-sans-sc", weights: [400, 700]},
  {package: "@fontsource/noto-serif", weights: [400, 700]},
  {package: "@fontsource/noto-sans", weights: [400, 700]}
] as const;

/** Rewrites one @fontsource CSS file to woff2-only sources under fonts/, returning the CSS and the files it needs. */
export function rewriteFontCss(css: string): {css: string; files: string[]} {
  const files: string[] = [];
  const rewritten = css.replace(
    /src:\s*url\(\.\/files\/([^)]+\.woff2)\)\s*format\('woff2'\)[^;]*;/g,
    (_, file: string) => {
      files.push(file);
      return `src: url(fonts/${file}) format('woff2');`;
    }
  );
  return {css: rewritten, files};
}

export async function writeAssets(root: string, outDir: string): Promise<void> {
  const assets = path.join(outDir, "assets");
  await mkdir(path.join(assets, "fonts"), {recursive: true});
  await cp(path.join(root, "templates", "assets"), assets, {recursive: true});

  const cssParts: string[] = [];
  for (const family of FONT_FAMILIES) {
    const dir = path.join(root, "node_modules", family.package);
    for (const weight of family.weights) {
      const {css, files} = rewriteFontCss(await readFile(path.join(dir, `${weight}.css`), "utf8"));
      cssParts.push(css);
      await Promise.all(files.map((file) => cp(path.join(dir, "files", file), path.join(assets, "fonts", file))));
    }
  }
  await writeFileAtomic(path.join(assets, "fonts.css"), cssParts.join("\n"));

  const katexDist = path.join(root, "node_modules", "katex", "dist");
  await mkdir(path.join(assets, "katex", "fonts"), {recursive: true});
  await cp(path.join(katexDist, "katex.min.css"), path.join(assets, "katex", "katex.min.css"));
  const katexFonts = (await readdir(path.join(katexDist, "fonts"))).filter((f) => f.endsWith(".woff2"));
  await Promise.all(
    katexFonts.map((f) => cp(path.join(katexDist, "fonts", f), path.join(assets, "katex", "fonts", f)))
  );
}
