import type { RuleHit } from "../../rule.js";
import { defineRule } from "../../rule.js";
import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { distinctBy, effectiveTarget, hasSenderLink, isExpectedDestination, isOpaque, isWeb, shownEvidence, targetEvidence } from "./common.js";

/**
 * LINK_HIDDEN_TARGET — the link text shows no URL at all ("こちら", "click here", an image, or
 * nothing) and the link leaves the sender's and the organisation's domains (the seed's case 2,
 * examples B and C). Click trackers of mail services, the platform's own redirector and the
 * admin's allowed link domains are expected destinations: a newsletter's logo linking to the
 * sender's site through its ESP is not evidence.
 *
 * Medium when nothing in the mail links to the sender's own site: the mail uses a name and sends
 * people only elsewhere. Low when it does — newsletters link out to sponsors and articles all the
 * time (measured: a third of the HTML newsletters in the ham corpus do, and nearly all of them
 * also link home; almost no phishing mail does).
 */
export const LINK_HIDDEN_TARGET = defineRule({
  id: "LINK_HIDDEN_TARGET",
  group: "links",
  severity: "medium",
  title: localized("行き先の見えないリンクが、差出人とは別のサイトを指しています", "A link hides where it goes, and it leads away from the sender"),
  explanation: localized(
    "「こちら」「ここをクリック」のような文字や画像のリンクが、差出人とも自分の組織とも関係のないドメインを指しています。行き先を見せずにクリックさせる書き方で、不審なサイトへの誘導によく使われます。下の「実際のリンク先」が心当たりのあるサイトかどうか確かめてから操作してください。",
    "Link text such as “click here”, or an image, hides the destination, and the link goes to a domain that belongs neither to the sender nor to your organisation. This is how mail gets people to click without seeing where they go. Check that the real destination below is a site you expect before doing anything.",
  ),
  check(context) {
    const hits: RuleHit[] = [];
    const sender = context.sender.registrableDomain;
    const severity = hasSenderLink(context) ? "low" : undefined;
    const hidden = context.body.links.filter(
      (link) =>
        link.source === "html" &&
        (link.element === "a" || link.element === "area") &&
        (link.shownKind === "text" || link.shownKind === "image" || link.shownKind === "empty") &&
        isWeb(effectiveTarget(link)) &&
        !isOpaque(link) &&
        !isExpectedDestination(context, effectiveTarget(link).host),
    );
    for (const link of distinctBy(hidden, (l) => effectiveTarget(l).registrableDomain ?? effectiveTarget(l).url)) {
      const target = effectiveTarget(link);
      const extra = sender ? [evidence(LABEL.senderDomain, sender)] : [];
      hits.push({ severity, evidence: [...shownEvidence(link), ...targetEvidence(link), evidence(LABEL.realDomain, target.registrableDomain ?? target.host ?? ""), ...extra] });
    }
    return hits;
  },
});
