/**
 * buildReport: the analysis, the snapshot and the person's answers → the report document.
 * Pure and synchronous; the same for every host (the pane, the command line, later Thunderbird),
 * so the desk receives one format whoever sent it.
 *
 * What the mail says is copied as it is (addresses, names, the subject, the header block): the
 * JSON is data for the desk's tools. The one rendering is item 4's body text, which is made for
 * reading in a mail: links defanged, hidden characters visible, clipped. reportText() renders
 * the rest for people.
 */
import { DEFAULT_MASS_RECIPIENT_THRESHOLD } from "../config.js";
import type { Analysis, LinkTarget } from "../analysis.js";
import { domainOfAddress, normalizeHostname } from "../net/domain.js";
import { parseIp } from "../net/ip.js";
import { resolveOrganization } from "../organization.js";
import { parseMailDate } from "../route/date.js";
import type { MessageSnapshot } from "../snapshot.js";
import { makeControlsVisible } from "../visible.js";
import { normalizeAnswers } from "./answers.js";
import { defang, defangText } from "./defang.js";
import { htmlToText, tidy } from "./html-text.js";
import { bytesToBase64 } from "../text/base64.js";
import { isReportId, newReportId } from "./block.js";
import {
  REPORT_LIMITS,
  REPORT_SCHEMA_VERSION,
  type Item1ReceivedAt,
  type Item4Message,
  type Item5Recipients,
  type Report,
  type ReportAddress,
  type ReportAddressRole,
  type ReportAnalysis,
  type ReportClip,
  type ReportIndicators,
  type ReportInput,
  type ReportIpRole,
  type ReportLimits,
  type ReportOriginal,
  type ReportUrl,
} from "./types.js";

/** Cuts `text` to at most `max` UTF-16 units without splitting a surrogate pair. */
function clipChars(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Cuts the mail's values to the report's limits, and lists each cut (`clipped`). */
class Clipper {
  readonly clipped: ReportClip[] = [];
  constructor(private readonly max: number) {}
  /** `text` cut to the value limit (or `max`), the cut recorded under `path`. */
  value(text: string, path: string, max = this.max): string {
    if (text.length <= max) return text;
    const kept = clipChars(text, max);
    this.clipped.push({ path, chars: text.length, keptChars: kept.length });
    return kept;
  }
  optional(text: string | undefined | null, path: string): string | null {
    return text === undefined || text === null ? null : this.value(text, path);
  }
  address(a: { readonly name: string; readonly address: string }, path: string): ReportAddress {
    return { name: this.value(a.name, `${path}/name`), address: this.value(a.address, `${path}/address`) };
  }
  note(clip: ReportClip): void {
    this.clipped.push(clip);
  }
}

/**
 * RFC 3339 time in the zone the mail wrote it in (a Received field's own zone tells the desk the
 * receiving server's local time); "Z" when no zone was given. Null outside years 0000–9999,
 * which RFC 3339 cannot write.
 */
export function rfc3339(time: number, offsetMinutes: number | undefined): string | null {
  const offset = offsetMinutes ?? 0;
  const shifted = new Date(time + offset * 60_000);
  const year = shifted.getUTCFullYear();
  if (Number.isNaN(shifted.getTime()) || year < 0 || year > 9999) return null;
  const local = shifted.toISOString().slice(0, 19);
  if (offset === 0) return `${local}Z`;
  const abs = Math.abs(offset);
  return `${local}${offset < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

function receivedAt(analysis: Analysis, snapshot: MessageSnapshot): Item1ReceivedAt {
  // The top Received field with a readable date: written by the organisation's own last server,
  // the only time in the mail the sender cannot forge once it entered the organisation.
  const hop = analysis.route.hops.find((h) => h.date !== undefined);
  let received: string | null = null;
  if (hop?.date !== undefined) {
    const written = parseMailDate(hop.raw.slice(hop.raw.lastIndexOf(";") + 1));
    received = rfc3339(Date.parse(hop.date), written?.offsetMinutes);
  }
  const sent = snapshot.date !== undefined ? parseMailDate(snapshot.date) : undefined;
  return {
    receivedAt: received,
    receivedBy: hop?.by ?? null,
    dateHeader: snapshot.date ?? null,
    sentAt: sent ? rfc3339(sent.time, sent.offsetMinutes) : null,
  };
}

/** Item 4's body: what the person read (the HTML part when there is one), as text fit for a mail to the desk. */
function bodyOf(snapshot: MessageSnapshot, maxChars: number, maxHtmlChars: number, clip: Clipper): Pick<Item4Message, "bodyText" | "bodySource" | "bodyClipped"> {
  let text = "";
  let source: Item4Message["bodySource"] = "none";
  let htmlCut = false;
  if (snapshot.html !== undefined && snapshot.html.trim() !== "") {
    htmlCut = snapshot.html.length > maxHtmlChars;
    text = htmlToText(clipChars(snapshot.html, maxHtmlChars), maxChars);
    source = "html";
  }
  if (text === "" && snapshot.text !== undefined && snapshot.text.trim() !== "") {
    // Twice the budget is enough to fill it after blank lines are squeezed, and bounds the work.
    text = tidy(clipChars(snapshot.text, maxChars * 2 + 2), true);
    source = "text";
  }
  // The host may have read only the start of the text already (TEXT_TOO_LARGE): the body is cut then too.
  const hostCut = snapshot.diagnostics?.some((d) => d.code === "TEXT_TOO_LARGE") === true;
  const readToEnd = source === "text" ? snapshot.text!.length <= maxChars * 2 + 2 : source === "html" ? !htmlCut && text.length <= maxChars : true;
  const clipped = hostCut || text.length > maxChars || !readToEnd;
  const kept = clipChars(text, maxChars);
  if (clipped) {
    // The whole body's length is known only when all of it was rendered here (a text part, or HTML that fitted).
    clip.note({ path: "/checklist/item4_message/bodyText", chars: hostCut || !readToEnd ? null : text.length, keptChars: kept.length });
  }
  return {
    bodyText: makeControlsVisible(defangText(kept), true),
    bodySource: text === "" ? "none" : source,
    bodyClipped: clipped,
  };
}

function recipients(snapshot: MessageSnapshot, input: ReportInput): Omit<Item5Recipients, "colleaguesReceived" | "openedAttachment"> {
  const distinct = new Set([...snapshot.to, ...snapshot.cc].map((a) => a.address.toLowerCase()));
  const organization = resolveOrganization(input.config, DEFAULT_MASS_RECIPIENT_THRESHOLD);
  let internal: number | null = null;
  if (organization.known) {
    internal = 0;
    for (const address of distinct) if (organization.isOwnHost(domainOfAddress(address))) internal++;
  }
  return { to: snapshot.to.length, cc: snapshot.cc.length, visibleRecipients: distinct.size, internalRecipients: internal };
}

function reportAnalysis(analysis: Analysis, clip: Clipper): ReportAnalysis {
  const origin = analysis.route.origin;
  const a = analysis.authentication;
  return {
    verdict: analysis.verdict,
    analyzedAt: analysis.analyzedAt,
    incomplete: analysis.incomplete,
    findings: analysis.findings.map((f, i) => ({
      id: f.id,
      severity: f.severity,
      group: f.group,
      title: f.title,
      evidence: f.evidence.map((e, j) => ({ label: e.label, value: clip.value(e.value, `/analysis/findings/${i}/evidence/${j}/value`) })),
    })),
    origin: origin
      ? {
          ip: origin.ip,
          host: clip.optional(origin.host, "/analysis/origin/host"),
          country: origin.country ?? null,
          countrySource: origin.countrySource ?? null,
          hopIndex: origin.hopIndex,
          authenticated: origin.authenticated === true,
          uncertain: origin.uncertain === true,
        }
      : null,
    enteredFromOutside: analysis.route.enteredFromOutside ?? null,
    authentication: { spf: a.spf ?? null, dkim: a.dkim ?? null, dmarc: a.dmarc ?? null, compauth: a.compauth ?? null, arc: a.arc ?? null },
    diagnostics: analysis.diagnostics.map((d) => ({ code: d.code, level: d.level, message: d.message })),
  };
}

/** The recipient of a mailto: link ("mailto:a@b?subject=x" → "a@b"), or undefined. */
function mailtoAddress(target: LinkTarget): string | undefined {
  if (target.scheme !== "mailto") return undefined;
  const rest = target.url.slice("mailto:".length);
  const query = rest.indexOf("?");
  let address = query >= 0 ? rest.slice(0, query) : rest;
  try {
    address = decodeURIComponent(address);
  } catch {
    // A broken escape: keep it as written, it is still what the link says.
  }
  return address.includes("@") ? address : undefined;
}

function indicators(analysis: Analysis, snapshot: MessageSnapshot, clip: Clipper): ReportIndicators {
  const urls = new Map<string, ReportUrl>();
  const domains = new Set<string>();
  const emailAddresses = new Map<string, { address: string; role: ReportAddressRole }>();
  const ips = new Map<string, { ip: string; role: ReportIpRole; hopIndex: number | null; country: string | null }>();

  const addDomain = (host: string | null | undefined): void => {
    const normal = host ? normalizeHostname(host) : null;
    if (normal && !parseIp(normal)) domains.add(normal);
  };
  const addIp = (text: string | undefined, role: ReportIpRole, hopIndex: number | null, country: string | null): void => {
    const ip = text ? parseIp(text) : undefined;
    // The first role wins: the origin is listed as the origin, not again as a hop.
    if (ip && !ips.has(ip.text)) ips.set(ip.text, { ip: ip.text, role, hopIndex, country });
  };
  const addAddress = (address: string | undefined, role: ReportAddressRole): void => {
    if (!address) return;
    const key = address.toLowerCase();
    if (!emailAddresses.has(key)) emailAddresses.set(key, { address, role });
    addDomain(domainOfAddress(address));
  };

  const origin = analysis.route.origin;
  if (origin) addIp(origin.ip, "origin", origin.hopIndex, origin.country ?? null);
  for (const hop of analysis.route.hops) addIp(hop.fromIp, "hop", hop.index, hop.fromCountry ?? null);
  addIp(analysis.route.claimedClientIp, "claimed-client", null, null);

  addAddress(snapshot.from?.address, "from");
  for (const extra of snapshot.fromAll) addAddress(extra.address, "from");
  addAddress(snapshot.sender?.address, "sender");
  for (const r of snapshot.replyTo) addAddress(r.address, "reply-to");
  addAddress(snapshot.returnPath || undefined, "return-path");

  const addTarget = (target: LinkTarget): void => {
    const mailto = mailtoAddress(target);
    if (mailto !== undefined) return addAddress(mailto, "link");
    // Only network locations are indicators: javascript:, data: and cid: name no place to block.
    if (target.host === null || urls.has(target.url)) return;
    urls.set(target.url, { url: target.url, defanged: defang(target.url), host: target.host, registrableDomain: target.registrableDomain });
    addDomain(target.host);
    addIp(target.host, "link", null, null);
  };
  for (const link of analysis.links) {
    addTarget(link.target);
    if (link.unwrapped) addTarget(link.unwrapped);
  }

  const at = "/indicators";
  return {
    urls: [...urls.values()].map((u, i) => ({
      url: clip.value(u.url, `${at}/urls/${i}/url`),
      defanged: clip.value(u.defanged, `${at}/urls/${i}/defanged`),
      host: clip.optional(u.host, `${at}/urls/${i}/host`),
      registrableDomain: clip.optional(u.registrableDomain, `${at}/urls/${i}/registrableDomain`),
    })),
    domains: [...domains].map((d, i) => clip.value(d, `${at}/domains/${i}`)),
    emailAddresses: [...emailAddresses.values()].map((e, i) => ({ address: clip.value(e.address, `${at}/emailAddresses/${i}/address`), role: e.role })),
    ips: [...ips.values()],
    attachments: analysis.attachments.map((a, i) => ({ name: clip.value(a.name, `${at}/attachments/${i}/name`), sha256: a.sha256 ?? null, size: a.size, kind: a.content?.kind ?? null })),
  };
}

/** The report document for one mail (docs/report.schema.json). Never throws on hostile mail. */
export function buildReport(input: ReportInput): Report {
  const { analysis, snapshot } = input;
  const limits: ReportLimits = { ...REPORT_LIMITS, ...input.limits };
  const answers = normalizeAnswers(input.answers, input.environment);
  const desk = input.config?.securityDesk;
  const from = snapshot.from;
  const verdicts = snapshot.vendorVerdicts;
  const original: ReportOriginal | undefined = input.originalEml
    ? { encoding: "base64", mediaType: "message/rfc822", size: input.originalEml.length, data: bytesToBase64(input.originalEml) }
    : undefined;
  const reportId = input.reportId !== undefined && isReportId(input.reportId) ? input.reportId : newReportId(input.random);
  // Paths in `clipped` are JSON Pointers into this document, listed in document order: the
  // properties are built in that order below.
  const clip = new Clipper(limits.maxValueChars);
  const item1 = receivedAt(analysis, snapshot);
  const c1 = "/checklist/item1_receivedAt";
  const item1Clipped = { ...item1, receivedBy: clip.optional(item1.receivedBy, `${c1}/receivedBy`), dateHeader: clip.optional(item1.dateHeader, `${c1}/dateHeader`) };
  const c2 = "/checklist/item2_sender";
  const c3 = "/checklist/item3_antivirus";
  const c4 = "/checklist/item4_message";
  const item2 = {
    fromName: from ? clip.value(from.name, `${c2}/fromName`) : null,
    fromAddress: from ? clip.value(from.address, `${c2}/fromAddress`) : null,
    fromDomain: clip.optional(domainOfAddress(from?.address), `${c2}/fromDomain`),
    sender: snapshot.sender ? clip.address(snapshot.sender, `${c2}/sender`) : null,
    replyTo: snapshot.replyTo.map((r, i) => clip.address(r, `${c2}/replyTo/${i}`)),
    returnPath: clip.optional(snapshot.returnPath, `${c2}/returnPath`),
    senderConfirmation: answers.senderConfirmation,
  };
  const verdictHeaders = verdicts.slice(0, limits.maxVerdictHeaders).map((h, i) => ({
    name: clip.value(h.name, `${c3}/verdictHeaders/${i}/name`),
    value: clip.value(h.value, `${c3}/verdictHeaders/${i}/value`, limits.maxVerdictValueChars),
  }));
  const subject = clip.optional(snapshot.subject, `${c4}/subject`);
  const messageId = clip.optional(snapshot.messageId, `${c4}/messageId`);
  const attachments = analysis.attachments.map((a, i) => ({
    name: clip.value(a.name, `${c4}/attachments/${i}/name`),
    size: a.size,
    sha256: a.sha256 ?? null,
    declaredType: clip.value(a.declaredType, `${c4}/attachments/${i}/declaredType`),
    inline: a.inline,
  }));
  const body = bodyOf(snapshot, limits.maxBodyChars, limits.maxHtmlChars, clip);
  const reportedAnalysis = reportAnalysis(analysis, clip);
  const reportedIndicators = indicators(analysis, snapshot, clip);
  const headers = clip.value(snapshot.rawHeaders, "/headers", limits.maxHeaderChars);

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    reportId,
    reportedAt: input.reportedAt.toISOString(),
    source: input.source,
    reporter: input.reporter ? { name: input.reporter.name, address: input.reporter.address } : null,
    securityDesk: { address: desk?.address ?? null, subjectPrefix: desk?.subjectPrefix ?? null },
    checklist: {
      item1_receivedAt: item1Clipped,
      item2_sender: item2,
      item3_antivirus: {
        verdictHeaders,
        verdictHeaderCount: verdicts.length,
        antivirusProduct: answers.antivirusProduct,
        antivirusDetected: answers.antivirusDetected,
        antivirusDetectionName: answers.antivirusDetectionName,
      },
      item4_message: { subject, messageId, attachments, ...body },
      item5_recipients: {
        ...recipients(snapshot, input),
        colleaguesReceived: answers.colleaguesReceived,
        openedAttachment: answers.openedAttachment,
      },
      item6_whatHappened: { clickedLink: answers.clickedLink, whatHappened: answers.whatHappened },
      item7_damage: { damage: answers.damage },
      item8_environment: {
        operatingSystem: answers.operatingSystem,
        clientVersion: answers.clientVersion,
        hostName: input.environment?.hostName || null,
        platform: input.environment?.platform || null,
      },
      item9_shareWithVendors: { shareWithVendors: answers.shareWithVendors },
    },
    comments: answers.comments,
    analysis: reportedAnalysis,
    indicators: reportedIndicators,
    headers,
    headersTruncated: snapshot.rawHeaders.length > limits.maxHeaderChars,
    clipped: clip.clipped,
    ...(original ? { original } : {}),
  };
}
