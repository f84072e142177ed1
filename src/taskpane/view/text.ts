/**
 * Mail text as the pane shows it: every hidden or control character written out as a visible
 * "[U+202E]" marker (the same notation as the evidence and the command line, via
 * makeControlsVisible), long runs of spaces that push a real extension out of sight counted out
 * loud, and URLs with the registrable domain set apart. Everything here produces text nodes and
 * plain elements; one pass over the input, linear on any length.
 */
import { makeControlsVisible } from "../../core/visible.js";
import type { Language } from "../../core/i18n.js";
import { UI } from "../../ui/strings.js";
import type { Child } from "./h.js";
import type { ViewContext } from "./context.js";

/** Spaces that render as blank: a run of SPACE_RUN or more is shown as "[n spaces]". */
const SPACE_CHARS: ReadonlySet<string> = new Set([" ", "\u00a0", "\u3000", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200a", "\u202f", "\u205f"]);
const SPACE_RUN = 3;

/** Names for the hidden characters attackers use most, for the marker's tooltip. */
const CHAR_NAMES: Readonly<Record<string, string>> = {
  "200B": "ZERO WIDTH SPACE",
  "200E": "LEFT-TO-RIGHT MARK",
  "200F": "RIGHT-TO-LEFT MARK",
  "202A": "LEFT-TO-RIGHT EMBEDDING",
  "202B": "RIGHT-TO-LEFT EMBEDDING",
  "202C": "POP DIRECTIONAL FORMATTING",
  "202D": "LEFT-TO-RIGHT OVERRIDE",
  "202E": "RIGHT-TO-LEFT OVERRIDE",
  "2066": "LEFT-TO-RIGHT ISOLATE",
  "2067": "RIGHT-TO-LEFT ISOLATE",
  "2068": "FIRST STRONG ISOLATE",
  "2069": "POP DIRECTIONAL ISOLATE",
  "061C": "ARABIC LETTER MARK",
  "00AD": "SOFT HYPHEN",
  FEFF: "ZERO WIDTH NO-BREAK SPACE",
  "000A": "LINE FEED",
  "000D": "CARRIAGE RETURN",
  "0009": "TAB",
  "001B": "ESCAPE",
  "0000": "NULL",
};

function hasSpaceRun(value: string): boolean {
  let run = 0;
  for (const char of value) {
    run = SPACE_CHARS.has(char) ? run + 1 : 0;
    if (run >= SPACE_RUN) return true;
  }
  return false;
}

/**
 * The pieces of one mail text: plain strings and marker elements. Exported for the tests and
 * for places that need the pieces inside another element.
 */
export function visiblePieces(ctx: ViewContext, value: string): Child[] {
  if (makeControlsVisible(value) === value && !hasSpaceRun(value)) return writtenOutMarkers(ctx, value);
  const { h } = ctx;
  const pieces: Child[] = [];
  let plain = "";
  let spaces = "";
  const flushSpaces = (): void => {
    if (spaces === "") return;
    const count = [...spaces].length;
    if (count >= SPACE_RUN) {
      if (plain) pieces.push(plain);
      plain = "";
      pieces.push(h("span", { class: "ctm-hidden ctm-hidden--spaces", "data-hidden": "spaces" }, ctx.t(UI.spaces, { n: count })));
    } else plain += spaces;
    spaces = "";
  };
  for (const char of value) {
    if (SPACE_CHARS.has(char)) {
      spaces += char;
      continue;
    }
    flushSpaces();
    const shown = makeControlsVisible(char);
    if (shown === char) {
      plain += char;
      continue;
    }
    if (plain) pieces.push(plain);
    plain = "";
    pieces.push(marker(ctx, shown, shown.slice(3, -1)));
  }
  flushSpaces();
  if (plain) pieces.push(plain);
  return pieces.flatMap((piece) => (typeof piece === "string" ? writtenOutMarkers(ctx, piece) : [piece]));
}

/** "[U+202E]" as the core writes hidden characters into evidence and diagnostics. */
const WRITTEN_OUT = /\[U\+[\dA-F]{4,6}\]/g;

/**
 * Evidence and diagnostics arrive with hidden characters already written out by the core
 * (makeControlsVisible): give those the same marker style as the ones written out here.
 */
function writtenOutMarkers(ctx: ViewContext, value: string): Child[] {
  if (!value.includes("[U+")) return [value];
  const pieces: Child[] = [];
  let last = 0;
  for (const match of value.matchAll(WRITTEN_OUT)) {
    if (match.index > last) pieces.push(value.slice(last, match.index));
    const code = match[0].slice(3, -1);
    pieces.push(marker(ctx, match[0], code));
    last = match.index + match[0].length;
  }
  if (last < value.length) pieces.push(value.slice(last));
  return pieces;
}

function marker(ctx: ViewContext, shown: string, code: string): HTMLSpanElement {
  const name = CHAR_NAMES[code];
  return ctx.h("span", { class: "ctm-hidden", "data-hidden": code, title: ctx.t(UI.hiddenChar, { code: `U+${code}${name ? ` ${name}` : ""}` }) }, shown);
}

/** Mail text in its own left-to-right span (so right-to-left letters cannot move the real extension). */
export function mailText(ctx: ViewContext, value: string, className = ""): HTMLSpanElement {
  return ctx.h("span", { class: className ? `ctm-mail ${className}` : "ctm-mail", dir: "ltr" }, visiblePieces(ctx, value));
}

/** Characters after which a URL may wrap in a narrow pane (a <wbr>, so copied text is unchanged). */
const URL_BREAK_AFTER: ReadonlySet<string> = new Set([".", "/", "?", "&", "=", "#"]);

/** Mail text of a URL: like visiblePieces, with line-break opportunities after separators. */
function urlPieces(ctx: ViewContext, value: string): Child[] {
  const out: Child[] = [];
  for (const piece of visiblePieces(ctx, value)) {
    if (typeof piece !== "string") {
      out.push(piece);
      continue;
    }
    let start = 0;
    for (let i = 0; i < piece.length; i++) {
      // Never inside "//" (keeps "https://" whole).
      const slashes = piece[i] === "/" && (piece[i + 1] === "/" || piece[i - 1] === "/");
      if (URL_BREAK_AFTER.has(piece[i]!) && i + 1 < piece.length && !slashes) {
        out.push(piece.slice(start, i + 1), ctx.h("wbr"));
        start = i + 1;
      }
    }
    if (start < piece.length) out.push(piece.slice(start));
  }
  return out;
}

/** Where a host sits inside a WHATWG-serialised URL ("scheme://userinfo@host:port/..."), or -1. */
function hostOffset(url: string, host: string): number {
  const sep = url.indexOf("://");
  if (sep < 0) return -1;
  const authorityStart = sep + 3;
  let authorityEnd = url.length;
  for (const stop of ["/", "?", "#"]) {
    const at = url.indexOf(stop, authorityStart);
    if (at >= 0 && at < authorityEnd) authorityEnd = at;
  }
  const authority = url.slice(authorityStart, authorityEnd);
  const start = authorityStart + authority.lastIndexOf("@") + 1;
  return url.startsWith(host, start) ? start : -1;
}

/** The host split into the part before the registrable domain and the registrable domain itself. */
function splitHost(host: string, registrable: string | null | undefined): [string, string] | null {
  if (!registrable || !host.endsWith(registrable)) return null;
  const cut = host.length - registrable.length;
  if (cut > 0 && host[cut - 1] !== ".") return null;
  return [host.slice(0, cut), registrable];
}

/**
 * A URL (or any text containing the host) with its registrable domain in bold and the rest of
 * the host highlighted: "https://login.<b>example.com</b>.evil.example/" shows at a glance which
 * domain is really contacted.
 */
export function urlWithDomain(
  ctx: ViewContext,
  url: string,
  host: string | null | undefined,
  registrable: string | null | undefined,
  opts: { readonly hostAt?: number } = {},
): HTMLSpanElement {
  const { h } = ctx;
  const at = host ? (opts.hostAt ?? hostOffset(url, host)) : -1;
  const parts = host && at >= 0 ? splitHost(host, registrable) : null;
  if (!host || at < 0 || !parts) return h("span", { class: "ctm-mail ctm-url", dir: "ltr" }, urlPieces(ctx, url));
  const [sub, domain] = parts;
  return h(
    "span",
    { class: "ctm-mail ctm-url", dir: "ltr" },
    at > 0 && h("span", { class: "ctm-url__outer" }, urlPieces(ctx, url.slice(0, at))),
    sub && h("span", { class: "ctm-url__sub" }, urlPieces(ctx, sub)),
    // The registrable domain is read as one word: no break inside unless it alone is too long.
    h("strong", { class: "ctm-url__domain" }, visiblePieces(ctx, domain)),
    at + host.length < url.length && h("span", { class: "ctm-url__outer" }, urlPieces(ctx, url.slice(at + host.length))),
  );
}

/** The shown text of a link with the domain it displays emphasised, when it can be found in it. */
export function shownWithDomain(ctx: ViewContext, shown: string, host: string | undefined, registrable: string | undefined): HTMLSpanElement {
  if (!host) return mailText(ctx, shown);
  const lower = shown.toLowerCase();
  // Lower-casing can change the length of some characters; only trust offsets when it did not.
  const at = lower.length === shown.length ? lower.indexOf(host.toLowerCase()) : -1;
  if (at < 0) return mailText(ctx, shown);
  const end = at + host.length;
  const domainFits = registrable !== undefined && host.toLowerCase().endsWith(registrable.toLowerCase());
  return urlWithDomain(ctx, shown, shown.slice(at, end), domainFits ? shown.slice(end - registrable.length, end) : null, { hostAt: at });
}

const displayNames = new Map<Language, Intl.DisplayNames | null>();

/** "China" / "中国" for "CN"; undefined when the runtime does not know the code. */
export function countryName(code: string, lang: Language): string | undefined {
  if (!/^[A-Z]{2}$/.test(code)) return undefined;
  let names = displayNames.get(lang);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([lang], { type: "region", fallback: "none" });
    } catch {
      names = null;
    }
    displayNames.set(lang, names);
  }
  try {
    return names?.of(code) ?? undefined;
  } catch {
    return undefined;
  }
}

/** "120 B", "1.2 KB", "3.4 MB". */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "?";
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** A date for people in the view's language and the reader's time zone; the input as written when it does not parse. */
export function formatDate(value: string, lang: Language): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  try {
    return new Intl.DateTimeFormat(lang === "ja" ? "ja-JP" : "en-GB", { dateStyle: "medium", timeStyle: "short" }).format(time);
  } catch {
    return value;
  }
}
