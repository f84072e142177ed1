import type { ReceivedFields } from "../analysis.js";
import { parseIp } from "../net/ip.js";
import { parseMailDate } from "./date.js";
import { isAsciiAlnum } from "../text/ascii.js";

/**
 * Parser for one Received field value (RFC 5321 §4.4 "Time-stamp-line"):
 *
 *   from <helo> (<rdns> [<ip>]) by <host> (<comment>) via <link> with <protocol> id <id>
 *   for <forward-path> ; <date-time>
 *
 * and the shapes real MTAs actually write:
 * - Postfix   `from helo (rdns [ip]) by host (Postfix) with ESMTPS id X for <a>; date`
 * - Sendmail  `from helo (IDENT:user@rdns [ip] (may be forged)) by host (8.12/8.12) ...`,
 *             `(from user@localhost) by host id X; date` for local submission
 * - Exim      `from rdns ([ip]:port helo=helo) by host with esmtps (TLS1.2) (Exim 4.92)
 *             (envelope-from <a>) id X for a; date` and `from [ip] (port=1 helo=x) by ...`
 * - qmail     `(qmail 123 invoked from network); date`, `from unknown (HELO x) (1.2.3.4) by ...`
 * - Exchange  `from helo (ip) by host (ip) with Microsoft SMTP Server (version=TLS1_2, ...)
 *             id 15.20.1.2 via Frontend Transport; date`
 * - Gmail     `from helo (rdns. [ip]) by mx.google.com with ESMTPS id X for <a> (Google
 *             Transport Security); date` and `by 2002:a05:...:... with SMTP id X; date`
 * - SendGrid  `by filter0652p1las1.sendgrid.net with SMTP id X 2018-04-22 02:54:17.0 +0000 UTC`
 *             (no ";" before the date)
 *
 * The value is split by a single-pass tokenizer into words, comments and ";" separators; every
 * loop advances, and each bracket or comment is scanned once, so the cost is linear in the
 * length of the field whatever an attacker writes into it.
 */

export interface ParsedReceived extends ReceivedFields {
  /** The time stamp in milliseconds, for delays between hops. */
  readonly time?: number;
}

type Token =
  | { readonly kind: "word"; readonly text: string }
  | { readonly kind: "comment"; readonly text: string }
  | { readonly kind: "semi"; readonly end: number };

/** Real Received fields are well under 2,000 characters; longer ones are read up to this point. */
const MAX_FIELD_CHARS = 8192;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

const OPEN = 0x28;
const CLOSE = 0x29;
const SEMI = 0x3b;
const BACKSLASH = 0x5c;
const BRACKET = 0x5b;

/**
 * Splits a field into words, comments (nesting kept as text) and top-level ";" separators. By
 * character codes and slices, not per-character strings: a route has dozens of fields.
 */
function tokenize(value: string): Token[] {
  const tokens: Token[] = [];
  let noCloseBracket = false;
  let i = 0;
  const n = value.length;
  while (i < n) {
    const c = value.charCodeAt(i);
    if (isSpace(c)) {
      i++;
    } else if (c === OPEN) {
      let depth = 1;
      let j = i + 1;
      // Text from `start` to j is copied as it is; a backslash escape copies what it escapes.
      let text = "";
      let start = j;
      for (; j < n; j++) {
        const d = value.charCodeAt(j);
        if (d === BACKSLASH && j + 1 < n) {
          text += value.slice(start, j);
          start = ++j;
          continue;
        }
        if (d === OPEN) depth++;
        else if (d === CLOSE && --depth === 0) break;
      }
      tokens.push({ kind: "comment", text: text + value.slice(start, Math.min(j, n)) });
      i = j + 1;
    } else if (c === SEMI) {
      tokens.push({ kind: "semi", end: i + 1 });
      i++;
    } else {
      let j = i;
      while (j < n) {
        const d = value.charCodeAt(j);
        if (isSpace(d) || d === OPEN || d === SEMI) break;
        if (d === BRACKET && !noCloseBracket) {
          // An address literal may hold spaces or ";" (broken senders write dates in it).
          const close = value.indexOf("]", j + 1);
          if (close < 0) noCloseBracket = true;
          else {
            j = close + 1;
            continue;
          }
        }
        j++;
      }
      tokens.push({ kind: "word", text: value.slice(i, j) });
      i = j;
    }
  }
  return tokens;
}

/** Splits comment text into items the same way, keeping "[...]" literals whole. */
function commentItems(text: string): string[] {
  const items: string[] = [];
  for (const token of tokenize(text)) {
    if (token.kind === "word") items.push(token.text);
    // Nested comments ("(may be forged)") were kept as text; ";" inside a comment is not special.
  }
  return items;
}

/** The address inside "[...]" (optionally "user@[...]" or "[...]:port"), or a bare IP word. */
function ipOf(item: string): string | undefined {
  let text = item;
  const at = text.lastIndexOf("@");
  if (at >= 0) text = text.slice(at + 1);
  const open = text.indexOf("[");
  const close = text.lastIndexOf("]");
  if (open >= 0 && close > open) text = text.slice(open + 1, close);
  return addressOf(text);
}

function addressOf(text: string): string | undefined {
  if (text === "") return undefined;
  const direct = parseIp(text);
  if (direct) return direct.text;
  // "10.252.1.143:47944" (Exim writes the client port into the literal) — IPv4 with a port.
  const colon = text.lastIndexOf(":");
  if (colon > 0 && text.indexOf(":") === colon) return parseIp(text.slice(0, colon))?.text;
  return undefined;
}

/** A word that can be a host name (labels of letters, digits, "-", "_"; trailing dot allowed). */
function hostOf(item: string): string | undefined {
  let text = item;
  if (text.endsWith(".")) text = text.slice(0, -1);
  if (text === "" || text.length > 253 || !isHostText(text)) return undefined;
  if (parseIp(text)) return undefined;
  return text.toLowerCase();
}

/** Labels of ASCII letters, digits, "_" and "-", none empty, none starting or ending with "-". */
function isHostText(text: string): boolean {
  let labelStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : DOT;
    if (c === DOT) {
      if (i === labelStart || text.charCodeAt(labelStart) === HYPHEN || text.charCodeAt(i - 1) === HYPHEN) return false;
      labelStart = i + 1;
    } else if (!isWordChar(c) && c !== HYPHEN) {
      return false;
    }
  }
  return true;
}

const DOT = 0x2e;
const HYPHEN = 0x2d;

/** [A-Za-z0-9_], as \w in a regular expression without the u flag. */
function isWordChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 0x5f;
}

const CLAUSES = ["from", "by", "via", "with", "id", "for"] as const;
type ClauseName = (typeof CLAUSES)[number];

interface Clause {
  readonly words: string[];
  readonly comments: string[];
}

interface FromFacts {
  helo?: string;
  host?: string;
  ip?: string;
}

/** Reads the TCP-info comments of the "from" clause (RFC 5321 §4.4 TCP-info and its variants). */
function fromFacts(clause: Clause): FromFacts {
  const facts: FromFacts = {};
  const first = clause.words[0];
  let eximHelo: string | undefined;
  let qmailHelo: string | undefined;
  let commentHost: string | undefined;
  let commentIp: string | undefined;
  let bareIp: string | undefined;
  for (const comment of clause.comments) {
    const items = commentItems(comment);
    const forged = comment.toLowerCase().includes("may be forged");
    for (let k = 0; k < items.length; k++) {
      const item = items[k]!;
      const lower = item.toLowerCase();
      if (lower.startsWith("helo=")) {
        eximHelo ??= item.slice(5);
        continue;
      }
      if ((lower === "helo" || lower === "ehlo") && k + 1 < items.length) {
        qmailHelo ??= items[++k];
        continue;
      }
      if (item.includes("[") || item.includes("@")) {
        // "[ip]", "user@[ip]", "user@ip with login" (Yahoo): the address after "@" or in brackets.
        const ip = ipOf(item);
        if (ip) {
          commentIp ??= ip;
          continue;
        }
        if (item.includes("[")) continue;
      }
      const ip = addressOf(item);
      if (ip) {
        bareIp ??= ip;
        continue;
      }
      // "(rdns [ip])", "(IDENT:user@rdns [ip])", "(user@rdns [ip])": a verified name, unless the
      // MTA itself says the reverse lookup did not match (Sendmail's "may be forged").
      if (commentHost === undefined && !forged && k === 0 && items.some((x) => x.includes("["))) {
        const at = item.lastIndexOf("@");
        const host = hostOf(at >= 0 ? item.slice(at + 1) : item);
        if (host && host !== "unknown") commentHost = host;
      }
    }
  }
  // Words after the first one: fetchmail's "from phobos [127.0.0.1]", Exim's "[ip]:port".
  for (const word of clause.words.slice(1)) {
    const ip = word.includes("[") ? ipOf(word) : addressOf(word);
    if (ip) {
      bareIp ??= ip;
      break;
    }
  }
  const firstIp = first === undefined ? undefined : first.startsWith("[") ? ipOf(first) : addressOf(first);
  const firstHost = first === undefined || firstIp ? undefined : hostOf(first);
  facts.ip = commentIp ?? bareIp ?? firstIp;
  if (eximHelo !== undefined) {
    // Exim and ecelerity: the first word is the verified host name, the HELO is in "helo=".
    facts.helo = eximHelo;
    if (firstHost && firstHost !== "unknown") facts.host = firstHost;
  } else if (qmailHelo !== undefined) {
    // qmail: "from rdns-or-unknown (HELO helo) (ip)"; Klaviyo-style "from ip (EHLO helo)".
    facts.helo = qmailHelo;
    if (firstHost && firstHost !== "unknown") facts.host = firstHost;
  } else {
    // Postfix, Sendmail, Exchange, Gmail: the first word is what the client said in HELO/EHLO.
    if (first !== undefined && !firstIp) facts.helo = first;
    if (commentHost) facts.host = commentHost;
  }
  return facts;
}

function byFacts(clause: Clause): { by?: string; byIp?: string } {
  const out: { by?: string; byIp?: string } = {};
  const first = clause.words[0];
  if (first !== undefined) out.by = first.startsWith("[") ? (ipOf(first) ?? first) : first;
  for (const comment of clause.comments) {
    for (const item of commentItems(comment)) {
      const ip = item.includes("[") ? ipOf(item) : addressOf(item);
      if (ip) {
        out.byIp = ip;
        return out;
      }
    }
  }
  if (first !== undefined && out.byIp === undefined) {
    const ip = first.startsWith("[") ? ipOf(first) : addressOf(first);
    if (ip) out.byIp = ip;
  }
  return out;
}

function angleless(text: string): string {
  let t = text;
  if (t.startsWith("<")) t = t.slice(1);
  if (t.endsWith(">")) t = t.slice(0, -1);
  return t;
}

/** Where a date may start in a field that has no ";" (SendGrid writes none). */
function looksLikeDateStart(word: string): boolean {
  return /^\d{4}-\d{1,2}-\d{1,2}/.test(word) || /^(?:mon|tue|wed|thu|fri|sat|sun)/i.test(word) || /^\d{1,2}$/.test(word);
}

const AUTHENTICATED_PROTOCOL = /^(?:e?smtpsa|esmtpa|utf8smtps?a|lmtps?a)$/i;

export function parseReceived(input: string): ParsedReceived {
  const value = input.length > MAX_FIELD_CHARS ? input.slice(0, MAX_FIELD_CHARS) : input;
  const tokens = tokenize(value);
  let lastSemi = -1;
  tokens.forEach((t, k) => {
    if (t.kind === "semi") lastSemi = k;
  });
  let dateText: string | undefined;
  let body = tokens;
  if (lastSemi >= 0) {
    const semi = tokens[lastSemi] as { kind: "semi"; end: number };
    dateText = value.slice(semi.end);
    body = tokens.slice(0, lastSemi);
  }

  const clauses = new Map<ClauseName, Clause>();
  let current: Clause | undefined;
  let preludeComments = 0;
  let strayWords = 0;
  for (const token of body) {
    if (token.kind === "semi") continue;
    if (token.kind === "word") {
      const keyword = token.text.toLowerCase() as ClauseName;
      if ((CLAUSES as readonly string[]).includes(keyword) && !clauses.has(keyword)) {
        current = { words: [], comments: [] };
        clauses.set(keyword, current);
        continue;
      }
      if (current) current.words.push(token.text);
      else strayWords++;
    } else if (current) current.comments.push(token.text);
    else preludeComments++;
  }

  const result: {
    -readonly [K in keyof ParsedReceived]: ParsedReceived[K];
  } = { parsed: false };
  const from = clauses.get("from");
  const by = clauses.get("by");
  if (from && from.words.length + from.comments.length > 0) {
    const facts = fromFacts(from);
    if (facts.helo !== undefined) result.fromHelo = facts.helo;
    if (facts.host !== undefined) result.fromHost = facts.host;
    if (facts.ip !== undefined) result.fromIp = facts.ip;
  }
  if (by && by.words.length > 0) Object.assign(result, byFacts(by));
  const withClause = clauses.get("with");
  if (withClause && withClause.words.length > 0) {
    result.with = withClause.words.join(" ");
    if (AUTHENTICATED_PROTOCOL.test(withClause.words[0]!)) result.authenticated = true;
  }
  const via = clauses.get("via");
  if (via && via.words.length > 0) result.via = via.words.join(" ");
  const id = clauses.get("id");
  if (id && id.words.length > 0) result.id = id.words[0];
  const forClause = clauses.get("for");
  if (forClause && forClause.words.length > 0) result.for = angleless(forClause.words[0]!);

  // Recognised: a from or by clause with content, or a comment-only line ("(qmail 123 invoked
  // from network)") that the MTA writes for local injection. Words before any clause ("test;",
  // a bare date) are not a Received line we understand.
  // RFC 822 §4.1 made every clause optional ("with ECARTIS (v1.0.0; list x); date" is valid).
  const hasClause = [...clauses.values()].some((c) => c.words.length + c.comments.length > 0);
  result.parsed = strayWords === 0 && (hasClause || (preludeComments > 0 && clauses.size === 0));

  let date = dateText === undefined ? undefined : parseMailDate(dateText);
  if (date === undefined && lastSemi < 0) {
    // No ";": try a few places that can start a date (bounded, so still linear).
    const words = tokens.filter((t): t is { kind: "word"; text: string } => t.kind === "word").map((t) => t.text);
    let tries = 0;
    for (let k = 0; k < words.length && tries < 6 && date === undefined; k++) {
      if (!looksLikeDateStart(words[k]!)) continue;
      tries++;
      date = parseMailDate(words.slice(k, k + 8).join(" "));
    }
  }
  if (date !== undefined && date.offsetMinutes !== undefined) {
    result.time = date.time;
    result.date = new Date(date.time).toISOString();
  }
  return result;
}
