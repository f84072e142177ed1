/**
 * RTF (Microsoft RTF Specification 1.9.1): the embedded-object machinery attackers use.
 * - \object groups with \objdata: hex-encoded OLE 1.0 objects ([MS-OLEDS] §2.2.4 ObjectHeader:
 *   OLEVersion, FormatID, ClassName, then the native data, often an OLE compound file). The
 *   class name says what runs the object: "Equation.3" (the Equation Editor, CVE-2017-11882),
 *   "Package" (a file dropped as an icon), "OLE2Link" (a linked object fetched from a URL,
 *   CVE-2017-0199).
 * - \objupdate makes Word refresh (load) the object as soon as the document opens.
 * - {\*\template URL} attaches a template that Word fetches on open (template injection).
 * One forward scan over control words; \binN data is skipped as the specification says, and
 * hex is collected regardless of the junk (whitespace, unknown control words, nested groups)
 * attackers insert into \objdata to defeat naive parsers.
 */
import { fillLocalized } from "../../i18n.js";
import { latin1, u32le, utf16le } from "./bytes.js";
import type { ContentKind } from "./kinds.js";
import { inspectOle, packagedFile } from "./ole.js";
import { targetLocation } from "./ooxml.js";
import { NOTE, type Scope } from "./scope.js";

const MAX_OBJECTS = 32;
/** Decoded bytes kept per object: the header and an embedded OLE directory fit easily. */
const MAX_OBJECT_BYTES = 2 * 1024 * 1024;

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

interface Collect {
  readonly kind: "objdata" | "objclass" | "template";
  /** Group depth at which the destination opened; it ends when that group closes. */
  readonly depth: number;
  hex: Uint8Array;
  length: number;
  half: number;
  text: string;
}

export function inspectRtf(full: Uint8Array, scope: Scope): ContentKind {
  const b = scope.scanWindow(full);
  let depth = 0;
  let objects = 0;
  let collect: Collect | undefined;
  const finish = (): void => {
    const c = collect;
    collect = undefined;
    if (!c) return;
    if (c.kind === "objclass") {
      const cls = c.text.trim();
      if (cls !== "") scope.indicate("rtf-object", cls);
      if (/equation/i.test(cls)) scope.indicate("equation-editor", `\\objclass ${cls}`);
    } else if (c.kind === "template") {
      const target = c.text.trim();
      if (target !== "" && targetLocation(target) === "remote") scope.indicate("remote-template", `\\template: ${target}`);
    } else {
      objects++;
      examineObject(c.hex.subarray(0, c.length), scope, objects);
    }
  };

  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    if (c === 0x7b) {
      depth++;
      i++;
      continue;
    }
    if (c === 0x7d) {
      if (collect && depth <= collect.depth) finish();
      depth--;
      i++;
      continue;
    }
    if (c === 0x5c) {
      let j = i + 1;
      while (j < b.length && j - i <= 33 && isLetter(b[j]!)) j++;
      if (j === i + 1) {
        // Control symbol: \'hh is one character as two hex digits; others are one character.
        i += b[j] === 0x27 ? 4 : 2;
        continue;
      }
      const word = latin1(b, i + 1, j).toLowerCase();
      let k = j;
      if (b[k] === 0x2d) k++;
      const digits = k;
      while (k < b.length && k - digits < 10 && b[k]! >= 0x30 && b[k]! <= 0x39) k++;
      const param = k > digits ? Number(latin1(b, j, k)) : undefined;
      if (b[k] === 0x20) k++;
      i = k;
      if (word === "bin") {
        // \binN: N bytes of raw binary follow, whatever they look like.
        i += Math.max(0, param ?? 0);
        continue;
      }
      if (collect) continue; // control words inside a collected destination are junk to skip
      if (word === "objupdate") scope.indicate("rtf-objupdate");
      else if (word === "objdata" && objects < MAX_OBJECTS) {
        collect = { kind: "objdata", depth, hex: new Uint8Array(4096), length: 0, half: -1, text: "" };
      } else if (word === "objclass") collect = { kind: "objclass", depth, hex: new Uint8Array(0), length: 0, half: -1, text: "" };
      else if (word === "template") collect = { kind: "template", depth, hex: new Uint8Array(0), length: 0, half: -1, text: "" };
      continue;
    }
    if (collect) {
      if (collect.kind === "objdata") {
        const v = hexValue(c);
        if (v >= 0) {
          if (collect.half < 0) collect.half = v;
          else {
            if (collect.length === collect.hex.length && collect.length < MAX_OBJECT_BYTES) {
              const grown = new Uint8Array(Math.min(MAX_OBJECT_BYTES, collect.hex.length * 2));
              grown.set(collect.hex);
              collect.hex = grown;
            }
            if (collect.length < collect.hex.length) collect.hex[collect.length++] = (collect.half << 4) | v;
            collect.half = -1;
          }
        }
      } else if (collect.text.length < 2048 && c !== 0x0d && c !== 0x0a) {
        collect.text += String.fromCharCode(c);
      }
    }
    i++;
  }
  finish();
  if (objects >= MAX_OBJECTS) scope.note("limit", fillLocalized(NOTE.indicators, { limit: MAX_OBJECTS }));
  return "rtf";
}

/** Reads a length-prefixed ANSI string ([MS-OLEDS] §2.1.4). */
function lengthPrefixed(b: Uint8Array, p: number): [string, number] {
  const n = u32le(b, p);
  if (n > 4096 || p + 4 + n > b.length) return ["", b.length];
  let end = p + 4 + n;
  while (end > p + 4 && b[end - 1] === 0) end--;
  return [latin1(b, p + 4, end), p + 4 + n];
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function examineObject(data: Uint8Array, scope: Scope, number: number): void {
  if (!scope.charge(data.length)) return;
  // ObjectHeader: OLEVersion (4), FormatID (4: 1 linked, 2 embedded), ClassName, TopicName, ItemName.
  const format = u32le(data, 4);
  const [cls, afterClass] = lengthPrefixed(data, 8);
  let p = afterClass;
  const where = `RTF object ${number}${cls === "" ? "" : ` (${cls})`}`;
  if (cls !== "") scope.indicate("rtf-object", cls);
  if (/equation/i.test(cls)) scope.indicate("equation-editor", where);
  const lowerClass = cls.toLowerCase();
  if (format === 2 || format === 1) {
    [, p] = lengthPrefixed(data, p);
    [, p] = lengthPrefixed(data, p);
  }
  const nativeSize = u32le(data, p);
  const native = data.subarray(p + 4, Math.min(data.length, p + 4 + nativeSize));
  if (lowerClass === "package") packagedFile(native, scope.inside(where), where, false);
  const ole = findBytes(data, OLE_MAGIC);
  if (ole >= 0) inspectOle(data.subarray(ole), scope.inside(where), where);
  if (lowerClass === "ole2link" || format === 1) {
    // The moniker of a linked object holds its URL in UTF-16.
    const url = findUtf16Url(data);
    if (url && targetLocation(url) === "remote") scope.indicate("external-object", `${where}: ${url}`);
  }
  // Exploit documents damage the header on purpose; the Equation Editor's names still show.
  if (!scope.has("equation-editor")) {
    const text = latin1(data, 0, Math.min(data.length, 65536)).toLowerCase();
    if (text.includes("equation.3") || text.includes("equation native") || utf16Includes(data, "Equation Native")) scope.indicate("equation-editor", where);
  }
}

function findBytes(b: Uint8Array, pattern: readonly number[]): number {
  for (let i = b.indexOf(pattern[0]!); i >= 0; i = b.indexOf(pattern[0]!, i + 1)) {
    let k = 1;
    while (k < pattern.length && b[i + k] === pattern[k]) k++;
    if (k === pattern.length) return i;
  }
  return -1;
}

function utf16Includes(b: Uint8Array, text: string): boolean {
  const pattern: number[] = [];
  for (const ch of text) pattern.push(ch.charCodeAt(0), 0);
  return findBytes(b, pattern) >= 0;
}

function findUtf16Url(b: Uint8Array): string | undefined {
  for (const scheme of ["http", "HTTP", "\\\\"]) {
    const pattern: number[] = [];
    for (const ch of scheme) pattern.push(ch.charCodeAt(0), 0);
    const at = findBytes(b, pattern);
    if (at >= 0) return utf16le(b, at, Math.min(b.length, at + 4096));
  }
  return undefined;
}
