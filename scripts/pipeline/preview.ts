/**
 * @fileoverview The machinery of `npm run serve`: one edition's site, rebuilt on every change of its sources and
 * served with live reload by @11ty/eleventy-dev-server. Long-lived, so that a chapter edit costs only what it
 * changes:
 *   - the figures come from the figures cache (scripts/pipeline/figures-cache.ts) and are recomputed only after an
 *     edit under data/ that changes the edition's fingerprint;
 *   - rendered charts are kept per render context (prepareSite's figure memo): a chapter edit draws no chart again
 *     unless a figure's number or chapter moved;
 *   - Eleventy renders in two passes: first the chapters and the small generated pages, which are published and
 *     reloaded at once; then the whole site again, from which the slow pages (data.html and the records pages,
 *     every record; print.html, every chapter) are published. A request for a slow page waits until it is current,
 *     so the browser never shows a page the build would not produce.
 * Pages are rendered into scratch folders and moved into the served folder by renames (atomic per file). An error
 * (bad data, template error, unknown record, a hand-typed number) is printed in the terminal and replaces every
 * page of the preview until the next good build; the server keeps running. The PDF is printed on request
 * (GET /report.pdf, or printPdf()), never on a change.
 */
import {EventEmitter} from "node:events";
import {watch, type FSWatcher} from "node:fs";
import {mkdir, readdir, rename, rm, stat} from "node:fs/promises";
import type {IncomingMessage, ServerResponse} from "node:http";
import {createRequire} from "node:module";
import path from "node:path";
import {performance} from "node:perf_hooks";
import {BuildError} from "../lib/errors.ts";
import {stableJson, writeFileAtomic} from "../lib/fs.ts";
import {formatSeconds, info} from "../lib/progress.ts";
import type {EditionConfig} from "../load/edition.ts";
import {writeAssets} from "../render/assets.ts";
import {innermostBuildError, renderPages, writeFigureFiles} from "../render/build-site.ts";
import {writeSearchIndex} from "../render/search-index.ts";
import {editionRevisions, type RevisionsReport} from "./revisions.ts";
import {createRenderContext, type RenderContext} from "../render/context.ts";
import {DATA_PAGE, RECORDS_DIR, recordPages} from "../render/eleventy/numbers.ts";
import {escapeHtml} from "../render/html.ts";
import {entityRefs} from "../render/entity-pages.ts";
import {lintContent} from "../render/lint-content.ts";
import {PRINT_PAGE, printReport, type PrintResult} from "../render/pdf/print.ts";
import {FIGURE_CSV_DIR, type RenderedFigure} from "../render/figures.ts";
import {prepareSite, type FigureMemo, type SiteModel} from "../render/site.ts";
import {
  computeEditionCached,
  editionFingerprint,
  type CachedComputation,
  type FiguresCacheOptions
} from "./figures-cache.ts";

/**
 * The pages rendered in the second pass (no other page reads them): data.html, the records pages (one per metric and
 * scope), the province and sector pages (a chapter edit changes none of their numbers, only their links to the
 * chapters, which the second pass brings up to date; a request for one waits for it), print.html.
 */
export function slowPages(context: RenderContext): string[] {
  return [DATA_PAGE, ...recordPages(context.figures.records), ...entityRefs(context).map((r) => r.url), PRINT_PAGE];
}

/** Whether a requested page (as requestedPage names it) is rendered in the second pass. */
export function isSlowPage(page: string): boolean {
  return (
    page === DATA_PAGE ||
    page === PRINT_PAGE ||
    page.startsWith(`${RECORDS_DIR}/`) ||
    page.startsWith("province/") ||
    page.startsWith("sector/")
  );
}

/**
 * Global data that only the slow pages read (templates/pages/data.njk and records.njk: every record, ~0.1 s to
 * prepare), left out of the first pass. The test "the first pass writes the build's pages" fails if another page
 * starts to read it.
 */
export const SLOW_PAGES_DATA: readonly string[] = ["dataPage"];

/** Served files that come from node_modules (scripts/render/assets.ts), not from templates/assets. */
const IMMUTABLE_ASSETS = ["/assets/fonts/", "/assets/fonts.css", "/assets/katex/"];

/** Computed states (figures, render context, drawn charts) kept in memory, by fingerprint. */
const KEEP_STATES = 3;

interface EditionState {
  computed: CachedComputation;
  revisions: RevisionsReport;
  context: RenderContext;
  figureMemo: FigureMemo;
  /** The model ran for it (not a cache hit). */
  recomputed: boolean;
}

/** What a change of one file makes the preview do. */
export type ChangeKind = "data" | "site" | "assets" | "code";

export interface PreviewOptions {
  /** content/, templates/, .eleventy.js (and node_modules, for the webfonts). */
  root: string;
  /** The folder that holds data/. */
  dataRoot: string;
  edition: number;
  /** The preview's own folder (cleared at start): site/ is served, the rest is scratch. */
  workDir: string;
  /** 0: any free port. */
  port: number;
  cache: FiguresCacheOptions;
  /** Quiet time after a file event before the rebuild starts, ms. */
  debounceMs?: number;
  /** Idle time after a rebuild before the slow pages are rendered (unless one is requested), ms. */
  slowDelayMs?: number;
}

export interface BuildReport {
  ok: boolean;
  changes: ChangeKind[];
  /** From the first file event of the batch (or the start) to the reload. */
  ms: number;
  /** When the reload was sent (performance.now()). */
  at: number;
  error?: string;
  /** true when the figures were recomputed (not taken from the cache or kept). */
  recomputed?: boolean;
  /** Where the time went, ms per stage (figures, lint, charts, eleventy, publish). */
  stages?: Record<string, number>;
}

interface DevServer {
  serve(port: number): void;
  ready(): Promise<void>;
  close(): Promise<void>;
  reload(event: {files?: string[]; subtype?: string; build?: {templates?: unknown[]}}): void;
  getServerUrl(host: string, pathname?: string): string;
}
type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => Promise<void> | void;
interface DevServerModule {
  getServer(name: string, dir: string, options: Record<string, unknown>): DevServer;
}

/** Classifies a changed file (absolute path); undefined when the preview does not depend on it. */
export function classifyChange(
  file: string,
  options: Pick<PreviewOptions, "root" | "dataRoot" | "edition">
): ChangeKind | undefined {
  const name = path.basename(file);
  if (name.startsWith(".") && name !== ".eleventy.js") return undefined;
  if (name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".tmp") || /^\d+$/.test(name)) return undefined;
  const inside = (dir: string): boolean =>
    !path.relative(dir, file).startsWith("..") && !path.isAbsolute(path.relative(dir, file));
  if (inside(path.join(options.dataRoot, "data"))) return "data";
  if (inside(path.join(options.root, "content", String(options.edition)))) return "site";
  if (inside(path.join(options.root, "templates", "assets"))) return "assets";
  if (inside(path.join(options.root, "templates"))) return "site";
  if (
    file === path.join(options.root, ".eleventy.js") ||
    (inside(path.join(options.root, "scripts")) && /\.(ts|mts|js|mjs|cjs)$/.test(name))
  )
    return "code";
  return undefined;
}

/**
 * The page a request asks for: "/" → index.html, "/overview" → overview.html, "/records/gdp.html" (pages are at
 * most one folder down); undefined for other files.
 */
export function requestedPage(url: string): string | undefined {
  const pathname = decodeURIComponent(new URL(url, "http://localhost").pathname);
  const name = pathname.endsWith("/") ? `${pathname}index.html` : pathname;
  const base = name.replace(/^\/+/, "");
  if (base.split("/").length > 2) return undefined;
  if (base.endsWith(".html") || base === "report.pdf") return base;
  return path.extname(base) === "" ? `${base}.html` : undefined;
}

/** One line per error of the chain (Eleventy wraps template errors): the user-facing message. */
export function describeError(error: unknown): string {
  const build = innermostBuildError(error);
  if (build) return build.message;
  const lines: string[] = [];
  let current: unknown = error;
  const seen = new Set<unknown>();
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const message = (current as Error).message;
    if (typeof message === "string" && message && !lines.some((l) => l.includes(message))) lines.push(message);
    current =
      (current as {originalError?: unknown; cause?: unknown}).originalError ?? (current as {cause?: unknown}).cause;
  }
  return lines.join("\n") || String(error);
}

function errorPage(message: string, edition: number): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>构建失败 · ${edition} preview</title>
<style>
body{font:16px/1.6 system-ui,sans-serif;margin:3rem auto;max-width:60rem;padding:0 1rem;color:#222}
h1{color:#b00020;font-size:1.4rem}
pre{background:#fff4f4;border-left:4px solid #b00020;padding:1rem;white-space:pre-wrap;overflow-wrap:anywhere}
</style>
</head>
<body>
<h1>构建失败 · the ${edition} edition could not be built</h1>
<pre id="build-error">${escapeHtml(message)}</pre>
<p>Fix the file and save: this page reloads by itself (the terminal shows the same message).</p>
</body>
</html>
`;
}

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true, recursive: true}).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

async function emptyDir(dir: string): Promise<void> {
  await rm(dir, {recursive: true, force: true});
  await mkdir(dir, {recursive: true});
}

/** Watches a folder and its sub-folders (inotify per folder; new sub-folders are picked up). */
class TreeWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  constructor(private readonly onChange: (file: string) => void) {}

  async add(dir: string): Promise<void> {
    if (this.watchers.has(dir)) return;
    let info;
    try {
      info = await stat(dir);
    } catch {
      return;
    }
    if (!info.isDirectory()) return;
    const watcher = watch(dir, (_event, name) => {
      if (!name) return;
      const file = path.join(dir, name.toString());
      this.onChange(file);
      // A new sub-folder (or one replaced by a rename) is watched too.
      void stat(file).then(
        (s) => (s.isDirectory() ? this.add(file) : undefined),
        () => undefined
      );
    });
    watcher.on("error", () => {
      watcher.close();
      this.watchers.delete(dir);
    });
    this.watchers.set(dir, watcher);
    const entries = await readdir(dir, {withFileTypes: true}).catch(() => []);
    for (const entry of entries)
      if (entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith("."))
        await this.add(path.join(dir, entry.name));
  }

  close(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}

/** One edition's live preview. Start with Preview.start(options); close() stops everything it started. */
export class Preview extends EventEmitter {
  readonly options: Required<PreviewOptions>;
  /** The served folder. */
  readonly siteDir: string;
  url = "";

  private server: DevServer | undefined;
  private readonly watcher: TreeWatcher;
  private computed: CachedComputation | undefined;
  private revisions: RevisionsReport | undefined;
  private context: RenderContext | undefined;
  private figureMemo: FigureMemo = new Map();
  /** Computed editions by fingerprint, most recent last (see rebuild()). */
  private readonly states = new Map<string, EditionState>();
  private csvWritten = new WeakSet<RenderedFigure>();
  private site: SiteModel | undefined;
  private error: string | undefined;
  /** The slow pages in site/ are older than the other pages. */
  private slowStale = true;
  private readonly pending = new Set<ChangeKind>();
  private pendingSince: number | undefined;
  private debounce: NodeJS.Timeout | undefined;
  private looping: Promise<void> | undefined;
  private firstDone = false;
  private closed = false;
  private waiters: (() => void)[] = [];
  private printing: Promise<PrintResult> | undefined;
  /** A request waits for the slow pages: render them without the idle delay. */
  private slowWanted = false;
  private codeNoticeShown = false;

  private constructor(options: PreviewOptions) {
    super();
    this.options = {debounceMs: 30, slowDelayMs: 1500, ...options};
    this.siteDir = path.join(options.workDir, "site");
    this.watcher = new TreeWatcher((file) => this.onFileEvent(file));
  }

  /** Starts the server (its URL is known on return), the watchers and the first build (in the background). */
  static async start(options: PreviewOptions): Promise<Preview> {
    const preview = new Preview(options);
    await preview.init();
    return preview;
  }

  get config(): EditionConfig | undefined {
    return this.computed?.config;
  }

  /** The message of the current error, or undefined when the preview shows a good build. */
  get currentError(): string | undefined {
    return this.error;
  }

  private async init(): Promise<void> {
    const {root, dataRoot, edition, workDir} = this.options;
    await emptyDir(workDir);
    await mkdir(this.siteDir, {recursive: true});
    const require = createRequire(import.meta.url);
    const devServer = require("@11ty/eleventy-dev-server") as DevServerModule;
    const middleware: Middleware = (req, res, next) => this.middleware(req, res, next);
    this.server = devServer.getServer(`baipishu-${edition}`, this.siteDir, {
      liveReload: true,
      // Full reloads (see reload()).
      domDiff: false,
      messageOnStart: () => false,
      portReassignmentRetryCount: 20,
      middleware: [middleware],
      // Its own errors (a missing file: a broken link) are worth a line; the browser's favicon request is not.
      logger: {
        info: () => {},
        log: () => {},
        error: (message: unknown) => {
          if (!String(message).includes("favicon.ico")) info(`serve: ${String(message)}`);
        }
      }
    });
    this.server.serve(this.options.port);
    await this.server.ready();
    this.url = this.server.getServerUrl("localhost");

    await this.watcher.add(path.join(root, "content", String(edition)));
    await this.watcher.add(path.join(root, "templates"));
    await this.watcher.add(path.join(dataRoot, "data"));
    await this.watcher.add(path.join(root, "scripts"));
    // .eleventy.js: the root folder itself, not its sub-folders.
    const rootWatcher = watch(root, (_event, name) => {
      if (name?.toString() === ".eleventy.js") this.onFileEvent(path.join(root, ".eleventy.js"));
    });
    this.once("closed", () => rootWatcher.close());

    this.pending.add("data").add("site").add("assets");
    this.pendingSince = performance.now();
    this.kick();
  }

  private onFileEvent(file: string): void {
    if (this.closed) return;
    const kind = classifyChange(file, this.options);
    if (!kind) return;
    if (kind === "code") {
      if (!this.codeNoticeShown)
        info(`serve: ${path.relative(this.options.root, file)} changed: restart npm run serve to run the new code`);
      this.codeNoticeShown = true;
      return;
    }
    this.pending.add(kind);
    this.pendingSince ??= performance.now();
    this.wake();
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      this.kick();
    }, this.options.debounceMs);
  }

  private kick(): void {
    if (this.looping || this.closed) return;
    this.looping = this.loop()
      .catch((error: unknown) => this.fail(error, performance.now(), []))
      .finally(() => {
        this.looping = undefined;
        this.wake();
      });
  }

  /** Builds while there are changes, then the slow pages; one step at a time. */
  private async loop(): Promise<void> {
    while (!this.closed) {
      if (this.pending.size > 0 && this.debounce === undefined) {
        const changes = [...this.pending];
        const since = this.pendingSince ?? performance.now();
        this.pending.clear();
        this.pendingSince = undefined;
        await this.rebuild(changes, since);
        continue;
      }
      if (this.slowStale && this.site && this.error === undefined && this.pending.size === 0) {
        // Not at once: the browser is reloading the page just published, and a next keystroke may come; a request
        // for a slow page (or the PDF) starts it right away.
        if (!this.slowWanted) await this.idleFor(this.options.slowDelayMs);
        if (this.pending.size > 0 || this.closed) continue;
        await this.renderSlowPages();
        continue;
      }
      return;
    }
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Waits `ms`, or less when a change arrives or a slow page is requested. */
  private async idleFor(ms: number): Promise<void> {
    const end = performance.now() + ms;
    while (!this.closed && this.pending.size === 0 && !this.slowWanted) {
      const left = end - performance.now();
      if (left <= 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves when the slow pages are current (or an error is shown); starts their render if it waits. */
  private async slowPagesReady(): Promise<void> {
    this.slowWanted = true;
    this.wake();
    try {
      await this.until(() => this.firstDone && (!this.slowStale || this.error !== undefined));
    } finally {
      this.slowWanted = false;
    }
  }

  private async until(condition: () => boolean): Promise<void> {
    while (!condition() && !this.closed) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Resolves when every change seen so far is built and the slow pages are current (or an error is shown). */
  async settled(): Promise<void> {
    await this.until(
      () =>
        !this.looping &&
        this.pending.size === 0 &&
        this.debounce === undefined &&
        (!this.slowStale || this.error !== undefined)
    );
  }

  private async rebuild(changes: ChangeKind[], since: number): Promise<void> {
    const {root, dataRoot, edition} = this.options;
    const kinds = new Set(changes);
    let recomputed = false;
    const stages: Record<string, number> = {};
    let mark = performance.now();
    const stage = (name: string): void => {
      const now = performance.now();
      stages[name] = (stages[name] ?? 0) + now - mark;
      mark = now;
    };
    try {
      // After an error the next build starts from the data: the error may have been there.
      if (kinds.has("data") || !this.context || this.error !== undefined) {
        // The states of the last few fingerprints stay in memory with their drawn charts: undoing a data edit
        // reuses them.
        const fingerprint = this.options.cache.enabled ? await editionFingerprint(dataRoot, edition) : undefined;
        const kept = fingerprint === undefined ? undefined : this.states.get(fingerprint);
        const state = kept ?? (await this.computeState());
        recomputed = state.recomputed;
        this.states.delete(state.computed.fingerprint);
        this.states.set(state.computed.fingerprint, {...state, recomputed: false});
        while (this.states.size > KEEP_STATES) this.states.delete(this.states.keys().next().value!);
        if (this.computed !== state.computed) {
          this.computed = state.computed;
          this.revisions = state.revisions;
          this.context = state.context;
          this.figureMemo = state.figureMemo;
          this.site = undefined;
        }
        stage("figures");
      }
      const context = this.context!;
      const onlyAssets = kinds.size === 1 && kinds.has("assets") && this.site !== undefined && this.error === undefined;
      if (kinds.has("assets")) {
        await writeAssets(root, this.siteDir);
        stage("assets");
      }
      if (onlyAssets) {
        this.reload({since, changes, recomputed, stages, css: true});
        return;
      }
      await lintContent(root, [edition]);
      stage("lint");
      const previous = this.site;
      const site = await prepareSite(root, context, this.computed!.reproduction, {
        figureMemo: this.figureMemo,
        revisions: this.revisions!
      });
      stage("charts");
      const fast = path.join(this.options.workDir, "fast");
      await emptyDir(fast);
      const slow = slowPages(context);
      await renderPages(site, fast, {skip: slow, skipGlobalData: SLOW_PAGES_DATA, templateCache: false});
      stage("eleventy");
      this.slowStale = true;
      const pages = await this.publish(fast);
      await this.removeOldPages(new Set([...pages, ...slow]));
      if (previous?.context !== context) {
        await writeFigureFiles(site, this.siteDir);
        await writeFileAtomic(path.join(this.siteDir, "reproduction.json"), stableJson(this.computed!.reproduction));
        await writeFileAtomic(path.join(this.siteDir, "revisions.json"), stableJson(this.revisions!));
        this.csvWritten = new WeakSet(site.figures.values());
      }
      // A figure drawn again (its number or chapter moved) has a new CSV object; the CSV of one kept is on disk.
      for (const figure of site.figures.values())
        if (!this.csvWritten.has(figure)) {
          await writeFileAtomic(path.join(this.siteDir, FIGURE_CSV_DIR, `${figure.id}.csv`), figure.csv);
          this.csvWritten.add(figure);
        }
      stage("publish");
      this.site = site;
      if (this.error !== undefined) info(`serve: ✓ fixed; the preview shows the ${edition} edition again`);
      this.error = undefined;
      this.reload({since, changes, recomputed, stages});
    } catch (error) {
      this.fail(error, since, changes);
    } finally {
      this.firstDone = true;
      this.wake();
    }
  }

  private async computeState(): Promise<EditionState> {
    const computed = await computeEditionCached(this.options.dataRoot, this.options.edition, this.options.cache);
    const context = createRenderContext(computed.config, computed.figures, computed.reference, computed.manifest);
    const revisions = await editionRevisions(
      this.options.dataRoot,
      computed.config,
      computed.figures,
      this.options.cache
    );
    return {computed, revisions, context, figureMemo: new Map(), recomputed: !computed.cached};
  }

  /**
   * Tells the browsers to show the new build: a full page reload (measured faster than the client's in-place DOM
   * patch on these large pages, and the page is then exactly the file), or new style sheets only.
   */
  private reload(build: {
    since: number;
    changes: ChangeKind[];
    recomputed: boolean;
    stages: Record<string, number>;
    css?: boolean;
  }): void {
    const at = performance.now();
    if (build.css) this.server?.reload({files: ["assets/style.css"], subtype: "css", build: {}});
    else this.server?.reload({files: [], build: {templates: []}});
    const report: BuildReport = {
      ok: true,
      changes: build.changes,
      ms: at - build.since,
      at,
      recomputed: build.recomputed,
      stages: build.stages
    };
    info(
      `serve: ✓ ${build.changes.join(" + ")} → reload (${formatSeconds(report.ms)}${build.recomputed ? ", figures recomputed" : ""})`
    );
    this.emit("build", report);
  }

  private fail(error: unknown, since: number, changes: ChangeKind[]): void {
    const message = describeError(error);
    const internal = !(error instanceof BuildError) && !innermostBuildError(error);
    this.error =
      internal && process.argv.includes("--debug") && error instanceof Error
        ? `${message}\n${error.stack ?? ""}`
        : message;
    process.stderr.write(`error: ${message.split("\n").join("\nerror: ")}\n`);
    const at = performance.now();
    this.server?.reload({files: [], build: {templates: []}});
    const report: BuildReport = {ok: false, changes, ms: at - since, at, error: message};
    this.emit("build", report);
  }

  /** Moves every file of `from` into the served folder (a rename each: a request never sees half a file). */
  private async publish(from: string, only?: readonly string[]): Promise<string[]> {
    const files = (await filesIn(from)).filter((f) => only === undefined || only.includes(f));
    for (const file of files) {
      await mkdir(path.dirname(path.join(this.siteDir, file)), {recursive: true});
      await rename(path.join(from, file), path.join(this.siteDir, file));
    }
    return files;
  }

  /** Pages of an earlier build that this one did not write (a chapter removed from the config, a metric gone). */
  private async removeOldPages(keep: ReadonlySet<string>): Promise<void> {
    for (const dir of ["", RECORDS_DIR])
      for (const name of await readdir(path.join(this.siteDir, dir)).catch(() => [] as string[])) {
        const page = dir ? `${dir}/${name}` : name;
        if (name.endsWith(".html") && !keep.has(page)) await rm(path.join(this.siteDir, page), {force: true});
      }
  }

  private async renderSlowPages(): Promise<void> {
    const site = this.site!;
    const full = path.join(this.options.workDir, "full");
    const start = performance.now();
    try {
      await emptyDir(full);
      await renderPages(site, full, {templateCache: false});
      // Published only if no newer build replaced the site meanwhile (the loop runs one step at a time, so this
      // holds; kept as a guard).
      if (this.site !== site) return;
      const slow = slowPages(site.context);
      await this.publish(full, slow);
      // The search index of the whole site, swapped in as one folder (search.html reads it over HTTP).
      await writeSearchIndex(full, site.context);
      if (this.site !== site) return;
      await rm(path.join(this.siteDir, "pagefind"), {recursive: true, force: true});
      await rename(path.join(full, "pagefind"), path.join(this.siteDir, "pagefind"));
      this.slowStale = false;
      info(
        `serve: ✓ ${DATA_PAGE}, ${slow.filter((p) => p.startsWith(`${RECORDS_DIR}/`)).length} records pages, ${slow.filter((p) => isSlowPage(p) && /^(province|sector)\//.test(p)).length} province and sector pages, ${PRINT_PAGE} and the search index (${formatSeconds(performance.now() - start)})`
      );
    } catch (error) {
      this.fail(error, start, ["site"]);
    } finally {
      this.wake();
    }
  }

  private async middleware(req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> {
    // The webfonts and KaTeX come from node_modules and cannot change while the server runs: cached by the
    // browser, a reload fetches only the page and the site's own style sheets and script.
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    res.setHeader(
      "Cache-Control",
      IMMUTABLE_ASSETS.some((prefix) => pathname.startsWith(prefix)) ? "max-age=3600" : "no-cache"
    );
    const page = req.url ? requestedPage(req.url) : undefined;
    if (!page) return next();
    await this.until(() => this.firstDone);
    if (page === "report.pdf") {
      try {
        await this.printPdf();
      } catch (error) {
        return this.sendError(res, `report.pdf: ${describeError(error)}`);
      }
      return next();
    }
    if (isSlowPage(page)) await this.slowPagesReady();
    if (this.error !== undefined) return this.sendError(res, this.error);
    next();
  }

  private sendError(res: ServerResponse, message: string): void {
    res.statusCode = 500;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(errorPage(message, this.options.edition));
  }

  /**
   * Prints the current site's PDF into the served folder (site/report.pdf, served at /report.pdf) with the
   * build's printer; concurrent requests share one print.
   */
  async printPdf(): Promise<PrintResult & {file: string}> {
    const file = path.join(this.siteDir, "report.pdf");
    this.printing ??= (async () => {
      await this.slowPagesReady();
      if (this.error !== undefined) throw new BuildError(`the preview has an error; fix it first:\n${this.error}`);
      const start = performance.now();
      const tocCache = path.join(this.options.root, ".cache", "pdf", `${this.options.edition}-toc.json`);
      const result = await printReport(this.siteDir, file, this.config!.shortTitle, {tocCache});
      info(
        `serve: ✓ report.pdf, ${result.pages} pages (${formatSeconds(performance.now() - start)}) → ${path.relative(process.cwd(), file)}`
      );
      return result;
    })().finally(() => {
      this.printing = undefined;
    });
    return {...(await this.printing), file};
  }

  /** Stops the watchers, the rebuilds and the server. (The shared browser is the caller's to close.) */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.debounce);
    this.watcher.close();
    this.emit("closed");
    this.wake();
    await this.looping;
    await this.printing?.catch(() => undefined);
    await this.server?.close();
  }
}
