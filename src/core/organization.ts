import type { Config } from "./config.js";
import { cidrContains, parseCidr, parseIp, type Cidr } from "./net/ip.js";
import { isSameOrSubdomain, normalizeHostname, registrableDomain } from "./net/domain.js";

/** What the core knows about the reader's organisation, resolved once from the config. */
export interface Organization {
  /** Whether any own domain is configured (otherwise "own" checks are skipped). */
  readonly known: boolean;
  /** The organisation's name as configured (display names that claim it are checked). */
  readonly name?: string;
  readonly domains: readonly string[];
  readonly country?: string;
  /** The host is one of the organisation's domains or a subdomain of one. */
  isOwnHost(host: string | null | undefined): boolean;
  /** Both hosts belong to one organisation: same registrable domain, or listed together in sameOrganizationDomains. */
  sameOrganization(a: string | null | undefined, b: string | null | undefined): boolean;
  /** A Received hop's host or IP is one of the organisation's or a trusted relay. */
  isTrustedRelay(host: string | undefined, ip: string | undefined): boolean;
  /** authserv-ids configured for the organisation's receivers. */
  readonly authservIds: readonly string[];
  /** Link domains the admin allows (never reported as hidden targets). */
  isAllowedLinkHost(host: string | null | undefined): boolean;
  readonly massRecipientThreshold: number;
  /** Country configured for a domain (domainCountries, own domains → organisation country). */
  configuredCountry(host: string): string | undefined;
}

function normalizedList(list: readonly string[] | undefined): string[] {
  return (list ?? []).map((d) => normalizeHostname(d)).filter((d): d is string => d !== null);
}

export function resolveOrganization(config: Config | undefined, massDefault: number): Organization {
  const domains = normalizedList(config?.organization?.domains);
  const allowed = normalizedList(config?.allowedLinkDomains);
  const relayPatterns: string[] = [];
  const relayRanges: Cidr[] = [];
  for (const entry of config?.organization?.trustedRelays ?? []) {
    const range = parseCidr(entry);
    if (range) relayRanges.push(range);
    else relayPatterns.push(entry.toLowerCase().replace(/^\*\./, ""));
  }
  // Group index per registrable domain, so "same organisation" is one map lookup.
  const groupOf = new Map<string, number>();
  (config?.sameOrganizationDomains ?? []).forEach((group, i) => {
    for (const d of group) {
      const reg = registrableDomain(normalizeHostname(d));
      if (reg) groupOf.set(reg, i);
    }
  });
  const ownGroup = -1;
  for (const d of domains) {
    const reg = registrableDomain(d);
    if (reg && !groupOf.has(reg)) groupOf.set(reg, ownGroup);
  }
  const countries = new Map<string, string>();
  for (const [d, c] of Object.entries(config?.domainCountries ?? {})) {
    const host = normalizeHostname(d);
    if (host) countries.set(host, c);
  }
  const orgCountry = config?.organization?.country;
  const matchesAny = (host: string | null | undefined, list: readonly string[]): boolean =>
    !!host && list.some((d) => isSameOrSubdomain(host, d));

  return {
    known: domains.length > 0,
    name: config?.organization?.name,
    domains,
    country: orgCountry,
    authservIds: (config?.organization?.authservIds ?? []).map((s) => s.toLowerCase()),
    massRecipientThreshold: config?.massRecipientThreshold ?? massDefault,
    isOwnHost: (host) => matchesAny(host, domains),
    sameOrganization(a, b) {
      if (!a || !b) return false;
      const ra = registrableDomain(a);
      const rb = registrableDomain(b);
      if (!ra || !rb) return false;
      if (ra === rb) return true;
      const ga = groupOf.get(ra);
      return ga !== undefined && ga === groupOf.get(rb);
    },
    isTrustedRelay(host, ip) {
      const h = host ? normalizeHostname(host) : null;
      if (h && (matchesAny(h, domains) || matchesAny(h, relayPatterns))) return true;
      const address = ip ? parseIp(ip) : undefined;
      return !!address && relayRanges.some((r) => cidrContains(r, address));
    },
    isAllowedLinkHost: (host) => matchesAny(host, allowed),
    configuredCountry(host) {
      for (const [d, c] of countries) if (isSameOrSubdomain(host, d)) return c;
      if (orgCountry && matchesAny(host, domains)) return orgCountry;
      return undefined;
    },
  };
}
