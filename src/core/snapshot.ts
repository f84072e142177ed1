/**
 * The message snapshot: the one contract between hosts (the .eml reader, Outlook, later
 * Thunderbird) and the analysis core. A host fills in what its client can give and leaves the
 * rest empty; `available` says which parts it could not read, so rules that need them report
 * "not checked" instead of guessing.
 */

import type { Diagnostic } from "./diagnostics.js";

export interface MailAddress {
  /** Display name, RFC 2047 decoded; "" when there is none. */
  readonly name: string;
  /** addr-spec as written (not lower-cased: the evidence shows what the mail says). */
  readonly address: string;
}

export interface HeaderField {
  /** Field name as written (case preserved). */
  readonly name: string;
  /** Unfolded value (RFC 5322 §2.2.3), not RFC 2047 decoded. */
  readonly value: string;
}

export interface AttachmentSnapshot {
  /** File name as the mail gives it (RFC 2231 / RFC 2047 decoded); null when it names none. */
  readonly name: string | null;
  /** Content-Type the mail declares, lower-cased, without parameters ("" when absent). */
  readonly declaredType: string;
  /** Size in bytes of the decoded content (or the size the host reports when it has no bytes). */
  readonly size: number;
  /** Shown inside the body (Content-Disposition inline and referenced by Content-ID). */
  readonly inline: boolean;
  readonly contentId?: string;
  /** Decoded content, when the host could read it. */
  readonly bytes?: Uint8Array;
}

/** What the host could not provide; every flag missing or true means "available". */
export interface SnapshotAvailability {
  /** The internet header block (Received, Authentication-Results, ...). */
  readonly headers: boolean;
  /** The bodies. */
  readonly body: boolean;
  /** Attachment content bytes. */
  readonly attachmentContent: boolean;
}

export interface MessageSnapshot {
  /** Which host produced it ("eml", "outlook", ...): shown in diagnostics. */
  readonly host: string;
  readonly available: SnapshotAvailability;

  /** The header block exactly as received (CRLF or LF), "" when the host has none. */
  readonly rawHeaders: string;
  /** Every header field in order, top (most recent) first, duplicates kept. */
  readonly headers: readonly HeaderField[];

  readonly from?: MailAddress;
  /** Extra mailboxes when From lists more than one (RFC 5322 allows it with Sender). */
  readonly fromAll: readonly MailAddress[];
  readonly sender?: MailAddress;
  readonly replyTo: readonly MailAddress[];
  /** Return-Path addr-spec without angle brackets; "" for the null reverse-path `<>`. */
  readonly returnPath?: string;
  readonly to: readonly MailAddress[];
  readonly cc: readonly MailAddress[];
  /** Subject, RFC 2047 decoded. */
  readonly subject?: string;
  /** Date header value as written (the zone offset matters to the origin rules). */
  readonly date?: string;
  readonly messageId?: string;
  readonly inReplyTo?: string;
  readonly references: readonly string[];

  /** Received field values, top (most recent) first. */
  readonly received: readonly string[];
  readonly authenticationResults: readonly string[];
  readonly arc: {
    readonly authenticationResults: readonly string[];
    readonly messageSignature: readonly string[];
    readonly seal: readonly string[];
  };
  /** Anti-spam / antivirus verdict headers of gateways and vendors (X-Forefront-Antispam-Report, X-Spam-Status, X-Virus-Scanned, ...). */
  readonly vendorVerdicts: readonly HeaderField[];

  readonly text?: string;
  readonly html?: string;
  readonly attachments: readonly AttachmentSnapshot[];

  /** What the host itself could not read (MIME errors, API failures), carried into the analysis. */
  readonly diagnostics?: readonly Diagnostic[];
}

/**
 * The header-derived fields of a snapshot whose host had no header block to give (the item
 * properties of an older Outlook, a Thunderbird message it could not read whole): nothing was
 * received, authenticated or referenced as far as the mail can tell.
 */
export const NO_HEADER_FIELDS = {
  rawHeaders: "",
  headers: [],
  references: [],
  received: [],
  authenticationResults: [],
  arc: { authenticationResults: [], messageSignature: [], seal: [] },
  vendorVerdicts: [],
} as const satisfies Partial<MessageSnapshot>;
