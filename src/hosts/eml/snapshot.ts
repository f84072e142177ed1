import PostalMime, { addressParser, decodeWords } from "postal-mime";
import type { Address, Email } from "postal-mime";
import { parseHeaderBlock, headerValues, routingFields } from "../../core/headers/block.js";
import { diagnostic, type Diagnostic } from "../../core/diagnostics.js";
import { DEFAULT_LIMITS } from "../../core/options.js";
import type { AttachmentSnapshot, MailAddress, MessageSnapshot } from "../../core/snapshot.js";

/**
 * The .eml host: raw RFC 5322 bytes → MessageSnapshot. Pure (no Node, no DOM), so the command
 * line, the demo page and the Outlook pane (via getAsFileAsync) all run the same path.
 */

export interface EmlOptions {
  /** Bytes read at most; the rest is dropped with an INPUT_TOO_LARGE diagnostic. */
  readonly maxInputBytes?: number;
}

const LF = 0x0a;
const CR = 0x0d;

/** Bytes of the input, with a leading mbox "From " separator line removed (mboxrd/mboxo exports). */
function toBytes(input: Uint8Array | ArrayBuffer | string): Uint8Array {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input instanceof Uint8Array ? input : new Uint8Array(input);
  // "From " at the very start is an mbox envelope line, never a header (header names end in ":").
  if (bytes.length >= 5 && bytes[0] === 0x46 && bytes[1] === 0x72 && bytes[2] === 0x6f && bytes[3] === 0x6d && bytes[4] === 0x20) {
    const end = bytes.indexOf(LF);
    return end < 0 ? new Uint8Array(0) : bytes.subarray(end + 1);
  }
  return bytes;
}

/** Offset just past the blank line that ends the header block (CRLF CRLF or LF LF), or the length. */
function headerBlockEnd(bytes: Uint8Array): number {
  for (let i = bytes.indexOf(LF); i >= 0 && i < bytes.length; i = bytes.indexOf(LF, i + 1)) {
    if (bytes[i + 1] === LF) return i + 2;
    if (bytes[i + 1] === CR && bytes[i + 2] === LF) return i + 3;
  }
  return bytes.length;
}

function mailbox(address: Address | undefined): MailAddress | undefined {
  if (!address) return undefined;
  if (address.group) return address.group[0] ? { name: address.group[0].name, address: address.group[0].address } : undefined;
  return { name: address.name, address: address.address ?? "" };
}

function mailboxes(list: readonly Address[] | undefined): MailAddress[] {
  const out: MailAddress[] = [];
  for (const a of list ?? []) {
    if (a.group) a.group.forEach((m) => out.push({ name: m.name, address: m.address }));
    else out.push({ name: a.name, address: a.address ?? "" });
  }
  return out;
}

function parseAddressHeader(value: string | undefined): MailAddress[] {
  if (value === undefined) return [];
  try {
    return mailboxes(addressParser(value) as Address[]).map((m) => ({ ...m, name: safeDecodeWords(m.name) }));
  } catch {
    return [];
  }
}

function safeDecodeWords(text: string): string {
  try {
    return decodeWords(text);
  } catch {
    return text;
  }
}

function angleless(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const open = value.indexOf("<");
  const close = value.indexOf(">", open + 1);
  return (open >= 0 && close > open ? value.slice(open + 1, close) : value).trim();
}

function toUint8(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === "string") return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

function attachmentsOf(email: Email): AttachmentSnapshot[] {
  return email.attachments.map((a) => {
    const bytes = toUint8(a.content);
    const snapshot: AttachmentSnapshot = {
      name: a.filename,
      declaredType: (a.mimeType ?? "").toLowerCase(),
      size: bytes.byteLength,
      inline: a.disposition === "inline" || (a.related === true && a.disposition !== "attachment"),
      bytes,
    };
    return a.contentId ? { ...snapshot, contentId: a.contentId } : snapshot;
  });
}

/** Message IDs of a References / In-Reply-To value (RFC 5322 §3.6.4), tolerant of missing brackets. */
function splitReferences(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter((id) => id !== "" && id !== "<>");
}

/**
 * Reads an .eml file (CRLF or LF, with or without a leading mbox "From " line). Never throws:
 * a message postal-mime cannot parse still yields its headers and a MIME_PARSE_FAILED diagnostic.
 */
export async function snapshotFromEml(input: Uint8Array | ArrayBuffer | string, options: EmlOptions = {}): Promise<MessageSnapshot> {
  const diagnostics: Diagnostic[] = [];
  const limit = options.maxInputBytes ?? DEFAULT_LIMITS.maxInputBytes;
  let bytes = toBytes(input);
  if (bytes.length === 0) diagnostics.push(diagnostic("EMPTY_INPUT", "error"));
  if (bytes.length > limit) {
    diagnostics.push(diagnostic("INPUT_TOO_LARGE", "error", { limit }));
    bytes = bytes.subarray(0, limit);
  }

  const headerEnd = headerBlockEnd(bytes);
  // RFC 6532 allows UTF-8 in headers; anything else undecodable becomes U+FFFD, never an error.
  const rawHeaders = new TextDecoder("utf-8").decode(bytes.subarray(0, headerEnd));
  const headers = parseHeaderBlock(rawHeaders);
  const first = (name: string): string | undefined => headerValues(headers, name)[0];

  let email: Email | undefined;
  try {
    email = await PostalMime.parse(bytes, { attachmentEncoding: "arraybuffer" });
  } catch (error) {
    diagnostics.push(diagnostic("MIME_PARSE_FAILED", "error", { detail: error instanceof Error ? error.message : String(error) }));
  }

  const fromAll = email ? mailboxes(email.from ? [email.from] : []) : parseAddressHeader(first("from"));
  const subjectRaw = first("subject");
  const snapshot: MessageSnapshot = {
    host: "eml",
    available: { headers: headers.length > 0, body: email !== undefined, attachmentContent: email !== undefined },
    rawHeaders,
    headers,
    from: fromAll[0],
    fromAll,
    sender: email ? mailbox(email.sender) : parseAddressHeader(first("sender"))[0],
    replyTo: email ? mailboxes(email.replyTo) : parseAddressHeader(first("reply-to")),
    returnPath: angleless(first("return-path")),
    to: email ? mailboxes(email.to) : parseAddressHeader(first("to")),
    cc: email ? mailboxes(email.cc) : parseAddressHeader(first("cc")),
    subject: email ? email.subject : subjectRaw === undefined ? undefined : safeDecodeWords(subjectRaw),
    date: first("date"),
    messageId: first("message-id"),
    inReplyTo: first("in-reply-to"),
    references: splitReferences(first("references")),
    ...routingFields(headers),
    text: email?.text,
    html: email?.html,
    attachments: email ? attachmentsOf(email) : [],
    diagnostics,
  };
  return snapshot;
}
