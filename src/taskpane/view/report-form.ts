/**
 * The report form: what only the person knows, asked in a few short questions (choices where
 * choices fit), with a live preview of exactly the text the security desk will receive.
 *
 * Accessibility: every control has a <label>; every group of choices is a <fieldset> with a
 * <legend> (native radio groups: arrow keys move, Tab leaves); hints are tied to their control
 * with aria-describedby; the form's heading is announced through the pane's live region (see
 * mountView) and takes focus when the form opens; the outcome of sending is announced (a
 * polite region for success, an alert for any failure) and takes focus, so keyboard and
 * screen-reader users land on it. Everything works without a pointer.
 *
 * Like the rest of the view: DOM from h() only, text as text (mail content, the preview and the
 * desk's reference included), no <form> (nothing is submitted by the browser), no Office.js and
 * no network — the pane passes the preview function and the callbacks in.
 */
import type { Language, Localized } from "../../core/i18n.js";
import type { ReporterAnswers, SenderConfirmation, YesNoUnknown } from "../../core/report/index.js";
import { REPORT_FORM as T } from "../../ui/strings.js";
import type { DeliveryOutcome, IntakeFailure } from "../delivery-outcome.js";
import { createContext, type ViewContext } from "./context.js";
import type { Child } from "./h.js";
import { mailText } from "./text.js";

/** What the form shows besides the answers. */
export interface ReportFormModel {
  /** The answers to start from: the defaults, or what the person entered before going back. */
  readonly answers: ReporterAnswers;
  /** The language of the report itself (the form speaks the pane's language). */
  readonly reportLang: Language;
  /** The mail being reported (shown as text). */
  readonly subject?: string;
  readonly from?: string;
  /** Where it goes: the desk's address, and whether an intake URL takes it first. */
  readonly address?: string;
  readonly intake: boolean;
  /** Outlook gave the mail server's version as the client version (on the web, new Outlook). */
  readonly serverVersion: boolean;
}

export interface ReportFormHooks {
  /** The exact text the desk will receive for these answers, in `lang`. */
  readonly preview: (answers: ReporterAnswers, lang: Language) => string;
  /** Every change, so the pane keeps the answers when the person goes back. */
  readonly onChange?: (answers: ReporterAnswers, lang: Language) => void;
  readonly onSend: (answers: ReporterAnswers, lang: Language) => void;
  readonly onCancel: () => void;
  /** Copies the text; `select` selects it in the preview (for a manual copy or execCommand). */
  readonly onCopy?: (text: string, select: () => void) => Promise<boolean>;
  /**
   * Typing updates the preview after this pause (building the report for a big mail takes a few
   * milliseconds; choices update it at once). 0: at once. Default PREVIEW_DELAY_MS.
   */
  readonly previewDelayMs?: number;
}

export const PREVIEW_DELAY_MS = 150;

export type ReportFormStatus = { readonly kind: "sending" } | { readonly kind: "done"; readonly outcome: DeliveryOutcome; readonly text?: string };

export interface ReportFormView {
  readonly element: HTMLElement;
  /** Shows sending progress or the outcome (announced, focused). The preview becomes the text actually sent (`text`, or the draft's). */
  setStatus(status: ReportFormStatus): void;
  /** The answers as they stand. */
  answers(): ReporterAnswers;
  /** Puts the keyboard focus on the form's heading (call once the form is in the page). */
  focus(): void;
}

type Choice<V> = readonly [V, Localized];

const YES_NO_UNKNOWN: readonly Choice<YesNoUnknown>[] = [
  ["yes", T.yes],
  ["no", T.no],
  ["unknown", T.unknown],
];

const SENDER: readonly Choice<SenderConfirmation>[] = [
  ["not-yet", T.senderNotYet],
  ["sender-denied", T.senderDenied],
  ["sender-confirmed", T.senderConfirmed],
];

const LANGUAGES: readonly Choice<Language>[] = [
  ["ja", { ja: "日本語", en: "日本語 (Japanese)" }],
  ["en", { ja: "English (英語)", en: "English" }],
];

type TextKey = "antivirusProduct" | "antivirusDetectionName" | "whatHappened" | "damage" | "colleaguesReceived" | "operatingSystem" | "clientVersion" | "comments";

export function failureText(ctx: Pick<ViewContext, "t">, failure: IntakeFailure): string {
  switch (failure.kind) {
    case "timeout":
      return ctx.t(T.timeout, { s: failure.seconds });
    case "unreachable":
      return ctx.t(T.unreachable);
    case "status":
      return ctx.t(T.httpStatus, { status: failure.status });
  }
}

export function renderReportForm(doc: Document, lang: Language, model: ReportFormModel, hooks: ReportFormHooks): ReportFormView {
  const ctx = createContext(doc, lang);
  const { h } = ctx;
  const answers: ReporterAnswers = { ...model.answers };
  let reportLang: Language = model.reportLang;

  const preview = h("textarea", {
    class: "ctm-report__preview",
    id: ctx.id("preview"),
    readonly: true,
    rows: 14,
    spellcheck: "false",
    "data-report-preview": "",
    "aria-describedby": ctx.id("preview-note"),
  });
  const delay = hooks.previewDelayMs ?? PREVIEW_DELAY_MS;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const cancelPending = (): void => {
    if (pending !== undefined) clearTimeout(pending);
    pending = undefined;
  };
  const updatePreview = (): void => {
    cancelPending();
    preview.textContent = hooks.preview(answers, reportLang);
  };
  /** An answer changed: keep it at once; the preview now (a choice) or after a pause (typing). */
  const refresh = (soon = false): void => {
    hooks.onChange?.({ ...answers }, reportLang);
    if (!soon || delay <= 0) return updatePreview();
    cancelPending();
    pending = setTimeout(updatePreview, delay);
  };

  // ---- controls ------------------------------------------------------------------------------

  const hint = (id: string, text: Localized | string): HTMLElement => h("p", { class: "ctm-field__hint", id }, typeof text === "string" ? text : ctx.t(text));

  /** A radio group; short answers (yes / no / don't know) sit on one line, sentences stack. */
  function choices<V extends string>(name: string, legend: Localized, options: readonly Choice<V>[], value: V, pick: (v: V) => void, help?: Localized, inline = false): HTMLElement {
    const groupName = ctx.id(`q-${name}`);
    const hintId = help ? ctx.id(`hint-${name}`) : undefined;
    const inputs = options.map(([v, label]) => {
      const input = h("input", { type: "radio", name: groupName, value: v, checked: v === value, class: "ctm-choice__input", "data-answer": name });
      input.addEventListener("change", () => {
        if (input.checked) {
          pick(v);
          refresh();
        }
      });
      return h("label", { class: "ctm-choice" }, input, h("span", { class: "ctm-choice__label" }, ctx.t(label)));
    });
    return h(
      "fieldset",
      { class: "ctm-field ctm-field--choices", "data-question": name, "aria-describedby": hintId },
      h("legend", { class: "ctm-field__legend" }, ctx.t(legend)),
      hintId && help && hint(hintId, help),
      h("div", { class: inline ? "ctm-choices ctm-choices--inline" : "ctm-choices" }, inputs),
    );
  }

  function textField(key: TextKey, label: Localized, options: { multiline?: boolean; rows?: number; help?: Localized | string; extra?: Localized } = {}): HTMLElement {
    const id = ctx.id(`f-${key}`);
    const hintIds = [options.help && ctx.id(`hint-${key}`), options.extra && ctx.id(`extra-${key}`)].filter((x): x is string => typeof x === "string");
    const common = { id, class: options.multiline ? "ctm-input ctm-input--multiline" : "ctm-input", "data-answer": key, "aria-describedby": hintIds.join(" ") || undefined };
    const control = options.multiline
      ? h("textarea", { ...common, rows: options.rows ?? 3 }, answers[key])
      : h("input", { ...common, type: "text", value: answers[key], autocomplete: "off" });
    control.addEventListener("input", () => {
      answers[key] = control.value;
      refresh(true);
    });
    return h(
      "div",
      { class: "ctm-field", "data-question": key },
      h("label", { class: "ctm-field__label", for: id }, ctx.t(label)),
      options.help && hint(hintIds[0]!, options.help),
      options.extra && h("p", { class: "ctm-field__hint ctm-field__hint--note", id: hintIds[hintIds.length - 1]! }, ctx.t(options.extra)),
      control,
    );
  }

  const section = (name: string, legend: Localized, ...children: Child[]): HTMLElement =>
    h("fieldset", { class: "ctm-report__group", "data-group": name }, h("legend", { class: "ctm-report__legend" }, ctx.t(legend)), children);

  // ---- outcome and buttons -----------------------------------------------------------------

  const politeRegion = h("div", { class: "ctm-report__outcome", role: "status", "aria-live": "polite", "data-report-status": "" });
  const alertRegion = h("div", { class: "ctm-report__outcome ctm-report__outcome--alert", role: "alert", "data-report-alert": "" });
  const sendButton = h("button", { type: "button", class: "ctm-button ctm-button--primary", "data-action": "send-report" }, ctx.t(T.send));
  const cancelButton = h("button", { type: "button", class: "ctm-button", "data-action": "cancel-report" }, ctx.t(T.cancel));
  const copyButton = h("button", { type: "button", class: "ctm-button", "data-action": "copy-report" }, ctx.t(T.copy));
  const copyStatus = h("p", { class: "ctm-report__copied", role: "status", "aria-live": "polite" });
  const canDeliver = model.address !== undefined || model.intake;
  if (!canDeliver) sendButton.hidden = true;

  sendButton.addEventListener("click", () => hooks.onSend({ ...answers }, reportLang));
  cancelButton.addEventListener("click", () => hooks.onCancel());
  copyButton.addEventListener("click", () => {
    if (pending !== undefined) updatePreview();
    const text = preview.value;
    const select = (): void => {
      preview.focus();
      preview.select();
    };
    const copied = hooks.onCopy ? hooks.onCopy(text, select) : Promise.resolve(false);
    void copied.then((ok) => {
      if (!ok) select();
      copyStatus.textContent = ctx.t(ok ? T.copied : T.copyFailed);
    });
  });

  const outcomeBlock = (kind: string, heading: Localized, ...lines: (string | false | undefined)[]): HTMLElement =>
    h(
      "div",
      { class: `ctm-report__result ctm-report__result--${kind}`, "data-outcome": kind, tabindex: "-1" },
      h("h3", { class: "ctm-report__result-heading" }, ctx.t(heading)),
      lines.filter((l): l is string => typeof l === "string").map((l) => h("p", null, mailText(ctx, l))),
    );

  function showOutcome(outcome: DeliveryOutcome): HTMLElement {
    politeRegion.replaceChildren();
    alertRegion.replaceChildren();
    switch (outcome.kind) {
      case "intake": {
        const block = outcomeBlock("intake", T.sentHeading, ctx.t(T.sentIntake), outcome.reference !== undefined && ctx.t(T.reference, { reference: outcome.reference }));
        if (outcome.reference !== undefined) block.dataset.reference = outcome.reference;
        politeRegion.append(block);
        return block;
      }
      case "draft": {
        const lines = [
          outcome.intakeFailure && ctx.t(T.intakeFailed, { detail: failureText(ctx, outcome.intakeFailure) }),
          ctx.t(T.draftOpened, { address: outcome.address }),
          ctx.t(outcome.attached ? T.draftAttached : T.draftNotAttached),
          outcome.jsonOmitted && ctx.t(T.jsonOmitted),
        ];
        const block = outcomeBlock(outcome.intakeFailure || !outcome.attached ? "draft-fallback" : "draft", T.draftHeading, ...lines);
        if (outcome.intakeFailure) block.dataset.intakeFailed = outcome.intakeFailure.kind;
        (outcome.intakeFailure || !outcome.attached ? alertRegion : politeRegion).append(block);
        return block;
      }
      case "not-delivered": {
        const reason =
          outcome.reason === "no-address"
            ? ctx.t(T.noAddress)
            : outcome.reason === "no-draft-support"
              ? ctx.t(T.noDraftSupport)
              : ctx.t(T.draftFailed, { detail: outcome.detail ?? "" });
        const block = outcomeBlock(
          "not-delivered",
          T.failedHeading,
          outcome.intakeFailure && ctx.t(T.intakeFailedNoDraft, { detail: failureText(ctx, outcome.intakeFailure) }),
          reason,
        );
        block.dataset.reason = outcome.reason;
        if (outcome.intakeFailure) block.dataset.intakeFailed = outcome.intakeFailure.kind;
        alertRegion.append(block);
        return block;
      }
    }
  }

  // ---- the form ------------------------------------------------------------------------------

  const headingId = ctx.id("report-heading");
  const heading = h("h2", { class: "ctm-report__heading", id: headingId, tabindex: "-1" }, ctx.t(T.heading));
  const deskLine = canDeliver
    ? h(
        "dl",
        { class: "ctm-facts ctm-report__facts" },
        model.address !== undefined && h("div", { class: "ctm-facts__item" }, h("dt", null, ctx.t(T.to)), h("dd", { "data-desk-address": "" }, mailText(ctx, model.address))),
        h(
          "div",
          { class: "ctm-facts__item" },
          h("dt", null, ctx.t(T.mailReported)),
          h("dd", null, model.subject ? mailText(ctx, model.subject) : "—", model.from && h("span", { class: "ctm-note ctm-report__from" }, mailText(ctx, model.from))),
        ),
      )
    : h("p", { class: "ctm-report__warning", "data-no-desk": "" }, ctx.t(T.noDesk));

  const group = h(
    "div",
    { class: "ctm-report__fields" },
    choices("senderConfirmation", T.senderLegend, SENDER, answers.senderConfirmation, (v) => (answers.senderConfirmation = v), T.senderHint),
    section(
      "antivirus",
      T.antivirusLegend,
      textField("antivirusProduct", T.antivirusProduct, { help: T.antivirusProductHint }),
      choices("antivirusDetected", T.antivirusDetected, YES_NO_UNKNOWN, answers.antivirusDetected, (v) => (answers.antivirusDetected = v), undefined, true),
      textField("antivirusDetectionName", T.antivirusName),
    ),
    section(
      "actions",
      T.actionsLegend,
      choices("openedAttachment", T.openedAttachment, YES_NO_UNKNOWN, answers.openedAttachment, (v) => (answers.openedAttachment = v), undefined, true),
      choices("clickedLink", T.clickedLink, YES_NO_UNKNOWN, answers.clickedLink, (v) => (answers.clickedLink = v), undefined, true),
      textField("whatHappened", T.whatHappened, { multiline: true, help: T.whatHappenedHint }),
    ),
    textField("damage", T.damage, { multiline: true, help: T.damageHint }),
    textField("colleaguesReceived", T.colleagues, { help: T.colleaguesHint }),
    section(
      "pc",
      T.pcLegend,
      textField("operatingSystem", T.operatingSystem, { help: T.prefilled }),
      // Two lines: "Outlook on the web (Exchange server …); Microsoft Edge …" is long.
      textField("clientVersion", T.clientVersion, { multiline: true, rows: 2, help: T.prefilled, ...(model.serverVersion ? { extra: T.serverVersion } : {}) }),
    ),
    choices(
      "shareWithVendors",
      T.shareLegend,
      [
        ["no", T.shareNo],
        ["yes", T.shareYes],
      ] as const,
      answers.shareWithVendors ? "yes" : "no",
      (v) => (answers.shareWithVendors = v === "yes"),
      T.shareHint,
    ),
    textField("comments", T.comments, { multiline: true }),
    choices("reportLanguage", T.languageLegend, LANGUAGES, reportLang, (v) => (reportLang = v), undefined, true),
  );

  const previewHeadingId = ctx.id("preview-heading");
  // The form's state lives on its body, not on the root: mountView keeps the pane's root element
  // (and its live region) and moves the new view's children into it.
  const body = h(
    "div",
    { class: "ctm-report__body", "data-report-form": "", "data-report-state": "editing" },
    h("p", { class: "ctm-report__intro" }, ctx.t(T.intro)),
    deskLine,
    model.intake && canDeliver && h("p", { class: "ctm-note" }, ctx.t(T.intakeNote)),
    group,
    h(
      "section",
      { class: "ctm-report__preview-section", "aria-labelledby": previewHeadingId },
      h("h3", { class: "ctm-report__subheading", id: previewHeadingId }, ctx.t(T.previewHeading)),
      h("p", { class: "ctm-note", id: ctx.id("preview-note") }, ctx.t(T.previewNote)),
      h("label", { class: "ctm-visually-hidden", for: ctx.id("preview") }, ctx.t(T.previewLabel)),
      preview,
    ),
    politeRegion,
    alertRegion,
    h("div", { class: "ctm-report__actions" }, sendButton, h("div", { class: "ctm-report__secondary" }, cancelButton, copyButton), copyStatus),
  );
  const element = h(
    "div",
    { class: "ctm ctm-report", lang, "data-view": "report" },
    h("div", { class: "ctm-live", role: "status", "aria-live": "polite", "aria-atomic": "true", "data-ctm-live": "" }, heading),
    body,
  );
  preview.textContent = hooks.preview(answers, reportLang);

  return {
    element,
    answers: () => ({ ...answers }),
    focus: () => heading.focus(),
    setStatus(status) {
      // The preview becomes what was sent: no late update may overwrite it.
      cancelPending();
      if (status.kind === "sending") {
        sendButton.disabled = true;
        sendButton.setAttribute("aria-busy", "true");
        alertRegion.replaceChildren();
        politeRegion.replaceChildren(h("p", { "data-outcome": "sending" }, ctx.t(T.sending)));
        body.dataset.reportState = "sending";
        return;
      }
      sendButton.disabled = false;
      sendButton.removeAttribute("aria-busy");
      const sent = status.text ?? (status.outcome.kind === "draft" ? status.outcome.text : undefined);
      if (sent !== undefined) preview.textContent = sent;
      const block = showOutcome(status.outcome);
      const delivered = status.outcome.kind !== "not-delivered";
      body.dataset.reportState = delivered ? "delivered" : "not-delivered";
      if (delivered) {
        // Reported: no second report by accident; the way out is back to the result.
        sendButton.hidden = true;
        cancelButton.textContent = ctx.t(T.back);
      }
      block.focus();
    },
  };
}
