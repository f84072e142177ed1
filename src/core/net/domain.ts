import { getDomain, parse } from "tldts";
import { parseIp } from "./ip.js";
import { boundedMemo } from "../memo.js";

/**
 * tldts options, pinned so a library default can never change results silently:
 * - ICANN and private suffixes both count: "evil.github.io" and "good.github.io" are different
 *   registrable domains, which is what a person should be told.
 * - Hostnames are extracted and validated by us (WHATWG URL, below), not by tldts, because
 *   tldts neither applies IDNA nor percent-decoding.
 */
const TLDTS_OPTIONS: NonNullable<Parameters<typeof parse>[1]> = {
  allowIcannDomains: true,
  allowPrivateDomains: true,
  detectIp: true,
  extractHostname: false,
  mixedInputs: false,
  validHosts: null,
  validateHostname: true,
};

/**
 * Normalises a host as a browser would before connecting: IDNA to punycode, lower case,
 * percent-decoding, trailing dot removed, IPv4 shorthand ("0x7f.1") expanded (WHATWG URL §3.5).
 * Returns null when a browser would reject it.
 * Memoised: hosts recur across links, addresses and rules, and the URL parser is the costly part.
 */
export const normalizeHostname: (host: string) => string | null = boundedMemo((host) => {
  const trimmed = host.trim();
  if (trimmed === "" || /[\s/?#@\\]/.test(trimmed)) return null;
  try {
    const hostname = new URL(`http://${trimmed}/`).hostname;
    // Every trailing dot goes ("example.com.." too), so normalising twice changes nothing.
    let end = hostname.length;
    while (end > 0 && hostname[end - 1] === ".") end--;
    return end === 0 ? null : hostname.slice(0, end);
  } catch {
    return null;
  }
}, 5000);

const registrableOf = boundedMemo((host: string): string | null => parseIp(host)?.text ?? getDomain(host, TLDTS_OPTIONS), 5000);

/** eTLD+1 of a normalised host; an IP literal is its own "registrable domain". */
export function registrableDomain(host: string | null | undefined): string | null {
  return host ? registrableOf(host) : null;
}

/**
 * True when the host ends in a suffix the public suffix list knows (ICANN or private section),
 * so a word like "Mr.Smith" in a display name is not taken for a domain.
 */
export function hasKnownPublicSuffix(host: string | null | undefined): boolean {
  if (!host || parseIp(host)) return false;
  const result = parse(host, TLDTS_OPTIONS);
  return result.isIcann === true || result.isPrivate === true;
}

/**
 * Whether the host is itself a public suffix ("co.jp", "jp", "github.io"), and from which section
 * of the list: names under an ICANN suffix are registered by anyone, names under a private one
 * ("github.io", "s3.amazonaws.com") belong to a provider's separate customers. Undefined for a
 * host with a registrable domain, an IP, or a single label the list does not know.
 */
export function publicSuffixKind(host: string): "icann" | "private" | undefined {
  if (parseIp(host)) return undefined;
  const result = parse(host, TLDTS_OPTIONS);
  if (result.publicSuffix !== host) return undefined;
  return result.isPrivate === true ? "private" : result.isIcann === true ? "icann" : undefined;
}

/** Domain part of an address ("Name <a@B.example>" → "b.example"), normalised; null if none. */
export function domainOfAddress(address: string | undefined): string | null {
  if (!address) return null;
  const at = address.lastIndexOf("@");
  if (at < 0) return null;
  let domain = address.slice(at + 1);
  if (domain.endsWith(">")) domain = domain.slice(0, -1);
  // Address literals ("user@[192.0.2.1]", "user@[IPv6:2001:db8::1]", RFC 5321 §4.1.3) keep the
  // IP as the "domain"; the URL parser does not take the "IPv6:" tag, parseIp does.
  if (domain.startsWith("[") && domain.endsWith("]")) return parseIp(domain)?.text ?? null;
  return normalizeHostname(domain);
}

/** A label of the host is an IDN A-label ("xn--…", RFC 5890 §2.3.2.1). */
export function isIdnHost(host: string | null | undefined): boolean {
  if (!host || !host.includes("xn--")) return false;
  return host.startsWith("xn--") || host.includes(".xn--");
}

/** True when `host` is `domain` or one of its subdomains (label-aligned, never a string prefix). */
export function isSameOrSubdomain(host: string, domain: string): boolean {
  if (host === domain) return true;
  // host ends with "." + domain, tested without building that string (called per host and per listed domain).
  const dot = host.length - domain.length - 1;
  return dot >= 0 && host.charCodeAt(dot) === 0x2e && host.endsWith(domain);
}

/**
 * True when `host` or one of its parent domains is in `domains` (label-aligned): one lookup per
 * label instead of a comparison per listed domain.
 */
export function isUnderAnyOf(host: string, domains: ReadonlySet<string>): boolean {
  for (let at = 0; at >= 0; ) {
    if (domains.has(at === 0 ? host : host.slice(at))) return true;
    const dot = host.indexOf(".", at);
    at = dot < 0 ? -1 : dot + 1;
  }
  return false;
}

// RFC 3492 punycode decoding, for showing IDN hosts as the person would read them.
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digitValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 22; // 0-9 → 26-35
  if (code >= 65 && code <= 90) return code - 65; // A-Z
  if (code >= 97 && code <= 122) return code - 97; // a-z
  return BASE;
}

function decodeLabel(label: string): string | null {
  const input = label.slice(4);
  const basicEnd = input.lastIndexOf("-");
  const output = basicEnd > 0 ? Array.from(input.slice(0, basicEnd), (c) => c.codePointAt(0)!) : [];
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let pos = basicEnd > 0 ? basicEnd + 1 : 0; pos < input.length; ) {
    const oldI = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (pos >= input.length) return null;
      const digit = digitValue(input.charCodeAt(pos++));
      if (digit >= BASE) return null;
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      w *= BASE - t;
      if (w > 0x7fffffff) return null;
    }
    bias = adapt(i - oldI, output.length + 1, oldI === 0);
    n += Math.floor(i / (output.length + 1));
    i %= output.length + 1;
    if (n > 0x10ffff) return null;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

/**
 * A label's Unicode form, only when it encodes back to the same label: "xn--abc-" decodes to
 * "abc" and "xn--a" to a control character, and showing those would name a different host
 * than the one the link really reaches.
 */
function labelToUnicode(label: string): string {
  const lower = label.toLowerCase();
  if (!lower.startsWith("xn--")) return label;
  const decoded = decodeLabel(lower);
  if (decoded === null || decoded === "") return label;
  return normalizeHostname(decoded) === lower ? decoded : label;
}

/** Host with its xn-- labels decoded to Unicode; labels that do not decode cleanly stay as they are. */
export function hostToUnicode(host: string): string {
  return host.split(".").map(labelToUnicode).join(".");
}
