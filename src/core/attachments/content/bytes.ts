/**
 * Little helpers for reading hostile bytes. Every read is bounds-checked (a read past the end
 * gives 0, never an exception or NaN), so a reader that trusts a length field too much
 * misreads garbage instead of throwing.
 */

export function u8(b: Uint8Array, o: number): number {
  return o >= 0 && o < b.length ? b[o]! : 0;
}

export function u16le(b: Uint8Array, o: number): number {
  return u8(b, o) | (u8(b, o + 1) << 8);
}

export function u32le(b: Uint8Array, o: number): number {
  return (u8(b, o) | (u8(b, o + 1) << 8) | (u8(b, o + 2) << 16)) + u8(b, o + 3) * 0x1000000;
}

/** A 64-bit little-endian value as a number; values beyond 2^53 come back as Infinity (never trusted as an offset). */
export function u64le(b: Uint8Array, o: number): number {
  const high = u32le(b, o + 4);
  return high >= 0x200000 ? Infinity : high * 0x100000000 + u32le(b, o);
}

export function u16be(b: Uint8Array, o: number): number {
  return (u8(b, o) << 8) | u8(b, o + 1);
}

export function u32be(b: Uint8Array, o: number): number {
  return u8(b, o) * 0x1000000 + ((u8(b, o + 1) << 16) | (u8(b, o + 2) << 8) | u8(b, o + 3));
}

/** The bytes at `o` are exactly this ASCII text. */
export function hasAscii(b: Uint8Array, o: number, text: string): boolean {
  if (o < 0 || o + text.length > b.length) return false;
  for (let i = 0; i < text.length; i++) if (b[o + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** The bytes at `o` are exactly these bytes. */
export function hasBytes(b: Uint8Array, o: number, pattern: ArrayLike<number>): boolean {
  if (o < 0 || o + pattern.length > b.length) return false;
  for (let i = 0; i < pattern.length; i++) if (b[o + i] !== pattern[i]) return false;
  return true;
}

export function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/**
 * First index of `pattern` in b[from, to): the native indexOf finds candidates for the first
 * byte, so the scan stays linear and fast on large inputs.
 */
export function indexOfBytes(b: Uint8Array, pattern: Uint8Array, from = 0, to = b.length): number {
  const n = pattern.length;
  if (n === 0) return from;
  const first = pattern[0]!;
  const end = Math.min(to, b.length) - n;
  for (let i = b.indexOf(first, Math.max(0, from)); i >= 0 && i <= end; i = b.indexOf(first, i + 1)) {
    let k = 1;
    while (k < n && b[i + k] === pattern[k]) k++;
    if (k === n) return i;
  }
  return -1;
}

/** Last index of `pattern` starting at or before `from`. */
export function lastIndexOfBytes(b: Uint8Array, pattern: Uint8Array, from = b.length - pattern.length, floor = 0): number {
  const n = pattern.length;
  const first = pattern[0]!;
  for (let i = b.lastIndexOf(first, Math.min(from, b.length - n)); i >= Math.max(0, floor); i = i === 0 ? -1 : b.lastIndexOf(first, i - 1)) {
    let k = 1;
    while (k < n && b[i + k] === pattern[k]) k++;
    if (k === n) return i;
  }
  return -1;
}

/** Bytes as Latin-1 text (one char per byte), in chunks so huge inputs do not overflow the argument list. */
export function latin1(b: Uint8Array, start = 0, end = b.length): string {
  const s = Math.max(0, start);
  const e = Math.min(b.length, end);
  let out = "";
  if (e - s <= 32) {
    // Short strings (names, keys) are built faster by a loop than by spreading a subarray.
    for (let i = s; i < e; i++) out += String.fromCharCode(b[i]!);
    return out;
  }
  // apply, not spread: spreading a typed array walks its iterator, eight times slower (measured, V8 11).
  for (let i = s; i < e; i += 8192) out += String.fromCharCode.apply(null, b.subarray(i, Math.min(e, i + 8192)) as unknown as number[]);
  return out;
}

/** ASCII lower-case of Latin-1 text (other characters untouched): for case-insensitive keyword search. */
export function lowerAscii(text: string): string {
  return text.toLowerCase();
}

/** The part of TextDecoder used here (the type is declared differently by the core's platform.d.ts and by Node's types). */
interface Decoder {
  decode(input: Uint8Array): string;
}

const decoders = new Map<string, Decoder>();

/** Decodes with a WHATWG encoding, replacing what does not decode; "" for an unknown label. */
export function decodeText(b: Uint8Array, encoding: string): string {
  let decoder = decoders.get(encoding);
  if (!decoder) {
    try {
      decoder = new TextDecoder(encoding);
    } catch {
      return "";
    }
    decoders.set(encoding, decoder);
  }
  return decoder.decode(b);
}

let strictUtf8: Decoder | undefined;

/** The bytes are well-formed UTF-8. */
export function isValidUtf8(b: Uint8Array): boolean {
  strictUtf8 ??= new TextDecoder("utf-8", { fatal: true });
  try {
    strictUtf8.decode(b);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16LE text of b[start, end), stopping at the first NUL character. */
export function utf16le(b: Uint8Array, start: number, end: number): string {
  let out = "";
  for (let i = start; i + 1 < Math.min(end, b.length); i += 2) {
    const c = b[i]! | (b[i + 1]! << 8);
    if (c === 0) break;
    out += String.fromCharCode(c);
  }
  return out;
}

/** "{000C1084-0000-0000-C000-000000000046}" from the 16 bytes of a GUID as stored (first three fields little-endian). */
export function guidAt(b: Uint8Array, o: number): string {
  const h = (v: number, width: number): string => v.toString(16).toUpperCase().padStart(width, "0");
  const tail: string[] = [];
  for (let i = 8; i < 16; i++) tail.push(h(u8(b, o + i), 2));
  return `{${h(u32le(b, o), 8)}-${h(u16le(b, o + 4), 4)}-${h(u16le(b, o + 6), 4)}-${tail.slice(0, 2).join("")}-${tail.slice(2).join("")}}`;
}

/**
 * A file name written in a legacy or unknown encoding: ASCII as it is; well-formed UTF-8 as
 * UTF-8 (many tools write it without saying so); well-formed Shift_JIS (CP932) as Shift_JIS —
 * what Japanese Windows writes, and the mail this product reads; anything else as IBM866, the
 * DOS code page of the other big source of unflagged names seen in malspam (Russian Windows).
 * Extensions are ASCII in all of them, which is what the checks use; the rest is for display.
 */
export function decodeFileName(raw: Uint8Array): string {
  let asciiOnly = true;
  for (let i = 0; i < raw.length && asciiOnly; i++) if (raw[i]! >= 0x80) asciiOnly = false;
  if (asciiOnly) return latin1(raw);
  if (isValidUtf8(raw)) return decodeText(raw, "utf-8");
  if (isValidIn(raw, "shift_jis")) return decodeText(raw, "shift_jis");
  return decodeText(raw, "ibm866");
}

const strictDecoders = new Map<string, Decoder>();

function isValidIn(b: Uint8Array, encoding: string): boolean {
  let decoder = strictDecoders.get(encoding);
  if (!decoder) {
    decoder = new TextDecoder(encoding, { fatal: true });
    strictDecoders.set(encoding, decoder);
  }
  try {
    decoder.decode(b);
    return true;
  } catch {
    return false;
  }
}
