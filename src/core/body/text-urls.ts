/**
 * URLs in plain text, found by a single left-to-right scan (no regular expression runs over the
 * body: a hostile mail can be megabytes of near-URLs, and the scan must stay linear).
 *
 * Recognised: "http://…", "https://…" and "www.…" (what mail clients themselves turn into
 * links). Defanged forms ("hxxp://", "example[.]com") are deliberately not links: nobody can
 * click them.
 */
import { isAsciiAlnum } from "../text/ascii.js";

export interface TextUrl {
  /** The URL as written. */
  readonly text: string;
  /** Offset in the scanned text. */
  readonly start: number;
}

/**
 * Characters that continue a URL in running text: printable ASCII except the delimiters RFC 3986
 * Appendix C names for URLs in text (space, <, >, ") and a few that never occur unencoded
 * (`, {, }, |, \, ^). Non-ASCII ends it: Japanese prose often follows a URL with no space
 * ("https://example.jp/にアクセス").
 */
function continuesUrl(code: number): boolean {
  if (code <= 0x20 || code >= 0x7f) return false;
  return !'<>"`{}|\\^'.includes(String.fromCharCode(code));
}

/** Characters dropped from the end: sentence punctuation and quotes are rarely part of the URL. */
const TRAILING = ".,;:!?'*";

function trimTrailing(url: string): string {
  // Bracket balance counted once, then updated as characters are dropped: linear in the URL.
  let parens = 0;
  let brackets = 0;
  for (const char of url) {
    if (char === "(") parens++;
    else if (char === ")") parens--;
    else if (char === "[") brackets++;
    else if (char === "]") brackets--;
  }
  let end = url.length;
  while (end > 0) {
    const last = url[end - 1]!;
    if (TRAILING.includes(last)) {
      end--;
    } else if (last === ")" && parens < 0) {
      // A closing bracket ends the URL unless the URL opened one ("(see https://x.example/a)"
      // vs Wikipedia's "…/Foo_(bar)").
      parens++;
      end--;
    } else if (last === "]" && brackets < 0) {
      brackets++;
      end--;
    } else {
      break;
    }
  }
  return url.slice(0, end);
}

function startsWithIgnoreCase(text: string, at: number, prefix: string): boolean {
  if (at + prefix.length > text.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    const c = text.charCodeAt(at + i) | 0x20;
    if (c !== prefix.charCodeAt(i)) return false;
  }
  return true;
}

/** Length of the scheme prefix that starts a URL at `at` ("https://" = 8, "www." = 4), or 0. */
function prefixAt(text: string, at: number): number {
  const prev = at > 0 ? text.charCodeAt(at - 1) : 0x20;
  // Inside a word ("xhttp://", "awww.") is not a URL start.
  if (isAsciiAlnum(prev)) return 0;
  if (startsWithIgnoreCase(text, at, "http://")) return 7;
  if (startsWithIgnoreCase(text, at, "https://")) return 8;
  // "www." after "." or "/" or "@" is part of something else (a path, an address).
  if (prev !== 0x2e && prev !== 0x2f && prev !== 0x40 && prev !== 0x2d && startsWithIgnoreCase(text, at, "www.")) return 4;
  return 0;
}

/** Every URL in `text`, in order, at most `max` of them; `truncated` when there were more. */
export function findTextUrls(text: string, max: number): { urls: TextUrl[]; truncated: boolean } {
  const urls: TextUrl[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i) | 0x20;
    const prefix = c === 0x68 /* h */ || c === 0x77 /* w */ ? prefixAt(text, i) : 0;
    if (prefix === 0) {
      i++;
      continue;
    }
    let end = i + prefix;
    while (end < text.length && continuesUrl(text.charCodeAt(end))) end++;
    const url = trimTrailing(text.slice(i, end));
    if (url.length > prefix) {
      if (urls.length >= max) return { urls, truncated: true };
      urls.push({ text: url, start: i });
    }
    i = end;
  }
  return { urls, truncated: false };
}
