/**
 * The Thunderbird popup in Chromium, on the Thunderbird demo host (dist/thunderbird-demo.html,
 * built by npm run build): a MailExtension stand-in (src/demo/messenger-standin.ts) plays
 * Thunderbird 128 ESR and answers the popup's messenger calls from the sample mails. The popup is
 * the one webpack.thunderbird.config.js packs into the .xpi (same src/hosts/thunderbird/popup.ts,
 * same view): each sample gives the command line's verdict and rule IDs (data-verdict,
 * data-rule-id), in English and Japanese; Report opens compose.beginNew with the report and the
 * original attached as message/rfc822; the administrator's policy (storage.managed) absent or
 * broken is said clearly. Every test also fails on a console error, a CSP violation, or a request
 * to any host but the page's own.
 */
import { describe, expect, it } from "vitest";
import type { Frame } from "playwright-core";
import { verdictOf } from "../../scripts/browser.js";
import { ITEM_HEADINGS } from "../../src/core/report/strings.js";
import { findReportJson } from "../helpers/report-block.js";
import { reportSchemaErrors } from "../helpers/report-schema.js";
import { demoSession, expectConfigError, MISSPELT_CONFIG } from "./demo-session.js";
import { CASE1, openReportForm, outcomeOf } from "./report-helpers.js";
import { expectedOfSample, sample, SAMPLE_VERDICTS } from "./samples.js";

const expected = expectedOfSample;

const demo = demoSession();
const openDemo = (query: string): Promise<Frame> => demo.open(`thunderbird-demo.html?${query}`);

interface BeginNewCall {
  readonly api: string;
  readonly details: {
    readonly to: string[];
    readonly subject: string;
    readonly isPlainText?: boolean;
    readonly plainTextBody?: string;
    readonly attachments: { name: string; type: string; size: number; isOpenMessage: boolean }[];
  };
}

function beginNewCalls(): Promise<BeginNewCall[]> {
  return demo.page.evaluate(() => {
    const standIn = (window as unknown as { checkThisMailMessengerStandIn: { calls: { api: string }[] } }).checkThisMailMessengerStandIn;
    return standIn.calls.filter((c) => c.api === "compose.beginNew") as unknown as BeginNewCall[];
  });
}

describe("the Thunderbird popup on the demo host", () => {
  for (const name of Object.keys(SAMPLE_VERDICTS)) {
    it(`${name}: the verdict and rule IDs of the command line`, async () => {
      const frame = await openDemo(`eml=samples/${name}&lang=en`);
      const shown = await verdictOf(frame);
      const truth = await expected(name);
      expect(shown.verdict).toBe(SAMPLE_VERDICTS[name]);
      expect(shown.verdict).toBe(truth.verdict);
      expect([...shown.rules].sort()).toEqual(truth.rules);
      expect(shown.source).toBe("eml");
      expect(shown.lang).toBe("en");
      expect(await frame.textContent("#app")).not.toContain("\uFFFD");
      if (name === CASE1) expect(await frame.textContent("#app")).toContain("例示機構 調達課");
      // The country table is the add-in's own file, fetched only when the origin needs placing.
      const geo = demo.record.requests.filter((r) => r.endsWith("/assets/geo/ip-country.bin"));
      expect(geo.length).toBe(name === CASE1 ? 1 : 0);
      // The popup read the message through getRaw, nothing else.
      const apis = await demo.page.evaluate(() => (window as unknown as { checkThisMailMessengerStandIn: { calls: { api: string }[] } }).checkThisMailMessengerStandIn.calls.map((c) => c.api));
      expect(apis).toEqual(["messages.getRaw"]);
    });
  }

  it("speaks Japanese when Thunderbird does", async () => {
    const frame = await openDemo(`eml=samples/case3-internal-mail-reused-from-outside.eml&lang=ja`);
    const shown = await verdictOf(frame);
    expect(shown.lang).toBe("ja");
    expect(shown.verdict).toBe("danger");
    expect(await frame.textContent("[data-verdict]")).toContain("危険");
  });

  it("Report → Send: compose.beginNew to the desk, the report as text with its JSON, the original attached as message/rfc822", async () => {
    const frame = await openDemo(`eml=samples/${CASE1}&lang=en`);
    await verdictOf(frame);
    await openReportForm(frame);
    // Item 8 from Thunderbird: its name and version (runtime.getBrowserInfo).
    expect(await frame.inputValue('[data-answer="clientVersion"]')).toBe("Thunderbird 128.0esr (demo)");
    await frame.click('[data-action="send-report"]');
    const outcome = await outcomeOf(frame);
    expect(outcome).toMatchObject({ state: "delivered", outcome: "draft" });
    const calls = await beginNewCalls();
    expect(calls).toHaveLength(1);
    const { details } = calls[0]!;
    expect(details.to).toEqual(["csirt@example.co.jp"]);
    expect(details.subject.startsWith("[不審メール報告] ")).toBe(true);
    expect(details.isPlainText).toBe(true);
    expect(details.attachments).toEqual([{ name: "original-message.eml", type: "message/rfc822", size: sample(CASE1).byteLength, isOpenMessage: true }]);
    const body = details.plainTextBody ?? "";
    ITEM_HEADINGS.forEach((heading, i) => expect(body).toContain(`(${i + 1}) ${heading.en}`));
    const json = findReportJson(body, details.subject).json as { source: string; checklist: { item8_environment: unknown } };
    expect(reportSchemaErrors(json)).toEqual([]);
    expect(json.source).toBe("demo");
    expect(json.checklist.item8_environment).toMatchObject({ clientVersion: "Thunderbird 128.0esr (demo)", hostName: "Thunderbird", platform: "linux" });
    // The demo shows the message the popup opened, as Thunderbird's compose window would.
    await demo.page.waitForSelector("#draft:not([hidden])");
    expect(await demo.page.textContent("#draft-attachments")).toContain("original-message.eml (message/rfc822");
    expect(await demo.page.textContent("#draft-body")).toContain("(1) ");
  });

  it("no policy for the add-in: checks still run, and Report says there is no desk address", async () => {
    const frame = await openDemo(`eml=samples/${CASE1}&lang=en&policy=none`);
    const shown = await verdictOf(frame);
    expect(shown.verdict).toBe("danger");
    await openReportForm(frame);
    await frame.click('[data-action="send-report"]');
    expect(await outcomeOf(frame)).toMatchObject({ state: "not-delivered" });
    expect(await beginNewCalls()).toEqual([]);
  });

  it("a broken policy is a clear message naming the setting, not a blank popup", () =>
    demo.withConfigJson(MISSPELT_CONFIG, async () => {
      const frame = await openDemo(`eml=samples/${CASE1}&lang=en`);
      await expectConfigError(frame, '3rdparty.Extensions["check-this-mail@check-this-mail"].organization.domians');
    }));

  it("opened directly, outside Thunderbird, it says where it belongs", async () => {
    demo.record.errors.length = 0;
    const direct = await demo.context.newPage();
    await direct.goto(`${demo.origin}/thunderbird-popup.html`);
    await direct.waitForFunction(() => document.getElementById("app")?.dataset.state === "not-in-thunderbird");
    expect(await direct.textContent("#app")).toContain("Thunderbird");
    await direct.close();
    expect(demo.errors(), "console errors").toEqual([]);
    expect(demo.record.foreign, "requests to another host").toEqual([]);
    // afterEach checks a demo page with its popup frame: give it one.
    await openDemo(`eml=samples/newsletter-ordinary.eml&lang=en`).then(verdictOf);
  });

});
