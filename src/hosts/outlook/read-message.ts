import type { Diagnostic } from "../../core/diagnostics.js";
import { headerValues } from "../../core/headers/block.js";
import { DEFAULT_LIMITS } from "../../core/options.js";
import { NO_HEADER_FIELDS, type AttachmentSnapshot, type MessageSnapshot } from "../../core/snapshot.js";
import { snapshotFromEml } from "../eml/snapshot.js";
import type { HostResult } from "./async-result.js";
import { attachmentDetails } from "./attachment-details.js";
import { base64ToBytes } from "./base64.js";
import { failed, unsupported, WHAT } from "./diagnostics.js";
import { getAllInternetHeaders } from "./get-all-internet-headers.js";
import { getAsFile } from "./get-as-file.js";
import { getAttachmentContent } from "./get-attachment-content.js";
import { getBody } from "./get-body.js";
import { itemProperties } from "./item-properties.js";
import { MAILBOX, mailboxSupport, type MailboxSupport } from "./requirements.js";

/**
 * The open Outlook message → MessageSnapshot.
 *
 * 1. Where the client supports it (Mailbox 1.14), the whole message as EML: exactly the path of
 *    the command line (snapshotFromEml), so the pane and the CSIRT's tools agree to the byte.
 * 2. Otherwise the parts: the internet headers (1.8), the HTML and text bodies (1.3), the
 *    attachments' names (1.1) and contents (1.8). The header block is read by the same .eml code
 *    (addresses, RFC 2047, Received, Authentication-Results); what a part could not give is
 *    marked in `available` and explained in a diagnostic.
 *
 * Never rejects: every failed or missing call becomes a diagnostic.
 */

export type SnapshotSource = "eml" | "parts";

export interface ReadMessage {
  readonly snapshot: MessageSnapshot;
  readonly source: SnapshotSource;
  /**
   * The message exactly as getAsFileAsync handed it over (source "eml" only): the report's
   * original for the security desk's intake, byte for byte.
   */
  readonly eml?: Uint8Array;
}

export interface ReadOptions {
  readonly support?: MailboxSupport;
  readonly maxInputBytes?: number;
  readonly maxAttachments?: number;
}

export async function readMessage(item: Office.MessageRead, options: ReadOptions = {}): Promise<ReadMessage> {
  const support = options.support ?? mailboxSupport;
  const maxInputBytes = options.maxInputBytes ?? DEFAULT_LIMITS.maxInputBytes;
  const diagnostics: Diagnostic[] = [];
  if (support(MAILBOX.eml)) {
    let start = performance.now();
    const eml = await getAsFile(item);
    measure("office", start);
    if (eml.ok && eml.value !== "") {
      start = performance.now();
      const bytes = base64ToBytes(eml.value);
      const snapshot = await snapshotFromEml(bytes, { maxInputBytes });
      measure("parse", start);
      return { snapshot: { ...snapshot, host: "outlook" }, source: "eml", eml: bytes };
    }
    diagnostics.push(failed(WHAT.eml, eml.ok ? "empty result" : eml.detail, "info"));
  } else {
    diagnostics.push(unsupported(WHAT.eml, MAILBOX.eml));
  }
  return { snapshot: await fromParts(item, support, diagnostics, options.maxAttachments ?? DEFAULT_LIMITS.maxAttachments), source: "parts" };
}

/** A User Timing measure ("ctm:office", "ctm:parse") for the benchmark; never fails the read. */
function measure(name: string, start: number): void {
  try {
    performance.measure(`ctm:${name}`, { start, end: performance.now() });
  } catch {
    // User Timing is optional
  }
}

/** Top-level Content-Type text/plain: the mail has no HTML body (Outlook would still wrap the text in HTML). */
function isPlainText(contentType: string | undefined): boolean {
  return contentType !== undefined && contentType.trim().toLowerCase().startsWith("text/plain");
}

async function fromParts(item: Office.MessageRead, support: MailboxSupport, diagnostics: Diagnostic[], maxAttachments: number): Promise<MessageSnapshot> {
  const canHeaders = support(MAILBOX.headers);
  const canBody = support(MAILBOX.body);
  const canContent = support(MAILBOX.attachmentContent);
  const unavailable = <T>(): Promise<HostResult<T> | undefined> => Promise.resolve(undefined);

  // Independent calls, in parallel: the pane waits for the slowest, not for their sum.
  const [headers, html, text, contents] = await Promise.all([
    canHeaders ? getAllInternetHeaders(item) : unavailable<string>(),
    canBody ? getBody(item, "html") : unavailable<string>(),
    canBody ? getBody(item, "text") : unavailable<string>(),
    readAttachments(item, canContent, maxAttachments),
  ]);

  if (!canHeaders) diagnostics.push(unsupported(WHAT.headers, MAILBOX.headers));
  else if (headers && !headers.ok) diagnostics.push(failed(WHAT.headers, headers.detail));
  else if (headers?.ok && headers.value.trim() === "") diagnostics.push(failed(WHAT.headers, "empty result"));
  const headerText = headers?.ok && headers.value.trim() !== "" ? headers.value : undefined;

  if (!canBody) diagnostics.push(unsupported(WHAT.htmlBody, MAILBOX.body));
  if (html && !html.ok) diagnostics.push(failed(WHAT.htmlBody, html.detail));
  if (text && !text.ok) diagnostics.push(failed(WHAT.textBody, text.detail));
  if (!canContent && contents.attachments.length > 0) diagnostics.push(unsupported(WHAT.attachments, MAILBOX.attachmentContent));
  diagnostics.push(...contents.diagnostics);

  // The header block read by the .eml code: the same addresses, decoding and routing lists.
  const base = headerText === undefined ? fromItemProperties(item) : await snapshotFromEml(`${headerText.trimEnd()}\r\n\r\n`);
  const plain = headerText !== undefined && isPlainText(headerValues(base.headers, "content-type")[0]);
  const htmlValue = html?.ok && !plain ? html.value : undefined;
  const textValue = text?.ok ? text.value : undefined;
  return {
    ...base,
    host: "outlook",
    available: {
      headers: headerText !== undefined,
      body: htmlValue !== undefined || textValue !== undefined,
      attachmentContent: contents.attachments.length === 0 || contents.attachments.some((a) => a.bytes !== undefined),
    },
    html: htmlValue,
    text: textValue,
    attachments: contents.attachments,
    diagnostics: [...(base.diagnostics ?? []), ...diagnostics],
  };
}

/** Without headers: what every client gives as item properties (no Received, no authentication results). */
function fromItemProperties(item: Office.MessageRead): MessageSnapshot {
  const props = itemProperties(item);
  return {
    host: "outlook",
    available: { headers: false, body: true, attachmentContent: true },
    ...NO_HEADER_FIELDS,
    from: props.from,
    fromAll: props.from ? [props.from] : [],
    replyTo: [],
    to: props.to,
    cc: props.cc,
    subject: props.subject,
    messageId: props.messageId,
    attachments: [],
  };
}

async function readAttachments(
  item: Office.MessageRead,
  canContent: boolean,
  max: number,
): Promise<{ attachments: AttachmentSnapshot[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const details = attachmentDetails(item).slice(0, max);
  const attachments = await Promise.all(
    details.map(async (d): Promise<AttachmentSnapshot> => {
      const described: AttachmentSnapshot = {
        name: d.name ?? null,
        declaredType: (d.contentType ?? "").split(";")[0]!.trim().toLowerCase(),
        size: d.size ?? 0,
        inline: d.isInline === true,
      };
      if (!canContent) return described;
      const content = await getAttachmentContent(item, d.id);
      if (!content.ok) {
        diagnostics.push(failed(WHAT.attachment(d.name ?? ""), content.detail));
        return described;
      }
      const bytes = contentBytes(content.value);
      if (bytes === undefined) {
        // A cloud attachment (a link to OneDrive/SharePoint): there are no bytes to inspect.
        diagnostics.push(failed(WHAT.attachment(d.name ?? ""), `format ${String(content.value.format)}`, "info"));
        return described;
      }
      return { ...described, size: bytes.byteLength, bytes };
    }),
  );
  return { attachments, diagnostics };
}

/** Content by format (Office.MailboxEnums.AttachmentContentFormat): base64, eml, iCalendar, url. */
function contentBytes(content: Office.AttachmentContent): Uint8Array | undefined {
  const format = String(content.format);
  if (format === "base64") return base64ToBytes(content.content);
  if (format === "eml" || format === "iCalendar") return new TextEncoder().encode(content.content);
  return undefined;
}
