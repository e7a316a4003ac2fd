/**
 * @fileoverview The Markdown library of the chapters: markdown-it with inline HTML allowed (shortcodes emit HTML),
 * heading ids from markdown-it-anchor with a slug that keeps Chinese characters, and the inline rule of the short
 * references `[[ … ]]` (refs.ts), which the edition plugin resolves against the figures file.
 */
import MarkdownIt from "markdown-it";
import type StateInline from "markdown-it/lib/rules_inline/state_inline.mjs";
import anchor from "markdown-it-anchor";
import {BuildError} from "../../lib/errors.ts";

/** "（一）创新发展 提档升级" → "一创新发展-提档升级": letters and digits of any script, spaces to hyphens. */
export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, "-")
    .replace(/[^\p{L}\p{N}-]/gu, "")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Eleventy renders Markdown with the page's data as markdown-it's env. */
export interface MarkdownEnv {
  page?: {url?: string; inputPath?: string};
}

export interface MarkdownOptions {
  /** Renders the body of one `[[ … ]]` to HTML for the page in env; throws a BuildError when it names nothing. */
  reference?: (body: string, env: MarkdownEnv) => string;
}

const REFERENCE_TOKEN = "baipishu_reference";

/**
/**
 * Chapters may carry Markdown and the HTML our shortcodes emit, never live script: a <script>, an embedded frame,
 * an event-handler attribute or a javascript: URL in raw HTML fails the build (the site and the PDF must not run
 * code an edit slipped in).
 */
const LIVE_TAGS = new Set(["script", "iframe", "object", "embed", "base", "meta", "link", "frame", "frameset"]);
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "data"]);

/**
 * The first piece of live code in an HTML fragment, judged on its real tags and attributes only: text and attribute
 * values that merely contain such words (an escaped name from the data, say) are not code.
 */
export function liveCode(html: string): string | undefined {
  for (const tag of html.matchAll(/<\s*([a-zA-Z][\w:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g)) {
    const name = tag[1]!.toLowerCase();
    if (LIVE_TAGS.has(name)) return `<${name}>`;
    for (const attribute of tag[2]!.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g)) {
      const key = attribute[1]!.toLowerCase();
      const value = (attribute[2] ?? "")
        .replace(/^["']|["']$/g, "")
        .trim()
        .toLowerCase();
      if (key.startsWith("on")) return `${key}=`;
      // Browsers ignore spaces and control characters inside a scheme ("java\tscript:"), so the check does too.
      const scheme = [...value].filter((c) => c.charCodeAt(0) > 32).join("");
      if (URL_ATTRIBUTES.has(key) && /^(?:javascript|vbscript):/.test(scheme)) return `${key}="${value.slice(0, 11)}"`;
    }
  }
  return undefined;
}

function checkHtml(html: string, env: MarkdownEnv | undefined): string {
  const live = liveCode(html);
  if (live)
    throw new BuildError(
      `${env?.page?.inputPath ?? "Markdown"}: raw HTML "${html.trim().slice(0, 80)}" carries live code (${live}); chapters may hold Markdown and plain HTML only`
    );
  return html;
}

/** Inline rule: `[[` … `]]` on one line becomes a reference token (before links, so `[[x]]` is never a link). */
function referenceRule(state: StateInline, silent: boolean): boolean {
  const {src, pos, posMax} = state;
  if (src.charCodeAt(pos) !== 0x5b /* [ */ || src.charCodeAt(pos + 1) !== 0x5b) return false;
  const end = src.indexOf("]]", pos + 2);
  if (end < 0 || end > posMax) return false;
  const body = src.slice(pos + 2, end);
  if (body.includes("\n") || body.includes("[")) return false;
  if (!silent) {
    const token = state.push(REFERENCE_TOKEN, "", 0);
    token.content = body;
  }
  state.pos = end + 2;
  return true;
}

export function createMarkdown(options: MarkdownOptions = {}): MarkdownIt {
  const md = new MarkdownIt({html: true, linkify: false, typographer: false});
  md.use(anchor, {level: [2, 3, 4], slugify, tabIndex: false});
  md.inline.ruler.before("link", REFERENCE_TOKEN, referenceRule);
  md.renderer.rules.html_block = (tokens, index, _options, env: MarkdownEnv) => checkHtml(tokens[index]!.content, env);
  md.renderer.rules.html_inline = (tokens, index, _options, env: MarkdownEnv) => checkHtml(tokens[index]!.content, env);
  md.renderer.rules[REFERENCE_TOKEN] = (tokens, index, _options, env: MarkdownEnv) => {
    const body = tokens[index]!.content;
    if (!options.reference) throw new BuildError(`[[${body}]]: short references need the edition plugin`);
    return options.reference(body, env);
  };
  // A reference inside a raw HTML block is not parsed by markdown-it: say so instead of printing the brackets.
  const render = md.render.bind(md);
  md.render = (source: string, env?: MarkdownEnv) => {
    const html = render(source, env);
    const leftover = /\[\[[^[\]\n]+\]\]/.exec(html);
    if (leftover)
      throw new BuildError(
        `${env?.page?.inputPath ?? "Markdown"}: ${leftover[0]} was not rendered (inside raw HTML or a code span?); write it in a Markdown paragraph or use {% num %}`
      );
    return html;
  };
  return md;
}
