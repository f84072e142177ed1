/**
 * Defanging: writing a hostile URL or domain so that no mail client, ticketing system or chat
 * turns it back into something clickable, while an analyst can still read it and "refang" it by
 * hand — the convention CSIRTs exchange indicators in (hxxp://, example[.]com).
 *
 * Everything here is a single left-to-right scan (the report copies attacker-written text that
 * can be megabytes long), so there is no regular expression over the input.
 */
import { findTextUrls } from "../body/text-urls.js";
import { hasKnownPublicSuffix } from "../net/domain.js";
import { isAsciiDigit, isAsciiLetter } from "../text/ascii.js";

/** Schemes that clients make clickable, renamed so they no longer are. */
const RENAMED_SCHEMES: Readonly<Record<string, string>> = { http: "hxxp", https: "hxxps", ftp: "fxp", ftps: "fxps" };
/** Already defanged: left as they are, so defanging twice changes nothing. */
const DEFANGED_SCHEMES: ReadonlySet<string> = new Set(["hxxp", "hxxps", "fxp", "fxps"]);
/** WHATWG "special" schemes: "http:\\host" and "http:host" still reach the host, so the host is found after any slashes. */
const SPECIAL_SCHEMES: ReadonlySet<string> = new Set(["http", "https", "ftp", "ws", "wss", "file", ...DEFANGED_SCHEMES]);

/** Length of an RFC 3986 scheme at the start (up to, not including, ":"), or 0 when there is none. */
function schemeLength(url: string): number {
  if (url.length === 0 || !isAsciiLetter(url.charCodeAt(0))) return 0;
  for (let i = 1; i < url.length && i <= 32; i++) {
    const code = url.charCodeAt(i);
    if (code === 0x3a /* : */) return i;
    if (!isAsciiLetter(code) && !isAsciiDigit(code) && code !== 0x2b && code !== 0x2d && code !== 0x2e) return 0;
  }
  return 0;
}

/** "." → "[.]", except a dot already written as "[.]" (so the result is stable). */
function bracketDots(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    out += c === "." && !(text[i - 1] === "[" && text[i + 1] === "]") ? "[.]" : c;
  }
  return out;
}

/** End of the authority (host, port, userinfo) starting at `from`: the first "/", "?", "#" or "\". */
function authorityEnd(url: string, from: number): number {
  for (let i = from; i < url.length; i++) {
    const c = url[i];
    if (c === "/" || c === "?" || c === "#" || c === "\\") return i;
  }
  return url.length;
}

/** Scheme names whose "://" is renamed in place, longest first (so "https" is not read as "http"). */
const NESTED_SCHEMES: readonly (readonly [string, string])[] = [
  ["hxxps", "hxxps"], ["https", "hxxps"], ["hxxp", "hxxp"], ["http", "hxxp"], ["fxps", "fxps"], ["ftps", "fxps"], ["fxp", "fxp"], ["ftp", "fxp"],
];

/**
 * The path, query and fragment of a URL with any URL inside them defanged too — a redirector's
 * "?u=http://target.example/" would otherwise be made a link of its own by the desk's client:
 * "http://" → "hxxp://", any other "://" → "[://]", and "www." → "www[.]".
 */
function defangRest(rest: string): string {
  // One array entry per input character (or its replacement), so a scheme's letters can be taken
  // back by shortening the array — rebuilding a string at every "://" would be quadratic on
  // hostile input. The letters before "://" are always single entries: only "." and "://" are replaced.
  const out: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest.startsWith("://", i) && !(rest[i - 1] === "[" && rest[i + 3] === "]")) {
      const before = rest.slice(Math.max(0, i - 5), i).toLowerCase();
      const nested = NESTED_SCHEMES.find(([name]) => before.endsWith(name));
      if (nested) {
        out.length -= nested[0].length;
        out.push(`${nested[1]}://`);
      } else out.push("[://]");
      i += 2;
    } else if (rest[i] === "." && i >= 3 && rest.slice(i - 3, i).toLowerCase() === "www" && !isHostChar(rest.charCodeAt(i - 4))) {
      out.push("[.]");
    } else out.push(rest[i]!);
  }
  return out.join("");
}

/**
 * One URL, defanged: http(s)/ftp(s) become hxxp(s)/fxp(s), every dot of the host (and of any
 * userinfo before it, which is part of the disguise) becomes "[.]"; other schemes keep their name
 * and lose the link syntax ("file[://]", "javascript[:]"). The path, query and fragment are kept
 * as they are — they are what the analyst needs — except for URLs nested in them (defangRest).
 * Text without a scheme ("www.example.com/x") is treated as a host and path.
 */
export function defang(url: string): string {
  const length = schemeLength(url);
  if (length === 0) {
    const start = url.startsWith("//") ? 2 : 0;
    const end = authorityEnd(url, start);
    return `${start === 2 ? "[//]" : ""}${defangRest(bracketDots(url.slice(start, end)) + url.slice(end))}`;
  }
  const scheme = url.slice(0, length);
  const lower = scheme.toLowerCase();
  let at = length + 1;
  let slashes = 0;
  while (at < url.length && (url[at] === "/" || url[at] === "\\")) {
    at++;
    slashes++;
  }
  if (!SPECIAL_SCHEMES.has(lower) && slashes < 2) return `${scheme}[:]${defangRest(url.slice(length + 1))}`;
  const end = authorityEnd(url, at);
  const authority = bracketDots(url.slice(at, end));
  const renamed = RENAMED_SCHEMES[lower];
  const prefix = renamed !== undefined ? `${renamed}://` : DEFANGED_SCHEMES.has(lower) ? `${scheme}://` : `${scheme}[://]`;
  // The authority goes through defangRest too: "http://a.http://b" has an authority ending "http:".
  return `${prefix}${defangRest(authority + url.slice(end))}`;
}

/** Characters of a host name token in running text (ASCII letters, digits, "-" and "."). */
function isHostChar(code: number): boolean {
  return isAsciiLetter(code) || isAsciiDigit(code) || code === 0x2d || code === 0x2e;
}

/**
 * Defangs what is not a URL with a scheme or "www.": any other "://" (ftp://, smb://, a scheme
 * glued to a word so the URL scan skipped it) and bare host names on a known public suffix
 * ("mitsumori-share.top", "evil.zip": several clients link those by themselves). Mail addresses
 * are left alone: clients make them mailto: links, which fetch nothing, and the desk searches its
 * logs for the address as written.
 */
function defangLoose(text: string, bareHosts: boolean): string {
  let out = "";
  let i = 0;
  // The word just before the current position, so "hxxp://" (already defanged) keeps its "://".
  let word = "";
  let wordEnd = -1;
  while (i < text.length) {
    // "[://]" is already defanged.
    if (text.startsWith("://", i) && !(text[i - 1] === "[" && text[i + 3] === "]")) {
      out += wordEnd === i && DEFANGED_SCHEMES.has(word.toLowerCase()) ? "://" : "[://]";
      i += 3;
      continue;
    }
    const code = text.charCodeAt(i);
    const previous = i > 0 ? text.charCodeAt(i - 1) : 0;
    if (!isHostChar(code) || isHostChar(previous)) {
      out += text[i];
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && isHostChar(text.charCodeAt(end))) end++;
    // Sentence punctuation after a name ("… example.com.") is not part of it.
    let nameEnd = end;
    while (nameEnd > i && (text[nameEnd - 1] === "." || text[nameEnd - 1] === "-")) nameEnd--;
    const name = text.slice(i, nameEnd);
    // Either side of "@" is a mail address (its local part may look like a host: "nl-2026.abc@…").
    const isHost = bareHosts && previous !== 0x40 /* @ */ && text[end] !== "@" && name.includes(".") && hasKnownPublicSuffix(name.toLowerCase());
    out += (isHost ? bracketDots(name) : name) + text.slice(nameEnd, end);
    word = text.slice(i, end);
    wordEnd = end;
    i = end;
  }
  return out;
}

export interface DefangTextOptions {
  /**
   * Also bracket bare host names ("evil.zip"); default true. Off for short answers whose dotted
   * words are names, not places ("Win32/Agent.ABC", "Outlook 16.0"): URLs are defanged still.
   */
  readonly bareHosts?: boolean;
}

/**
 * Free text (a body, a subject, a display name, a file name) with every URL and bare host name
 * defanged: URLs with a scheme or "www." (what mail clients link) through `defang`, the rest
 * through `defangLoose`. Already defanged text stays as it is.
 */
export function defangText(text: string, options: DefangTextOptions = {}): string {
  const bareHosts = options.bareHosts ?? true;
  const { urls } = findTextUrls(text, Number.MAX_SAFE_INTEGER);
  let out = "";
  let at = 0;
  for (const url of urls) {
    out += defangLoose(text.slice(at, url.start), bareHosts);
    out += defang(url.text);
    at = url.start + url.text.length;
  }
  return out + defangLoose(text.slice(at), bareHosts);
}
