import type { RuleHit } from "../../rule.js";
import { defineRule } from "../../rule.js";
import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { distinctBy, effectiveTarget, isExpectedDestination, isOpaque, isWeb, targetEvidence } from "./common.js";

/**
 * LINK_OFF_SENDER_DOMAIN — in a plain-text mail, a URL on another registrable domain than the
 * sender's (the seed's case 2, example 1). Low: plain-text mail from people routinely cites
 * other sites (mailing lists, references), so this is context for the reader, not a verdict.
 * The URL is shown as written, so the rule says where the domains differ.
 */
export const LINK_OFF_SENDER_DOMAIN = defineRule({
  id: "LINK_OFF_SENDER_DOMAIN",
  group: "links",
  severity: "low",
  title: localized("差出人とは別のドメインの URL が書かれています", "The mail contains a URL on another domain than the sender's"),
  explanation: localized(
    "テキスト形式のメールに、差出人のメールアドレスとは異なるドメインの URL が書かれています。外部のサービスを案内するメールもありますが、差出人を装って不審なサイトへ誘導するメールにもよく見られます。URL のドメインが差出人と関係のあるものか確かめてから開いてください。",
    "This plain-text mail contains a URL whose domain differs from the sender's address. Mail does point to other services, but mail pretending to come from someone often leads to an unrelated site this way. Check that the domain belongs with the sender before opening it.",
  ),
  check(context) {
    const sender = context.sender.registrableDomain;
    if (!sender || context.body.hasHtml) return [];
    const off = context.body.links.filter(
      (link) => link.source === "text" && isWeb(effectiveTarget(link)) && !isOpaque(link) && !isExpectedDestination(context, effectiveTarget(link).host),
    );
    return distinctBy(off, (l) => effectiveTarget(l).registrableDomain ?? effectiveTarget(l).url).map(
      (link): RuleHit => ({
        evidence: [...targetEvidence(link), evidence(LABEL.realDomain, effectiveTarget(link).registrableDomain ?? ""), evidence(LABEL.senderDomain, sender)],
      }),
    );
  },
});
