import { localizedDiagnostic, type Diagnostic } from "./diagnostics.js";
import { localized, type Localized } from "./i18n.js";

/**
 * Is this input a mail at all? An Outlook .msg, a program, an empty file or random bytes would
 * otherwise be "analysed" as a mail with no headers and come out clean ("No indicators found").
 * Recognised from the bytes only (never the file name): known binary formats by their magic
 * number, then the one thing every .eml has, a header field ("Name: value") before the first
 * blank line. Forgiving where real mail is untidy: a UTF-8 byte order mark, an mbox "From " line,
 * CRLF or LF, stray lines before the first field. Pure; reads at most the first SCAN_BYTES.
 */

export type NotMailKind =
  | "empty"
  | "outlook-msg"
  | "executable"
  | "archive"
  | "document"
  | "image"
  | "utf16-text"
  | "binary"
  | "no-headers";

export interface NotMail {
  readonly kind: NotMailKind;
  /** The format, for scripts: "ole", "pe", "elf", "mach-o", "zip", "pdf", "png", "text"… */
  readonly format: string;
  /** What the input is, as a noun phrase ("an Outlook .msg file"). */
  readonly what: Localized;
  /** What to give instead. */
  readonly advice: Localized;
}

/** Enough for any header block's first field; a mail whose first field comes later is not one a client wrote. */
const SCAN_BYTES = 64 * 1024;
/** Bytes looked at to call the input binary (a mail's header block is text). */
const SAMPLE_BYTES = 8 * 1024;

const SAVE_AS_EML = localized(
  "メールソフトでメールを .eml 形式で保存したファイル(ヘッダーを含むメール全体)を指定してください。",
  "Give the mail as an .eml file saved by the mail client (the whole mail, headers included).",
);
const SAVE_MSG_AS_EML = localized(
  "メールを .eml で保存してください(新しい Outlook・Outlook on the web: […] > [名前を付けて保存]、Mac 版 Outlook: メールをフォルダーへドラッグ。従来の Windows 版 Outlook は .msg でしか保存できません)。または、メールを添付ファイルとして転送し、届いた添付のメールを保存してください。",
  "Save the mail as .eml (new Outlook or Outlook on the web: … > Save as; Outlook for Mac: drag the mail to a folder; classic Outlook for Windows saves only .msg), or forward it as an attachment and save the attached mail.",
);
const DO_NOT_OPEN = localized(
  "開かないでください。メールに添付されていたものなら、そのメール自体を .eml 形式で保存して指定してください。",
  "Do not open it. If it came attached to a mail, give that mail itself, saved as an .eml file.",
);

const KINDS = {
  empty: { what: localized("空のファイル", "an empty file"), advice: SAVE_AS_EML },
  "outlook-msg": {
    what: localized("Outlook の .msg ファイル(または他の Office のバイナリ ファイル)", "an Outlook .msg file (or another Office binary file)"),
    advice: SAVE_MSG_AS_EML,
  },
  executable: { what: localized("プログラムの実行ファイル", "an executable program"), advice: DO_NOT_OPEN },
  archive: { what: localized("圧縮ファイル", "an archive"), advice: DO_NOT_OPEN },
  document: { what: localized("文書ファイル", "a document"), advice: DO_NOT_OPEN },
  image: { what: localized("画像ファイル", "an image"), advice: SAVE_AS_EML },
  "utf16-text": {
    what: localized("UTF-16 のテキスト(メールは ASCII か UTF-8 です。エディターで保存し直したものと思われます)", "UTF-16 text (mail is ASCII or UTF-8; this was probably re-saved by an editor)"),
    advice: SAVE_AS_EML,
  },
  binary: { what: localized("テキストではないデータ(バイナリ データ)", "binary data"), advice: SAVE_AS_EML },
  "no-headers": {
    what: localized("ヘッダー(最初の空行より前の「名前: 値」の行)のないテキスト", "text without a mail header block (no “Name: value” line before the first blank line)"),
    advice: localized(
      "本文をコピーしたものなら、メールソフトで .eml 形式で保存したメール全体(ヘッダーを含む)を指定してください。",
      "If it is a copied mail body: give the whole mail, headers included, as an .eml file saved by the mail client.",
    ),
  },
} as const satisfies Record<NotMailKind, { what: Localized; advice: Localized }>;

/** Names of formats within a kind, for the message ("an archive (ZIP …)"). */
interface Magic {
  readonly kind: NotMailKind;
  readonly format: string;
  readonly name: string;
  readonly at?: number;
  readonly bytes: readonly number[];
  /** Further bytes that must match (a second signature). */
  readonly also?: { readonly at: number; readonly bytes: readonly number[] };
}

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

const MAGICS: readonly Magic[] = [
  { kind: "outlook-msg", format: "ole", name: "OLE", bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: "executable", format: "pe", name: "Windows", bytes: ascii("MZ") },
  { kind: "executable", format: "elf", name: "Linux / ELF", bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: "executable", format: "mach-o", name: "macOS / Mach-O", bytes: [0xfe, 0xed, 0xfa, 0xce] },
  { kind: "executable", format: "mach-o", name: "macOS / Mach-O", bytes: [0xfe, 0xed, 0xfa, 0xcf] },
  { kind: "executable", format: "mach-o", name: "macOS / Mach-O", bytes: [0xce, 0xfa, 0xed, 0xfe] },
  { kind: "executable", format: "mach-o", name: "macOS / Mach-O", bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  // Also a Java class file: both are programs.
  { kind: "executable", format: "mach-o-universal", name: "macOS universal / Java class", bytes: [0xca, 0xfe, 0xba, 0xbe] },
  { kind: "executable", format: "lnk", name: "Windows shortcut .lnk", bytes: [0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00] },
  // ZIP is also .docx / .xlsx / .jar / .apk: the name says so.
  { kind: "archive", format: "zip", name: "ZIP, .docx, .xlsx…", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: "archive", format: "zip", name: "ZIP", bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: "archive", format: "zip", name: "ZIP", bytes: [0x50, 0x4b, 0x07, 0x08] },
  { kind: "archive", format: "rar", name: "RAR", bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { kind: "archive", format: "7z", name: "7-Zip", bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: "archive", format: "gzip", name: "gzip", bytes: [0x1f, 0x8b] },
  { kind: "archive", format: "bzip2", name: "bzip2", bytes: ascii("BZh"), also: { at: 4, bytes: [0x31, 0x41, 0x59, 0x26, 0x53, 0x59] } },
  { kind: "archive", format: "xz", name: "xz", bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { kind: "archive", format: "zstd", name: "Zstandard", bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { kind: "archive", format: "cab", name: "CAB", bytes: ascii("MSCF") },
  { kind: "archive", format: "tar", name: "tar", at: 257, bytes: ascii("ustar") },
  { kind: "archive", format: "iso", name: "ISO 9660", at: 0x8001, bytes: ascii("CD001") },
  { kind: "document", format: "pdf", name: "PDF", bytes: ascii("%PDF-") },
  { kind: "document", format: "rtf", name: "RTF", bytes: ascii("{\\rtf") },
  { kind: "image", format: "png", name: "PNG", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: "image", format: "jpeg", name: "JPEG", bytes: [0xff, 0xd8, 0xff] },
  { kind: "image", format: "gif", name: "GIF", bytes: ascii("GIF87a") },
  { kind: "image", format: "gif", name: "GIF", bytes: ascii("GIF89a") },
  { kind: "image", format: "bmp", name: "BMP", bytes: ascii("BM"), also: { at: 6, bytes: [0, 0, 0, 0] } },
  { kind: "image", format: "tiff", name: "TIFF", bytes: [0x49, 0x49, 0x2a, 0x00] },
  { kind: "image", format: "tiff", name: "TIFF", bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { kind: "image", format: "webp", name: "WebP", bytes: ascii("RIFF"), also: { at: 8, bytes: ascii("WEBP") } },
  { kind: "image", format: "ico", name: "ICO", bytes: [0x00, 0x00, 0x01, 0x00] },
];

const LF = 0x0a;
const CR = 0x0d;
const TAB = 0x09;
const COLON = 0x3a;
const ESC = 0x1b;

function matchesAt(bytes: Uint8Array, at: number, expected: readonly number[]): boolean {
  if (at + expected.length > bytes.length) return false;
  for (let i = 0; i < expected.length; i++) if (bytes[at + i] !== expected[i]) return false;
  return true;
}

/** End of the line starting at `start` (the LF's offset, or `limit`). */
function lineEnd(bytes: Uint8Array, start: number, limit: number): number {
  const lf = bytes.subarray(start, limit).indexOf(LF);
  return lf < 0 ? limit : start + lf;
}

/**
 * A header field line (RFC 5322 §2.2, obsolete syntax's space before the colon allowed): a name
 * of printable ASCII without colon, a colon, and a value with no control character but tab and
 * ESC (8-bit bytes are fine: UTF-8, raw Shift_JIS and ISO-2022-JP headers exist). Strict on
 * controls so that a line of binary data is not taken for one.
 */
function isFieldLine(bytes: Uint8Array, start: number, end: number): boolean {
  if (end > start && bytes[end - 1] === CR) end--;
  let i = start;
  while (i < end && bytes[i]! >= 0x21 && bytes[i]! <= 0x7e && bytes[i] !== COLON) i++;
  if (i === start) return false;
  while (i < end && (bytes[i] === 0x20 || bytes[i] === TAB)) i++;
  if (i >= end || bytes[i] !== COLON) return false;
  for (i++; i < end; i++) {
    const b = bytes[i]!;
    if ((b < 0x20 && b !== TAB && b !== ESC) || b === 0x7f) return false;
  }
  return true;
}

const isBlank = (bytes: Uint8Array, start: number, end: number): boolean => end === start || (end === start + 1 && bytes[start] === CR);

/**
 * Whether a header field comes before the first blank line (within `limit`) and after no line
 * holding a NUL: stray text lines may precede the fields, binary data may not (a line of random
 * bytes now and then looks like a field).
 */
function hasHeaderField(bytes: Uint8Array, from: number, limit: number): boolean {
  for (let start = from; start < limit; ) {
    const end = lineEnd(bytes, start, limit);
    if (isBlank(bytes, start, end)) return false;
    if (isFieldLine(bytes, start, end)) return true;
    if (bytes.subarray(start, end).includes(0)) return false;
    start = end + 1;
  }
  return false;
}

function magic(bytes: Uint8Array): Magic | undefined {
  return MAGICS.find((m) => matchesAt(bytes, m.at ?? 0, m.bytes) && (m.also === undefined || matchesAt(bytes, m.also.at, m.also.bytes)));
}

/** UTF-16 by its byte order mark, or ASCII text with every other byte NUL (a header line has no NUL). */
function isUtf16(bytes: Uint8Array): boolean {
  if (matchesAt(bytes, 0, [0xff, 0xfe]) || matchesAt(bytes, 0, [0xfe, 0xff])) return true;
  const n = Math.min(bytes.length, 64) & ~1;
  if (n < 8) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0 && bytes[i + 1] !== 0) even++;
    if (bytes[i + 1] === 0 && bytes[i] !== 0) odd++;
  }
  return even === n / 2 || odd === n / 2;
}

/** Binary: a NUL, or more than one byte in ten a control character no text has (ESC is ISO-2022-JP's). */
function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if ((b < 0x20 && b !== TAB && b !== LF && b !== CR && b !== 0x0c && b !== ESC) || b === 0x7f) controls++;
  }
  return controls * 10 > n;
}

function isWhitespaceOnly(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SCAN_BYTES);
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== TAB && b !== LF && b !== CR && b !== 0x0c) return false;
  }
  return n === bytes.length;
}

function notMailOf(kind: NotMailKind, format: string, name?: string): NotMail {
  const { what, advice } = KINDS[kind];
  return { kind, format, what: name === undefined ? what : localized(`${what.ja}(${name})`, `${what.en} (${name})`), advice };
}

/**
 * What the input is when it is not a mail; undefined when it is one (or may be: the analysis
 * then says what it can). An Outlook .msg names itself first: it is the usual mistake.
 */
export function notMail(input: Uint8Array): NotMail | undefined {
  let bytes = input;
  if (matchesAt(bytes, 0, [0xef, 0xbb, 0xbf])) bytes = bytes.subarray(3);
  if (isWhitespaceOnly(bytes)) return notMailOf("empty", "empty");
  let from = 0;
  // The mbox envelope line ("From sender date") is not a header field; the fields follow it.
  if (matchesAt(bytes, 0, ascii("From "))) from = Math.min(bytes.length, lineEnd(bytes, 0, bytes.length) + 1);
  const limit = Math.min(bytes.length, SCAN_BYTES);
  // A first line that is a field settles it, whatever bytes a format's magic number would claim ("MZ…: x").
  const firstEnd = lineEnd(bytes, from, limit);
  if (isFieldLine(bytes, from, firstEnd)) return undefined;
  const known = magic(bytes);
  if (known) return notMailOf(known.kind, known.format, known.kind === "outlook-msg" ? undefined : known.name);
  if (isUtf16(bytes)) return notMailOf("utf16-text", "utf-16");
  if (hasHeaderField(bytes, from, limit)) return undefined;
  if (isBinary(bytes.subarray(from))) return notMailOf("binary", "binary");
  return notMailOf("no-headers", "text");
}

/** The NOT_A_MAIL diagnostic for an input (the command line's JSON record, the demo's message). */
export function notMailDiagnostic(what: NotMail): Diagnostic {
  return localizedDiagnostic("NOT_A_MAIL", "error", { what: what.what, advice: what.advice });
}
