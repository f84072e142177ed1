/**
 * The message shown in Thunderbird → MessageSnapshot.
 *
 * 1. `messages.getRaw` (./get-raw.ts): the message's source, byte for byte — then exactly the
 *    command line's path (snapshotFromEml), so the popup and the CSIRT's tools agree. The bytes
 *    are kept as the report's original (attached to the draft as .eml, posted to the intake).
 * 2. When the source cannot be had (an IMAP message not kept offline while offline, a POP3
 *    message of which only the headers were downloaded): what the MessageHeader says (From,
 *    To, Cc, subject, Message-ID) and the attachments through `messages.listAttachments` and
 *    `messages.getAttachmentFile`. No headers and no body: the analysis says which checks that
 *    skipped, and a diagnostic says why.
 *
 * Never rejects: every failed call becomes a diagnostic.
 */
import { addressParser } from "postal-mime";
import type { Address } from "postal-mime";
import type { Diagnostic } from "../../core/diagnostics.js";
import { DEFAULT_LIMITS } from "../../core/options.js";
import { NO_HEADER_FIELDS, type AttachmentSnapshot, type MailAddress, type MessageSnapshot } from "../../core/snapshot.js";
import { snapshotFromEml } from "../eml/snapshot.js";
import type { ReadMessage } from "../outlook/read-message.js";
import { failed, WHAT } from "./diagnostics.js";
import { getAttachmentFile } from "./get-attachment-file.js";
import { getRaw } from "./get-raw.js";
import { listAttachments } from "./list-attachments.js";

export type { ReadMessage } from "../outlook/read-message.js";

export const SNAPSHOT_HOST = "thunderbird";

export interface ReadOptions {
  readonly maxInputBytes?: number;
  readonly maxAttachments?: number;
}

export async function readMessage(header: messenger.messages.MessageHeader, options: ReadOptions = {}): Promise<ReadMessage> {
  const maxInputBytes = options.maxInputBytes ?? DEFAULT_LIMITS.maxInputBytes;
  const raw = await getRaw(header.id);
  if (raw.ok && raw.value.byteLength > 0) {
    const snapshot = await snapshotFromEml(raw.value, { maxInputBytes });
    return { snapshot: { ...snapshot, host: SNAPSHOT_HOST }, source: "eml", eml: raw.value };
  }
  const diagnostics: Diagnostic[] = [failed(WHAT.eml, raw.ok ? "empty result" : raw.detail)];
  return { snapshot: await fromParts(header, diagnostics, options.maxAttachments ?? DEFAULT_LIMITS.maxAttachments), source: "parts" };
}

/** A MailBoxHeaderString is one mailbox as Thunderbird shows it ("Name <a@b>"); more than this is not a mailbox. */
const MAX_MAILBOX_CHARS = 2_000;
const MAX_RECIPIENTS = 1_000;

function mailbox(text: unknown): MailAddress | undefined {
  if (typeof text !== "string" || text.trim() === "") return undefined;
  const parsed = addressParser(text.slice(0, MAX_MAILBOX_CHARS)) as Address[];
  const first = parsed[0];
  const one = first?.group ? first.group[0] : first;
  if (!one) return undefined;
  return { name: one.name ?? "", address: one.address ?? "" };
}

function mailboxes(list: unknown): MailAddress[] {
  if (!Array.isArray(list)) return [];
  return list
    .slice(0, MAX_RECIPIENTS)
    .map(mailbox)
    .filter((m): m is MailAddress => m !== undefined);
}

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** "<id@host>" as in a header: MessageHeader.headerMessageId has no angle brackets. */
function messageId(value: unknown): string | undefined {
  const id = text(value)?.trim();
  if (!id) return undefined;
  return id.startsWith("<") ? id : `<${id}>`;
}

async function fromParts(header: messenger.messages.MessageHeader, diagnostics: Diagnostic[], maxAttachments: number): Promise<MessageSnapshot> {
  const from = mailbox(header.author);
  const contents = await readAttachments(header.id, maxAttachments);
  diagnostics.push(...contents.diagnostics);
  return {
    host: SNAPSHOT_HOST,
    available: {
      headers: false,
      body: false,
      attachmentContent: contents.attachments.length === 0 || contents.attachments.some((a) => a.bytes !== undefined),
    },
    ...NO_HEADER_FIELDS,
    ...(from ? { from } : {}),
    fromAll: from ? [from] : [],
    replyTo: [],
    to: mailboxes(header.recipients),
    cc: mailboxes(header.ccList),
    ...(text(header.subject) !== undefined ? { subject: text(header.subject) } : {}),
    ...(messageId(header.headerMessageId) ? { messageId: messageId(header.headerMessageId) } : {}),
    attachments: contents.attachments,
    diagnostics,
  };
}

async function readAttachments(messageId: number, max: number): Promise<{ attachments: AttachmentSnapshot[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const listed = await listAttachments(messageId);
  if (!listed.ok) {
    diagnostics.push(failed(WHAT.attachments, listed.detail));
    return { attachments: [], diagnostics };
  }
  const attachments = await Promise.all(
    listed.value.slice(0, max).map(async (a): Promise<AttachmentSnapshot> => {
      const name = typeof a?.name === "string" ? a.name : null;
      const described: AttachmentSnapshot = {
        name,
        declaredType: (typeof a?.contentType === "string" ? a.contentType : "").split(";")[0]!.trim().toLowerCase(),
        size: typeof a?.size === "number" && Number.isFinite(a.size) && a.size >= 0 ? a.size : 0,
        inline: a?.contentDisposition === "inline",
        ...(typeof a?.contentId === "string" && a.contentId !== "" ? { contentId: a.contentId } : {}),
      };
      if (typeof a?.partName !== "string" || a.partName === "") return described;
      const content = await getAttachmentFile(messageId, a.partName);
      if (!content.ok) {
        diagnostics.push(failed(WHAT.attachment(name ?? ""), content.detail));
        return described;
      }
      return { ...described, size: content.value.byteLength, bytes: content.value };
    }),
  );
  return { attachments, diagnostics };
}
