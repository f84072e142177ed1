import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    // Corpus-wide tests read ../shared/corpora (present in CI); they take longer than unit tests.
    testTimeout: 60_000,
    pool: "threads",
  },
});
