/**
 * RAR archives, listed from their block headers without decompressing: RAR 1.5–4.x
 * (RARLAB "RAR 4.x archive format" technote: MAIN_HEAD 0x73, FILE_HEAD 0x74) and RAR 5.0
 * (RARLAB "RAR 5.0 archive format": variable-length integers, file header type 2, the file
 * encryption extra record, the archive encryption header type 4). Each header says how much
 * packed data follows, so the walk jumps from header to header.
 */
import { decodeFileName, decodeText, hasAscii, u16le, u32le, u8 } from "./bytes.js";
import type { ContentKind } from "./kinds.js";
import { NOTE, type Scope } from "./scope.js";

export function inspectRar(b: Uint8Array, scope: Scope): ContentKind {
  if (hasAscii(b, 0, "Rar!\u001a\u0007\u0001\u0000")) rar5(b, 8, scope);
  else rar4(b, 7, scope);
  return "rar";
}

/**
 * RAR 4 LHD_UNICODE names: the OEM name, a NUL, then the Unicode name packed against it
 * (the technote's "encoded Unicode name": a high byte and 2-bit opcodes per character).
 */
function rarUnicodeName(oem: Uint8Array, enc: Uint8Array): string {
  const out: number[] = [];
  const high = u8(enc, 0);
  let p = 1;
  let flags = 0;
  let bits = 0;
  while (p < enc.length && out.length < 1024) {
    if (bits === 0) {
      flags = enc[p++]!;
      bits = 8;
    }
    switch (flags >> 6) {
      case 0:
        out.push(u8(enc, p++));
        break;
      case 1:
        out.push(u8(enc, p++) + (high << 8));
        break;
      case 2:
        out.push(u8(enc, p) + (u8(enc, p + 1) << 8));
        p += 2;
        break;
      default: {
        let length = u8(enc, p++);
        if (length & 0x80) {
          const correction = u8(enc, p++);
          for (length = (length & 0x7f) + 2; length > 0 && out.length < oem.length; length--) out.push(((u8(oem, out.length) + correction) & 0xff) + (high << 8));
        } else {
          for (length += 2; length > 0 && out.length < oem.length; length--) out.push(u8(oem, out.length));
        }
      }
    }
    flags = (flags << 2) & 0xff;
    bits -= 2;
  }
  return String.fromCharCode(...out.filter((c) => c !== 0));
}

function rar4(b: Uint8Array, start: number, scope: Scope): void {
  let p = start;
  for (let blocks = 0; p + 7 <= b.length && blocks < 1_000_000; blocks++) {
    const type = u8(b, p + 2);
    const flags = u16le(b, p + 3);
    const size = u16le(b, p + 5);
    if (size < 7) {
      scope.malformed("RAR", `header size ${size}`);
      return;
    }
    let add = flags & 0x8000 ? u32le(b, p + 7) : 0;
    if (type === 0x73 && flags & 0x0080) {
      // MHD_PASSWORD: every header after this one is encrypted.
      scope.indicate("encrypted-headers", "RAR");
      scope.note("unreadable", NOTE.encryptedNames);
      return;
    }
    if (type === 0x74) {
      const packed = u32le(b, p + 7);
      const unpacked = u32le(b, p + 11);
      const nameSize = u16le(b, p + 26);
      let q = p + 32;
      let highPacked = 0;
      if (flags & 0x100) {
        highPacked = u32le(b, q);
        q += 8;
      }
      const raw = b.subarray(q, Math.min(b.length, q + nameSize));
      const nul = raw.indexOf(0);
      const name = flags & 0x200 && nul >= 0 ? rarUnicodeName(raw.subarray(0, nul), raw.subarray(nul + 1)) : decodeFileName(raw);
      if (!scope.entry({ name: name.replaceAll("\\", "/"), size: unpacked, encrypted: (flags & 0x04) !== 0, directory: (flags & 0xe0) === 0xe0 })) return;
      add = packed + highPacked * 0x100000000;
    }
    if (type === 0x7b) return; // end of archive
    p += size + add;
  }
  if (p < b.length) scope.malformed("RAR", "too many blocks");
}

/** RAR 5 variable-length integer: 7 bits per byte, high bit = more bytes follow (at most 10). */
function vint(b: Uint8Array, p: number): [number, number] {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    const c = u8(b, p + i);
    value += (c & 0x7f) * scale;
    scale *= 128;
    if (!(c & 0x80)) return [value, p + i + 1];
    if (p + i + 1 >= b.length) break;
  }
  return [Infinity, b.length];
}

function rar5(b: Uint8Array, start: number, scope: Scope): void {
  let p = start;
  for (let blocks = 0; p + 6 < b.length && blocks < 1_000_000; blocks++) {
    const [headerSize, h] = vint(b, p + 4);
    if (!Number.isFinite(headerSize) || headerSize === 0) {
      scope.malformed("RAR", "header size");
      return;
    }
    const headerEnd = h + headerSize;
    const [type, afterType] = vint(b, h);
    const [flags, afterFlags] = vint(b, afterType);
    let q = afterFlags;
    let extraSize = 0;
    let dataSize = 0;
    if (flags & 0x01) [extraSize, q] = vint(b, q);
    if (flags & 0x02) [dataSize, q] = vint(b, q);
    if (type === 4) {
      scope.indicate("encrypted-headers", "RAR5");
      scope.note("unreadable", NOTE.encryptedNames);
      return;
    }
    if (type === 2) {
      let fileFlags: number;
      let unpacked: number;
      let nameLength: number;
      [fileFlags, q] = vint(b, q);
      [unpacked, q] = vint(b, q);
      [, q] = vint(b, q); // attributes
      if (fileFlags & 0x02) q += 4; // mtime
      if (fileFlags & 0x04) q += 4; // data CRC32
      [, q] = vint(b, q); // compression information
      [, q] = vint(b, q); // host OS
      [nameLength, q] = vint(b, q);
      const name = decodeText(b.subarray(q, Math.min(b.length, q + Math.min(nameLength, 65536))), "utf-8");
      // Extra area records: size, type; type 1 is the file encryption record.
      let encrypted = false;
      let e = headerEnd - extraSize;
      while (e < headerEnd && Number.isFinite(extraSize) && extraSize > 0) {
        const [recordSize, r] = vint(b, e);
        const [recordType] = vint(b, r);
        if (recordType === 1) encrypted = true;
        if (!Number.isFinite(recordSize) || recordSize === 0) break;
        e = r + recordSize;
      }
      if (!scope.entry({ name, size: unpacked, encrypted, directory: (fileFlags & 0x01) !== 0 })) return;
    }
    if (type === 5) return; // end of archive
    if (!Number.isFinite(dataSize)) {
      scope.malformed("RAR", "data size");
      return;
    }
    p = headerEnd + dataSize;
  }
  if (p + 6 < b.length) scope.malformed("RAR", "too many blocks");
}
