/**
 * PDF (ISO 32000-1:2008 / ISO 32000-2) scanned as a token stream, without building the object
 * graph: names (§7.3.5, with #xx escapes decoded — "/J#61vaScript" is /JavaScript), strings
 * (§7.3.4, literal and hexadecimal) and the "stream ... endstream" data of objects (§7.3.8).
 * Stream data is skipped except for object streams (§7.5.7, /Type /ObjStm), which hold whole
 * objects — and so their dictionaries' keys — compressed: those with /FlateDecode alone are
 * decompressed within the message's budget and scanned like the rest. Comments (§7.2.4) and
 * strings are skipped so a name mentioned in text does not count.
 *
 * What it reports: the action and content keys (JavaScript, OpenAction, AA, Launch,
 * EmbeddedFile, XFA, AcroForm, SubmitForm, RichMedia), names written with needless #xx escapes
 * (an evasion with no legitimate use in keys), an /Encrypt dictionary, the file names of file
 * specifications (/F, /UF), and the targets of URI actions (§12.6.4.7), which go to the link
 * rules.
 */
import { fillLocalized } from "../../i18n.js";
import { ascii, decodeText, indexOfBytes, latin1 } from "./bytes.js";
import type { ContentKind } from "./kinds.js";
import { NOTE, type IndicatorCode, type Scope } from "./scope.js";

/** Link targets taken from one PDF. */
export const MAX_PDF_URIS = 200;
const MAX_FILE_NAMES = 50;
/** Output allowed per object stream (they hold objects, not page content: rarely more than a few hundred KB). */
const MAX_OBJECT_STREAM = 4 * 1024 * 1024;

const ACTIVE: ReadonlyMap<string, IndicatorCode> = new Map(Object.entries({
  JavaScript: "pdf-javascript",
  JS: "pdf-javascript",
  OpenAction: "pdf-auto-action",
  AA: "pdf-auto-action",
  Launch: "pdf-launch",
  EmbeddedFile: "pdf-embedded-file",
  EmbeddedFiles: "pdf-embedded-file",
  XFA: "pdf-xfa",
  AcroForm: "pdf-acroform",
  SubmitForm: "pdf-submit-form",
  RichMedia: "pdf-richmedia",
  Encrypt: "pdf-encrypted",
}) as [string, IndicatorCode][]);

/** Names the scan acts on besides ACTIVE: values it keeps, and what a stream's dictionary says. */
const KEYS = ["URI", "F", "UF", "Length", "ObjStm", "FlateDecode", "Fl", "Crypt", "Launch"];
/** Filter names other than FlateDecode (§7.4, and their abbreviations in inline images). */
const OTHER_FILTERS = ["ASCIIHexDecode", "ASCII85Decode", "LZWDecode", "RunLengthDecode", "CCITTFaxDecode", "JBIG2Decode", "DCTDecode", "JPXDecode", "AHx", "A85", "LZW", "RL", "CCF", "DCT"];
const CANDIDATE = new Uint8Array(65 * 256);
for (const name of [...ACTIVE.keys(), ...KEYS, ...OTHER_FILTERS]) CANDIDATE[name.length * 256 + name.charCodeAt(0)] = 1;

// What the scan does with each byte: nothing (whitespace), forget the pending key (an ordinary
// character), or look closer (delimiters, digits of a /Length, the "s" of stream, the "o" of obj).
const SPACE = 0;
const PLAIN = 1;
const DIGIT = 2;
const SPECIAL = 3;
const ACTION = new Uint8Array(256).fill(PLAIN);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) ACTION[c] = SPACE;
for (let c = 0x30; c <= 0x39; c++) ACTION[c] = DIGIT;
for (const c of "%/(<>so") ACTION[c.charCodeAt(0)] = SPECIAL;

// §7.2.2 character classes.
const WHITE = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WHITE[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of "()<>[]{}/%") DELIM[c.charCodeAt(0)] = 1;

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** Text of a string's bytes: UTF-16BE with its byte-order mark (§7.9.2.2), otherwise Latin-1 (close enough to PDFDocEncoding for names and URLs). */
function stringText(bytes: number[]): string {
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeText(Uint8Array.from(bytes.slice(2)), "utf-16be");
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeText(Uint8Array.from(bytes.slice(3)), "utf-8");
  return String.fromCharCode(...bytes.slice(0, 8192));
}

/** Longest name worth reading: the keys of interest are short, even fully #xx-escaped. */
const MAX_NAME = 64;
/** Longest string value kept (URLs and file names). */
const MAX_STRING = 4096;

/** A name with #xx escapes decoded (§7.3.5). */
function decodeName(b: Uint8Array, start: number, end: number): string {
  let name = "";
  for (let j = start; j < end; ) {
    if (b[j] === 0x23 && j + 2 < end && hexValue(b[j + 1]!) >= 0 && hexValue(b[j + 2]!) >= 0) {
      name += String.fromCharCode((hexValue(b[j + 1]!) << 4) | hexValue(b[j + 2]!));
      j += 3;
    } else {
      name += String.fromCharCode(b[j]!);
      j++;
    }
  }
  return name;
}

const STREAM = ascii("stream");
const ENDSTREAM = ascii("endstream");
const ENCRYPT = ascii("/Encrypt");
const ENCRYPT_WINDOW = 1024 * 1024;

interface ScanState {
  encrypted: boolean;
  fileNames: string[];
  launchTargets: string[];
  objectStreams: number;
}

export function inspectPdf(full: Uint8Array, scope: Scope): ContentKind {
  const b = scope.scanWindow(full);
  const header = indexOfBytes(b, ascii("%PDF-"), 0, 1024);
  if (header > 0) scope.indicate("pdf-header-offset", String(header));
  // The /Encrypt entry is in the trailer (§7.5.5) or the cross-reference stream's dictionary
  // (§7.5.8): at the end of the file, or near the start in a linearized file (Annex F).
  const encrypted = indexOfBytes(b, ENCRYPT, 0, Math.min(b.length, ENCRYPT_WINDOW)) >= 0 || indexOfBytes(b, ENCRYPT, Math.max(0, b.length - ENCRYPT_WINDOW)) >= 0;
  const state: ScanState = { encrypted, fileNames: [], launchTargets: [], objectStreams: 0 };
  if (state.encrypted) scope.note("unreadable", NOTE.pdfEncrypted);
  scan(b, scope, state, false);
  if (scope.has("pdf-embedded-file")) for (const name of state.fileNames) scope.indicate("pdf-embedded-file", name);
  for (const target of state.launchTargets) scope.indicate("pdf-launch", target);
  return "pdf";
}

function scan(b: Uint8Array, scope: Scope, state: ScanState, inObjectStream: boolean): void {
  // What the current object's dictionary said, for deciding whether its stream is an object stream.
  let isObjStm = false;
  let flate = false;
  let otherFilter = false;
  let length = -1;
  let pending = ""; // the key whose value comes next (URI, F, UF, Length)
  // Inside the dictionary that holds /Launch (its /F is the program it starts): the depth it was seen at.
  let launchDepth = 0;
  let depth = 0;
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    // Fast path: whitespace and ordinary characters (most of a PDF's text) need no work.
    const action = ACTION[c]!;
    if (action === PLAIN || (action === DIGIT && pending !== "Length")) {
      pending = "";
      i++;
      while (i < n && ACTION[b[i]!] === PLAIN) i++;
      continue;
    }
    if (action === SPACE) {
      i++;
      continue;
    }
    if (c === 0x25) {
      // Comment to the end of the line.
      while (i < n && b[i] !== 0x0a && b[i] !== 0x0d) i++;
      continue;
    }
    if (c === 0x2f) {
      // Name (§7.3.5): regular characters up to whitespace or a delimiter; #xx escapes decoded.
      const rawStart = i;
      let j = i + 1;
      let escaped = false;
      while (j < n && !WHITE[b[j]!] && !DELIM[b[j]!]) {
        if (b[j] === 0x23) escaped = true;
        j++;
      }
      i = j;
      const length_ = j - rawStart - 1;
      // No key of interest is long; a long name is skipped without building a string for it.
      if (length_ === 0 || length_ > MAX_NAME) {
        pending = "";
        continue;
      }
      // Most names (/Type, /Page, /Font ...) are of no interest: a (length, first letter) filter skips them without building a string.
      if (!escaped && !CANDIDATE[length_ * 256 + b[rawStart + 1]!]) {
        pending = "";
        continue;
      }
      const name = escaped ? decodeName(b, rawStart + 1, j) : latin1(b, rawStart + 1, j);
      const code = ACTIVE.get(name);
      if (code !== undefined) {
        if (code !== "pdf-encrypted" || !inObjectStream) scope.indicate(code, `/${name}`);
        if (escaped) scope.indicate("pdf-obfuscated-name", latin1(b, rawStart, j));
      }
      if (name === "Launch") launchDepth = Math.max(1, depth);
      if (name === "ObjStm") isObjStm = true;
      else if (name === "FlateDecode" || name === "Fl") flate = true;
      else if (OTHER_FILTERS.includes(name) || name === "Crypt") otherFilter = true;
      pending = name === "URI" || name === "F" || name === "UF" || name === "Length" ? name : "";
      continue;
    }
    if (c === 0x28) {
      // Literal string (§7.3.4.2): balanced parentheses, backslash escapes. Only the values of
      // /URI, /F and /UF are kept; other strings are skipped without decoding.
      const keep = wanted();
      if (!keep) {
        // Skipped strings: the common case (no escape or nested parenthesis before the close)
        // needs only the native search for ")" and a check of the bytes up to it.
        const close = b.indexOf(0x29, i + 1);
        if (close >= 0) {
          let k = i + 1;
          while (k < close && b[k] !== 0x5c && b[k] !== 0x28) k++;
          if (k === close) {
            i = close + 1;
            pending = "";
            continue;
          }
        }
      }
      const bytes: number[] = [];
      let nesting = 1;
      let j = i + 1;
      while (j < n) {
        const d = b[j]!;
        if (d === 0x5c) {
          const e = b[j + 1] ?? 0;
          j += 2;
          if (!keep || bytes.length >= MAX_STRING) continue;
          if (e >= 0x30 && e <= 0x37) {
            let v = e - 0x30;
            for (let k = 0; k < 2 && j < n && b[j]! >= 0x30 && b[j]! <= 0x37; k++, j++) v = v * 8 + (b[j]! - 0x30);
            bytes.push(v & 0xff);
          } else if (e === 0x6e) bytes.push(0x0a);
          else if (e === 0x72) bytes.push(0x0d);
          else if (e === 0x74) bytes.push(0x09);
          else if (e === 0x62) bytes.push(0x08);
          else if (e === 0x66) bytes.push(0x0c);
          else if (e === 0x0d || e === 0x0a) {
            if (e === 0x0d && b[j] === 0x0a) j++;
          } else bytes.push(e);
          continue;
        }
        if (d === 0x28) nesting++;
        else if (d === 0x29 && --nesting === 0) break;
        if (keep && bytes.length < MAX_STRING) bytes.push(d);
        j++;
      }
      i = j + 1;
      if (keep) value(stringText(bytes));
      else pending = "";
      continue;
    }
    if (c === 0x3c) {
      if (b[i + 1] === 0x3c) {
        depth++;
        i += 2;
        continue;
      }
      // Hexadecimal string (§7.3.4.3).
      const close = b.indexOf(0x3e, i + 1);
      const end = close < 0 ? n : close;
      if (!wanted()) {
        pending = "";
        i = end + 1;
        continue;
      }
      const bytes: number[] = [];
      let half = -1;
      for (let j = i + 1; j < end && bytes.length < MAX_STRING; j++) {
        const v = hexValue(b[j]!);
        if (v < 0) continue;
        if (half < 0) half = v;
        else {
          bytes.push((half << 4) | v);
          half = -1;
        }
      }
      if (half >= 0) bytes.push(half << 4);
      i = end + 1;
      value(stringText(bytes));
      continue;
    }
    if (c >= 0x30 && c <= 0x39 && pending === "Length") {
      let j = i;
      let v = 0;
      while (j < n && b[j]! >= 0x30 && b[j]! <= 0x39 && j - i < 12) v = v * 10 + (b[j++]! - 0x30);
      // "/Length 12 0 R" is an indirect reference: the number is an object number, not the length.
      let k = j;
      while (k < n && WHITE[b[k]!]) k++;
      let isRef = false;
      if (b[k]! >= 0x30 && b[k]! <= 0x39) {
        let m = k;
        while (m < n && b[m]! >= 0x30 && b[m]! <= 0x39) m++;
        while (m < n && WHITE[b[m]!]) m++;
        isRef = b[m] === 0x52;
      }
      length = isRef ? -1 : v;
      pending = "";
      i = j;
      continue;
    }
    if (c === 0x73 && (i === 0 || WHITE[b[i - 1]!] || b[i - 1] === 0x3e) && matches(b, i, STREAM)) {
      // "stream" then CRLF or LF (§7.3.8.1): the data follows.
      let start = i + 6;
      if (b[start] === 0x0d) start++;
      if (b[start] === 0x0a) start++;
      let end = -1;
      if (length >= 0 && start + length <= n) {
        const after = indexOfBytes(b, ENDSTREAM, start + length, Math.min(n, start + length + 64));
        if (after >= 0) end = start + length;
      }
      const endKeyword = end >= 0 ? indexOfBytes(b, ENDSTREAM, end) : indexOfBytes(b, ENDSTREAM, start);
      if (end < 0) end = endKeyword < 0 ? n : endKeyword;
      if (isObjStm && !inObjectStream) objectStream(b.subarray(start, end), flate, otherFilter, scope, state);
      i = endKeyword < 0 ? n : endKeyword + ENDSTREAM.length;
      isObjStm = flate = otherFilter = false;
      length = -1;
      pending = "";
      continue;
    }
    if (c === 0x6f && matches(b, i, OBJ) && i > 0 && WHITE[b[i - 1]!]) {
      // "N G obj": a new object; forget the previous dictionary.
      isObjStm = flate = otherFilter = false;
      length = -1;
      launchDepth = 0;
      depth = 0;
      i += 3;
      continue;
    }
    if (c === 0x3e && b[i + 1] === 0x3e) {
      depth = Math.max(0, depth - 1);
      if (depth < launchDepth) launchDepth = 0;
      pending = "";
      i += 2;
      continue;
    }
    // Anything else (a number, a reference "5 0 R", an array) is a value the scan does not take.
    if (!WHITE[c]) pending = "";
    i++;
  }

  /** The next string is the value of a key whose value is kept. */
  function wanted(): boolean {
    if (state.encrypted) return false;
    if (pending === "URI") return scope.uriRoom(MAX_PDF_URIS);
    return pending === "F" || pending === "UF";
  }

  function value(text: string): void {
    const key = pending;
    pending = "";
    if (state.encrypted) return;
    const v = text.trim();
    if (v === "") return;
    if (key === "URI") {
      scope.uri(v, MAX_PDF_URIS);
      scope.indicate("pdf-uri");
    } else if (key === "F" || key === "UF") {
      if (launchDepth > 0) {
        if (state.launchTargets.length < MAX_FILE_NAMES) state.launchTargets.push(v);
      } else if (state.fileNames.length < MAX_FILE_NAMES && !state.fileNames.includes(v)) state.fileNames.push(v);
    }
  }
}

const OBJ = ascii("obj");

function matches(b: Uint8Array, i: number, word: Uint8Array): boolean {
  for (let k = 0; k < word.length; k++) if (b[i + k] !== word[k]) return false;
  const next = b[i + word.length];
  return next === undefined || WHITE[next] === 1 || DELIM[next] === 1;
}

function objectStream(data: Uint8Array, flate: boolean, otherFilter: boolean, scope: Scope, state: ScanState): void {
  if (state.encrypted) return;
  state.objectStreams++;
  if (otherFilter || !flate) {
    scope.note("unreadable", fillLocalized(NOTE.pdfStream, { detail: otherFilter ? "filter other than FlateDecode" : "no FlateDecode filter" }));
    if (!flate && !otherFilter) scan(data, scope, state, true);
    return;
  }
  const result = scope.inflate(data, MAX_OBJECT_STREAM, "zlib");
  if (result.error && result.bytes.length === 0) {
    scope.note("unreadable", fillLocalized(NOTE.pdfStream, { detail: result.error }));
    return;
  }
  scan(result.bytes, scope, state, true);
}
