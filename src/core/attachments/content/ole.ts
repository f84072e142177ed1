/**
 * OLE compound files ([MS-CFB]): Word/Excel/PowerPoint 97-2003, MSI installers, Ichitaro,
 * Hangul, Outlook .msg, the embedded objects inside documents, and password-protected OOXML.
 * The directory (§2.6) is read through the FAT (§2.3) with every chain bounded and cycle-safe;
 * stream contents are read only for the few small streams that matter (CompObj, Ole10Native,
 * the first bytes of WordDocument and Workbook).
 */
import { decodeFileName, decodeText, guidAt, latin1, u16le, u32le, u8, utf16le } from "./bytes.js";
import type { ContentKind } from "./kinds.js";
import type { Scope } from "./scope.js";
import { sniff } from "./sniff.js";

export interface OleEntry {
  readonly index: number;
  readonly name: string;
  /** Full path from the root ("Macros/VBA/dir"); control characters in names kept as "\x01". */
  readonly path: string;
  /** §2.6.1 object type: 1 storage, 2 stream, 5 root storage. */
  readonly type: number;
  readonly start: number;
  readonly size: number;
  readonly clsid: string;
}

export interface OleFile {
  readonly bytes: Uint8Array;
  readonly entries: readonly OleEntry[];
  readonly rootClsid: string;
  readonly sectorShift: number;
  readonly fat: Uint32Array;
  readonly miniFat: Uint32Array;
  /** Sectors of the mini stream (the root entry's stream), in order. */
  readonly miniStreamSectors: readonly number[];
  readonly miniCutoff: number;
  readonly sectorCount: number;
}

const ENDOFCHAIN = 0xfffffffe;
const MAXREGSECT = 0xfffffffa;
const NOSTREAM = 0xffffffff;

/** Follows a FAT chain from `start`; stops at ENDOFCHAIN, at a bad sector number, after `max` sectors, or on a loop. */
function chain(fat: Uint32Array, start: number, sectorCount: number, max: number): number[] {
  const out: number[] = [];
  let s = start;
  while (s < MAXREGSECT && s < sectorCount && out.length < max) {
    out.push(s);
    s = s < fat.length ? fat[s]! : ENDOFCHAIN;
  }
  return out;
}

function readU32Array(b: Uint8Array, sectors: readonly number[], shift: number, count: number): Uint32Array {
  const size = 1 << shift;
  const per = size / 4;
  const out = new Uint32Array(Math.min(count, sectors.length * per));
  let k = 0;
  for (const s of sectors) {
    const o = (s + 1) << shift;
    for (let i = 0; i < per && k < out.length; i++, k++) out[k] = u32le(b, o + i * 4);
  }
  return out;
}

/** Reads the header, FAT, directory and mini FAT. Undefined (with a note) when the structure is unusable. */
export function readOle(b: Uint8Array, scope: Scope): OleFile | undefined {
  if (b.length < 512) {
    scope.malformed("OLE", "shorter than its header");
    return undefined;
  }
  let sectorShift = u16le(b, 30);
  if (sectorShift !== 9 && sectorShift !== 12) {
    scope.malformed("OLE", `sector shift ${sectorShift}`);
    sectorShift = u16le(b, 26) === 4 ? 12 : 9;
  }
  const sectorSize = 1 << sectorShift;
  const sectorCount = Math.max(0, Math.floor((b.length - sectorSize) / sectorSize) + (b.length % sectorSize > 0 ? 1 : 0));
  const per = sectorSize / 4;

  // §2.5 DIFAT: 109 FAT sector numbers in the header, then a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  const maxFatSectors = Math.ceil(sectorCount / per) + 1;
  for (let i = 0; i < 109 && fatSectors.length < maxFatSectors; i++) {
    const s = u32le(b, 76 + i * 4);
    if (s >= MAXREGSECT) break;
    fatSectors.push(s);
  }
  let difat = u32le(b, 68);
  for (let hops = 0; difat < MAXREGSECT && difat < sectorCount && hops < sectorCount && fatSectors.length < maxFatSectors; hops++) {
    const o = (difat + 1) << sectorShift;
    for (let i = 0; i < per - 1 && fatSectors.length < maxFatSectors; i++) {
      const s = u32le(b, o + i * 4);
      if (s < MAXREGSECT) fatSectors.push(s);
    }
    difat = u32le(b, o + (per - 1) * 4);
  }
  const fat = readU32Array(b, fatSectors, sectorShift, sectorCount + per);

  const dirSectors = chain(fat, u32le(b, 48), sectorCount, sectorCount);
  if (dirSectors.length === 0) {
    scope.malformed("OLE", "no directory");
    return undefined;
  }
  const maxEntries = Math.min(scope.limits.maxArchiveEntries, dirSectors.length * (sectorSize / 128));
  const raw: { name: string; type: number; left: number; right: number; child: number; clsid: string; start: number; size: number }[] = [];
  outer: for (const s of dirSectors) {
    const o = (s + 1) << sectorShift;
    for (let k = 0; k < sectorSize / 128; k++) {
      if (raw.length >= maxEntries) break outer;
      const e = o + k * 128;
      if (e + 128 > b.length) break outer;
      const nameLength = Math.min(64, u16le(b, e + 64));
      const size = sectorShift === 12 ? u32le(b, e + 120) + u32le(b, e + 124) * 0x100000000 : u32le(b, e + 120);
      raw.push({
        name: utf16le(b, e, e + nameLength),
        type: u8(b, e + 66),
        left: u32le(b, e + 68),
        right: u32le(b, e + 72),
        child: u32le(b, e + 76),
        clsid: guidAt(b, e + 80),
        start: u32le(b, e + 116),
        size,
      });
    }
  }
  if (raw.length === 0 || raw[0]!.type !== 5) {
    scope.malformed("OLE", "no root entry");
    if (raw.length === 0) return undefined;
  }

  // §2.6.4: each storage's children form a tree through left/right siblings. Walk it with an
  // explicit stack and a visited set, so a crafted cycle cannot loop or recurse.
  const entries: OleEntry[] = [];
  const visited = new Uint8Array(raw.length);
  const stack: { index: number; parent: string }[] = [];
  const pushTree = (root: number, parent: string): void => {
    const nodes = [root];
    while (nodes.length > 0) {
      const i = nodes.pop()!;
      if (i === NOSTREAM || i >= raw.length || visited[i]) continue;
      visited[i] = 1;
      stack.push({ index: i, parent });
      nodes.push(raw[i]!.left, raw[i]!.right);
    }
  };
  visited[0] = 1;
  entries.push({ index: 0, name: raw[0]!.name, path: "", type: raw[0]!.type, start: raw[0]!.start, size: raw[0]!.size, clsid: raw[0]!.clsid });
  pushTree(raw[0]!.child, "");
  while (stack.length > 0) {
    const { index, parent } = stack.pop()!;
    const r = raw[index]!;
    const path = parent === "" ? printable(r.name) : `${parent}/${printable(r.name)}`;
    entries.push({ index, name: r.name, path, type: r.type, start: r.start, size: r.size, clsid: r.clsid });
    if (r.type === 1 || r.type === 5) pushTree(r.child, path);
  }

  const root = raw[0]!;
  const miniStreamSectors = chain(fat, root.start, sectorCount, sectorCount);
  const miniFatSectors = chain(fat, u32le(b, 60), sectorCount, sectorCount);
  const miniFat = readU32Array(b, miniFatSectors, sectorShift, miniFatSectors.length * per);
  const cutoff = u32le(b, 56);
  return {
    bytes: b,
    entries,
    rootClsid: root.clsid,
    sectorShift,
    fat,
    miniFat,
    miniStreamSectors,
    miniCutoff: cutoff === 0 || cutoff > 0x100000 ? 4096 : cutoff,
    sectorCount,
  };
}

/** Names start with control characters ("\x01Ole10Native", "\x05SummaryInformation"); shown as "\x01". */
function printable(name: string): string {
  let out = "";
  for (const c of name) out += c.charCodeAt(0) < 0x20 ? `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}` : c;
  return out;
}

/** Up to `want` bytes of a stream (§2.4: small streams live in the mini stream, in 64-byte mini sectors). */
export function readOleStream(ole: OleFile, entry: OleEntry, want: number): Uint8Array {
  const b = ole.bytes;
  const total = Math.min(Number.isFinite(entry.size) ? entry.size : 0, want, b.length);
  const out = new Uint8Array(Math.max(0, total));
  let k = 0;
  if (entry.size < ole.miniCutoff && entry.type === 2) {
    const sectorSize = 1 << ole.sectorShift;
    const miniPerSector = sectorSize / 64;
    const maxMini = ole.miniStreamSectors.length * miniPerSector;
    for (let m = entry.start, hops = 0; m < MAXREGSECT && m < maxMini && k < total && hops <= maxMini; hops++) {
      const sector = ole.miniStreamSectors[Math.floor(m / miniPerSector)];
      if (sector === undefined) break;
      const o = ((sector + 1) << ole.sectorShift) + (m % miniPerSector) * 64;
      const n = Math.min(64, total - k, Math.max(0, b.length - o));
      out.set(b.subarray(o, o + n), k);
      k += n;
      m = m < ole.miniFat.length ? ole.miniFat[m]! : ENDOFCHAIN;
    }
  } else {
    const sectorSize = 1 << ole.sectorShift;
    for (const s of chain(ole.fat, entry.start, ole.sectorCount, Math.ceil(total / sectorSize))) {
      const o = (s + 1) << ole.sectorShift;
      const n = Math.min(sectorSize, total - k, Math.max(0, b.length - o));
      out.set(b.subarray(o, o + n), k);
      k += n;
      if (k >= total) break;
    }
  }
  return out.subarray(0, k);
}

// Class IDs (stored in the directory entries): Windows Installer database, patch and transform;
// Microsoft Equation 3.0, the component behind CVE-2017-11882 and CVE-2018-0802.
const MSI_CLSIDS = new Set([
  "{000C1084-0000-0000-C000-000000000046}",
  "{000C1086-0000-0000-C000-000000000046}",
  "{000C1082-0000-0000-C000-000000000046}",
]);
export const EQUATION_CLSID = "{0002CE02-0000-0000-C000-000000000046}";

/** Streams worth reading are small; these bounds keep a crafted size from costing more. */
const SMALL_STREAM = 64 * 1024;
const WORKBOOK_PREFIX = 1024 * 1024;

/**
 * Reads an OLE file into `scope`: macros, equation objects, embedded objects and packaged
 * files, encryption. `where` prefixes evidence paths when the file is itself embedded
 * ("word/embeddings/oleObject1.bin").
 */
export function inspectOle(b: Uint8Array, scope: Scope, where = ""): ContentKind {
  const ole = readOle(b, scope);
  if (!ole) return "ole";
  const at = (path: string): string => (where === "" ? path : `${where}/${path}`);
  const named = (name: string): OleEntry[] => ole.entries.filter((e) => e.index !== 0 && e.name.toLowerCase() === name.toLowerCase());

  let kind: ContentKind = "ole";
  if (MSI_CLSIDS.has(ole.rootClsid)) kind = "msi";
  else if (named("WordDocument").length > 0) kind = "ole-word";
  else if (named("Workbook").length > 0 || named("Book").length > 0) kind = "ole-excel";
  else if (named("PowerPoint Document").length > 0) kind = "ole-powerpoint";
  else if (named("EncryptedPackage").length > 0 && named("EncryptionInfo").length > 0) kind = "ole-encrypted";
  else if (ole.entries.some((e) => e.name.includes("JSRV_") || e.name === "DocumentText")) kind = "ichitaro";
  else if (named("HwpSummaryInformation").length > 0 || (named("FileHeader").length > 0 && named("BodyText").length > 0)) kind = "hwp";
  else if (ole.entries.some((e) => e.name.startsWith("__substg1.0_") || e.name === "__properties_version1.0")) kind = "outlook-message";

  // Password-protected OOXML is an OLE file holding the encrypted package ([MS-OFFCRYPTO] §2.3.4).
  if (kind === "ole-encrypted") scope.indicate("encrypted-document", at("EncryptedPackage"));
  if (kind === "ole-word") wordEncryption(ole, named("WordDocument")[0]!, scope, at);
  if (kind === "ole-excel") workbookRecords(ole, (named("Workbook")[0] ?? named("Book")[0])!, scope, at);

  for (const e of ole.entries) {
    if (e.index === 0) continue;
    const name = e.name;
    const upper = name.toUpperCase();
    // VBA project storage ([MS-OVBA] §2.2): a "VBA" storage holding "_VBA_PROJECT" and "dir";
    // Word keeps it under "Macros", Excel under "_VBA_PROJECT_CUR".
    if ((e.type === 1 && upper === "VBA") || (e.type === 2 && upper === "_VBA_PROJECT" && !e.path.toUpperCase().endsWith("VBA/_VBA_PROJECT"))) {
      scope.indicate("vba-macros", at(e.path));
    }
    if (name === "Equation Native" || e.clsid === EQUATION_CLSID) scope.indicate("equation-editor", at(e.path));
    if (e.type === 1 && upper === "OBJECTPOOL" && ole.entries.some((c) => c.path.startsWith(`${e.path}/`))) scope.indicate("ole-object", at(e.path));
    if (e.type === 2 && name === "\u0001CompObj" && e.size > 0) {
      const text = latin1(readOleStream(ole, e, 4096)).toLowerCase();
      if (text.includes("equation.3") || text.includes("microsoft equation")) scope.indicate("equation-editor", at(e.path));
    }
    if (e.type === 2 && name === "\u0001Ole10Native") packagedFile(readOleStream(ole, e, SMALL_STREAM), scope, at(e.path), true);
  }
  if (ole.rootClsid === EQUATION_CLSID) scope.indicate("equation-editor", at("(root)"));
  return kind;
}

/** [MS-DOC] §2.5.2 FibBase: fEncrypted (0x0100) and fObfuscated (0x8000) in the flags at offset 0x0A. */
function wordEncryption(ole: OleFile, entry: OleEntry, scope: Scope, at: (p: string) => string): void {
  const fib = readOleStream(ole, entry, 32);
  if (u16le(fib, 0) === 0xa5ec && u16le(fib, 10) & 0x0100) scope.indicate("encrypted-document", at(entry.path));
}

/**
 * [MS-XLS] BIFF8 records of the workbook globals: FilePass (0x002F) means the workbook is
 * encrypted; BoundSheet8 (0x0085) with dt = 1 is an Excel 4.0 (XLM) macro sheet — the macro
 * language that does not need a VBA project, often hidden ("very hidden", hsState = 2).
 */
function workbookRecords(ole: OleFile, entry: OleEntry, scope: Scope, at: (p: string) => string): void {
  const w = readOleStream(ole, entry, WORKBOOK_PREFIX);
  let encrypted = false;
  for (let p = 0, records = 0; p + 4 <= w.length && records < 100_000; records++) {
    const type = u16le(w, p);
    const length = u16le(w, p + 2);
    if (type === 0x002f) {
      encrypted = true;
      scope.indicate("encrypted-document", at(entry.path));
    }
    if (type === 0x0085 && !encrypted && length >= 8) {
      const state = u8(w, p + 8) & 3;
      const dt = u8(w, p + 9);
      if (dt === 1) {
        const cch = u8(w, p + 10);
        const wide = u8(w, p + 11) & 1;
        const name = wide ? decodeText(w.subarray(p + 12, p + 12 + cch * 2), "utf-16le") : latin1(w, p + 12, p + 12 + cch);
        scope.indicate("xlm-macros", `${at(entry.path)}: ${name}${state === 2 ? " (very hidden)" : state === 1 ? " (hidden)" : ""}`);
      }
    }
    if (type === 0x000a) break; // EOF of the globals substream
    p += 4 + length;
  }
}

/**
 * An OLE Package object's native data (the Ole10Native stream, or the native data of an RTF
 * "Package" object): size (when `sized`), a 2-byte version, the file's label, its source path,
 * two reserved fields, the temporary path, then the data ([MS-OLEDS] packager format, as read
 * by common tools). The label is the file name the person double-clicks, in the writer's ANSI
 * code page (see decodeFileName).
 */
export function packagedFile(b: Uint8Array, scope: Scope, where: string, sized: boolean): void {
  let p = sized ? 4 : 0;
  p += 2;
  const cstring = (): string => {
    const end = b.indexOf(0, p);
    if (end < 0 || end - p > 1024) {
      p = b.length;
      return "";
    }
    const s = decodeFileName(b.subarray(p, end));
    p = end + 1;
    return s;
  };
  const label = cstring();
  const source = cstring();
  p += 8;
  cstring();
  const size = u32le(b, p);
  p += 4;
  const name = label !== "" ? label : lastPathPart(source);
  if (name === "") return;
  const data = b.subarray(p, Math.min(b.length, p + Math.min(size, 4096)));
  const kind = data.length > 0 ? sniff(data) : undefined;
  scope.indicate("embedded-file", `${where}: ${name}`);
  scope.entry(kind === undefined ? { name, size } : { name, size, kind });
}

function lastPathPart(path: string): string {
  const cut = Math.max(path.lastIndexOf("\\"), path.lastIndexOf("/"));
  return path.slice(cut + 1);
}
