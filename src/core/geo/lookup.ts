import { embeddedIpv4, IPV4_EMBEDDING_RANGES, ADDRESS_RANGES, nonPublicKind, parseIp, type AddressRange, type NonPublicKind } from "../net/ip.js";
import { parseIpWords } from "./fast-ip.js";
import { readGeoTable, type GeoTable } from "./format.js";

/**
 * What the country lookup answers for an IP address (the `lookupCountry` option of analyze):
 *
 * - an ISO 3166-1 alpha-2 code ("JP", "CN", …): a public address the data places in a country;
 * - "private": an address of a local network — RFC 1918, loopback, link-local, CGNAT,
 *   unique-local, "this network" (nonPublicKind in net/ip.ts);
 * - "special": any other address that cannot be a public mail server's — documentation,
 *   benchmarking, multicast, reserved, IETF protocol assignments, IPv6 outside 2000::/3 or in
 *   the part of it IANA has not allocated;
 * - undefined: not an IP address, or a public address the data does not place.
 *
 * Non-public addresses are screened before the table is asked, because the data assigns
 * countries to some of them (unallocated 2000::/16 and 2c10::–2fff:… are "CH" and "CA" in
 * DB-IP Lite). Rules treat "private" and "special" as "no country". Addresses that stand for an
 * IPv4 address — IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16 — are answered
 * for that IPv4 address.
 */
export type CountryLookup = (ip: string) => string | undefined;

/**
 * net/ip.ts's address ranges (its single list), compiled to masks over 32-bit words so the
 * lookup of a plain address needs neither parseIp nor a byte loop. The order of the list is
 * kept: nonPublicKind takes the first match.
 */
interface CompiledRanges {
  /** Per range: masks of words 0–3, then the network's words 0–3. */
  readonly words: Uint32Array;
  /** Per range: its kind, undefined for "public" exceptions. */
  readonly kinds: readonly (NonPublicKind | undefined)[];
  /**
   * By the top byte of the family's first word (word 3 for IPv4-mapped, word 0 for IPv6): the
   * ranges, in order, that can hold such an address. Most public addresses have none to test.
   */
  readonly byTopByte: readonly Uint8Array[];
}

function compile(ranges: readonly AddressRange[], firstWord: 0 | 3): CompiledRanges {
  if (ranges.length > 256) throw new Error("byTopByte holds range numbers in bytes: at most 256 ranges");
  const words = new Uint32Array(ranges.length * 8);
  ranges.forEach(({ range }, r) => {
    const bits = range.prefix + (range.network.family === 4 ? 96 : 0);
    const b = range.network.bytes;
    for (let k = 0; k < 4; k++) {
      const inWord = Math.min(32, Math.max(0, bits - 32 * k));
      const mask = inWord === 0 ? 0 : (0xffffffff << (32 - inWord)) >>> 0;
      const word = ((b[k * 4]! << 24) | (b[k * 4 + 1]! << 16) | (b[k * 4 + 2]! << 8) | b[k * 4 + 3]!) >>> 0;
      words[r * 8 + k] = mask;
      words[r * 8 + 4 + k] = (word & mask) >>> 0;
    }
  });
  const byTopByte = Array.from({ length: 256 }, (_, top) =>
    Uint8Array.from(
      ranges.flatMap((_, r) => {
        const mask = words[r * 8 + firstWord]! & 0xff000000;
        return ((top << 24) & mask) >>> 0 === (words[r * 8 + 4 + firstWord]! & 0xff000000) >>> 0 ? [r] : [];
      }),
    ),
  );
  return { words, kinds: ranges.map((r) => (r.kind === "public" ? undefined : r.kind)), byTopByte };
}

/** Whether range r of `c` holds the address whose words are in `key`. */
function holds(c: CompiledRanges, r: number, key: Uint32Array): boolean {
  const t = c.words;
  const o = r * 8;
  return (key[0]! & t[o]!) >>> 0 === t[o + 4] && (key[1]! & t[o + 1]!) >>> 0 === t[o + 5] && (key[2]! & t[o + 2]!) >>> 0 === t[o + 6] && (key[3]! & t[o + 3]!) >>> 0 === t[o + 7];
}

const V4_RANGES = compile(
  ADDRESS_RANGES.filter((r) => r.range.network.family === 4),
  3,
);
const V6_RANGES = compile(
  ADDRESS_RANGES.filter((r) => r.range.network.family === 6),
  0,
);
/** NAT64 then 6to4, in IPV4_EMBEDDING_RANGES's order (the kind is unused). */
const EMBEDDING = compile(
  IPV4_EMBEDDING_RANGES.map((range) => ({ range, kind: "special" })),
  0,
);

// The words travel in a Uint32Array, not as arguments: V8 boxes numbers above 2^30 passed to a
// call that is not inlined, and the lookup would then allocate on every address.

/** nonPublicKind of an IPv4-mapped key (only its last word varies). */
function ipv4Kind(key: Uint32Array): NonPublicKind | undefined {
  const v4 = key[3]!;
  const t = V4_RANGES.words;
  const candidates = V4_RANGES.byTopByte[v4 >>> 24]!;
  for (let i = 0; i < candidates.length; i++) {
    const o = candidates[i]! * 8;
    if ((v4 & t[o + 3]!) >>> 0 === t[o + 7]) return V4_RANGES.kinds[candidates[i]!];
  }
  return undefined;
}

/** nonPublicKind of a native (not IPv4-mapped, not IPv4-embedding) IPv6 key. */
function ipv6Kind(key: Uint32Array): NonPublicKind | undefined {
  const candidates = V6_RANGES.byTopByte[key[0]! >>> 24]!;
  for (let i = 0; i < candidates.length; i++) if (holds(V6_RANGES, candidates[i]!, key)) return V6_RANGES.kinds[candidates[i]!];
  return undefined;
}

/** A lookup over an already validated table (see CountryLookup for what it answers). */
export function countryLookupFor(table: GeoTable): CountryLookup {
  const key = new Uint32Array(4);
  // Forms parseIpWords leaves alone (brackets, zone indexes, embedded dotted quads…).
  const careful = (text: string): string | undefined => {
    const ip = parseIp(text);
    if (!ip) return undefined;
    return nonPublicKind(ip) ?? table.countryOfBytes((embeddedIpv4(ip) ?? ip).bytes);
  };
  return (text: string): string | undefined => {
    if (typeof text !== "string") return undefined;
    if (!parseIpWords(text, key)) return careful(text);
    if (!(key[0] === 0 && key[1] === 0 && key[2] === 0xffff)) {
      // As embeddedIpv4: NAT64 carries the IPv4 address in the last word, 6to4 in bits 16..47.
      if (holds(EMBEDDING, 1, key)) key[3] = ((key[0]! & 0xffff) << 16) | (key[1]! >>> 16);
      else if (!holds(EMBEDDING, 0, key)) return ipv6Kind(key) ?? table.countryOfKey(key);
      key[0] = 0;
      key[1] = 0;
      key[2] = 0xffff;
    }
    return ipv4Kind(key) ?? table.countryOfKey(key);
  };
}

/**
 * Validates the table (throwing an Error that names the defect: a bad table is a build
 * defect, not mail input) and returns the lookup. Pure: the bytes may come from node:fs or from
 * a fetch in the browser.
 */
export function createCountryLookup(bytes: Uint8Array): CountryLookup {
  return countryLookupFor(readGeoTable(bytes));
}
