/**
 * Containers whose listing needs no decompression: Windows cabinets ([MS-CAB] CFHEADER and
 * CFFILE), ISO 9660 disc images (ECMA-119 volume and directory records, Joliet names),
 * OneNote sections ([MS-ONESTORE] FileDataStoreObject: files embedded in a notebook) and
 * uuencoded files. Formats whose listing would need a file system or a decompressor (UDF,
 * VHD/VHDX, DMG, raw disk images, bzip2, xz, zstd, LZH, ARJ) are recognised, and a
 * diagnostic says their inside was not listed.
 */
import { fillLocalized } from "../../i18n.js";
import { decodeFileName, decodeText, hasAscii, hasBytes, latin1, u16le, u32le, u64le, u8 } from "./bytes.js";
import type { ContentKind } from "./kinds.js";
import { NOTE, type Scope } from "./scope.js";
import { sniff } from "./sniff.js";

const SNIFF_BYTES = 4096;
const MAX_DIRECTORY_BYTES = 4 * 1024 * 1024;

export function inspectCab(b: Uint8Array, scope: Scope): ContentKind {
  const files = u16le(b, 28);
  let p = u32le(b, 16);
  if (p < 36 || p >= b.length) {
    scope.malformed("CAB", "file table offset");
    return "cab";
  }
  for (let i = 0; i < files && p + 16 < b.length; i++) {
    const size = u32le(b, p);
    const attributes = u16le(b, p + 14);
    const end = b.indexOf(0, p + 16);
    if (end < 0 || end - p > 1024) {
      scope.malformed("CAB", "file name");
      return "cab";
    }
    const raw = b.subarray(p + 16, end);
    // _A_NAME_IS_UTF (0x80): UTF-8; otherwise the writer's code page (Shift_JIS on Japanese Windows).
    const name = attributes & 0x80 ? decodeText(raw, "utf-8") : decodeFileName(raw);
    if (!scope.entry({ name: name.replaceAll("\\", "/"), size })) break;
    p = end + 1;
  }
  return "cab";
}

/**
 * ISO 9660: the primary volume descriptor (sector 16) or a Joliet supplementary descriptor
 * (escape sequence %/@, %/C or %/E: UCS-2 names) gives the root directory; directory records
 * are walked breadth-first, two levels deep. File extents are in the image itself, so the
 * first bytes of each file are sniffed without any decompression.
 */
export function inspectIso(b: Uint8Array, scope: Scope): ContentKind {
  let root: { extent: number; size: number; joliet: boolean } | undefined;
  let blockSize = 2048;
  for (let sector = 16; sector < 64; sector++) {
    const o = sector * 2048;
    if (o + 2048 > b.length || !hasAscii(b, o + 1, "CD001")) break;
    const type = u8(b, o);
    if (type === 255) break;
    const joliet = type === 2 && u8(b, o + 88) === 0x25 && u8(b, o + 89) === 0x2f && [0x40, 0x43, 0x45].includes(u8(b, o + 90));
    if (type === 1 || joliet) {
      const size = u16le(b, o + 128);
      if (size === 512 || size === 1024 || size === 2048) blockSize = size;
      if (!root || joliet) root = { extent: u32le(b, o + 156 + 2), size: u32le(b, o + 156 + 10), joliet };
    }
  }
  if (!root) {
    scope.malformed("ISO 9660", "no volume descriptor");
    return "iso";
  }
  const queue: { extent: number; size: number; path: string; level: number }[] = [{ ...root, path: "", level: 0 }];
  const seen = new Set<number>();
  // Directory bytes read in all: crafted records cannot make the walk re-read the image.
  let budget = MAX_DIRECTORY_BYTES;
  while (queue.length > 0 && budget > 0) {
    const dir = queue.shift()!;
    if (seen.has(dir.extent)) continue;
    seen.add(dir.extent);
    const start = dir.extent * blockSize;
    const end = Math.min(b.length, start + dir.size, start + budget);
    budget -= Math.max(0, end - start);
    for (let p = start; p < end; ) {
      const length = u8(b, p);
      if (length === 0) {
        // Records do not cross sector boundaries: zero padding up to the next one.
        p = (Math.floor(p / 2048) + 1) * 2048;
        continue;
      }
      if (length < 34) break;
      const extent = u32le(b, p + 2);
      const size = u32le(b, p + 10);
      const flags = u8(b, p + 25);
      const nameLength = u8(b, p + 32);
      const raw = b.subarray(p + 33, Math.min(b.length, p + 33 + nameLength));
      p += length;
      if (nameLength === 1 && (raw[0] === 0 || raw[0] === 1)) continue; // "." and ".."
      let name = root.joliet ? decodeText(raw, "utf-16be") : latin1(raw);
      const version = name.lastIndexOf(";");
      if (version > 0) name = name.slice(0, version);
      if (name.endsWith(".")) name = name.slice(0, -1);
      const path = dir.path === "" ? name : `${dir.path}/${name}`;
      const directory = (flags & 0x02) !== 0;
      if (directory) {
        if (dir.level < 2) queue.push({ extent, size, path, level: dir.level + 1 });
        if (!scope.entry({ name: `${path}/`, directory: true })) return "iso";
        continue;
      }
      const o = extent * blockSize;
      const head = o < b.length ? b.subarray(o, Math.min(b.length, o + Math.min(size, SNIFF_BYTES))) : undefined;
      const kind = head && head.length > 0 ? sniff(head) : undefined;
      if (!scope.entry({ name: path, size, ...(kind === undefined ? {} : { kind }) })) return "iso";
    }
  }
  return "iso";
}

// [MS-ONESTORE] §2.6.13 FileDataStoreObject header guid {BDE316E7-2665-4511-A4C4-8D4D0B7A9EAC}.
const FILE_DATA = [0xe7, 0x16, 0xe3, 0xbd, 0x65, 0x26, 0x11, 0x45, 0xa4, 0xc4, 0x8d, 0x4d, 0x0b, 0x7a, 0x9e, 0xac];
const MAX_ONENOTE_FILES = 64;

/** Files embedded in a OneNote section: each FileDataStoreObject holds one (cbLength at +16, data at +36). */
export function inspectOneNote(full: Uint8Array, scope: Scope): ContentKind {
  const b = scope.scanWindow(full);
  let count = 0;
  for (let i = b.indexOf(FILE_DATA[0]!); i >= 0 && count < MAX_ONENOTE_FILES; i = b.indexOf(FILE_DATA[0]!, i + 1)) {
    if (!hasBytes(b, i, FILE_DATA)) continue;
    count++;
    const size = u64le(b, i + 16);
    const data = b.subarray(i + 36, Math.min(b.length, i + 36 + Math.min(Number.isFinite(size) ? size : 0, SNIFF_BYTES)));
    const kind = data.length > 0 ? sniff(data) : undefined;
    const name = `embedded file ${count}`;
    scope.indicate("embedded-file", kind === undefined ? name : `${name}: ${kind}`);
    if (!scope.entry({ name, ...(Number.isFinite(size) ? { size } : {}), ...(kind === undefined ? {} : { kind }) })) break;
  }
  return "onenote";
}

/**
 * uuencode (POSIX.1 uuencode): "begin MODE NAME", lines whose first character gives their
 * length, "end". Decoded within the budget and read as the file it carries.
 */
export function inspectUuencoded(b: Uint8Array, scope: Scope, open: (bytes: Uint8Array, name: string) => void): ContentKind {
  let p = 0;
  while (p < b.length && (b[p] === 0x20 || b[p] === 0x0d || b[p] === 0x0a || b[p] === 0x09)) p++;
  const lineEnd = b.indexOf(0x0a, p);
  const header = latin1(b, p, lineEnd < 0 ? b.length : lineEnd).trim();
  const space = header.indexOf(" ", 6);
  const name = space < 0 ? "" : header.slice(space + 1).trim();
  if (lineEnd < 0 || name === "") {
    scope.malformed("uuencode", "no begin line");
    return "uuencoded";
  }
  const out = new Uint8Array(Math.min(Math.ceil((b.length * 3) / 4), Math.max(0, scope.budget.inflate)));
  let o = 0;
  let q = lineEnd + 1;
  while (q < b.length && o < out.length) {
    let end = b.indexOf(0x0a, q);
    if (end < 0) end = b.length;
    const count = (u8(b, q) - 0x20) & 0x3f;
    if (count === 0 || hasAscii(b, q, "end")) break;
    const c = (k: number): number => (u8(b, q + 1 + k) - 0x20) & 0x3f;
    for (let k = 0, written = 0; written < count && o < out.length; k += 4) {
      const v = (c(k) << 18) | (c(k + 1) << 12) | (c(k + 2) << 6) | c(k + 3);
      for (let s = 16; s >= 0 && written < count && o < out.length; s -= 8, written++) out[o++] = (v >> s) & 0xff;
    }
    q = end + 1;
  }
  scope.charge(o);
  open(out.subarray(0, o), name);
  return "uuencoded";
}

/** Formats recognised but not listed, with why. */
export function notListed(kind: ContentKind, scope: Scope): ContentKind {
  const why: Partial<Record<ContentKind, [string, string]>> = {
    udf: ["UDF", "UDF file system"],
    vhd: ["VHD", "virtual disk file system"],
    vhdx: ["VHDX", "virtual disk file system"],
    dmg: ["DMG", "Apple disk image"],
    "disk-image": ["IMG", "disk file system"],
    bzip2: ["bzip2", "bzip2 compression"],
    xz: ["xz", "xz compression"],
    zstd: ["zstd", "Zstandard compression"],
    lzh: ["LZH", "LZH headers"],
    arj: ["ARJ", "ARJ headers"],
  };
  const entry = why[kind];
  if (entry) scope.note("unreadable", fillLocalized(NOTE.unlisted, { format: entry[0], detail: `${entry[1]} not read` }));
  return kind;
}
