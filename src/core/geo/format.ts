/**
 * Reader of the IP-to-country table that scripts/build-geo.js writes (assets/geo/ip-country.bin).
 * Pure: it takes the bytes, so Node reads them from disk and the browser can fetch them.
 *
 * Format, version 1. Integers are little-endian; "varint" is unsigned LEB128 of at most 5 bytes
 * (values < 2^32). Sections follow each other without padding.
 *
 *   off  size  field
 *   0    4     magic "CTMG"
 *   4    2     format version (1)
 *   6    2     reserved, 0
 *   8    4     file length in bytes (catches truncation and trailing bytes)
 *   12   4     CRC-32 (IEEE 802.3, as zlib) of bytes 16 .. end (catches corruption)
 *   16   4     N4: IPv4 ranges
 *   20   4     byte length of the IPv4 key section
 *   24   4     N6: IPv6 ranges
 *   28   4     byte length of the IPv6 key section
 *   32   4     F: fine IPv6 ranges
 *   36   1     C: countries (≤ 254)
 *   37   1     length of the source package name
 *   38   1     length of the source package version
 *   39   1     reserved, 0
 *   40         source package name, ASCII ("@ip-location-db/dbip-country")
 *              source package version, ASCII (equal to its package.json "version")
 *              country table: C × 2 ASCII letters (ISO 3166-1 alpha-2); index 1 .. C
 *              IPv4 keys: N4 varints, each the start of a range minus the previous start
 *              IPv4 codes: N4 bytes
 *              IPv6 keys: N6 pairs of varints over the top 64 bits of each start, as words
 *                (hi32, lo32): Δhi32, then lo32 − previous lo32 when Δhi32 = 0, else lo32
 *              IPv6 codes: N6 bytes
 *              fine IPv6 keys: F × 4 uint32 (w0 w1 w2 w3 of a full 128-bit start)
 *              fine IPv6 codes: F bytes
 *
 * A range runs from its start to the next start − 1 (the last one to the end of the family's
 * space), so gaps in the data are ranges of code 0 ("unknown"). Adjacent ranges never share a
 * code. Both key lists start at address 0, so every address falls in exactly one range.
 *
 * Code 0 = unknown, 1 .. C = the country at that index, 255 = "split" (IPv6 only). Country data
 * is keyed by /64 prefixes almost everywhere, so IPv6 keys keep only the top 64 bits; the few
 * /64 prefixes that hold a range boundary (a few hundred in DB-IP Lite) are marked "split" and
 * answered from the fine table, which holds their exact 128-bit starts — the first one at the
 * prefix itself. Varint deltas keep the file small (most ranges are short), and decoding them
 * once into typed arrays keeps each lookup a plain binary search.
 */
import { crc32 } from "../crc32.js";

export const GEO_MAGIC = "CTMG";
export const GEO_FORMAT_VERSION = 1;
/** Code of an IPv6 main range whose /64 prefix is answered by the fine table. */
export const SPLIT_CODE = 255;
const HEADER_BYTES = 40;

export interface GeoSource {
  /** npm package the table was built from. */
  readonly name: string;
  /** Its version: `geo:check` compares it with the installed package. */
  readonly version: string;
}

export interface GeoTable {
  readonly source: GeoSource;
  /** ISO 3166-1 alpha-2 codes in table order (index 0 here is code 1 in the file). */
  readonly countries: readonly string[];
  readonly counts: { readonly ipv4: number; readonly ipv6: number; readonly ipv6Fine: number };
  /**
   * The data's own answer for an address given as four big-endian 32-bit words of its 128-bit
   * form (IPv4 as IPv4-mapped ::ffff:a.b.c.d). No screening of non-public ranges: that is
   * createCountryLookup's job. Undefined where the data has no country.
   */
  countryOfWords(w0: number, w1: number, w2: number, w3: number): string | undefined;
  /**
   * The same, reading the four words from `key`: the lookup's hot path. Words above 2^30 passed
   * as arguments are boxed on every call in V8; read from a typed array they are not.
   */
  countryOfKey(key: Uint32Array): string | undefined;
  /** The same for the 16 bytes of a parsed address (`IpAddress.bytes`). */
  countryOfBytes(bytes: Uint8Array): string | undefined;
}

/** The table is a build product: anything wrong with it is a build defect, reported loudly. */
function fail(reason: string): never {
  throw new Error(`Invalid IP-to-country table: ${reason} (rebuild it with "npm run build:geo")`);
}

/** A cursor over the sections, checking every read against the section's end. */
class Reader {
  pos: number;
  constructor(
    private readonly bytes: Uint8Array,
    start: number,
  ) {
    this.pos = start;
  }

  take(length: number, what: string): Uint8Array {
    if (length < 0 || this.pos + length > this.bytes.length) fail(`${what} runs past the end of the file`);
    const part = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return part;
  }

  ascii(length: number, what: string): string {
    const part = this.take(length, what);
    for (const b of part) if (b < 0x20 || b > 0x7e) fail(`${what} is not printable ASCII`);
    return String.fromCharCode(...part);
  }
}

/** Reads unsigned LEB128 numbers of up to 32 bits from one section, never past its end. */
class Varints {
  private pos = 0;
  constructor(
    private readonly section: Uint8Array,
    private readonly what: string,
  ) {}

  next(): number {
    const section = this.section;
    let value = 0;
    let shift = 0;
    let b: number;
    do {
      if (this.pos >= section.length) fail(`${this.what} end inside a number`);
      b = section[this.pos++]!;
      if (shift === 28) {
        // The 5th byte holds bits 28..31: anything more is not a 32-bit value.
        if (b > 0x0f) fail(`${this.what} hold a number above 2^32 or longer than 5 bytes`);
        return value + b * 0x10000000; // beyond int32 bit operations
      }
      value |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    return value;
  }

  end(): void {
    if (this.pos !== this.section.length) fail(`${this.what} have ${this.section.length - this.pos} bytes left over`);
  }
}

/**
 * Codes must name a country of the table, and neighbours differ (the build merges ranges of one
 * country): a table that breaks this was not written by the build.
 */
function checkCode(codes: Uint8Array, i: number, countries: number, allowSplit: boolean, what: string): void {
  const c = codes[i]!;
  if (c > countries && !(allowSplit && c === SPLIT_CODE)) fail(`${what} ${i} has country code ${c}, beyond the ${countries} countries`);
  if (i > 0 && c === codes[i - 1] && c !== SPLIT_CODE) fail(`${what} ${i - 1} and ${i} have the same country and were not merged`);
}

// Decoding and checking share one pass per family: this runs once per process, mostly before
// the JIT has warmed up, so each pass over 350 000 ranges costs milliseconds.

function decodeIpv4(keys: Varints, codes: Uint8Array, countries: number): Uint32Array {
  const starts = new Uint32Array(codes.length);
  for (let i = 0, start = 0; i < codes.length; i++) {
    const delta = keys.next();
    start += delta;
    if (i === 0 ? start !== 0 : delta === 0 || start > 0xffffffff) fail(`IPv4 range ${i} starts out of order or out of range`);
    starts[i] = start;
    checkCode(codes, i, countries, false, "IPv4 range");
  }
  keys.end();
  return starts;
}

function decodeIpv6(keys: Varints, codes: Uint8Array, countries: number): { hi: Uint32Array; lo: Uint32Array; splits: number[] } {
  const n = codes.length;
  const his = new Uint32Array(n);
  const los = new Uint32Array(n);
  const splits: number[] = [];
  for (let i = 0, hi = 0, lo = 0; i < n; i++) {
    const dHi = keys.next();
    const second = keys.next();
    hi += dHi;
    lo = dHi === 0 ? lo + second : second;
    if (i === 0 ? hi !== 0 || lo !== 0 : hi > 0xffffffff || lo > 0xffffffff || (dHi === 0 && second === 0)) {
      fail(`IPv6 range ${i} starts out of order or out of range`);
    }
    his[i] = hi;
    los[i] = lo;
    checkCode(codes, i, countries, true, "IPv6 range");
    if (codes[i] === SPLIT_CODE) splits.push(i);
  }
  keys.end();
  return { hi: his, lo: los, splits };
}

/** Index of the last (hi, lo) pair ≤ (x, y) in keys sorted by (hi, lo), the first being (0, 0). */
function lastPairAtOrBelow(his: Uint32Array, los: Uint32Array, x: number, y: number): number {
  let lo = 0;
  let hi = his.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    const h = his[mid]!;
    if (h < x || (h === x && los[mid]! <= y)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** -1, 0 or 1 as fine entry i compares with the address (w0, w1, w2, w3). */
function compareFine(fine: Uint32Array, i: number, w0: number, w1: number, w2: number, w3: number): number {
  const base = i * 4;
  const a0 = fine[base]!;
  if (a0 !== w0) return a0 < w0 ? -1 : 1;
  const a1 = fine[base + 1]!;
  if (a1 !== w1) return a1 < w1 ? -1 : 1;
  const a2 = fine[base + 2]!;
  if (a2 !== w2) return a2 < w2 ? -1 : 1;
  const a3 = fine[base + 3]!;
  return a3 === w3 ? 0 : a3 < w3 ? -1 : 1;
}

/**
 * Validates a table and prepares it for lookups: checks the CRC and decodes the keys into typed
 * arrays, once (tens of milliseconds for the whole table, most of it before the JIT warms up).
 * Throws an Error naming the defect if the bytes are not a
 * complete, intact table of a format version this code reads.
 */
export function readGeoTable(bytes: Uint8Array): GeoTable {
  if (!(bytes instanceof Uint8Array)) fail("expected a Uint8Array");
  if (bytes.length < HEADER_BYTES) fail(`${bytes.length} bytes is shorter than the ${HEADER_BYTES}-byte header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== GEO_MAGIC) fail(`wrong magic ${JSON.stringify(magic)}, expected ${JSON.stringify(GEO_MAGIC)}`);
  const version = view.getUint16(4, true);
  if (version !== GEO_FORMAT_VERSION) fail(`format version ${version}; this code reads version ${GEO_FORMAT_VERSION}`);
  const declaredLength = view.getUint32(8, true);
  if (declaredLength !== bytes.length) fail(`the header says ${declaredLength} bytes but there are ${bytes.length} (truncated or padded)`);
  const declaredCrc = view.getUint32(12, true);
  const actualCrc = crc32(bytes, 16);
  if (declaredCrc !== actualCrc) fail(`CRC-32 ${actualCrc.toString(16)} differs from the header's ${declaredCrc.toString(16)} (corrupted)`);

  const n4 = view.getUint32(16, true);
  const k4 = view.getUint32(20, true);
  const n6 = view.getUint32(24, true);
  const k6 = view.getUint32(28, true);
  const nFine = view.getUint32(32, true);
  const nCountries = bytes[36]!;
  if (nCountries >= SPLIT_CODE) fail(`${nCountries} countries leave no room for the split code`);
  if (n4 < 1 || n6 < 1) fail("a family has no ranges (each starts with one at address 0)");

  const reader = new Reader(bytes, HEADER_BYTES);
  const source = { name: reader.ascii(bytes[37]!, "source name"), version: reader.ascii(bytes[38]!, "source version") };
  const countries: string[] = [];
  for (let i = 0; i < nCountries; i++) {
    const code = reader.ascii(2, "country table");
    if (!/^[A-Z]{2}$/.test(code)) fail(`country ${i + 1} is ${JSON.stringify(code)}, not two capital letters`);
    countries.push(code);
  }
  // Code c is countries[c - 1]; index 0 (unknown) and the split code stay undefined.
  const byCode: (string | undefined)[] = [undefined, ...countries];

  const v4Section = reader.take(k4, "IPv4 keys");
  const v4Codes = reader.take(n4, "IPv4 codes");
  const v4Keys = decodeIpv4(new Varints(v4Section, "IPv4 keys"), v4Codes, nCountries);
  const v6Section = reader.take(k6, "IPv6 keys");
  const v6Codes = reader.take(n6, "IPv6 codes");
  const { hi: v6Hi, lo: v6Lo, splits } = decodeIpv6(new Varints(v6Section, "IPv6 keys"), v6Codes, nCountries);

  const fineBytes = reader.take(nFine * 16, "fine IPv6 keys");
  const fine = new Uint32Array(nFine * 4);
  const fineView = new DataView(fineBytes.buffer, fineBytes.byteOffset, fineBytes.byteLength);
  for (let i = 0; i < nFine * 4; i++) fine[i] = fineView.getUint32(i * 4, true);
  const fineCodes = reader.take(nFine, "fine IPv6 codes");
  if (reader.pos !== bytes.length) fail(`${bytes.length - reader.pos} bytes after the last section`);
  for (let i = 0; i < nFine; i++) {
    if (i > 0 && compareFine(fine, i - 1, fine[i * 4]!, fine[i * 4 + 1]!, fine[i * 4 + 2]!, fine[i * 4 + 3]!) >= 0) fail(`fine IPv6 range ${i} starts out of order`);
    // Fine ranges of two different /64 prefixes are not neighbours: they may share a country.
    const samePrefix = i > 0 && fine[i * 4] === fine[i * 4 - 4] && fine[i * 4 + 1] === fine[i * 4 - 3];
    if (fineCodes[i]! > nCountries || (samePrefix && fineCodes[i] === fineCodes[i - 1])) fail(`fine IPv6 range ${i} has a bad or unmerged country code`);
  }
  // Every split /64 must be exactly one /64 wide and have a fine range starting at the prefix
  // itself, or a lookup inside it would land in another prefix's fine ranges.
  for (const i of splits) {
    const h = v6Hi[i]!;
    const l = v6Lo[i]!;
    const nextIsAdjacent = i + 1 < n6 && (l === 0xffffffff ? v6Hi[i + 1] === h + 1 && v6Lo[i + 1] === 0 : v6Hi[i + 1] === h && v6Lo[i + 1] === l + 1);
    if (!nextIsAdjacent) fail(`split IPv6 range ${i} is not exactly one /64`);
    const f = lastFineAtOrBelow(fine, h, l, 0, 0);
    if (f < 0 || compareFine(fine, f, h, l, 0, 0) !== 0) fail(`split IPv6 range ${i} has no fine range at its /64 prefix`);
  }
  for (let i = 0; i < nFine; i++) {
    const m = lastPairAtOrBelow(v6Hi, v6Lo, fine[i * 4]!, fine[i * 4 + 1]!);
    if (v6Codes[m] !== SPLIT_CODE || v6Hi[m] !== fine[i * 4] || v6Lo[m] !== fine[i * 4 + 1]) fail(`fine IPv6 range ${i} lies in no split /64`);
  }

  // The binary searches are written out here, not called, to keep the words unboxed.
  const countryOfKey = (key: Uint32Array): string | undefined => {
    const w0 = key[0]!;
    const w1 = key[1]!;
    let lo = 0;
    let hi: number;
    if (w0 === 0 && w1 === 0 && key[2] === 0xffff) {
      const x = key[3]!;
      hi = n4 - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (v4Keys[mid]! <= x) lo = mid;
        else hi = mid - 1;
      }
      return byCode[v4Codes[lo]!];
    }
    hi = n6 - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      const h = v6Hi[mid]!;
      if (h < w0 || (h === w0 && v6Lo[mid]! <= w1)) lo = mid;
      else hi = mid - 1;
    }
    const code = v6Codes[lo]!;
    if (code !== SPLIT_CODE) return byCode[code];
    return byCode[fineCodes[lastFineAtOrBelow(fine, w0, w1, key[2]!, key[3]!)]!];
  };
  const scratch = new Uint32Array(4);
  const countryOfWords = (w0: number, w1: number, w2: number, w3: number): string | undefined => {
    scratch[0] = w0;
    scratch[1] = w1;
    scratch[2] = w2;
    scratch[3] = w3;
    return countryOfKey(scratch);
  };

  return {
    source,
    countries,
    counts: { ipv4: n4, ipv6: n6, ipv6Fine: nFine },
    countryOfWords,
    countryOfKey,
    countryOfBytes(address: Uint8Array): string | undefined {
      if (address.length !== 16) throw new TypeError(`expected the 16 bytes of an address, got ${address.length}`);
      const word = (i: number): number => ((address[i]! << 24) | (address[i + 1]! << 16) | (address[i + 2]! << 8) | address[i + 3]!) >>> 0;
      return countryOfWords(word(0), word(4), word(8), word(12));
    },
  };
}

/** Index of the last fine key ≤ (w0, w1, w2, w3), or -1 when all are above it. */
function lastFineAtOrBelow(fine: Uint32Array, w0: number, w1: number, w2: number, w3: number): number {
  let lo = -1;
  let hi = fine.length / 4 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (compareFine(fine, mid, w0, w1, w2, w3) <= 0) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
