/**
 * Link-rewriting services: mail gateways (the recipient's own, usually) replace every link with a
 * link to their scanner, which carries the original URL. The rules must judge the original, and
 * the pane shows both. Each decoder below follows the service's documented or well-known URL
 * format; a link that merely looks like one but does not decode is left as it is.
 *
 * Mimecast (and anything else listed as opaque) keeps the original URL on its server: the link
 * carries only a token, so the real destination cannot be known from the mail.
 */
import { isSameOrSubdomain, normalizeHostname, registrableDomain } from "../net/domain.js";

export interface WrapperStep {
  /** The service's name, for the evidence ("Microsoft Safe Links"). */
  readonly wrapper: string;
  /** The URL it wraps; absent for opaque wrappers (destination kept on the service's server). */
  readonly inner?: string;
}

/** Raw (still percent-encoded) value of a query parameter, or null; "+" is left as it is. */
function rawParam(search: string, name: string): string | null {
  const query = search.startsWith("?") ? search.slice(1) : search;
  for (const pair of query.split("&")) {
    const eq = pair.indexOf("=");
    if (eq > 0 && pair.slice(0, eq) === name) return pair.slice(eq + 1);
  }
  return null;
}

function percentDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** application/x-www-form-urlencoded value ("+" is a space), as the services' own servers read it. */
function formParam(url: URL, name: string): string | null {
  return url.searchParams.get(name);
}

function isHttpUrl(text: string | null): text is string {
  if (!text) return false;
  const lower = text.slice(0, 8).toLowerCase();
  return lower.startsWith("http://") || lower.startsWith("https://");
}

/** Base64 / base64url → UTF-8 text, or null. */
function decodeBase64(text: string): string | null {
  let b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  while (b64.length % 4 !== 0) b64 += "=";
  try {
    const binary = atob(b64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Proofpoint URL Defense v2: `?u=` holds the URL with "%" written as "-" and "/" as "_"
 * (https://urldefense.proofpoint.com/v2/url?u=https-3A__www.example.com_a&d=…).
 */
function decodeProofpointV2(u: string): string | null {
  return percentDecode(u.replace(/-/g, "%").replace(/_/g, "/"));
}

// Proofpoint v3 run-length alphabet: "**A" stands for the next 2 characters, "**B" for 3, … "**_" for 65.
const V3_RUN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/**
 * Proofpoint URL Defense v3: https://urldefense.com/v3/__<URL>__;<base64url>!!<ids>$
 * The URL is written out, except that characters Proofpoint had to escape are replaced by "*"
 * (one character) or "**X" (a run); the replaced characters follow "__;" in base64url.
 */
function decodeProofpointV3(href: string): string | null {
  const marker = href.indexOf("/v3/__");
  if (marker < 0) return null;
  const start = marker + "/v3/__".length;
  const end = href.indexOf("__;", start);
  if (end < 0) return null;
  const embedded = href.slice(start, end);
  const bang = href.indexOf("!", end + 3);
  const encoded = href.slice(end + 3, bang < 0 ? href.length : bang);
  if (!embedded.includes("*")) return embedded;
  const replacements = Array.from(decodeBase64(encoded) ?? "");
  let next = 0;
  let out = "";
  for (let i = 0; i < embedded.length; i++) {
    const char = embedded[i]!;
    if (char !== "*") {
      out += char;
      continue;
    }
    if (embedded[i + 1] === "*" && i + 2 < embedded.length) {
      const run = V3_RUN_ALPHABET.indexOf(embedded[i + 2]!) + 2;
      if (run < 2 || next + run > replacements.length) return null;
      out += replacements.slice(next, next + run).join("");
      next += run;
      i += 2;
    } else {
      if (next >= replacements.length) return null;
      out += replacements[next++];
    }
  }
  return out;
}

/** Cisco Secure Email (IronPort) URL filtering: https://secure-web.cisco.com/<token>/<percent-encoded URL>. */
function decodeCisco(url: URL): string | null {
  const path = url.pathname;
  const slash = path.indexOf("/", 1);
  if (slash < 0) return null;
  return percentDecode(path.slice(slash + 1));
}

interface WrapperDecoder {
  readonly name: string;
  /** Host test on the normalised host. */
  matches(host: string, url: URL): boolean;
  /** The wrapped URL, or null when this link does not decode. Absent for opaque wrappers. */
  decode?(url: URL, href: string): string | null;
}

const hostIs = (...domains: string[]) => (host: string) => domains.some((d) => isSameOrSubdomain(host, d));
const labelOf = (host: string): string => {
  const reg = registrableDomain(host) ?? "";
  return reg.slice(0, reg.indexOf(".") < 0 ? reg.length : reg.indexOf("."));
};

/** The services, most common first. Names are shown to the person as "Rewritten by". */
const DECODERS: readonly WrapperDecoder[] = [
  {
    // Microsoft Defender for Office 365 Safe Links: https://nam12.safelinks.protection.outlook.com/?url=<encoded>&data=…
    // (.office365.us for US government clouds).
    name: "Microsoft Safe Links",
    matches: hostIs("safelinks.protection.outlook.com", "safelinks.protection.office365.us"),
    decode: (url) => formParam(url, "url"),
  },
  {
    // v1: ?u=<percent-encoded>; v2: ?u=<"-"/"_"-encoded>. v3 lives on urldefense.com.
    name: "Proofpoint URL Defense",
    matches: hostIs("urldefense.proofpoint.com"),
    decode: (url) => {
      const u = rawParam(url.search, "u");
      if (u === null) return null;
      if (url.pathname.startsWith("/v1/")) return percentDecode(u);
      if (url.pathname.startsWith("/v2/")) return decodeProofpointV2(u);
      return null;
    },
  },
  {
    name: "Proofpoint URL Defense",
    matches: hostIs("urldefense.com"),
    decode: (url, href) => (url.pathname.startsWith("/v3/__") ? decodeProofpointV3(href) : null),
  },
  {
    // Google's redirector, also used by Gmail for links in mail: https://www.google.com/url?q=<url>
    // (an open redirect, so attackers use it to make a link "start with google.com").
    name: "Google redirect",
    matches: (host, url) => labelOf(host) === "google" && url.pathname === "/url",
    decode: (url) => formParam(url, "q") ?? formParam(url, "url"),
  },
  {
    // Barracuda Email Protection Link Protection: https://linkprotect.cudasvc.com/url?a=<url>&c=…
    name: "Barracuda Link Protection",
    matches: hostIs("linkprotect.cudasvc.com"),
    decode: (url) => formParam(url, "a"),
  },
  {
    // Trend Micro Email Security time-of-click: https://…trendmicro.com/wis/clicktime/v1/query?url=<url>&umid=…
    name: "Trend Micro Email Security",
    matches: (host, url) => labelOf(host) === "trendmicro" && url.pathname.includes("/clicktime/"),
    decode: (url) => formParam(url, "url"),
  },
  {
    name: "Cisco Secure Email",
    matches: hostIs("secure-web.cisco.com"),
    decode: (url) => decodeCisco(url),
  },
  {
    // Trellix (FireEye) Email Security: https://protect2.fireeye.com/v1/url?k=…&u=<url>
    name: "Trellix Email Security",
    matches: hostIs("protect2.fireeye.com", "protect.fireeye.com"),
    decode: (url) => formParam(url, "u"),
  },
  {
    // Symantec Email Security.cloud click-time protection: https://clicktime.symantec.com/…?u=<url>
    name: "Symantec Click-time URL Protection",
    matches: hostIs("clicktime.symantec.com"),
    decode: (url) => formParam(url, "u"),
  },
  {
    // Sophos Email time-of-click: https://…protection.sophos.com/?d=<domain>&u=<base64 url>&…
    name: "Sophos Email",
    matches: hostIs("protection.sophos.com"),
    decode: (url) => {
      const u = formParam(url, "u");
      return u === null ? null : decodeBase64(u);
    },
  },
  {
    // Mimecast URL Protect: https://protect-eu.mimecast.com/s/<token>, https://url.uk.m.mimecastprotect.com/s/<token>.
    // The token is looked up on Mimecast's servers; the original URL is not in the link.
    name: "Mimecast URL Protect",
    matches: (host) => isSameOrSubdomain(host, "mimecastprotect.com") || (isSameOrSubdomain(host, "mimecast.com") && host.startsWith("protect")),
  },
];

/** One unwrapping step, or undefined when the URL is not a known wrapper (or does not decode). */
export function unwrapStep(href: string): WrapperStep | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  const host = normalizeHostname(url.hostname);
  if (!host) return undefined;
  for (const decoder of DECODERS) {
    if (!decoder.matches(host, url)) continue;
    if (!decoder.decode) return { wrapper: decoder.name };
    const inner = decoder.decode(url, href);
    if (isHttpUrl(inner)) return { wrapper: decoder.name, inner };
    return undefined;
  }
  return undefined;
}

/**
 * Words every wrapper host above contains: a cheap first test, one expression per link host, so
 * the thousands of ordinary links in a newsletter are not parsed twice.
 */
const WRAPPER_HINT = /safelinks|urldefense|google|cudasvc|trendmicro|cisco|fireeye|symantec|sophos|mimecast/;

/** False when `host` cannot be a known wrapper (so `unwrap` need not run). */
export function mayBeWrapper(host: string): boolean {
  return WRAPPER_HINT.test(host);
}

/** Nested wrappers (Safe Links around URL Defense around a Google redirect) are followed this deep. */
export const MAX_UNWRAP_DEPTH = 5;

export interface UnwrapResult {
  /** Wrapper names, outermost first. */
  readonly wrappers: readonly string[];
  /** The innermost URL recovered (absent when the outermost wrapper is already opaque). */
  readonly inner?: string;
  /** The innermost wrapper keeps the real destination on its server. */
  readonly opaque: boolean;
}

/** Follows wrappers from the outside in; undefined when `href` is not wrapped. */
export function unwrap(href: string): UnwrapResult | undefined {
  const wrappers: string[] = [];
  let current = href;
  let inner: string | undefined;
  for (let depth = 0; depth < MAX_UNWRAP_DEPTH; depth++) {
    const step = unwrapStep(current);
    if (!step) break;
    wrappers.push(step.wrapper);
    if (step.inner === undefined) return { wrappers, inner, opaque: true };
    inner = step.inner;
    current = step.inner;
  }
  return wrappers.length === 0 ? undefined : { wrappers, inner, opaque: false };
}

/** Name of the opaque wrapper (Mimecast) when `href` is one; its destination cannot be known. */
export function opaqueWrapperOf(href: string): string | undefined {
  const step = unwrapStep(href);
  return step && step.inner === undefined ? step.wrapper : undefined;
}
