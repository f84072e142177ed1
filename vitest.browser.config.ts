import { defineConfig } from "vitest/config";

// The browser tests (npm run test:browser, part of npm test): the built dist/ in Debian's
// Chromium through playwright-core. One Chromium per file, files one after another (CI has two
// cores); run after `npm run build`.
export default defineConfig({
  test: {
    include: ["test/browser/**/*.browser.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: "forks",
  },
});
