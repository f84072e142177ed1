import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/analysis.js";
import { clearNotification } from "../../src/hosts/outlook/clear-notification.js";
import { NOTIFICATION_MAX_CHARS, notificationText } from "../../src/hosts/outlook/notification-text.js";
import { NOTIFICATION_ICON, NOTIFICATION_KEY, showNotification } from "../../src/hosts/outlook/notify.js";
import { openSample, standIn } from "./helpers.js";

const finding = (severity: Finding["severity"]): Finding => ({
  id: "X",
  severity,
  group: "links",
  title: { ja: "", en: "" },
  explanation: { ja: "", en: "" },
  evidence: [],
});

describe("the line in the message's notification bar", () => {
  it("is there for danger and caution, in both languages, within Office's 150 characters", () => {
    for (const lang of ["ja", "en"] as const) {
      for (const verdict of ["danger", "caution"] as const) {
        const text = notificationText({ verdict, findings: Array.from({ length: 999 }, () => finding("high")) }, lang);
        expect(text).toBeDefined();
        expect(text!.length).toBeLessThanOrEqual(NOTIFICATION_MAX_CHARS);
        expect(text).toContain("999");
      }
    }
    expect(notificationText({ verdict: "caution", findings: [finding("medium"), finding("low")] }, "en")).toBe(
      "Check This Mail: 1 suspicious points. Check the task pane before opening links or attachments.",
    );
  });

  it("says a mail that could not be fully checked was not, in both languages", () => {
    expect(notificationText({ verdict: "incomplete", findings: [] }, "en")).toContain("could not be fully checked");
    expect(notificationText({ verdict: "incomplete", findings: [] }, "ja")).toContain("すべては確認できませんでした");
  });

  it("is absent for a mail with no indicators", () => {
    expect(notificationText({ verdict: "clean", findings: [finding("low")] }, "ja")).toBeUndefined();
  });

  it("is replaced on re-check, never added twice (fixed key), and removed when clean", async () => {
    const office = standIn();
    const item = await openSample(office, "case1-government-sender-from-abroad.eml");
    expect(await showNotification(item, "first")).toEqual({ ok: true, value: undefined });
    expect(await showNotification(item, "second")).toEqual({ ok: true, value: undefined });
    const lines = office.notifications.get("case1-government-sender-from-abroad.eml");
    expect([...(lines?.entries() ?? [])]).toEqual([[NOTIFICATION_KEY, { type: "informationalMessage", message: "second", icon: NOTIFICATION_ICON, persistent: false }]]);
    expect(await clearNotification(item)).toEqual({ ok: true, value: undefined });
    expect(lines?.size).toBe(0);
  });

  it("follows Office's rules (the stand-in enforces them): a message over 150 characters fails", async () => {
    const office = standIn();
    const item = await openSample(office, "case1-government-sender-from-abroad.eml");
    const result = await showNotification(item, "x".repeat(151));
    expect(result.ok).toBe(false);
    expect(office.calls.at(-1)).toMatchObject({ kind: "notificationMessages.replaceAsync", ok: false });
  });
});
