import { defineRule } from "../../rule.js";
import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { hostToUnicode } from "../../net/domain.js";
import { BRAND_REFERENCES, describeReference, findLookalike, isBrandOwnedHost, lookalikeSeverity, type LookalikeReference } from "../../net/lookalike.js";

/**
 * LOOKALIKE_SENDER_DOMAIN — the From domain imitates the organisation's own domain or a widely
 * impersonated brand's (net/lookalike.ts) without being it. A domain of the organisation (or of a
 * configured same-organisation group) and a brand's own domains are never look-alikes.
 */
export const LOOKALIKE_SENDER_DOMAIN = defineRule({
  id: "LOOKALIKE_SENDER_DOMAIN",
  group: "sender",
  severity: "high",
  title: localized("差出人のドメインが、本物によく似せた別のドメインです", "The sender's domain imitates a domain you trust"),
  explanation: localized(
    "差出人のメールアドレスのドメインが、自分の組織やよく知られた企業のドメインにそっくりですが、別のものです(似た文字への置き換え、1 文字違い、語の付け足しなど)。なりすましメールの典型的な特徴です。返信したりリンクや添付ファイルを開いたりする前に、電話など別の方法で相手に確認してください。",
    "The domain of the sender's address closely resembles your organisation's or a well-known company's domain, but it is a different one (look-alike letters, one letter off, words added). This is a typical mark of an impersonation mail. Before replying or opening links or attachments, confirm with the supposed sender by another channel, such as a phone number you already know.",
  ),
  check(context) {
    const { domain, registrableDomain } = context.sender;
    if (!domain || !registrableDomain) return [];
    const org = context.organization;
    if (org.isOwnHost(domain) || org.domains.some((d) => org.sameOrganization(domain, d)) || isBrandOwnedHost(domain)) return [];
    const references: LookalikeReference[] = [...org.domains.map((d): LookalikeReference => ({ domain: d, source: "organization" })), ...BRAND_REFERENCES];
    const match = findLookalike(domain, references);
    if (!match) return [];
    const severity = lookalikeSeverity(match);
    if (!severity) return [];
    return [
      {
        severity,
        evidence: [
          evidence(LABEL.from, context.sender.from?.address ?? domain),
          evidence(LABEL.senderDomain, hostToUnicode(registrableDomain)),
          evidence(LABEL.lookalikeOf, describeReference(match.reference)),
        ],
      },
    ];
  },
});
