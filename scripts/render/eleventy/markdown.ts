/**
 * @fileoverview The Markdown library of the chapters: markdown-it with inline HTML allowed (shortcodes emit HTML),
 * heading ids from markdown-it-anchor with a slug that keeps Chinese characters, and the inline rule of the short
 * references `[[ … ]]` (refs.ts), which the edition plugin resolves against the figures file.
 */
import MarkdownIt from "markdown-it";
import type StateInline from "markdown-it/lib/rules_inline/state_inline.mjs";
import anchor from "markdown-it-anchor";
import {BuildError} from "../../lib/errors.ts";
import {conditionMark} from "./conditions.ts";

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
  page?: {url?: string; inputPath?: string; fileSlug?: string};
}

export interface MarkdownOptions {
  /** Renders the body of one `[[ … ]]` to HTML for the page in env; throws a BuildError when it names nothing. */
  reference?: (body: string, env: MarkdownEnv) => string;
  /**
   * Decides the expression of a short condition `[[若 …]]` (conditions.ts) for the page in env; throws a BuildError
   * when it names no fact.
   */
  condition?: (expression: string, env: MarkdownEnv) => boolean;
  /**
   * Names written in the prose that link to a page on their first mention in a page's body text (not in headings
   * or links): 湖北 → province/hubei.html. Matched longest first, left to right, so 浙江西部 never links 江西.
   */
  entityLinks?: ReadonlyMap<string, string>;
}

const REFERENCE_TOKEN = "baipishu_reference";
/**
 * A reference that stands alone as a paragraph and prints a block, rendered without <p>: the chapter's 注释, a
 * figure or table ([[图 id]]) and a formula of the methodology ([[公式 id]]).
 */
const BLOCK_REFERENCE_TOKEN = "baipishu_reference_block";
const isBlockReference = (body: string) => body === "注释" || /^(图|公式)\s+\S+$/.test(body);

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

type Token = ReturnType<MarkdownIt["parse"]>[number];

type CoreState = {
  tokens: Token[];
  env: unknown;
  Token: new (type: string, tag: string, nesting: -1 | 0 | 1) => Token;
};

/**
 * The inline tokens of one paragraph or heading with the branches of its short conditions decided: the marks go,
 * the tokens of the branches not taken go, the tokens of the taken branch stay. Runs right after inline parsing, so
 * heading ids, first-mention links and the page's provenance see only the printed text.
 */
function keepTakenBranches(
  children: Token[],
  decide: (expression: string) => boolean,
  where: string,
  line: number | undefined
): Token[] {
  const at = `${where}${line === undefined ? "" : `:${line + 1}`}`;
  const out: Token[] = [];
  const open: {parentPrinting: boolean; taken: boolean; sawElse: boolean; expression: string}[] = [];
  let printing = true;
  let skippedNesting = 0;
  const skip = (child: Token) => {
    // A note mark is numbered when the template renders, before Markdown: dropping it would leave a gap in the notes.
    if (child.type === "html_inline" && /class="cite"/.test(child.content))
      throw new BuildError(
        `${at}: a note mark ({% cite %}) inside a short condition [[若 ${open.at(-1)!.expression}]]; write it as [[注 …]], or the branch as {% if fact["名称"] %} … {% endif %}`
      );
    skippedNesting += child.nesting;
  };
  const resume = () => {
    if (skippedNesting !== 0)
      throw new BuildError(
        `${at}: a branch of [[若 ${open.at(-1)?.expression ?? "…"}]] cuts through emphasis or a link; put the marks inside or outside the **…** or […](…)`
      );
  };
  for (const child of children) {
    const mark = child.type === REFERENCE_TOKEN ? conditionMark(child.content) : undefined;
    if (!mark) {
      if (printing) out.push(child);
      else skip(child);
      continue;
    }
    const top = open.at(-1);
    if (mark.kind !== "if" && !top)
      throw new BuildError(`${at}: [[${child.content.trim()}]] without an open [[若 …]] before it in the paragraph`);
    switch (mark.kind) {
      case "if": {
        const value: boolean = printing && decide(mark.expression);
        open.push({parentPrinting: printing, taken: value, sawElse: false, expression: mark.expression});
        printing = value;
        break;
      }
      case "elif":
      case "else": {
        if (top!.sawElse)
          throw new BuildError(`${at}: [[${child.content.trim()}]] after [[否则]] in the same [[若 …]]`);
        const value: boolean = top!.parentPrinting && !top!.taken && (mark.kind === "else" || decide(mark.expression));
        if (mark.kind === "else") top!.sawElse = true;
        if (!printing) resume();
        top!.taken ||= value;
        printing = value;
        break;
      }
      case "end":
        if (!printing) resume();
        open.pop();
        printing = top!.parentPrinting;
        break;
    }
  }
  if (open.length > 0)
    throw new BuildError(
      `${at}: [[若 ${open.at(-1)!.expression}]] is not closed by [[/若]] in the same paragraph (a condition over whole paragraphs is written {% if fact["名称"] %} … {% endif %})`
    );
  return out;
}

/** Core rule: a paragraph that is only a block reference becomes one block token, so its block is not put in a <p>. */
function blockReferences(state: CoreState): void {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [open, inline, close] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    const only = inline.children?.length === 1 ? inline.children[0]! : undefined;
    if (
      open.type === "paragraph_open" &&
      close.type === "paragraph_close" &&
      only?.type === REFERENCE_TOKEN &&
      isBlockReference(only.content.trim())
    ) {
      const block = new state.Token(BLOCK_REFERENCE_TOKEN, "", 0);
      block.content = only.content.trim();
      block.block = true;
      tokens.splice(i, 3, block);
    }
  }
}

function decideConditions(condition: MarkdownOptions["condition"]) {
  return (state: CoreState) => {
    const env = state.env as MarkdownEnv | undefined;
    const where = env?.page?.inputPath ?? "Markdown";
    const decide = (expression: string) => {
      if (!condition) throw new BuildError(`${where}: [[若 ${expression}]]: short conditions need the edition plugin`);
      return condition(expression, env ?? {});
    };
    const decided = new Set<Token>();
    for (const block of state.tokens)
      if (
        block.type === "inline" &&
        block.children?.some((c) => c.type === REFERENCE_TOKEN && conditionMark(c.content))
      ) {
        block.children = keepTakenBranches(block.children, decide, where, block.map?.[0]);
        decided.add(block);
      }
    if (decided.size === 0) return;
    // A paragraph whose every word sat in branches not taken is not printed at all (as with {% if %}).
    const blank = (t: Token | undefined) =>
      t !== undefined &&
      decided.has(t) &&
      t.children!.every((c) => c.type === "softbreak" || (c.type === "text" && !c.content.trim()));
    const kept: Token[] = [];
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.type === "paragraph_open" && blank(tokens[i + 1]) && tokens[i + 2]?.type === "paragraph_close") {
        i += 2;
        continue;
      }
      kept.push(tokens[i]!);
    }
    state.tokens.splice(0, state.tokens.length, ...kept);
  };
}

/** Core rule: the first mention of each name of `links` in a page's paragraphs and list items becomes a link. */
function linkFirstMentions(links: ReadonlyMap<string, string>) {
  const names = [...links.keys()].sort((a, b) => b.length - a.length);
  return (state: CoreState) => {
    // One parse is one page (Eleventy renders a page's Markdown at once): names linked so far on it.
    const seen = new Set<string>();
    let inHeading = false;
    for (const block of state.tokens) {
      if (block.type === "heading_open") inHeading = true;
      if (block.type === "heading_close") inHeading = false;
      if (block.type !== "inline" || inHeading || !block.children) continue;
      const out: Token[] = [];
      let linkDepth = 0;
      for (const child of block.children) {
        // Links written in Markdown, and the anchors the references and shortcodes emit as inline HTML.
        if (child.type === "link_open" || (child.type === "html_inline" && /^<a[\s>]/i.test(child.content)))
          linkDepth++;
        if (child.type === "link_close" || (child.type === "html_inline" && /^<\/a\s*>/i.test(child.content)))
          linkDepth--;
        if (child.type !== "text" || linkDepth > 0) {
          out.push(child);
          continue;
        }
        const text = child.content;
        let last = 0;
        for (let i = 0; i < text.length;) {
          const name = names.find((n) => text.startsWith(n, i));
          if (!name) {
            i++;
            continue;
          }
          if (!seen.has(name)) {
            seen.add(name);
            if (i > last) out.push(Object.assign(new state.Token("text", "", 0), {content: text.slice(last, i)}));
            const open = new state.Token("link_open", "a", 1);
            open.attrs = [
              ["class", "entity-name"],
              ["href", links.get(name)!]
            ];
            out.push(open, Object.assign(new state.Token("text", "", 0), {content: name}));
            out.push(new state.Token("link_close", "a", -1));
            last = i + name.length;
          }
          i += name.length;
        }
        if (last === 0) out.push(child);
        else if (last < text.length)
          out.push(Object.assign(new state.Token("text", "", 0), {content: text.slice(last)}));
      }
      block.children = out;
    }
  };
}

/** A markdown-it of the chapters: configureMarkdown on a new instance (tests; the build amends Eleventy's own). */
export function createMarkdown(options: MarkdownOptions = {}): MarkdownIt {
  return configureMarkdown(new MarkdownIt(), options);
}

/**
 * Makes `md` the chapters' Markdown: raw HTML checked, no linkify or typographer, heading anchors, the short
 * references and conditions. The build applies it to the instance Eleventy makes for each run (amendLibrary), not to
 * one of ours passed with setLibrary: Eleventy keeps every instance given to setLibrary in a module-level set for the
 * life of the process, and with it everything the plugins close over (the edition's figures and chapters): a
 * long-lived preview would keep every build it ever made.
 */
export function configureMarkdown(md: MarkdownIt, options: MarkdownOptions = {}): MarkdownIt {
  md.set({html: true, linkify: false, typographer: false});
  md.use(anchor, {level: [2, 3, 4], slugify, tabIndex: false});
  if (options.entityLinks && options.entityLinks.size > 0)
    md.core.ruler.push("baipishu_entity_links", linkFirstMentions(options.entityLinks) as never);
  md.inline.ruler.before("link", REFERENCE_TOKEN, referenceRule);
  md.core.ruler.after("inline", "baipishu_conditions", decideConditions(options.condition) as never);
  md.core.ruler.after("baipishu_conditions", "baipishu_block_references", blockReferences as never);
  md.renderer.rules.html_block = (tokens, index, _options, env: MarkdownEnv) => checkHtml(tokens[index]!.content, env);
  md.renderer.rules.html_inline = (tokens, index, _options, env: MarkdownEnv) => checkHtml(tokens[index]!.content, env);
  md.renderer.rules[REFERENCE_TOKEN] = (tokens, index, _options, env: MarkdownEnv) => {
    const body = tokens[index]!.content;
    if (!options.reference) throw new BuildError(`[[${body}]]: short references need the edition plugin`);
    return options.reference(body, env);
  };
  md.renderer.rules[BLOCK_REFERENCE_TOKEN] = (tokens, index, _options, env: MarkdownEnv) => {
    const body = tokens[index]!.content;
    if (!options.reference) throw new BuildError(`[[${body}]]: short references need the edition plugin`);
    return `${options.reference(body, env)}\n`;
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
