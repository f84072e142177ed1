import type { HeaderField } from "../snapshot.js";

/**
 * Splits a raw header block into fields (RFC 5322 §2.2): unfolds continuation lines, keeps
 * order and duplicates. Tolerant: lines without a colon are skipped, CRLF and bare LF both end
 * a line. Used by the .eml host's fallback and by hosts that get headers as one string
 * (Outlook's getAllInternetHeadersAsync).
 */
export function parseHeaderBlock(raw: string): HeaderField[] {
  const fields: HeaderField[] = [];
  let name: string | null = null;
  let value = "";
  const flush = (): void => {
    if (name !== null) fields.push({ name, value: value.trim() });
    name = null;
    value = "";
  };
  for (const line of raw.split(/\r?\n/)) {
    if (line === "") {
      // A blank line ends the header block (what follows is the body).
      if (fields.length > 0 || name !== null) break;
      continue;
    }
    if (/^[ \t]/.test(line)) {
      if (name !== null) value += ` ${line.trim()}`;
      continue;
    }
    flush();
    const colon = line.indexOf(":");
    // Field names are printable ASCII except colon (RFC 5322 §3.6.8).
    if (colon <= 0 || !/^[\x21-\x39\x3b-\x7e]+$/.test(line.slice(0, colon).trimEnd())) continue;
    name = line.slice(0, colon).trimEnd();
    value = line.slice(colon + 1);
  }
  flush();
  return fields;
}

/** Values of every field with this name (case-insensitive), in order. */
export function headerValues(headers: readonly HeaderField[], name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter((h) => h.name.toLowerCase() === wanted).map((h) => h.value);
}

/**
 * Anti-spam and antivirus verdict headers added by gateways and mail services. Matched by words
 * and vendor prefixes so new headers with conventional names are picked up too; the report
 * lists them for the desk (checklist item 3).
 */
const VERDICT_WORDS = ["spam", "virus", "malware", "phish"];
const VERDICT_PREFIXES = [
  "x-forefront-", "x-microsoft-antispam", "x-ms-exchange-organization-scl", "x-ms-exchange-organization-pcl",
  "x-ironport", "x-barracuda", "x-mimecast", "x-proofpoint", "x-sophos", "x-symantec", "x-trendmicro", "x-tm-as",
  "x-eset", "x-kaspersky", "x-fortiguard", "x-mailscanner", "x-amavis", "x-rspamd", "x-ham-report",
];

export function isVerdictHeader(name: string): boolean {
  const lower = name.toLowerCase();
  if (!lower.startsWith("x-")) return false;
  return VERDICT_PREFIXES.some((p) => lower.startsWith(p)) || VERDICT_WORDS.some((w) => lower.includes(w));
}

/** The header-derived lists of a snapshot, shared by every host. */
export function routingFields(headers: readonly HeaderField[]) {
  return {
    received: headerValues(headers, "received"),
    authenticationResults: headerValues(headers, "authentication-results"),
    arc: {
      authenticationResults: headerValues(headers, "arc-authentication-results"),
      messageSignature: headerValues(headers, "arc-message-signature"),
      seal: headerValues(headers, "arc-seal"),
    },
    vendorVerdicts: headers.filter((h) => isVerdictHeader(h.name)),
  };
}
