/**
 * A small ZIP writer for tests (PKWARE APPNOTE.TXT 6.3.x): local headers, central directory,
 * end record, with the options the reader must cope with — deflate, the encryption flag and
 * WinZip AES, names as raw bytes (Shift_JIS) with or without the UTF-8 flag, ZIP64 records,
 * data in front of the archive, a cut-off archive. Encrypted entries get random bytes: nothing
 * is ever decrypted.
 */
import { deflateRawSync } from "node:zlib";
import { crc32 } from "../../src/core/attachments/content/bytes.js";

export interface ZipFile {
  /** A string is written as UTF-8 (with the UTF-8 flag unless `utf8: false`); bytes are written as they are, without the flag. */
  readonly name: string | Uint8Array;
  readonly data?: Uint8Array | string;
  /** 0 stored (default), 8 deflated. */
  readonly method?: 0 | 8;
  /** Traditional PKWARE encryption flag. */
  readonly encrypted?: boolean;
  /** WinZip AES (method 99, extra field 0x9901). */
  readonly aes?: boolean;
  readonly utf8?: boolean;
}

export interface ZipOptions {
  /** Write ZIP64 end records (and 0xFFFF/0xFFFFFFFF in the classic one). */
  readonly zip64?: boolean;
  /** Bytes in front of the archive (a self-extractor stub). */
  readonly prefix?: Uint8Array;
  readonly comment?: string;
}

const enc = new TextEncoder();
const u16 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff];
const u32 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
const u64 = (v: number): number[] => [...u32(v % 0x100000000), ...u32(Math.floor(v / 0x100000000))];

export function bytesOf(data: Uint8Array | string | undefined): Uint8Array {
  return data === undefined ? new Uint8Array(0) : typeof data === "string" ? enc.encode(data) : data;
}

export function buildZip(files: readonly ZipFile[], options: ZipOptions = {}): Uint8Array {
  const prefix = options.prefix ?? new Uint8Array(0);
  const chunks: Uint8Array[] = [prefix];
  const central: number[][] = [];
  let offset = prefix.length;
  for (const f of files) {
    const raw = typeof f.name === "string" ? enc.encode(f.name) : f.name;
    const data = bytesOf(f.data);
    let method: number = f.method ?? 0;
    let packed = method === 8 ? new Uint8Array(deflateRawSync(data)) : data;
    let flags = typeof f.name === "string" && f.utf8 !== false ? 0x800 : 0;
    let extra: number[] = [];
    if (f.encrypted || f.aes) {
      flags |= 1;
      packed = Uint8Array.from({ length: packed.length + 12 }, (_, i) => (i * 131 + 7) & 0xff);
    }
    if (f.aes) {
      extra = [...u16(0x9901), ...u16(7), ...u16(2), 0x41, 0x45, 3, ...u16(method)];
      method = 99;
    }
    const crc = crc32(data);
    const local = [...u32(0x04034b50), ...u16(20), ...u16(flags), ...u16(method), ...u16(0), ...u16(0), ...u32(crc), ...u32(packed.length), ...u32(data.length), ...u16(raw.length), ...u16(extra.length)];
    chunks.push(Uint8Array.from(local), raw, Uint8Array.from(extra), packed);
    const z64 = options.zip64 === true;
    const centralExtra = z64 ? [...u16(0x0001), ...u16(24), ...u64(data.length), ...u64(packed.length), ...u64(offset - prefix.length), ...extra] : extra;
    central.push([
      ...u32(0x02014b50), ...u16(0x031e), ...u16(20), ...u16(flags), ...u16(method), ...u16(0), ...u16(0), ...u32(crc),
      ...u32(z64 ? 0xffffffff : packed.length), ...u32(z64 ? 0xffffffff : data.length), ...u16(raw.length), ...u16(centralExtra.length), ...u16(0),
      ...u16(0), ...u16(0), ...u32(0), ...u32(z64 ? 0xffffffff : offset - prefix.length), ...raw, ...centralExtra,
    ]);
    offset += local.length + raw.length + extra.length + packed.length;
  }
  const cdStart = offset - prefix.length;
  const cd = Uint8Array.from(central.flat());
  chunks.push(cd);
  const comment = enc.encode(options.comment ?? "");
  if (options.zip64) {
    const z64Start = cdStart + cd.length;
    chunks.push(
      Uint8Array.from([...u32(0x06064b50), ...u64(44), ...u16(45), ...u16(45), ...u32(0), ...u32(0), ...u64(files.length), ...u64(files.length), ...u64(cd.length), ...u64(cdStart)]),
      Uint8Array.from([...u32(0x07064b50), ...u32(0), ...u64(z64Start), ...u32(1)]),
      Uint8Array.from([...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(0xffff), ...u16(0xffff), ...u32(0xffffffff), ...u32(0xffffffff), ...u16(comment.length)]),
    );
  } else {
    chunks.push(Uint8Array.from([...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(files.length), ...u16(files.length), ...u32(cd.length), ...u32(cdStart), ...u16(comment.length)]));
  }
  chunks.push(comment);
  return concat(chunks);
}

export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
