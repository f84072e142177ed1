/**
 * Delivering the report to the security desk — and never losing it silently.
 *
 * 1. When config.json names `securityDesk.intakeUrl`: one POST of the report as JSON (the nine
 *    items, the analysis, the headers and, where Outlook hands it over (Mailbox 1.14), the
 *    original message as base64 EML) with `fetch`, given up after 10 s. A 2xx is success; the
 *    desk's reference is shown when the JSON answer has one (`reference`, `id` or `ticket`).
 * 2. Otherwise, or when that POST fails, times out or is answered with anything but 2xx: a new
 *    mail to `securityDesk.address` with the report text, the same report as JSON, and the
 *    message itself attached; the person presses Send. After a failed POST the pane says so as
 *    well. The mail is the client's (a `DraftChannel`): in Outlook displayNewMessageForm
 *    (Mailbox 1.6) with the message attached as an item (`outlookDraftChannel` below); in
 *    Thunderbird compose.beginNew with the .eml attached (src/hosts/thunderbird/report-host.ts).
 * 3. No address, no way to open a mail, or a draft the client refuses: the pane says why, and
 *    the form's text can still be copied.
 *
 * The draft's htmlBody is built here from plain text, escaped (`escapeHtmlText`) wherever it
 * lands: nothing the mail's author wrote — nor anything the person typed — can become markup in
 * the desk's mail (test/outlook/report-delivery.test.ts parses it back to prove so).
 */
import type { Config } from "../core/config.js";
import type { Language } from "../core/i18n.js";
import { fillTemplate } from "../core/i18n.js";
import { REPORT_SCHEMA_VERSION, type Report } from "../core/report/index.js";
import { jsonBeginLine, jsonEndLine } from "../core/report/block.js";
import { linkInertJson } from "../core/report/inert-json.js";
import { describeError, type HostResult } from "../hosts/outlook/async-result.js";
import type { NewMessage } from "../hosts/outlook/new-message-form.js";
import { REPORT_MAIL } from "../ui/strings.js";
import type { DeliveryOutcome, IntakeFailure, IntakeResult } from "./delivery-outcome.js";

/** The intake POST is given up after this long (then the mail draft opens). */
export const INTAKE_TIMEOUT_MS = 10_000;
/**
 * displayNewMessageForm's htmlBody is limited to 32 KB (Office.MessageForm.htmlBody, "The body
 * content is limited to a maximum size of 32 KB"; "32 KB number of characters" in Outlook's
 * limits page). Kept below it, counted in UTF-16 code units as JavaScript strings are.
 */
export const HTML_BODY_MAX = 32_000;
/** Office.MessageForm.subject: at most 255 characters. */
export const SUBJECT_MAX = 255;
/** The item attachment's name in the draft (MessageFormAttachment.name: up to 255 characters). */
export const ATTACHMENT_NAME = "original message";
/**
 * The JSON between its marker lines, last in the mail body, for the desk's tools to find it in
 * any rendering: both markers name the report's random id, as the JSON does (src/core/report/block.ts;
 * the algorithm is in the README, "Finding the JSON in a report mail").
 */
export function jsonBlockText(report: Report, json: string): string {
  return `${jsonBeginLine(report.reportId)}\n${json}\n${jsonEndLine(report.reportId)}`;
}

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const SPECIAL = /[&<>"']/g;
const TEXT_SPECIAL = /[&<>]/g;

/**
 * Text → HTML: every `&`, `<`, `>`, `"` and `'` becomes an entity, so the result is text wherever
 * it lands (element content or a quoted attribute). One linear pass.
 */
export function escapeHtml(text: string): string {
  return text.replace(SPECIAL, (c) => ENTITIES[c]!);
}

/**
 * Text → HTML element content (the report's <pre> blocks): `&`, `<` and `>`, which is all the
 * HTML parser looks at in text (the spec's own serialisation escapes these in text nodes).
 * Quotes stay as they are — they mean nothing outside a tag, and the JSON is full of them
 * (escaping each to six characters would cost a third of Outlook's 32 KB).
 */
export function escapeHtmlText(text: string): string {
  return text.replace(TEXT_SPECIAL, (c) => ENTITIES[c]!);
}

/** Cuts `text` to at most `max` UTF-16 units without splitting a surrogate pair. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end);
}

const PRE = '<pre style="white-space:pre-wrap;word-wrap:break-word;font-family:Consolas,Menlo,\'MS Gothic\',monospace;font-size:10pt">';
// The HTML parser drops one newline right after <pre>: one is written there, so the text inside
// is exactly the text given, even when it starts with a blank line.
const textBlock = (escaped: string): string => `<div>${PRE}\n${escaped}</pre></div>`;

export interface DraftBody {
  readonly html: string;
  /** The report text as it is in the mail (the form's preview shows exactly this). */
  readonly text: string;
  /** The JSON in the mail: the whole report, or without its header block (see `jsonWithoutHeaders`). */
  readonly json?: string;
  /** The JSON went in without the raw header block (`headers: ""`, `headersTruncated: true`). */
  readonly jsonWithoutHeaders: boolean;
  /** The JSON did not fit and was left out (a line in the mail says so). */
  readonly jsonOmitted: boolean;
}

/** The least report text worth sending beside the JSON; below it the JSON gives way. */
const MIN_TEXT_WITH_JSON = 12_000;

/**
 * The report mail's body, within `max` (Outlook's 32 KB): the report text in a <pre>, then the
 * report as JSON between marker lines in another (written so that no client links the mail's
 * URLs in it: linkInertJson) — all of it escaped text. When that is too long:
 * the text's header block is cut first (reportText's own maxLength; the attached original has
 * the headers), the JSON loses its header block next, and last the JSON is left out with a line
 * saying how the desk makes it from the attached mail. The desk always gets all nine items.
 */
export function draftBody(report: Report, lang: Language, reportText: ReportTextFn, max = HTML_BODY_MAX): DraftBody {
  const heading = `<hr><p>${escapeHtmlText(fillTemplate(REPORT_MAIL.jsonHeading[lang], { version: REPORT_SCHEMA_VERSION }))}</p>`;
  const jsonBlock = (json: string): string => `${heading}${PRE}\n${escapeHtmlText(jsonBlockText(report, json))}</pre>`;
  const omitted = `<hr><p>${escapeHtmlText(REPORT_MAIL.jsonOmitted[lang])}</p>`;
  /** The report text whose escaped form fits in `budget` (escaping only grows it: shrink and retry). */
  const fitted = (budget: number): { text: string; escaped: string } => {
    let limit = budget;
    for (;;) {
      const text = reportText(report, lang, { maxLength: Math.max(0, limit) });
      const escaped = escapeHtmlText(text);
      if (escaped.length <= budget || limit <= 0) return { text, escaped };
      limit -= escaped.length - budget;
    }
  };
  const frame = textBlock("").length;

  const full = linkInertJson(report);
  const text = reportText(report, lang);
  const whole = textBlock(escapeHtmlText(text)) + jsonBlock(full);
  if (whole.length <= max) return { html: whole, text, json: full, jsonWithoutHeaders: false, jsonOmitted: false };

  for (const [json, withoutHeaders] of [
    [full, false],
    [linkInertJson(reportWithoutHeaders(report)), true],
  ] as const) {
    const block = jsonBlock(json);
    const budget = max - frame - block.length;
    if (budget < MIN_TEXT_WITH_JSON) continue;
    const t = fitted(budget);
    return { html: textBlock(t.escaped) + block, text: t.text, json, jsonWithoutHeaders: withoutHeaders, jsonOmitted: false };
  }
  const t = fitted(max - frame - omitted.length);
  return { html: textBlock(t.escaped) + omitted, text: t.text, jsonWithoutHeaders: false, jsonOmitted: true };
}

/**
 * The report mail's body as plain text, for a client whose draft takes text (Thunderbird's
 * plainTextBody, which has no 32 KB limit): the whole report text, then the same report as JSON
 * between the marker lines. Text only: nothing in it can become markup, and Thunderbird, which
 * links URLs and addresses in plain text, finds none in the JSON (linkInertJson).
 */
export function plainDraftBody(report: Report, lang: Language, reportText: ReportTextFn): { readonly text: string; readonly body: string } {
  const text = reportText(report, lang);
  const heading = fillTemplate(REPORT_MAIL.jsonHeading[lang], { version: REPORT_SCHEMA_VERSION });
  return { text, body: `${text}\n\n${heading}\n${jsonBlockText(report, linkInertJson(report))}\n` };
}

/** The report without its header block, `clipped` saying so (the JSON of a mail body that has no room for it). */
function reportWithoutHeaders(report: Report): Report {
  const before = report.clipped.find((c) => c.path === "/headers")?.chars ?? report.headers.length;
  const clipped = [...report.clipped.filter((c) => c.path !== "/headers"), { path: "/headers", chars: before, keptChars: 0 }];
  return { ...report, headers: "", headersTruncated: true, clipped };
}

/** reportText's shape (src/core/report/text.ts). */
export type ReportTextFn = (report: Report, lang: Language, options?: { readonly maxLength?: number }) => string;

/** The draft handed to displayNewMessageForm. */
export function draftMessage(options: {
  readonly address: string;
  readonly subject: string;
  readonly report: Report;
  readonly lang: Language;
  readonly reportText: ReportTextFn;
  readonly itemId?: string;
}): { readonly message: NewMessage; readonly body: DraftBody } {
  const body = draftBody(options.report, options.lang, options.reportText);
  return {
    message: {
      toRecipients: [options.address],
      subject: clip(options.subject.replace(/[\r\n]+/g, " "), SUBJECT_MAX),
      htmlBody: body.html,
      attachments: options.itemId ? [{ type: "item", itemId: options.itemId, name: ATTACHMENT_NAME }] : [],
    },
    body,
  };
}

// ---- the intake URL ------------------------------------------------------------------------

export type { IntakeFailure, IntakeResult, DeliveryOutcome } from "./delivery-outcome.js";

/** Keys of the intake's JSON answer that name the desk's reference, in order of preference. */
const REFERENCE_KEYS = ["reference", "id", "ticket"] as const;
const REFERENCE_MAX = 120;

/** The desk's reference from its JSON answer, as text (it is shown with textContent only). */
export function referenceOf(answer: unknown): string | undefined {
  if (typeof answer !== "object" || answer === null) return undefined;
  for (const key of REFERENCE_KEYS) {
    const value = (answer as Record<string, unknown>)[key];
    if (typeof value === "string" && value.trim() !== "") return clip(value.trim(), REFERENCE_MAX);
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
  }
  return undefined;
}

/**
 * POSTs the report to the intake URL. Never rejects. No cookies or credentials are sent (the
 * intake must accept a CORS POST from the pane's origin), no redirects are followed, and the
 * whole exchange — answer included — must finish within `timeoutMs`.
 */
export async function postReport(url: string, report: Report, options: { readonly fetcher?: typeof fetch; readonly timeoutMs?: number } = {}): Promise<IntakeResult> {
  const fetcher = options.fetcher ?? fetch;
  const timeoutMs = options.timeoutMs ?? INTAKE_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await fetcher(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(report),
      signal: controller.signal,
      credentials: "omit",
      cache: "no-store",
      redirect: "error",
      referrerPolicy: "no-referrer",
    });
    if (!response.ok) return { ok: false, failure: { kind: "status", status: response.status } };
    let reference: string | undefined;
    try {
      const type = response.headers.get("content-type") ?? "";
      if (type.toLowerCase().includes("json")) reference = referenceOf(await response.json());
    } catch {
      // a 2xx whose answer is not JSON is still a delivered report
    }
    return reference === undefined ? { ok: true, status: response.status } : { ok: true, status: response.status, reference };
  } catch (error) {
    if (timedOut) return { ok: false, failure: { kind: "timeout", seconds: Math.round(timeoutMs / 1000) } };
    return { ok: false, failure: { kind: "unreachable", detail: describeError(error) } };
  } finally {
    clearTimeout(timer);
  }
}

// ---- putting it together -------------------------------------------------------------------

/** What a draft is made of, whatever the client. */
export interface DraftInput {
  readonly address: string;
  readonly subject: string;
  /** The report without the base64 original (the draft attaches the message itself). */
  readonly report: Report;
  readonly lang: Language;
  readonly reportText: ReportTextFn;
}

/** A draft ready to open, and what the outcome says of it. */
export interface PreparedDraft<M> {
  readonly message: M;
  /** The same mail without the attached original, tried when the client refuses the first; absent when nothing is attached. */
  readonly withoutAttachment?: M;
  /** The report text as it is in the mail. */
  readonly text: string;
  readonly jsonOmitted: boolean;
}

/**
 * A mail client's way of opening the report mail for the person to check and send: the one
 * thing about delivery that differs between hosts (Outlook below; Thunderbird in
 * src/hosts/thunderbird/report-host.ts).
 */
export interface DraftChannel<M> {
  /** The client can open a new mail from the add-in (Outlook: Mailbox 1.6). */
  readonly available: boolean;
  /** The report text exactly as the draft will carry it (the form's preview). */
  text(report: Report, lang: Language, reportText: ReportTextFn): string;
  prepare(input: DraftInput): PreparedDraft<M>;
  open(message: M): HostResult<void> | Promise<HostResult<void>>;
}

/** Outlook's draft: displayNewMessageForm (Mailbox 1.6), the open item attached by its EWS id. */
export interface OutlookDraftDeps {
  /** Mailbox 1.6: displayNewMessageForm exists in this client. */
  readonly canDraft: boolean;
  readonly openDraft: (message: NewMessage) => HostResult<void>;
  /** The open message's EWS item id (src/hosts/outlook/item-id.ts). */
  readonly itemId?: string;
}

export function outlookDraftChannel(deps: OutlookDraftDeps): DraftChannel<NewMessage> {
  return {
    available: deps.canDraft,
    text: (report, lang, reportText) => draftBody(report, lang, reportText).text,
    prepare: (input) => {
      const { message, body } = draftMessage({ ...input, ...(deps.itemId ? { itemId: deps.itemId } : {}) });
      return {
        message,
        ...(message.attachments.length > 0 ? { withoutAttachment: { ...message, attachments: [] } } : {}),
        text: body.text,
        jsonOmitted: body.jsonOmitted,
      };
    },
    open: deps.openDraft,
  };
}

interface DeliveryCommon {
  readonly config?: Config;
  /** The report language (the form's choice). */
  readonly lang: Language;
  /** The report; `withOriginal` adds the EML (for the intake; the draft attaches the message instead). */
  readonly report: (withOriginal: boolean) => Report;
  readonly text: ReportTextFn;
  readonly subject: (report: Report, lang: Language, prefix?: string) => string;
  readonly fetcher?: typeof fetch;
  readonly timeoutMs?: number;
}

/** Delivery in Outlook (the draft's parts given one by one), or in any client through its DraftChannel. */
export type DeliveryDeps = DeliveryCommon & (OutlookDraftDeps | { readonly draft: DraftChannel<unknown> });

export async function deliverReport(deps: DeliveryDeps): Promise<DeliveryOutcome> {
  const desk = deps.config?.securityDesk;
  let intakeFailure: IntakeFailure | undefined;
  if (desk?.intakeUrl) {
    const result = await postReport(desk.intakeUrl, deps.report(true), { fetcher: deps.fetcher, timeoutMs: deps.timeoutMs });
    if (result.ok) return result.reference === undefined ? { kind: "intake" } : { kind: "intake", reference: result.reference };
    intakeFailure = result.failure;
  }
  const failed = (reason: "no-address" | "no-draft-support" | "draft-failed", detail?: string): DeliveryOutcome => ({
    kind: "not-delivered",
    reason,
    ...(detail === undefined ? {} : { detail }),
    ...(intakeFailure ? { intakeFailure } : {}),
  });
  const address = desk?.address;
  if (!address) return failed("no-address");
  const channel: DraftChannel<unknown> = "draft" in deps ? deps.draft : (outlookDraftChannel(deps) as DraftChannel<unknown>);
  if (!channel.available) return failed("no-draft-support");
  const report = deps.report(false);
  const draft = channel.prepare({ address, subject: deps.subject(report, deps.lang, desk.subjectPrefix), report, lang: deps.lang, reportText: deps.text });
  const outcome = (attached: boolean): DeliveryOutcome => ({
    kind: "draft",
    address,
    attached,
    jsonOmitted: draft.jsonOmitted,
    text: draft.text,
    ...(intakeFailure ? { intakeFailure } : {}),
  });
  const opened = await channel.open(draft.message);
  if (opened.ok) return outcome(draft.withoutAttachment !== undefined);
  // The client refused the mail: if an attachment was in it, try once without (the person is
  // told to attach the mail by hand) — a report without the attachment beats no report.
  if (draft.withoutAttachment !== undefined && (await channel.open(draft.withoutAttachment)).ok) return outcome(false);
  return failed("draft-failed", opened.detail);
}
