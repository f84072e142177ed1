import { boundedMemo } from "../memo.js";
import { isAsciiDigit } from "../text/ascii.js";

/**
 * IP address parsing and CIDR matching without host APIs. Addresses are kept as 16-byte arrays
 * (IPv4 as IPv4-mapped IPv6, RFC 4291 §2.5.5.2) so one code path serves both families.
 */

export interface IpAddress {
  readonly family: 4 | 6;
  /** Canonical text: dotted quad, or RFC 5952 compressed lower-case IPv6. */
  readonly text: string;
  readonly bytes: Uint8Array;
}

export interface Cidr {
  readonly network: IpAddress;
  /** Prefix length in the address's own family (0–32 or 0–128). */
  readonly prefix: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseIpv4(text: string): number[] | undefined {
  const m = IPV4.exec(text);
  if (!m) return undefined;
  const parts = m.slice(1, 5).map(Number);
  // Leading zeros are ambiguous (octal in some stacks); real Received headers do not use them.
  if (parts.some((n, i) => n > 255 || (m[i + 1]!.length > 1 && m[i + 1]!.startsWith("0")))) return undefined;
  return parts;
}

function parseIpv6Groups(text: string): number[] | undefined {
  let body = text;
  let tail: number[] = [];
  const lastColon = body.lastIndexOf(":");
  if (body.includes(".")) {
    const v4 = parseIpv4(body.slice(lastColon + 1));
    if (!v4) return undefined;
    tail = [(v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!];
    body = body.slice(0, lastColon + 1) + "0";
  }
  const halves = body.split("::");
  if (halves.length > 2) return undefined;
  const parseHalf = (h: string): number[] | undefined => {
    if (h === "") return [];
    const groups = h.split(":");
    if (groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
    return groups.map((g) => parseInt(g, 16));
  };
  const head = parseHalf(halves[0]!);
  const rest = halves.length === 2 ? parseHalf(halves[1]!) : [];
  if (!head || !rest) return undefined;
  let groups: number[];
  if (halves.length === 2) {
    const missing = 8 - head.length - rest.length - (tail.length ? 1 : 0);
    if (missing < 1) return undefined;
    groups = [...head, ...new Array<number>(missing).fill(0), ...rest];
  } else {
    groups = head;
  }
  if (tail.length) groups = [...groups.slice(0, groups.length - 1), ...tail];
  return groups.length === 8 ? groups : undefined;
}

function formatIpv6(groups: readonly number[]): string {
  // RFC 5952 §4.2: compress the longest run (≥ 2) of zero groups, the first when tied.
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}

/**
 * Parses an IPv4 or IPv6 literal (brackets, an "IPv6:" prefix and a zone index are accepted).
 * Memoised (core/memo.ts): the route asks about the same few addresses many times per hop (the
 * comment, the HELO, the internal-relay test, the country). Callers never change the result
 * (IpAddress is read-only).
 */
export function parseIp(input: string): IpAddress | undefined {
  // Every host name of every link and every word of a Received field is asked: most are told
  // apart by their characters, without the memo or the parser.
  return surelyNotIp(input) ? undefined : parseIpMemo(input);
}

const parseIpMemo = boundedMemo(parseIpText, 2000, 64);

/** A character of an IP literal as written: hex digits, ":", ".", the brackets, spaces around it. */
function isIpChar(c: number): boolean {
  const lower = c | 0x20;
  return isAsciiDigit(c) || c === 0x3a || (lower >= 0x61 && lower <= 0x66) || c === 0x2e || c === 0x5b || c === 0x5d || c === 0x20 || c === 0x09;
}

/** The text holds a character no IP literal has (outside an "IPv6:" tag and a zone index, which may hold anything). */
function surelyNotIp(input: string): boolean {
  let i = 0;
  while (i < input.length && (input.charCodeAt(i) === 0x20 || input.charCodeAt(i) === 0x09 || input.charCodeAt(i) === 0x5b)) i++;
  if (input.length - i >= 5 && input.slice(i, i + 5).toLowerCase() === "ipv6:") i += 5;
  for (; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 0x25) return false; // "%": a zone index follows
    if (!isIpChar(c)) return true;
  }
  return false;
}

function parseIpText(input: string): IpAddress | undefined {
  let text = input.trim();
  if (text.startsWith("[") && text.endsWith("]")) text = text.slice(1, -1);
  if (/^ipv6:/i.test(text)) text = text.slice(5);
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);
  const v4 = parseIpv4(text);
  if (v4) {
    const bytes = new Uint8Array(16);
    bytes[10] = 0xff;
    bytes[11] = 0xff;
    bytes.set(v4, 12);
    return { family: 4, text: v4.join("."), bytes };
  }
  if (!text.includes(":")) return undefined;
  const groups = parseIpv6Groups(text);
  if (!groups) return undefined;
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    bytes[i * 2] = g >> 8;
    bytes[i * 2 + 1] = g & 0xff;
  });
  // IPv4-mapped IPv6 (::ffff:a.b.c.d) is the IPv4 address: report it as such.
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) {
    return { family: 4, text: Array.from(bytes.slice(12)).join("."), bytes };
  }
  return { family: 6, text: formatIpv6(groups), bytes };
}

/** Parses "10.0.0.0/8", "2001:db8::/32", or a single address (a /32 or /128). */
export function parseCidr(input: string): Cidr | undefined {
  const slash = input.indexOf("/");
  const address = parseIp(slash >= 0 ? input.slice(0, slash) : input);
  if (!address) return undefined;
  const max = address.family === 4 ? 32 : 128;
  if (slash < 0) return { network: address, prefix: max };
  const prefixText = input.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  return prefix <= max ? { network: address, prefix } : undefined;
}

export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  if (cidr.network.family !== ip.family) return false;
  const bits = cidr.prefix + (ip.family === 4 ? 96 : 0);
  const a = cidr.network.bytes;
  const b = ip.bytes;
  for (let i = 0; i < 16; i++) {
    const remaining = bits - i * 8;
    if (remaining <= 0) return true;
    const mask = remaining >= 8 ? 0xff : (0xff << (8 - remaining)) & 0xff;
    if ((a[i]! & mask) !== (b[i]! & mask)) return false;
  }
  return true;
}

/**
 * What a non-public address is, for the route and the country lookup: "private" for the local
 * network (RFC 1918, loopback, link-local, CGNAT, unique-local, "this network"), "special" for
 * every other address that cannot be a mail server's public address (documentation,
 * benchmarking, multicast, reserved, IETF protocol assignments, IPv6 not allocated by IANA).
 */
export type NonPublicKind = "private" | "special";

export interface AddressRange {
  readonly range: Cidr;
  /** "public" entries are exceptions: they end the search for a non-public kind. */
  readonly kind: NonPublicKind | "public";
}

/**
 * How addresses are classified, first match wins (IANA's special-purpose registries, RFC 6890,
 * and its IPv6 unicast assignments). The order matters: specific IETF ranges come before the
 * IANA allocations that contain them (2001:db8::/32 lies in APNIC's 2001:c00::/23), and the
 * allocations before "the rest of 2000::/3", which IANA has not allocated.
 */
export const ADDRESS_RANGES: readonly AddressRange[] = (
  [
    ["0.0.0.0/8", "private"], // "this network" (RFC 1122)
    ["10.0.0.0/8", "private"], // private (RFC 1918)
    ["100.64.0.0/10", "private"], // carrier-grade NAT (RFC 6598)
    ["127.0.0.0/8", "private"], // loopback
    ["169.254.0.0/16", "private"], // link-local (RFC 3927)
    ["172.16.0.0/12", "private"], // private
    ["192.0.0.0/24", "special"], // IETF protocol assignments (RFC 6890)
    ["192.0.2.0/24", "special"], // documentation TEST-NET-1 (RFC 5737)
    ["192.88.99.0/24", "special"], // former 6to4 relay anycast (RFC 7526): no single country
    ["192.168.0.0/16", "private"], // private
    ["198.18.0.0/15", "special"], // benchmarking (RFC 2544)
    ["198.51.100.0/24", "special"], // TEST-NET-2
    ["203.0.113.0/24", "special"], // TEST-NET-3
    ["224.0.0.0/4", "special"], // multicast
    ["240.0.0.0/4", "special"], // reserved, broadcast
    ["::/128", "private"], // unspecified
    ["::1/128", "private"], // loopback
    ["64:ff9b:1::/48", "special"], // local-use NAT64 (RFC 8215)
    ["100::/64", "special"], // discard-only (RFC 6666)
    ["2001::/23", "special"], // IETF protocol assignments: Teredo, benchmarking, ORCHID, AS112, AMT (RFC 2928)
    ["2001:db8::/32", "special"], // documentation (RFC 3849)
    ["3fff::/20", "special"], // documentation (RFC 9637)
    ["fc00::/7", "private"], // unique local (RFC 4193)
    ["fe80::/10", "private"], // link-local
    ["ff00::/8", "special"], // multicast
    // IANA's IPv6 unicast assignments to the regional registries (snapshot 2025-10). The
    // geolocation data fills the unallocated rest of 2000::/3 with made-up countries ("CH" for
    // 2000::/16 and 2c10::–2dff:…, "CA" for 2e00::/7), so it is "special" below. A block IANA
    // allocates later reads as "special" until it is added here: no country, never a wrong one.
    ["2001:200::/23", "public"], // APNIC
    ["2001:400::/23", "public"], // ARIN
    ["2001:600::/23", "public"], // RIPE NCC
    ["2001:800::/22", "public"], // RIPE NCC
    ["2001:c00::/23", "public"], // APNIC
    ["2001:e00::/23", "public"], // APNIC
    ["2001:1200::/23", "public"], // LACNIC
    ["2001:1400::/22", "public"], // RIPE NCC
    ["2001:1800::/23", "public"], // ARIN
    ["2001:1a00::/23", "public"], // RIPE NCC
    ["2001:1c00::/22", "public"], // RIPE NCC
    ["2001:2000::/19", "public"], // RIPE NCC
    ["2001:4000::/23", "public"], // RIPE NCC
    ["2001:4200::/23", "public"], // AFRINIC
    ["2001:4400::/23", "public"], // APNIC
    ["2001:4600::/23", "public"], // RIPE NCC
    ["2001:4800::/23", "public"], // ARIN
    ["2001:4a00::/23", "public"], // RIPE NCC
    ["2001:4c00::/23", "public"], // RIPE NCC
    ["2001:5000::/20", "public"], // RIPE NCC
    ["2001:8000::/19", "public"], // APNIC
    ["2001:a000::/20", "public"], // APNIC
    ["2001:b000::/20", "public"], // APNIC
    ["2002::/16", "public"], // 6to4: answered by its IPv4 address (see nonPublicKind)
    ["2003::/18", "public"], // RIPE NCC
    ["2400::/12", "public"], // APNIC
    ["2410::/12", "public"], // APNIC
    ["2600::/12", "public"], // ARIN
    ["2610::/23", "public"], // ARIN
    ["2620::/23", "public"], // ARIN
    ["2630::/12", "public"], // ARIN
    ["2800::/12", "public"], // LACNIC
    ["2a00::/12", "public"], // RIPE NCC
    ["2a10::/12", "public"], // RIPE NCC
    ["2c00::/12", "public"], // AFRINIC
    ["2000::/3", "special"], // global unicast IANA has not allocated
    // Everything outside 2000::/3 is not global unicast (RFC 4291 §2.4). The IPv4-embedding
    // NAT64 prefix inside ::/3 is answered by its IPv4 address first (see nonPublicKind).
    ["::/3", "special"],
    ["4000::/2", "special"],
    ["8000::/1", "special"],
  ] as const
).map(([text, kind]) => ({ range: parseCidr(text)!, kind }));

/**
 * Prefixes whose addresses carry an IPv4 address, so that address is what they stand for:
 * NAT64 well-known prefix 64:ff9b::/96 (RFC 6052: the IPv4 address in the last 32 bits) and
 * 6to4 2002::/16 (RFC 3056: 2002:WWXX:YYZZ::/48 for W.X.Y.Z; Google's internal hops use it for
 * 10.x addresses). Teredo (2001::/32) is not here: its IPv4 part is obfuscated and names a
 * relay, not the sender.
 */
export const IPV4_EMBEDDING_RANGES: readonly Cidr[] = ["64:ff9b::/96", "2002::/16"].map((text) => parseCidr(text)!);

/** The IPv4 address an IPv6 address of a NAT64 or 6to4 prefix stands for; undefined otherwise. */
export function embeddedIpv4(ip: IpAddress): IpAddress | undefined {
  if (ip.family !== 6) return undefined;
  const [nat64, sixToFour] = IPV4_EMBEDDING_RANGES;
  const offset = cidrContains(nat64!, ip) ? 12 : cidrContains(sixToFour!, ip) ? 2 : -1;
  if (offset < 0) return undefined;
  return parseIp(Array.from(ip.bytes.slice(offset, offset + 4)).join("."));
}

/** "private" or "special" for non-public addresses (see NonPublicKind), undefined for public ones. */
export function nonPublicKind(ip: IpAddress): NonPublicKind | undefined {
  const embedded = embeddedIpv4(ip);
  if (embedded) return nonPublicKind(embedded);
  const kind = ADDRESS_RANGES.find(({ range }) => cidrContains(range, ip))?.kind;
  return kind === "public" ? undefined : kind;
}

/** True for private, loopback, link-local, CGNAT, documentation, multicast and reserved ranges. */
export function isNonPublicIp(ip: IpAddress): boolean {
  return nonPublicKind(ip) !== undefined;
}
