#!/usr/bin/env node
// The README's pictures, in Chromium (npm run docs:screenshot builds dist/ first). Japanese text
// needs a CJK font on the machine (Debian: fonts-noto-cjk).
//   npm run docs:screenshot [-- --lang ja] [-- --sample NAME.eml]
//     docs/screenshot.png: the demo host with sample case 1 open and checked;
//   npm run docs:screenshot -- --report [--lang ja]
//     docs/report-form.png: the task pane's report form for that mail, a few answers given,
//     the whole pane from the form's heading to its buttons.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, launch, paneFrame, serveStatic, verdictOf } from "./browser.js";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const report = process.argv.includes("--report");
const lang = arg("lang", "en");
const sample = arg("sample", "case1-government-sender-from-abroad.eml");
const out = arg("out", join(ROOT, "docs", report ? "report-form.png" : "screenshot.png"));

const server = await serveStatic();
// The report form is long: a tall window, and the pane alone in the picture.
const browser = await launch(server.origin, { viewport: report ? { width: 1280, height: 2400 } : { width: 1280, height: 800 } });
try {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/demo.html?lang=${lang}&eml=samples/${encodeURIComponent(sample)}`);
  const frame = await paneFrame(page);
  const shown = await verdictOf(frame);
  if (report) {
    await frame.click('[data-action="report"]');
    await frame.waitForSelector("[data-report-preview]");
    // A person who asked the sender by phone, and opened nothing.
    await frame.check('input[data-answer="senderConfirmation"][value="sender-denied"]');
    await frame.fill('[data-answer="antivirusProduct"]', "Microsoft Defender");
    await frame.check('input[data-answer="antivirusDetected"][value="no"]');
    await frame.check('input[data-answer="openedAttachment"][value="no"]');
    await frame.check('input[data-answer="clickedLink"][value="no"]');
    await frame.fill('[data-answer="colleaguesReceived"]', lang === "ja" ? "3 人(調達課)" : "3 (the procurement team)");
    await frame.evaluate(() => {
      document.activeElement?.blur?.();
      window.scrollTo(0, 0);
    });
  }
  // The reading pane's document and the fonts have settled.
  await page.waitForFunction(() => document.fonts.status === "loaded");
  await page.waitForTimeout(300);
  mkdirSync(join(out, ".."), { recursive: true });
  if (report) {
    const height = await frame.evaluate(() => document.documentElement.scrollHeight);
    const pane = await page.$("#pane");
    const box = await pane.boundingBox();
    await page.screenshot({ path: out, clip: { x: box.x, y: box.y, width: box.width, height: Math.min(height, box.height) } });
  } else {
    await page.screenshot({ path: out });
  }
  console.log(`${out}: ${sample}, ${lang}, verdict ${shown.verdict} (${shown.rules.join(", ")})${report ? ", report form" : ""}`);
  if (browser.record.foreign.length > 0 || browser.record.errors.some((e) => e.url !== "about:srcdoc")) {
    throw new Error(`the demo was not clean: ${JSON.stringify(browser.record)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
