import type { Diagnostic, DiagnosticCode } from "./diagnostics.js";
import type { Localized } from "./i18n.js";
import type { ContentKind } from "./attachments/content/kinds.js";
import type { ContentIndicator } from "./attachments/content/scope.js";

export type { ContentKind } from "./attachments/content/kinds.js";
export type { ContentIndicator, IndicatorCode } from "./attachments/content/scope.js";

export type Severity = "high" | "medium" | "low" | "info";
/**
 * "incomplete": no high or medium finding, but part of the mail could not be checked (a limit cut
 * it, the client withheld it, a check failed). Never shown as green: padding a mail past a limit
 * must not buy a "clean".
 */
export type Verdict = "danger" | "caution" | "incomplete" | "clean";
/** The pane groups findings by these; every rule belongs to exactly one. */
export type FindingGroup = "links" | "sender" | "attachments";

export const SEVERITY_ORDER: readonly Severity[] = ["high", "medium", "low", "info"];

/** One piece of evidence: exactly what in the mail triggered a finding. Values are plain text. */
export interface Evidence {
  readonly label: Localized;
  /** At most MAX_EVIDENCE_VALUE_CHARS, ending in "…" when cut (see `cutChars`). */
  readonly value: string;
  /** How many characters of the value were cut off (absent when it is whole). */
  readonly cutChars?: number;
}

export interface Finding {
  /** Stable rule ID from the catalogue (e.g. "LINK_TEXT_MISMATCH"). */
  readonly id: string;
  readonly severity: Severity;
  readonly group: FindingGroup;
  readonly title: Localized;
  readonly explanation: Localized;
  readonly evidence: readonly Evidence[];
}

/** Where a link was found: the HTML body, the text body, or inside an attachment (a PDF's link annotations). */
export type LinkSource = "html" | "text" | "attachment";
/** What the person sees as the link: a URL, a bare domain, other words, an image, nothing. */
export type ShownKind = "url" | "domain" | "text" | "image" | "empty";

export interface LinkTarget {
  /** Absolute URL after resolving against <base> and WHATWG normalisation; the raw href when it does not parse. */
  readonly url: string;
  /** Lower-case scheme without ":" ("https", "mailto", "javascript"...). */
  readonly scheme: string;
  /** ASCII (punycode) host, or null for schemes without one / unparsable URLs. */
  readonly host: string | null;
  /** The host in Unicode when it is an IDN (xn--), for display. */
  readonly hostUnicode?: string;
  /** eTLD+1 from the public suffix list (tldts), or the IP literal itself; null when none. */
  readonly registrableDomain: string | null;
}

export interface LinkInfo {
  readonly source: LinkSource;
  /** HTML element it came from ("a", "area", "form", "img", ...); "text" for plain-text URLs. */
  readonly element: string;
  /** Visible text, whitespace collapsed, clipped; "" when nothing is visible. */
  readonly shownText: string;
  readonly shownKind: ShownKind;
  /** Host shown in the visible text when it shows a URL or domain. */
  readonly shownHost?: string;
  readonly shownRegistrableDomain?: string;
  /** The href exactly as written in the mail. */
  readonly href: string;
  /** Where the link really goes. */
  readonly target: LinkTarget;
  /** When `target` is a known rewriting wrapper (Safe Links, URL Defense, ...), the wrapped URL. */
  readonly unwrapped?: LinkTarget & { readonly wrapper: string };
  /** For links found inside an attachment (source "attachment"): its index and name. */
  readonly attachment?: { readonly index: number; readonly name: string };
}

/** What one Received field says (RFC 5321 §4.4), as parsed. */
export interface ReceivedFields {
  /** The name the sending side announced (HELO/EHLO). */
  readonly fromHelo?: string;
  /** Reverse DNS name the receiving server recorded for the sending IP. */
  readonly fromHost?: string;
  /** Sending IP the receiving server recorded (IPv4 or IPv6, normalised). */
  readonly fromIp?: string;
  readonly by?: string;
  /** Address the receiving server recorded for itself (Exchange writes "by host (ip)"). */
  readonly byIp?: string;
  /** RFC 5321 §4.4 "via" link (Exchange: "Frontend Transport"). */
  readonly via?: string;
  readonly with?: string;
  readonly id?: string;
  readonly for?: string;
  /** Timestamp after ";" as ISO 8601 UTC, when it parses. */
  readonly date?: string;
  /** The sending side logged in (RFC 3848 protocol types such as ESMTPSA): an account's submission. */
  readonly authenticated?: boolean;
  readonly parsed: boolean;
}

export interface ReceivedHop extends ReceivedFields {
  /** 0 = top of the header block (the last server that handled the mail). */
  readonly index: number;
  readonly raw: string;
  /** Added by the organisation's own or a trusted relay (so its "from" part is a fact). */
  readonly trusted: boolean;
  /** Below the origin hop: written by servers outside the organisation, so only a claim. */
  readonly unverified: boolean;
  /** Seconds between this hop and the one below it (negative = clock skew); absent when unknown. */
  readonly delaySeconds?: number;
  /** Country of `fromIp` from the injected lookup, or "private"/"special" for non-public addresses. */
  readonly fromCountry?: string;
}

export interface OriginInfo {
  /** Index into `hops` of the hop recording the first outside IP. */
  readonly hopIndex: number;
  readonly ip: string;
  readonly host?: string;
  /** ISO 3166-1 alpha-2, or "private"/"special" for non-public addresses. */
  readonly country?: string;
  readonly countrySource?: "forefront" | "lookup";
  /** When the Microsoft 365 header and the lookup disagree, both are kept. */
  readonly countryByLookup?: string;
  /** The origin hop was an authenticated submission (RFC 3848): a logged-in account sent it. */
  readonly authenticated?: boolean;
  /** Found without configuration and not provably the receiving side's entry point (see diagnostics). */
  readonly uncertain?: boolean;
}

export interface Route {
  readonly hops: readonly ReceivedHop[];
  readonly origin?: OriginInfo;
  /** Client IP a webmail service claims (X-Originating-IP and similar); unverified. */
  readonly claimedClientIp?: string;
  /** true: entered from outside the organisation; false: internal all the way; undefined: unknown. */
  readonly enteredFromOutside?: boolean;
  /** Index of the hop where the origin search stopped: it names an outside sender but records no address. */
  readonly originStoppedAt?: number;
}

export type AuthMethod = "spf" | "dkim" | "dmarc" | "compauth" | "arc" | "other";

export interface AuthResult {
  readonly method: AuthMethod;
  /** Method name as written (for "other"). */
  readonly methodName: string;
  /** Result keyword, lower-case ("pass", "fail", "softfail", "none", ...). */
  readonly result: string;
  readonly reason?: string;
  /** Properties such as "header.from", "smtp.mailfrom", "header.d". */
  readonly properties: Readonly<Record<string, string>>;
  /** The authserv-id of the header that carried it. */
  readonly authservId: string;
  /** Written by the organisation's own receiver (not forgeable by the sender). */
  readonly trusted: boolean;
  readonly fromArc: boolean;
  /** Text of the comments after the result ("(p=REJECT sp=REJECT dis=NONE)", "(sender IP is ...)"). */
  readonly comment?: string;
  /** ARC instance (RFC 8617 "i=") of the ARC-Authentication-Results it came from. */
  readonly arcInstance?: number;
}

export interface AuthenticationSummary {
  readonly results: readonly AuthResult[];
  /** Best-knowledge outcome per method from trusted results (absent: not evaluated). */
  readonly spf?: string;
  readonly dkim?: string;
  readonly dmarc?: string;
  readonly compauth?: string;
  readonly arc?: string;
}

export interface AttachmentInfo {
  readonly index: number;
  /** File name, or "" when the mail names none. */
  readonly name: string;
  readonly declaredType: string;
  readonly size: number;
  readonly inline: boolean;
  /** Final extension, lower-case, without the dot; "" when none. */
  readonly extension: string;
  /** Whether the content bytes were available to the core. */
  readonly contentAvailable: boolean;
  /** SHA-256 of the content, lower-case hex (computed by the asynchronous step, see `digestAttachments`). */
  readonly sha256?: string;
  /** What the content is, whatever the name says; absent when the host gave no bytes. */
  readonly content?: AttachmentContent;
}

/** One file inside an attachment (an archive entry, a file embedded in a document or notebook). */
export interface AttachmentContentEntry {
  /** Path inside; entries of an archive inside the attachment are "inner.zip/name". Hidden characters written out as [U+202E]. */
  readonly name: string;
  readonly size?: number;
  readonly encrypted?: boolean;
  readonly directory?: boolean;
  /** 0: directly inside the attachment; 1: inside an archive inside it. */
  readonly depth: number;
  /** What its first bytes are, when they were read (see `AttachmentContent.kind`). */
  readonly kind?: ContentKind;
}

/** What the attachment inspection found (src/core/attachments/content). */
export interface AttachmentContent {
  /** Stable token for what the bytes are ("zip", "ooxml-word", "pe-executable", "pdf", "html", ...). */
  readonly kind: ContentKind;
  /** The same for people ("ZIP archive", "Windows program (PE)"). */
  readonly description: string;
  /** The first entries listed (archives, disk images, embedded files). */
  readonly entries: readonly AttachmentContentEntry[];
  /** How many entries were listed in all (`entries` is clipped). */
  readonly entryCount: number;
  /** Facts found inside that the checks use (macros, remote templates, PDF actions, encrypted entries...). */
  readonly indicators: readonly ContentIndicator[];
  /** False when damage or a limit left part of it unread; the diagnostics say what. */
  readonly complete: boolean;
}

export interface Analysis {
  /**
   * Version of this structure, for consumers of the JSON output. 2: the verdict "incomplete"
   * (1 reported such a mail as "clean" with `incomplete: true`).
   */
  readonly schemaVersion: 2;
  readonly verdict: Verdict;
  /** Sorted by severity, then group, then rule ID. */
  readonly findings: readonly Finding[];
  readonly message: {
    readonly subject?: string;
    readonly from?: { readonly name: string; readonly address: string };
    readonly date?: string;
    readonly messageId?: string;
  };
  readonly links: readonly LinkInfo[];
  readonly route: Route;
  readonly authentication: AuthenticationSummary;
  readonly attachments: readonly AttachmentInfo[];
  readonly diagnostics: readonly Diagnostic[];
  /** true when part of the mail was not checked: the diagnostics with an INCOMPLETE_CODES code say what. */
  readonly incomplete: boolean;
  /** ISO 8601 time of the analysis (from the injected clock). */
  readonly analyzedAt: string;
}

/**
 * Diagnostics that mean part of the mail was not checked: a limit cut it, the mail could not be
 * parsed, the client withheld its headers or body, or a check failed. Any of them makes the
 * analysis incomplete, and a verdict that would be "clean" becomes "incomplete".
 */
export const INCOMPLETE_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  "EMPTY_INPUT",
  "INPUT_TOO_LARGE",
  "MIME_TOO_COMPLEX",
  "MIME_PARSE_FAILED",
  "ENCODED_WORDS_LIMIT",
  "TEXT_TOO_LARGE",
  "HEADER_TOO_LONG",
  "HEADER_FIELD_CUT",
  "HTML_TOO_LARGE",
  "TOO_MANY_LINKS",
  "TOO_MANY_HOPS",
  "TOO_MANY_AUTH_RESULTS",
  "TOO_MANY_ATTACHMENTS",
  "ATTACHMENT_CONTENT_LIMIT",
  "NO_HEADERS",
  "NO_BODY",
  "RULE_FAILED",
]);

/** What was not checked, for showing next to the verdict: the diagnostics that made the analysis incomplete. */
export function uncheckedParts(analysis: Pick<Analysis, "diagnostics">): Diagnostic[] {
  return analysis.diagnostics.filter((d) => INCOMPLETE_CODES.has(d.code));
}

/**
 * The verdict rule, kept deliberately simple so a person can predict it:
 * any high finding → danger; else any medium → caution; else, when part of the mail was not
 * checked, incomplete; else clean ("no indicators found"). Low and info findings never raise it.
 */
export function verdictOf(findings: readonly Pick<Finding, "severity">[], incomplete = false): Verdict {
  if (findings.some((f) => f.severity === "high")) return "danger";
  if (findings.some((f) => f.severity === "medium")) return "caution";
  return incomplete ? "incomplete" : "clean";
}
