// Eleventy settings of the white-paper site. The build (scripts/cli/build.ts → scripts/render/build-site.ts) runs
// Eleventy once per edition with input content/<edition>/ and a temporary output folder, and adds the edition's
// plugin (scripts/render/eleventy/plugin.ts: figures, numbers, charts, generated pages) through Eleventy's
// programmatic `config` callback. Run the site through `npm run build`: Eleventy alone has no figures to show.

/** @param {import("@11ty/eleventy").UserConfig} eleventyConfig */
export default function (eleventyConfig) {
  // Chapters are Markdown with Nunjucks shortcodes ({% num %}, {% figure %}, {% ref %}).
  eleventyConfig.setTemplateFormats(["md", "njk"]);
  // Keep Eleventy's console quiet: the build prints its own progress lines.
  eleventyConfig.setQuietMode(true);
}

export const config = {
  markdownTemplateEngine: "njk",
  htmlTemplateEngine: "njk",
  dir: {
    // Relative to the input folder content/<edition>/.
    includes: "../../templates",
    // No global data folder: every number reaches the templates through the edition plugin, never from data/.
    data: "../../templates/_no_global_data"
  }
};
