/**
 * The report to the security desk: the seed's nine-item checklist (IPA, 「標的型攻撃メール」,
 * "before contacting the desk", items (1)–(9)), filled from the analysis where the mail tells,
 * and from the person's answers where only they know. These types are the JSON document itself
 * (docs/report.schema.json describes the same shape for the desk's tools): every field is always
 * present, with null for a fact the mail does not give, so ingesting tools can map names once.
 */
import type { Analysis, FindingGroup, Severity, Verdict } from "../analysis.js";
import type { Config } from "../config.js";
import type { DiagnosticCode, DiagnosticLevel } from "../diagnostics.js";
import type { Localized } from "../i18n.js";
import type { MessageSnapshot } from "../snapshot.js";
import type { RandomSource } from "./block.js";

/**
 * Version of the report document; a consumer checks it before reading (docs/report.schema.json
 * has the same in its $id). 1.1 added `reportId` (the id in the report mail's JSON markers and
 * subject) and `clipped` (what the report cut, and from how much).
 */
export const REPORT_SCHEMA_VERSION = "1.1";

/** Item 2: did the person ask the sender through an independent channel, and what did they say. */
export type SenderConfirmation = "not-yet" | "sender-denied" | "sender-confirmed";
export type YesNoUnknown = "yes" | "no" | "unknown";
/** Which host made the report. */
export type ReportSource = "outlook" | "cli" | "thunderbird" | "demo";

/** What only the person knows. Strings are free text; "" means not answered. */
export interface ReporterAnswers {
  /** Item 2 (asked). */
  senderConfirmation: SenderConfirmation;
  /** Item 3: the antivirus product in use. */
  antivirusProduct: string;
  /** Item 3: did it detect anything. */
  antivirusDetected: YesNoUnknown;
  /** Item 3: the detection (virus) name it gave. */
  antivirusDetectionName: string;
  /** Item 5: how many colleagues they know received it ("" = unknown). */
  colleaguesReceived: string;
  /** Item 5/6: did they open the attachment. */
  openedAttachment: YesNoUnknown;
  /** Item 6: did they click a link. */
  clickedLink: YesNoUnknown;
  /** Item 6: what happened when they did. */
  whatHappened: string;
  /** Item 7: the damage they see. */
  damage: string;
  /** Item 8 (prefilled from the host, editable). */
  operatingSystem: string;
  /** Item 8 (prefilled from the host, editable). */
  clientVersion: string;
  /** Item 9: may the mail be given to security vendors. Defaults to false: sharing needs a yes. */
  shareWithVendors: boolean;
  comments: string;
}

/** What the host knows about the reader's machine (item 8). On the web, hostVersion is the server's: add the browser's platform. */
export interface ReportEnvironment {
  operatingSystem: string;
  clientVersion: string;
  hostName?: string;
  platform?: string;
}

/** Bounds on what the report copies out of a hostile mail (the original is attached whole anyway). */
export interface ReportLimits {
  /** Characters of body text in item 4 (the rest is cut and `bodyClipped` says so). */
  readonly maxBodyChars: number;
  /**
   * Characters of an HTML body handed to parse5 for item 4. parse5's cost follows the elements it
   * builds (deeply nested hostile markup costs about two seconds a megabyte), and a few thousand
   * characters of text rarely sit further in than this (128 KiB of the worst nesting: ~0.2 s);
   * past it, `bodyClipped` is set.
   */
  readonly maxHtmlChars: number;
  /** Characters of the raw header block (`headersTruncated` says when cut). */
  readonly maxHeaderChars: number;
  /** Vendor verdict headers listed in item 3 (`verdictHeaderCount` gives them all). */
  readonly maxVerdictHeaders: number;
  /** Characters of one vendor verdict header value. */
  readonly maxVerdictValueChars: number;
  /**
   * Characters of any other single value copied from the mail (the subject, a name or address,
   * the Message-ID, an attachment's name, a finding's evidence, a URL): a 10 MB From header is
   * no address, and the report must stay a report. Each cut is listed in `clipped`.
   */
  readonly maxValueChars: number;
}

export const REPORT_LIMITS: ReportLimits = {
  maxBodyChars: 4000,
  maxHtmlChars: 128 * 1024,
  maxHeaderChars: 256 * 1024,
  maxVerdictHeaders: 50,
  maxVerdictValueChars: 2000,
  maxValueChars: 4096,
};

export interface ReportInput {
  readonly analysis: Analysis;
  readonly snapshot: MessageSnapshot;
  readonly answers: ReporterAnswers;
  readonly reportedAt: Date;
  readonly reporter?: { readonly name: string; readonly address: string };
  readonly config?: Config;
  readonly source: ReportSource;
  /** The message exactly as received; when given, the report carries it as `original` (base64). */
  readonly originalEml?: Uint8Array;
  /** Item 8's host name and platform (the answers carry the editable OS and client version). */
  readonly environment?: ReportEnvironment;
  readonly limits?: Partial<ReportLimits>;
  /**
   * The report's id (32 lower-case hex digits), when the caller has one already — the same
   * report built again, with and without the original. Otherwise a new one from `random`.
   */
  readonly reportId?: string;
  /** Random bytes for a new report id; default WebCrypto's getRandomValues (tests pass a seeded source). */
  readonly random?: RandomSource;
}

export interface ReportAddress {
  readonly name: string;
  readonly address: string;
}

/** Item (1) いつ届いたメールか. */
export interface Item1ReceivedAt {
  /** RFC 3339 time of the top Received field (the organisation's last server), in the zone it wrote; null when none parses. */
  readonly receivedAt: string | null;
  /** The server that wrote that Received field ("by"). */
  readonly receivedBy: string | null;
  /** The Date header as written (the sender's claim, zone included). */
  readonly dateHeader: string | null;
  /** The Date header as RFC 3339, in its own zone; null when it does not parse. */
  readonly sentAt: string | null;
}

/** Item (2) 送信者の組織名やメールアドレス、送信者への確認の結果. */
export interface Item2Sender {
  readonly fromName: string | null;
  readonly fromAddress: string | null;
  /** Domain of the From address (lower case). */
  readonly fromDomain: string | null;
  /** The Sender header, when present. */
  readonly sender: ReportAddress | null;
  readonly replyTo: readonly ReportAddress[];
  /** Return-Path without angle brackets; "" for the null reverse-path; null when absent. */
  readonly returnPath: string | null;
  readonly senderConfirmation: SenderConfirmation;
}

/** Item (3) 使用しているウイルス対策ソフトとその検知状況、検知されたウイルス名. */
export interface Item3Antivirus {
  /** Anti-spam / antivirus verdict headers gateways added, in header order (values clipped). */
  readonly verdictHeaders: readonly { readonly name: string; readonly value: string }[];
  /** How many verdict headers the mail had (more than listed when the list was cut). */
  readonly verdictHeaderCount: number;
  readonly antivirusProduct: string;
  readonly antivirusDetected: YesNoUnknown;
  readonly antivirusDetectionName: string;
}

export interface ReportAttachment {
  /** File name as the mail gives it; "" when it names none. */
  readonly name: string;
  readonly size: number;
  /** Lower-case hex SHA-256 of the content; null when the host had no bytes. */
  readonly sha256: string | null;
  readonly declaredType: string;
  /** Shown inside the body (an embedded image) rather than attached. */
  readonly inline: boolean;
}

/** Item (4) メールの件名、添付ファイル名、本文. */
export interface Item4Message {
  readonly subject: string | null;
  readonly messageId: string | null;
  readonly attachments: readonly ReportAttachment[];
  /** The body as text: links defanged, hidden characters written as [U+XXXX], clipped. */
  readonly bodyText: string;
  /** Where bodyText came from: the HTML part (what the person saw, link targets written out), the text part, or nothing. */
  readonly bodySource: "html" | "text" | "none";
  /** The body was longer than the report's limit and was cut (the attached original has it whole). */
  readonly bodyClipped: boolean;
}

/** Item (5) 同じメールが貴方の組織の何人に届き、何人が添付ファイルを開いたか. */
export interface Item5Recipients {
  readonly to: number;
  readonly cc: number;
  /** Distinct addresses in To and Cc (Bcc is never visible). */
  readonly visibleRecipients: number;
  /** How many of those are in the organisation's domains; null when none are configured. */
  readonly internalRecipients: number | null;
  readonly colleaguesReceived: string;
  readonly openedAttachment: YesNoUnknown;
}

/** Item (6) 添付ファイルを開いた場合、どのような状態になったか. */
export interface Item6WhatHappened {
  readonly clickedLink: YesNoUnknown;
  readonly whatHappened: string;
}

/** Item (7) 実際にどのような被害が生じたか. */
export interface Item7Damage {
  readonly damage: string;
}

/** Item (8) 感染したパソコンのオペレーティングシステムとアプリケーションのバージョン. */
export interface Item8Environment {
  readonly operatingSystem: string;
  readonly clientVersion: string;
  readonly hostName: string | null;
  readonly platform: string | null;
}

/** Item (9) 当該メールのセキュリティ対策ソフトベンダ等への提供の可否. */
export interface Item9ShareWithVendors {
  readonly shareWithVendors: boolean;
}

export interface ReportChecklist {
  readonly item1_receivedAt: Item1ReceivedAt;
  readonly item2_sender: Item2Sender;
  readonly item3_antivirus: Item3Antivirus;
  readonly item4_message: Item4Message;
  readonly item5_recipients: Item5Recipients;
  readonly item6_whatHappened: Item6WhatHappened;
  readonly item7_damage: Item7Damage;
  readonly item8_environment: Item8Environment;
  readonly item9_shareWithVendors: Item9ShareWithVendors;
}

export interface ReportFinding {
  readonly id: string;
  readonly severity: Severity;
  readonly group: FindingGroup;
  readonly title: Localized;
  readonly evidence: readonly { readonly label: Localized; readonly value: string }[];
}

export interface ReportOrigin {
  readonly ip: string;
  readonly host: string | null;
  /** ISO 3166-1 alpha-2, or "private" / "special"; null when unknown. */
  readonly country: string | null;
  /** "forefront": Microsoft 365's own header; "lookup": the offline DB-IP table. */
  readonly countrySource: "forefront" | "lookup" | null;
  /** Index of the Received field (0 = top) that recorded it. */
  readonly hopIndex: number;
  /** The origin was a logged-in account's submission (RFC 3848). */
  readonly authenticated: boolean;
  /** Found without configuration: a best guess. */
  readonly uncertain: boolean;
}

export interface ReportAnalysis {
  readonly verdict: Verdict;
  readonly analyzedAt: string;
  readonly incomplete: boolean;
  readonly findings: readonly ReportFinding[];
  readonly origin: ReportOrigin | null;
  /** true: entered from outside the organisation; false: internal all the way; null: unknown. */
  readonly enteredFromOutside: boolean | null;
  readonly authentication: {
    readonly spf: string | null;
    readonly dkim: string | null;
    readonly dmarc: string | null;
    readonly compauth: string | null;
    readonly arc: string | null;
  };
  readonly diagnostics: readonly { readonly code: DiagnosticCode; readonly level: DiagnosticLevel; readonly message: Localized }[];
}

export interface ReportUrl {
  /** The URL as a browser would open it (WHATWG-normalised; the raw href when it does not parse). */
  readonly url: string;
  readonly defanged: string;
  readonly host: string | null;
  readonly registrableDomain: string | null;
}

export type ReportIpRole = "origin" | "hop" | "claimed-client" | "link";
export type ReportAddressRole = "from" | "sender" | "reply-to" | "return-path" | "link";

export interface ReportIndicators {
  readonly urls: readonly ReportUrl[];
  /** Host names of the links and of the sender's addresses, lower case, first seen first. */
  readonly domains: readonly string[];
  readonly emailAddresses: readonly { readonly address: string; readonly role: ReportAddressRole }[];
  readonly ips: readonly { readonly ip: string; readonly role: ReportIpRole; readonly hopIndex: number | null; readonly country: string | null }[];
  readonly attachments: readonly { readonly name: string; readonly sha256: string | null; readonly size: number; readonly kind: string | null }[];
}

export interface ReportOriginal {
  readonly encoding: "base64";
  readonly mediaType: "message/rfc822";
  readonly size: number;
  readonly data: string;
}

/** A value the report cut (`limits`): where it is, as a JSON Pointer (RFC 6901), and how long it was. */
export interface ReportClip {
  readonly path: string;
  /**
   * Length before the report cut it, in UTF-16 code units as JSON strings count, as the host read
   * it (a host may have cut a huge field already); null when not known (a body the host had cut,
   * an HTML body not rendered to its end).
   */
  readonly chars: number | null;
  /** Length kept. */
  readonly keptChars: number;
}

/** The report document (docs/report.schema.json). */
export interface Report {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  /**
   * 128 random bits as 32 lower-case hex digits, new for every report: the report mail's JSON
   * sits between marker lines naming it, and its subject ends with "[ctm:<first 8 digits>]", so
   * the desk can tell the real block from any the mail carries (README, "Finding the JSON").
   */
  readonly reportId: string;
  readonly reportedAt: string;
  readonly source: ReportSource;
  readonly reporter: ReportAddress | null;
  /** Where the report goes, from the configuration (null where it names nothing). */
  readonly securityDesk: { readonly address: string | null; readonly subjectPrefix: string | null };
  readonly checklist: ReportChecklist;
  /** Anything else the person wrote. */
  readonly comments: string;
  readonly analysis: ReportAnalysis;
  readonly indicators: ReportIndicators;
  /** The raw header block as received (never defanged), CRLF or LF as in the mail. */
  readonly headers: string;
  readonly headersTruncated: boolean;
  /** Every value the report cut to its limits, in document order ([] when nothing was cut). */
  readonly clipped: readonly ReportClip[];
  readonly original?: ReportOriginal;
}
