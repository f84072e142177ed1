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
function bodyOf(snapshot: MessageSnapshot, maxChars: number, maxHtmlChars: number): Pick<Item4Message, "bodyText" | "bodySource" | "bodyClipped"> {
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
  const clipped = hostCut || text.length > maxChars || (source === "html" && htmlCut) || (source === "text" && snapshot.text!.length > maxChars * 2 + 2);
  return {
    bodyText: makeControlsVisible(defangText(clipChars(text, maxChars)), true),
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

function reportAnalysis(analysis: Analysis): ReportAnalysis {
  const origin = analysis.route.origin;
  const a = analysis.authentication;
  return {
    verdict: analysis.verdict,
    analyzedAt: analysis.analyzedAt,
    incomplete: analysis.incomplete,
    findings: analysis.findings.map((f) => ({
      id: f.id,
      severity: f.severity,
      group: f.group,
      title: f.title,
      evidence: f.evidence.map((e) => ({ label: e.label, value: e.value })),
    })),
    origin: origin
      ? {
          ip: origin.ip,
          host: origin.host ?? null,
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

function indicators(analysis: Analysis, snapshot: MessageSnapshot): ReportIndicators {
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

  return {
    urls: [...urls.values()],
    domains: [...domains],
    emailAddresses: [...emailAddresses.values()],
    ips: [...ips.values()],
    attachments: analysis.attachments.map((a) => ({ name: a.name, sha256: a.sha256 ?? null, size: a.size, kind: a.content?.kind ?? null })),
  };
}

const address = (a: { readonly name: string; readonly address: string }): ReportAddress => ({ name: a.name, address: a.address });

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

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    reportedAt: input.reportedAt.toISOString(),
    source: input.source,
    reporter: input.reporter ? address(input.reporter) : null,
    securityDesk: { address: desk?.address ?? null, subjectPrefix: desk?.subjectPrefix ?? null },
    checklist: {
      item1_receivedAt: receivedAt(analysis, snapshot),
      item2_sender: {
        fromName: from ? from.name : null,
        fromAddress: from ? from.address : null,
        fromDomain: domainOfAddress(from?.address),
        sender: snapshot.sender ? address(snapshot.sender) : null,
        replyTo: snapshot.replyTo.map(address),
        returnPath: snapshot.returnPath ?? null,
        senderConfirmation: answers.senderConfirmation,
      },
      item3_antivirus: {
        verdictHeaders: verdicts.slice(0, limits.maxVerdictHeaders).map((h) => ({ name: h.name, value: clipChars(h.value, limits.maxVerdictValueChars) })),
        verdictHeaderCount: verdicts.length,
        antivirusProduct: answers.antivirusProduct,
        antivirusDetected: answers.antivirusDetected,
        antivirusDetectionName: answers.antivirusDetectionName,
      },
      item4_message: {
        subject: snapshot.subject ?? null,
        messageId: snapshot.messageId ?? null,
        attachments: analysis.attachments.map((a) => ({
          name: a.name,
          size: a.size,
          sha256: a.sha256 ?? null,
          declaredType: a.declaredType,
          inline: a.inline,
        })),
        ...bodyOf(snapshot, limits.maxBodyChars, limits.maxHtmlChars),
      },
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
    analysis: reportAnalysis(analysis),
    indicators: indicators(analysis, snapshot),
    headers: clipChars(snapshot.rawHeaders, limits.maxHeaderChars),
    headersTruncated: snapshot.rawHeaders.length > limits.maxHeaderChars,
    ...(original ? { original } : {}),
  };
}
