import type { Severity } from "../../analysis.js";
import { diagnostic } from "../../diagnostics.js";
import { evidence, LABEL } from "../../evidence.js";
import { headerValues } from "../../headers/block.js";
import { localized } from "../../i18n.js";
import { defineRule } from "../../rule.js";
import { expectedCountry, isPublicSector } from "./country.js";
import { authOf, headersMissing, lower, reportOriginUnknown } from "./common.js";
import { isMailPlatform } from "./domains.js";

/**
 * The seed's case 1: a "go.jp" sender whose mail was handed to the organisation by a Chinese IP.
 * The sender's domain implies a country (ccTLD or configuration); the origin IP — the first
 * outside address the receiving side recorded — is in another one.
 *
 * Quiet when: the domain implies no country (.com, .io...); the origin is private; the From
 * domain passed authentication (then the origin is a server its owner authorised — a Japanese
 * company on Google Workspace sends from US addresses, legitimately).
 * Softer when: the origin's verified host name is a large mail platform (its addresses say
 * where the platform is, not the sender); the two country sources disagree; the origin is a
 * best guess.
 */
export const ORIGIN_COUNTRY_MISMATCH = defineRule({
  id: "ORIGIN_COUNTRY_MISMATCH",
  group: "sender",
  severity: "medium",
  title: localized(
    "差出人のドメインとは別の国から送られています",
    "Sent from a different country than the sender's domain suggests",
  ),
  explanation: localized(
    "差出人のアドレスはある国の組織のものですが、このメールを受信側のサーバーに渡した送信元の IP アドレスは別の国にあります。差出人のアドレスは簡単に偽装できるため、官公庁や取引先をかたる標的型攻撃メールによく見られる特徴です。添付ファイルやリンクを開く前に、電話など、メール以外の方法で差出人に確認してください。",
    "The sender's address belongs to an organisation in one country, but the IP address that handed this mail to the receiving server is in another. Sender addresses are easy to fake, and this is a typical mark of targeted attack mail posing as a government office or business partner. Before opening attachments or links, confirm with the sender by phone or another channel that is not this mail.",
  ),
  check(context) {
    const domain = context.sender.domain;
    if (!domain) return [];
    const expected = expectedCountry(domain, context.organization);
    if (!expected) return [];
    if (headersMissing(context)) return [];
    const origin = context.route.origin;
    if (!origin) {
      reportOriginUnknown(context);
      return [];
    }
    if (!origin.country) {
      context.report(diagnostic("COUNTRY_UNKNOWN", "info", { ip: origin.ip }));
      return [];
    }
    if (origin.country === "private" || origin.country === "special" || origin.country === expected.country) return [];
    if (authOf(context).fromAuthenticated) return [];

    let severity: Severity = isPublicSector(domain) ? "high" : "medium";
    const originHop = context.route.hops[origin.hopIndex];
    // Only the name the receiving server verified (reverse DNS) counts, never the HELO name.
    if (isMailPlatform(originHop?.fromHost)) severity = lower(severity);
    if (origin.countryByLookup === expected.country) severity = lower(severity);
    if (origin.uncertain) severity = lower(severity);
    // A mailing list (RFC 2919 List-Id) re-sends from its own server: the origin is the list's.
    if (headerValues(context.snapshot.headers, "list-id").length > 0) severity = lower(severity);

    const source = origin.countrySource === "forefront" ? "Microsoft 365" : "IP DB";
    const items = [
      evidence(LABEL.from, context.sender.from?.address ?? domain),
      evidence(LABEL.expectedCountry, expected.source === "config" ? `${expected.country} (config)` : expected.country),
      evidence(LABEL.originIp, origin.host ? `${origin.ip} (${origin.host})` : origin.ip),
      evidence(LABEL.originCountry, `${origin.country} (${source})`),
    ];
    if (origin.countryByLookup) items.push(evidence(LABEL.countryByLookup, origin.countryByLookup));
    if (originHop) items.push(evidence(LABEL.receivedHop, originHop.raw));
    return [{ severity, evidence: items }];
  },
});
