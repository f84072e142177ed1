// A small ZIP writer (PKWARE APPNOTE.TXT 6.3.x) for fixtures, benchmarks and fuzzer seeds: local
// headers, central directory, end record, with what the reader in src/core must cope with —
// deflate, the encryption flag and WinZip AES, names as raw bytes (Shift_JIS) with or without the
// UTF-8 flag, ZIP64 records, data in front of the archive. Encrypted entries get filler bytes:
// nothing is ever encrypted or decrypted. Plain JavaScript so that bench/ and scripts/ use it
// without a TypeScript step; its types are in zip.d.ts.
import { TextEncoder } from "node:util";
import { crc32, deflateRawSync } from "node:zlib";

const enc = new TextEncoder();
const u16 = (v) => [v & 0xff, (v >>> 8) & 0xff];
const u32 = (v) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
const u64 = (v) => [...u32(v % 0x100000000), ...u32(Math.floor(v / 0x100000000))];

export function bytesOf(data) {
  return data === undefined ? new Uint8Array(0) : typeof data === "string" ? enc.encode(data) : data;
}

export function concat(chunks) {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export function buildZip(files, options = {}) {
  const prefix = options.prefix ?? new Uint8Array(0);
  const chunks = [prefix];
  const central = [];
  let offset = prefix.length;
  for (const f of files) {
    const raw = typeof f.name === "string" ? enc.encode(f.name) : f.name;
    const data = bytesOf(f.data);
    let method = f.method ?? 0;
    let packed = method === 8 ? new Uint8Array(deflateRawSync(data)) : data;
    let flags = typeof f.name === "string" && f.utf8 !== false ? 0x800 : 0;
    let extra = [];
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
