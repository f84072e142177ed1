import type { Organization } from "../../organization.js";

/**
 * The country a sender's domain implies, and whether it belongs to the public sector.
 *
 * Country-code TLDs imply their country (ISO 3166-1 alpha-2 with the IANA exceptions: ".uk" is
 * GB). Some ccTLDs are sold worldwide as generic names (.io, .co, .me, .tv, .ai, ...): they imply
 * nothing, like .com. The admin's `domainCountries` and the organisation's own country come first.
 */

/** ccTLDs marketed as generic names: a domain under them says nothing about where it is. */
const GENERIC_CCTLDS = new Set([
  "ac", "ad", "ag", "ai", "am", "as", "bz", "cc", "cd", "cf", "co", "cx", "dj", "fm", "ga", "gg", "gl", "gq", "gs", "io",
  "la", "ly", "md", "me", "ml", "ms", "mu", "nu", "pw", "sh", "so", "st", "tc", "tk", "to", "tv", "vc", "vg", "ws",
]);

/** Two-letter TLDs that are not ISO country codes of a country (or are spelled differently). */
const CCTLD_EXCEPTIONS: Readonly<Record<string, string | null>> = { uk: "GB", eu: null, su: null, ax: "AX" };

/** Second-level labels that mark a public-sector registry under a ccTLD. */
const PUBLIC_SECTOR_SLDS = new Set(["go", "lg", "gov", "gouv", "gob", "gub", "govt", "gv", "mil", "admin", "gc"]);

const JP_ORGANIZATIONAL_SLDS = new Set(["ac", "ad", "co", "ed", "go", "gr", "lg", "ne", "or"]);

function labels(host: string): string[] {
  return host.toLowerCase().replace(/\.$/, "").split(".");
}

/** The country a domain's TLD implies ("go.jp" → "JP", "gov.uk" → "GB", ".gov"/".mil" → "US"). */
export function countryOfTld(host: string): string | undefined {
  const parts = labels(host);
  const tld = parts[parts.length - 1] ?? "";
  if (tld === "gov" || tld === "mil") return "US"; // RFC 2146 / RFC 1591: US federal government and military
  if (!/^[a-z]{2}$/.test(tld) || GENERIC_CCTLDS.has(tld)) return undefined;
  if (tld in CCTLD_EXCEPTIONS) return CCTLD_EXCEPTIONS[tld] ?? undefined;
  return tld.toUpperCase();
}

/**
 * Government, military and local-government domains: "go.jp", "lg.jp", "gov.uk", "gouv.fr",
 * "gob.mx", "govt.nz", "gv.at", "admin.ch", "gc.ca", "mil.xx", and the TLDs .gov and .mil.
 * (Pref-level sites "pref.xx.jp" / "city.xx.jp" are local government too.)
 */
export function isPublicSector(host: string): boolean {
  const parts = labels(host);
  const tld = parts[parts.length - 1] ?? "";
  if (tld === "gov" || tld === "mil") return true;
  const sld = parts[parts.length - 2];
  if (sld !== undefined && PUBLIC_SECTOR_SLDS.has(sld) && /^[a-z]{2}$/.test(tld)) return true;
  // Japanese geographic domains of local government: pref.<pref>.jp and city.<city>.<pref>.jp
  // (also town./vill.); the SLD is then a place name, never co/ne/or/ac/....
  if (tld === "jp" && sld !== undefined && !JP_ORGANIZATIONAL_SLDS.has(sld)) {
    const n = parts.length;
    if (n >= 3 && parts[n - 3] === "pref") return true;
    if (n >= 4 && ["city", "town", "vill"].includes(parts[n - 4]!)) return true;
  }
  return false;
}

export interface ExpectedCountry {
  readonly country: string;
  readonly source: "config" | "tld";
}

export function expectedCountry(host: string | null | undefined, organization: Organization): ExpectedCountry | undefined {
  if (!host) return undefined;
  const configured = organization.configuredCountry(host);
  if (configured) return { country: configured.toUpperCase(), source: "config" };
  const tld = countryOfTld(host);
  return tld ? { country: tld, source: "tld" } : undefined;
}
