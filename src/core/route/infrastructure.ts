import { cidrContains, parseCidr, parseIp, type Cidr, type IpAddress } from "../net/ip.js";

/**
 * What we know, without any configuration, about the receiving side's own machinery: private
 * networks, and the internal hops of the two big hosted mail services. A hop whose sending side
 * is one of these was handed over *inside* the receiving infrastructure, so the walk towards the
 * origin goes on past it.
 */

const LOCAL_NETWORKS: readonly Cidr[] = [
  "0.0.0.0/8", // "this network" (RFC 1122)
  "10.0.0.0/8", // RFC 1918
  "100.64.0.0/10", // carrier-grade NAT (RFC 6598)
  "127.0.0.0/8", // loopback
  "169.254.0.0/16", // link-local (RFC 3927)
  "172.16.0.0/12", // RFC 1918
  "192.168.0.0/16", // RFC 1918
  "::/128",
  "::1/128",
  "fc00::/7", // unique local (RFC 4193)
  "fe80::/10", // link-local
].map((t) => parseCidr(t)!);

const SIX_TO_FOUR = parseCidr("2002::/16")!;

/**
 * Addresses of the local network (private, loopback, link-local, CGNAT, unique-local), and
 * 6to4 addresses that embed one (RFC 3056: 2002:WWXX:YYZZ::/48 carries IPv4 W.X.Y.Z — Google's
 * internal hops "by 2002:a05:..." embed 10.5.x.x). Documentation ranges (RFC 5737) are *not*
 * local: sanitised sample mail uses them for outside senders.
 */
export function isLocalNetworkIp(ip: IpAddress): boolean {
  if (LOCAL_NETWORKS.some((r) => cidrContains(r, ip))) return true;
  if (ip.family === 6 && cidrContains(SIX_TO_FOUR, ip)) {
    const embedded = parseIp(Array.from(ip.bytes.slice(2, 6)).join("."));
    return !!embedded && LOCAL_NETWORKS.some((r) => cidrContains(r, embedded));
  }
  return false;
}

/** Microsoft's IPv6 allocations used between Exchange Online / EOP servers. */
const MICROSOFT_V6: readonly Cidr[] = ["2603:1000::/24", "2a01:111::/32"].map((t) => parseCidr(t)!);

/**
 * Names of Exchange Online / EOP servers *inside* a tenant's delivery path: mailbox servers
 * (*.prod.outlook.com), EOP front ends (*.mail.protection.outlook.com, *.prod.protection...),
 * *.outlook.office365.com and the older *.prod.exchangelabs.com. The *outbound* EOP servers
 * (*.outbound.protection.outlook.com) belong to the *sending* tenant and are excluded.
 */
const MICROSOFT_INTERNAL_SUFFIXES = [
  ".prod.outlook.com",
  ".prod.protection.outlook.com",
  ".mail.protection.outlook.com",
  ".outlook.office365.com",
  ".prod.exchangelabs.com",
];

export function isMicrosoftInternalName(host: string | undefined): boolean {
  if (!host) return false;
  const h = host.toLowerCase().replace(/\.$/, "");
  if (h.endsWith(".outbound.protection.outlook.com")) return false;
  return MICROSOFT_INTERNAL_SUFFIXES.some((s) => h.endsWith(s));
}

export function isMicrosoftInternalIp(ip: IpAddress | undefined): boolean {
  return !!ip && MICROSOFT_V6.some((r) => cidrContains(r, ip));
}

/** The receiving side is Exchange Online / EOP (which strips forged organisation headers). */
export function isMicrosoftReceiver(by: string | undefined): boolean {
  if (!by) return false;
  const h = by.toLowerCase();
  return isMicrosoftInternalName(h) || h.endsWith(".outlook.com");
}

/** The receiving side is Gmail / Google Workspace: mx.google.com and its internal IPv6 hops. */
export function isGoogleReceiver(by: string | undefined): boolean {
  if (!by) return false;
  const h = by.toLowerCase();
  if (h === "mx.google.com" || h.endsWith(".google.com")) return true;
  const ip = parseIp(h);
  return !!ip && isLocalNetworkIp(ip) && h.startsWith("2002:");
}

export function isLocalHostName(host: string | undefined): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  return h === "localhost" || h === "localhost.localdomain" || h.startsWith("localhost.");
}
