/**
 * The report as a person reads it: the plain-text body of the mail to the security desk (and the
 * command line's `report` output). The nine items first, numbered as in the seed, then the
 * automatic check, the indicators, and the full headers last.
 *
 * Everything taken from the mail — and what the person typed, which may quote it — is written
 * with links and domains defanged and hidden characters visible, because the desk's mail client,
 * ticketing system or chat will otherwise make links of it and render bidi tricks. The one
 * exception is the header block, copied as received for the desk's tools, and labelled as such.
 *
 * No line the mail (or the person) wrote can pass for one of ours (./block.ts): multi-line text
 * — the header block included — is quoted line by line with "| ", list entries start with "- ",
 * and single values stay on their label's line with their newlines made visible. So a line
 * that, trimmed, starts a checklist item "(N)" or is a JSON marker line is always our own.
 */
import { GEO_ATTRIBUTION } from "../geo/index.js";
import { fillTemplate, type Language, type Localized } from "../i18n.js";
import { makeControlsVisible } from "../visible.js";
import { quoteLines, subjectTag } from "./block.js";
import { defang, defangText, type DefangTextOptions } from "./defang.js";
import {
  ADDRESS_ROLE_TEXT,
  IP_ROLE_TEXT,
  ITEM_HEADINGS,
  REPORT_SEVERITY_TEXT,
  REPORT_TEXT as T,
  REPORT_VERDICT_TEXT,
  SENDER_CONFIRMATION_TEXT,
  YES_NO_UNKNOWN_TEXT,
} from "./strings.js";
import type { Report, ReportAddress } from "./types.js";

/** Outlook's displayNewMessageForm caps a subject at 255 characters. */
export const MAX_SUBJECT_CHARS = 255;
/** Entries of one indicator list written out; the JSON has them all. */
const MAX_LISTED = 50;
const INDENT = "    ";

export interface ReportTextOptions {
  /**
   * What the text says about the original message: "attached" (the report mail carries it, or
   * the JSON's `original`), "file" (the .eml the command line read), "none" (the host could not
   * attach it: the desk should ask for it). Default: "file" for source "cli", else "attached".
   */
  readonly original?: "attached" | "file" | "none";
  /**
   * Longest text to return, in UTF-16 code units (Outlook's displayNewMessageForm takes a body of
   * at most 32 KB). The header block is cut first, then the rest, each with a line saying so.
   */
  readonly maxLength?: number;
}

/** One line of mail text: links defanged, every hidden or control character (newlines too) visible. */
function shown(text: string): string {
  return makeControlsVisible(defangText(text));
}

/** Several lines of mail text (or of the person's answers), each indented under its label and quoted. */
function block(text: string, indent: string, options: DefangTextOptions = {}): string {
  return quoteLines(makeControlsVisible(defangText(text, options), true), indent);
}

/**
 * An identifier the desk searches its logs for (a mail address, a Message-ID): written as it is
 * — a mailto: link fetches nothing — except that anything URL-shaped in it is still defanged
 * (a malformed From can hold "http://…" where the address should be).
 */
function ident(text: string): string {
  return makeControlsVisible(defangText(text, { bareHosts: false }));
}

/** An address as an identifier, its display name as mail text. */
function addressText(a: ReportAddress): string {
  if (a.address === "") return shown(a.name);
  return a.name ? `${shown(a.name)} <${ident(a.address)}>` : ident(a.address);
}

/** "2026-11-26T10:02:11+09:00" → "2026-11-26 10:02:11 +09:00"; "…Z" → "… UTC". */
function timeText(rfc3339: string): string {
  const local = rfc3339.slice(0, 19).replace("T", " ");
  const zone = rfc3339.slice(19).replace(/^\.\d+/, "");
  return `${local} ${zone === "Z" ? "UTC" : zone}`;
}

class Lines {
  readonly lines: string[] = [];
  constructor(private readonly lang: Language) {}
  push(...lines: string[]): void {
    this.lines.push(...lines);
  }
  /** "    label: value", with an empty answer written as "(not answered)". */
  field(label: Localized, value: string | null, empty: Localized = T.notAnswered): void {
    this.lines.push(`${INDENT}${label[this.lang]}: ${value === null || value === "" ? empty[this.lang] : value}`);
  }
  /**
   * A free-text answer: on the label's line when it is one line, below it when it is several.
   * `names`: a short answer naming things (a product, a detection, a version), whose dotted
   * words are not hosts — only its URLs are defanged.
   */
  answer(label: Localized, value: string, names = false): void {
    const options = { bareHosts: !names };
    if (!value.includes("\n")) return this.field(label, value === "" ? "" : makeControlsVisible(defangText(value, options)));
    this.lines.push(`${INDENT}${label[this.lang]}:`, block(value, INDENT + INDENT, options));
  }
  /** "    label:" over a list that follows, or "    label: (none)" when it is empty. */
  list(label: Localized, count: number): void {
    this.lines.push(`${INDENT}${label[this.lang]}:${count === 0 ? ` ${T.none[this.lang]}` : ""}`);
  }
  heading(text: string): void {
    this.lines.push("", text);
  }
}

function checklist(out: Lines, report: Report, lang: Language): void {
  const c = report.checklist;
  const item = (n: number): void => out.heading(`(${n}) ${ITEM_HEADINGS[n - 1]![lang]}`);
  const yesNo = (v: keyof typeof YES_NO_UNKNOWN_TEXT): string => YES_NO_UNKNOWN_TEXT[v][lang];

  item(1);
  const r = c.item1_receivedAt;
  out.field(
    T.receivedAt,
    r.receivedAt === null ? null : r.receivedBy ? fillTemplate(T.receivedBy[lang], { time: timeText(r.receivedAt), server: shown(r.receivedBy) }) : timeText(r.receivedAt),
    T.unknown,
  );
  out.field(T.sentAt, r.dateHeader === null ? null : shown(r.dateHeader), T.none);

  item(2);
  const s = c.item2_sender;
  out.field(T.from, s.fromAddress === null ? null : addressText({ name: s.fromName ?? "", address: s.fromAddress }), T.none);
  if (s.sender) out.field(T.sender, addressText(s.sender));
  out.field(T.replyTo, s.replyTo.map(addressText).join(", "), T.none);
  out.field(T.returnPath, s.returnPath === null ? null : s.returnPath === "" ? T.nullReturnPath[lang] : ident(s.returnPath), T.none);
  out.field(T.senderConfirmation, SENDER_CONFIRMATION_TEXT[s.senderConfirmation][lang]);

  item(3);
  const av = c.item3_antivirus;
  out.answer(T.antivirusProduct, av.antivirusProduct, true);
  out.field(T.antivirusDetected, yesNo(av.antivirusDetected));
  out.answer(T.antivirusDetectionName, av.antivirusDetectionName, true);
  out.list(T.verdictHeaders, av.verdictHeaders.length);
  for (const h of av.verdictHeaders) out.push(`${INDENT}${INDENT}- ${ident(h.name)}: ${shown(h.value)}`);
  if (av.verdictHeaderCount > av.verdictHeaders.length) {
    out.push(`${INDENT}${INDENT}${fillTemplate(T.moreInHeaders[lang], { n: av.verdictHeaderCount - av.verdictHeaders.length })}`);
  }

  item(4);
  const m = c.item4_message;
  out.field(T.subject, m.subject === null ? null : shown(m.subject), T.none);
  out.field(T.messageId, m.messageId === null ? null : ident(m.messageId), T.none);
  out.list(T.attachments, m.attachments.length);
  for (const a of m.attachments) {
    const name = a.name === "" ? T.noName[lang] : shown(a.name);
    const type = a.inline ? `${shown(a.declaredType || "?")}, ${T.inline[lang]}` : shown(a.declaredType || "?");
    out.push(`${INDENT}${INDENT}- ${fillTemplate(T.attachmentLine[lang], { name, size: a.size, type })}`);
    out.push(`${INDENT}${INDENT}  ${T.sha256[lang]}: ${a.sha256 ?? T.notComputed[lang]}`);
  }
  if (m.bodySource === "none") out.push(`${INDENT}${fillTemplate(T.body[lang], { source: "" }).trim()}: ${T.noBody[lang]}`);
  else {
    out.push(`${INDENT}${fillTemplate(T.body[lang], { source: (m.bodySource === "html" ? T.bodyFromHtml : T.bodyFromText)[lang] })}:`);
    // The body arrives defanged and visible already (buildReport); the quote marks every line as the mail's words.
    out.push(quoteLines(m.bodyText, INDENT));
    if (m.bodyClipped) out.push(`${INDENT}${T.bodyClipped[lang]}`);
  }

  item(5);
  const rc = c.item5_recipients;
  const counts = { n: rc.visibleRecipients, to: rc.to, cc: rc.cc, internal: rc.internalRecipients ?? 0 };
  out.field(T.visibleRecipients, fillTemplate((rc.internalRecipients === null ? T.recipientCount : T.recipientCountInternal)[lang], counts));
  out.answer(T.colleaguesReceived, rc.colleaguesReceived, true);
  out.field(T.openedAttachment, yesNo(rc.openedAttachment));

  item(6);
  out.field(T.clickedLink, yesNo(c.item6_whatHappened.clickedLink));
  out.answer(T.whatHappened, c.item6_whatHappened.whatHappened);

  item(7);
  out.answer(T.damage, c.item7_damage.damage);

  item(8);
  const env = c.item8_environment;
  out.answer(T.operatingSystem, env.operatingSystem, true);
  out.answer(T.clientVersion, env.clientVersion, true);
  if (env.hostName !== null) out.field(T.hostName, shown(env.hostName));
  if (env.platform !== null) out.field(T.platform, shown(env.platform));

  item(9);
  out.field(T.shareWithVendors, (c.item9_shareWithVendors.shareWithVendors ? T.shareYes : T.shareNo)[lang]);

  if (report.comments !== "") {
    out.heading(T.comments[lang]);
    out.push(block(report.comments, INDENT));
  }
}

function automaticCheck(out: Lines, report: Report, lang: Language): void {
  const a = report.analysis;
  out.heading(`${T.analysisHeading[lang]}: ${REPORT_VERDICT_TEXT[a.verdict][lang]}`);
  out.push(`${INDENT}${fillTemplate(T.findings[lang], { n: a.findings.length })}`);
  for (const f of a.findings) {
    out.push(`${INDENT}${INDENT}[${REPORT_SEVERITY_TEXT[f.severity][lang]}] ${f.id} — ${f.title[lang]}`);
    for (const e of f.evidence) out.push(`${INDENT}${INDENT}${INDENT}- ${e.label[lang]}: ${shown(e.value)}`);
  }
  const o = a.origin;
  let origin = T.originUnknown[lang];
  if (o) {
    const notes = [o.country, o.uncertain ? T.originGuess[lang] : null, o.authenticated ? T.originAuthenticated[lang] : null].filter((x) => x !== null);
    origin = `${o.ip}${o.host ? ` (${shown(o.host)})` : ""}${notes.length ? ` [${notes.join(", ")}]` : ""}`;
  }
  out.field(T.origin, origin);
  const methods = (["spf", "dkim", "dmarc", "compauth", "arc"] as const).filter((k) => a.authentication[k] !== null);
  out.field(T.authentication, methods.map((k) => `${k}=${shown(a.authentication[k]!)}`).join(" "), T.notEvaluated);
  if (a.diagnostics.length > 0) {
    out.push(`${INDENT}${T.diagnostics[lang]}:`);
    for (const d of a.diagnostics) out.push(`${INDENT}${INDENT}- ${d.code}: ${shown(d.message[lang])}`);
  }
  if (a.incomplete) out.push(`${INDENT}${T.incomplete[lang]}`);
  if (report.clipped.length > 0) {
    out.push(`${INDENT}${T.clippedHeading[lang]}:`);
    for (const c of report.clipped.slice(0, MAX_LISTED)) {
      const values = { path: c.path, kept: c.keptChars, chars: c.chars ?? 0 };
      out.push(`${INDENT}${INDENT}- ${fillTemplate((c.chars === null ? T.clippedLineUnknown : T.clippedLine)[lang], values)}`);
    }
    if (report.clipped.length > MAX_LISTED) out.push(`${INDENT}${INDENT}${fillTemplate(T.moreInJson[lang], { n: report.clipped.length - MAX_LISTED })}`);
  }
}

function indicatorList<Item>(out: Lines, lang: Language, label: Localized, items: readonly Item[], line: (item: Item) => string): void {
  out.list(label, items.length);
  for (const item of items.slice(0, MAX_LISTED)) out.push(`${INDENT}${INDENT}- ${line(item)}`);
  if (items.length > MAX_LISTED) out.push(`${INDENT}${INDENT}${fillTemplate(T.moreInJson[lang], { n: items.length - MAX_LISTED })}`);
}

function indicatorSection(out: Lines, report: Report, lang: Language): void {
  const i = report.indicators;
  out.heading(T.indicatorsHeading[lang]);
  indicatorList(out, lang, T.urls, i.urls, (u) => makeControlsVisible(u.defanged));
  indicatorList(out, lang, T.domains, i.domains, (d) => makeControlsVisible(defang(d)));
  indicatorList(out, lang, T.emailAddresses, i.emailAddresses, (e) => `${ident(e.address)} (${ADDRESS_ROLE_TEXT[e.role][lang]})`);
  indicatorList(out, lang, T.ips, i.ips, (ip) => `${ip.ip} (${[IP_ROLE_TEXT[ip.role][lang], ip.country].filter((x) => x !== null).join(", ")})`);
  indicatorList(out, lang, T.hashes, i.attachments, (a) => `${a.sha256 ?? T.notComputed[lang]}  ${a.name === "" ? T.noName[lang] : shown(a.name)}${a.kind ? ` [${a.kind}]` : ""}`);
  // DB-IP's licence (CC BY 4.0) asks for this wherever a country from its data is shown.
  const fromDbIp =
    report.analysis.origin?.countrySource === "lookup" ||
    i.ips.some((ip) => ip.role !== "origin" && ip.country !== null && ip.country !== "private" && ip.country !== "special");
  if (fromDbIp) out.push(`${INDENT}${GEO_ATTRIBUTION.text[lang]} <${GEO_ATTRIBUTION.url}>`);
}

function headerSection(report: Report, lang: Language): string[] {
  const lines = ["", T.headersHeading[lang], "-".repeat(40)];
  // Line ends unified (a mail body is LF text); tabs and newlines kept, every other hidden
  // character visible; every line quoted, so a header line can never pass for one of ours.
  const raw = report.headers.replaceAll("\r\n", "\n").trimEnd();
  lines.push(raw === "" ? T.noHeaders[lang] : quoteLines(makeControlsVisible(raw, true)));
  if (report.headersTruncated) lines.push(T.headersTruncated[lang]);
  lines.push("-".repeat(40));
  return lines;
}

/** Cuts `text` to `max` code units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = Math.max(0, max);
  const code = text.charCodeAt(end - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}

/**
 * The human-readable report: the mail body sent to the desk. All nine items are always there
 * (blank answers as "(not answered)"), then the check's findings, the indicators and the full
 * headers.
 */
export function reportText(report: Report, lang: Language, options: ReportTextOptions = {}): string {
  const out = new Lines(lang);
  const original = options.original ?? (report.source === "cli" ? "file" : "attached");
  const originalLine = { attached: T.originalAttached, file: T.originalFromFile, none: T.originalMissing }[original];
  out.push(T.title[lang], "", T.intro[lang], originalLine[lang], T.readingNote[lang], "");
  if (report.reporter) out.push(`${T.reporter[lang]}: ${makeControlsVisible(report.reporter.name ? `${report.reporter.name} <${report.reporter.address}>` : report.reporter.address)}`);
  out.push(`${T.reportedAt[lang]}: ${timeText(report.reportedAt)}`);
  out.push(`${T.madeBy[lang]}: ${fillTemplate(T.madeByValue[lang], { source: report.source })}`);
  out.push(`${T.verdict[lang]}: ${REPORT_VERDICT_TEXT[report.analysis.verdict][lang]}`);
  checklist(out, report, lang);
  automaticCheck(out, report, lang);
  indicatorSection(out, report, lang);

  const main = `${out.lines.join("\n")}\n`;
  const headers = `${headerSection(report, lang).join("\n")}\n`;
  const max = options.maxLength ?? Number.POSITIVE_INFINITY;
  if (main.length + headers.length <= max) return main + headers;
  // Too long for the channel: the headers go first (the attached original keeps them), then the rest.
  const note = `\n${T.textCut[lang]}\n`;
  if (main.length + note.length <= max) return `${main}${cut(headers, max - main.length - note.length)}${note}`;
  return `${cut(main, max - note.length)}${note}`;
}

/**
 * The report mail's subject: the desk's prefix, the mail's subject (defanged, on one line), and
 * last " [ctm:<first 8 digits of reportId>]" — always whole, at most 255 characters in all. The
 * tag is last so that no subject the mail chose can come after it.
 */
export function reportSubject(report: Report, lang: Language, prefix?: string): string {
  const start = prefix ?? report.securityDesk.subjectPrefix ?? T.subjectPrefix[lang];
  const subject = report.checklist.item4_message.subject;
  const text = subject === null || subject.trim() === "" ? T.noSubject[lang] : shown(subject.trim());
  const tag = subjectTag(report.reportId);
  return `${cut(`${start} ${text}`.trim(), MAX_SUBJECT_CHARS - tag.length)}${tag}`;
}
