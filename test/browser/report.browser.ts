/**
 * The report to the security desk, in Chromium on the demo host, from the built dist/ (its
 * config.json is samples/config.example.json: a desk address, no intake URL): the Report button
 * fills the form (item 8 prefilled, item 9 "no"), sending opens a new mail to the desk with all
 * nine items, the JSON and the message attached as an item — in Japanese and English, by mouse
 * and by keyboard alone — and an older Outlook without Mailbox 1.6 is told what to do instead.
 * As everywhere: no request leaves for another host, no console error, no CSP violation.
 */
import { describe, expect, it } from "vitest";
import type { Frame } from "playwright-core";
import { verdictOf } from "../../scripts/browser.js";
import { demoSession } from "./demo-session.js";
import { reportSchemaErrors } from "../helpers/report-schema.js";
import { REPORT_SCHEMA_VERSION } from "../../src/core/report/types.js";
import { CASE1, draftBlocks, draftCalls, jsonBlock, nineItems, openReportForm, outcomeOf } from "./report-helpers.js";

const demo = demoSession();
/** Opens the demo host and waits for the first verdict; the record of requests and errors starts empty. */
async function openDemo(query: string): Promise<Frame> {
  const frame = await demo.open(`demo.html?${query}`);
  await verdictOf(frame);
  return frame;
}

/** The form's answers as the pane shows them. */
function formState(frame: Frame) {
  return frame.evaluate(() => {
    const value = (key: string) => document.querySelector<HTMLInputElement>(`[data-answer="${key}"]:not([type="radio"])`)?.value;
    const checked = (key: string) => document.querySelector<HTMLInputElement>(`input[type="radio"][data-answer="${key}"]:checked`)?.value;
    return {
      operatingSystem: value("operatingSystem"),
      clientVersion: value("clientVersion"),
      comments: value("comments"),
      senderConfirmation: checked("senderConfirmation"),
      shareWithVendors: checked("shareWithVendors"),
      reportLanguage: checked("reportLanguage"),
      serverVersionNote: document.querySelector('[data-question="clientVersion"] .ctm-field__hint--note')?.textContent ?? null,
      preview: document.querySelector<HTMLTextAreaElement>("[data-report-preview]")!.value,
      focused: document.activeElement?.className ?? "",
    };
  });
}

describe("the report form on the demo host", () => {
  it("Report fills the form: item 8 from Office and the browser, item 9 at No, and a preview of the text", async () => {
    const frame = await openDemo(`eml=samples/${CASE1}&lang=en`);
    await openReportForm(frame);
    const form = await formState(frame);
    expect(form.operatingSystem).toBe(process.platform === "linux" ? "Linux" : expect.any(String));
    expect(form.operatingSystem).not.toBe("");
    // The stand-in plays Outlook on the web: its hostVersion is the server's, and the form says so.
    expect(form.clientVersion).toMatch(/^Outlook on the web \(Exchange server demo\); \S/);
    expect(form.serverVersionNote).toContain("mail server's version");
    expect(form.shareWithVendors).toBe("no");
    expect(form.senderConfirmation).toBe("not-yet");
    expect(form.reportLanguage).toBe("en");
    expect(nineItems(form.preview, "en")).toEqual(Array(9).fill(true));
    expect(form.preview).toContain(`Operating system: ${form.operatingSystem}`);
    expect(form.preview).toContain("Sharing with security vendors: not allowed");
    // The heading took the focus (keyboard and screen-reader users start at the form).
    expect(form.focused).toContain("ctm-report__heading");
    expect(await frame.textContent("[data-desk-address]")).toBe("csirt@example.co.jp");
  });

  for (const lang of ["en", "ja"] as const) {
    it(`Send (${lang}): a new mail to the desk with the nine items, the JSON and the mail attached as an item`, async () => {
      const frame = await openDemo(`eml=samples/${CASE1}&lang=${lang}`);
      await openReportForm(frame);
      await frame.fill('[data-answer="comments"]', "<b>電話で確認済み</b> & called them");
      await frame.click('[data-action="send-report"]');
      const outcome = await outcomeOf(frame);
      expect(outcome).toMatchObject({ state: "delivered", outcome: "draft", role: "status", focused: true });
      const calls = await draftCalls(demo.page);
      expect(calls).toHaveLength(1);
      const { parameters, itemId } = calls[0]!;
      expect(itemId).toBe(CASE1);
      expect(parameters.toRecipients).toEqual(["csirt@example.co.jp"]);
      expect(parameters.subject).toMatch(/^\[不審メール報告\] 【重要】調達要領の改訂について \[ctm:[0-9a-f]{8}\]$/);
      expect(parameters.attachments).toEqual([{ type: "item", itemId: CASE1, name: "original message" }]);
      const body = await draftBlocks(demo.page, parameters.htmlBody);
      expect(body.tags).toEqual(["DIV", "HR", "P", "PRE"]);
      const [text, json] = body.pre;
      expect(nineItems(text!, lang)).toEqual(Array(9).fill(true));
      expect(text).toContain("<b>電話で確認済み</b> & called them");
      expect(jsonBlock(body.pre, parameters.subject)).toMatchObject({
        schemaVersion: REPORT_SCHEMA_VERSION,
        source: "demo",
        reporter: { address: "suzuki@example.co.jp" },
        comments: "<b>電話で確認済み</b> & called them",
        checklist: { item9_shareWithVendors: { shareWithVendors: false }, item4_message: { subject: "【重要】調達要領の改訂について" } },
      });
      expect(reportSchemaErrors(jsonBlock(json!))).toEqual([]);
      // The preview is now exactly the text that went into the mail.
      expect((await formState(frame)).preview).toBe(text);
      // The demo shows the draft a newcomer can read: recipients, subject, attachment, body.
      await demo.page.waitForSelector("#draft:not([hidden])");
      expect(await demo.page.textContent("#draft-to")).toBe("csirt@example.co.jp");
      expect(await demo.page.textContent("#draft-subject")).toBe(parameters.subject);
      expect(await demo.page.textContent("#draft-attachments")).toContain("original message");
      expect(await demo.page.textContent("#draft-body")).toContain(`(9) `);
    });
  }

  it("works from the keyboard alone: Enter on Report, Tab and arrows through the answers, Enter on Send", async () => {
    const frame = await openDemo(`eml=samples/${CASE1}&lang=en`);
    await frame.focus('[data-action="report"]');
    await demo.page.keyboard.press("Enter");
    await frame.waitForFunction(() => document.getElementById("app")?.dataset.state === "report");
    await demo.page.keyboard.press("Tab");
    const active = () => frame.evaluate(() => ({ answer: (document.activeElement as HTMLElement | null)?.dataset.answer, action: (document.activeElement as HTMLElement | null)?.dataset.action, value: (document.activeElement as HTMLInputElement | null)?.value }));
    expect(await active()).toMatchObject({ answer: "senderConfirmation", value: "not-yet" });
    await demo.page.keyboard.press("ArrowDown");
    expect((await formState(frame)).senderConfirmation).toBe("sender-denied");
    expect((await formState(frame)).preview).toContain("The sender says they did not send it");
    await demo.page.keyboard.press("Tab");
    expect((await active()).answer).toBe("antivirusProduct");
    await demo.page.keyboard.type("Microsoft Defender");
    let steps = 0;
    while ((await active()).action !== "send-report" && steps++ < 60) await demo.page.keyboard.press("Tab");
    expect((await active()).action).toBe("send-report");
    await demo.page.keyboard.press("Enter");
    expect(await outcomeOf(frame)).toMatchObject({ outcome: "draft", focused: true });
    const [call] = await draftCalls(demo.page);
    expect(jsonBlock((await draftBlocks(demo.page, call!.parameters.htmlBody)).pre, call!.parameters.subject)).toMatchObject({
      checklist: { item2_sender: { senderConfirmation: "sender-denied" }, item3_antivirus: { antivirusProduct: "Microsoft Defender" } },
    });
  });

  it("Cancel goes back to the result, and the answers are still there when Report is pressed again", async () => {
    const frame = await openDemo(`eml=samples/${CASE1}&lang=en`);
    await openReportForm(frame);
    await frame.fill('[data-answer="comments"]', "kept?");
    await frame.check('input[data-answer="shareWithVendors"][value="yes"]');
    await frame.click('[data-action="cancel-report"]');
    await frame.waitForFunction(() => document.getElementById("app")?.dataset.state === "ready");
    expect(await frame.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe("report");
    await openReportForm(frame);
    expect(await formState(frame)).toMatchObject({ comments: "kept?", shareWithVendors: "yes" });
    expect(await draftCalls(demo.page)).toEqual([]);
  });

  it("an Outlook without Mailbox 1.6 cannot open a draft: the pane says so and the text can be copied", async () => {
    const frame = await openDemo(`eml=samples/${CASE1}&lang=en&mailbox=1.5`);
    await openReportForm(frame);
    await frame.click('[data-action="send-report"]');
    const outcome = await outcomeOf(frame);
    expect(outcome).toMatchObject({ state: "not-delivered", outcome: "not-delivered", role: "alert" });
    expect(outcome.text).toContain("Mailbox 1.6");
    expect(await draftCalls(demo.page)).toEqual([]);
    await frame.click('[data-action="copy-report"]');
    await frame.waitForFunction(() => (document.querySelector(".ctm-report__copied")?.textContent ?? "") !== "");
  });
});
