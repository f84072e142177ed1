#!/usr/bin/env node
// docs/screenshot.png for the README: the demo host with sample case 1 open and checked, in
// Chromium (npm run docs:screenshot builds dist/ first). Japanese text needs a CJK font on the
// machine (Debian: fonts-noto-cjk).
//   npm run docs:screenshot [-- --lang ja] [-- --sample NAME.eml]
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, launch, paneFrame, serveStatic, verdictOf } from "./browser.js";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const lang = arg("lang", "en");
const sample = arg("sample", "case1-government-sender-from-abroad.eml");
const out = arg("out", join(ROOT, "docs", "screenshot.png"));

const server = await serveStatic();
const browser = await launch(server.origin, { viewport: { width: 1280, height: 800 } });
try {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/demo.html?lang=${lang}&eml=samples/${encodeURIComponent(sample)}`);
  const shown = await verdictOf(await paneFrame(page));
  // The reading pane's document and the fonts have settled.
  await page.waitForFunction(() => document.fonts.status === "loaded");
  await page.waitForTimeout(300);
  mkdirSync(join(out, ".."), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`${out}: ${sample}, ${lang}, verdict ${shown.verdict} (${shown.rules.join(", ")})`);
  if (browser.record.foreign.length > 0 || browser.record.errors.some((e) => e.url !== "about:srcdoc")) {
    throw new Error(`the demo was not clean: ${JSON.stringify(browser.record)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
