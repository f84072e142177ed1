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

/** Parses an IPv4 or IPv6 literal (brackets, an "IPv6:" prefix and a zone index are accepted). */
export function parseIp(input: string): IpAddress | undefined {
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

/** Non-public address ranges: these never place a mail in a country. */
const NON_PUBLIC_RANGES: readonly Cidr[] = [
  "0.0.0.0/8", // "this network" (RFC 1122)
  "10.0.0.0/8", // private (RFC 1918)
  "100.64.0.0/10", // carrier-grade NAT (RFC 6598)
  "127.0.0.0/8", // loopback
  "169.254.0.0/16", // link-local (RFC 3927)
  "172.16.0.0/12", // private
  "192.0.0.0/24", // IETF protocol assignments (RFC 6890)
  "192.0.2.0/24", // documentation TEST-NET-1 (RFC 5737)
  "192.168.0.0/16", // private
  "198.18.0.0/15", // benchmarking (RFC 2544)
  "198.51.100.0/24", // TEST-NET-2
  "203.0.113.0/24", // TEST-NET-3
  "224.0.0.0/4", // multicast
  "240.0.0.0/4", // reserved, broadcast
  "::/128", // unspecified
  "::1/128", // loopback
  "64:ff9b:1::/48", // local-use NAT64 (RFC 8215)
  "100::/64", // discard-only (RFC 6666)
  "2001:db8::/32", // documentation (RFC 3849)
  "fc00::/7", // unique local (RFC 4193)
  "fe80::/10", // link-local
  "ff00::/8", // multicast
].map((text) => parseCidr(text)!);

/** True for private, loopback, link-local, CGNAT, documentation, multicast and reserved ranges. */
export function isNonPublicIp(ip: IpAddress): boolean {
  return NON_PUBLIC_RANGES.some((range) => cidrContains(range, ip));
}
