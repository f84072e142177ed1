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
  // The value's lines, joined once: a field folded over 500,000 lines must not be rebuilt per line.
  let parts: string[] = [];
  const flush = (): void => {
    if (name !== null) fields.push({ name, value: parts.join(" ").trim() });
    name = null;
    parts = [];
  };
  for (let start = 0; start <= raw.length; ) {
    const lf = raw.indexOf("\n", start);
    const stop = lf < 0 ? raw.length : lf;
    // CRLF or bare LF end a line; a CR elsewhere stays in the line.
    const line = raw.slice(start, stop > start && raw.charCodeAt(stop - 1) === 0x0d && lf >= 0 ? stop - 1 : stop);
    start = stop + 1;
    if (line === "") {
      // A blank line ends the header block (what follows is the body).
      if (fields.length > 0 || name !== null) break;
      continue;
    }
    const first = line.charCodeAt(0);
    if (first === 0x20 || first === 0x09) {
      if (name !== null) parts.push(line.trim());
      continue;
    }
    flush();
    const colon = line.indexOf(":");
    // Field names are printable ASCII except colon (RFC 5322 §3.6.8).
    if (colon <= 0 || !/^[\x21-\x39\x3b-\x7e]+$/.test(line.slice(0, colon).trimEnd())) continue;
    name = line.slice(0, colon).trimEnd();
    parts = [line.slice(colon + 1)];
  }
  flush();
  return fields;
}

/**
 * Positions of the fields by lower-case name, built once per header list: hosts, the route, the
 * authentication summary and the rules all look fields up by name, and a hostile mail can have
 * a hundred thousand fields. Header lists are never changed once a snapshot holds them
 * (`readonly HeaderField[]`), so the index stays true for the list it was built from.
 */
const indexes = new WeakMap<readonly HeaderField[], ReadonlyMap<string, readonly number[]>>();

function indexOf(headers: readonly HeaderField[]): ReadonlyMap<string, readonly number[]> {
  let index = indexes.get(headers);
  if (index === undefined) {
    const built = new Map<string, number[]>();
    headers.forEach((h, position) => {
      const key = h.name.toLowerCase();
      const list = built.get(key);
      if (list === undefined) built.set(key, [position]);
      else list.push(position);
    });
    indexes.set(headers, (index = built));
  }
  return index;
}

const NONE: readonly number[] = [];

/** Positions in `headers` of every field with this name (case-insensitive), in order. */
export function headerPositions(headers: readonly HeaderField[], name: string): readonly number[] {
  return indexOf(headers).get(name.toLowerCase()) ?? NONE;
}

/** Values of every field with this name (case-insensitive), in order. */
export function headerValues(headers: readonly HeaderField[], name: string): string[] {
  return headerPositions(headers, name).map((i) => headers[i]!.value);
}

/**
 * Anti-spam and antivirus verdict headers added by gateways and mail services. Matched by vendor
 * prefixes and by words (spam, virus, malware, phish) so new headers with conventional names are
 * picked up too; the report lists them for the desk (checklist item 3). One expression: every
 * field name of every mail is asked.
 */
const VERDICT_NAME =
  /^x-(?:forefront-|microsoft-antispam|ms-exchange-organization-[ps]cl|ironport|barracuda|mimecast|proofpoint|sophos|symantec|trendmicro|tm-as|eset|kaspersky|fortiguard|mailscanner|amavis|rspamd|ham-report)|^x-.*?(?:spam|virus|malware|phish)/i;

export function isVerdictHeader(name: string): boolean {
  return VERDICT_NAME.test(name);
}

/** Positions of the verdict headers, in header order (each distinct name is judged once). */
function verdictPositions(headers: readonly HeaderField[]): number[] {
  const positions: number[] = [];
  for (const [name, at] of indexOf(headers)) {
    // A loop, not push(...at): spreading a hundred thousand arguments overflows the stack.
    if (isVerdictHeader(name)) for (const position of at) positions.push(position);
  }
  return positions.sort((a, b) => a - b);
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
    vendorVerdicts: verdictPositions(headers).map((i) => headers[i]!),
  };
}
