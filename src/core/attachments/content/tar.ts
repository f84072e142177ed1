/**
 * gzip (RFC 1952) and tar (POSIX.1-2017 pax / ustar, with GNU long names). A gzip file names
 * the one file it compresses (FNAME); when that file is a tar archive — a .tar.gz — its first
 * megabytes are decompressed within the budget and the tar headers listed.
 */
import { decodeText, isValidUtf8, latin1, u16le, u8 } from "./bytes.js";
import type { ContentKind } from "./kinds.js";
import type { Scope } from "./scope.js";
import { sniff } from "./sniff.js";

/** Decompressed bytes of a gzip member read for listing a tar inside or sniffing the file. */
const GZIP_PREFIX = 8 * 1024 * 1024;
const SNIFF_BYTES = 4096;

export function inspectGzip(b: Uint8Array, scope: Scope): ContentKind {
  if (u8(b, 2) !== 8) {
    scope.malformed("gzip", `compression method ${u8(b, 2)}`);
    return "gzip";
  }
  const flags = u8(b, 3);
  let p = 10;
  if (flags & 0x04) p += 2 + u16le(b, p); // FEXTRA
  let name = "";
  if (flags & 0x08) {
    const end = b.indexOf(0, p);
    if (end < 0) {
      scope.malformed("gzip", "unterminated file name");
      return "gzip";
    }
    name = decodeText(b.subarray(p, Math.min(end, p + 1024)), "windows-1252");
    p = end + 1;
  }
  if (flags & 0x10) {
    const end = b.indexOf(0, p);
    p = end < 0 ? b.length : end + 1;
  }
  if (flags & 0x02) p += 2; // FHCRC
  const data = b.subarray(Math.min(p, b.length));
  const head = scope.inflate(data, SNIFF_BYTES);
  const kind = head.bytes.length > 0 ? sniff(head.bytes) : undefined;
  if (kind === "tar") {
    const full = scope.inflate(data, GZIP_PREFIX);
    listTar(full.bytes, scope);
    return "gzip";
  }
  scope.entry({ name: name === "" ? "(compressed file)" : name, ...(kind === undefined ? {} : { kind }) });
  return "gzip";
}

function octal(b: Uint8Array, p: number, length: number): number {
  // Base-256 for large values (GNU): the high bit of the first byte is set.
  if (u8(b, p) & 0x80) {
    let v = 0;
    for (let i = 1; i < length; i++) v = v * 256 + u8(b, p + i);
    return v;
  }
  let v = 0;
  for (let i = 0; i < length; i++) {
    const c = u8(b, p + i);
    if (c === 0 || c === 0x20) {
      if (v > 0) break;
      continue;
    }
    if (c < 0x30 || c > 0x37) break;
    v = v * 8 + (c - 0x30);
  }
  return v;
}

function text(b: Uint8Array, p: number, length: number): string {
  const raw = b.subarray(p, Math.min(b.length, p + length));
  const nul = raw.indexOf(0);
  const s = nul < 0 ? raw : raw.subarray(0, nul);
  return isValidUtf8(s) ? decodeText(s, "utf-8") : latin1(s);
}

export function inspectTar(b: Uint8Array, scope: Scope): ContentKind {
  listTar(b, scope);
  return "tar";
}

function listTar(b: Uint8Array, scope: Scope): void {
  let longName: string | undefined;
  for (let p = 0; p + 512 <= b.length; ) {
    if (u8(b, p) === 0 && b.subarray(p, p + 512).every((c) => c === 0)) return;
    const size = octal(b, p + 124, 12);
    const type = String.fromCharCode(u8(b, p + 156));
    let name = text(b, p, 100);
    if (latin1(b, p + 257, p + 262) === "ustar") {
      const prefix = text(b, p + 345, 155);
      if (prefix !== "") name = `${prefix}/${name}`;
    }
    const dataStart = p + 512;
    if (type === "L" || type === "x") {
      // GNU long name, or a pax extended header whose "path" record renames the next entry.
      const data = text(b, dataStart, Math.min(size, 65536));
      if (type === "L") longName = data;
      else {
        const at = data.indexOf(" path=");
        if (at >= 0) longName = data.slice(at + 6, data.indexOf("\n", at) < 0 ? undefined : data.indexOf("\n", at));
      }
    } else if (type !== "g") {
      const entryName = longName ?? name;
      longName = undefined;
      const head = b.subarray(dataStart, Math.min(b.length, dataStart + Math.min(size, SNIFF_BYTES)));
      const kind = type === "0" || type === "\u0000" ? (head.length > 0 ? sniff(head) : undefined) : undefined;
      if (!scope.entry({ name: entryName, size, directory: type === "5", ...(kind === undefined ? {} : { kind }) })) return;
    }
    if (!Number.isFinite(size) || size < 0) return;
    p = dataStart + Math.ceil(size / 512) * 512;
  }
}
