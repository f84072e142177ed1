/**
 * Where a link goes: an href as written in the mail → a normalised `LinkTarget`, resolved the way
 * the browser that opens it would (WHATWG URL), not the way the text reads.
 */
import type { LinkTarget } from "../analysis.js";
import { hostToUnicode, isIdnHost, normalizeHostname, registrableDomain } from "../net/domain.js";
import { looksLikeDomainName } from "./shown.js";

/** The parts of a parsed URL the rules look at beyond `LinkTarget`. */
export interface ParsedHref {
  readonly target: LinkTarget;
  /** False when the href could not be parsed (target.url is then the raw href). */
  readonly parsed: boolean;
  /** The href was relative and was resolved against the mail's <base href>. */
  readonly viaBase: boolean;
}

// RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ":".
const SCHEME = /^([a-z][\d+.a-z-]*):/i;

/** The scheme of an href as written (lower case), or "" when it has none. */
export function schemeOf(href: string): string {
  const m = SCHEME.exec(href);
  return m ? m[1]!.toLowerCase() : "";
}

/**
 * Strips what the WHATWG URL parser strips before parsing: leading/trailing C0 controls and
 * spaces, and every tab or newline inside (URL standard, "basic URL parser", steps 1–3).
 * Doing it first means `schemeOf` sees what the browser sees ("java\tscript:" is javascript:).
 */
export function cleanHref(href: string): string {
  let start = 0;
  let end = href.length;
  while (start < end && href.charCodeAt(start) <= 0x20) start++;
  while (end > start && href.charCodeAt(end - 1) <= 0x20) end--;
  let first = start;
  while (first < end && !isTabOrNewline(href.charCodeAt(first))) first++;
  // Nearly every href: nothing inside to strip.
  if (first === end) return start === 0 && end === href.length ? href : href.slice(start, end);
  let out = href.slice(start, first);
  for (let i = first; i < end; i++) {
    if (!isTabOrNewline(href.charCodeAt(i))) out += href[i];
  }
  return out;
}

function isTabOrNewline(c: number): boolean {
  return c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Schemes whose host the WHATWG parser already normalises (URL standard, "special scheme"). */
const SPECIAL_SCHEMES = new Set(["http", "https", "ftp", "ws", "wss", "file"]);

/** LinkTarget of a URL the WHATWG parser accepted. */
export function targetOfUrl(url: URL): LinkTarget {
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  let host: string | null = null;
  if (url.hostname !== "") {
    // A special scheme's hostname is already lower-case punycode with IPv4 expanded; only the
    // trailing dot remains to drop. Opaque hosts of other schemes go through the full normaliser.
    host = SPECIAL_SCHEMES.has(scheme) ? url.hostname.replace(/\.$/, "") || null : normalizeHostname(url.hostname);
  }
  const target: LinkTarget = { url: url.href, scheme, host, registrableDomain: registrableDomain(host) };
  if (host !== null && isIdnHost(host)) {
    const unicode = hostToUnicode(host);
    if (unicode !== host) return { ...target, hostUnicode: unicode };
  }
  return target;
}

/** LinkTarget for an href that does not parse: the raw text, its scheme if it names one, no host. */
export function unparsedTarget(href: string): LinkTarget {
  return { url: href, scheme: schemeOf(href), host: null, registrableDomain: null };
}

function tryUrl(input: string, base?: URL): URL | undefined {
  try {
    return base ? new URL(input, base) : new URL(input);
  } catch {
    return undefined;
  }
}

/** True for `\\server\share` (and the mixed `\/` forms Windows accepts): a UNC path, which Windows opens over SMB. */
export function isUncPath(href: string): boolean {
  const a = href[0];
  const b = href[1];
  return (a === "\\" && (b === "\\" || b === "/")) || (a === "/" && b === "\\");
}

/**
 * Resolves an href from the mail.
 * - `\\server\share` → file://server/share: Outlook hands UNC paths to Windows, which connects
 *   over SMB (and sends the user's NTLM hash; CVE-2023-23397 used the same path).
 * - Absolute URLs parse on their own; a <base href> does not change them.
 * - Relative hrefs resolve against <base href> when the mail has one (HTML §2.4.1, "document
 *   base URL").
 * - Without a base, "//host/path" and "www.example.com/path" are what Outlook and webmail open as
 *   http URLs; any other relative href goes nowhere and is reported unparsed.
 */
export function parseHref(raw: string, base: URL | undefined): ParsedHref {
  const href = cleanHref(raw);
  if (isUncPath(href)) {
    const url = tryUrl(`file:${href.replace(/\\/g, "/")}`);
    if (url) return { target: { ...targetOfUrl(url), url: href }, parsed: true, viaBase: false };
    return { target: { ...unparsedTarget(href), scheme: "file" }, parsed: false, viaBase: false };
  }
  if (schemeOf(href) !== "") {
    const url = tryUrl(href);
    return url ? { target: targetOfUrl(url), parsed: true, viaBase: false } : { target: unparsedTarget(href), parsed: false, viaBase: false };
  }
  if (base) {
    const url = tryUrl(href, base);
    if (url) return { target: targetOfUrl(url), parsed: true, viaBase: true };
  }
  if (href.startsWith("//")) {
    const url = tryUrl(`http:${href}`);
    if (url) return { target: targetOfUrl(url), parsed: true, viaBase: false };
  } else if (looksLikeDomainName(hostPart(href), href.slice(0, 4).toLowerCase() === "www.")) {
    const url = tryUrl(`http://${href}`);
    if (url) return { target: targetOfUrl(url), parsed: true, viaBase: false };
  }
  return { target: unparsedTarget(href), parsed: false, viaBase: false };
}

/** The text before the first "/", "?", "#" or ":" (the would-be host of a scheme-less URL). */
export function hostPart(text: string): string {
  let end = 0;
  while (end < text.length && !"/?#:".includes(text[end]!)) end++;
  return text.slice(0, end);
}
