import PostalMime, { addressParser, decodeWords } from "postal-mime";
import type { Address, Email } from "postal-mime";
import { parseHeaderBlock, headerValues, routingFields } from "../../core/headers/block.js";
import { diagnostic, localizedDiagnostic, type Diagnostic } from "../../core/diagnostics.js";
import { localized } from "../../core/i18n.js";
import { DEFAULT_LIMITS } from "../../core/options.js";
import type { AttachmentSnapshot, MailAddress, MessageSnapshot } from "../../core/snapshot.js";
// postal-mime's decoders, made linear in the number of lines (see the file).
import "./postal-mime-parts.js";

/**
 * The .eml host: raw RFC 5322 bytes → MessageSnapshot. Pure (no Node, no DOM), so the command
 * line, the demo page and the Outlook pane (via getAsFileAsync) all run the same path.
 */

export interface EmlOptions {
  /** Bytes read at most; the rest is dropped with an INPUT_TOO_LARGE diagnostic. */
  readonly maxInputBytes?: number;
  /** Lines handed to the MIME parser at most (Limits.maxInputLines); the rest is dropped with MIME_TOO_COMPLEX. */
  readonly maxInputLines?: number;
  /** MIME parts handed to the MIME parser at most (Limits.maxMimeParts); the rest is dropped with MIME_TOO_COMPLEX. */
  readonly maxMimeParts?: number;
  /** Header lines handed to the MIME parser at most (Limits.maxHeaderLines); the rest is dropped with MIME_TOO_COMPLEX. */
  readonly maxHeaderLines?: number;
}

const LF = 0x0a;
const CR = 0x0d;
// One of each per process: building a TextDecoder costs more than decoding a header block.
const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder("utf-8");

/**
 * Bytes of the input, with a leading UTF-8 byte order mark (Windows tools write one; postal-mime
 * would then not see the first header) and a leading mbox "From " separator line (mboxrd/mboxo
 * exports) removed.
 */
function toBytes(input: Uint8Array | ArrayBuffer | string): Uint8Array {
  let bytes = typeof input === "string" ? utf8Encoder.encode(input) : input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  // "From " at the very start is an mbox envelope line, never a header (header names end in ":").
  if (bytes.length >= 5 && bytes[0] === 0x46 && bytes[1] === 0x72 && bytes[2] === 0x6f && bytes[3] === 0x6d && bytes[4] === 0x20) {
    const end = bytes.indexOf(LF);
    return end < 0 ? new Uint8Array(0) : bytes.subarray(end + 1);
  }
  return bytes;
}

/**
 * Offset just past the blank line that ends the header block (CRLF CRLF or LF LF), or the length.
 * Line by line (see nextLf): short lines by hand, long ones by indexOf.
 */
function headerBlockEnd(bytes: Uint8Array): number {
  for (let i = nextLf(bytes, 0); i >= 0; i = nextLf(bytes, i + 1)) {
    if (bytes[i + 1] === LF) return i + 2;
    if (bytes[i + 1] === CR && bytes[i + 2] === LF) return i + 3;
  }
  return bytes.length;
}

/** The next LF at or after `from`, or -1: the first 16 bytes by hand, then indexOf (whose call costs about 16 bytes of loop). */
function nextLf(bytes: Uint8Array, from: number): number {
  const near = Math.min(bytes.length, from + 16);
  for (let i = from; i < near; i++) if (bytes[i] === LF) return i;
  return near < bytes.length ? bytes.indexOf(LF, near) : -1;
}

const HYPHEN = 0x2d;
const GREATER_THAN = 0x3e;
const CONTENT_TYPE = "content-type";
const MESSAGE = "message/";
const TEXT = "text/";

/** What the .eml host hands to postal-mime at most (see Limits). */
interface ParseLimits {
  readonly maxLines: number;
  readonly maxParts: number;
  readonly maxHeaderLines: number;
}

interface Extent {
  /** Bytes to hand to postal-mime. */
  readonly end: number;
  /** The limit that cut the mail there. */
  readonly cut?: "lines" | "parts" | "headerLines" | "headerBytes";
  /** Byte ranges [from, to) before `end` left out: header fields past the encoded-word limits. */
  readonly drops: readonly (readonly [number, number])[];
  /** Names of the header fields cut short that way. */
  readonly cutFields: readonly string[];
  /** Names of the header fields cut at MAX_HEADER_FIELD_BYTES. */
  readonly longFields: readonly string[];
  /** Text bodies were cut at MAX_TEXT_BYTES (the lines past it are among the drops). */
  readonly textCut: boolean;
}

/**
 * postal-mime decodes RFC 2047 encoded words ("=?UTF-8?B?…?=") in the subject, Message-ID,
 * References, names, file names and descriptions, and joins each run of adjacent words of one
 * charset in a way that costs the square of the run: 16,000 words (460 KB) took 7 s (found by
 * the fuzzer). A header field is read up to its 100th encoded word, and the mail's header fields
 * up to their 2,000th together (a real subject has a handful).
 */
export const MAX_ENCODED_WORDS_PER_FIELD = 100;
/**
 * postal-mime decodes a text part whole, into bytes and then a string, at a peak of about seven
 * times its size: a 30 MB text body (Exchange's usual maximum for a whole mail) took 200 MB.
 * Text bodies are read up to 2 MiB in all (an ordinary mail's text is a few kilobytes, a large
 * newsletter's a few hundred); what follows is left out and said. Attachments are not text parts
 * and stay whole.
 */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;
export const MAX_ENCODED_WORDS = 2000;
/**
 * postal-mime throws once the header lines of the whole mail (every part's together) pass 2 MiB,
 * and then nothing of the mail is parsed: one 2 MiB header in front of an attachment hid it. A
 * header field is read up to 256 KiB (an ordinary one is under 1 KiB; a To of 5,000 recipients
 * 110 KiB), and the header lines of the mail up to 1.5 MiB together: past that the mail
 * is cut there, like past maxHeaderLines, so what comes before is still parsed.
 */
export const MAX_HEADER_FIELD_BYTES = 256 * 1024;
export const MAX_HEADER_BYTES = 1536 * 1024;
const EQUALS = 0x3d;
const QUESTION = 0x3f;

/** The bytes [from, to) start with `word` (lower-case ASCII), ignoring ASCII case. */
function startsWithWord(bytes: Uint8Array, from: number, to: number, word: string): boolean {
  if (to - from < word.length) return false;
  for (let k = 0; k < word.length; k++) if ((bytes[from + k]! | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}

/** Space or tab (RFC 5322 WSP): what starts a continuation line, and what may stand around a colon. */
function isSpaceOrTab(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09;
}

/** "message/" somewhere in bytes [from, to), ignoring ASCII case. */
function mentionsMessage(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i + MESSAGE.length <= to; i++) if (startsWithWord(bytes, i, to, MESSAGE)) return true;
  return false;
}

/**
 * The Content-Type field of one header block, read across its folded lines as postal-mime reads
 * it: it unfolds a field before it looks for the colon (RFC 5322 §2.2.3), so "Content-Type:" CRLF
 * " message/rfc822" and even "Content-Type" CRLF " : text/plain" declare what they say, and it
 * takes the first Content-Type of a block. What it declares decides how the scan counts: a
 * message/... part's body is a header block of its own, and a text part's bytes count towards
 * MAX_TEXT_BYTES. (Read line by line, a fold hid both: a mail attached that way passed its header
 * lines off as body lines, and a text part its bytes as an attachment's.)
 */
class ContentTypeReader {
  private where: "elsewhere" | "name" | "value" = "elsewhere";
  private seen = false;
  private valueStarted = false;
  /** The value mentions "message/": the part's body is a mail. */
  message = false;
  /** The part is text (no Content-Type at all means text/plain, RFC 2045 §5.2). */
  text = true;

  /** A new header block (a part's, or the mail attached in one). */
  startBlock(): void {
    this.where = "elsewhere";
    this.seen = false;
    this.message = false;
    this.text = true;
  }

  /** One line of the header block, [start, stop) without its line break. */
  line(bytes: Uint8Array, start: number, stop: number): void {
    let from = start;
    if (!isSpaceOrTab(bytes[start])) {
      this.where = "elsewhere";
      if (this.seen || !startsWithWord(bytes, start, stop, CONTENT_TYPE)) return;
      this.where = "name";
      from += CONTENT_TYPE.length;
    } else if (this.where === "elsewhere") {
      return;
    }
    if (this.where === "name") {
      while (from < stop && isSpaceOrTab(bytes[from])) from++;
      if (from === stop) return; // the colon may come on the next line
      if (bytes[from] !== COLON) {
        this.where = "elsewhere"; // another field ("Content-Types: …")
        return;
      }
      from++;
      this.where = "value";
      this.seen = true;
      this.valueStarted = false;
    }
    if (mentionsMessage(bytes, from, stop)) this.message = true;
    if (this.valueStarted) return;
    while (from < stop && isSpaceOrTab(bytes[from])) from++;
    if (from === stop) return;
    this.valueStarted = true;
    this.text = startsWithWord(bytes, from, stop, TEXT);
  }
}

/**
 * How much of the mail to hand to postal-mime, whose cost follows the number of lines (~0.7 µs
 * each), header lines (~2 µs each: every one becomes a header object, even "=" alone) and parts
 * (~75 µs each), whatever their size: everything before the line that would exceed one of the
 * limits. One pass over the bytes, in the manner of a MIME parser but counting generously:
 * - header lines: the top-level block; after every line that can delimit a part ("--" not
 *   followed by ">": RFC 2046 §5.1.1 boundaries never contain ">") up to the next blank line;
 *   and the block after one that declares "Content-Type: message/..." (a mail inside the mail);
 * - parts: every line that can delimit a part.
 */
function parseExtent(bytes: Uint8Array, limits: ParseLimits): Extent {
  let lines = 0;
  let parts = 0;
  let headerLines = 0;
  let inHeader = true;
  const contentType = new ContentTypeReader();
  const drops: [number, number][] = [];
  const cutFields: string[] = [];
  let encodedWords = 0;
  let fieldWords = 0;
  let fieldCut = false;
  let fieldStart = 0;
  /** The body being read is text (what its block's Content-Type said, or text/plain). */
  let partIsText = true;
  let textBytes = 0;
  let textCut = false;
  /** The drop of the text lines cut last, and where that line's text and line ended. */
  let lastTextDrop: [number, number] | undefined;
  let previousStop = -1;
  let previousEnd = -1;
  const longFields: string[] = [];
  let fieldBytes = 0;
  let headerBytes = 0;
  const fieldName = (): string => {
    const colon = bytes.subarray(fieldStart, Math.min(bytes.length, fieldStart + 80)).indexOf(COLON);
    return (colon > 0 ? asciiName(bytes, fieldStart, fieldStart + colon) : undefined) ?? "?";
  };
  /**
   * Counts the encoded words and bytes of a header line; past a limit, the rest of the field is
   * left out (its line breaks kept, so the next field still starts a line). Returns the bytes kept.
   */
  const headerLine = (start: number, stop: number, end: number): number => {
    const continuation = isSpaceOrTab(bytes[start]);
    if (!continuation) {
      fieldWords = 0;
      fieldBytes = 0;
      fieldCut = false;
      fieldStart = start;
    } else if (fieldCut) {
      drops.push([start, Math.min(end + 1, bytes.length)]);
      return 0;
    }
    const room = MAX_HEADER_FIELD_BYTES - fieldBytes;
    const keptStop = stop - start > room ? start + room : stop;
    fieldBytes += keptStop - start;
    for (let i = start; i + 1 < keptStop; i++) {
      if (bytes[i] !== EQUALS || bytes[i + 1] !== QUESTION) continue;
      if (++fieldWords > MAX_ENCODED_WORDS_PER_FIELD || ++encodedWords > MAX_ENCODED_WORDS) {
        drops.push([i, stop]);
        fieldCut = true;
        const name = fieldName();
        if (!cutFields.includes(name)) cutFields.push(name);
        return i - start;
      }
    }
    if (keptStop < stop) {
      // A continuation line with no room left goes whole, its line break with it.
      drops.push(keptStop === start ? [start, Math.min(end + 1, bytes.length)] : [keptStop, stop]);
      fieldCut = true;
      const name = fieldName();
      if (!longFields.includes(name)) longFields.push(name);
    }
    return keptStop - start;
  };
  for (let start = 0; start < bytes.length; ) {
    const left = bytes.length - start;
    if (!inHeader && lines + left <= limits.maxLines && (!partIsText || textBytes + left <= MAX_TEXT_BYTES)) {
      // In a part's body only a line that can delimit a part matters, once the bytes left can
      // reach neither the line limit nor (in text) the text limit: the lines and text bytes need
      // not be counted, and the scan jumps from "-" to "-" (base64 has none at all). Every later
      // count stays within its limit, so the counts skipped here could never have cut.
      const next = nextLineStartingWithHyphen(bytes, start, partIsText);
      if (next < 0) break;
      if (next > start) {
        start = next;
        continue;
      }
    }
    const lf = nextLf(bytes, start);
    const end = lf < 0 ? bytes.length : lf;
    const stop = end > start && bytes[end - 1] === CR ? end - 1 : end;
    if (++lines > limits.maxLines) return { end: start, cut: "lines", drops, cutFields, longFields, textCut };
    if (bytes[start] === HYPHEN && bytes[start + 1] === HYPHEN && bytes[start + 2] !== GREATER_THAN) {
      if (++parts > limits.maxParts) return { end: start, cut: "parts", drops, cutFields, longFields, textCut };
      inHeader = true;
      contentType.startBlock();
    } else if (inHeader) {
      if (stop === start) {
        // After a message/... part's header block comes the attached mail's own.
        inHeader = contentType.message;
        partIsText = contentType.text;
        contentType.startBlock();
      } else {
        if (++headerLines > limits.maxHeaderLines) return { end: start, cut: "headerLines", drops, cutFields, longFields, textCut };
        contentType.line(bytes, start, stop);
        headerBytes += headerLine(start, stop, end);
        if (headerBytes > MAX_HEADER_BYTES) return { end: start, cut: "headerBytes", drops, cutFields, longFields, textCut };
      }
    } else if (partIsText) {
      const next = Math.min(end + 1, bytes.length);
      const room = MAX_TEXT_BYTES - textBytes;
      textBytes += next - start;
      if (textBytes > MAX_TEXT_BYTES) {
        textCut = true;
        // The line that crosses the limit keeps its start (a body of one long base64 line is
        // common), cut at a multiple of 4 so that base64 stays whole quanta. Every cut line keeps
        // its line break, and a run of cut lines folds into one drop that ends before the last
        // one's: so the line after the run (a boundary above all) still starts a line. Dropping
        // the break glued "--boundary" to the kept text, and postal-mime lost every later part.
        const from = room > 0 ? start + room - (room % 4) : start;
        const last = drops.at(-1);
        if (last && last === lastTextDrop && last[1] === previousStop && previousEnd + 1 === start) last[1] = stop;
        else {
          lastTextDrop = [from, stop];
          drops.push(lastTextDrop);
        }
        previousStop = stop;
        previousEnd = end;
      }
    }
    start = end + 1;
  }
  return { end: bytes.length, drops, cutFields, longFields, textCut };
}

/**
 * Offset of the first line at or after `start` (itself a line start) that begins with "-", or -1.
 * Text (HTML and its CSS above all) is full of hyphens and is searched line by line; other
 * content (base64 has no "-" at all) hyphen by hyphen.
 */
function nextLineStartingWithHyphen(bytes: Uint8Array, start: number, text: boolean): number {
  if (bytes[start] === HYPHEN) return start;
  if (text) {
    for (let lf = bytes.indexOf(LF, start); lf >= 0; lf = bytes.indexOf(LF, lf + 1)) if (bytes[lf + 1] === HYPHEN) return lf + 1;
    return -1;
  }
  for (let at = bytes.indexOf(HYPHEN, start); at >= 0; at = bytes.indexOf(HYPHEN, at + 1)) if (bytes[at - 1] === LF) return at;
  return -1;
}

/** `bytes` up to `end` without the `drops` (in order, not overlapping). */
function withoutDrops(bytes: Uint8Array, end: number, drops: readonly (readonly [number, number])[]): Uint8Array {
  if (drops.length === 0) return bytes.subarray(0, end);
  const kept: Uint8Array[] = [];
  let from = 0;
  for (const [dropFrom, dropTo] of drops) {
    if (dropFrom >= end) break;
    kept.push(bytes.subarray(from, dropFrom));
    from = Math.min(dropTo, end);
  }
  kept.push(bytes.subarray(from, end));
  const out = new Uint8Array(kept.reduce((n, k) => n + k.length, 0));
  let offset = 0;
  for (const k of kept) {
    out.set(k, offset);
    offset += k.length;
  }
  return out;
}

/**
 * Bounds on the address headers handed to postal-mime, whose address parser costs about 3 µs a
 * byte (a 130 KB To header of encoded words takes 0.4–1 s): a hostile mail must not stall the
 * pane. Single-mailbox fields are parsed once each; list fields (every To, Cc, Bcc, Reply-To)
 * share one budget. 32 KiB still holds about a thousand addresses. The header list the rules
 * read is not cut: only the parsed address lists are.
 */
export const MAX_SINGLE_ADDRESS_FIELD_BYTES = 8 * 1024;
export const MAX_ADDRESS_LIST_BYTES = 32 * 1024;
const SINGLE_ADDRESS_FIELDS: ReadonlySet<string> = new Set(["from", "sender", "return-path", "delivered-to"]);
const LIST_ADDRESS_FIELDS: ReadonlySet<string> = new Set(["to", "cc", "bcc", "reply-to"]);
const COMMA = 0x2c;
const MAX_ADDRESS_NAME_BYTES = 12;
const COLON = 0x3a;

/**
 * Where to end a value starting at `start` to keep at most `allowance` bytes: at the last comma
 * that fits, so no address is cut in half. With no comma, a list keeps nothing (a half address
 * is not an address) and a single mailbox keeps what fits.
 */
function cutPoint(bytes: Uint8Array, start: number, allowance: number, list: boolean): number {
  const lastComma = bytes.subarray(start, start + allowance).lastIndexOf(COMMA);
  return lastComma >= 0 ? start + lastComma : list ? start : start + allowance;
}

/** Space, tab, or the CR and LF of a fold (which unfolding removes). */
function isFoldOrSpace(byte: number): boolean {
  return isSpaceOrTab(byte) || byte === CR || byte === LF;
}

/** A field name of printable ASCII (RFC 5322 §3.6.8) as text; undefined for anything else. */
function asciiName(bytes: Uint8Array, start: number, end: number): string | undefined {
  let name = "";
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b < 0x21 || b > 0x7e) return undefined;
    name += String.fromCharCode(b);
  }
  return name;
}

/**
 * The bytes to give postal-mime: the same, except that address fields beyond the limits above are
 * cut (at a comma where possible). Returns the names of the fields it cut.
 */
function capAddressFields(bytes: Uint8Array, headerEnd: number): { readonly bytes: Uint8Array; readonly cut: readonly string[] } {
  const pieces: Uint8Array[] = [];
  const cut: string[] = [];
  let copiedTo = 0;
  let listBudget = MAX_ADDRESS_LIST_BYTES;
  const seenSingle = new Set<string>();
  let fieldStart = 0;
  while (fieldStart < headerEnd) {
    // A field runs to the end of its last continuation line (lines starting with SP or HT).
    let end = fieldStart;
    do {
      const lf = bytes.indexOf(LF, end);
      end = lf < 0 || lf >= headerEnd ? headerEnd : lf + 1;
    } while (end < headerEnd && isSpaceOrTab(bytes[end]));
    // Searched within the field only: a field without a colon must not send the search through
    // the rest of the mail (65,000 "=" lines made that quadratic: found by the fuzzer).
    let colon = -1;
    for (let i = fieldStart; i < end; i++) {
      if (bytes[i] === COLON) {
        colon = i - fieldStart;
        break;
      }
    }
    // postal-mime ignores spaces and tabs between the name and the colon, however many, and it
    // unfolds before it looks for the colon: "From" CRLF " : <a@b>" is a From field to it
    // (found by the fuzzer: 22,000 such folds made a 480 KB From that it parsed in 1.3 s).
    let nameEnd = colon;
    while (nameEnd > 0 && isFoldOrSpace(bytes[fieldStart + nameEnd - 1]!)) nameEnd--;
    // Only the eight address fields matter here, whose names are at most 12 bytes
    // ("delivered-to"): other names are not decoded (a mail can have a hundred thousand fields).
    const name = nameEnd > 0 && nameEnd <= MAX_ADDRESS_NAME_BYTES ? asciiName(bytes, fieldStart, fieldStart + nameEnd) : undefined;
    if (name !== undefined) {
      const key = name.toLowerCase();
      const valueStart = fieldStart + colon + 1;
      const length = end - valueStart;
      let allowance = Number.POSITIVE_INFINITY;
      if (SINGLE_ADDRESS_FIELDS.has(key) && !seenSingle.has(key)) {
        seenSingle.add(key); // postal-mime parses only the first of each
        allowance = MAX_SINGLE_ADDRESS_FIELD_BYTES;
      } else if (LIST_ADDRESS_FIELDS.has(key)) {
        allowance = listBudget;
      }
      const keepTo = length > allowance ? cutPoint(bytes, valueStart, allowance, LIST_ADDRESS_FIELDS.has(key)) : end;
      if (LIST_ADDRESS_FIELDS.has(key)) listBudget = Math.max(0, listBudget - (keepTo - valueStart));
      if (keepTo < end) {
        pieces.push(bytes.subarray(copiedTo, keepTo), Uint8Array.of(CR, LF));
        copiedTo = end;
        if (!cut.includes(name)) cut.push(name);
      }
    }
    fieldStart = end;
  }
  if (cut.length === 0) return { bytes, cut };
  pieces.push(bytes.subarray(copiedTo));
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    out.set(piece, offset);
    offset += piece.length;
  }
  return { bytes: out, cut };
}

/** An address header value cut like capAddressFields cuts the bytes (for the parse done here). */
function capAddressValue(value: string | undefined, max: number, list: boolean): string | undefined {
  if (value === undefined || value.length <= max) return value;
  const lastComma = value.lastIndexOf(",", max);
  return value.slice(0, lastComma >= 0 ? lastComma : list ? 0 : max);
}

function mailbox(address: Address | undefined): MailAddress | undefined {
  if (!address) return undefined;
  if (address.group) return address.group[0] ? { name: address.group[0].name, address: address.group[0].address } : undefined;
  return { name: address.name, address: address.address ?? "" };
}

function mailboxes(list: readonly Address[] | undefined): MailAddress[] {
  const out: MailAddress[] = [];
  for (const a of list ?? []) {
    if (a.group) a.group.forEach((m) => out.push({ name: m.name, address: m.address }));
    else out.push({ name: a.name, address: a.address ?? "" });
  }
  return out;
}

function parseAddressHeader(value: string | undefined): MailAddress[] {
  if (value === undefined) return [];
  try {
    return mailboxes(addressParser(value) as Address[]).map((m) => ({ ...m, name: safeDecodeWords(m.name) }));
  } catch {
    return [];
  }
}

function safeDecodeWords(text: string): string {
  try {
    return decodeWords(text);
  } catch {
    return text;
  }
}

function angleless(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const open = value.indexOf("<");
  const close = value.indexOf(">", open + 1);
  return (open >= 0 && close > open ? value.slice(open + 1, close) : value).trim();
}

function toUint8(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === "string") return utf8Encoder.encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

function attachmentsOf(email: Email): AttachmentSnapshot[] {
  return email.attachments.map((a) => {
    const bytes = toUint8(a.content);
    const snapshot: AttachmentSnapshot = {
      name: a.filename,
      declaredType: (a.mimeType ?? "").toLowerCase(),
      size: bytes.byteLength,
      inline: a.disposition === "inline" || (a.related === true && a.disposition !== "attachment"),
      bytes,
    };
    return a.contentId ? { ...snapshot, contentId: a.contentId } : snapshot;
  });
}

/**
 * For a multipart Content-Type: its boundary parameter, or null when it has none. undefined for
 * any other type. Only the top-level type is looked at (what postal-mime silently drops when the
 * boundary is wrong is the whole body).
 */
function multipartBoundary(contentType: string | undefined): string | null | undefined {
  if (contentType === undefined || !/^\s*multipart\//i.test(contentType)) return undefined;
  const match = /;\s*boundary\s*=\s*(?:"([^"]*)"|([^\s;]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  return boundary === undefined || boundary === "" ? null : boundary;
}

/** Message IDs of a References / In-Reply-To value (RFC 5322 §3.6.4), tolerant of missing brackets. */
function splitReferences(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter((id) => id !== "" && id !== "<>");
}

/**
 * Reads an .eml file (CRLF or LF, with or without a leading mbox "From " line). Never throws:
 * a message postal-mime cannot parse still yields its headers and a MIME_PARSE_FAILED diagnostic.
 */
export async function snapshotFromEml(input: Uint8Array | ArrayBuffer | string, options: EmlOptions = {}): Promise<MessageSnapshot> {
  const diagnostics: Diagnostic[] = [];
  const limit = options.maxInputBytes ?? DEFAULT_LIMITS.maxInputBytes;
  let bytes = toBytes(input);
  if (bytes.length === 0) diagnostics.push(diagnostic("EMPTY_INPUT", "error"));
  if (bytes.length > limit) {
    diagnostics.push(diagnostic("INPUT_TOO_LARGE", "error", { limit }));
    bytes = bytes.subarray(0, limit);
  }

  const parseLimits: ParseLimits = {
    maxLines: options.maxInputLines ?? DEFAULT_LIMITS.maxInputLines,
    maxParts: options.maxMimeParts ?? DEFAULT_LIMITS.maxMimeParts,
    maxHeaderLines: options.maxHeaderLines ?? DEFAULT_LIMITS.maxHeaderLines,
  };
  // The limits bound this host's own header work as well as postal-mime's: cut before anything reads it.
  const extent = parseExtent(bytes, parseLimits);
  bytes = withoutDrops(bytes, extent.end, extent.drops);
  for (const header of extent.cutFields) diagnostics.push(diagnostic("ENCODED_WORDS_LIMIT", "warning", { header, limit: MAX_ENCODED_WORDS_PER_FIELD, total: MAX_ENCODED_WORDS }));
  for (const header of extent.longFields) diagnostics.push(diagnostic("HEADER_FIELD_CUT", "warning", { header, limit: MAX_HEADER_FIELD_BYTES }));
  if (extent.textCut) diagnostics.push(diagnostic("TEXT_TOO_LARGE", "warning", { limit: MAX_TEXT_BYTES / (1024 * 1024) }));
  if (extent.cut !== undefined) {
    const what = {
      lines: localized(`${parseLimits.maxLines} 行`, `${parseLimits.maxLines} lines`),
      parts: localized(`MIME パート ${parseLimits.maxParts} 個`, `${parseLimits.maxParts} MIME parts`),
      headerLines: localized(`ヘッダー ${parseLimits.maxHeaderLines} 行`, `${parseLimits.maxHeaderLines} header lines`),
      headerBytes: localized(`ヘッダー合計 ${MAX_HEADER_BYTES} バイト`, `${MAX_HEADER_BYTES} bytes of header lines`),
    }[extent.cut];
    diagnostics.push(localizedDiagnostic("MIME_TOO_COMPLEX", "error", { what }));
  }

  const headerEnd = headerBlockEnd(bytes);
  // RFC 6532 allows UTF-8 in headers; anything else undecodable becomes U+FFFD, never an error.
  const rawHeaders = utf8Decoder.decode(bytes.subarray(0, headerEnd));
  const headers = parseHeaderBlock(rawHeaders);
  const first = (name: string): string | undefined => headerValues(headers, name)[0];

  const capped = capAddressFields(bytes, headerEnd);
  for (const header of capped.cut) {
    const single = SINGLE_ADDRESS_FIELDS.has(header.toLowerCase());
    diagnostics.push(diagnostic("HEADER_TOO_LONG", "warning", { header, limit: single ? MAX_SINGLE_ADDRESS_FIELD_BYTES : MAX_ADDRESS_LIST_BYTES }));
  }
  let email: Email | undefined;
  try {
    // postal-mime copies a view into an ArrayBuffer of its own; a whole ArrayBuffer it reads as
    // it is (it never writes to it): one copy of a 30 MB mail fewer.
    const whole = capped.bytes.byteOffset === 0 && capped.bytes.byteLength === capped.bytes.buffer.byteLength && capped.bytes.buffer instanceof ArrayBuffer;
    email = await PostalMime.parse(whole ? (capped.bytes.buffer as ArrayBuffer) : capped.bytes, { attachmentEncoding: "arraybuffer" });
  } catch (error) {
    diagnostics.push(diagnostic("MIME_PARSE_FAILED", "error", { detail: error instanceof Error ? error.message : String(error) }));
  }
  const listHeader = (name: string): string | undefined => capAddressValue(first(name), MAX_ADDRESS_LIST_BYTES, true);

  // postal-mime keeps only the first mailbox of a From listing several (RFC 5322 §3.6.2).
  const fromParsed = parseAddressHeader(capAddressValue(first("from"), MAX_SINGLE_ADDRESS_FIELD_BYTES, false));
  const fromAll = fromParsed.length > 0 || !email?.from ? fromParsed : mailboxes([email.from]);
  if (bytes.length > 0 && headers.length === 0) {
    diagnostics.push(diagnostic("MIME_PARSE_FAILED", "error", { detail: "no header fields at the start of the mail" }));
  }
  // A multipart whose boundary never occurs yields no body and no attachments from postal-mime:
  // say so, and keep the raw body as text so the link checks still see it (never a silent "clean").
  let fallbackText: string | undefined;
  const boundary = multipartBoundary(first("content-type"));
  if (email && boundary !== undefined && !email.text && !email.html && email.attachments.length === 0) {
    const body = utf8Decoder.decode(bytes.subarray(headerEnd));
    if (body.trim() !== "" && (boundary === null || !body.includes(`--${boundary}`))) {
      const detail = boundary === null ? "multipart without a boundary parameter" : `multipart boundary "${boundary}" does not occur in the body`;
      diagnostics.push(diagnostic("MIME_PARSE_FAILED", "error", { detail }));
      fallbackText = body;
    }
  }
  const subjectRaw = first("subject");
  const snapshot: MessageSnapshot = {
    host: "eml",
    available: { headers: headers.length > 0, body: email !== undefined, attachmentContent: email !== undefined },
    rawHeaders,
    headers,
    from: fromAll[0],
    fromAll,
    sender: email ? mailbox(email.sender) : parseAddressHeader(capAddressValue(first("sender"), MAX_SINGLE_ADDRESS_FIELD_BYTES, false))[0],
    replyTo: email ? mailboxes(email.replyTo) : parseAddressHeader(listHeader("reply-to")),
    returnPath: angleless(first("return-path")),
    to: email ? mailboxes(email.to) : parseAddressHeader(listHeader("to")),
    cc: email ? mailboxes(email.cc) : parseAddressHeader(listHeader("cc")),
    subject: email ? email.subject : subjectRaw === undefined ? undefined : safeDecodeWords(subjectRaw),
    date: first("date"),
    messageId: first("message-id"),
    inReplyTo: first("in-reply-to"),
    references: splitReferences(first("references")),
    ...routingFields(headers),
    text: email?.text ?? fallbackText,
    html: email?.html,
    attachments: email ? attachmentsOf(email) : [],
    diagnostics,
  };
  return snapshot;
}
