import type { RuleContext } from "../../context.js";
import type { RuleHit } from "../../rule.js";
import { defineRule } from "../../rule.js";
import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { hostToUnicode } from "../../net/domain.js";
import { BRAND_REFERENCES, describeReference, findLookalike, isBrandOwnedHost, lookalikeSeverity, type LookalikeReference } from "../../net/lookalike.js";
import { isTrackerHost } from "../../body/services.js";
import { distinctBy, effectiveTarget, isOrganizationHost, isSenderParty, isWeb, linkEvidence } from "./common.js";

/** References a link may imitate: the sender's domain, the organisation's own domains, the brands. */
export function linkReferences(context: RuleContext): LookalikeReference[] {
  const refs: LookalikeReference[] = [];
  const sender = context.sender.registrableDomain;
  if (sender) refs.push({ domain: sender, source: "sender" });
  for (const domain of context.organization.domains) refs.push({ domain, source: "organization" });
  refs.push(...BRAND_REFERENCES);
  return refs;
}

/**
 * LINK_LOOKALIKE — the link's registrable domain imitates the sender's, the organisation's or a
 * widely impersonated brand's domain (net/lookalike.ts: confusable skeleton, one edit on long
 * labels, suffix folded into the label, brand name plus words, brand domain as a subdomain).
 */
export const LINK_LOOKALIKE = defineRule({
  id: "LINK_LOOKALIKE",
  group: "links",
  severity: "high",
  title: localized("よく似た別のドメインへのリンクがあります", "A link goes to a look-alike domain"),
  explanation: localized(
    "リンク先のドメインが、差出人や自分の組織、よく知られた企業のドメインにそっくりですが、別のものです(似た文字への置き換え、1 文字違い、「-jp」などの付け足し、本物の名前を頭に付けた別ドメインなど)。偽サイトでよく使われる名前の付け方です。",
    "The link's domain closely resembles the sender's, your organisation's or a well-known company's domain, but it is a different one (look-alike letters swapped in, one letter off, words such as “-jp” added, or the real name put in front of another domain). Fake sites are named this way.",
  ),
  check(context) {
    const references = linkReferences(context);
    const hits: RuleHit[] = [];
    const candidates = context.body.links.filter((link) => {
      const host = effectiveTarget(link).host;
      return (
        isWeb(effectiveTarget(link)) &&
        // Strictly the sender's party: a name merely built like the sender's is exactly what a look-alike is.
        !isSenderParty(context, host) &&
        !isOrganizationHost(context, host) &&
        !context.organization.isAllowedLinkHost(host) &&
        !isTrackerHost(host) &&
        !isBrandOwnedHost(host!)
      );
    });
    for (const link of distinctBy(candidates, (l) => effectiveTarget(l).host!)) {
      const target = effectiveTarget(link);
      const match = findLookalike(target.host!, references);
      if (!match) continue;
      const severity = lookalikeSeverity(match);
      if (!severity) continue;
      hits.push({
        severity,
        evidence: [...linkEvidence(link), evidence(LABEL.realDomain, hostToUnicode(target.registrableDomain ?? target.host!)), evidence(LABEL.lookalikeOf, describeReference(match.reference))],
      });
    }
    return hits;
  },
});
