/**
 * What a person reads as a link: is the visible text a URL, a bare domain name, or just words?
 * The answer decides which link rules apply (a shown URL can be compared with the real target;
 * "こちら" cannot).
 */
import type { ShownKind } from "../analysis.js";
import { parse as parseDomain } from "tldts";
import { parseIp } from "../net/ip.js";
import { normalizeHostname, registrableDomain } from "../net/domain.js";
import { isAsciiAlnum } from "../text/ascii.js";

/** Visible link text kept per link (the evidence shows it; longer text is clipped with "…"). */
export const MAX_SHOWN_CHARS = 200;

// Characters that render as nothing: zero-width space/joiners, word joiner, BOM, soft hyphen.
// Phishing text hides them inside brand names ("Pay\u200BPal") to slip past word filters.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** Collapses whitespace (as HTML rendering does, CSS white-space: normal), drops invisible characters. */
export function collapseWhitespace(text: string): string {
  return text.replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
}

export function clip(text: string, max = MAX_SHOWN_CHARS): string {
  if (text.length <= max) return text;
  // Never cut a surrogate pair in half (an emoji at the cut would become U+FFFD on display).
  const code = text.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/**
 * Top-level domains a bare "name.tld" in link text is taken as a domain name with: the original
 * gTLDs and the two-letter country codes. Newer gTLDs are also words and file types (".here",
 * ".zip", ".mov", ".click"), so "Click.here" stays text; written with "www." or a scheme, any
 * listed suffix counts.
 */
const LEGACY_GTLDS: ReadonlySet<string> = new Set([
  "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "mobi", "asia", "aero", "coop", "museum", "jobs", "travel", "tel", "cat",
]);

/**
 * Country-code TLDs that are far more often a file extension or a name in link text than a
 * domain: "README.md" (Moldova), "setup.py" (Paraguay), "build.sh" (St Helena), "main.rs"
 * (Serbia), "Module.pm", "script.ps", "lib.so".
 */
const FILE_LIKE_CCTLDS: ReadonlySet<string> = new Set(["md", "py", "sh", "rs", "pm", "ps", "so"]);

/** Letters (any script), digits, "-" and "." only: what a domain name written as text consists of. */
function isDomainText(text: string): boolean {
  if (text.length === 0 || text.length > 253) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isAsciiAlnum(c) || c === 0x2e || c === 0x2d) continue;
    if (c < 0x80) return false;
    // Beyond ASCII (IDN labels), the rest by Unicode class.
    if (!/^[\p{L}\p{N}.-]+$/u.test(text.slice(i))) return false;
    break;
  }
  return !text.startsWith(".") && !text.endsWith(".") && !text.startsWith("-") && text.includes(".");
}

/**
 * True when `text` is a domain name a person would read as one: domain characters only, a
 * public suffix listed in the public suffix list with a name before it, and (for bare text) a
 * top-level domain from the short list above. "Amazon.co.jp" is a domain; "Click.here" and
 * "invoice.pdf" are not.
 */
export function looksLikeDomainName(text: string, anyListedSuffix = false): boolean {
  if (!isDomainText(text)) return false;
  const host = normalizeHostname(text);
  if (!host) return false;
  const info = parseDomain(host, { allowPrivateDomains: true, extractHostname: false, validateHostname: true });
  if (!info.domain || !(info.isIcann || info.isPrivate)) return false;
  if (anyListedSuffix) return true;
  const tld = host.slice(host.lastIndexOf(".") + 1);
  return LEGACY_GTLDS.has(tld) || (tld.length === 2 && !FILE_LIKE_CCTLDS.has(tld));
}

export interface ShownClass {
  readonly kind: Extract<ShownKind, "url" | "domain" | "text">;
  readonly host?: string;
  readonly registrableDomain?: string;
}

const OPENERS = new Set(["<", "(", "[", "{", '"', "'", "「", "『", "【", "〈", "《", "(", "“", "‘"]);
const CLOSERS = new Set([">", ")", "]", "}", '"', "'", "」", "』", "】", "〉", "》", ")", "”", "’", ".", ",", ";", ":", "!", "?", "。", "、"]);

/** Drops quotes, brackets and sentence punctuation around a would-be URL ("<https://x>", "「example.jp」。"). */
function unwrapPunctuation(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && OPENERS.has(text[start]!)) start++;
  while (end > start && CLOSERS.has(text[end - 1]!)) end--;
  return text.slice(start, end);
}

function hostOf(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.hostname === "" ? null : normalizeHostname(url.hostname);
  } catch {
    return null;
  }
}

function withHost(kind: "url" | "domain", host: string | null): ShownClass {
  if (!host) return { kind: "text" };
  const reg = registrableDomain(host);
  return reg ? { kind, host, registrableDomain: reg } : { kind, host };
}

/** Classifies one whitespace-free token: a URL ("https://…", "www.…", "example.jp/path"), a domain, or neither. */
function classifyToken(token: string): ShownClass {
  const t = unwrapPunctuation(token);
  const lower = t.toLowerCase();
  if (lower.startsWith("http://") || lower.startsWith("https://")) return withHost("url", hostOf(t));
  if (lower.startsWith("www.")) {
    const host = hostOf(`http://${t}`);
    return host && looksLikeDomainName(host, true) ? withHost("url", host) : { kind: "text" };
  }
  let cut = 0;
  while (cut < t.length && !"/?#".includes(t[cut]!)) cut++;
  const name = t.slice(0, cut);
  // An IP address written as text claims a destination just as a domain does.
  const ip = parseIp(name);
  if (ip) return withHost(cut < t.length ? "url" : "domain", ip.family === 6 ? `[${ip.text}]` : ip.text);
  // With a path after it ("grants.example.xyz/apply") the name is plainly a URL, so any listed
  // suffix counts; a bare word pair needs a well-known TLD (see LEGACY_GTLDS).
  const hasPath = cut < t.length;
  if (!looksLikeDomainName(name, hasPath)) return { kind: "text" };
  return withHost(hasPath ? "url" : "domain", normalizeHostname(name));
}

/**
 * What the visible text of a link shows. The whole text as one URL or domain is the common
 * phishing form ("https://www.example.co.jp/login"); inside a sentence only URLs written with
 * a scheme or "www." count ("ログインはこちら https://…"), since bare "name.tld" words in
 * prose are too often something else.
 */
export function classifyShownText(text: string): ShownClass {
  const normalized = text.normalize("NFKC").trim();
  if (normalized === "") return { kind: "text" };
  if (!/\s/.test(normalized)) return classifyToken(normalized);
  for (const token of normalized.split(/\s+/)) {
    const t = unwrapPunctuation(token).toLowerCase();
    if (t.startsWith("http://") || t.startsWith("https://") || t.startsWith("www.")) {
      const shown = classifyToken(token);
      if (shown.kind !== "text") return { ...shown, kind: "url" };
    }
  }
  return { kind: "text" };
}
