#!/usr/bin/env node
// Screenshots the static pane previews written by test/taskpane/preview.test.ts, at task pane
// widths, light and dark and Windows high contrast, with Debian's Chromium (playwright-core).
//   npm run preview:pane                 (→ /tmp/ctm-preview/*.png)
//   node scripts/preview-pane.js DIR [--widths 360,450] [--only case1-ja] [--tile 900]
// The pages are local files with no script; the browser gets no network at all.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith("--")) ?? "/tmp/ctm-preview";
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const widths = option("--widths", "360,450").split(",").map(Number);
const only = option("--only", "");
/** Also cut each full-page shot into tiles this many pixels tall (0: no tiles). */
const tile = Number(option("--tile", "0"));
const pages = JSON.parse(readFileSync(join(dir, "pages.json"), "utf8")).filter((p) => !only || basename(p, ".html").includes(only));

const profile = mkdtempSync(join(tmpdir(), "ctm-chromium-"));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
  ],
  viewport: { width: widths[0], height: 800 },
});
try {
  const page = browser.pages()[0] ?? (await browser.newPage());
  // Local files only: anything else is refused.
  await page.route("**/*", (route) => (route.request().url().startsWith("file://") ? route.continue() : route.abort()));
  const shots = [];
  for (const file of pages) {
    const name = basename(file, ".html");
    for (const width of widths) {
      for (const scheme of ["light", "dark", "contrast"]) {
        if (scheme !== "light" && width !== widths[0]) continue;
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme: scheme === "dark" ? "dark" : "light", forcedColors: scheme === "contrast" ? "active" : "none" });
        await page.goto(pathToFileURL(file).href);
        const out = join(dir, `${name}-${width}${scheme === "light" ? "" : `-${scheme}`}.png`);
        await page.screenshot({ path: out, fullPage: true });
        shots.push(out);
        if (tile > 0) {
          const height = await page.evaluate("document.documentElement.scrollHeight");
          for (let y = 0, n = 0; y < height; y += tile, n++) {
            const part = out.replace(/\.png$/, `-part${n}.png`);
            await page.screenshot({ path: part, fullPage: true, clip: { x: 0, y, width, height: Math.min(tile, height - y) } });
            shots.push(part);
          }
        }
      }
    }
  }
  console.log(shots.join("\n"));
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
