/**
 * Magic-byte sniffing: what the first bytes (and a few fixed offsets) say a file is. Cheap and
 * position-based; the format readers refine the answer (a zip that is really a .docx, an OLE
 * file that is really an MSI) by reading the structure.
 */
import { ascii, hasAscii, hasBytes, indexOfBytes, latin1, u16le, u32be, u32le, u8 } from "./bytes.js";
import type { ContentKind } from "./kinds.js";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// MS-SHLLINK 2.1: HeaderSize 0x4C, then LinkCLSID 00021401-0000-0000-C000-000000000046.
const LNK = [0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46];
// MS-ONESTORE 2.3.1: a .one revision store file starts with guidFileType {7B5C52E4-D88C-4DA7-AEB1-5378D02996D3}.
const ONENOTE = [0xe4, 0x52, 0x5c, 0x7b, 0x8c, 0xd8, 0xa7, 0x4d, 0xae, 0xb1, 0x53, 0x78, 0xd0, 0x29, 0x96, 0xd3];
const SEVEN_ZIP = [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c];
const XZ = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];
const ZSTD = [0x28, 0xb5, 0x2f, 0xfd];
const TNEF = [0x78, 0x9f, 0x3e, 0x22];
// PKCS #7 signedData OID 1.2.840.113549.1.7.2 as DER.
const PDF_HEADER = ascii("%PDF-");
const SIGNED_DATA_OID = Uint8Array.of(0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02);

/** How much of the start is read to tell text formats apart. */
const TEXT_HEAD = 64 * 1024;

export function sniff(b: Uint8Array): ContentKind {
  const n = b.length;
  if (n === 0) return "empty";
  if (hasBytes(b, 0, OLE)) return "ole";
  if (hasAscii(b, 0, "PK\u0003\u0004") || hasAscii(b, 0, "PK\u0005\u0006") || hasAscii(b, 0, "PK\u0007\u0008")) return "zip";
  if (hasAscii(b, 0, "MZ")) return peKind(b);
  // ISO 32000-1 §7.5.2 puts the header first; readers accept it within the first 1024 bytes.
  if (indexOfBytes(b, PDF_HEADER, 0, 1024) >= 0) return "pdf";
  // RTF: "{\rtf1"; Word accepts anything starting "{\rt", and exploit documents use that.
  if (hasAscii(b, 0, "{\\rt")) return "rtf";
  if (hasAscii(b, 0, "\u007fELF")) return "elf";
  const magic = u32be(b, 0);
  if (n >= 8 && (magic === 0xfeedface || magic === 0xcefaedfe || magic === 0xfeedfacf || magic === 0xcffaedfe)) return "mach-o";
  // 0xCAFEBABE is both a universal (fat) Mach-O and a Java class: a fat binary has a handful of
  // architectures where a class file has its version (major >= 45) in the same place.
  if (magic === 0xcafebabe && n >= 8) return u32be(b, 4) < 0x30 ? "mach-o" : "java-class";
  if (hasBytes(b, 0, LNK)) return "lnk";
  if (hasBytes(b, 0, ONENOTE)) return "onenote";
  if (hasAscii(b, 0, "Rar!\u001a\u0007")) return "rar";
  if (hasBytes(b, 0, SEVEN_ZIP)) return "7z";
  if (u8(b, 0) === 0x1f && u8(b, 1) === 0x8b) return "gzip";
  if (hasAscii(b, 0, "BZh") && u8(b, 3) >= 0x31 && u8(b, 3) <= 0x39) return "bzip2";
  if (hasBytes(b, 0, XZ)) return "xz";
  if (hasBytes(b, 0, ZSTD)) return "zstd";
  if (hasAscii(b, 0, "MSCF") && u32le(b, 4) === 0) return "cab";
  if (isLzh(b)) return "lzh";
  if (u8(b, 0) === 0x60 && u8(b, 1) === 0xea && u16le(b, 2) > 0 && u16le(b, 2) <= 2600) return "arj";
  if (hasAscii(b, 0, "ITSF")) return "chm";
  if (hasAscii(b, 0, "vhdxfile")) return "vhdx";
  if (hasAscii(b, 0, "conectix") || (n >= 512 && hasAscii(b, n - 512, "conectix"))) return "vhd";
  if (n >= 512 && hasAscii(b, n - 512, "koly")) return "dmg";
  const disc = discImageKind(b);
  if (disc) return disc;
  if (hasAscii(b, 257, "ustar")) return "tar";
  if ((hasAscii(b, 0, "FWS") || hasAscii(b, 0, "CWS") || hasAscii(b, 0, "ZWS")) && u8(b, 3) > 0 && u8(b, 3) < 60) return "swf";
  if (hasBytes(b, 0, TNEF)) return "tnef";
  const media = mediaKind(b);
  if (media) return media;
  if (isRawDiskImage(b)) return "disk-image";
  if (u8(b, 0) === 0x30 && u8(b, 1) >= 0x80 && indexOfBytes(b, SIGNED_DATA_OID, 0, 32) >= 0) {
    // A signed Apple configuration profile is a PKCS #7 envelope around an XML plist.
    return indexOfBytes(b, ascii("<plist"), 0, TEXT_HEAD) >= 0 ? "apple-configuration" : "pkcs7";
  }
  return textKind(b);
}

/** MZ header (the DOS stub) with e_lfanew pointing at "PE\0\0": a PE image; its DLL flag decides which. */
function peKind(b: Uint8Array): ContentKind {
  const peOffset = u32le(b, 0x3c);
  if (peOffset >= 0x40 && peOffset + 24 <= b.length && hasAscii(b, peOffset, "PE\u0000\u0000")) {
    // PE/COFF spec §3.3: Characteristics at +18 of the COFF header; IMAGE_FILE_DLL = 0x2000.
    return u16le(b, peOffset + 4 + 18) & 0x2000 ? "pe-library" : "pe-executable";
  }
  // An MZ start with a plausible DOS header (header size in paragraphs, bytes on last page).
  return u16le(b, 8) >= 2 && u16le(b, 2) < 512 ? "dos-executable" : "unknown";
}

function isLzh(b: Uint8Array): boolean {
  // LHA header: method id "-lh?-" / "-lz?-" at offset 2.
  return u8(b, 2) === 0x2d && u8(b, 3) === 0x6c && (u8(b, 4) === 0x68 || u8(b, 4) === 0x7a) && u8(b, 6) === 0x2d;
}

/** ECMA-119 (ISO 9660) and ECMA-167 (UDF) volume descriptors start at sector 16 (byte 32768). */
function discImageKind(b: Uint8Array): ContentKind | undefined {
  if (b.length < 0x8006) return undefined;
  let udf = false;
  for (let sector = 16; sector < 32; sector++) {
    const o = sector * 2048 + 1;
    if (o + 5 > b.length) break;
    if (hasAscii(b, o, "CD001")) return "iso";
    if (hasAscii(b, o, "BEA01") || hasAscii(b, o, "NSR02") || hasAscii(b, o, "NSR03")) udf = true;
  }
  return udf ? "udf" : undefined;
}

/** A FAT/NTFS boot sector (what a raw .img of a floppy or disk partition starts with). */
function isRawDiskImage(b: Uint8Array): boolean {
  if (b.length < 1024 || u8(b, 510) !== 0x55 || u8(b, 511) !== 0xaa) return false;
  const jump = u8(b, 0) === 0xeb || u8(b, 0) === 0xe9;
  return jump && (hasAscii(b, 54, "FAT1") || hasAscii(b, 82, "FAT32") || hasAscii(b, 3, "NTFS    ") || hasAscii(b, 3, "EXFAT   "));
}

function mediaKind(b: Uint8Array): ContentKind | undefined {
  if (u8(b, 0) === 0xff && u8(b, 1) === 0xd8 && u8(b, 2) === 0xff) return "jpeg";
  if (hasAscii(b, 0, "\u0089PNG\r\n\u001a\n")) return "png";
  if (hasAscii(b, 0, "GIF87a") || hasAscii(b, 0, "GIF89a")) return "gif";
  if (hasAscii(b, 0, "BM") && b.length >= 26 && u32le(b, 2) === b.length && u32le(b, 14) >= 12 && u32le(b, 14) <= 124) return "bmp";
  if (hasAscii(b, 0, "II*\u0000") || hasAscii(b, 0, "MM\u0000*")) return "tiff";
  if (hasAscii(b, 0, "RIFF")) {
    if (hasAscii(b, 8, "WEBP")) return "webp";
    if (hasAscii(b, 8, "WAVE")) return "wav";
    if (hasAscii(b, 8, "AVI ")) return "avi";
  }
  if (hasAscii(b, 4, "ftyp")) {
    const brand = latin1(b, 8, 12);
    return brand === "heic" || brand === "heix" || brand === "mif1" || brand === "msf1" || brand === "avif" ? "heic" : "mp4";
  }
  if (hasAscii(b, 0, "ID3")) return "mp3";
  if (hasAscii(b, 0, "OggS")) return "ogg";
  if (hasAscii(b, 0, "fLaC")) return "flac";
  if (u32be(b, 0) === 0x1a45dfa3) return "matroska";
  return undefined;
}

/**
 * Text formats: decoded head (UTF-16 with a BOM is common for PowerShell and registry files),
 * then the first meaningful characters and a few keywords. "Mostly text" means almost no C0
 * control bytes other than whitespace and ESC in the first 4 KB.
 */
function textKind(b: Uint8Array): ContentKind {
  let head: string;
  if (u8(b, 0) === 0xff && u8(b, 1) === 0xfe) head = decodeUtf16(b, 2, true);
  else if (u8(b, 0) === 0xfe && u8(b, 1) === 0xff) head = decodeUtf16(b, 2, false);
  else {
    let controls = 0;
    const probe = Math.min(b.length, 4096);
    for (let i = 0; i < probe; i++) {
      const c = b[i]!;
      if (c < 0x09 || (c > 0x0d && c < 0x20 && c !== 0x1b)) controls++;
    }
    if (controls > probe / 100) return "unknown";
    head = latin1(b, 0, TEXT_HEAD);
  }
  return classifyText(head);
}

function decodeUtf16(b: Uint8Array, start: number, littleEndian: boolean): string {
  let out = "";
  const end = Math.min(b.length, start + TEXT_HEAD * 2);
  for (let i = start; i + 1 < end; i += 2) out += String.fromCharCode(littleEndian ? b[i]! | (b[i + 1]! << 8) : (b[i]! << 8) | b[i + 1]!);
  return out;
}

const HTML_STARTS = ["<!doctype html", "<html", "<head", "<body", "<script", "<meta", "<title", "<iframe", "<form", "<div", "<table", "<a ", "<p>", "<style", "<link", "<base", "<center", "<font", "<img"];

/** Skips a byte-order mark, whitespace and HTML/XML comments at the start. */
function startOf(lower: string): number {
  let i = 0;
  if (lower.startsWith("\u00ef\u00bb\u00bf")) i = 3;
  else if (lower.charCodeAt(0) === 0xfeff) i = 1;
  for (;;) {
    while (i < lower.length && (lower[i] === " " || lower[i] === "\t" || lower[i] === "\r" || lower[i] === "\n" || lower[i] === "\f")) i++;
    if (lower.startsWith("<!--", i)) {
      const end = lower.indexOf("-->", i + 4);
      if (end < 0) return lower.length;
      i = end + 3;
      continue;
    }
    return i;
  }
}

/** Exported for the tests: what a text head is. */
export function classifyText(head: string): ContentKind {
  const lower = head.toLowerCase();
  const s = startOf(lower);
  const at = (prefix: string): boolean => lower.startsWith(prefix, s);
  if (at("begin ") && isUuencodeStart(lower, s)) return "uuencoded";
  // An HTA is HTML run by mshta.exe with full rights; the <hta:application> element marks it.
  if (lower.includes("<hta:application")) return "hta";
  if (at("<?xml")) {
    if (lower.includes("<svg")) return "svg";
    if (lower.includes("<plist") && lower.includes("payloadcontent")) return "apple-configuration";
    return lower.includes("<html") ? "html" : "xml";
  }
  if (at("<svg")) return "svg";
  if (HTML_STARTS.some((p) => at(p))) return "html";
  if (at("{\\rt")) return "rtf";
  if (at("%pdf-")) return "pdf";
  if (at("begin:vcalendar")) return "calendar";
  if (at("-----begin pgp")) return "pgp";
  if (at("windows registry editor version") || at("regedit4")) return "registry-file";
  if (at("[internetshortcut]")) return "internet-shortcut";
  if (isMailStart(lower, s)) return "email";
  return scriptKind(lower, s) ?? "text";
}

function isUuencodeStart(lower: string, s: number): boolean {
  // "begin 644 name": octal mode, a space, a name (POSIX uuencode).
  let i = s + 6;
  const digits = i;
  while (i < lower.length && lower[i]! >= "0" && lower[i]! <= "7") i++;
  return i - digits >= 3 && i - digits <= 4 && lower[i] === " " && i + 1 < lower.length && lower[i + 1] !== "\n";
}

const MAIL_FIELDS = ["received:", "return-path:", "from:", "message-id:", "mime-version:", "delivered-to:", "x-", "date:", "subject:", "to:", "dkim-signature:", "arc-"];

function isMailStart(lower: string, s: number): boolean {
  if (!MAIL_FIELDS.some((f) => lower.startsWith(f, s))) return false;
  // A header block: several "Name: value" lines before the first blank line.
  const end = lower.indexOf("\n\n", s);
  const block = lower.slice(s, end < 0 ? Math.min(lower.length, 8192) : end);
  let fields = 0;
  for (const line of block.split("\n")) if (/^[\w-]{1,40}:/.test(line)) fields++;
  return fields >= 3;
}

/**
 * Script languages Windows runs on a double-click, recognised by statements no ordinary text
 * contains. At least two distinct markers are required, so a mail about PowerShell is not a
 * PowerShell script.
 */
function scriptKind(lower: string, s: number): ContentKind | undefined {
  if (lower.startsWith("@echo off", s)) return "batch";
  const count = (markers: readonly string[]): number => markers.filter((m) => lower.includes(m)).length;
  const ps = count([
    "invoke-expression",
    "iex(",
    "iex (",
    "-encodedcommand",
    "frombase64string(",
    "new-object net.webclient",
    "new-object system.net.webclient",
    "downloadstring(",
    "downloadfile(",
    "invoke-webrequest",
    "start-process",
    "set-executionpolicy",
    "-windowstyle hidden",
    "[system.reflection.assembly]::load",
    "$env:",
  ]);
  const js = count(["new activexobject(", "wscript.createobject(", "wscript.shell", "wscript.sleep", "wscript.scriptfullname", "getobject(\"winmgmts", "scripting.filesystemobject", "adodb.stream", "shell.application"]);
  const vbs = count(["createobject(", "wscript.", "dim ", "end sub", "end function", "on error resume next", "set ", "chr(", "execute("]);
  if (ps >= 2) return "powershell";
  // JScript creates COM objects with ActiveXObject; VBScript with CreateObject.
  if (js >= 2 && lower.includes("activexobject")) return "jscript";
  if (vbs >= 3 && (lower.includes("createobject(") || lower.includes("wscript."))) return "vbscript";
  if (js >= 2 && (lower.includes("var ") || lower.includes("function"))) return "jscript";
  return undefined;
}
