import type { Severity } from "../../analysis.js";
import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { domainOfAddress, hasKnownPublicSuffix, registrableDomain } from "../../net/domain.js";
import { defineRule, type RuleHit } from "../../rule.js";
import { addressesIn, domainsIn } from "../../text/written-names.js";
import { brandNamed, isBrandDomain } from "./brands.js";
import { authOf, lower } from "./common.js";

/**
 * The display name shows another address or domain than the real one
 * ("support@bank.example <x@evil.example>", "Amazon.co.jp <info@evil.example>"), the
 * organisation's own domain while the address is outside, or the name of a well-known
 * organisation ("PayPal <x@evil.example>", see brands.ts) while the address is not on its domains. Mail clients show the name and hide
 * the address, so the name is what a person believes.
 *
 * Softer for the legitimate forms that mention another address: a mailing list or sharing
 * service rewriting From for DMARC ("'Jane' via Group <group@googlegroups.com>",
 * "Jane (jane@example.com) via Docs"), and a From address that itself authenticated.
 */

/** The name tells it is relayed on someone's behalf (Google Groups, Docs, lists, "on behalf of"). */
function relayedOnBehalf(name: string): boolean {
  const lower = ` ${name.toLowerCase()} `;
  return lower.includes(" via ") || lower.includes(" on behalf of ") || lower.includes("(via ");
}

export const DISPLAY_NAME_SPOOF = defineRule({
  id: "DISPLAY_NAME_SPOOF",
  group: "sender",
  severity: "medium",
  title: localized(
    "差出人の表示名に、実際とは別のアドレスやドメインが書かれています",
    "The sender's display name shows a different address or domain",
  ),
  explanation: localized(
    "メールソフトは差出人の「表示名」を大きく表示し、実際のアドレスを隠すことがあります。このメールの表示名には、実際の差出人アドレスとは別のアドレスやドメインが書かれており、信頼できる相手からのメールに見せかけている可能性があります。実際の差出人アドレスを確認してください。",
    "Mail programs show the sender's display name prominently and may hide the real address. This mail's display name contains an address or domain different from the real sender address, which can make it look as if it came from someone you trust. Check the actual sender address.",
  ),
  check(context) {
    const from = context.sender;
    const name = from.from?.name?.trim() ?? "";
    if (!name || !from.domain || !from.registrableDomain) return [];
    const organization = context.organization;
    const related = (host: string): boolean =>
      registrableDomain(host) === from.registrableDomain || organization.sameOrganization(host, from.domain);

    const hits: RuleHit[] = [];
    const seen = new Set<string>();
    const shownAddresses = addressesIn(name);
    const addressDomains = new Set<string>();
    for (const address of shownAddresses) {
      const host = domainOfAddress(address);
      if (!host || !hasKnownPublicSuffix(host)) continue;
      addressDomains.add(host);
      if (related(host) || seen.has(address.toLowerCase())) continue;
      seen.add(address.toLowerCase());
      hits.push({ severity: "high", evidence: [evidence(LABEL.displayName, name), evidence(LABEL.from, from.from!.address)] });
    }
    const outside = organization.known && !organization.isOwnHost(from.domain);
    for (const host of domainsIn(name)) {
      if (addressDomains.has(host) || related(host) || seen.has(host)) continue;
      seen.add(host);
      // Naming the reader's own organisation from outside is the stronger claim.
      const severity: Severity = outside && organization.isOwnHost(host) ? "high" : "medium";
      hits.push({ severity, evidence: [evidence(LABEL.displayName, name), evidence(LABEL.from, from.from!.address)] });
    }
    // The organisation's own domain named while the address is outside it.
    if (hits.length === 0 && outside) {
      const lowerName = name.toLowerCase();
      const own = organization.domains.find((d) => lowerName.includes(d));
      if (own) hits.push({ severity: "high", evidence: [evidence(LABEL.displayName, name), evidence(LABEL.from, from.from!.address)] });
    }
    // A well-known organisation's name while the address is on another domain. The From
    // domain authenticating does not help here: it proves the domain, not the name.
    let brandHit = false;
    if (hits.length === 0) {
      const brand = brandNamed(name);
      if (brand && !isBrandDomain(from.domain, brand.labels)) {
        brandHit = true;
        hits.push({ severity: "medium", evidence: [evidence(LABEL.displayName, name), evidence(LABEL.from, from.from!.address)] });
      }
    }
    if (hits.length === 0) return [];
    if (brandHit) return [{ severity: relayedOnBehalf(name) ? "low" : "medium", evidence: hits[0]!.evidence }];
    // One finding: the name is shown once; the severity is the strongest reason. Without any
    // authentication result we cannot tell a rewriting service from a forger: one step lower.
    // An authenticated address proves its own domain, not the one in the name, except that
    // services quoting a person's address ("Jane (jane@x.example) via Docs") authenticate too.
    let severity: Severity = hits.some((h) => h.severity === "high") ? "high" : "medium";
    const auth = authOf(context);
    if (relayedOnBehalf(name)) severity = "low";
    else if (!auth.evaluated || (severity === "high" && auth.fromAuthenticated)) severity = lower(severity);
    return [{ severity, evidence: hits[0]!.evidence }];
  },
});
