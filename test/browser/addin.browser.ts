/**
 * The real task pane in Chromium, on the demo host, from the built dist/: each sample gives its
 * verdict and rule IDs in the pane (data-verdict, data-rule-id) — the same as the command line —
 * the notification bar line, the pinned pane following the selection, a stale result dropped,
 * the older clients' paths, Japanese, a broken config.json. Every test also fails on a console
 * error, a CSP violation, or a request to any host but the page's own (office.js from Office's
 * CDN is served from the @microsoft/office-js package).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Frame, Page } from "playwright-core";
import { launch, paneFrame, serveStatic, verdictOf } from "../../scripts/browser.js";
import { parseConfig, type Config } from "../../src/core/config.js";
import { analyzeEml } from "../../src/hosts/eml/index.js";
import { loadCountryLookup } from "../../src/hosts/node/geo.js";

const SAMPLES = new URL("../../samples/", import.meta.url);
const sample = (name: string): Buffer => readFileSync(new URL(name, SAMPLES));
const CONFIG = ((): Config => {
  const parsed = parseConfig(sample("config.example.json").toString("utf8"));
  if (!parsed.ok) throw new Error("samples/config.example.json is invalid");
  return parsed.config;
})();

/** What the command line finds in a sample: the pane must show the same. */
async function expected(name: string): Promise<{ verdict: string; rules: string[] }> {
  const analysis = await analyzeEml(sample(name), { config: CONFIG, lookupCountry: loadCountryLookup() });
  return { verdict: analysis.verdict, rules: [...new Set(analysis.findings.map((f) => f.id))].sort() };
}

/** The verdicts the samples exist to show (test/samples.test.ts pins the same). */
const SAMPLE_VERDICTS: Record<string, string> = {
  "case1-government-sender-from-abroad.eml": "danger",
  "case2-plain-text-link-to-other-domain.eml": "caution",
  "case3-internal-mail-reused-from-outside.eml": "danger",
  "newsletter-ordinary.eml": "clean",
};

let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Awaited<ReturnType<typeof launch>>;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await serveStatic();
  browser = await launch(server.origin);
  context = browser.context;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the demo host; the record of requests and errors starts empty for each test. */
async function openDemo(query: string): Promise<Frame> {
  browser.record.requests.length = 0;
  browser.record.foreign.length = 0;
  browser.record.errors.length = 0;
  page = await context.newPage();
  await page.goto(`${server.origin}/demo.html?${query}`);
  return paneFrame(page);
}

/** Console errors of the pages and the pane; the sandboxed reading pane's own are blocked loads of the mail (its CSP at work). */
function ourErrors(): { text: string; url: string }[] {
  return browser.record.errors.filter((e) => e.url !== "about:srcdoc");
}

afterEach(async () => {
  const violations = page ? await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []) : [];
  const pane = page ? await paneFrame(page).then((f) => f.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])) : [];
  await page?.close();
  // The checks every test shares: nothing left the machine, nothing broke, nothing was refused.
  expect(browser.record.foreign, "requests to another host").toEqual([]);
  expect(ourErrors(), "console errors").toEqual([]);
  expect([...violations, ...pane], "CSP violations").toEqual([]);
});

async function notifications(): Promise<{ kind: string; item: string; text: string }[]> {
  return page.$$eval("#calls li", (items) =>
    items.map((li) => ({ kind: (li as HTMLElement).dataset.kind ?? "", item: (li as HTMLElement).dataset.item ?? "", text: li.textContent ?? "" })).reverse(),
  );
}

describe("the task pane on the demo host", () => {
  for (const name of Object.keys(SAMPLE_VERDICTS)) {
    it(`${name}: the verdict and rule IDs of the command line, and the notification bar`, async () => {
      const frame = await openDemo(`eml=samples/${name}&lang=en`);
      const shown = await verdictOf(frame);
      const truth = await expected(name);
      expect(shown.verdict).toBe(SAMPLE_VERDICTS[name]);
      expect(shown.verdict).toBe(truth.verdict);
      expect([...shown.rules].sort()).toEqual(truth.rules);
      expect(shown.source).toBe("eml");
      expect(shown.lang).toBe("en");
      const bar = await page.$$eval("#notification-bar li", (items) => items.map((li) => li.textContent));
      if (truth.verdict === "clean") expect(bar).toEqual([]);
      else expect(bar).toEqual([expect.stringMatching(/^Check This Mail: \d+ /)]);
      // Japanese names and subjects decode cleanly (Chromium's ISO-2022-JP fault is worked around).
      expect(await frame.textContent("#app")).not.toContain("\uFFFD");
      expect(await page.textContent("#msg-subject")).not.toContain("\uFFFD");
      if (name.startsWith("case1")) expect(await frame.textContent("#app")).toContain("例示機構 調達課");
      // The country table is fetched only when the origin needs placing.
      const geo = browser.record.requests.filter((r) => r.endsWith("/assets/geo/ip-country.bin"));
      expect(geo.length).toBe(name.startsWith("case1") ? 1 : 0);
    });
  }

  it("a pinned pane re-checks when another mail is selected, and replaces its notification line", async () => {
    const frame = await openDemo("eml=samples/case1-government-sender-from-abroad.eml&lang=en");
    const first = await verdictOf(frame);
    expect(first.verdict).toBe("danger");
    await page.click('[data-sample="case2-plain-text-link-to-other-domain.eml"]');
    const second = await verdictOf(frame, first.check);
    expect(second.verdict).toBe("caution");
    expect([...second.rules].sort()).toEqual((await expected("case2-plain-text-link-to-other-domain.eml")).rules);
    const calls = await notifications();
    expect(calls.filter((c) => c.kind === "ItemChanged").map((c) => c.text)).toContainEqual(expect.stringContaining("1 handler"));
    const replaced = calls.filter((c) => c.kind === "notificationMessages.replaceAsync");
    expect(replaced.map((c) => c.item)).toEqual(["case1-government-sender-from-abroad.eml", "case2-plain-text-link-to-other-domain.eml"]);
    // A clean mail removes nothing it did not add, and adds nothing.
    await page.click('[data-sample="newsletter-ordinary.eml"]');
    expect((await verdictOf(frame, second.check)).verdict).toBe("clean");
    expect(await page.$$eval("#notification-bar li", (items) => items.length)).toBe(0);
  });

  it("drops the result of a slow mail that arrives after the next one was selected", async () => {
    const frame = await openDemo("eml=samples/newsletter-ordinary.eml&lang=en");
    const first = await verdictOf(frame);
    await page.check("#slow");
    await page.click('[data-sample="case1-government-sender-from-abroad.eml"]');
    await page.waitForFunction(() => document.querySelector("#pane iframe") !== null);
    await page.uncheck("#slow");
    await page.click('[data-sample="case2-plain-text-link-to-other-domain.eml"]');
    const shown = await verdictOf(frame, first.check);
    expect(shown.verdict).toBe("caution");
    // The slow mail's calls take 0.8 s each; wait past them: the pane must still show case 2.
    await page.waitForTimeout(2500);
    const after = await frame.evaluate(() => ({
      verdict: document.querySelector("[data-verdict]")?.getAttribute("data-verdict"),
      check: Number(document.getElementById("app")?.dataset.check),
      state: document.getElementById("app")?.dataset.state,
    }));
    expect(after).toEqual({ verdict: "caution", check: shown.check, state: "ready" });
    const calls = await notifications();
    expect(calls.filter((c) => c.kind === "notificationMessages.replaceAsync" && c.item.startsWith("case1"))).toEqual([]);
  });

  it("an older client (Mailbox 1.8) reads headers and parts: the same verdict and rules", async () => {
    const name = "case1-government-sender-from-abroad.eml";
    const frame = await openDemo(`eml=samples/${name}&lang=en&mailbox=1.8`);
    const shown = await verdictOf(frame);
    expect(shown.source).toBe("parts");
    expect([...shown.rules].sort()).toEqual((await expected(name)).rules);
    expect(shown.diagnostics).toContain("OUTLOOK_FEATURE_UNSUPPORTED");
  });

  it("the oldest client (Mailbox 1.5, no headers) says so, and skips the origin checks", async () => {
    const frame = await openDemo("eml=samples/case1-government-sender-from-abroad.eml&lang=en&mailbox=1.5");
    const shown = await verdictOf(frame);
    expect(shown.diagnostics).toEqual(expect.arrayContaining(["OUTLOOK_FEATURE_UNSUPPORTED", "NO_HEADERS"]));
    expect(shown.rules).not.toContain("ORIGIN_COUNTRY_MISMATCH");
    expect(shown.rules).toContain("LINK_TEXT_MISMATCH");
    expect(await frame.textContent("body")).toContain("does not let add-ins read the internet headers");
  });

  it("speaks Japanese when Outlook does", async () => {
    const frame = await openDemo("eml=samples/case3-internal-mail-reused-from-outside.eml&lang=ja");
    const shown = await verdictOf(frame);
    expect(shown.lang).toBe("ja");
    expect(shown.verdict).toBe("danger");
    const bar = await page.$$eval("#notification-bar li", (items) => items.map((li) => li.textContent ?? ""));
    expect(bar).toEqual([expect.stringContaining("標的型攻撃メールの特徴")]);
  });

  it("a broken config.json is a clear message, not a blank pane", async () => {
    await context.route(`${server.origin}/config.json`, (route) => route.fulfill({ contentType: "application/json", body: '{"organization":{"domians":["example.co.jp"]}}' }));
    try {
      const frame = await openDemo("eml=samples/case1-government-sender-from-abroad.eml&lang=en");
      await frame.waitForFunction(() => document.getElementById("app")?.dataset.state === "config-error");
      const text = await frame.textContent("#app");
      expect(text).toContain("organization.domians");
      expect(await frame.$("[data-verdict]")).toBeNull();
    } finally {
      await context.unroute(`${server.origin}/config.json`);
    }
  });

  it("opens any .eml from the file picker", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ctm-eml-"));
    const file = join(dir, "my-mail.eml");
    writeFileSync(file, sample("case2-plain-text-link-to-other-domain.eml"));
    const frame = await openDemo("eml=samples/newsletter-ordinary.eml&lang=en");
    const first = await verdictOf(frame);
    await page.setInputFiles("#file", file);
    const shown = await verdictOf(frame, first.check);
    expect(shown.verdict).toBe("caution");
    expect(await page.textContent("#msg-subject")).not.toBe("");
  });

  it("refuses ?eml= from another origin, without fetching it", async () => {
    await openDemo("eml=https://evil.example/mail.eml&lang=en");
    await page.waitForSelector("#msg-error:not([hidden])");
    expect(await page.textContent("#msg-error")).toContain("https://evil.example/mail.eml");
    expect(browser.record.requests.filter((r) => new URL(r).hostname === "evil.example")).toEqual([]);
  });
});
