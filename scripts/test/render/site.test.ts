import {mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {BuildError} from "../../lib/errors.ts";
import {prepareSite} from "../../render/site.ts";
import {testContext} from "./fixtures.ts";

const root = await mkdtemp(path.join(os.tmpdir(), "baipishu-site-"));
afterAll(() => rm(root, {recursive: true, force: true}));

describe("prepareSite(root, context)", () => {
  it("refuses figures that the config declares but no chapter places", async () => {
    await mkdir(path.join(root, "content", "2022"), {recursive: true});
    await writeFile(path.join(root, "content", "2022", "00-preface.md"), "前言。\n");
    await writeFile(
      path.join(root, "content", "2022", "01-overview.md"),
      '正文。\n\n{% figure "national-va-share" %}\n'
    );
    const run = prepareSite(root, testContext(), {
      rows: [],
      summary: [],
      claims: [],
      findings: [],
      missing: []
    } as never);
    await expect(run).rejects.toThrow(BuildError);
    await expect(run).rejects.toThrow(
      'data/editions/2022.json: "policies", "structure" declared in figures but placed in no chapter; add [[图 policies]] on its own line where it belongs, or remove it from the config'
    );
  });
});
