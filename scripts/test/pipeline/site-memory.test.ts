/**
 * A long-lived process (npm run serve) renders an edition again on every edit: once Eleventy has written a site,
 * nothing of the process may keep that site's model (its figures, chapters, charts) alive. Eleventy keeps every
 * markdown-it instance handed to setLibrary for the life of the process, with whatever its plugins close over; the
 * edition plugin amends Eleventy's own instance instead (configureMarkdown).
 */
import {mkdtemp, rm} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {setFlagsFromString} from "node:v8";
import {runInNewContext} from "node:vm";
import {afterAll, describe, expect, it} from "vitest";
import {computeEditionCached} from "../../pipeline/figures-cache.ts";
import {renderPages} from "../../render/build-site.ts";
import {createRenderContext} from "../../render/context.ts";
import {prepareSite} from "../../render/site.ts";

const root = path.resolve(import.meta.dirname, "../../..");
const work = await mkdtemp(path.join(os.tmpdir(), "baipishu-site-memory-"));
afterAll(() => rm(work, {recursive: true, force: true}));

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Renders the edition's pages into a new folder; returns a weak reference to the site's render context. */
async function renderOnce(index: number): Promise<WeakRef<object>> {
  const computed = await computeEditionCached(root, 2020, {enabled: true, dir: path.join(work, "figures")});
  const context = createRenderContext(computed.config, computed.figures, computed.reference, computed.manifest);
  const site = await prepareSite(root, context, computed.reproduction);
  await renderPages(site, path.join(work, `site-${index}`), {templateCache: false});
  return new WeakRef(context);
}

describe("renderPages in a long-lived process", () => {
  it("keeps no site alive once its pages are written", {timeout: 120_000}, async () => {
    const first = await renderOnce(1);
    // A second render, as the preview does on the next edit; then the first one's context must be collectable.
    await renderOnce(2);
    for (let i = 0; i < 3 && first.deref() !== undefined; i++) {
      // A WeakRef holds its target until the current job ends: let it end, then collect.
      await new Promise((resolve) => setImmediate(resolve));
      gc();
    }
    expect(first.deref()).toBeUndefined();
  });
});
