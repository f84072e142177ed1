import type { LinkInfo, Severity } from "../../analysis.js";
import type { RuleContext } from "../../context.js";
import type { RuleHit } from "../../rule.js";
import { defineRule } from "../../rule.js";
import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { distinctBy, effectiveTarget, isClickable, isDisplayNameHost, isOpaque, isOrganizationHost, isSenderHost, redirectDestinations, sameParty, shownEvidence, targetEvidence } from "./common.js";
import { isTrackerHost } from "../../body/services.js";
import { isBrandOwnedHost } from "../../net/lookalike.js";

/**
 * LINK_TEXT_MISMATCH — the visible text shows a URL or domain, and the link goes to another
 * registrable domain (the seed's case 2, example A). "www.example.com" shown for a link to
 * "example.com" is the same site; domains of one organisation (same registrable domain, or a
 * configured sameOrganizationDomains group) count as equal.
 *
 * Redirectors cannot be compared with the text — their server decides where the click ends:
 * - a click tracker (or admin-allowed link host) is no evidence when the text shows the sender's
 *   or the organisation's site; when it claims another site it is medium, not proven false;
 * - the sender's own redirect ("Dilbert.com" → the sender's click.example.com, or the site its
 *   display name names when a forwarding service rewrote the address) is the sender vouching
 *   for its link under its own name: low — unless the text claims a widely impersonated brand
 *   or the organisation, which an unrelated sender has no reason to do;
 * - a link whose own query names the shown site as its destination ("…/go?dest=https://shop.
 *   example/") is a visible redirect, low (a phishing link would rather carry its real target).
 */
export const LINK_TEXT_MISMATCH = defineRule({
  id: "LINK_TEXT_MISMATCH",
  group: "links",
  severity: "high",
  title: localized("表示されている URL と実際のリンク先が違います", "The link shows one address but goes to another"),
  explanation: localized(
    "本文に表示されている URL(またはドメイン名)と、クリックしたときに実際に開くリンク先のドメインが一致しません。本物のサイトのアドレスを見せておき、別のサイトへ誘導する典型的な手口です。リンクはクリックせず、そのサイトを使う必要があるときは、ブラウザーのブックマークや公式アプリから開いてください。",
    "The address written in the mail (or the domain name it shows) is not where the link really goes. Showing a trusted site's address while sending you somewhere else is a classic trick. Do not click the link; if you need the site, open it from your own bookmark or the official app.",
  ),
  check(context) {
    const hits: RuleHit[] = [];
    const candidates = context.body.links.filter(
      (link) => isClickable(link) && link.source === "html" && (link.shownKind === "url" || link.shownKind === "domain") && link.shownHost !== undefined,
    );
    for (const link of distinctBy(candidates, (l) => `${l.shownRegistrableDomain ?? l.shownHost}\u0000${effectiveTarget(l).url}`)) {
      const target = effectiveTarget(link);
      const shownHost = link.shownHost!;
      if (target.host === null || isOpaque(link)) continue;
      if (link.shownRegistrableDomain !== undefined && link.shownRegistrableDomain === target.registrableDomain) continue;
      if (link.shownRegistrableDomain === undefined && shownHost === target.host) continue;
      if (sameParty(context, shownHost, target.host)) continue;
      const severity = severityOf(context, link, shownHost, target.host);
      if (severity === null) continue;
      hits.push({
        severity,
        evidence: [
          ...shownEvidence(link),
          evidence(LABEL.shownDomain, link.shownRegistrableDomain ?? shownHost),
          evidence(LABEL.realDomain, target.registrableDomain ?? target.host),
          ...targetEvidence(link),
        ],
      });
    }
    return hits;
  },
});

/** Severity per the redirect cases above; null when the link is no evidence at all. */
function severityOf(context: RuleContext, link: LinkInfo, shownHost: string, targetHost: string): Severity | null {
  const claimsTrusted = isBrandOwnedHost(shownHost) || isOrganizationHost(context, shownHost);
  if (isTrackerHost(targetHost) || context.organization.isAllowedLinkHost(targetHost)) {
    return isSenderHost(context, shownHost) || isOrganizationHost(context, shownHost) ? null : "medium";
  }
  if (isSenderHost(context, targetHost) || isDisplayNameHost(context, targetHost)) return claimsTrusted ? "high" : "low";
  const shownDomain = link.shownRegistrableDomain;
  if (shownDomain !== undefined && redirectDestinations(effectiveTarget(link).url).includes(shownDomain)) return "low";
  return "high";
}
