/**
 * The encodings mail uses to carry text in headers and bodies, written out for the XSS mails:
 * RFC 2047 encoded words (B and Q, UTF-8 and ISO-2022-JP), RFC 2231 parameter values,
 * quoted strings, ISO-2022-JP itself, base64 and HTML escaping. Node only (test code).
 *
 * The ISO-2022-JP encoder is built from the platform's own decoder (WHATWG Encoding, which Node's
 * ICU implements): every JIS X 0208 pair is decoded once, and the inverse table encodes. A
 * character outside ASCII and JIS X 0208 (half-width katakana, "¼") is not encodable: the
 * encoder says so and the caller leaves that form out.
 */

const utf8 = new TextEncoder();
const ESC = 0x1b;

let jisTable: Map<string, readonly [number, number]> | undefined;

/** Character → its JIS X 0208 byte pair, from the platform's ISO-2022-JP decoder. */
function jis(): Map<string, readonly [number, number]> {
  if (jisTable) return jisTable;
  const decoder = new TextDecoder("iso-2022-jp");
  const table = new Map<string, readonly [number, number]>();
  for (let a = 0x21; a <= 0x7e; a++) {
    for (let b = 0x21; b <= 0x7e; b++) {
      const char = decoder.decode(Uint8Array.from([ESC, 0x24, 0x42, a, b, ESC, 0x28, 0x42]));
      // Several pairs decode to one character (NEC/IBM extensions): keep the first, as encoders do.
      if (char.length === 1 && char !== "\uFFFD" && !table.has(char)) table.set(char, [a, b]);
    }
  }
  return (jisTable = table);
}

/** ISO-2022-JP bytes of `text` (ending in ASCII), or undefined when a character has no encoding. */
export function encodeIso2022jp(text: string): Uint8Array | undefined {
  const table = jis();
  const out: number[] = [];
  let inJis = false;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) {
      // ESC, SO and SI would switch the decoder's state: not text in this encoding.
      if (code === ESC || code === 0x0e || code === 0x0f) return undefined;
      if (inJis) out.push(ESC, 0x28, 0x42);
      inJis = false;
      out.push(code);
      continue;
    }
    const pair = table.get(char);
    if (!pair) return undefined;
    if (!inJis) out.push(ESC, 0x24, 0x42);
    inJis = true;
    out.push(pair[0], pair[1]);
  }
  if (inJis) out.push(ESC, 0x28, 0x42);
  return Uint8Array.from(out);
}

export function base64(bytes: Uint8Array | string): string {
  return Buffer.from(typeof bytes === "string" ? utf8.encode(bytes) : bytes).toString("base64");
}

/** Base64 in 76-character lines, CRLF (a body). */
export function base64Lines(bytes: Uint8Array | string): string {
  const flat = base64(bytes);
  const lines: string[] = [];
  for (let i = 0; i < flat.length; i += 76) lines.push(flat.slice(i, i + 76));
  return lines.join("\r\n");
}

export type Charset = "UTF-8" | "ISO-2022-JP";
export type WordEncoding = "B" | "Q";

/** Characters Q may leave as they are in a phrase (RFC 2047 §5 (3)). */
function qSafe(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x21 || byte === 0x2a || byte === 0x2b || byte === 0x2d || byte === 0x2f;
}

function qEncode(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += byte === 0x20 ? "_" : qSafe(byte) ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  return out;
}

/** The bytes one character adds in `charset`, given whether the text before it ended in JIS X 0208. */
function charBytes(char: string, charset: Charset, inJis: boolean): { bytes: readonly number[]; inJis: boolean } {
  const code = char.codePointAt(0)!;
  if (charset === "UTF-8") return { bytes: utf8Bytes(code), inJis: false };
  if (code < 0x80) return { bytes: inJis ? [ESC, 0x28, 0x42, code] : [code], inJis: false };
  const pair = jis().get(char)!;
  return { bytes: inJis ? [pair[0], pair[1]] : [ESC, 0x24, 0x42, pair[0], pair[1]], inJis: true };
}

/** UTF-8 of one code point (a lone surrogate as U+FFFD, as TextEncoder writes it). */
function utf8Bytes(code: number): number[] {
  if (code < 0x80) return [code];
  if (code < 0x800) return [0xc0 | (code >> 6), 0x80 | (code & 0x3f)];
  if (code >= 0xd800 && code <= 0xdfff) return [0xef, 0xbf, 0xbd];
  if (code < 0x10000) return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
  return [0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
}

const RETURN_TO_ASCII = [ESC, 0x28, 0x42];

/**
 * Chunks of whole characters whose encoded word stays within RFC 2047's 75 characters; each
 * ISO-2022-JP chunk is encoded on its own (starting and ending in ASCII). One pass: the size of
 * a chunk grows character by character.
 */
function chunks(text: string, charset: Charset, encoding: WordEncoding): string[] {
  const budget = 75 - `=?${charset}?${encoding}??=`.length;
  const qCost = (bytes: readonly number[]): number => bytes.reduce((n, b) => n + (b === 0x20 || qSafe(b) ? 1 : 3), 0);
  const size = (count: number, q: number, inJis: boolean): number =>
    encoding === "B" ? Math.ceil((count + (inJis ? 3 : 0)) / 3) * 4 : q + (inJis ? qCost(RETURN_TO_ASCII) : 0);
  const out: string[] = [];
  let current = "";
  let count = 0;
  let q = 0;
  let inJis = false;
  for (const char of text) {
    let step = charBytes(char, charset, inJis);
    if (current !== "" && size(count + step.bytes.length, q + qCost(step.bytes), step.inJis) > budget) {
      out.push(current);
      current = "";
      count = 0;
      q = 0;
      step = charBytes(char, charset, false);
    }
    current += char;
    count += step.bytes.length;
    q += qCost(step.bytes);
    inJis = step.inJis;
  }
  if (current !== "") out.push(current);
  return out;
}

/**
 * `text` as RFC 2047 encoded words, folded onto continuation lines (CRLF SP between words: a
 * decoder joins adjacent encoded words without the space). Undefined when the charset cannot
 * carry the text.
 */
export function encodedWords(text: string, charset: Charset, encoding: WordEncoding): string | undefined {
  if (charset === "ISO-2022-JP" && encodeIso2022jp(text) === undefined) return undefined;
  if (text === "") return "";
  return chunks(text, charset, encoding)
    .map((chunk) => {
      const bytes = charset === "UTF-8" ? utf8.encode(chunk) : encodeIso2022jp(chunk)!;
      return `=?${charset}?${encoding}?${encoding === "B" ? base64(bytes) : qEncode(bytes)}?=`;
    })
    .join("\r\n ");
}

/** An RFC 5322 quoted-string: `"` and `\` escaped; undefined for text a quoted string cannot hold (CR, LF). */
export function quotedString(text: string): string | undefined {
  if (text.includes("\r") || text.includes("\n")) return undefined;
  return `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

/** An RFC 2231 extended parameter value: UTF-8, percent-encoded (`name*=` takes it). */
export function rfc2231(text: string): string {
  let out = "UTF-8''";
  for (const byte of utf8.encode(text)) {
    const c = String.fromCharCode(byte);
    out += (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || "-._~".includes(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** Text as HTML text content (and as an attribute value in double quotes). */
export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

/** Printable ASCII and space only: what a quoted local part can carry (RFC 5322 qtext and quoted-pair). */
export function isPrintableAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) return false;
  }
  return true;
}
