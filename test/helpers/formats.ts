/**
 * Minimal files of the formats the attachment inspection recognises, built byte by byte from
 * their specifications for tests. Nothing here is a real program or a copy of a real sample:
 * a "PE" is an MZ header pointing at a PE signature, an "ISO" is two volume descriptors and a
 * directory, and so on.
 */
import { deflateRawSync, deflateSync } from "node:zlib";
import { crc32 } from "../../src/core/crc32.js";
import { buildZip, bytesOf, concat, type ZipFile } from "./zip.js";

const enc = new TextEncoder();
const u16 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff];
const u32 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
const u64 = (v: number): number[] => [...u32(v % 0x100000000), ...u32(Math.floor(v / 0x100000000))];

/** MZ header with e_lfanew → "PE\0\0" and a COFF header; `dll` sets IMAGE_FILE_DLL. */
export function pe(dll = false, size = 512): Uint8Array {
  const b = new Uint8Array(size);
  b.set([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00], 0);
  b.set(u32(0x80), 0x3c);
  b.set([0x50, 0x45, 0, 0, 0x4c, 0x01], 0x80);
  b.set(u16(dll ? 0x2102 : 0x0102), 0x80 + 4 + 18);
  return b;
}

export const elf = (): Uint8Array => Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(56).fill(0)]);
export const machO = (): Uint8Array => Uint8Array.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1, ...new Array(24).fill(0)]);
export const javaClass = (): Uint8Array => Uint8Array.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 52, ...new Array(16).fill(0)]);

/** MS-SHLLINK header (76 bytes). */
export function lnk(): Uint8Array {
  const b = new Uint8Array(76);
  b.set([0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46], 0);
  return b;
}

/** A OneNote section header with one FileDataStoreObject holding `embedded`. */
export function oneNote(embedded: Uint8Array): Uint8Array {
  const header = [0xe4, 0x52, 0x5c, 0x7b, 0x8c, 0xd8, 0xa7, 0x4d, 0xae, 0xb1, 0x53, 0x78, 0xd0, 0x29, 0x96, 0xd3, ...new Array(100).fill(0)];
  const guid = [0xe7, 0x16, 0xe3, 0xbd, 0x65, 0x26, 0x11, 0x45, 0xa4, 0xc4, 0x8d, 0x4d, 0x0b, 0x7a, 0x9e, 0xac];
  return Uint8Array.from([...header, ...guid, ...u64(embedded.length), 0, 0, 0, 0, ...u64(0), ...embedded, ...new Array(32).fill(0)]);
}

export function vhdFooter(): Uint8Array {
  const b = new Uint8Array(4096);
  b.set(enc.encode("conectix"), 4096 - 512);
  return b;
}

export const vhdx = (): Uint8Array => concat([enc.encode("vhdxfile"), new Uint8Array(1024)]);

/** ISO 9660 image: PVD at sector 16, terminator, root directory at sector 18 with files at sectors 19+. */
export function iso(files: readonly { name: string; data: Uint8Array }[]): Uint8Array {
  const sectors = 19 + files.length;
  const b = new Uint8Array(sectors * 2048);
  const record = (extent: number, size: number, flags: number, name: number[]): number[] => {
    const length = 33 + name.length + (name.length % 2 === 0 ? 1 : 0);
    const r = new Array(length).fill(0);
    r[0] = length;
    r.splice(2, 4, ...u32(extent));
    r.splice(10, 4, ...u32(size));
    r[25] = flags;
    r[32] = name.length;
    r.splice(33, name.length, ...name);
    return r;
  };
  const pvd = 16 * 2048;
  b[pvd] = 1;
  b.set(enc.encode("CD001"), pvd + 1);
  b[pvd + 6] = 1;
  b.set(u16(2048), pvd + 128);
  b.set(record(18, 2048, 2, [0]), pvd + 156);
  b[17 * 2048] = 255;
  b.set(enc.encode("CD001"), 17 * 2048 + 1);
  const dir: number[] = [...record(18, 2048, 2, [0]), ...record(18, 2048, 2, [1])];
  files.forEach((f, i) => {
    dir.push(...record(19 + i, f.data.length, 0, [...enc.encode(`${f.name.toUpperCase()};1`)]));
    b.set(f.data.subarray(0, 2048), (19 + i) * 2048);
  });
  b.set(dir, 18 * 2048);
  return b;
}

/** RAR 4 archive: marker, main header (MHD_PASSWORD when `encryptedHeaders`), file headers. */
export function rar4(files: readonly { name: string; encrypted?: boolean }[], encryptedHeaders = false): Uint8Array {
  const out: number[] = [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00];
  out.push(0, 0, 0x73, ...u16(encryptedHeaders ? 0x0080 : 0), ...u16(13), 0, 0, 0, 0, 0, 0);
  for (const f of files) {
    const name = enc.encode(f.name);
    const data = [1, 2, 3, 4];
    const flags = 0x8000 | (f.encrypted ? 0x04 : 0);
    out.push(0, 0, 0x74, ...u16(flags), ...u16(32 + name.length), ...u32(data.length), ...u32(data.length), 2, ...u32(0), ...u32(0), 29, 0x30, ...u16(name.length), ...u32(0x20), ...name, ...data);
  }
  out.push(0, 0, 0x7b, ...u16(0x4000), ...u16(7));
  return Uint8Array.from(out);
}

const vint = (v: number): number[] => {
  const out: number[] = [];
  do {
    let c = v & 0x7f;
    v = Math.floor(v / 128);
    if (v > 0) c |= 0x80;
    out.push(c);
  } while (v > 0);
  return out;
};

/** RAR 5 archive: file headers with an optional file encryption record, or an archive encryption header. */
export function rar5(files: readonly { name: string; encrypted?: boolean }[], encryptedHeaders = false): Uint8Array {
  const out: number[] = [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00];
  const block = (fields: number[]): void => {
    out.push(...u32(0), ...vint(fields.length), ...fields);
  };
  if (encryptedHeaders) {
    block([...vint(4), ...vint(0), ...vint(0), ...vint(0), ...new Array(16).fill(1)]);
    return Uint8Array.from([...out, ...new Array(64).fill(0x55)]);
  }
  block([...vint(1), ...vint(0), ...vint(0)]);
  for (const f of files) {
    const name = [...enc.encode(f.name)];
    const extra = f.encrypted ? [...vint(2 + 5), ...vint(1), ...vint(0), ...vint(0), 15, 0, 0, 0] : [];
    const data = [9, 9, 9];
    const fields = [...vint(2), ...vint(0x01 * (extra.length > 0 ? 1 : 0) | 0x02), ...(extra.length > 0 ? vint(extra.length) : []), ...vint(data.length), ...vint(0), ...vint(3), ...vint(0x20), ...vint(0), ...vint(0), ...vint(name.length), ...name, ...extra];
    block(fields);
    out.push(...data);
  }
  block([...vint(5), ...vint(0), ...vint(0)]);
  return Uint8Array.from(out);
}

/** 7z signature header pointing at a kEncodedHeader whose folder has the given coder ids ("030101" LZMA, "06f10701" AES). */
export function sevenZip(coders: readonly string[]): Uint8Array {
  const header: number[] = [0x17, 0x06, 0x00, 0x01, 0x09, 0x10, 0x00, 0x07, 0x0b, 0x01, 0x00, coders.length];
  for (const id of coders) {
    const bytes = id.match(/../g)!.map((h) => parseInt(h, 16));
    header.push(bytes.length, ...bytes);
  }
  header.push(0x00, 0x00);
  const packed = new Array(16).fill(0x33);
  return Uint8Array.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4, ...u32(0), ...u64(packed.length), ...u64(header.length), ...u32(0), ...packed, ...header]);
}

/** 7z with a plain kHeader listing names (FilesInfo kName), no streams. */
export function sevenZipPlain(names: readonly string[]): Uint8Array {
  const nameBytes: number[] = [0];
  for (const n of names) {
    for (const ch of n) nameBytes.push(...u16(ch.charCodeAt(0)));
    nameBytes.push(0, 0);
  }
  const header = [0x01, 0x05, names.length, 0x11, nameBytes.length, ...nameBytes, 0x00, 0x00];
  return Uint8Array.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4, ...u32(0), ...u64(0), ...u64(header.length), ...u32(0), ...header]);
}

/** gzip member with FNAME (RFC 1952). */
export function gzip(data: Uint8Array, name?: string): Uint8Array {
  const flags = name === undefined ? 0 : 0x08;
  const head = [0x1f, 0x8b, 8, flags, 0, 0, 0, 0, 0, 3, ...(name === undefined ? [] : [...enc.encode(name), 0])];
  return concat([Uint8Array.from(head), new Uint8Array(deflateRawSync(data)), Uint8Array.from([...u32(crc32(data)), ...u32(data.length)])]);
}

/** ustar archive. */
export function tar(files: readonly { name: string; data: Uint8Array | string }[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (const f of files) {
    const data = bytesOf(f.data);
    const h = new Uint8Array(512);
    h.set(enc.encode(f.name.slice(0, 99)), 0);
    h.set(enc.encode("0000644\u0000"), 100);
    h.set(enc.encode(`${data.length.toString(8).padStart(11, "0")}\u0000`), 124);
    h[156] = 0x30;
    h.set(enc.encode("ustar\u000000"), 257);
    chunks.push(h, data, new Uint8Array((512 - (data.length % 512)) % 512));
  }
  chunks.push(new Uint8Array(1024));
  return concat(chunks);
}

/** Cabinet with file entries only (MS-CAB CFHEADER, one CFFOLDER, CFFILEs). */
export function cab(names: readonly string[]): Uint8Array {
  const files: number[] = [];
  for (const n of names) files.push(...u32(10), ...u32(0), ...u16(0), ...u16(0), ...u16(0), ...u16(0x20), ...enc.encode(n), 0);
  const coffFiles = 36 + 8;
  const header = [0x4d, 0x53, 0x43, 0x46, ...u32(0), ...u32(coffFiles + files.length), ...u32(0), ...u32(coffFiles), ...u32(0), 3, 1, ...u16(1), ...u16(names.length), ...u16(0), ...u16(0), ...u16(0)];
  const folder = [...u32(0), ...u16(0), ...u16(0)];
  return Uint8Array.from([...header, ...folder, ...files]);
}

/** uuencode (POSIX) of `data` named `name`. */
export function uuencode(name: string, data: Uint8Array): string {
  const ch = (v: number): string => String.fromCharCode(v === 0 ? 0x60 : v + 0x20);
  let out = `begin 644 ${name}\n`;
  for (let i = 0; i < data.length; i += 45) {
    const line = data.subarray(i, i + 45);
    out += ch(line.length);
    for (let k = 0; k < line.length; k += 3) {
      const a = line[k]!;
      const b = line[k + 1] ?? 0;
      const c = line[k + 2] ?? 0;
      out += ch(a >> 2) + ch(((a << 4) | (b >> 4)) & 63) + ch(((b << 2) | (c >> 6)) & 63) + ch(c & 63);
    }
    out += "\n";
  }
  return `${out}\`\nend\n`;
}

export interface DocxOptions {
  readonly macros?: boolean;
  /** Declare the main part macro-enabled. */
  readonly macroEnabledType?: boolean;
  /** settings.xml.rels attachedTemplate target (TargetMode="External"). */
  readonly template?: string;
  /** document.xml.rels external oleObject target. */
  readonly externalObject?: string;
  readonly hyperlink?: string;
  /** word/embeddings/oleObject1.bin content. */
  readonly embedding?: Uint8Array;
  readonly extra?: readonly ZipFile[];
}

/** A minimal WordprocessingML package (ECMA-376): content types, relationships, document. */
export function docx(options: DocxOptions = {}): Uint8Array {
  const main = options.macroEnabledType
    ? "application/vnd.ms-word.document.macroEnabled.main+xml"
    : "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
  const types = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    options.embedding ? '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>' : "",
    `<Override PartName="/word/document.xml" ContentType="${main}"/>`,
    options.macros ? '<Override PartName="/word/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>' : "",
    "</Types>",
  ].join("");
  const rel = (id: string, type: string, target: string, external: boolean): string =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"${external ? ' TargetMode="External"' : ""}/>`;
  const rels = (items: string[]): string => `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join("")}</Relationships>`;
  const documentRels: string[] = [rel("rId1", "styles", "styles.xml", false)];
  if (options.externalObject) documentRels.push(rel("rId2", "oleObject", options.externalObject, true));
  if (options.hyperlink) documentRels.push(rel("rId3", "hyperlink", options.hyperlink, true));
  if (options.embedding) documentRels.push(rel("rId4", "oleObject", "embeddings/oleObject1.bin", false));
  const files: ZipFile[] = [
    { name: "[Content_Types].xml", data: types, method: 8 },
    { name: "_rels/.rels", data: rels([rel("rId1", "officeDocument", "word/document.xml", false)]), method: 8 },
    { name: "word/document.xml", data: '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>', method: 8 },
    { name: "word/_rels/document.xml.rels", data: rels(documentRels), method: 8 },
    { name: "word/styles.xml", data: "<w:styles/>", method: 8 },
  ];
  if (options.template) {
    files.push({ name: "word/settings.xml", data: "<w:settings/>", method: 8 });
    files.push({ name: "word/_rels/settings.xml.rels", data: rels([rel("rId1", "attachedTemplate", options.template, true)]), method: 8 });
  }
  if (options.macros) files.push({ name: "word/vbaProject.bin", data: new Uint8Array(64), method: 8 });
  if (options.embedding) files.push({ name: "word/embeddings/oleObject1.bin", data: options.embedding, method: 8 });
  files.push(...(options.extra ?? []));
  return buildZip(files);
}

/** An RTF document with one embedded OLE 1.0 object ([MS-OLEDS] ObjectHeader) as \objdata hex. */
export function rtfObject(className: string, native: Uint8Array, options: { objupdate?: boolean; junk?: boolean; objclass?: boolean; format?: 1 | 2 } = {}): string {
  const lpstr = (s: string): number[] => (s === "" ? u32(0) : [...u32(s.length + 1), ...enc.encode(s), 0]);
  const object = [...u32(0x0501), ...u32(options.format ?? 2), ...lpstr(className), ...lpstr(""), ...lpstr(""), ...u32(native.length), ...native];
  let hex = object.map((b) => b.toString(16).padStart(2, "0")).join("");
  // Attackers break the hex up with whitespace and unknown control words; Word skips both.
  if (options.junk) hex = hex.replace(/(.{16})/g, "$1\r\n\\xyz123 {\\*\\junk} ");
  return [
    "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times;}}\\pard Report\\par",
    `{\\object\\objemb${options.objupdate ? "\\objupdate" : ""}${options.objclass === false ? "" : `{\\*\\objclass ${className}}`}\\objw100\\objh100{\\*\\objdata ${hex}}}`,
    "}",
  ].join("\n");
}

export interface PdfOptions {
  /** Objects written as they are ("<< /Type /Catalog ... >>"). */
  readonly objects: readonly string[];
  /** Objects placed, Flate-compressed, in an object stream (§7.5.7). */
  readonly compressed?: readonly string[];
  readonly trailer?: string;
}

/** A PDF with numbered objects, an optional object stream, and a trailer (no xref table: the scanner does not need one). */
export function pdf(options: PdfOptions): Uint8Array {
  const parts: Uint8Array[] = [enc.encode("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n")];
  options.objects.forEach((o, i) => parts.push(enc.encode(`${i + 1} 0 obj\n${o}\nendobj\n`)));
  if (options.compressed && options.compressed.length > 0) {
    const first = options.objects.length + 2;
    let offsets = "";
    let body = "";
    options.compressed.forEach((o, i) => {
      offsets += `${first + i} ${body.length} `;
      body += `${o}\n`;
    });
    const data = new Uint8Array(deflateSync(enc.encode(offsets + body)));
    parts.push(
      enc.encode(`${options.objects.length + 1} 0 obj\n<< /Type /ObjStm /N ${options.compressed.length} /First ${offsets.length} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`),
      data,
      enc.encode("\nendstream\nendobj\n"),
    );
  }
  parts.push(enc.encode(`trailer\n${options.trailer ?? "<< /Root 1 0 R >>"}\n%%EOF\n`));
  return concat(parts);
}
