import {defineConfig} from "vitest/config";

// Unit, golden and plugin tests run in parallel; the end-to-end tests (real build, real Chromium) run in their
// own project, one file at a time, because each builds an edition and launches a browser.
export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    env: {TZ: "UTC", BAIPISHU_QUIET: "1"},
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["scripts/test/**/*.test.ts"],
          exclude: ["scripts/test/e2e/**"],
          testTimeout: 60_000
        }
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["scripts/test/e2e/**/*.test.ts"],
          testTimeout: 600_000,
          hookTimeout: 900_000,
          fileParallelism: false
        }
      }
    ]
  }
});
