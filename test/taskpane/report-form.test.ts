// @vitest-environment jsdom
/**
 * The report form (src/taskpane/view/report-form.ts): labelled controls, radio groups in
 * fieldsets with legends, item 8 prefilled, item 9 "no" by default, the live preview, answers
 * kept, the outcome of sending announced — and mail content (hostile or not) only ever as text.
 */
import { describe, expect, it, vi } from "vitest";
import { defaultAnswers, type ReporterAnswers } from "../../src/core/report/index.js";
import type { Language } from "../../src/core/i18n.js";
import { mountView, renderReportForm, renderStatus, type ReportFormHooks, type ReportFormModel } from "../../src/taskpane/view/index.js";

const HOSTILE = '</textarea><script>alert(1)</script><img src=x onerror="alert(2)">';
const ENV = { operatingSystem: "Windows 11", clientVersion: "Outlook on the web (Exchange server 15.20.8158.20); Microsoft Edge 131.0" };

function model(overrides: Partial<ReportFormModel> = {}): ReportFormModel {
  return {
    answers: defaultAnswers(ENV),
    reportLang: "en",
    subject: HOSTILE,
    from: `${HOSTILE} <evil@attacker.example>`,
    address: "csirt@example.co.jp",
    intake: false,
    serverVersion: true,
    ...overrides,
  };
}

function hooks(overrides: Partial<ReportFormHooks> = {}): ReportFormHooks & { previews: [ReporterAnswers, Language][] } {
  const previews: [ReporterAnswers, Language][] = [];
  return {
    previews,
    preview: (answers, lang) => {
      previews.push([answers, lang]);
      return `(${lang}) share=${answers.shareWithVendors} sender=${answers.senderConfirmation} comments=${answers.comments} ${HOSTILE}`;
    },
    onSend: vi.fn(),
    onCancel: vi.fn(),
    previewDelayMs: 0,
    ...overrides,
  };
}

const ALLOWED = new Set(["A", "BUTTON", "CODE", "DD", "DIV", "DL", "DT", "FIELDSET", "H2", "H3", "INPUT", "LABEL", "LEGEND", "P", "SECTION", "SPAN", "TEXTAREA"]);

function render(m = model(), h = hooks(), lang: Language = "en") {
  const view = renderReportForm(document, lang, m, h);
  document.body.replaceChildren(view.element);
  return { view, root: view.element, h };
}

const input = (root: Element, key: string): HTMLInputElement | HTMLTextAreaElement => root.querySelector(`[data-answer="${key}"]:not([type="radio"])`)!;
const radio = (root: Element, key: string, value: string): HTMLInputElement => root.querySelector(`input[type="radio"][data-answer="${key}"][value="${value}"]`)!;

describe("the report form", () => {
  it("is inert: only the view's elements, no handlers in markup, mail content and preview as text", () => {
    const { root } = render();
    const problems = [root, ...root.querySelectorAll("*")].flatMap((e) => [
      ...(ALLOWED.has(e.tagName) ? [] : [`<${e.tagName}>`]),
      ...e.getAttributeNames().filter((n) => n.startsWith("on") || n === "style" || n === "src"),
    ]);
    expect(problems).toEqual([]);
    expect(root.querySelectorAll("script, img").length).toBe(0);
    expect(root.textContent).toContain(HOSTILE);
    expect((root.querySelector("[data-report-preview]") as HTMLTextAreaElement).value).toContain(HOSTILE);
    // No <form>: nothing the browser could submit.
    expect(root.querySelector("form")).toBeNull();
  });

  it("every control has a label; every choice is a radio in a fieldset with a legend; hints are tied to their control", () => {
    const { root } = render();
    const controls = Array.from(root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea"));
    expect(controls.length).toBeGreaterThan(15);
    for (const control of controls) {
      const labelled = (control.labels?.length ?? 0) > 0 || control.hasAttribute("aria-labelledby");
      expect(labelled, `${control.outerHTML.slice(0, 80)} has a label`).toBe(true);
      for (const id of (control.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean)) expect(document.getElementById(id)).not.toBeNull();
    }
    const radios = controls.filter((c): c is HTMLInputElement => c.type === "radio");
    const groups = new Map<string, HTMLInputElement[]>();
    for (const r of radios) groups.set(r.name, [...(groups.get(r.name) ?? []), r]);
    // Sender, detected, opened, clicked, share, report language.
    expect(groups.size).toBe(6);
    for (const [name, members] of groups) {
      const fieldset = members[0]!.closest("fieldset")!;
      expect(fieldset.querySelector(":scope > legend")?.textContent, name).toBeTruthy();
      expect(members.every((m) => m.closest("fieldset") === fieldset)).toBe(true);
      expect(members.filter((m) => m.checked)).toHaveLength(1);
    }
    for (const id of (root.querySelector('[data-question="senderConfirmation"]')!.getAttribute("aria-describedby") ?? "").split(" ")) {
      expect(document.getElementById(id)?.textContent).toContain("look");
    }
  });

  it("item 8 is prefilled (with the server-version note on the web) and item 9 starts at No", () => {
    const { root } = render();
    expect(input(root, "operatingSystem").value).toBe("Windows 11");
    expect(input(root, "clientVersion").value).toBe(ENV.clientVersion);
    expect(root.querySelector('[data-question="clientVersion"]')!.textContent).toContain("mail server's version");
    expect(radio(root, "shareWithVendors", "no").checked).toBe(true);
    expect(radio(root, "shareWithVendors", "yes").checked).toBe(false);
    expect(radio(root, "senderConfirmation", "not-yet").checked).toBe(true);
    // Not on the web: no note.
    const desktop = render(model({ serverVersion: false })).root;
    expect(desktop.querySelector('[data-question="clientVersion"]')!.textContent).not.toContain("mail server's version");
  });

  it("the preview follows every answer and the report language; changes are handed back for keeping", () => {
    const onChange = vi.fn();
    const h = hooks({ onChange });
    const { root } = render(model(), h);
    const preview = root.querySelector("[data-report-preview]") as HTMLTextAreaElement;
    expect(preview.readOnly).toBe(true);
    expect(preview.value.startsWith("(en) share=false sender=not-yet")).toBe(true);
    const yes = radio(root, "shareWithVendors", "yes");
    yes.checked = true;
    yes.dispatchEvent(new Event("change", { bubbles: true }));
    expect(preview.value).toContain("share=true");
    const comments = input(root, "comments");
    comments.value = "called them";
    comments.dispatchEvent(new Event("input", { bubbles: true }));
    expect(preview.value).toContain("comments=called them");
    const ja = radio(root, "reportLanguage", "ja");
    ja.checked = true;
    ja.dispatchEvent(new Event("change", { bubbles: true }));
    expect(preview.value.startsWith("(ja)")).toBe(true);
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ shareWithVendors: true, comments: "called them" }), "ja");
  });

  it("kept answers come back when the form is opened again", () => {
    const kept: ReporterAnswers = { ...defaultAnswers(ENV), senderConfirmation: "sender-denied", damage: "none so far", shareWithVendors: true, operatingSystem: "Windows 10" };
    const { root } = render(model({ answers: kept, reportLang: "ja" }));
    expect(radio(root, "senderConfirmation", "sender-denied").checked).toBe(true);
    expect(input(root, "damage").value).toBe("none so far");
    expect(input(root, "operatingSystem").value).toBe("Windows 10");
    expect(radio(root, "shareWithVendors", "yes").checked).toBe(true);
    expect(radio(root, "reportLanguage", "ja").checked).toBe(true);
  });

  it("Send hands over the answers and language; Cancel goes back", () => {
    const h = hooks();
    const { root } = render(model(), h);
    (root.querySelector('[data-action="send-report"]') as HTMLButtonElement).click();
    expect(h.onSend).toHaveBeenCalledWith(expect.objectContaining({ shareWithVendors: false, operatingSystem: "Windows 11" }), "en");
    (root.querySelector('[data-action="cancel-report"]') as HTMLButtonElement).click();
    expect(h.onCancel).toHaveBeenCalled();
  });

  it("announces the outcome: success politely, any failure as an alert, and moves the focus to it", () => {
    const { view, root } = render();
    view.setStatus({ kind: "sending" });
    expect((root.querySelector('[data-action="send-report"]') as HTMLButtonElement).disabled).toBe(true);
    expect(root.querySelector("[data-report-status]")!.textContent).toContain("Sending");

    view.setStatus({ kind: "done", outcome: { kind: "intake", reference: HOSTILE } });
    const polite = root.querySelector("[data-report-status]")!;
    expect(polite.getAttribute("role")).toBe("status");
    expect(polite.textContent).toContain(`Reference: ${HOSTILE}`);
    expect(polite.querySelector("script, img")).toBeNull();
    expect(document.activeElement?.getAttribute("data-outcome")).toBe("intake");
    // Reported: the Send button is gone (no second report by accident), Cancel reads "Back".
    expect((root.querySelector('[data-action="send-report"]') as HTMLButtonElement).hidden).toBe(true);
    expect(root.querySelector('[data-action="cancel-report"]')!.textContent).toBe("Back to the check result");

    const second = render().view;
    second.setStatus({ kind: "done", outcome: { kind: "draft", address: "csirt@example.co.jp", attached: true, jsonOmitted: false, text: "T", intakeFailure: { kind: "status", status: 502 } } });
    const alert = document.querySelector("[data-report-alert]")!;
    expect(alert.getAttribute("role")).toBe("alert");
    expect(alert.textContent).toContain("could not be delivered to the security desk's system (it answered HTTP 502)");
    expect(alert.textContent).toContain("A report mail to csirt@example.co.jp has been opened");
    expect((document.querySelector("[data-report-preview]") as HTMLTextAreaElement).value).toBe("T");

    const third = render().view;
    third.setStatus({ kind: "done", outcome: { kind: "not-delivered", reason: "no-draft-support", intakeFailure: { kind: "timeout", seconds: 10 } } });
    expect(document.querySelector("[data-report-alert]")!.textContent).toContain("no answer within 10 seconds");
    expect(document.querySelector("[data-report-alert]")!.textContent).toContain("Mailbox 1.6");
    // Not delivered: Send stays for another try.
    expect((document.querySelector('[data-action="send-report"]') as HTMLButtonElement).hidden).toBe(false);
  });

  it("no desk configured: says so, offers the text to copy, and no Send button", async () => {
    const onCopy = vi.fn(async () => false);
    const { root } = render(model({ address: undefined, intake: false }), hooks({ onCopy }));
    expect(root.querySelector("[data-no-desk]")!.textContent).toContain("No security desk address");
    expect((root.querySelector('[data-action="send-report"]') as HTMLButtonElement).hidden).toBe(true);
    (root.querySelector('[data-action="copy-report"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(root.querySelector(".ctm-report__copied")!.textContent).toContain("Select it and press Ctrl+C"));
    expect(onCopy).toHaveBeenCalledWith(expect.stringContaining("(en)"), expect.any(Function));
  });

  it("typing updates the preview after a pause (answers are kept at once); the outcome is never overwritten by a late update", () => {
    vi.useFakeTimers();
    try {
      const onChange = vi.fn();
      const { view, root } = render(model(), hooks({ onChange, previewDelayMs: 150 }));
      const preview = root.querySelector("[data-report-preview]") as HTMLTextAreaElement;
      const comments = input(root, "comments");
      comments.value = "typed";
      comments.dispatchEvent(new Event("input", { bubbles: true }));
      expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ comments: "typed" }), "en");
      expect(preview.value).not.toContain("comments=typed");
      vi.advanceTimersByTime(200);
      expect(preview.value).toContain("comments=typed");
      // Typing, then sending before the pause ends: the preview shows what was sent, and stays so.
      comments.value = "typed more";
      comments.dispatchEvent(new Event("input", { bubbles: true }));
      view.setStatus({ kind: "done", outcome: { kind: "draft", address: "csirt@example.co.jp", attached: true, jsonOmitted: false, text: "SENT" } });
      vi.advanceTimersByTime(500);
      expect(preview.value).toBe("SENT");
    } finally {
      vi.useRealTimers();
    }
  });

  it("in the pane (mountView keeps the pane's root and live region): the heading is announced, the outcome lands in the page", () => {
    const container = document.createElement("main");
    document.body.replaceChildren(container);
    mountView(container, renderStatus(document, { kind: "loading" }, "en"));
    const live = container.querySelector("[data-ctm-live]");
    const view = renderReportForm(document, "en", model(), hooks());
    mountView(container, view.element);
    expect(container.querySelector("[data-ctm-live]")).toBe(live);
    expect(live!.textContent).toBe("Report to the security desk");
    expect(container.firstElementChild!.getAttribute("data-view")).toBe("report");
    view.setStatus({ kind: "done", outcome: { kind: "intake", reference: "R-1" } });
    expect(container.querySelector<HTMLElement>("[data-report-form]")!.dataset.reportState).toBe("delivered");
    expect(container.querySelector("[data-report-status]")!.textContent).toContain("Reference: R-1");
  });

  it("speaks Japanese", () => {
    const { root } = render(model(), hooks(), "ja");
    expect(root.getAttribute("lang")).toBe("ja");
    expect(root.textContent).toContain("セキュリティ窓口に報告");
    expect(root.textContent).toContain("差出人に確認しましたか?");
    expect(root.textContent).toContain("メール サーバーのバージョン");
  });
});
