/**
 * ZIP, read from the central directory (PKWARE APPNOTE.TXT 6.3.x §4.3.12–4.3.16): names, sizes,
 * flags and methods of every entry without decompressing anything. ZIP64 (§4.3.14–4.3.15,
 * §4.5.3), the encryption flags (§4.4.4 bit 0 and bit 6, WinZip AES method 99), the UTF-8 flag
 * (bit 11, Appendix D) and — without it — Shift_JIS names as Japanese Windows writes them.
 * Entry data is only read on request, bounded (OOXML parts, the first bytes of an entry, a
 * nested archive).
 */
import { crc32 } from "../../crc32.js";
import { ascii, decodeFileName, decodeText, indexOfBytes, u16le, u32le, u64le } from "./bytes.js";
import { fillLocalized, type Localized } from "../../i18n.js";
import { NOTE, type Scope } from "./scope.js";

export interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Offset of the local file header, as recorded (add `ZipArchive.shift`). */
  readonly localOffset: number;
  readonly encrypted: boolean;
  readonly directory: boolean;
}

export interface ZipArchive {
  readonly bytes: Uint8Array;
  readonly entries: readonly ZipEntry[];
  /** Bytes in front of the archive (a self-extractor stub, junk) that recorded offsets are off by. */
  readonly shift: number;
  /** The central directory was missing or unreadable; entries come from a scan of local headers. */
  readonly fromLocalHeaders: boolean;
}

const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const END = 0x06054b50;
const END64 = 0x06064b50;
const LOCATOR64 = 0x07064b50;
const LOCAL_SIGNATURE = ascii("PK\u0003\u0004");
const MAX_COMMENT = 0xffff;

/** Methods whose data the reader can produce: 0 stored, 8 deflated (§4.4.5). */
export const READABLE_METHODS: ReadonlySet<number> = new Set([0, 8]);
const METHOD_NAMES: Readonly<Record<number, string>> = {
  1: "shrink",
  6: "implode",
  9: "deflate64",
  12: "bzip2",
  14: "LZMA",
  93: "zstd",
  95: "xz",
  96: "JPEG",
  97: "WavPack",
  98: "PPMd",
  99: "AES",
};

export function methodName(method: number): string {
  return METHOD_NAMES[method] ?? String(method);
}

/**
 * Entry name: UTF-8 when the flag says so or an Info-ZIP Unicode Path field (0x7075) vouches
 * for it; otherwise ASCII, UTF-8 if it is well-formed (macOS and many tools omit the flag), and
 * Shift_JIS (CP932, what Explorer on Japanese Windows writes) for the rest.
 */
function decodeName(raw: Uint8Array, flags: number, extra: Uint8Array): string {
  if (flags & 0x800) return decodeText(raw, "utf-8");
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = u16le(extra, p);
    const size = u16le(extra, p + 2);
    if (id === 0x7075 && size >= 5 && extra[p + 4] === 1 && u32le(extra, p + 5) === crc32(raw)) {
      return decodeText(extra.subarray(p + 9, p + 4 + size), "utf-8");
    }
    p += 4 + size;
  }
  return decodeFileName(raw);
}

/** §4.5.3: the ZIP64 extended information field holds the 64-bit values whose 32-bit fields are 0xFFFFFFFF, in this order. */
function zip64Values(extra: Uint8Array, size: number, compressed: number, offset: number): [number, number, number] {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = u16le(extra, p);
    const len = u16le(extra, p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const end = q + len;
      const next = (): number => {
        if (q + 8 > end) return NaN;
        const v = u64le(extra, q);
        q += 8;
        return v;
      };
      if (size === 0xffffffff) size = next();
      if (compressed === 0xffffffff) compressed = next();
      if (offset === 0xffffffff) offset = next();
      break;
    }
    p += 4 + len;
  }
  return [size, compressed, offset];
}

function findEnd(b: Uint8Array): number {
  const floor = Math.max(0, b.length - 22 - MAX_COMMENT);
  let fallback = -1;
  for (let p = b.length - 22; p >= floor; p--) {
    if (b[p] !== 0x50 || u32le(b, p) !== END) continue;
    // Prefer the record whose comment length reaches the end of the file exactly.
    if (p + 22 + u16le(b, p + 20) === b.length) return p;
    if (fallback < 0) fallback = p;
  }
  return fallback;
}

/** The bytes end with a zip end-of-central-directory record (APPNOTE §4.3.16). */
export function hasZipEnd(b: Uint8Array): boolean {
  return findEnd(b) >= 0;
}

/** Reads the central directory (or, failing that, the local headers). Undefined when there is nothing zip-like. */
export function readZip(b: Uint8Array, scope: Scope): ZipArchive | undefined {
  const end = findEnd(b);
  if (end >= 0) {
    let total = u16le(b, end + 10);
    let cdSize = u32le(b, end + 12);
    let cdOffset = u32le(b, end + 16);
    let recordStart = end;
    if (total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      // ZIP64 end of central directory locator, 20 bytes before the classic record (§4.3.15).
      if (u32le(b, end - 20) === LOCATOR64) {
        let z = u64le(b, end - 20 + 8);
        if (u32le(b, z) !== END64) z = end - 20 - 56;
        if (u32le(b, z) === END64) {
          total = u64le(b, z + 32);
          cdSize = u64le(b, z + 40);
          cdOffset = u64le(b, z + 48);
          recordStart = z;
        }
      }
    }
    // Data in front of the archive shifts every offset; the directory ends where the end record starts.
    let start = cdOffset;
    if (u32le(b, start) !== CENTRAL && total > 0) start = recordStart - cdSize;
    if (total === 0 && cdSize === 0) return { bytes: b, entries: [], shift: 0, fromLocalHeaders: false };
    if (Number.isFinite(start) && start >= 0 && u32le(b, start) === CENTRAL) {
      const shift = start - cdOffset;
      const entries = readCentral(b, start, Math.min(b.length, start + cdSize), scope);
      if (entries.length < Math.min(total, scope.limits.maxArchiveEntries) && scope.entryRoomLeft) {
        scope.malformed("ZIP", `central directory lists ${entries.length} of ${total} entries`);
      }
      return { bytes: b, entries, shift: Number.isFinite(shift) ? shift : 0, fromLocalHeaders: false };
    }
    scope.malformed("ZIP", "central directory not found where the end record points");
  } else {
    scope.malformed("ZIP", "no end of central directory record (truncated archive?)");
  }
  const entries = scanLocalHeaders(b, scope);
  return entries.length > 0 || end >= 0 ? { bytes: b, entries, shift: 0, fromLocalHeaders: true } : undefined;
}

function readCentral(b: Uint8Array, start: number, limit: number, scope: Scope): ZipEntry[] {
  const entries: ZipEntry[] = [];
  // One past the limit, so the entry list in the scope notices the cap and says so.
  const max = scope.limits.maxArchiveEntries + 1;
  let p = start;
  while (p + 46 <= b.length && p < limit + 46 && u32le(b, p) === CENTRAL) {
    if (entries.length >= max) break;
    const flags = u16le(b, p + 8);
    const method = u16le(b, p + 10);
    const nameLength = u16le(b, p + 28);
    const extraLength = u16le(b, p + 30);
    const commentLength = u16le(b, p + 32);
    const raw = b.subarray(p + 46, Math.min(b.length, p + 46 + nameLength));
    const extra = b.subarray(Math.min(b.length, p + 46 + nameLength), Math.min(b.length, p + 46 + nameLength + extraLength));
    const [size, compressedSize, localOffset] = zip64Values(extra, u32le(b, p + 24), u32le(b, p + 20), u32le(b, p + 42));
    const name = decodeName(raw, flags, extra);
    entries.push({
      name,
      flags,
      method,
      compressedSize,
      size,
      localOffset,
      // Bit 0: encrypted (traditional PKWARE or, with bit 6, strong encryption); method 99: WinZip AES.
      encrypted: (flags & 0x1) !== 0 || method === 99,
      directory: name.endsWith("/") || name.endsWith("\\"),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** §4.3.7 local file headers, walked from the start: how a damaged or cut-off archive is still listed. */
function scanLocalHeaders(b: Uint8Array, scope: Scope): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let p = indexOfBytes(b, LOCAL_SIGNATURE, 0);
  while (p >= 0 && p + 30 <= b.length && entries.length < scope.limits.maxArchiveEntries) {
    const flags = u16le(b, p + 6);
    const method = u16le(b, p + 8);
    const nameLength = u16le(b, p + 26);
    const extraLength = u16le(b, p + 28);
    const raw = b.subarray(p + 30, Math.min(b.length, p + 30 + nameLength));
    const extra = b.subarray(Math.min(b.length, p + 30 + nameLength), Math.min(b.length, p + 30 + nameLength + extraLength));
    const [size, compressedSize] = zip64Values(extra, u32le(b, p + 22), u32le(b, p + 18), 0);
    const name = decodeName(raw, flags, extra);
    entries.push({ name, flags, method, compressedSize, size, localOffset: p, encrypted: (flags & 1) !== 0 || method === 99, directory: name.endsWith("/") });
    const dataStart = p + 30 + nameLength + extraLength;
    // Bit 3: sizes follow the data (data descriptor), so the next header has to be searched for.
    const next = (flags & 0x8) === 0 && Number.isFinite(compressedSize) ? dataStart + compressedSize : dataStart;
    p = u32le(b, next) === LOCAL ? next : indexOfBytes(b, LOCAL_SIGNATURE, Math.max(next, p + 4));
  }
  return entries;
}

/** Where an entry's data starts, from its local header (whose name and extra lengths may differ from the central ones). */
function dataStart(zip: ZipArchive, entry: ZipEntry): number | undefined {
  const p = entry.localOffset + zip.shift;
  if (!Number.isFinite(p) || p < 0 || p + 30 > zip.bytes.length || u32le(zip.bytes, p) !== LOCAL) return undefined;
  return p + 30 + u16le(zip.bytes, p + 26) + u16le(zip.bytes, p + 28);
}

export interface EntryData {
  readonly bytes: Uint8Array;
  /** The whole entry (not just the first `want` bytes) was produced. */
  readonly complete: boolean;
}

/**
 * Up to `want` bytes of an entry's content: stored data is a view (no copy), deflated data is
 * decompressed against the message's budget. Undefined (with a note) when it cannot be read.
 */
export function readZipEntry(zip: ZipArchive, entry: ZipEntry, want: number, scope: Scope): EntryData | undefined {
  if (entry.encrypted) return undefined;
  if (!READABLE_METHODS.has(entry.method)) {
    scope.note("unreadable", methodNote(entry.method));
    return undefined;
  }
  const start = dataStart(zip, entry);
  if (start === undefined) {
    scope.malformed("ZIP", `no local header for "${entry.name.slice(0, 100)}"`);
    return undefined;
  }
  // A data-descriptor entry found by the local scan has no size: take what is there.
  const packed = entry.compressedSize > 0 && Number.isFinite(entry.compressedSize) ? entry.compressedSize : zip.bytes.length - start;
  const data = zip.bytes.subarray(start, Math.min(zip.bytes.length, start + packed));
  if (entry.method === 0) {
    const bytes = data.subarray(0, Math.min(want, data.length));
    return { bytes, complete: bytes.length >= entry.size };
  }
  const result = scope.inflate(data, want);
  if (result.error && result.bytes.length < Math.min(want, entry.size)) scope.malformed("ZIP", `entry "${entry.name.slice(0, 100)}": ${result.error}`);
  return { bytes: result.bytes, complete: !result.truncated && result.error === undefined };
}

function methodNote(method: number): Localized {
  return fillLocalized(NOTE.method, { format: "ZIP", detail: methodName(method) });
}

/** The archive has an entry with exactly this name (case-insensitive, as Office treats part names). */
export function findEntry(zip: ZipArchive, name: string): ZipEntry | undefined {
  const lower = name.toLowerCase();
  return zip.entries.find((e) => e.name.toLowerCase() === lower);
}
