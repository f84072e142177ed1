/**
 * The real task pane in Chromium, on the demo host, from the built dist/: each sample gives its
 * verdict and rule IDs in the pane (data-verdict, data-rule-id) — the same as the command line —
 * the notification bar line, the pinned pane following the selection, a stale result dropped,
 * the older clients' paths, Japanese, a broken config.json. Every test also fails on a console
 * error, a CSP violation, or a request to any host but the page's own (office.js from Office's
 * CDN is served from the @microsoft/office-js package).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Frame } from "playwright-core";
import { verdictOf } from "../../scripts/browser.js";
import { demoSession, expectConfigError, MISSPELT_CONFIG } from "./demo-session.js";
import { expectedOfSample, sample, SAMPLE_VERDICTS } from "./samples.js";

const demo = demoSession();
/** Opens the demo host; the record of requests and errors starts empty for each test. */
const openDemo = (query: string): Promise<Frame> => demo.open(`demo.html?${query}`);
const expected = expectedOfSample;

async function notifications(): Promise<{ kind: string; item: string; text: string }[]> {
  return demo.page.$$eval("#calls li", (items) =>
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
      const bar = await demo.page.$$eval("#notification-bar li", (items) => items.map((li) => li.textContent));
      if (truth.verdict === "clean") expect(bar).toEqual([]);
      else expect(bar).toEqual([expect.stringMatching(/^Check This Mail: \d+ /)]);
      // Japanese names and subjects decode cleanly (Chromium's ISO-2022-JP fault is worked around).
      expect(await frame.textContent("#app")).not.toContain("\uFFFD");
      expect(await demo.page.textContent("#msg-subject")).not.toContain("\uFFFD");
      if (name.startsWith("case1")) expect(await frame.textContent("#app")).toContain("例示機構 調達課");
      // The country table is fetched only when the origin needs placing.
      const geo = demo.record.requests.filter((r) => r.endsWith("/assets/geo/ip-country.bin"));
      expect(geo.length).toBe(name.startsWith("case1") ? 1 : 0);
    });
  }

  it("a pinned pane re-checks when another mail is selected, and replaces its notification line", async () => {
    const frame = await openDemo("eml=samples/case1-government-sender-from-abroad.eml&lang=en");
    const first = await verdictOf(frame);
    expect(first.verdict).toBe("danger");
    await demo.page.click('[data-sample="case2-plain-text-link-to-other-domain.eml"]');
    const second = await verdictOf(frame, first.check);
    expect(second.verdict).toBe("caution");
    expect([...second.rules].sort()).toEqual((await expected("case2-plain-text-link-to-other-domain.eml")).rules);
    const calls = await notifications();
    expect(calls.filter((c) => c.kind === "ItemChanged").map((c) => c.text)).toContainEqual(expect.stringContaining("1 handler"));
    const replaced = calls.filter((c) => c.kind === "notificationMessages.replaceAsync");
    expect(replaced.map((c) => c.item)).toEqual(["case1-government-sender-from-abroad.eml", "case2-plain-text-link-to-other-domain.eml"]);
    // A clean mail removes nothing it did not add, and adds nothing.
    await demo.page.click('[data-sample="newsletter-ordinary.eml"]');
    expect((await verdictOf(frame, second.check)).verdict).toBe("clean");
    expect(await demo.page.$$eval("#notification-bar li", (items) => items.length)).toBe(0);
  });

  it("drops the result of a slow mail that arrives after the next one was selected", async () => {
    const frame = await openDemo("eml=samples/newsletter-ordinary.eml&lang=en");
    const first = await verdictOf(frame);
    await demo.page.check("#slow");
    await demo.page.click('[data-sample="case1-government-sender-from-abroad.eml"]');
    await demo.page.waitForFunction(() => document.querySelector("#pane iframe") !== null);
    await demo.page.uncheck("#slow");
    await demo.page.click('[data-sample="case2-plain-text-link-to-other-domain.eml"]');
    const shown = await verdictOf(frame, first.check);
    expect(shown.verdict).toBe("caution");
    // The slow mail's calls take 0.8 s each; wait past them: the pane must still show case 2.
    await demo.page.waitForTimeout(2500);
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

  it("case 3 on the oldest client is a partial check, never green, and claims nothing the client withheld", async () => {
    for (const [lang, headline] of [["en", "Could not be fully checked"], ["ja", "すべては確認できませんでした"]] as const) {
      const frame = await openDemo(`eml=samples/case3-internal-mail-reused-from-outside.eml&lang=${lang}&mailbox=1.5`);
      const shown = await verdictOf(frame);
      expect(shown.verdict).toBe("incomplete");
      expect(await frame.textContent("[data-verdict]")).toContain(headline);
      const body = (await frame.textContent("body")) ?? "";
      expect(body).not.toContain("has no route records");
      expect(body).not.toContain("経路の記録(Received ヘッダー)がありません");
    }
  });

  it("speaks Japanese when Outlook does", async () => {
    const frame = await openDemo("eml=samples/case3-internal-mail-reused-from-outside.eml&lang=ja");
    const shown = await verdictOf(frame);
    expect(shown.lang).toBe("ja");
    expect(shown.verdict).toBe("danger");
    const bar = await demo.page.$$eval("#notification-bar li", (items) => items.map((li) => li.textContent ?? ""));
    expect(bar).toEqual([expect.stringContaining("標的型攻撃メールの特徴")]);
  });

  it("a broken config.json is a clear message, not a blank pane", () =>
    demo.withConfigJson(MISSPELT_CONFIG, async () => {
      const frame = await openDemo("eml=samples/case1-government-sender-from-abroad.eml&lang=en");
      await expectConfigError(frame, "organization.domians");
    }));

  it("opens any .eml from the file picker", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ctm-eml-"));
    const file = join(dir, "my-mail.eml");
    writeFileSync(file, sample("case2-plain-text-link-to-other-domain.eml"));
    const frame = await openDemo("eml=samples/newsletter-ordinary.eml&lang=en");
    const first = await verdictOf(frame);
    await demo.page.setInputFiles("#file", file);
    const shown = await verdictOf(frame, first.check);
    expect(shown.verdict).toBe("caution");
    expect(await demo.page.textContent("#msg-subject")).not.toBe("");
  });

  it("refuses ?eml= from another origin, without fetching it", async () => {
    await openDemo("eml=https://evil.example/mail.eml&lang=en");
    await demo.page.waitForSelector("#msg-error:not([hidden])");
    expect(await demo.page.textContent("#msg-error")).toContain("https://evil.example/mail.eml");
    expect(demo.record.requests.filter((r) => new URL(r).hostname === "evil.example")).toEqual([]);
  });
});
