/**
 * 7-Zip archives (7-Zip "7z Format" description, 7zFormat.txt). The signature header points at
 * the "next header" at the end of the file. 7-Zip normally stores that header compressed
 * (kEncodedHeader, LZMA): its streams description is still plain, and if one of its coders is
 * AES-256 (method id 06 F1 07 01) the file names themselves are encrypted — an archive no
 * scanner can look into. A plain header (kHeader) is parsed for the names and for AES coders
 * on the content. An LZMA-compressed list of names is not decompressed: the diagnostic says so.
 */
import { fillLocalized } from "../../i18n.js";
import { decodeText, u64le, u8 } from "./bytes.js";
import type { ContentKind } from "./kinds.js";
import { NOTE, type Scope } from "./scope.js";

const AES = "06f10701";

/** 7z NUMBER: the count of leading 1 bits in the first byte says how many bytes follow. */
function number(b: Uint8Array, p: number): [number, number] {
  const first = u8(b, p);
  let mask = 0x80;
  let value = 0;
  for (let i = 0; i < 8; i++) {
    if ((first & mask) === 0) {
      const high = first & (mask - 1);
      value += high * 2 ** (8 * i);
      return [value, p + 1 + i];
    }
    value += u8(b, p + 1 + i) * 2 ** (8 * i);
    mask >>= 1;
  }
  return [value, p + 9];
}

interface Reader {
  p: number;
  readonly b: Uint8Array;
  bad: boolean;
}

function num(r: Reader): number {
  const [v, p] = number(r.b, r.p);
  r.p = p;
  if (p > r.b.length || v > 1e9) r.bad = true;
  return v;
}

/** A count that drives a loop: anything beyond what a real archive has stops the parse. */
function count(r: Reader, max = 100_000): number {
  const v = num(r);
  if (v > max) {
    r.bad = true;
    return 0;
  }
  return v;
}

/** Folder coders (kUnPackInfo → kFolder): their method ids. */
function coders(r: Reader, found: string[]): void {
  const numFolders = count(r, 1000);
  if (u8(r.b, r.p++) !== 0) return; // external
  for (let f = 0; f < numFolders && !r.bad && f < 1000; f++) {
    const numCoders = count(r, 64);
    let outTotal = 0;
    for (let c = 0; c < numCoders && !r.bad; c++) {
      const flags = u8(r.b, r.p++);
      const idSize = flags & 0x0f;
      let id = "";
      for (let k = 0; k < idSize; k++) id += u8(r.b, r.p++).toString(16).padStart(2, "0");
      found.push(id);
      let outs = 1;
      if (flags & 0x10) {
        count(r, 64);
        outs = count(r, 64);
      }
      outTotal += outs;
      if (flags & 0x20) {
        const propertiesSize = num(r);
        r.p += propertiesSize;
      }
    }
    // Bind pairs and packed streams.
    for (let k = 0; k < outTotal - 1 && !r.bad; k++) {
      num(r);
      num(r);
    }
  }
}

function skipPackInfo(r: Reader): void {
  num(r);
  const streams = count(r);
  for (let id = u8(r.b, r.p++); id !== 0 && !r.bad; id = u8(r.b, r.p++)) {
    if (id === 0x09) for (let k = 0; k < streams && !r.bad; k++) num(r);
    else if (id === 0x0a) skipDigests(r, streams);
    else r.bad = true;
    if (r.p > r.b.length) r.bad = true;
  }
}

function skipDigests(r: Reader, count: number): void {
  const all = u8(r.b, r.p++);
  let defined = count;
  if (!all) {
    defined = 0;
    for (let k = 0; k < count; k++) if (u8(r.b, r.p + (k >> 3)) & (0x80 >> (k & 7))) defined++;
    r.p += (count + 7) >> 3;
  }
  r.p += defined * 4;
}

/** StreamsInfo: returns the coder ids of its folders. */
function streamsInfo(r: Reader): string[] {
  const ids: string[] = [];
  for (let id = u8(r.b, r.p++); id !== 0 && !r.bad && r.p <= r.b.length; id = u8(r.b, r.p++)) {
    if (id === 0x06) skipPackInfo(r);
    else if (id === 0x07) {
      if (u8(r.b, r.p++) !== 0x0b) {
        r.bad = true;
        break;
      }
      coders(r, ids);
      // The rest (unpack sizes, CRCs) is not needed: stop here.
      r.bad = true;
      break;
    } else r.bad = true;
  }
  return ids;
}

export function inspect7z(b: Uint8Array, scope: Scope): ContentKind {
  const offset = u64le(b, 12);
  const size = u64le(b, 20);
  const start = 32 + offset;
  if (!Number.isFinite(start) || start >= b.length || size === 0) {
    scope.malformed("7z", start >= b.length ? "next header beyond the end of the file" : "no header");
    return "7z";
  }
  const r: Reader = { b, p: start + 1, bad: false };
  const kind = u8(b, start);
  if (kind === 0x17) {
    // kEncodedHeader: StreamsInfo of the packed header.
    const ids = streamsInfo(r);
    if (ids.includes(AES)) {
      scope.indicate("encrypted-headers", "7z");
      scope.note("unreadable", NOTE.encryptedNames);
    } else {
      scope.note("unreadable", fillLocalized(NOTE.unlisted, { format: "7z", detail: "the list of names is stored compressed" }));
    }
    return "7z";
  }
  if (kind !== 0x01) {
    scope.malformed("7z", `header type ${kind}`);
    return "7z";
  }
  // kHeader: [ArchiveProperties] [AdditionalStreamsInfo] [MainStreamsInfo] [FilesInfo].
  const first = u8(b, r.p);
  if (first === 0x02 || first === 0x03) {
    scope.note("unreadable", fillLocalized(NOTE.unlisted, { format: "7z", detail: "unsupported header layout" }));
    return "7z";
  }
  let names: string[] | undefined;
  let contentEncrypted = false;
  if (first === 0x04) {
    contentEncrypted = streamsInfo({ b, p: r.p + 1, bad: false }).includes(AES);
    names = filesAfterStreams(b, r.p + 1);
  } else if (first === 0x05) {
    names = filesInfo(r);
  } else if (first === 0x00) {
    names = [];
  }
  if (names === undefined) {
    scope.note("unreadable", fillLocalized(NOTE.unlisted, { format: "7z", detail: "header not understood" }));
    if (contentEncrypted) scope.indicate("encrypted-entry", "7z (AES)");
    return "7z";
  }
  for (const name of names) if (!scope.entry({ name, encrypted: contentEncrypted })) break;
  if (names.length === 0 && contentEncrypted) scope.indicate("encrypted-entry", "7z (AES)");
  return "7z";
}

/** Parses MainStreamsInfo fully (pack info, folders, substreams) and then FilesInfo. */
function filesAfterStreams(b: Uint8Array, p: number): string[] | undefined {
  const r: Reader = { b, p, bad: false };
  let numFolders = 0;
  const outsPerFolder: number[] = [];
  for (let id = u8(b, r.p++); id !== 0 && !r.bad; id = u8(b, r.p++)) {
    if (id === 0x06) skipPackInfo(r);
    else if (id === 0x07) {
      if (u8(b, r.p++) !== 0x0b) return undefined;
      numFolders = count(r, 10_000);
      if (u8(b, r.p++) !== 0) return undefined;
      for (let f = 0; f < numFolders && !r.bad; f++) {
        const numCoders = count(r, 64);
        let outTotal = 0;
        let inTotal = 0;
        for (let c = 0; c < numCoders && c < 64; c++) {
          const flags = u8(b, r.p++);
          r.p += flags & 0x0f;
          let ins = 1;
          let outs = 1;
          if (flags & 0x10) {
            ins = count(r, 64);
            outs = count(r, 64);
          }
          inTotal += ins;
          outTotal += outs;
          if (flags & 0x20) {
        const propertiesSize = num(r);
        r.p += propertiesSize;
      }
        }
        for (let k = 0; k < outTotal - 1; k++) {
          num(r);
          num(r);
        }
        const packed = inTotal - (outTotal - 1);
        if (packed > 1) for (let k = 0; k < packed; k++) num(r);
        outsPerFolder.push(outTotal);
      }
      if (u8(b, r.p++) !== 0x0c) return undefined; // kCodersUnPackSize
      for (const outs of outsPerFolder) for (let k = 0; k < outs; k++) num(r);
      for (let sub = u8(b, r.p++); sub !== 0 && !r.bad; sub = u8(b, r.p++)) {
        if (sub === 0x0a) skipDigests(r, numFolders);
        else return undefined;
      }
    } else if (id === 0x08) {
      // SubStreamsInfo: only the common "one stream per folder, no extra sizes" is handled.
      for (let sub = u8(b, r.p++); sub !== 0 && !r.bad; sub = u8(b, r.p++)) {
        if (sub === 0x0d) {
          let total = 0;
          const counts: number[] = [];
          for (let f = 0; f < numFolders && total <= 1e6; f++) {
            const c = count(r);
            counts.push(c);
            total += c;
          }
          if (total > 1e6 || r.bad) return undefined;
          if (u8(b, r.p) === 0x09) {
            r.p++;
            for (const c of counts) for (let k = 0; k < c - 1; k++) num(r);
          }
          if (total > 1e6) return undefined;
        } else if (sub === 0x09) {
          for (let f = 0; f < numFolders; f++) num(r);
        } else if (sub === 0x0a) {
          return undefined;
        } else return undefined;
      }
    } else return undefined;
    if (r.p > b.length) return undefined;
  }
  if (r.bad) return undefined;
  return filesInfo(r);
}

/** FilesInfo (kFilesInfo 0x05): the kName property holds UTF-16LE names, each ending in NUL. */
function filesInfo(r: Reader): string[] | undefined {
  if (u8(r.b, r.p++) !== 0x05) return undefined;
  const files = count(r, 1_000_000);
  for (let type = num(r); type !== 0 && !r.bad && r.p < r.b.length; type = num(r)) {
    const size = num(r);
    if (type === 0x11) {
      const external = u8(r.b, r.p);
      if (external !== 0) return undefined;
      const text = decodeText(r.b.subarray(r.p + 1, Math.min(r.b.length, r.p + size)), "utf-16le");
      return text.split("\u0000").filter((n) => n !== "").slice(0, Math.min(files, 100_000));
    }
    r.p += size;
  }
  return undefined;
}
