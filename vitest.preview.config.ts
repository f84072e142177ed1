import { defineConfig } from "vitest/config";

// Renders the pane previews for `npm run preview:pane` (static pages for a person to look at);
// kept out of `npm test`, which only runs *.test.ts.
export default defineConfig({
  test: { include: ["test/taskpane/preview.render.ts"], testTimeout: 120_000 },
});
